using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Domain.Certificates;

/// <summary>The certificates and attestations a prison physician issues (P23, P24, P27).</summary>
public enum DocumentKind
{
    /// <summary>Certificat de constatation de coups et blessures, with ITT (P23).</summary>
    InjuryCertificate,
    /// <summary>Arrêt de travail, accident du travail or maladie professionnelle for a working detainee (P23).</summary>
    WorkStoppage,
    /// <summary>Attestation for an orientation or a change of regime, to the AP (P23).</summary>
    RegimeAttestation,
    /// <summary>Attestation de suivi / d'obligation de soins, to the JAP (P23, P11).</summary>
    FollowUpAttestation,
    /// <summary>Accessory: certificate of pathologies for a trial, to the patient (P24).</summary>
    PathologyCertificate,
    /// <summary>Accessory: accommodations for a disability, to the AP (P24).</summary>
    DisabilityAccommodation,
    /// <summary>Accessory: a medical need such as extra showers, to the AP (P24).</summary>
    MedicalNeed,
    /// <summary>Fiche de préconisations for life in detention, to the director (P27).</summary>
    RecommendationSheet,
    /// <summary>Release pack: liaison letter, prescriptions, « vos dossiers médicaux », continuity sheet (P12–P15, P18).</summary>
    ReleasePack,
    /// <summary>P21: the cover sheet « pli confidentiel — secret médical » of what travels with a patient to an extraction.</summary>
    ExtractionCover,
    /// <summary>P09: the « Livret d'information du patient » handed at entry, in a language the unit offers.</summary>
    InformationSheet,
    /// <summary>Issue #20: the ordonnance of a signed prescription (P15), secured for stupéfiants (art. R.5132-5 CSP).</summary>
    Ordonnance,
}

public enum WorkStoppageType
{
    SickLeave,
    WorkAccident,
    OccupationalDisease,
}

/// <summary>What the catalogue knows of each kind: title, recipient, and the rules that apply to it.</summary>
public sealed record DocumentTemplate(
    DocumentKind Kind,
    string Title,
    RecipientCategory Recipient,
    string RecipientLine,
    bool Accessory,
    string LegalBasis)
{
    /// <summary>P25: what goes to the AP or the JAP carries no diagnostic element at all.</summary>
    public bool NoDiagnosis => Recipient is RecipientCategory.PrisonAdministration or RecipientCategory.Jap;

    /// <summary>Findings come from a signed consultation (P22) for the certificates that state them.</summary>
    public bool StatesFindings => Kind is DocumentKind.InjuryCertificate or DocumentKind.PathologyCertificate;

    /// <summary>The templates whose body is a choice of living measures (P24, P27).</summary>
    public bool ListsMeasures => Kind is DocumentKind.DisabilityAccommodation or DocumentKind.MedicalNeed or DocumentKind.RecommendationSheet;

    /// <summary>
    /// What stops this template from being issued, whatever the form: no findings for a certificate that states them
    /// (P22), an accessory certificate the patient did not ask for (P24), a measure outside the list or a free text on
    /// a fiche de préconisations (P27).
    /// </summary>
    public IEnumerable<string> Problems(string? findings, bool requestedByPatient, IReadOnlyCollection<string> measures, string? text)
    {
        if (Accessory && !requestedByPatient)
        {
            yield return "Ce certificat n'est pas obligatoire : il ne peut être établi que dans l'intérêt du patient et à sa demande — cochez « demandé par le patient » si c'est le cas (P24).";
        }
        // P22: a certificate says what the physician found at a signed consultation, never what he was told.
        if (StatesFindings && string.IsNullOrWhiteSpace(findings))
        {
            yield return "Choisissez la consultation signée dont les constatations fondent ce certificat (P22).";
        }
        if (!ListsMeasures)
        {
            yield break;
        }
        // P27: the director receives living measures from the list, nothing he could read a diagnosis into.
        foreach (var measure in measures.Where(m => !Catalogue.LivingMeasures.Contains(m)))
        {
            yield return $"« {measure} » n'est pas une mesure de la liste : choisissez parmi les mesures proposées.";
        }
        if (Kind == DocumentKind.RecommendationSheet && !string.IsNullOrWhiteSpace(text))
        {
            yield return "La fiche de préconisations ne contient que des mesures de la liste : retirez le texte libre.";
        }
        if (measures.Count == 0 && string.IsNullOrWhiteSpace(text))
        {
            yield return Kind == DocumentKind.RecommendationSheet
                ? "Choisissez au moins une mesure."
                : "Choisissez au moins une mesure ou décrivez l'aménagement demandé.";
        }
    }
}

/// <summary>
/// The arrêt de travail of a detainee who works (P23), with the fields of the official « avis d'arrêt de travail »
/// (cerfa n° 10170): the insured person, his activity and employer, initial or prolongation, the dates, whether he may
/// leave. The form's medical part (volet 1, the reasons) goes to the health insurance's physician only, never to the
/// prison's work service (P25): this notice has no field for it.
/// </summary>
public sealed record WorkStoppageNotice(WorkStoppageType Type, bool Extension, DateOnly? InitialFrom, DateOnly? From,
    DateOnly? To, bool ExitsAllowed, string? Employer)
{
    /// <summary>The labels of the form's fields, in the order they are printed.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "Assuré(e)", "Situation", "Employeur", "Nature", "Arrêt", "Arrêt initial du", "Du", "Au (inclus)", "Sorties",
    ];

    /// <summary>A working detainee's status on the form: a detainee classé au travail (art. 717-3 CPP).</summary>
    public const string Situation = "Personne détenue exerçant une activité de travail (art. 717-3 du code de procédure pénale)";

    public string Kind => Extension ? "Prolongation" : "Initial";

    public string Exits => ExitsAllowed ? "Autorisées" : "Non autorisées";

    public IEnumerable<string> Problems()
    {
        if (From is null || To is null || To < From)
        {
            yield return "Indiquez la période de l'arrêt (du … au …), la fin ne pouvant précéder le début.";
        }
        if (string.IsNullOrWhiteSpace(Employer))
        {
            yield return "Indiquez l'employeur ou le poste de travail (service général, atelier, concessionnaire).";
        }
        // A prolongation continues an arrêt already given: the form names the initial arrêt, which came first.
        if (Extension && (InitialFrom is null || (From is { } from && InitialFrom > from)))
        {
            yield return "Pour une prolongation, indiquez la date de début de l'arrêt initial, au plus tard le premier jour de la prolongation.";
        }
    }
}


public static class Catalogue
{
    /// <summary>Non-medical measures of a fiche de préconisations (P27).</summary>
    public static readonly IReadOnlyList<string> LivingMeasures =
    [
        "Lit en position basse", "Cellule en rez-de-chaussée", "Matelas supplémentaire", "Cellule individuelle",
        "Douches supplémentaires", "Accès facilité aux sanitaires", "Dispense de port de charges",
        "Régime alimentaire adapté", "Oreiller supplémentaire", "Aménagement des horaires de promenade",
    ];

    public static IReadOnlyList<DocumentTemplate> All { get; } =
    [
        new(DocumentKind.InjuryCertificate, "Certificat médical de constatation de coups et blessures", RecipientCategory.Patient,
            "Remis en main propre à l'intéressé(e)", false, "Certificat de constatations (P23), remis au patient"),
        new(DocumentKind.WorkStoppage, "Certificat d'arrêt de travail", RecipientCategory.PrisonAdministration,
            "Service du travail pénitentiaire", false, "Avis d'arrêt de travail (cerfa n° 10170), prévu pour les personnes détenues qui travaillent (P23)"),
        new(DocumentKind.RegimeAttestation, "Attestation médicale (orientation ou changement de régime)", RecipientCategory.PrisonAdministration,
            "Monsieur ou Madame le chef d'établissement", false, "Attestation prévue par les textes pour l'orientation ou le régime de détention (P23, P25)"),
        new(DocumentKind.FollowUpAttestation, "Attestation de suivi", RecipientCategory.Jap,
            "Monsieur ou Madame le juge de l'application des peines", false, "Attestation de suivi / obligation de soins pour le JAP (P23, P25)"),
        new(DocumentKind.PathologyCertificate, "Certificat médical", RecipientCategory.Patient,
            "Remis en main propre à l'intéressé(e), à sa demande", true, "Certificat demandé par le patient, dans son intérêt (P24)"),
        new(DocumentKind.DisabilityAccommodation, "Certificat d'aménagements liés à un handicap", RecipientCategory.PrisonAdministration,
            "Monsieur ou Madame le chef d'établissement", true, "Certificat demandé par le patient, dans son intérêt (P24, P25)"),
        new(DocumentKind.MedicalNeed, "Certificat de besoin d'aménagement", RecipientCategory.PrisonAdministration,
            "Monsieur ou Madame le chef d'établissement", true, "Certificat demandé par le patient, dans son intérêt (P24, P25)"),
        new(DocumentKind.RecommendationSheet, "Fiche de préconisations pour la vie en détention", RecipientCategory.PrisonAdministration,
            "Monsieur ou Madame le chef d'établissement", false, "Préconisations non médicales pour la vie en détention (P27)"),
    ];

    /// <summary>Built from the record by the coordinator's release desk, not from the certificate form.</summary>
    public static DocumentTemplate ReleasePack { get; } = new(DocumentKind.ReleasePack, "Dossier de sortie",
        RecipientCategory.Patient, "Remis en main propre au patient à sa sortie", false,
        "Continuité des soins à la libération (P12, P13, P18)");

    /// <summary>P21: issued from the escort list, for the physician who receives the patient outside.</summary>
    public static DocumentTemplate ExtractionCover { get; } = new(DocumentKind.ExtractionCover,
        "Pli confidentiel — secret médical", RecipientCategory.OutsideProfessional,
        "Au médecin qui reçoit le patient, en main propre", false,
        "Continuité des soins lors d'une extraction médicale, sous pli confidentiel (P21)");

    /// <summary>P09: handed to the patient at entry; it holds nothing about him but his name.</summary>
    public static DocumentTemplate InformationSheet { get; } = new(DocumentKind.InformationSheet,
        "Livret d'information du patient", RecipientCategory.Patient, "Remis en main propre au patient", false,
        "Information du patient sur l'unité, le secret médical et ses droits (P09, art. L.1111-2 CSP)");

    /// <summary>
    /// Issue #20: printed from a signed prescription, not from the certificate form. The title of the register is
    /// « Ordonnance » whatever the drugs: « sécurisée » is on the paper only, so the register shows no stupéfiant.
    /// </summary>
    public static DocumentTemplate Ordonnance { get; } = new(DocumentKind.Ordonnance, "Ordonnance",
        RecipientCategory.Patient, "Remise au patient, délivrée par la pharmacie de l'établissement", false,
        "Ordonnance du prescripteur (art. R.5132-3 CSP ; stupéfiants : art. R.5132-5 et R.5132-29 CSP)");

    public static DocumentTemplate Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Ordonnance => Ordonnance,
        DocumentKind.InformationSheet => InformationSheet,
        DocumentKind.ReleasePack => ReleasePack,
        DocumentKind.ExtractionCover => ExtractionCover,
        _ => All.Single(t => t.Kind == kind),
    };

    public static string Label(this WorkStoppageType type) => type switch
    {
        WorkStoppageType.SickLeave => "Arrêt de travail",
        WorkStoppageType.WorkAccident => "Accident du travail",
        _ => "Maladie professionnelle",
    };
}
