using System.Linq.Expressions;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Records;

public enum EntryKind
{
    Consultation,
    NursingNote,
    MedicationAdministration,
    HungerStrikeCheck,
}

public enum EntryStatus
{
    Draft,
    Signed,
    /// <summary>A draft given up: kept, never deleted (P17), hidden from the timeline.</summary>
    Abandoned,
}

public enum ConsultationType
{
    /// <summary>Visite d'entrée (arrival visit).</summary>
    Arrival,
    Consultation,
    Teleconsultation,
    /// <summary>Visite pré-libération (P31, L.322-7 code pénitentiaire).</summary>
    PreRelease,
    /// <summary>Visite d'information et de prévention for working detainees (L.412-47, P28).</summary>
    WorkPrevention,
    FollowUp,
    Emergency,
}

/// <summary>P08: consent to the consultation, recorded before anything else.</summary>
public enum ConsentStatus
{
    NotRecorded,
    Given,
    Refused,
}

/// <summary>
/// P01: the security grounds the CNOM report lets the physician weigh before accepting a guard in the room
/// (personality, risk of escape or of assault). A closed list, so that the unit can count them without free text.
/// </summary>
public enum GuardGround
{
    AssaultRisk,
    EscapeRisk,
    Behaviour,
    Other,
}

public enum MedicationOutcome
{
    Given,
    Refused,
    NotPresent,
}

/// <summary>
/// One entry of a medical record: a consultation, a nursing note, a medication round, a hunger-strike check.
/// Drafts can be edited; once signed an entry is final (P17): a correction is a new entry that amends it, and the
/// database itself refuses UPDATE and DELETE of a signed row. The two concrete types live in two PostgreSQL schemas,
/// one per team (P30).
/// </summary>
public abstract class ClinicalEntry : IUnitScoped
{
    protected ClinicalEntry()
    {
        AuthorName = "";
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public EntryKind Kind { get; private set; }
    public EntryStatus Status { get; private set; }

    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset OccurredAt { get; set => field = Editable(value); }

    public DateTimeOffset? SignedAt { get; private set; }
    public Guid? SignedById { get; private set; }
    public string? SignedByName { get; private set; }

    /// <summary>The signed entry this one corrects; the original stays as it was, and both are shown.</summary>
    public Guid? AmendsId { get; private set; }
    public string? AmendmentReason { get; private set; }

    public ConsultationType? ConsultationType { get; set => field = Editable(value); }

    /// <summary>P08.</summary>
    public ConsentStatus Consent { get; set => field = Editable(value); }

    /// <summary>How consent was expressed, or the words of the refusal; with a minor, who holds parental authority (P36).</summary>
    public string? ConsentDetails { get; set => field = Editable(value); }

    /// <summary>P09: the information given on state, investigations and proposed care.</summary>
    public string? InformationGiven { get; set => field = Editable(value); }

    /// <summary>P01: a guard in the room is the physician's decision, for a stated security reason.</summary>
    public bool GuardPresent { get; set => field = Editable(value); }
    public GuardGround? GuardGround { get; set => field = Editable(value); }
    public string? GuardReason { get; set => field = Editable(value); }

    public string? Note { get; set => field = Editable(value); }

    /// <summary>Constatations: the findings that certificates are built from (P22).</summary>
    public string? Findings { get; set => field = Editable(value); }

    public VitalSigns Vitals { get; set => field = Editable(value); } = new();
    public List<Diagnosis> Diagnoses { get; set => field = Editable(value); } = [];
    public List<PrescriptionLine> Prescriptions { get; set => field = Editable(value); } = [];

    /// <summary>P28: why the physician who treats the patient does the work-prevention visit anyway.</summary>
    public string? TreatingPhysicianReason { get; set => field = Editable(value); }

    public string? Medication { get; set => field = Editable(value); }
    public string? Dose { get; set => field = Editable(value); }
    public MedicationOutcome? MedicationOutcome { get; set => field = Editable(value); }

    public Guid? HungerStrikeId { get; set => field = Editable(value); }

    /// <summary>PostgreSQL xmin: two people saving the same draft get a conflict, not a silent overwrite.</summary>
    public uint Version { get; private set; }

    public abstract Team Team { get; }

    /// <summary>
    /// « Signed »: final, counted in reports and quoted in documents (P17). Written once, as an expression EF Core
    /// translates (<c>.Where(ClinicalEntry.Signed)</c>) and <see cref="IsSigned"/> compiles, so queries and rules agree.
    /// </summary>
    public static readonly Expression<Func<ClinicalEntry, bool>> Signed = e => e.Status == EntryStatus.Signed;

    /// <summary>« Shown »: everything but an abandoned draft, which is kept (P17) but hidden from the record.</summary>
    public static readonly Expression<Func<ClinicalEntry, bool>> Shown = e => e.Status != EntryStatus.Abandoned;

    private static readonly Func<ClinicalEntry, bool> IsSignedCompiled = Signed.Compile();

    public bool IsSigned => IsSignedCompiled(this);

    public static ClinicalEntry New(Team team, EntryKind kind, Guid patientId, Guid unitId, Guid authorId,
        string authorName, DateTimeOffset now)
    {
        ClinicalEntry entry = team == Team.Somatic ? new SomaticEntry() : new PsychiatricEntry();
        entry.Id = Guid.NewGuid();
        entry.PatientId = patientId;
        entry.UnitId = unitId;
        entry.Kind = kind;
        entry.Status = EntryStatus.Draft;
        entry.AuthorId = authorId;
        entry.AuthorName = authorName;
        entry.CreatedAt = entry.UpdatedAt = entry.OccurredAt = now;
        return entry;
    }

    /// <summary>Starts a correction of a signed entry: a new draft holding a copy of the content (P17).</summary>
    public ClinicalEntry Amend(string reason, Guid authorId, string authorName, DateTimeOffset now)
    {
        if (!IsSigned)
        {
            throw new DomainException("Seule une entrée signée s'amende ; un brouillon se corrige directement.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Indiquez le motif de l'amendement.");
        }
        var amendment = New(Team, Kind, PatientId, UnitId, authorId, authorName, now);
        amendment.AmendsId = Id;
        amendment.AmendmentReason = reason.Trim();
        amendment.OccurredAt = OccurredAt;
        amendment.ConsultationType = ConsultationType;
        amendment.Consent = Consent;
        amendment.ConsentDetails = ConsentDetails;
        amendment.InformationGiven = InformationGiven;
        amendment.GuardPresent = GuardPresent;
        amendment.GuardGround = GuardGround;
        amendment.GuardReason = GuardReason;
        amendment.Note = Note;
        amendment.Findings = Findings;
        amendment.Vitals = Vitals.Copy();
        amendment.Diagnoses = [.. Diagnoses.Select(d => new Diagnosis(d.Code, d.Label))];
        amendment.Prescriptions = [.. Prescriptions.Select(p => p.Copy())];
        amendment.TreatingPhysicianReason = TreatingPhysicianReason;
        amendment.Medication = Medication;
        amendment.Dose = Dose;
        amendment.MedicationOutcome = MedicationOutcome;
        amendment.HungerStrikeId = HungerStrikeId;
        return amendment;
    }

    /// <summary>
    /// Every content setter goes through here (P17): a draft is filled field by field, a signed or abandoned entry
    /// refuses the change. EF Core loads the backing fields directly, so reading a signed entry never trips it.
    /// </summary>
    private T Editable<T>(T value)
    {
        EnsureEditable();
        return value;
    }

    /// <summary>Refuses any change once signed: the application's half of P17 (the database holds the other).</summary>
    public void EnsureEditable()
    {
        if (Status != EntryStatus.Draft)
        {
            throw new DomainException(
                "Cette entrée est signée : elle ne peut plus être modifiée. Rédigez un amendement, l'original restera visible (P17).");
        }
    }

    public void Touch(DateTimeOffset now)
    {
        EnsureEditable();
        UpdatedAt = now;
    }

    /// <summary>
    /// What stops this entry from being signed, in French; empty when it can be. <paramref name="minor"/> is the
    /// patient's minority on the day of the act (<see cref="MinorCare.Of"/>), <see cref="MinorCare.Adult"/> for an adult.
    /// </summary>
    public IReadOnlyList<string> SignatureProblems(bool signerHasTreatedPatient, MinorCare minor)
    {
        var problems = new List<string>();
        switch (Kind)
        {
            case EntryKind.Consultation:
                ConsultationProblems(problems, signerHasTreatedPatient, minor);
                break;
            case EntryKind.NursingNote:
            case EntryKind.HungerStrikeCheck:
                if (string.IsNullOrWhiteSpace(Note) && Vitals.IsEmpty)
                {
                    problems.Add("Rédigez la note avant de l'enregistrer.");
                }
                break;
            case EntryKind.MedicationAdministration:
                if (string.IsNullOrWhiteSpace(Medication))
                {
                    problems.Add("Indiquez le médicament.");
                }
                if (MedicationOutcome is null)
                {
                    problems.Add("Indiquez si le traitement a été pris, refusé, ou si le patient était absent.");
                }
                break;
        }
        return problems;
    }

    private void ConsultationProblems(List<string> problems, bool signerHasTreatedPatient, MinorCare minor)
    {
        if (ConsultationType is null)
        {
            problems.Add("Choisissez le type de consultation.");
        }
        if (Consent == ConsentStatus.NotRecorded)
        {
            problems.Add("Le consentement du patient doit être recueilli — ou son refus enregistré — avant de signer (P08).");
        }
        if (GuardPresent && (GuardGround is null || !Enum.IsDefined(GuardGround.Value)))
        {
            problems.Add("Un surveillant était présent : choisissez le motif de sécurité retenu (P01).");
        }
        if (GuardPresent && string.IsNullOrWhiteSpace(GuardReason))
        {
            problems.Add("Un surveillant était présent : indiquez la raison de sécurité qui l'a justifié (P01).");
        }
        if (Consent == ConsentStatus.Refused)
        {
            // P08: a refusal ends the consultation; it is recorded as such, with nothing examined or prescribed.
            if (Diagnoses.Count > 0 || Prescriptions.Count > 0 || !string.IsNullOrWhiteSpace(Findings))
            {
                problems.Add("Le patient a refusé la consultation : retirez constatations, diagnostics et prescriptions, seul le refus est enregistré (P08).");
            }
            if (string.IsNullOrWhiteSpace(ConsentDetails) && string.IsNullOrWhiteSpace(Note))
            {
                problems.Add("Notez les circonstances du refus.");
            }
            return;
        }
        // P36: a minor's own consent is not enough (art. L.1111-4 and R.4127-42 CSP): the holders of parental authority
        // agree, or the minor objects to their being consulted and comes with an adult of his choice (art. L.1111-5).
        // In an emergency the physician gives the necessary care even if they cannot be reached (R.4127-42).
        if (minor.IsMinor && Consent == ConsentStatus.Given && minor.Basis is null
            && ConsultationType != Records.ConsultationType.Emergency)
        {
            problems.Add("Patient mineur : enregistrez d'abord dans le registre des consentements l'accord d'un titulaire de l'autorité parentale, ou l'opposition du mineur à leur consultation avec la personne majeure qui l'accompagne (art. L.1111-5 du code de la santé publique).");
        }
        if (string.IsNullOrWhiteSpace(Note) && string.IsNullOrWhiteSpace(Findings))
        {
            problems.Add("Rédigez au moins la note ou les constatations.");
        }
        foreach (var line in Prescriptions.Where(p => !p.PatientConsented))
        {
            problems.Add($"« {line.Text} » : le consentement du patient à cette {(line.Kind == PrescriptionKind.Recommendation ? "préconisation" : "prescription")} n'est pas recueilli (P10).");
        }
        if (ConsultationType == Records.ConsultationType.WorkPrevention && signerHasTreatedPatient
            && string.IsNullOrWhiteSpace(TreatingPhysicianReason))
        {
            problems.Add("Vous avez déjà soigné ce patient : la visite d'information et de prévention devrait être faite par un autre médecin. Indiquez pourquoi vous la faites (P28).");
        }
    }

    public void Sign(Guid signerId, string signerName, DateTimeOffset now, bool signerHasTreatedPatient, MinorCare minor)
    {
        EnsureEditable();
        var problems = SignatureProblems(signerHasTreatedPatient, minor);
        if (problems.Count > 0)
        {
            throw new DomainException(problems);
        }
        if (ConsultationType != Records.ConsultationType.WorkPrevention || !signerHasTreatedPatient)
        {
            TreatingPhysicianReason = null;
        }
        Status = EntryStatus.Signed;
        SignedAt = UpdatedAt = now;
        SignedById = signerId;
        SignedByName = signerName;
    }

    public void Abandon(DateTimeOffset now)
    {
        EnsureEditable();
        Status = EntryStatus.Abandoned;
        UpdatedAt = now;
    }
}

/// <summary>An entry of the somatic record (schema <c>somatic</c>).</summary>
public sealed class SomaticEntry : ClinicalEntry
{
    public override Team Team => Team.Somatic;
}

/// <summary>An entry of the psychiatric record (schema <c>psychiatric</c>).</summary>
public sealed class PsychiatricEntry : ClinicalEntry
{
    public override Team Team => Team.Psychiatric;
}
