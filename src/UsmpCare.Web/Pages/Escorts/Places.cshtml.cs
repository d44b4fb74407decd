using UsmpCare.Domain;
using UsmpCare.Domain.Continuity;

namespace UsmpCare.Web.Pages.Escorts;

/// <summary>
/// P32, P05: the médecin coordonnateur keeps the list of places the unit's escorts go to — the AP reads them, so a
/// place is an establishment (hospital, UHSI, UHSA, court), never a service or a specialty. Retired, never deleted.
/// </summary>
[RequirePermission(Permission.ManageEscortPlaces)]
public sealed class PlacesModel(AppDbContext db, CurrentUnit currentUnit) : PageModel, IReloadsAfterRefusal
{
    [BindProperty] public PlaceKind? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<EscortPlace> Places { get; private set; } = [];

    Task IReloadsAfterRefusal.ReloadAsync() => OnGetAsync();

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        Places = await db.EscortPlaces.AsNoTracking().Where(p => p.UnitId == unitId).OrderBy(p => p.Name).ToListAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null)
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var place = new EscortPlace(unitId.Value, Kind ?? throw new DomainException("Choisissez le type de lieu dans la liste."), Name ?? "");
            if (await db.EscortPlaces.AnyAsync(p => p.UnitId == unitId && p.Name == place.Name))
            {
                throw new DomainException($"Le lieu « {place.Name} » est déjà dans la liste.");
            }
            db.EscortPlaces.Add(place);
            await db.SaveChangesAsync();
            Message = $"Lieu ajouté : {place.Shown}.";
            return RedirectToPage();
        }
        await OnGetAsync();
        return Page();
    }

    public Task<IActionResult> OnPostRetireAsync(Guid id) => ChangeAsync(id, p => { p.Retire(); return $"« {p.Name} » n'est plus proposé."; });

    public Task<IActionResult> OnPostRestoreAsync(Guid id) => ChangeAsync(id, p => { p.Restore(); return $"« {p.Name} » est de nouveau proposé."; });

    private async Task<IActionResult> ChangeAsync(Guid id, Func<EscortPlace, string> change)
    {
        var unitId = await currentUnit.IdAsync();
        var place = await db.EscortPlaces.FirstOrDefaultAsync(p => p.Id == id && p.UnitId == unitId);
        if (place is null)
        {
            return NotFound();
        }
        Message = change(place);
        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
