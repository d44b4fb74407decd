using System.Globalization;
using System.Text;

namespace UsmpCare.Domain.Patients;

/// <summary>The three states of a patient's allergies: unknown is not « none » (issue #20).</summary>
public enum AllergyState
{
    /// <summary>« Allergies non renseignées »: nobody has asked yet. The default, shown as a warning.</summary>
    NotRecorded,

    /// <summary>« Aucune allergie connue »: a clinical statement, made by a named clinician on a date.</summary>
    NoneKnown,

    /// <summary>At least one active allergy.</summary>
    Listed,
}

/// <summary>What the patient reacts to: a drug substance of the referential, or free text for the rest.</summary>
public enum AllergenKind
{
    Drug,
    Food,
    Latex,
    Other,
}

public enum AllergySeverity
{
    /// <summary>« non précisée »: what the strings of the first version became.</summary>
    Unknown,
    Mild,
    Moderate,
    Severe,
}

/// <summary>Why an allergy no longer counts: it is withdrawn, never deleted.</summary>
public enum AllergyWithdrawal
{
    Erroneous,
    Resolved,
}

/// <summary>
/// A patient's allergy record: « non renseignées » until a clinician states « aucune allergie connue » or records an
/// allergy. Shared by both teams (a safety matter, art. R4127-4 CSP and L1110-4: the information needed for the
/// continuity of care is shared within the care team), kept in the patient's row. Entries are never removed (P17):
/// a mistaken or resolved allergy is withdrawn with its reason, by whom and when.
/// </summary>
public sealed class AllergyRecord
{
    public const string UnspecifiedReaction = "non précisée";

    public List<Allergy> Entries { get; private set; } = [];
    public string? NoneKnownStatedBy { get; private set; }
    public DateTimeOffset? NoneKnownStatedAt { get; private set; }

    public IEnumerable<Allergy> Active => Entries.Where(e => e.IsActive);

    public AllergyState State =>
        Active.Any() ? AllergyState.Listed
        : NoneKnownStatedAt is not null ? AllergyState.NoneKnown
        : AllergyState.NotRecorded;

    /// <summary>« Aucune allergie connue », stated by a clinician: refused while an allergy is still active.</summary>
    public void StateNoneKnown(string by, DateTimeOffset at)
    {
        if (Active.Any())
        {
            throw new DomainException("Des allergies actives sont enregistrées : retirez-les (erronée, résolue) avant de déclarer « aucune allergie connue ».");
        }
        NoneKnownStatedBy = by;
        NoneKnownStatedAt = at;
    }

    /// <summary>
    /// Records an allergy; a drug allergen must carry the referential's substance code (the page looks it up). A new
    /// allergy ends an earlier « aucune allergie connue ».
    /// </summary>
    public Allergy Record(AllergenKind kind, string substance, string? substanceCode, string? reaction,
        AllergySeverity severity, string by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(kind) || !Enum.IsDefined(severity))
        {
            throw new DomainException("Type d'allergène ou sévérité inconnus.");
        }
        var name = substance.Trim();
        if (name.Length == 0)
        {
            throw new DomainException("Indiquez la substance ou l'allergène.");
        }
        if (kind == AllergenKind.Drug && string.IsNullOrWhiteSpace(substanceCode))
        {
            throw new DomainException($"« {name} » n'est pas une substance du référentiel des médicaments : choisissez-la dans le référentiel, ou un autre type d'allergène.");
        }
        if (Active.Any(a => Normalize(a.Substance) == Normalize(name)))
        {
            throw new DomainException($"Une allergie à « {name} » est déjà enregistrée.");
        }
        var allergy = new Allergy(Entries.Count + 1, kind, name, kind == AllergenKind.Drug ? substanceCode!.Trim() : null,
            string.IsNullOrWhiteSpace(reaction) ? UnspecifiedReaction : reaction.Trim(), severity, by, at);
        Entries.Add(allergy);
        NoneKnownStatedBy = null;
        NoneKnownStatedAt = null;
        return allergy;
    }

    /// <summary>Withdraws an active allergy (erroneous or resolved): it stays in the record, no longer counted.</summary>
    public void Withdraw(int number, AllergyWithdrawal reason, string by, DateTimeOffset at)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("Motif de retrait inconnu.");
        }
        var allergy = Entries.SingleOrDefault(e => e.Number == number)
            ?? throw new DomainException("Cette allergie n'existe pas dans le dossier du patient.");
        allergy.Withdraw(reason, by, at);
    }

    /// <summary>
    /// The prescriber's allergy check: the active allergies whose substance matches one of a drug's substance names,
    /// ignoring accents and case; a name matches when all the words of one are words of the other (« amoxicilline »
    /// matches « AMOXICILLINE TRIHYDRATÉE »).
    /// </summary>
    public IReadOnlyList<Allergy> ActiveAllergiesMatching(IEnumerable<string> substanceNames)
    {
        var drugWords = substanceNames.Select(Words).Where(w => w.Count > 0).ToList();
        return [.. Active.Where(a =>
        {
            var allergyWords = Words(a.Substance);
            return allergyWords.Count > 0 && drugWords.Any(d => allergyWords.IsSubsetOf(d) || d.IsSubsetOf(allergyWords));
        })];
    }

    /// <summary>A copy for the patient's record in the unit he is transferred to: the same facts, by the same people.</summary>
    public AllergyRecord Copy() => new()
    {
        Entries = [.. Entries.Select(e => e.Copy())],
        NoneKnownStatedBy = NoneKnownStatedBy,
        NoneKnownStatedAt = NoneKnownStatedAt,
    };

    /// <summary>Lower case, without accents, words separated by one space.</summary>
    public static string Normalize(string text) => string.Join(' ', WordList(text));

    private static HashSet<string> Words(string text) => [.. WordList(text)];

    private static IEnumerable<string> WordList(string text)
    {
        var plain = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }
        return plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}

/// <summary>One allergy of the record, numbered in the order it was recorded.</summary>
public sealed class Allergy
{
    private Allergy()
    {
        Substance = Reaction = RecordedBy = "";
    }

    internal Allergy(int number, AllergenKind kind, string substance, string? substanceCode, string reaction,
        AllergySeverity severity, string recordedBy, DateTimeOffset recordedAt)
    {
        Number = number;
        Kind = kind;
        Substance = substance;
        SubstanceCode = substanceCode;
        Reaction = reaction;
        Severity = severity;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Number { get; private set; }
    public AllergenKind Kind { get; private set; }
    public string Substance { get; private set; }

    /// <summary>The BDPM substance code (CIS_COMPO_bdpm) when the allergen is a drug substance.</summary>
    public string? SubstanceCode { get; private set; }

    public string Reaction { get; private set; }
    public AllergySeverity Severity { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public AllergyWithdrawal? WithdrawalReason { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsActive => WithdrawalReason is null;

    internal void Withdraw(AllergyWithdrawal reason, string by, DateTimeOffset at)
    {
        if (!IsActive)
        {
            throw new DomainException($"L'allergie à « {Substance} » est déjà retirée.");
        }
        WithdrawalReason = reason;
        WithdrawnBy = by;
        WithdrawnAt = at;
    }

    internal Allergy Copy() => (Allergy)MemberwiseClone();
}

public static class AllergyLabels
{
    public static string Label(this AllergenKind kind) => kind switch
    {
        AllergenKind.Drug => "Médicament",
        AllergenKind.Food => "Aliment",
        AllergenKind.Latex => "Latex",
        _ => "Autre",
    };

    public static string Label(this AllergySeverity severity) => severity switch
    {
        AllergySeverity.Mild => "légère",
        AllergySeverity.Moderate => "modérée",
        AllergySeverity.Severe => "sévère / anaphylaxie",
        _ => "non précisée",
    };

    public static string Label(this AllergyWithdrawal reason) => reason switch
    {
        AllergyWithdrawal.Erroneous => "erronée",
        _ => "résolue",
    };
}
