using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Followup;

/// <summary>The vaccines a prison health unit gives (calendrier des vaccinations, ministère de la santé).</summary>
public enum Vaccine
{
    /// <summary>Diphtérie, tétanos, poliomyélite (dTP).</summary>
    Dtp,

    /// <summary>dTP with reduced pertussis (dTcaP): counts as a dTP dose.</summary>
    DtpPertussis,
    HepatitisB,

    /// <summary>Rougeole, oreillons, rubéole (ROR).</summary>
    Mmr,
    Pneumococcal,
    Influenza,
    Covid19,
    Hpv,
}

public enum InjectionSite
{
    LeftDeltoid,
    RightDeltoid,
    LeftThigh,
    RightThigh,
}

/// <summary>A dose given (issue #21, point 6): appended to the record, never changed nor deleted.</summary>
public sealed class Vaccination : IFollowupItem
{
    public const int LotMaxLength = 40;

    private Vaccination()
    {
        Lot = GivenByName = "";
    }

    public Vaccination(Guid patientId, Guid unitId, Team team, Vaccine vaccine, int doseNumber, string? lot, DateOnly givenOn,
        InjectionSite site, DateOnly birthDate, Guid by, string byName, DateTimeOffset at, DateOnly today)
    {
        if (!Enum.IsDefined(vaccine) || !Enum.IsDefined(site))
        {
            throw new DomainException("Choisissez le vaccin et le site d'injection dans la liste.");
        }
        if (doseNumber is < 1 or > 10)
        {
            throw new DomainException("Le numéro de dose va de 1 à 10.");
        }
        if (string.IsNullOrWhiteSpace(lot) || lot.Trim().Length > LotMaxLength)
        {
            throw new DomainException("Indiquez le numéro de lot du vaccin (traçabilité), 40 caractères au plus.");
        }
        if (givenOn > today || givenOn < birthDate)
        {
            throw new DomainException("La date d'injection doit être passée et postérieure à la naissance du patient.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Team = team;
        Vaccine = vaccine;
        DoseNumber = doseNumber;
        Lot = lot.Trim();
        GivenOn = givenOn;
        Site = site;
        GivenById = by;
        GivenByName = byName;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public Team Team { get; private set; }
    public Vaccine Vaccine { get; private set; }
    public int DoseNumber { get; private set; }
    public string Lot { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public InjectionSite Site { get; private set; }
    public Guid GivenById { get; private set; }
    public string GivenByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static string Label(Vaccine vaccine) => vaccine switch
    {
        Vaccine.Dtp => "DTP (diphtérie, tétanos, poliomyélite)",
        Vaccine.DtpPertussis => "dTcaP (DTP et coqueluche)",
        Vaccine.HepatitisB => "Hépatite B",
        Vaccine.Mmr => "ROR (rougeole, oreillons, rubéole)",
        Vaccine.Pneumococcal => "Pneumocoque",
        Vaccine.Influenza => "Grippe",
        Vaccine.Covid19 => "COVID-19",
        _ => "HPV (papillomavirus)",
    };

    public static string Label(InjectionSite site) => site switch
    {
        InjectionSite.LeftDeltoid => "deltoïde gauche",
        InjectionSite.RightDeltoid => "deltoïde droit",
        InjectionSite.LeftThigh => "cuisse gauche",
        _ => "cuisse droite",
    };
}

/// <summary>The next dose a catch-up calls for, computed from the doses recorded.</summary>
public sealed record CatchUpDose(Vaccine Vaccine, int DoseNumber, DateOnly DueOn, string Why);

/// <summary>
/// The adult catch-up of dTP and hepatitis B, from the doses in the record. Schedule applied: « Calendrier des
/// vaccinations et recommandations vaccinales » of the French ministry of health (HCSP opinions), adults:
/// dTP — an adult never vaccinated gets 2 doses two months apart then a third 6 to 12 months later (the third is due
/// 6 months after the second); then boosters at the fixed ages of 25, 45 and 65 years, then every 10 years; the
/// transition rules: a booster given less than 5 years before the next fixed age moves to the one after, and a last
/// dose more than 25 years (15 after 65) before the next fixed age calls for a booster now.
/// Hepatitis B — recommended for detained persons; 3 doses at 0, 1 and 6 months (the accelerated 0-7-21 days plus
/// 12 months scheme is a physician's choice, recorded dose by dose). Doses given before detention and not recorded
/// are unknown here: the chart says « d'après les doses enregistrées ».
/// </summary>
public static class VaccinationSchedule
{
    private static readonly int[] FixedAges = [25, 45, 65, 75, 85, 95, 105];

    public static IReadOnlyList<CatchUpDose> CatchUp(IEnumerable<Vaccination> doses, DateOnly birthDate, DateOnly today)
    {
        var recorded = doses.ToList();
        var due = new List<CatchUpDose>();
        if (Dtp(recorded.Where(v => v.Vaccine is Vaccine.Dtp or Vaccine.DtpPertussis).Select(v => v.GivenOn), birthDate, today) is { } dtp)
        {
            due.Add(dtp);
        }
        if (HepatitisB(recorded.Where(v => v.Vaccine == Vaccine.HepatitisB).Select(v => v.GivenOn), today) is { } hepB)
        {
            due.Add(hepB);
        }
        return due;
    }

    private static CatchUpDose? Dtp(IEnumerable<DateOnly> given, DateOnly birthDate, DateOnly today)
    {
        var dates = given.Order().ToList();
        switch (dates.Count)
        {
            case 0:
                return new(Vaccine.Dtp, 1, today, "aucune dose enregistrée : primovaccination (1re dose)");
            case 1:
                return new(Vaccine.Dtp, 2, dates[0].AddMonths(2), "2e dose, 2 mois après la 1re");
            case 2:
                return new(Vaccine.Dtp, 3, dates[1].AddMonths(6), "3e dose, 6 à 12 mois après la 2e");
        }
        var last = dates[^1];
        foreach (var age in FixedAges)
        {
            var fixedDate = birthDate.AddYears(age);
            // The next fixed age from today; one less than 5 years after the last dose gives way to the one after.
            if (fixedDate < today || fixedDate < last.AddYears(5))
            {
                continue;
            }
            if (fixedDate > last.AddYears(age > 65 ? 15 : 25))
            {
                return new(Vaccine.Dtp, dates.Count + 1, today,
                    "rappel immédiat : dernier rappel trop ancien");
            }
            return new(Vaccine.Dtp, dates.Count + 1, fixedDate, $"rappel de l'âge fixe de {age} ans");
        }
        return null;
    }

    private static CatchUpDose? HepatitisB(IEnumerable<DateOnly> given, DateOnly today)
    {
        var dates = given.Order().ToList();
        return dates.Count switch
        {
            0 => new(Vaccine.HepatitisB, 1, today, "aucune dose enregistrée : vaccination recommandée en détention"),
            1 => new(Vaccine.HepatitisB, 2, dates[0].AddMonths(1), "2e dose, 1 mois après la 1re"),
            2 => new(Vaccine.HepatitisB, 3, Max(dates[0].AddMonths(6), dates[1].AddMonths(1)), "3e dose, 6 mois après la 1re"),
            _ => null,
        };
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
