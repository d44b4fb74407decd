using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Continuity;

public enum EscortStatus
{
    Requested,
    Confirmed,
    Cancelled,
    Postponed,
    Done,
}

public enum CancelledBy
{
    PrisonAdministration,
    Hospital,
    Patient,
}

/// <summary>
/// P32: a consultation or examination outside the prison (« extraction médicale ») and its escort. The unit sees the
/// medical reason; the AP sees only the date, time, destination and escort level.
/// </summary>
public sealed class ExternalAppointment : IUnitScoped
{
    private ExternalAppointment()
    {
        Destination = MedicalReason = RequestedByName = "";
    }

    public ExternalAppointment(Guid patientId, Guid unitId, DateTimeOffset at, string destination, int escortLevel,
        string medicalReason, Guid by, string byName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(destination))
        {
            throw new DomainException("Indiquez la destination (hôpital, service).");
        }
        if (escortLevel is < 1 or > 4)
        {
            throw new DomainException("Le niveau d'escorte va de 1 à 4.");
        }
        if (at < now)
        {
            throw new DomainException("Le rendez-vous ne peut pas être dans le passé.");
        }
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        At = at;
        Destination = destination.Trim();
        EscortLevel = escortLevel;
        MedicalReason = medicalReason.Trim();
        Status = EscortStatus.Requested;
        RequestedById = by;
        RequestedByName = byName;
        RequestedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Destination { get; private set; }
    public int EscortLevel { get; private set; }

    /// <summary>Medical: never shown to the AP (P32, P05).</summary>
    public string MedicalReason { get; private set; }

    public EscortStatus Status { get; private set; }
    public CancelledBy? CancelledBy { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public Guid RequestedById { get; private set; }
    public string RequestedByName { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>How long before the appointment it was cancelled (negative: after).</summary>
    public TimeSpan? CancellationNotice => CancelledAt is { } at ? At - at : null;

    public void Confirm() => Move(EscortStatus.Confirmed);

    public void Cancel(CancelledBy by, DateTimeOffset now)
    {
        Move(EscortStatus.Cancelled);
        CancelledBy = by;
        CancelledAt = now;
    }

    public void Postpone(DateTimeOffset newDate, DateTimeOffset now)
    {
        if (newDate < now)
        {
            throw new DomainException("La nouvelle date ne peut pas être dans le passé.");
        }
        Move(EscortStatus.Postponed);
        At = newDate;
    }

    public void MarkDone(DateTimeOffset now)
    {
        Move(EscortStatus.Done);
        DoneAt = now;
    }

    private void Move(EscortStatus to)
    {
        if (Status is EscortStatus.Cancelled or EscortStatus.Done)
        {
            throw new DomainException("Ce rendez-vous est déjà clos (annulé ou fait).");
        }
        Status = to;
    }

    public static string Label(EscortStatus status) => status switch
    {
        EscortStatus.Requested => "Demandée",
        EscortStatus.Confirmed => "Escorte confirmée",
        EscortStatus.Cancelled => "Annulée",
        EscortStatus.Postponed => "Reportée",
        _ => "Faite",
    };

    public static string Label(CancelledBy by) => by switch
    {
        Continuity.CancelledBy.PrisonAdministration => "administration pénitentiaire",
        Continuity.CancelledBy.Hospital => "hôpital",
        _ => "patient",
    };
}
