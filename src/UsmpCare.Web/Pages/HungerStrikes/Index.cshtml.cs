using Microsoft.AspNetCore.Authorization;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Pages.HungerStrikes;

/// <summary>P35: patients of the unit on hunger strike, with days elapsed and weight trend.</summary>
[RequirePermission(Permission.FollowHungerStrike)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    public sealed record Row(Patient Patient, HungerStrike Strike, int Days, decimal? FirstWeight, decimal? LastWeight,
        DateTimeOffset? LastCheck);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>P30: weights come from the somatic record; the psychiatric team sees the strike, not the checks.</summary>
    public bool CanReadChecks { get; private set; }

    public async Task OnGetAsync()
    {
        Today = Fr.Today(clock);
        var unitId = await currentUnit.IdAsync();
        var strikes = await db.HungerStrikes.AsNoTracking()
            .Where(h => h.UnitId == unitId && h.EndedOn == null)
            .Join(db.Patients, h => h.PatientId, p => p.Id, (h, p) => new { h, p })
            .ToListAsync();
        CanReadChecks = unitId is { } unit && (await authorization.AuthorizeAsync(User,
            new RecordScope(unit, Team.Somatic, SharingAgreed: false), ScopeRequirements.ReadRecord)).Succeeded;
        var ids = CanReadChecks ? strikes.Select(s => s.h.Id).ToList() : [];
        var checks = await db.SomaticEntries.AsNoTracking()
            .Where(ClinicalEntry.Signed).Where(e => e.HungerStrikeId != null && ids.Contains(e.HungerStrikeId.Value))
            .Select(e => new { e.HungerStrikeId, e.OccurredAt, e.Vitals.WeightKg })
            .ToListAsync();
        Rows = [.. strikes.Select(s =>
        {
            var mine = checks.Where(c => c.HungerStrikeId == s.h.Id).OrderBy(c => c.OccurredAt).ToList();
            var weights = mine.Where(c => c.WeightKg is not null).ToList();
            return new Row(s.p, s.h, s.h.DaysOn(Today), weights.FirstOrDefault()?.WeightKg,
                weights.LastOrDefault()?.WeightKg, mine.LastOrDefault()?.OccurredAt);
        }).OrderByDescending(r => r.Days)];
    }
}
