using UsmpCare.Web.Agenda;

namespace UsmpCare.Web.Pages.Agenda;

/// <summary>
/// The day's list: a clinician's patients of the day (time, reason, the open care request it answers, allergies and
/// alerts, one click to the pre-filled consultation); the unit's day (<c>?all=true</c>) for the coordinator and the
/// secretariat, whose view carries no reason (<see cref="AgendaBook.ViewsAsync"/>).
/// </summary>
[Auditing.Audited]
[RequirePermission(Permission.BookAppointments)]
public sealed class DayModel(CurrentUnit currentUnit, AgendaBook agenda, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }

    public DateOnly Shown { get; private set; }
    public IReadOnlyList<Slot> Slots { get; private set; } = [];

    public async Task OnGetAsync()
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
