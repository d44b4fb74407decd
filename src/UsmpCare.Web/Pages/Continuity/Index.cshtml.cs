using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Pages.Continuity;

/// <summary>
/// The coordinator's desk (P37): releases ahead, pre-release visits due for the convicted within 31 days (P31, L.322-7
/// code pénitentiaire), injonctions de soins whose checklist lacks a physician (P34), record-access requests overdue.
/// </summary>
[RequirePermission(Permission.CoordinateReleases)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    public sealed record Row(Patient Patient, ReleasePlan? Plan, int DaysLeft, bool VisitDue, IReadOnlyList<string> InjonctionGaps);

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = 60;
    public IReadOnlyList<Row> Releases { get; private set; } = [];
    public IReadOnlyList<Row> VisitsDue => [.. Releases.Where(r => r.VisitDue)];
    public IReadOnlyList<Row> Injonctions => [.. Releases.Where(r => r.InjonctionGaps.Count > 0)];
    public int OverdueAccessRequests { get; private set; }
    public int UnacknowledgedTransfers { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>P31: a visit is offered to every convicted person in the month before release.</summary>
    public const int PreReleaseWindowDays = 31;

    public async Task OnGetAsync()
    {
        Today = Fr.Today(clock);
        var unitId = await currentUnit.IdAsync();
        var horizon = Today.AddDays(Math.Clamp(Days, 1, 365));
        var patients = await db.Patients.AsNoTracking()
            .Where(Patient.Present).Where(p => p.UnitId == unitId && p.ExpectedReleaseDate != null
                        && p.ExpectedReleaseDate <= horizon)
            .OrderBy(p => p.ExpectedReleaseDate).ToListAsync();
        var ids = patients.Select(p => p.Id).ToList();
        var plans = await db.ReleasePlans.AsNoTracking().Where(r => ids.Contains(r.PatientId)).ToDictionaryAsync(r => r.PatientId);
        Releases = [.. patients.Select(p =>
        {
            var plan = plans.GetValueOrDefault(p.Id);
            var days = p.ExpectedReleaseDate!.Value.DayNumber - Today.DayNumber;
            var visitDue = p.LegalStatus == LegalStatus.Convicted && days <= PreReleaseWindowDays
                && plan?.Visit is not (PreReleaseVisitStatus.Done or PreReleaseVisitStatus.Declined);
            var gaps = p.CourtOrderedCare == CourtOrderedCare.InjonctionDeSoins
                ? (plan ?? new ReleasePlan(p.Id, p.UnitId)).InjonctionGaps()
                : [];
            return new Row(p, plan, days, visitDue, gaps);
        })];
        UnacknowledgedTransfers = await db.TransferPacks.CountAsync(t => t.UnitId == unitId && t.ToUnitId != null && t.AcknowledgedAt == null);
        OverdueAccessRequests = await db.RecordAccessRequests.CountAsync(r => r.UnitId == unitId && r.HandedOverOn == null && r.DueOn < Today);
    }
}
