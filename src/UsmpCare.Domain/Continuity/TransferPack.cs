using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Continuity;

/// <summary>
/// P13, P21: the pack that follows a transferred patient — to another unit of the deployment, which acknowledges its
/// receipt, or outside it. It travels under a cover sheet « pli confidentiel — secret médical » that carries no medical
/// word, so escort staff see only the cover.
/// </summary>
public sealed class TransferPack : IUnitScoped
{
    private TransferPack()
    {
        Destination = SentByName = "";
        Pack = Cover = [];
    }

    public TransferPack(Guid patientId, Guid fromUnitId, Guid? toUnitId, Guid? receivingPatientId, string destination,
        byte[] pack, byte[] cover, Guid sentById, string sentByName, DateTimeOffset sentAt)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new DomainException("Indiquez l'établissement de destination.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = fromUnitId;
        ToUnitId = toUnitId;
        ReceivingPatientId = receivingPatientId;
        Destination = destination.Trim();
        Pack = pack;
        Cover = cover;
        SentById = sentById;
        SentByName = sentByName;
        SentAt = sentAt;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }

    /// <summary>The sending unit.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The receiving unit when it belongs to the deployment; null for a transfer outside it.</summary>
    public Guid? ToUnitId { get; private set; }
    public Guid? ReceivingPatientId { get; private set; }
    public string Destination { get; private set; }
    public byte[] Pack { get; private set; }
    public byte[] Cover { get; private set; }
    public Guid SentById { get; private set; }
    public string SentByName { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedByName { get; private set; }

    public void Acknowledge(string byName, DateTimeOffset at)
    {
        if (ToUnitId is null)
        {
            throw new DomainException("Un transfert hors de l'hôpital n'est pas accusé dans l'application.");
        }
        if (AcknowledgedAt is not null)
        {
            throw new DomainException("La réception de ce dossier est déjà accusée.");
        }
        AcknowledgedAt = at;
        AcknowledgedByName = byName;
    }
}
