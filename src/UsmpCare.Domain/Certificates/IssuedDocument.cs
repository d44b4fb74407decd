using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Certificates;

/// <summary>
/// A certificate or attestation once issued (P22): numbered, signed by its author (name, RPPS), dated, addressed, and
/// immutable — the table refuses UPDATE and DELETE. A correction is a new document that names the one it replaces.
/// The stored PDF is the one re-downloaded, byte for byte; <see cref="Text"/> is exactly what it says.
/// </summary>
public sealed class IssuedDocument : IUnitScoped
{
    private IssuedDocument()
    {
        Number = Title = RecipientName = Text = AuthorName = "";
        Pdf = [];
    }

    public IssuedDocument(string number, Guid patientId, Guid unitId, DocumentKind kind, string title,
        RecipientCategory recipient, string recipientName, string text, byte[] pdf, Guid authorId, string authorName,
        string? authorRpps, DateTimeOffset issuedAt, Guid? replacesId, Guid? sourceEntryId, bool requestedByPatient,
        Guid? administrationRequestId, Guid disclosureId)
    {
        Id = Guid.NewGuid();
        Number = number;
        PatientId = patientId;
        UnitId = unitId;
        Kind = kind;
        Title = title;
        Recipient = recipient;
        RecipientName = recipientName;
        Text = text;
        Pdf = pdf;
        AuthorId = authorId;
        AuthorName = authorName;
        AuthorRpps = authorRpps;
        IssuedAt = issuedAt;
        ReplacesId = replacesId;
        SourceEntryId = sourceEntryId;
        RequestedByPatient = requestedByPatient;
        AdministrationRequestId = administrationRequestId;
        DisclosureId = disclosureId;
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Title { get; private set; }
    public RecipientCategory Recipient { get; private set; }
    public string RecipientName { get; private set; }
    public string Text { get; private set; }
    public byte[] Pdf { get; private set; }
    public Guid AuthorId { get; private set; }
    public string AuthorName { get; private set; }
    public string? AuthorRpps { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }
    public Guid? ReplacesId { get; private set; }
    public Guid? SourceEntryId { get; private set; }
    public bool RequestedByPatient { get; private set; }
    public Guid? AdministrationRequestId { get; private set; }
    public Guid DisclosureId { get; private set; }
}

public enum RequestStatus
{
    Pending,
    Accepted,
    Refused,
}

/// <summary>
/// The ground of a refusal, so that the partnership sheet can count refusals by reason without carrying the free
/// text (which may name a patient) out of the unit.
/// </summary>
public enum RefusalGround
{
    /// <summary>No text provides for such a certificate (e.g. « compatibilité avec l'isolement », P24).</summary>
    NoLegalBasis,
    /// <summary>The answer would disclose medical information covered by secrecy (P05).</summary>
    MedicalSecrecy,
    /// <summary>It belongs to an expert or a requisitioned physician, not the treating one (R.4127-105 CSP, P26).</summary>
    NotForTreatingPhysician,
    /// <summary>The patient refused the examination or the document.</summary>
    PatientRefused,
    Other,
}

/// <summary>
/// P24: the administration asks the unit for an attestation or a certificate; the physician issues it, or refuses
/// with a reasoned reply when no text provides for it (e.g. « compatibilité avec l'isolement »). Refusals form a register.
/// </summary>
public sealed class AdministrationRequest : IUnitScoped
{
    private AdministrationRequest()
    {
        What = RequestedByName = "";
    }

    public AdministrationRequest(Guid patientId, Guid unitId, string what, string? legalBasis, Guid by, string byName,
        DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(what))
        {
            throw new DomainException("Précisez le document demandé.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        What = what.Trim();
        LegalBasis = string.IsNullOrWhiteSpace(legalBasis) ? null : legalBasis.Trim();
        RequestedById = by;
        RequestedByName = byName;
        RequestedAt = at;
        Status = RequestStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public string What { get; private set; }
    public string? LegalBasis { get; private set; }
    public Guid RequestedById { get; private set; }
    public string RequestedByName { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public RequestStatus Status { get; private set; }
    public string? Reply { get; private set; }
    public RefusalGround? RefusalGround { get; private set; }
    public string? RepliedByName { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public Guid? IssuedDocumentId { get; private set; }
    public uint Version { get; private set; }

    public void Refuse(RefusalGround ground, string reason, string byName, DateTimeOffset at)
    {
        Refuse(reason, byName, at);
        RefusalGround = ground;
    }

    public static string Label(RefusalGround ground) => ground switch
    {
        Certificates.RefusalGround.NoLegalBasis => "aucun texte ne prévoit ce document",
        Certificates.RefusalGround.MedicalSecrecy => "information couverte par le secret médical",
        Certificates.RefusalGround.NotForTreatingPhysician => "relève d'un médecin expert ou requis, pas du médecin traitant",
        Certificates.RefusalGround.PatientRefused => "refus du patient",
        _ => "autre motif",
    };

    public void Refuse(string reason, string byName, DateTimeOffset at)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Motivez le refus : il est transmis au demandeur et inscrit au registre des refus.");
        }
        Status = RequestStatus.Refused;
        Reply = reason.Trim();
        RepliedByName = byName;
        RepliedAt = at;
    }

    public void Answer(Guid documentId, string byName, DateTimeOffset at)
    {
        EnsurePending();
        Status = RequestStatus.Accepted;
        IssuedDocumentId = documentId;
        Reply = "Document établi et transmis.";
        RepliedByName = byName;
        RepliedAt = at;
    }

    private void EnsurePending()
    {
        if (Status != RequestStatus.Pending)
        {
            throw new DomainException("Cette demande a déjà reçu une réponse.");
        }
    }
}

/// <summary>
/// P26: a judicial requisition naming a physician to examine, or give an expertise on, a patient. A treating physician
/// cannot be the expert of his own patient (art. R.4127-105 CSP): the expertise is blocked and a reasoned refusal
/// letter is produced.
/// </summary>
public sealed class Requisition : IUnitScoped
{
    private Requisition()
    {
        Authority = WhatAsked = PhysicianName = RecordedByName = "";
    }

    public Requisition(Guid patientId, Guid unitId, string authority, DateOnly receivedOn, Guid physicianId,
        string physicianName, string whatAsked, bool physicianHasTreatedPatient, byte[]? refusalLetter, Guid by,
        string byName, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(authority) || string.IsNullOrWhiteSpace(whatAsked))
        {
            throw new DomainException("Indiquez l'autorité requérante et ce qui est demandé.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Authority = authority.Trim();
        ReceivedOn = receivedOn;
        PhysicianId = physicianId;
        PhysicianName = physicianName;
        WhatAsked = whatAsked.Trim();
        Blocked = physicianHasTreatedPatient;
        RefusalLetter = physicianHasTreatedPatient ? refusalLetter : null;
        RecordedById = by;
        RecordedByName = byName;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Authority { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public Guid PhysicianId { get; private set; }
    public string PhysicianName { get; private set; }
    public string WhatAsked { get; private set; }

    /// <summary>The named physician treats the patient: the expertise is refused (P26).</summary>
    public bool Blocked { get; private set; }
    public byte[]? RefusalLetter { get; private set; }
    public Guid RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
