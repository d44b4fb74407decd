using UsmpCare.Domain;
using UsmpCare.Domain.Agenda;
using UsmpCare.Web.Agenda;

namespace UsmpCare.Web.Pages.Agenda;

/// <summary>
/// The day's list: a clinician's patients of the day (time, reason, the open care request it answers, allergies and
/// alerts, one click to the pre-filled consultation); the unit's day (<c>?all=true</c>) for the coordinator and the
/// secretariat, whose view carries no reason (<see cref="AgendaBook.ViewsAsync"/>). The outcome of each appointment is
/// recorded here by the health staff (issue #21, point 3).
/// </summary>
[Auditing.Audited]
[RequirePermission(Permission.BookAppointments)]
public sealed class DayModel(AppDbContext db, CurrentUnit currentUnit, AgendaBook agenda, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty] public Guid AppointmentId { get; set; }
    [BindProperty] public AppointmentOutcome? Outcome { get; set; }
    [BindProperty] public OutcomeReason? Reason { get; set; }
    [BindProperty] public string? Correction { get; set; }
    [TempData] public string? Message { get; set; }

    public DateOnly Shown { get; private set; }
    public IReadOnlyList<Slot> Slots { get; private set; } = [];

    /// <summary>
    /// An entry visit opens the structured visit, not a free consultation: it is the somatic physicians' (the visit page's
    /// own rule), since the structured answers feed the problem list, the pending tests and the recalls (issue #21, point 4).
    /// </summary>
    public bool RecordsEntryVisits => User.TeamOf() == Team.Somatic && User.Roles().Any(r => r.IsPhysician())
        && User.Can(Permission.WriteConsultation);

    /// <summary>Whether the outcome of a slot of this day may be recorded yet (from the slot's day on).</summary>
    public bool OutcomesOpen => Shown <= Fr.Today(clock);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostOutcomeAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == AppointmentId && a.UnitId == unitId);
        if (appointment is null)
        {
            return NotFound();
        }
        if ((await agenda.ViewsAsync(User, [appointment]))[appointment.Id] == SlotView.Busy)
        {
            throw new DomainException("Ce créneau est tenu par l'autre équipe : son issue est enregistrée par elle ou par le secrétariat.");
        }
        if (Outcome is null)
        {
            throw new DomainException("Choisissez l'issue du rendez-vous.");
        }
        var actor = Actor.Of(User);
        appointment.RecordOutcome(Outcome.Value, Reason, null, Correction, byPrison: false, actor.Id, actor.Name, clock.GetUtcNow(), Fr.Paris);
        await db.SaveChangesAsync();
        Message = $"Issue enregistrée : {Appointment.Labels.Of(Outcome.Value)} ({Fr.DateTime(appointment.Start)}).";
        return RedirectToPage(new { All, Day = DateOnly.FromDateTime(Fr.Local(appointment.Start)) });
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Shown = Day ?? Fr.Today(clock);
        // A member of the secretariat holds no appointment: his day is the unit's.
        All |= User.TeamOf() is null;
        var unitId = await currentUnit.IdAsync();
        if (unitId is not null)
        {
            Slots = await agenda.SlotsAsync(User, unitId.Value, Shown, Shown.AddDays(1), All ? null : User.UserId());
        }
    }
}
