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
    public PrescriptionKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string? Dosage { get; set; }
    public string? Duration { get; set; }
    public bool PatientConsented { get; set; }

    public PrescriptionLine Copy() => new()
    {
        Kind = Kind, Text = Text, Dosage = Dosage, Duration = Duration, PatientConsented = PatientConsented,
    };
}

public sealed class VitalSigns
{
    public int? SystolicBp { get; set; }
    public int? DiastolicBp { get; set; }
    public int? HeartRate { get; set; }
    public decimal? TemperatureC { get; set; }
    public decimal? WeightKg { get; set; }
    public int? HeightCm { get; set; }
    public int? SpO2 { get; set; }
    public decimal? GlycemiaGPerL { get; set; }

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
    public string? PaperRecordLocation { get; set; }
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
