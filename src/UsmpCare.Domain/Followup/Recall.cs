using System.Linq.Expressions;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Followup;

public enum RecallReason
{
    /// <summary>A screening refused at entry, offered again during detention.</summary>
    Screening,
    VaccineDose,
    ChronicFollowUp,
    Other,
}

public enum RecallState
{
    Due,

    /// <summary>An appointment of the agenda answers it.</summary>
    Booked,
    Done,
    Cancelled,
}

/// <summary>
/// A « rappel » (issue #21, point 5): someone to see again by a date, for a reason. Due until an appointment is booked
/// for it (<see cref="Book"/>, the agenda's hook), then done; or cancelled with a reason. Never deleted.
/// </summary>
public sealed class Recall : IFollowupItem
{
    private Recall()
    {
        Detail = CreatedByName = "";
    }

    private Recall(Guid patientId, Guid unitId, Team team, RecallReason reason, string detail, DateOnly dueOn, Vaccine? vaccine,
        Guid by, string byName, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        PatientId = patientId;
        UnitId = unitId;
        Team = team;
        Reason = reason;
        Detail = detail;
        DueOn = dueOn;
        Vaccine = vaccine;
        CreatedById = by;
        CreatedByName = byName;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid PatientId { get; private set; }
    public Guid UnitId { get; private set; }
    public Team Team { get; private set; }
    public RecallReason Reason { get; private set; }
    public string Detail { get; private set; }
    public DateOnly DueOn { get; private set; }

    /// <summary>The vaccine whose next dose this recall is for, when made from the catch-up.</summary>
    public Vaccine? Vaccine { get; private set; }

    public RecallState State { get; private set; }
    public Guid? AppointmentId { get; private set; }
    public string? CancelReason { get; private set; }
    public Guid CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public static readonly Expression<Func<Recall, bool>> Open = r => r.State == RecallState.Due || r.State == RecallState.Booked;

    /// <summary>Due (not booked yet) on or before that day: the unit's list of recalls to book.</summary>
    public static Expression<Func<Recall, bool>> DueBy(DateOnly day) => r => r.State == RecallState.Due && r.DueOn <= day;

    /// <summary>A recall made by hand: a reason in words and a date to come.</summary>
    public static Recall ByHand(Guid patientId, Guid unitId, Team team, RecallReason reason, string? detail, DateOnly dueOn,
        DateOnly today, Guid by, string byName, DateTimeOffset at)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("Choisissez le motif du rappel dans la liste.");
        }
        if (string.IsNullOrWhiteSpace(detail))
        {
            throw new DomainException("Précisez le motif du rappel (quel dépistage, quel suivi).");
        }
        if (dueOn < today || dueOn > today.AddYears(5))
        {
            throw new DomainException("La date du rappel doit être à venir, dans les cinq ans.");
        }
        return new Recall(patientId, unitId, team, reason, detail.Trim(), dueOn, null, by, byName, at);
    }

    /// <summary>The recall of the next dose the catch-up calls for (it may already be due).</summary>
    public static Recall ForDose(Guid patientId, Guid unitId, Team team, CatchUpDose dose, Guid by, string byName, DateTimeOffset at) =>
        new(patientId, unitId, team, RecallReason.VaccineDose,
            $"{Vaccination.Label(dose.Vaccine)}, dose {dose.DoseNumber} : {dose.Why}", dose.DueOn, dose.Vaccine, by, byName, at);

    /// <summary>The agenda books an appointment for it.</summary>
    public void Book(Guid appointmentId)
    {
        if (State != RecallState.Due)
        {
            throw new DomainException("Seul un rappel à faire peut recevoir un rendez-vous.");
        }
        if (appointmentId == Guid.Empty)
        {
            throw new DomainException("Le rendez-vous du rappel est inconnu.");
        }
        State = RecallState.Booked;
        AppointmentId = appointmentId;
    }

    public void MarkDone(DateTimeOffset at)
    {
        EnsureOpen();
        State = RecallState.Done;
        ClosedAt = at;
    }

    public void Cancel(string? reason, DateTimeOffset at)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Indiquez pourquoi le rappel est annulé.");
        }
        State = RecallState.Cancelled;
        CancelReason = reason.Trim();
        ClosedAt = at;
    }

    private void EnsureOpen()
    {
        if (State is not (RecallState.Due or RecallState.Booked))
        {
            throw new DomainException("Ce rappel est déjà clos.");
        }
    }

    public static string Label(RecallReason reason) => reason switch
    {
        RecallReason.Screening => "Dépistage à reproposer",
        RecallReason.VaccineDose => "Dose de vaccin",
        RecallReason.ChronicFollowUp => "Suivi de maladie chronique",
        _ => "Autre",
    };

    public static string Label(RecallState state) => state switch
    {
        RecallState.Due => "à faire",
        RecallState.Booked => "rendez-vous pris",
        RecallState.Done => "fait",
        _ => "annulé",
    };
}
