using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Disclosures;

/// <summary>Who received information that left the care team.</summary>
public enum RecipientCategory
{
    PrisonAdministration,
    Spip,
    Procureur,
    Jap,
    DesignatedPhysician,
    Patient,
    Lawyer,
    OtherUnit,
    OutsideProfessional,
    /// <summary>P20: the patient's « Mon espace santé » (the national health space).</summary>
    MonEspaceSante,
}

/// <summary>
/// The accounting of disclosures (P02): everything that leaves the care team — a document, a share with SPIP, a
/// signalement, a pack — with its recipient, content, legal basis and the consent it relies on (or the exception
/// that applies). Append-only: the table refuses UPDATE and DELETE.
/// </summary>
public sealed class Disclosure : IUnitScoped
{
    private Disclosure()
    {
        RecipientName = What = LegalBasis = AuthorName = "";
    }

    public Disclosure(Guid patientId, Guid unitId, RecipientCategory recipient, string recipientName, string what,
        string legalBasis, Guid? consentEntryId, LegalException? exception, Guid authorId, string authorName, DateTimeOffset at)
    {
        if (exception is { } chosen && !Enum.IsDefined(chosen))
        {
            throw new DomainException("Cette exception ne figure pas dans la liste des exceptions prévues par la loi : choisissez-la dans la liste.");
        }
        if (consentEntryId is null && exception is null)
        {
            throw new DomainException("Une transmission repose sur l'accord du patient ou sur une exception prévue par la loi.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Recipient = recipient;
        RecipientName = recipientName.Trim();
        What = what.Trim();
        LegalBasis = legalBasis;
        ConsentEntryId = consentEntryId;
        Exception = exception;
        AuthorId = authorId;
        AuthorName = authorName;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public RecipientCategory Recipient { get; private set; }
    public string RecipientName { get; private set; }
    public string What { get; private set; }
    public string LegalBasis { get; private set; }
    public Guid? ConsentEntryId { get; private set; }
    public LegalException? Exception { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>What the ledger shows as the ground: the patient's agreement, or the exception and its article.</summary>
    public string Ground => ConsentEntryId is not null ? "accord du patient" : Exception?.Label() ?? "";

    /// <summary>
    /// P02: what lets information leave now for a professional outside the care team — health (a physician, another
    /// unit, a hospital) or SPIP: the patient's CURRENT word for that category, read from his whole history at the moment
    /// it leaves (an agreement since withdrawn counts for nothing), else a legal exception from the closed list. Other
    /// recipients keep the agreement the caller relies on.
    /// </summary>
    /// <exception cref="DomainException">No current agreement and no exception: nothing leaves.</exception>
    public static (Guid? ConsentEntryId, LegalException? Exception) Basis(ConsentState consents, RecipientCategory recipient,
        Guid? consentEntryId, LegalException? exception)
    {
        if (recipient is RecipientCategory.Spip or RecipientCategory.DesignatedPhysician or RecipientCategory.OtherUnit
            or RecipientCategory.OutsideProfessional)
        {
            consentEntryId = consents.AgreementToLeaveFor(recipient)?.Id;
            if (consentEntryId is null && exception is null)
            {
                throw new DomainException(recipient == RecipientCategory.Spip
                    ? "Le patient n'a pas été informé de son droit d'opposition, ou s'oppose au partage avec le SPIP : rien ne peut lui être transmis (P02, P03)."
                    : "Le patient n'a pas donné son accord, ou l'a retiré, pour les échanges avec les professionnels de santé extérieurs : recueillez son accord ou choisissez l'exception prévue par la loi qui s'applique (P02).");
            }
        }
        return (consentEntryId, consentEntryId is null ? exception : null);
    }

    public static string Label(RecipientCategory recipient) => recipient switch
    {
        RecipientCategory.PrisonAdministration => "Administration pénitentiaire",
        RecipientCategory.Spip => "SPIP",
        RecipientCategory.Procureur => "Procureur de la République",
        RecipientCategory.Jap => "Juge de l'application des peines",
        RecipientCategory.DesignatedPhysician => "Médecin désigné par le patient",
        RecipientCategory.Patient => "Le patient",
        RecipientCategory.Lawyer => "Avocat",
        RecipientCategory.OtherUnit => "Autre unité sanitaire",
        RecipientCategory.MonEspaceSante => "« Mon espace santé » du patient",
        _ => "Professionnel extérieur",
    };
}

/// <summary>A short non-medical message a physician shares with SPIP about a patient (P03, P02).</summary>
public sealed class SpipShare : IUnitScoped
{
    private SpipShare()
    {
        Message = AuthorName = "";
    }

    public SpipShare(Guid patientId, Guid unitId, string message, Guid disclosureId, Guid authorId, string authorName,
        DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Message = message.Trim();
        DisclosureId = disclosureId;
        AuthorId = authorId;
        AuthorName = authorName;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Message { get; private set; }
    public Guid DisclosureId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }
}
