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
        string legalBasis, Guid? consentEntryId, string? exception, Guid authorId, string authorName, DateTimeOffset at)
    {
        if (consentEntryId is null && string.IsNullOrWhiteSpace(exception))
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
    public string? Exception { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public DateTimeOffset At { get; private set; }

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
