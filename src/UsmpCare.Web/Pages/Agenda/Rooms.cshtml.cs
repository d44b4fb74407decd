using UsmpCare.Domain;
using UsmpCare.Domain.Agenda;

namespace UsmpCare.Web.Pages.Agenda;

/// <summary>
/// The unit's rooms where appointments are held (issue #21): added by the coordinator, retired when no longer used,
/// never deleted (the appointments held there keep them). A room's name stays inside the unit: the prison's movement
/// list says « Unité sanitaire » only, so « Cabinet dentaire » reveals nothing to it (P05).
/// </summary>
[RequirePermission(Permission.ManageRooms)]
public sealed class RoomsModel(AppDbContext db, CurrentUnit currentUnit) : PageModel, IReloadsAfterRefusal
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid RoomId { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Room> Rooms { get; private set; } = [];

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null)
        {
            return Forbid();
        }
        var room = new Room(unitId.Value, Name ?? "");
        if (await db.Rooms.AnyAsync(r => r.UnitId == unitId && r.Name == room.Name))
        {
            throw new DomainException($"L'unité a déjà une salle « {room.Name} » : choisissez un autre nom.");
        }
        db.Rooms.Add(room);
        await db.SaveChangesAsync();
        Message = $"Salle « {room.Name} » ajoutée.";
        return RedirectToPage();
    }

    /// <summary>A retired room is no longer offered for booking; its past and booked appointments keep it.</summary>
    public async Task<IActionResult> OnPostRetireAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == RoomId && r.UnitId == unitId);
        if (room is null)
        {
            return NotFound();
        }
        room.Retire();
        await db.SaveChangesAsync();
        Message = $"Salle « {room.Name} » retirée : elle n'est plus proposée pour les rendez-vous.";
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.UnitId == unitId).OrderByDescending(r => r.IsActive).ThenBy(r => r.Name).ToListAsync();
    }
}
