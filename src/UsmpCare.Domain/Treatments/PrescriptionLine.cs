using System.Globalization;
using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Domain.Treatments;

/// <summary>How a line reaches the patient in detention.</summary>
public enum DistributionMode
{
    /// <summary>Taken in front of the nurse (TSO, chosen psychotropics).</summary>
    Supervised,
    Daily,
    WeeklyPillBox,
    HeldByPatient,
}

/// <summary>The times of day of a line; none when it is given by a frequency or « si besoin ».</summary>
[Flags]
public enum DoseTimes
{
    None = 0,
    Morning = 1,
    Noon = 2,
    Evening = 4,
    Bedtime = 8,
}

/// <summary>What the prescriber typed for one line; <see cref="PrescriptionLine.Create"/> checks it.</summary>
public sealed record LineRequest(string? Cis, string? FreeText, decimal? Dose, string? DoseUnit, DoseTimes Times,
    int? TimesPerDay, bool AsNeeded, decimal? MaxPerDay, DateOnly Start, int? DurationDays, DateOnly? End,
    DistributionMode? Mode, string? Reason);

/// <summary>
/// One drug of a prescription, with a copy of what the referential said of it when it was written (a later import never
/// rewrites what was prescribed). Init-only: a signed prescription cannot be changed through its lines.
/// </summary>
public sealed class PrescriptionLine
{
    /// <summary>Units a dose is written in, with the largest single dose that is still plausible.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> DoseUnits = new Dictionary<string, decimal>
    {
        ["mg"] = 5000, ["g"] = 10, ["µg"] = 5000, ["ml"] = 100, ["UI"] = 200, ["comprimé(s)"] = 20, ["gélule(s)"] = 20,
        ["sachet(s)"] = 10, ["goutte(s)"] = 100, ["bouffée(s)"] = 10, ["patch(s)"] = 4, ["application(s)"] = 10, ["dose(s)"] = 10,
    };

    /// <summary>BDPM code of the product; null for a line written as free text, outside the referential.</summary>
    public string? Cis { get; init; }
    public string DrugName { get; init; } = "";

    /// <summary>The active substances (SA) of the product, as the BDPM names them: what the clash checks compare.</summary>
    public List<string> Substances { get; init; } = [];
    public bool Narcotic { get; init; }
    public decimal Dose { get; init; }
    public string DoseUnit { get; init; } = "";
    public DoseTimes Times { get; init; }
    public int? TimesPerDay { get; init; }
    public bool AsNeeded { get; init; }
    public decimal? MaxPerDay { get; init; }
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
    public DistributionMode Mode { get; init; }

    /// <summary>Why the prescriber kept the line despite an allergy or a same-substance warning.</summary>
    public string? Reason { get; init; }

    public bool OutOfReferential => Cis is null;
    public int Days => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The checked line, or a <see cref="DomainException"/> listing every problem in French.</summary>
    /// <param name="drug">The referential's product for <see cref="LineRequest.Cis"/>, null when the code is unknown.</param>
    /// <param name="defaultMode">The unit's default for the drug's class (<see cref="DistributionDefaults"/>).</param>
    public static PrescriptionLine Create(LineRequest r, Drug? drug, DistributionMode defaultMode)
    {
        var problems = new List<string>();
        var freeText = r.FreeText?.Trim() ?? "";
        if (r.Cis is { Length: > 0 } && drug is null)
        {
            problems.Add($"Le médicament de code « {r.Cis} » est inconnu du référentiel : cherchez-le à nouveau.");
        }
        else if (drug is null && freeText.Length == 0)
        {
            problems.Add("Choisissez un médicament du référentiel, ou écrivez-le en texte libre (hors référentiel).");
        }
        var substances = drug?.ActiveSubstances.Select(s => s.Name).ToList() ?? [];
        var name = drug?.Name ?? freeText;
        var narcotic = Narcotics.IsNarcotic([name, .. substances]);
        if (r.DoseUnit is null || !DoseUnits.TryGetValue(r.DoseUnit, out var maxDose))
        {
            problems.Add("Choisissez l'unité de la dose dans la liste.");
        }
        else if (r.Dose is not { } dose || dose <= 0)
        {
            problems.Add("La dose doit être supérieure à zéro.");
        }
        else if (dose > maxDose)
        {
            problems.Add($"Dose de {dose.ToString(CultureInfo.GetCultureInfo("fr-FR"))} {r.DoseUnit} par prise invraisemblable (au plus {maxDose} {r.DoseUnit}) : vérifiez l'unité.");
        }
        if ((r.Times & ~(DoseTimes.Morning | DoseTimes.Noon | DoseTimes.Evening | DoseTimes.Bedtime)) != 0)
        {
            problems.Add("Moment de prise inconnu.");
        }
        if (r.AsNeeded)
        {
            if (r.MaxPerDay is not { } max || max <= 0 || max > 24)
            {
                problems.Add("Un traitement « si besoin » indique le nombre maximal de prises par jour (1 à 24).");
            }
        }
        else if (r.Times == DoseTimes.None && r.TimesPerDay is not (>= 1 and <= 24))
        {
            problems.Add("Indiquez les moments de prise (matin, midi, soir, coucher) ou le nombre de prises par jour (1 à 24).");
        }
        var end = r.DurationDays is { } days ? r.Start.AddDays(days - 1) : r.End;
        if (r.DurationDays is < 1)
        {
            problems.Add("La durée doit être d'au moins un jour.");
        }
        else if (end is null)
        {
            problems.Add("Indiquez une durée ou une date de fin.");
        }
        else if (end < r.Start)
        {
            problems.Add("La date de fin précède la date de début.");
        }
        else if (end.Value.DayNumber - r.Start.DayNumber + 1 is var length && length > 365)
        {
            problems.Add("Une prescription ne dépasse pas un an : renouvelez-la à son terme.");
        }
        else if (Narcotics.MaxDays([name, .. substances]) is { } limit && length > limit.Days)
        {
            // Art. R.5132-30 CSP and the arrêtés fixing each stupéfiant's maximum duration.
            problems.Add($"{limit.Substance} se prescrit pour {limit.Days} jours au plus (stupéfiant) : {length} jours demandés.");
        }
        var mode = r.Mode ?? defaultMode;
        if (!Enum.IsDefined(mode))
        {
            problems.Add("Mode de distribution inconnu.");
        }
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }
        return new PrescriptionLine
        {
            Cis = drug?.Cis, DrugName = name, Substances = substances, Narcotic = narcotic, Dose = r.Dose!.Value,
            DoseUnit = r.DoseUnit!, Times = r.AsNeeded ? DoseTimes.None : r.Times,
            TimesPerDay = r.AsNeeded || r.Times != DoseTimes.None ? null : r.TimesPerDay, AsNeeded = r.AsNeeded,
            MaxPerDay = r.AsNeeded ? r.MaxPerDay : null, Start = r.Start, End = end!.Value, Mode = mode,
            Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(),
        };
    }

    /// <summary>The same line over another period (a renewal), or with the reason the checks asked for.</summary>
    public PrescriptionLine With(DateOnly start, string? reason) => new()
    {
        Cis = Cis, DrugName = DrugName, Substances = [.. Substances], Narcotic = Narcotic, Dose = Dose, DoseUnit = DoseUnit,
        Times = Times, TimesPerDay = TimesPerDay, AsNeeded = AsNeeded, MaxPerDay = MaxPerDay, Start = start,
        End = start.AddDays(Days - 1), Mode = Mode, Reason = reason,
    };

    /// <summary>
    /// The line written out in French, as on the ordonnance: « METHADONE AP-HP 40 mg, gélule : 1 gélule(s) le matin,
    /// prise devant l'infirmier, pendant 14 jours ». <paramref name="inLetters"/>: a stupéfiant's quantities also in
    /// full letters (art. R.5132-29 CSP).
    /// </summary>
    public string Describe(bool inLetters = false)
    {
        string N(decimal n) => inLetters ? $"{Fr(n)} ({FrenchNumbers.InLetters(n)})" : Fr(n);
        var when = AsNeeded
            ? $"si besoin, au plus {N(MaxPerDay ?? 0)} prise(s) par jour"
            : Times != DoseTimes.None ? TimesText(Times) : $"{N(TimesPerDay ?? 0)} fois par jour";
        return $"{DrugName}{(OutOfReferential ? " (hors référentiel)" : "")} : {N(Dose)} {DoseUnit} {when}, {Label(Mode)}, "
            + $"pendant {N(Days)} jour{(Days > 1 ? "s" : "")}, du {Start:dd/MM/yyyy} au {End:dd/MM/yyyy}";
    }

    public static string Label(DistributionMode mode) => mode switch
    {
        DistributionMode.Supervised => "prise devant l'infirmier",
        DistributionMode.Daily => "distribution quotidienne",
        DistributionMode.WeeklyPillBox => "pilulier hebdomadaire",
        _ => "détenu par le patient",
    };

    public static string TimesText(DoseTimes times)
    {
        var parts = new List<string>();
        if (times.HasFlag(DoseTimes.Morning)) { parts.Add("le matin"); }
        if (times.HasFlag(DoseTimes.Noon)) { parts.Add("le midi"); }
        if (times.HasFlag(DoseTimes.Evening)) { parts.Add("le soir"); }
        if (times.HasFlag(DoseTimes.Bedtime)) { parts.Add("au coucher"); }
        return parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts[..^1])} et {parts[^1]}";
    }

    private static string Fr(decimal n) => n.ToString("0.###", CultureInfo.GetCultureInfo("fr-FR"));
}

/// <summary>
/// Stupéfiants and the drugs prescribed under their rules (secured prescription, art. R.5132-5 and R.5132-29 CSP), by
/// substance: the demo referential does not carry the list I/II/stupéfiant classification, so the substances are named.
/// </summary>
public static class Narcotics
{
    /// <summary>Maximum duration of one prescription in days (méthadone 14 days, buprénorphine 28 days, others 28).</summary>
    private static readonly (string Stem, string Name, int Days)[] Substances =
    [
        ("methadone", "La méthadone", 14), ("buprenorphine", "La buprénorphine", 28), ("morphine", "La morphine", 28),
        ("oxycodone", "L'oxycodone", 28), ("fentanyl", "Le fentanyl", 28), ("hydromorphone", "L'hydromorphone", 28),
        ("methylphenidate", "Le méthylphénidate", 28),
    ];

    public static bool IsNarcotic(IEnumerable<string> names) => Match(names).Any();

    /// <summary>The shortest maximum among the line's stupéfiants, or null for a drug that is not one.</summary>
    public static (string Substance, int Days)? MaxDays(IEnumerable<string> names) =>
        Match(names).OrderBy(s => s.Days).Select(s => ((string, int)?)(s.Name, s.Days)).FirstOrDefault();

    private static IEnumerable<(string Stem, string Name, int Days)> Match(IEnumerable<string> names)
    {
        var folded = names.Select(MedicalTextCheck.Normalize).ToList();
        return Substances.Where(s => folded.Any(n => n.Contains(s.Stem, StringComparison.Ordinal)));
    }
}
