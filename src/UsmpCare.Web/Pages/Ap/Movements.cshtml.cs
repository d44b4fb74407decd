using UsmpCare.Domain.Agenda;
using UsmpCare.Web.Agenda;

namespace UsmpCare.Web.Pages.Ap;

/// <summary>
/// The day's movement list for the prison (issue #21, point 3): whom to bring to the unit, from which cell, at what
/// time — never the practitioner, team, room, kind or reason (P05). Printable, and exported as a CSV the prison loads,
/// so nobody re-keys it. The prison records here a person it did not bring, with its reason from the closed list.
/// </summary>
[RequirePermission(Permission.ViewMovementList)]
public sealed class MovementsModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty] public Guid AppointmentId { get; set; }
    [BindProperty] public OutcomeReason? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    public DateOnly Shown { get; private set; }
    public string UnitName { get; private set; } = "";
    public IReadOnlyList<Movement> Rows { get; private set; } = [];
    public bool CanRecord => User.Can(Permission.RecordNotBrought);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        return File(MovementList.Csv(Rows), "text/csv; charset=utf-8", $"mouvements-unite-sanitaire-{Shown:yyyyMMdd}.csv");
    }

    /// <summary>The prison records that it did not bring the person; the unit's own outcomes are recorded on its day's list.</summary>
    public async Task<IActionResult> OnPostNotBroughtAsync()
    {
        if (!CanRecord)
        {
            return Forbid();
        }
        var unitId = await currentUnit.IdAsync();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == AppointmentId && a.UnitId == unitId);
        if (appointment is null)
        {
            return NotFound();
        }
        var actor = Actor.Of(User);
        appointment.RecordOutcome(AppointmentOutcome.NotBrought, Reason, Note, null, byPrison: true, actor.Id, actor.Name,
            clock.GetUtcNow(), Fr.Paris);
        await db.SaveChangesAsync();
        Message = $"Non amené enregistré ({Fr.DateTime(appointment.Start)}).";
        return RedirectToPage(new { Day = DateOnly.FromDateTime(Fr.Local(appointment.Start)) });
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Shown = Day ?? Fr.Today(clock);
        var unit = await currentUnit.GetAsync();
        if (unit is null)
        {
            return;
        }
        UnitName = unit.Name;
        Rows = await MovementList.OfDayAsync(db, unit.Id, Shown);
    }
}
