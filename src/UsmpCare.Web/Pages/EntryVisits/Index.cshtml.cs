using UsmpCare.Domain.Units;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Pages.EntryVisits;

/// <summary>
/// Issue #21 (4): the entry visits due — arrivals from liberty not seen yet, the oldest first, those past the unit's
/// target flagged — and the visits signed in the last 30 days with their delay. For the physicians and the coordinator.
/// </summary>
[RequirePermission(Permission.WriteConsultation)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    public const int RecentDays = 30;

    public sealed record Signed(Guid PatientId, string Patient, string Ecrou, DateOnly ArrivalDate, DateTimeOffset SignedAt,
        string SignedBy, double Hours, bool Late);

    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<EntryVisitsDue.Due> Due { get; private set; } = [];
    public IReadOnlyList<Signed> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null)
        {
            return Forbid();
        }
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
        return Page();
    }
}
