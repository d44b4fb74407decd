using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Agenda;

/// <summary>What an appointment in the unit is for (issue #21).</summary>
public enum VisitKind
{
    /// <summary>Visite d'entrée: the systematic visit of every arrival.</summary>
    EntryVisit,
    Consultation,
    FollowUp,
    /// <summary>Traitement de substitution aux opiacés.</summary>
    Tso,
    Dental,
    Psychology,
    NursingCare,
    /// <summary>Visite d'information et de prévention of a working detainee (P28).</summary>
    PreventionVisit,
}

/// <summary>Where the booking came from: a recall is the entry point the recalls of issue #21 (point 5) will use.</summary>
public enum BookedFrom
{
    Chart,
    CareRequest,
    Recall,
}

public enum AppointmentStatus
{
    Booked,
    Cancelled,
}

/// <summary>
/// What became of a booked appointment — recorded by the movement list of issue #21 (point 3), which counts the
/// appointments lost and why for the health–prison dialogue (seed 003).
/// </summary>
public enum AppointmentOutcome
{
    Seen,
    RefusedByPatient,
    /// <summary>Not brought by the prison: its reason goes with it.</summary>
    NotBrought,
    /// <summary>Parloir, court, activity, disciplinary quarters.</summary>
    Absent,
    ReleasedOrTransferred,
}

/// <summary>
/// Why a patient did not come, from a closed list so that the month's figures count causes, never free text (seed
/// 003, the health–prison dialogue): the prison's reasons for « non amené », then the absences (parloir, court…).
/// </summary>
public enum OutcomeReason
{
    /// <summary>Not brought: too few officers for the movements.</summary>
    StaffShortage,
    /// <summary>Not brought: movements stopped (incident, search, lockdown).</summary>
    MovementsBlocked,
    /// <summary>Not brought: the person was not called or the list did not reach the wing.</summary>
    NotCalled,
    /// <summary>Not brought: a reason of the prison outside the list.</summary>
    OtherPrisonReason,
    Parloir,
    Court,
    Activity,
    DisciplinaryQuarters,
}

/// <summary>
/// One outcome recorded for an appointment, appended and never changed: a correction is a new row that says why, so
/// the month's figures can be traced to who recorded what (issue #21, point 3).
/// </summary>
public sealed class AppointmentOutcomeRecord
{
    private AppointmentOutcomeRecord()
    {
        ByName = "";
    }

    internal AppointmentOutcomeRecord(Guid appointmentId, AppointmentOutcome outcome, OutcomeReason? reason, string? note,
        string? correction, bool byPrison, Guid by, string byName, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        AppointmentId = appointmentId;
        Outcome = outcome;
        Reason = reason;
        Note = note;
        Correction = correction;
        ByPrison = byPrison;
        ById = by;
        ByName = byName;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid AppointmentId { get; private set; }
    public AppointmentOutcome Outcome { get; private set; }
    public OutcomeReason? Reason { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Why an earlier outcome was corrected; null for the first one.</summary>
    public string? Correction { get; private set; }

    /// <summary>Recorded by the prison administration (« non amené »), not by the unit.</summary>
    public bool ByPrison { get; private set; }

    public Guid ById { get; private set; }
    public string ByName { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>A room of the unit where appointments are held (« Cabinet dentaire »): a small unit setting, retired, never deleted.</summary>
public sealed class Room : IUnitScoped
{
    private Room()
    {
        Name = "";
    }

    public Room(Guid unitId, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("Donnez un nom à la salle (par exemple « Salle de consultation 1 »).");
        }
        Id = Guid.NewGuid();
        UnitId = unitId;
        Name = name.Trim();
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public string Name { get; private set; }
    public bool IsActive { get; private set; }

    public void Retire() => IsActive = false;
}

/// <summary>A member of the unit's care staff who holds appointments: his team is the appointment's team (P30).</summary>
public sealed record Practitioner(Guid Id, string Name, Role Role, Team Team, IReadOnlySet<Guid> UnitIds);

/// <summary>What is asked when booking; checked by <see cref="Appointment.Book"/>.</summary>
public sealed record Booking(Patient Patient, Guid UnitId, VisitKind Kind, DateTimeOffset Start, int DurationMinutes,
    Practitioner Practitioner, Room Room, string? Reason, BookedFrom From = BookedFrom.Chart, CareRequest? CareRequest = null,
    Guid? RecallId = null);

/// <summary>
/// An appointment of the unit's agenda: one patient, one practitioner, one room, one slot. Its team is its
/// practitioner's, and the other team reads it only when the patient agreed to sharing (P30); the prison will read
/// only that a person is expected at the unit (P05).
/// </summary>
public sealed class Appointment : IUnitScoped
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 240;

    private Appointment()
    {
        PractitionerName = BookedByName = "";
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid PatientId { get; private set; }
    public VisitKind Kind { get; private set; }
    public Team Team { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public int DurationMinutes { get; private set; }
    public Guid PractitionerId { get; private set; }
    public string PractitionerName { get; private set; }
    public Guid RoomId { get; private set; }

    /// <summary>Free text, medical: read by the appointment's team (and the other one with the patient's agreement), never the prison.</summary>
    public string? Reason { get; private set; }

    public BookedFrom From { get; private set; }

    /// <summary>The care request this appointment answers (P33): booking moves it to « rendez-vous fixé ».</summary>
    public Guid? CareRequestId { get; private set; }

    /// <summary>The recall it answers, once recalls exist (issue #21, point 5).</summary>
    public Guid? RecallId { get; private set; }

    public Guid BookedById { get; private set; }
    public string BookedByName { get; private set; }
    public DateTimeOffset BookedAt { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public AppointmentOutcome? Outcome { get; private set; }

    /// <summary>Why he did not come, from the closed list (<see cref="ReasonsFor"/>).</summary>
    public OutcomeReason? OutcomeReason { get; private set; }

    /// <summary>A few words beside the reason, by whoever recorded the outcome (issue #21, point 3).</summary>
    public string? OutcomeNote { get; private set; }

    public DateTimeOffset? OutcomeAt { get; private set; }

    /// <summary>Every outcome recorded, corrections included; loaded only where it is shown.</summary>
    public List<AppointmentOutcomeRecord> OutcomeTrail { get; private set; } = [];

    public uint Version { get; private set; }

    public DateTimeOffset End => Start.AddMinutes(DurationMinutes);

    /// <summary>Whether the two slots share a minute: back-to-back appointments do not overlap.</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) =>
        Status == AppointmentStatus.Booked && Start < end && start < End;

    /// <summary>
    /// The team that holds an appointment of this kind with this practitioner: the practitioner's, provided the kind is
    /// one his team gives (dental care is somatic, psychology psychiatric; the prevention visit P28 is a somatic
    /// physician's).
    /// </summary>
    public static Team? TeamOf(VisitKind kind, Practitioner practitioner) => kind switch
    {
        VisitKind.Dental => practitioner.Role == Role.Dentist ? Team.Somatic : null,
        VisitKind.Psychology => practitioner.Team == Team.Psychiatric ? Team.Psychiatric : null,
        VisitKind.PreventionVisit => practitioner.Team == Team.Somatic && practitioner.Role.IsPhysician() ? Team.Somatic : null,
        VisitKind.Tso or VisitKind.NursingCare or VisitKind.EntryVisit or VisitKind.Consultation or VisitKind.FollowUp => practitioner.Team,
        _ => null,
    };

    /// <summary>
    /// Books the slot after every check; <paramref name="sameDay"/> are the unit's appointments of that practitioner or
    /// that room around the slot. A care request it answers moves to « rendez-vous fixé » (P33).
    /// </summary>
    public static Appointment Book(Booking booking, IEnumerable<Appointment> sameDay, Guid by, string byName, DateTimeOffset now)
    {
        var (patient, unitId, practitioner, room) = (booking.Patient, booking.UnitId, booking.Practitioner, booking.Room);
        if (patient.UnitId != unitId)
        {
            throw new DomainException("Ce patient n'est pas suivi par cette unité : le rendez-vous ne peut pas y être pris.");
        }
        if (!practitioner.UnitIds.Contains(unitId))
        {
            throw new DomainException($"{practitioner.Name} n'exerce pas dans cette unité : choisissez un soignant de l'unité.");
        }
        if (room.UnitId != unitId || !room.IsActive)
        {
            throw new DomainException("Choisissez une salle de l'unité.");
        }
        if (!Enum.IsDefined(booking.Kind))
        {
            throw new DomainException("Choisissez la nature du rendez-vous.");
        }
        var team = TeamOf(booking.Kind, practitioner)
            ?? throw new DomainException($"{practitioner.Name} ne donne pas ce type de rendez-vous ({Labels.Of(booking.Kind)}) : choisissez le soignant qui convient.");
        if (booking.DurationMinutes is < MinMinutes or > MaxMinutes)
        {
            throw new DomainException($"La durée va de {MinMinutes} minutes à {MaxMinutes / 60} heures.");
        }
        if (booking.Start < now)
        {
            throw new DomainException("Ce créneau est déjà passé : choisissez une heure à venir.");
        }
        var end = booking.Start.AddMinutes(booking.DurationMinutes);
        var taken = sameDay.Where(a => a.UnitId == unitId && a.Overlaps(booking.Start, end)).ToList();
        if (taken.Any(a => a.PractitionerId == practitioner.Id))
        {
            throw new DomainException($"{practitioner.Name} a déjà un rendez-vous sur ce créneau : choisissez une autre heure.");
        }
        if (taken.Any(a => a.RoomId == room.Id))
        {
            throw new DomainException($"La salle « {room.Name} » est déjà occupée sur ce créneau : choisissez une autre salle ou une autre heure.");
        }
        var request = booking.CareRequest;
        if (request is not null && (request.PatientId != patient.Id || request.UnitId != unitId))
        {
            throw new DomainException("Cette demande de soins n'est pas celle de ce patient.");
        }
        if (request is not null && request.RecordTeam != team)
        {
            // P30: a request is answered by the team it is addressed to.
            throw new DomainException("Cette demande de soins est adressée à l'autre équipe : choisissez un soignant de cette équipe.");
        }
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            UnitId = unitId,
            PatientId = patient.Id,
            Kind = booking.Kind,
            Team = team,
            Start = booking.Start,
            DurationMinutes = booking.DurationMinutes,
            PractitionerId = practitioner.Id,
            PractitionerName = practitioner.Name,
            RoomId = room.Id,
            Reason = string.IsNullOrWhiteSpace(booking.Reason) ? null : booking.Reason.Trim(),
            From = request is not null ? BookedFrom.CareRequest : booking.RecallId is not null ? BookedFrom.Recall : booking.From,
            CareRequestId = request?.Id,
            RecallId = booking.RecallId,
            BookedById = by,
            BookedByName = byName,
            BookedAt = now,
            Status = AppointmentStatus.Booked,
        };
        request?.SetAppointment(booking.Start, by, byName, now);
        return appointment;
    }

    public void Cancel()
    {
        if (Status != AppointmentStatus.Booked || Outcome is not null)
        {
            throw new DomainException("Ce rendez-vous est déjà annulé ou passé.");
        }
        Status = AppointmentStatus.Cancelled;
    }

    /// <summary>The reasons an outcome takes: the prison's for « non amené », the absences for « absent », none otherwise.</summary>
    public static IReadOnlyList<OutcomeReason> ReasonsFor(AppointmentOutcome outcome) => outcome switch
    {
        AppointmentOutcome.NotBrought => [Agenda.OutcomeReason.StaffShortage, Agenda.OutcomeReason.MovementsBlocked,
            Agenda.OutcomeReason.NotCalled, Agenda.OutcomeReason.OtherPrisonReason],
        AppointmentOutcome.Absent => [Agenda.OutcomeReason.Parloir, Agenda.OutcomeReason.Court, Agenda.OutcomeReason.Activity,
            Agenda.OutcomeReason.DisciplinaryQuarters],
        _ => [],
    };

    /// <summary>
    /// Records what became of the appointment, once its day has come (<paramref name="zone"/> is the unit's, Paris). A
    /// second outcome is a correction and must say why: the first stays in <see cref="OutcomeTrail"/>. The prison
    /// administration records only « non amené » with its reason, and never overwrites what the unit recorded (P05: it
    /// learns nothing of the care; the figures stay the unit's).
    /// </summary>
    public AppointmentOutcomeRecord RecordOutcome(AppointmentOutcome outcome, OutcomeReason? reason, string? note, string? correction,
        bool byPrison, Guid by, string byName, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (Status != AppointmentStatus.Booked)
        {
            throw new DomainException("Ce rendez-vous est annulé : il n'a pas d'issue à enregistrer.");
        }
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainException("Choisissez l'issue du rendez-vous.");
        }
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Start, zone).DateTime);
        if (DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime) < day)
        {
            throw new DomainException($"Ce rendez-vous est prévu le {day:dd/MM/yyyy} : son issue s'enregistre à partir de ce jour-là.");
        }
        if (byPrison && outcome != AppointmentOutcome.NotBrought)
        {
            throw new DomainException("L'administration pénitentiaire enregistre seulement les personnes non amenées, avec sa raison.");
        }
        var reasons = ReasonsFor(outcome);
        if (reasons.Count > 0 && (reason is null || !reasons.Contains(reason.Value)))
        {
            throw new DomainException(outcome == AppointmentOutcome.NotBrought
                ? "Choisissez la raison pour laquelle la personne n'a pas été amenée."
                : "Choisissez le motif de l'absence (parloir, tribunal, activité, quartier disciplinaire).");
        }
        if (reasons.Count == 0 && reason is not null)
        {
            throw new DomainException("Cette issue ne prend pas de motif : laissez le motif vide.");
        }
        correction = string.IsNullOrWhiteSpace(correction) ? null : correction.Trim();
        if (Outcome is { } recorded)
        {
            if (byPrison)
            {
                throw new DomainException("L'issue de ce rendez-vous est déjà enregistrée : seule l'unité sanitaire peut la corriger.");
            }
            if (correction is null)
            {
                throw new DomainException($"L'issue de ce rendez-vous est déjà enregistrée ({Labels.Of(recorded)}) : pour la corriger, dites pourquoi.");
            }
        }
        else
        {
            correction = null;
        }
        var record = new AppointmentOutcomeRecord(Id, outcome, reasons.Count > 0 ? reason : null,
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(), correction, byPrison, by, byName, now);
        (Outcome, OutcomeReason, OutcomeNote, OutcomeAt) = (record.Outcome, record.Reason, record.Note, now);
        OutcomeTrail.Add(record);
        return record;
    }

    /// <summary>The consultation form's type for this kind of appointment (pre-filled from the day's list).</summary>
    public Records.ConsultationType ConsultationType => Kind switch
    {
        VisitKind.EntryVisit => Records.ConsultationType.Arrival,
        VisitKind.PreventionVisit => Records.ConsultationType.WorkPrevention,
        VisitKind.FollowUp or VisitKind.Tso => Records.ConsultationType.FollowUp,
        _ => Records.ConsultationType.Consultation,
    };

    public static class Labels
    {
        public static string Of(VisitKind kind) => kind switch
        {
            VisitKind.EntryVisit => "Visite d'entrée",
            VisitKind.Consultation => "Consultation",
            VisitKind.FollowUp => "Suivi",
            VisitKind.Tso => "TSO",
            VisitKind.Dental => "Dentaire",
            VisitKind.Psychology => "Psychologie",
            VisitKind.NursingCare => "Soins infirmiers",
            VisitKind.PreventionVisit => "Visite de prévention",
            _ => kind.ToString(),
        };

        public static string Of(AppointmentOutcome outcome) => outcome switch
        {
            AppointmentOutcome.Seen => "Vu",
            AppointmentOutcome.RefusedByPatient => "Refus du patient",
            AppointmentOutcome.NotBrought => "Non amené",
            AppointmentOutcome.Absent => "Absent",
            AppointmentOutcome.ReleasedOrTransferred => "Libéré ou transféré",
            _ => outcome.ToString(),
        };

        public static string Of(OutcomeReason reason) => reason switch
        {
            Agenda.OutcomeReason.StaffShortage => "effectif insuffisant pour les mouvements",
            Agenda.OutcomeReason.MovementsBlocked => "mouvements bloqués (incident, fouille)",
            Agenda.OutcomeReason.NotCalled => "personne non appelée",
            Agenda.OutcomeReason.OtherPrisonReason => "autre raison de l'établissement",
            Agenda.OutcomeReason.Parloir => "parloir",
            Agenda.OutcomeReason.Court => "tribunal",
            Agenda.OutcomeReason.Activity => "activité (travail, formation, sport)",
            Agenda.OutcomeReason.DisciplinaryQuarters => "quartier disciplinaire",
            _ => reason.ToString(),
        };
    }
}
