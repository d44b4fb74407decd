using UsmpCare.Domain;
using UsmpCare.Domain.Agenda;
using UsmpCare.Web.Agenda;

namespace UsmpCare.Web.Pages.Agenda;

/// <summary>The week of one practitioner or one room, Monday to Saturday; the other team's slots as « créneau occupé » (P30).</summary>
[Auditing.Audited]
[RequirePermission(Permission.BookAppointments)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, AgendaBook agenda, TimeProvider clock) : PageModel
{
    public const int Days = 6;

    [BindProperty(SupportsGet = true)] public Guid? PractitionerId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? RoomId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty] public Guid AppointmentId { get; set; }
    [TempData] public string? Message { get; set; }

    public DateOnly Monday { get; private set; }
    public IReadOnlyList<Practitioner> Practitioners { get; private set; } = [];
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyList<Slot> Slots { get; private set; } = [];
    public string Title { get; private set; } = "";

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null)
        {
            return;
        }
        var day = Week ?? Fr.Today(clock);
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        Practitioners = await agenda.PractitionersAsync(unitId.Value);
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.UnitId == unitId).OrderBy(r => r.Name).ToListAsync();
        if (RoomId is null && PractitionerId is null)
        {
            PractitionerId = Practitioners.FirstOrDefault(p => p.Id == User.UserId())?.Id ?? Practitioners.FirstOrDefault()?.Id;
        }
        Title = RoomId is { } room ? Rooms.FirstOrDefault(r => r.Id == room)?.Name ?? "" : Practitioners.FirstOrDefault(p => p.Id == PractitionerId)?.Name ?? "";
        Slots = await agenda.SlotsAsync(User, unitId.Value, Monday, Monday.AddDays(Days), RoomId is null ? PractitionerId : null, RoomId);
    }

    /// <summary>Cancels a booked appointment of the unit; its care request stays open for another booking.</summary>
    public async Task<IActionResult> OnPostCancelAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var appointment = await db.Appointments.FirstOrDefaultAsync(a => a.Id == AppointmentId && a.UnitId == unitId);
        if (appointment is null)
        {
            return NotFound();
        }
        if ((await agenda.ViewsAsync(User, [appointment]))[appointment.Id] == SlotView.Busy)
        {
            throw new DomainException("Ce créneau est tenu par l'autre équipe : seuls elle ou le secrétariat peuvent l'annuler.");
        }
        appointment.Cancel();
        await db.SaveChangesAsync();
        Message = $"Rendez-vous du {Fr.DateTime(appointment.Start)} annulé.";
        return RedirectToPage(new { PractitionerId, RoomId, Week });
    }

    public IEnumerable<Slot> On(DateOnly day) => Slots.Where(s => DateOnly.FromDateTime(Fr.Local(s.Appointment.Start)) == day);
}
