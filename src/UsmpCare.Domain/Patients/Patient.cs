using System.Linq.Expressions;

namespace UsmpCare.Domain.Patients;

public enum Sex
{
    Female,
    Male,
    Undetermined,
}

public enum PatientStatus
{
    /// <summary>Présent in the establishment.</summary>
    Present,
    /// <summary>Libéré.</summary>
    Released,
    /// <summary>Transféré to another establishment.</summary>
    Transferred,
}

/// <summary>Qualification of the INS (identifiant national de santé), per the national identity-vigilance reference.</summary>
public enum InsStatus
{
    None,
    Provisional,
    Recovered,
    Validated,
    Qualified,
}

/// <summary>Prévenu (awaiting trial) or condamné: only the status, never the offence (P29). P31 concerns the convicted.</summary>
public enum LegalStatus
{
    Remand,
    Convicted,
}

/// <summary>Court-ordered care (P11, P34). Only its type and start: never the offence that led to it (P29).</summary>
public enum CourtOrderedCare
{
    None,
    ObligationDeSoins,
    InjonctionDeSoins,
    InjonctionTherapeutique,
}

/// <summary>
/// A detained person followed by the unit (« patient détenu »). P29: there is deliberately no field for the offence,
/// the sentence's reason or the judicial file — PatientSchemaTests fails if one appears in the database.
/// </summary>
public sealed class Patient : Security.IUnitScoped
{
    private Patient()
    {
        Ecrou = LastName = FirstName = "";
    }

    public Patient(Guid unitId, string ecrou, string lastName, string firstName, DateOnly birthDate, Sex sex,
        DateOnly arrivalDate)
    {
        Id = Guid.NewGuid();
        UnitId = unitId;
        Ecrou = NormalizeEcrou(ecrou);
        LastName = lastName.Trim();
        FirstName = firstName.Trim();
        BirthDate = birthDate;
        Sex = sex;
        ArrivalDate = arrivalDate;
        Status = PatientStatus.Present;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>Numéro d'écrou: the prison's registration number, unique within a unit.</summary>
    public string Ecrou { get; private set; }

    public string LastName { get; private set; }
    public string? BirthName { get; private set; }
    public string FirstName { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    public string? Ins { get; private set; }
    public InsStatus InsStatus { get; private set; }

    /// <summary>Cell and wing, as the prison names them (e.g. « B-214 », « Bâtiment B »).</summary>
    public string? Cell { get; private set; }
    public string? Wing { get; private set; }

    public DateOnly ArrivalDate { get; private set; }
    public PatientStatus Status { get; private set; }

    /// <summary>« Present »: held in the unit now (not released, not transferred). Written once for queries and code.</summary>
    public static readonly Expression<Func<Patient, bool>> Present = p => p.Status == PatientStatus.Present;

    private static readonly Func<Patient, bool> IsPresentCompiled = Present.Compile();

    public bool IsPresent => IsPresentCompiled(this);
    public LegalStatus LegalStatus { get; private set; } = LegalStatus.Remand;
    public DateOnly? ExpectedReleaseDate { get; private set; }

    /// <summary>P07: a person unable to protect himself (age, physical or psychic state); the reason is required.</summary>
    public bool IsVulnerable { get; private set; }
    public string? VulnerabilityReason { get; private set; }

    public CourtOrderedCare CourtOrderedCare { get; private set; }
    public DateOnly? CourtOrderedCareSince { get; private set; }

    /// <summary>P14: the outside physician the patient designated to receive his documents.</summary>
    public string? DesignatedPhysician { get; private set; }

    /// <summary>Helps intake and answer slips: the language he speaks, and whether he reads French.</summary>
    public string? SpokenLanguage { get; private set; }
    public bool ReadsFrench { get; private set; } = true;

    /// <summary>Allergies in three states (non renseignées, aucune connue, listed), changed through its methods.</summary>
    public AllergyRecord Allergies { get; private set; } = new();

    public List<string> Alerts { get; private set; } = [];

    /// <summary>The administrative identity, as the identity form or the prison's movements file give it (names trimmed).</summary>
    public void SetIdentity(string lastName, string firstName, string? birthName, DateOnly birthDate, Sex sex)
    {
        LastName = lastName.Trim();
        FirstName = firstName.Trim();
        BirthName = Clean(birthName);
        BirthDate = birthDate;
        Sex = sex;
    }

    /// <summary>The INS and its identity-vigilance status; without an INS there is no status to claim.</summary>
    public void SetIns(string? ins, InsStatus status)
    {
        Ins = Clean(ins);
        InsStatus = Ins is null ? InsStatus.None : status;
    }

    /// <summary>Where he is held (the prison's names); both blank once he has left.</summary>
    public void PlaceIn(string? cell, string? wing)
    {
        Cell = Clean(cell);
        Wing = Clean(wing);
    }

    /// <summary>The stay: arrival, legal status, expected release (P34 plans the release from it).</summary>
    public void SetStay(DateOnly arrivalDate, LegalStatus legalStatus, DateOnly? expectedReleaseDate)
    {
        ArrivalDate = arrivalDate;
        LegalStatus = legalStatus;
        ExpectedReleaseDate = expectedReleaseDate;
    }

    /// <summary>
    /// Present, released or transferred: the state the prison's movements (or the unit, by hand) put him in. The record
    /// stays whatever the state (P17): leaving changes the roster, never the chart.
    /// </summary>
    public void MoveTo(PatientStatus status) => Status = status;

    /// <summary>P14: the outside physician he designated; his language and whether he reads French.</summary>
    public void SetContact(string? designatedPhysician, string? spokenLanguage, bool readsFrench)
    {
        DesignatedPhysician = Clean(designatedPhysician);
        SpokenLanguage = Clean(spokenLanguage);
        ReadsFrench = readsFrench;
    }

    /// <summary>Alerts, one a line, blanks dropped (shown on the banner of every chart page).</summary>
    public void SetAlerts(IEnumerable<string> alerts) =>
        Alerts = [.. alerts.Select(a => a.Trim()).Where(a => a.Length > 0)];

    /// <summary>On a transfer, the receiving unit's record starts with what was known of his allergies (a safety matter).</summary>
    public void TakeAllergiesOf(Patient previous) => Allergies = previous.Allergies.Copy();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Lower-cased, unaccented names and écrou, computed by PostgreSQL for the trigram search.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>PostgreSQL xmin: two people editing one identity get a conflict, not a silent overwrite.</summary>
    public uint Version { get; private set; }

    public string FullName => FullNameOf(LastName, FirstName);

    /// <summary>How a patient is named on every page and letter, « NOM Prénom »: also for lists that read only the two
    /// columns.</summary>
    public static string FullNameOf(string lastName, string firstName) => $"{lastName.ToUpperInvariant()} {firstName}";

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>P36: minors follow specific rules (parental authority, P07 reporting without agreement).</summary>
    public bool IsMinorOn(DateOnly day) => AgeOn(day) < 18;

    public void SetVulnerability(bool vulnerable, string? reason)
    {
        if (vulnerable && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Indiquez pourquoi la personne est hors d'état de se protéger (âge, état physique ou psychique).");
        }
        IsVulnerable = vulnerable;
        VulnerabilityReason = vulnerable ? reason!.Trim() : null;
    }

    public void SetCourtOrderedCare(CourtOrderedCare care, DateOnly? since)
    {
        CourtOrderedCare = care;
        CourtOrderedCareSince = care == CourtOrderedCare.None ? null : since;
    }

    public static string NormalizeEcrou(string ecrou) => ecrou.Trim().ToUpperInvariant();
}

public static class PatientLabels
{
    public static string Label(this Sex sex) => sex switch
    {
        Sex.Female => "Femme",
        Sex.Male => "Homme",
        _ => "Indéterminé",
    };

    public static string Label(this PatientStatus status) => status switch
    {
        PatientStatus.Present => "Présent",
        PatientStatus.Released => "Libéré",
        PatientStatus.Transferred => "Transféré",
        _ => status.ToString(),
    };

    public static string Label(this LegalStatus status) => status switch
    {
        LegalStatus.Remand => "Prévenu",
        _ => "Condamné",
    };

    public static string Label(this InsStatus status) => status switch
    {
        InsStatus.None => "Pas d'INS",
        InsStatus.Provisional => "Identité provisoire",
        InsStatus.Recovered => "Identité récupérée",
        InsStatus.Validated => "Identité validée",
        InsStatus.Qualified => "Identité qualifiée",
        _ => status.ToString(),
    };

    public static string Label(this CourtOrderedCare care) => care switch
    {
        CourtOrderedCare.None => "Aucune",
        CourtOrderedCare.ObligationDeSoins => "Obligation de soins",
        CourtOrderedCare.InjonctionDeSoins => "Injonction de soins",
        CourtOrderedCare.InjonctionTherapeutique => "Injonction thérapeutique",
        _ => care.ToString(),
    };
}
