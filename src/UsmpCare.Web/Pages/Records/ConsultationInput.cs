using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Pages.Records;

/// <summary>The consultation form as posted; turned into the entry by <see cref="ApplyTo"/>.</summary>
public sealed class ConsultationInput
{
    public Guid PatientId { get; set; }
    public uint Version { get; set; }
    public ConsultationType? Type { get; set; }
    public DateTime OccurredAt { get; set; }
    public ConsentStatus Consent { get; set; }
    public string? ConsentDetails { get; set; }
    public string? InformationGiven { get; set; }
    public bool GuardPresent { get; set; }
    public GuardGround? GuardGround { get; set; }
    public string? GuardReason { get; set; }
    public string? Note { get; set; }
    public string? Findings { get; set; }
    public string? TreatingPhysicianReason { get; set; }
    public VitalSigns Vitals { get; set; } = new();
    public List<string?> Diagnoses { get; set; } = [];
    public List<PrescriptionInput> Prescriptions { get; set; } = [];

    /// <summary>Care requests this consultation answers; they leave the queue when it is signed.</summary>
    public List<Guid> AnsweredRequestIds { get; set; } = [];

    public sealed class PrescriptionInput
    {
        public PrescriptionKind Kind { get; set; }
        public string? Text { get; set; }
        public string? Dosage { get; set; }
        public string? Duration { get; set; }
        public bool Consented { get; set; }
    }

    public static ConsultationInput From(ClinicalEntry e) => new()
    {
        PatientId = e.PatientId,
        Version = e.Version,
        Type = e.ConsultationType,
        OccurredAt = Fr.Local(e.OccurredAt),
        Consent = e.Consent,
        ConsentDetails = e.ConsentDetails,
        InformationGiven = e.InformationGiven,
        GuardPresent = e.GuardPresent,
        GuardGround = e.GuardGround,
        GuardReason = e.GuardReason,
        Note = e.Note,
        Findings = e.Findings,
        TreatingPhysicianReason = e.TreatingPhysicianReason,
        Vitals = e.Vitals.Copy(),
        Diagnoses = [.. e.Diagnoses.Select(d => (string?)$"{d.Code} — {d.Label}")],
        Prescriptions = [.. e.Prescriptions.Select(p => new PrescriptionInput
        {
            Kind = p.Kind, Text = p.Text, Dosage = p.Dosage, Duration = p.Duration, Consented = p.PatientConsented,
        })],
    };

    /// <summary>Adds empty rows so the physician can add diagnoses and prescriptions without script.</summary>
    public void Pad(int blanks)
    {
        Diagnoses = [.. Diagnoses.Where(d => !string.IsNullOrWhiteSpace(d)), .. Enumerable.Repeat<string?>(null, blanks)];
        Prescriptions = [.. Prescriptions.Where(p => !string.IsNullOrWhiteSpace(p.Text)),
            .. Enumerable.Range(0, blanks).Select(_ => new PrescriptionInput())];
    }

    /// <summary>Copies the form into the draft; returns what cannot be accepted (a code not in <paramref name="knownCodes"/>,
    /// the catalogue's answer for the codes typed…).</summary>
    public IReadOnlyList<string> ApplyTo(ClinicalEntry entry, IReadOnlyDictionary<string, Cim10Code> knownCodes)
    {
        var problems = new List<string>();
        entry.ConsultationType = Type;
        if (OccurredAt != default)
        {
            entry.OccurredAt = Fr.FromLocal(OccurredAt);
        }
        entry.Consent = Consent;
        entry.ConsentDetails = Clean(ConsentDetails);
        entry.InformationGiven = Clean(InformationGiven);
        entry.GuardPresent = GuardPresent;
        entry.GuardGround = GuardPresent ? GuardGround : null;
        entry.GuardReason = GuardPresent ? Clean(GuardReason) : null;
        entry.Note = Clean(Note);
        entry.Findings = Clean(Findings);
        entry.TreatingPhysicianReason = Clean(TreatingPhysicianReason);
        entry.Vitals = Vitals;
        var diagnoses = new List<Diagnosis>();
        foreach (var typed in Diagnoses.Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            var code = knownCodes.GetValueOrDefault(Cim10.Normalize(typed));
            if (code is null)
            {
                problems.Add($"« {typed!.Trim()} » n'est pas un code CIM-10 connu : choisissez-le dans la liste (ex. J45.9).");
            }
            else if (diagnoses.All(d => d.Code != code.Code))
            {
                diagnoses.Add(new Diagnosis(code.Code, code.Label));
            }
        }
        entry.Diagnoses = diagnoses;
        entry.Prescriptions = [.. Prescriptions.Where(p => !string.IsNullOrWhiteSpace(p.Text)).Select(p => new PrescriptionLine
        {
            Kind = p.Kind,
            Text = p.Text!.Trim(),
            Dosage = Clean(p.Dosage),
            Duration = Clean(p.Duration),
            PatientConsented = p.Consented,
        })];
        return problems;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
