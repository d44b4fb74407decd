using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Continuity;

public enum AccessRequester
{
    Patient,
    Lawyer,
    MandatedThirdParty,
    DesignatedPhysician,
}

/// <summary>P19: what, short of the patient's signed mandate, entitles a lawyer or a third party to the record.</summary>
public enum AccessLegalBasis
{
    /// <summary>Guardian of a protected adult (art. L.1111-7 and L.1111-2 CSP).</summary>
    Guardian,
    /// <summary>Holder of parental authority of a minor patient (art. L.1111-7 CSP).</summary>
    ParentalAuthority,
    /// <summary>Heir of a deceased patient, for the reasons the law allows (art. L.1110-4 V CSP).</summary>
    HeirAfterDeath,
}

/// <summary>
/// P19: a request for the medical record — by the patient, his lawyer at his request, a third party holding a mandate
/// he signed, or a physician he designates. Legal deadline: 8 days, or 2 months when the information is more than five
/// years old (art. L.1111-7 CSP). Handing it over is a disclosure.
/// </summary>
public sealed class RecordAccessRequest : IUnitScoped
{
    private RecordAccessRequest()
    {
        RequesterName = RecordedByName = "";
    }

    public RecordAccessRequest(Guid patientId, Guid unitId, AccessRequester requester, string requesterName,
        bool olderThanFiveYears, DateOnly receivedOn, Guid by, string byName, DateTimeOffset at)
    {
        if (!Enum.IsDefined(requester))
        {
            throw new DomainException("Choisissez le demandeur dans la liste.");
        }
        if (string.IsNullOrWhiteSpace(requesterName))
        {
            throw new DomainException("Indiquez qui demande le dossier.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Requester = requester;
        RequesterName = requesterName.Trim();
        OlderThanFiveYears = olderThanFiveYears;
        ReceivedOn = receivedOn;
        DueOn = DueDate(receivedOn, olderThanFiveYears);
        RecordedById = by;
        RecordedByName = byName;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public AccessRequester Requester { get; private set; }
    public string RequesterName { get; private set; }

    /// <summary>
    /// P19: the patient's own signed paper, scanned — his mandate to a lawyer or a third party, or his request that
    /// accompanies the request of the physician he designates. JPEG, PNG or PDF, read from its bytes.
    /// </summary>
    public byte[]? PatientDocument { get; private set; }
    public string? PatientDocumentType { get; private set; }
    public DateTimeOffset? PatientDocumentAt { get; private set; }
    public string? PatientDocumentByName { get; private set; }

    /// <summary>P19: the legal basis a lawyer or a third party holds instead of a mandate.</summary>
    public AccessLegalBasis? LegalBasis { get; private set; }
    public bool OlderThanFiveYears { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? HandedOverOn { get; private set; }
    public string? HandedOverByName { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public uint Version { get; private set; }

    public static DateOnly DueDate(DateOnly received, bool olderThanFiveYears) =>
        olderThanFiveYears ? received.AddMonths(2) : received.AddDays(8);

    public bool IsOverdue(DateOnly today) => HandedOverOn is null && today > DueOn;

    /// <summary>What the patient must have signed before anything is handed, or null (P19).</summary>
    public string? PatientDocumentLabel => Requester switch
    {
        AccessRequester.Lawyer or AccessRequester.MandatedThirdParty => "mandat signé du patient",
        AccessRequester.DesignatedPhysician => "demande écrite du patient",
        _ => null,
    };

    /// <summary>P19: why the record may not be handed over yet, or null.</summary>
    public string? WhyNotYet() => HandedOverOn is not null
        ? "Le dossier a déjà été remis pour cette demande."
        : Requester is AccessRequester.Lawyer or AccessRequester.MandatedThirdParty && PatientDocument is null && LegalBasis is null
            ? "Le dossier ne se remet à un avocat ou à un tiers qu'une fois enregistré le mandat signé du patient (scan) ou le fondement légal de sa demande (P19)."
            : Requester == AccessRequester.DesignatedPhysician && PatientDocument is null
                ? "La demande du médecin désigné doit être accompagnée de la demande écrite du patient : joignez-en le scan (P19)."
                : null;

    public void AttachPatientDocument(byte[] content, string byName, DateTimeOffset at)
    {
        if (PatientDocumentLabel is null)
        {
            throw new DomainException("Le patient qui demande lui-même son dossier n'a pas de mandat à fournir.");
        }
        if (content.Length == 0 || content.Length > CareRequestScan.MaxBytes)
        {
            throw new DomainException("Le scan doit faire entre 1 octet et 5 Mo.");
        }
        PatientDocumentType = CareRequestScan.Sniff(content) ?? throw new DomainException(
            "Seuls les fichiers JPEG, PNG ou PDF sont acceptés (le contenu du fichier a été vérifié, pas seulement son nom).");
        PatientDocument = content;
        PatientDocumentAt = at;
        PatientDocumentByName = byName;
    }

    public void RecordLegalBasis(AccessLegalBasis basis)
    {
        if (!Enum.IsDefined(basis))
        {
            throw new DomainException("Choisissez le fondement légal dans la liste.");
        }
        if (Requester is not (AccessRequester.Lawyer or AccessRequester.MandatedThirdParty))
        {
            throw new DomainException("Seule la demande d'un avocat ou d'un tiers repose sur un fondement légal à la place du mandat.");
        }
        LegalBasis = basis;
    }

    /// <summary>
    /// P19, P02: hands the record over and returns its line of the disclosure ledger — the only way a hand-over is
    /// recorded. Refused until the mandate, the patient's request or the legal basis is recorded.
    /// </summary>
    public Disclosure HandOver(ConsentState consents, DateOnly on, Guid byId, string byName, DateTimeOffset at)
    {
        if (WhyNotYet() is { } refusal)
        {
            throw new DomainException(refusal);
        }
        var recipient = Requester switch
        {
            AccessRequester.Patient => RecipientCategory.Patient,
            AccessRequester.Lawyer => RecipientCategory.Lawyer,
            AccessRequester.DesignatedPhysician => RecipientCategory.DesignatedPhysician,
            _ => RecipientCategory.OutsideProfessional,
        };
        var (consent, exception) = Disclosure.Basis(consents, recipient, null,
            Requester == AccessRequester.Patient ? LegalException.PatientHimself : LegalException.RecordAccessRequest);
        HandedOverOn = on;
        HandedOverByName = byName;
        var ground = LegalBasis is { } basis ? Label(basis) : PatientDocumentLabel is { } paper ? $"{paper} enregistré" : "demande du patient";
        return new Disclosure(PatientId, UnitId, recipient, RequesterName, $"Copie du dossier médical ({ground})",
            "Accès au dossier médical, art. L.1111-7 CSP (P19)", consent, exception, byId, byName, at);
    }

    public static string Label(AccessLegalBasis basis) => basis switch
    {
        AccessLegalBasis.Guardian => "tuteur du patient (art. L.1111-7 CSP)",
        AccessLegalBasis.ParentalAuthority => "titulaire de l'autorité parentale (art. L.1111-7 CSP)",
        _ => "ayant droit d'un patient décédé (art. L.1110-4 CSP)",
    };

    public static string Label(AccessRequester requester) => requester switch
    {
        AccessRequester.Patient => "Le patient",
        AccessRequester.Lawyer => "Son avocat, à sa demande",
        AccessRequester.MandatedThirdParty => "Un tiers mandaté par le patient",
        _ => "Un médecin qu'il désigne",
    };
}
