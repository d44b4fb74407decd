using System.Security.Claims;
using UsmpCare.Domain;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Agenda;

/// <summary>How much of a slot a reader sees (P30, P05).</summary>
public enum SlotView
{
    /// <summary>« Créneau occupé »: the other team's appointment of a patient who did not agree to sharing.</summary>
    Busy,
    /// <summary>Patient, kind, practitioner and room, never the reason: the secretariat's scheduling view.</summary>
    Scheduling,
    /// <summary>Everything, the reason included: the appointment's team, or the other one with the patient's agreement.</summary>
    Full,
}

/// <summary>One slot as its reader may see it: no patient when busy; the care request only for its own team (P30).</summary>
public sealed record Slot(Appointment Appointment, SlotView View, Patient? Patient, string Room, CareRequest? Request);

/// <summary>The booking form, as posted.</summary>
public sealed class BookingForm
{
    public Guid? PatientId { get; set; }
    public string? Ecrou { get; set; }
    public Guid? CareRequestId { get; set; }
    public Guid? RecallId { get; set; }
    public VisitKind Kind { get; set; } = VisitKind.Consultation;
    public DateTime? Start { get; set; }
    public int DurationMinutes { get; set; } = 20;
    public Guid? PractitionerId { get; set; }
    public Guid? RoomId { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The unit's agenda: who holds appointments, booking with its checks, and the slots a reader may see.</summary>
public sealed class AgendaBook(AppDbContext db, TimeProvider clock)
{
    /// <summary>The unit's care staff who hold appointments, with their team (the appointment's team) and units.</summary>
    public async Task<IReadOnlyList<Practitioner>> PractitionersAsync(Guid unitId) =>
        [.. (await PractitionerQuery(db.Users.Where(u => u.Memberships.Any(m => m.UnitId == unitId))))
            .OrderBy(p => p.Name)];

    /// <summary>
    /// Books after every check of <see cref="Appointment.Book"/>. A patient, practitioner or room of another unit is
    /// loaded as posted, so the domain refuses it with its message rather than a silent « not found ». One booking per
    /// unit at a time (an advisory lock held until commit): two secretaries cannot both take the last free slot.
    /// </summary>
    public Task<Appointment> BookAsync(Guid unitId, BookingForm form, ClaimsPrincipal user) =>
        // The app's connection retries transient failures: a transaction of ours runs as one retriable unit, read
        // again from scratch on a retry (a user-initiated transaction outside it was refused: every booking failed).
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var appointment = await BookInTransactionAsync(unitId, form, user);
            await transaction.CommitAsync();
            return appointment;
        });

    private async Task<Appointment> BookInTransactionAsync(Guid unitId, BookingForm form, ClaimsPrincipal user)
    {
        var patient = form.PatientId is { } patientId
            ? await db.Patients.FirstOrDefaultAsync(p => p.Id == patientId)
            : await db.Patients.FirstOrDefaultAsync(p => p.UnitId == unitId && p.Ecrou == Patient.NormalizeEcrou(form.Ecrou ?? ""));
        if (patient is null)
        {
            throw new DomainException("Choisissez le patient (son numéro d'écrou dans cette unité).");
        }
        if (form.Start is null)
        {
            throw new DomainException("Indiquez la date et l'heure du rendez-vous.");
        }
        var practitioner = form.PractitionerId is { } practitionerId
            ? (await PractitionerQuery(db.Users.Where(u => u.Id == practitionerId))).FirstOrDefault()
            : null;
        if (practitioner is null)
        {
            throw new DomainException("Choisissez le soignant qui reçoit le patient.");
        }
        var room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == form.RoomId)
            ?? throw new DomainException("Choisissez la salle.");
        var request = form.CareRequestId is { } requestId
            ? await db.CareRequests.Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == requestId)
              ?? throw new DomainException("Cette demande de soins n'existe pas.")
            : null;
        // Issue #21: a recall is booked through here, the one way to book; it must be this patient's, in this unit.
        var recall = form.RecallId is { } recallId
            ? await db.Recalls.FirstOrDefaultAsync(r => r.Id == recallId && r.PatientId == patient.Id && r.UnitId == unitId)
              ?? throw new DomainException("Ce rappel n'est pas celui de ce patient dans cette unité.")
            : null;
        var start = Fr.FromLocal(form.Start.Value);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(unitId)})");
        var end = start.AddMinutes(Math.Clamp(form.DurationMinutes, 0, Appointment.MaxMinutes));
        var earliest = start.AddMinutes(-Appointment.MaxMinutes);
        var around = await db.Appointments.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.Status == AppointmentStatus.Booked && a.Start < end && a.Start > earliest
                        && (a.PractitionerId == practitioner.Id || a.RoomId == room.Id))
            .ToListAsync();
        var actor = Actor.Of(user);
        var appointment = Appointment.Book(
            new Booking(patient, unitId, form.Kind, start, form.DurationMinutes, practitioner, room, form.Reason,
                BookedFrom.Chart, request, form.RecallId),
            around, actor.Id, actor.Name, clock.GetUtcNow());
        recall?.Book(appointment.Id);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment;
    }

    /// <summary>
    /// The unit's booked slots in [from, to), of one practitioner or one room or all, as this reader may see them: one
    /// range of the (unit, start) index, the patients, rooms, care requests and sharing each read once for the list.
    /// </summary>
    public async Task<IReadOnlyList<Slot>> SlotsAsync(ClaimsPrincipal user, Guid unitId, DateOnly from, DateOnly to,
        Guid? practitionerId = null, Guid? roomId = null)
    {
        var (start, end) = (Fr.FromLocal(from.ToDateTime(TimeOnly.MinValue)), Fr.FromLocal(to.ToDateTime(TimeOnly.MinValue)));
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.Start >= start && a.Start < end && a.Status == AppointmentStatus.Booked)
            .Where(a => practitionerId == null || a.PractitionerId == practitionerId)
            .Where(a => roomId == null || a.RoomId == roomId)
            .OrderBy(a => a.Start)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a, p })
            .ToListAsync();
        var views = await ViewsAsync(user, [.. rows.Select(r => r.a)]);
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.UnitId == unitId).ToDictionaryAsync(r => r.Id, r => r.Name);
        var team = user.TeamOf();
        // P30: a care request is read by the team it is addressed to only, whatever the sharing (docs/decisions/0006).
        var requestIds = rows.Where(r => views[r.a.Id] == SlotView.Full && r.a.Team == team && r.a.CareRequestId != null)
            .Select(r => r.a.CareRequestId!.Value).ToList();
        var requests = user.Can(Permission.HandleCareRequests) && requestIds.Count > 0
            ? await db.CareRequests.AsNoTracking().Where(r => requestIds.Contains(r.Id)).Where(CareRequest.Open).ToDictionaryAsync(r => r.Id)
            : [];
        return [.. rows.Select(r => new Slot(r.a, views[r.a.Id], views[r.a.Id] == SlotView.Busy ? null : r.p,
            rooms.GetValueOrDefault(r.a.RoomId, ""), r.a.CareRequestId is { } id ? requests.GetValueOrDefault(id) : null))];
    }

    /// <summary>
    /// P30: a clinician sees his own team's appointments, and the other team's only where the patient agreed to sharing
    /// (<see cref="RecordScopes.SharingAgreedAmongAsync"/>, the one rule), else only that the slot is taken. The
    /// secretariat (no team) schedules for both teams — product.md gives it the appointments, never note contents —
    /// so it sees who, when, with whom, where and the kind (which sets room and duration), never the reason.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, SlotView>> ViewsAsync(ClaimsPrincipal user, IReadOnlyCollection<Appointment> appointments)
    {
        var team = user.TeamOf();
        if (team is null)
        {
            return appointments.ToDictionary(a => a.Id, _ => SlotView.Scheduling);
        }
        var otherTeams = appointments.Where(a => a.Team != team).Select(a => a.PatientId).Distinct().ToList();
        var sharing = otherTeams.Count == 0 ? new HashSet<Guid>() : await RecordScopes.SharingAgreedAmongAsync(db, otherTeams);
        return appointments.ToDictionary(a => a.Id,
            a => a.Team == team || sharing.Contains(a.PatientId) ? SlotView.Full : SlotView.Busy);
    }

    private static async Task<List<Practitioner>> PractitionerQuery(IQueryable<Accounts.User> users, AppDbContext db)
    {
        var rows = await (from u in users
                          where u.IsActive && u.Team != null
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          select new { u.Id, u.FirstName, u.LastName, Team = u.Team!.Value, Role = r.Name, Units = u.Memberships.Select(m => m.UnitId).ToList() })
            .ToListAsync();
        return [.. rows.Select(x => (x, Role: Enum.TryParse<Role>(x.Role, out var role) ? role : (Role?)null))
            .Where(x => x.Role is { } role && role.IsClinical())
            .Select(x => new Practitioner(x.x.Id, Actor.NameOf($"{x.x.FirstName} {x.x.LastName}".Trim(), x.Role!.Value.IsPhysician() || x.Role == Role.Dentist),
                x.Role!.Value, x.x.Team, x.x.Units.ToHashSet()))];
    }

    private Task<List<Practitioner>> PractitionerQuery(IQueryable<Accounts.User> users) => PractitionerQuery(users, db);

    private static long LockKey(Guid unitId) => BitConverter.ToInt64(unitId.ToByteArray(), 0) ^ 0x5A47454E4441L;
}
