using UsmpCare.Domain;
using UsmpCare.Domain.CareRequests;

namespace UsmpCare.Web.Pages.CareRequests;

/// <summary>P33: the nurse opens a collection round for one wing's letter box, then logs its slips.</summary>
[RequirePermission(Permission.LogCareRequests)]
public sealed class RoundsModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record RoundRow(CollectionRound Round, int Count);

    [BindProperty] public string? Wing { get; set; }
    [BindProperty] public string? Box { get; set; }
    [BindProperty] public DateTime? CollectedAt { get; set; }

    public IReadOnlyList<RoundRow> Open { get; private set; } = [];
    public IReadOnlyList<RoundRow> Recent { get; private set; } = [];
    public IReadOnlyList<string> KnownWings { get; private set; } = [];

    public async Task OnGetAsync()
    {
        CollectedAt ??= Fr.Local(clock.GetUtcNow());
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null)
        {
            return Forbid();
        }
        var now = clock.GetUtcNow();
        if (CollectedAt is null)
        {
            throw new DomainException("Indiquez l'heure de relève de la boîte.");
        }
        var actor = Actor.Of(User);
        var round = new CollectionRound(unitId.Value, Wing ?? "", Box, Fr.FromLocal(CollectedAt.Value), actor.Id, actor.Name, now);
        db.CollectionRounds.Add(round);
        await db.SaveChangesAsync();
        return RedirectToPage("/CareRequests/Round", new { id = round.Id });
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rounds = await db.CollectionRounds.AsNoTracking().Where(r => r.UnitId == unitId)
            .OrderByDescending(r => r.CollectedAt).Take(30)
            .Select(r => new RoundRow(r, db.CareRequests.Count(c => c.RoundId == r.Id))).ToListAsync();
        Open = [.. rounds.Where(r => r.Round.ClosedAt is null)];
        Recent = [.. rounds.Where(r => r.Round.ClosedAt is not null).Take(10)];
        KnownWings = await db.Patients.AsNoTracking().Where(p => p.UnitId == unitId && p.Wing != null)
            .Select(p => p.Wing!).Distinct().OrderBy(w => w).ToListAsync();
    }
}
