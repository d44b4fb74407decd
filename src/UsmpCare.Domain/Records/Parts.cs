namespace UsmpCare.Domain.Records;

/// <summary>A diagnosis coded in CIM-10 (ICD-10, French edition).</summary>
public sealed class Diagnosis
{
    private Diagnosis()
    {
        Code = Label = "";
    }

    public Diagnosis(string code, string label)
    {
        Code = code;
        Label = label;
    }

    public string Code { get; private set; }
    public string Label { get; private set; }
}

public enum PrescriptionKind
{
    Prescription,
    /// <summary>Préconisation (P10).</summary>
    Recommendation,
}

/// <summary>A prescription or recommendation, each with the patient's consent (P10).</summary>
public sealed class PrescriptionLine
{
    public PrescriptionKind Kind { get; init; }
    public string Text { get; init; } = "";
    public string? Dosage { get; init; }
    public string? Duration { get; init; }
    public bool PatientConsented { get; init; }

    public PrescriptionLine Copy() => new()
    {
        Kind = Kind, Text = Text, Dosage = Dosage, Duration = Duration, PatientConsented = PatientConsented,
    };
}

public sealed class VitalSigns
{
    public int? SystolicBp { get; init; }
    public int? DiastolicBp { get; init; }
    public int? HeartRate { get; init; }
    public decimal? TemperatureC { get; init; }
    public decimal? WeightKg { get; init; }
    public int? HeightCm { get; init; }
    public int? SpO2 { get; init; }
    public decimal? GlycemiaGPerL { get; init; }

    public bool IsEmpty => SystolicBp is null && DiastolicBp is null && HeartRate is null && TemperatureC is null
        && WeightKg is null && HeightCm is null && SpO2 is null && GlycemiaGPerL is null;

    public VitalSigns Copy() => (VitalSigns)MemberwiseClone();

    public string Describe() => string.Join(" · ", new[]
    {
        SystolicBp is not null && DiastolicBp is not null ? $"TA {SystolicBp}/{DiastolicBp} mmHg" : null,
        HeartRate is not null ? $"FC {HeartRate}/min" : null,
        TemperatureC is not null ? $"T° {TemperatureC:0.0} °C" : null,
        WeightKg is not null ? $"Poids {WeightKg:0.0} kg" : null,
        HeightCm is not null ? $"Taille {HeightCm} cm" : null,
        SpO2 is not null ? $"SpO2 {SpO2} %" : null,
        GlycemiaGPerL is not null ? $"Glycémie {GlycemiaGPerL:0.00} g/L" : null,
    }.OfType<string>());
}

/// <summary>A record of a team for one patient (P30): opened when first needed, with the paper file's place (P16).</summary>
public sealed class MedicalRecord
{
    private MedicalRecord()
    {
    }

    public MedicalRecord(Guid patientId, Security.Team team, DateTimeOffset openedAt)
    {
        PatientId = patientId;
        Team = team;
        OpenedAt = openedAt;
    }

    public Guid PatientId { get; private set; }
    public Security.Team Team { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>P16: where the paper record is kept, when one exists.</summary>
    public string? PaperRecordLocation { get; private set; }

    /// <summary>P16: says where the paper record is, or that there is none (blank).</summary>
    public void KeepPaperRecordAt(string? location) =>
        PaperRecordLocation = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
}

public static class RecordLabels
{
    public static string Label(this ConsultationType type) => type switch
    {
        ConsultationType.Arrival => "Visite d'entrée",
        ConsultationType.Consultation => "Consultation",
        ConsultationType.Teleconsultation => "Téléconsultation",
        ConsultationType.PreRelease => "Visite pré-libération",
        ConsultationType.WorkPrevention => "Visite d'information et de prévention (travail)",
        ConsultationType.FollowUp => "Suivi",
        ConsultationType.Emergency => "Urgence",
        _ => type.ToString(),
    };

    public static string Label(this EntryKind kind) => kind switch
    {
        EntryKind.Consultation => "Consultation",
        EntryKind.NursingNote => "Transmission infirmière",
        EntryKind.MedicationAdministration => "Distribution de médicament",
        EntryKind.HungerStrikeCheck => "Suivi de grève de la faim",
        _ => kind.ToString(),
    };

    public static string Label(this MedicationOutcome outcome) => outcome switch
    {
        MedicationOutcome.Given => "Pris",
        MedicationOutcome.Refused => "Refusé",
        MedicationOutcome.NotPresent => "Patient absent",
        _ => outcome.ToString(),
    };

    public static string Label(this ConsentStatus consent) => consent switch
    {
        ConsentStatus.NotRecorded => "Non recueilli",
        ConsentStatus.Given => "Consentement donné",
        ConsentStatus.Refused => "Refus du patient",
        _ => consent.ToString(),
    };

    public static string Label(this GuardGround ground) => ground switch
    {
        GuardGround.AssaultRisk => "Risque d'agression",
        GuardGround.EscapeRisk => "Risque d'évasion",
        GuardGround.Behaviour => "Personnalité, comportement",
        _ => "Autre motif de sécurité",
    };
}
