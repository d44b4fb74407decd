using UsmpCare.Domain.Units;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Pages.EntryVisits;

/// <summary>
/// Issue #21 (4): the entry visits due — arrivals from liberty not seen yet, the oldest first, those past the unit's
/// target flagged — and the visits signed in the last 30 days with their delay. For the physicians and the coordinator,
/// who sets the unit's target here: a clinical delay is the medical lead's choice (P37), not the IT administrator's,
/// whose pages carry no word of care.
/// </summary>
[RequirePermission(Permission.WriteConsultation)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public const int RecentDays = 30;

    public sealed record Signed(Guid PatientId, string Patient, string Ecrou, DateOnly ArrivalDate, DateTimeOffset SignedAt,
        string SignedBy, double Hours, bool Late);

    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<EntryVisitsDue.Due> Due { get; private set; } = [];
    public IReadOnlyList<Signed> Recent { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public bool SetsTarget => User.Can(Permission.ManageUnitStaff);

    public async Task<IActionResult> OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null)
        {
            return Forbid();
        }
        await LoadAsync(unitId.Value);
        return Page();
    }

    /// <summary>The coordinator sets the unit's target delay (the domain refuses a value out of range).</summary>
    public async Task<IActionResult> OnPostTargetAsync(int? targetHours)
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null || !SetsTarget)
        {
            return Forbid();
        }
        var unit = await db.Units.SingleAsync(u => u.Id == unitId);
        unit.SetEntryVisitTarget(targetHours ?? 0);
        await db.SaveChangesAsync();
        Message = $"Visite d'entrée attendue dans les {unit.EntryVisitTargetHours} h suivant l'arrivée.";
        return RedirectToPage();
    }

    async Task IReloadsAfterRefusal.ReloadAsync()
    {
        if (await currentUnit.IdAsync() is { } unitId)
        {
            await LoadAsync(unitId);
        }
    }

    private async Task LoadAsync(Guid unitId)
    {
        Unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId);
        var now = clock.GetUtcNow();
        Due = await EntryVisitsDue.ListAsync(db, Unit, now);
        var since = now.AddDays(-RecentDays);
        var recent = await db.EntryVisits.AsNoTracking()
            .Where(v => v.UnitId == Unit.Id && v.SignedAt >= since)
            .Join(db.Patients, v => v.PatientId, p => p.Id, (v, p) => new { v.PatientId, p.LastName, p.FirstName, p.Ecrou, v.ArrivalDate, v.SignedAt, v.SignedByName })
            .OrderByDescending(v => v.SignedAt).Take(200).ToListAsync();
        Recent = [.. recent.Select(v =>
        {
            var arrived = Fr.FromLocal(v.ArrivalDate.ToDateTime(TimeOnly.MinValue));
            return new Signed(v.PatientId, v.LastName.ToUpperInvariant() + " " + v.FirstName, v.Ecrou, v.ArrivalDate, v.SignedAt,
                v.SignedByName, Math.Max(0, Math.Floor((v.SignedAt - arrived).TotalHours)), Unit.EntryVisitOverdue(arrived, v.SignedAt));
        })];
    }
}
