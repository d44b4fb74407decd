namespace UsmpCare.Domain.Disclosures;

/// <summary>
/// P02: the closed list of exceptions the law provides to the patient's agreement before information leaves the care
/// team. Nothing else lets it go without his agreement: there is no free-text exception.
/// </summary>
public enum LegalException
{
    /// <summary>Handed to the patient himself: his own access (art. L.1111-7 CSP).</summary>
    PatientHimself,
    /// <summary>A request for the record by the patient, his lawyer, a third party he mandated or a physician he designates (art. L.1111-7 CSP).</summary>
    RecordAccessRequest,
    /// <summary>Exchange between professionals who take the patient in charge, he being informed and not objecting (art. L.1110-4 CSP).</summary>
    CareTeamSharing,
    /// <summary>A certificate or attestation the texts require, with no diagnostic element (art. R.4127-76 CSP).</summary>
    RequiredCertificate,
    /// <summary>Ill-treatment of a minor or of a person unable to protect himself (art. 226-14 1° CP; the derogations of art. R.4127-4 CSP).</summary>
    AbuseSignalement,
    /// <summary>A serious risk to the safety of persons in the prison (art. L.6141-5 CSP).</summary>
    SeriousRiskToPersons,
    /// <summary>A judicial requisition (art. 60 and 77-1 CPP).</summary>
    JudicialRequisition,
    /// <summary>A disease under mandatory notification (art. L.3113-1 CSP).</summary>
    MandatoryNotification,
}

public static class LegalExceptions
{
    /// <summary>What the ledger and the forms show: the exception and its article of law.</summary>
    public static string Label(this LegalException exception) => exception switch
    {
        LegalException.PatientHimself => "Remise au patient lui-même (art. L.1111-7 CSP)",
        LegalException.RecordAccessRequest => "Demande d'accès au dossier par le patient ou à sa demande (art. L.1111-7 CSP)",
        LegalException.CareTeamSharing => "Échange entre professionnels qui prennent en charge le patient (art. L.1110-4 CSP)",
        LegalException.RequiredCertificate => "Certificat prévu par les textes, sans élément de diagnostic (art. R.4127-76 CSP)",
        LegalException.AbuseSignalement => "Signalement de sévices sur mineur ou personne hors d'état de se protéger (art. 226-14 du code pénal)",
        LegalException.SeriousRiskToPersons => "Risque sérieux pour la sécurité des personnes (art. L.6141-5 CSP)",
        LegalException.JudicialRequisition => "Réquisition judiciaire (art. 60 et 77-1 du code de procédure pénale)",
        LegalException.MandatoryNotification => "Maladie à déclaration obligatoire (art. L.3113-1 CSP)",
        _ => throw new DomainException("Cette exception ne figure pas dans la liste des exceptions prévues par la loi."),
    };
}
