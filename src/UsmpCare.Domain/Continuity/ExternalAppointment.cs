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

/// <summary>What the appointment is: the activity report counts extractions and hospitalisations apart.</summary>
public enum AppointmentKind
{
    /// <summary>Consultation or examination outside (« extraction médicale »).</summary>
    Consultation,
    /// <summary>Unité hospitalière sécurisée interrégionale (somatic hospitalisation).</summary>
    HospitalisationUhsi,
    /// <summary>Unité hospitalière spécialement aménagée (psychiatric hospitalisation with consent or on decision).</summary>
    HospitalisationUhsa,
    /// <summary>Any other hospitalisation (emergency department, chambre sécurisée, art. D.398 CPP psychiatry).</summary>
    HospitalisationOther,
}

/// <summary>
/// Why an appointment was cancelled: the health–justice dialogue needs causes, not just who cancelled
/// (seed 003: "fonder le dialogue sur des faits").
/// </summary>
public enum CancellationCause
{
    EscortUnavailable,
    EscortLate,
    SecurityIncident,
    PatientMoved,
    HospitalCancelled,
    PatientRefused,
    Other,
}

/// <summary>
/// P32: a consultation or examination outside the prison (« extraction médicale ») and its escort. The unit sees the
/// medical reason; the AP sees only the date, time, place (from the unit's list) and escort level.
/// </summary>
public sealed class ExternalAppointment : IUnitScoped
{
    private ExternalAppointment()
    {
        MedicalReason = RequestedByName = "";
    }

    public ExternalAppointment(Guid patientId, Guid unitId, DateTimeOffset at, EscortPlace? place, int escortLevel,
        string medicalReason, Guid by, string byName, DateTimeOffset now, AppointmentKind kind = AppointmentKind.Consultation)
    {
        // P05, P32: the destination is one of the unit's places, never free text the AP would read.
        if (place is null || place.UnitId != unitId || !place.IsActive)
        {
            throw new DomainException("Choisissez la destination dans la liste des lieux de l'unité.");
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
        PlaceId = place.Id;
        EscortLevel = escortLevel;
        MedicalReason = medicalReason.Trim();
        Status = EscortStatus.Requested;
        Kind = kind;
        RequestedById = by;
        RequestedByName = byName;
        RequestedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>Where the escort goes: one of the unit's <see cref="EscortPlace"/>s.</summary>
    public Guid PlaceId { get; private set; }
    public int EscortLevel { get; private set; }

    /// <summary>Medical: never shown to the AP (P32, P05).</summary>
    public string MedicalReason { get; private set; }

    public AppointmentKind Kind { get; private set; }
    public EscortStatus Status { get; private set; }
    public CancelledBy? CancelledBy { get; private set; }
    public CancellationCause? CancellationCause { get; private set; }

    /// <summary>How late the escort was, in minutes, when the appointment still took place (partnership sheet).</summary>
    public int? EscortDelayMinutes { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public Guid RequestedById { get; private set; }
    public string RequestedByName { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>P21: the last cover sheet issued for what travels with the patient (a registered document).</summary>
    public Guid? CoverDocumentId { get; private set; }

    public void CoverIssued(Guid documentId)
    {
        if (Status is EscortStatus.Cancelled or EscortStatus.Done)
        {
            throw new DomainException("Ce rendez-vous est déjà clos (annulé ou fait) : plus rien ne voyage avec le patient.");
        }
        CoverDocumentId = documentId;
    }

    /// <summary>How long before the appointment it was cancelled (negative: after).</summary>
    public TimeSpan? CancellationNotice => CancelledAt is { } at ? At - at : null;

    public void Confirm() => Move(EscortStatus.Confirmed);

    public void Cancel(CancelledBy by, DateTimeOffset now)
    {
        Move(EscortStatus.Cancelled);
        CancelledBy = by;
        CancelledAt = now;
    }

    /// <summary>Cancels for a cause; who cancelled follows from it.</summary>
    public void Cancel(CancellationCause cause, DateTimeOffset now)
    {
        Cancel(ByWhom(cause), now);
        CancellationCause = cause;
    }

    public static CancelledBy ByWhom(CancellationCause cause) => cause switch
    {
        Continuity.CancellationCause.HospitalCancelled => Continuity.CancelledBy.Hospital,
        Continuity.CancellationCause.PatientRefused => Continuity.CancelledBy.Patient,
        _ => Continuity.CancelledBy.PrisonAdministration,
    };

    public void Postpone(DateTimeOffset newDate, DateTimeOffset now)
    {
        if (newDate < now)
        {
            throw new DomainException("La nouvelle date ne peut pas être dans le passé.");
        }
        Move(EscortStatus.Postponed);
        At = newDate;
    }

    public void MarkDone(DateTimeOffset now, int? escortDelayMinutes = null)
    {
        if (escortDelayMinutes is < 0 or > 24 * 60)
        {
            throw new DomainException("Le retard de l'escorte s'indique en minutes, de 0 à 1440.");
        }
        Move(EscortStatus.Done);
        DoneAt = now;
        EscortDelayMinutes = escortDelayMinutes is 0 ? null : escortDelayMinutes;
    }

    public bool IsHospitalisation => Kind != AppointmentKind.Consultation;

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

    public static string Label(AppointmentKind kind) => kind switch
    {
        AppointmentKind.Consultation => "Consultation ou examen",
        AppointmentKind.HospitalisationUhsi => "Hospitalisation en UHSI",
        AppointmentKind.HospitalisationUhsa => "Hospitalisation en UHSA",
        _ => "Autre hospitalisation",
    };

    public static string Label(CancellationCause cause) => cause switch
    {
        Continuity.CancellationCause.EscortUnavailable => "escorte indisponible",
        Continuity.CancellationCause.EscortLate => "escorte arrivée trop tard",
        Continuity.CancellationCause.SecurityIncident => "incident ou motif de sécurité",
        Continuity.CancellationCause.PatientMoved => "patient transféré ou libéré",
        Continuity.CancellationCause.HospitalCancelled => "annulé par l'hôpital",
        Continuity.CancellationCause.PatientRefused => "refus du patient",
        _ => "autre cause",
    };

    public static string Label(CancelledBy by) => by switch
    {
        Continuity.CancelledBy.PrisonAdministration => "administration pénitentiaire",
        Continuity.CancelledBy.Hospital => "hôpital",
        _ => "patient",
    };
}
