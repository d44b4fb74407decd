using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Reports;

/// <summary>
/// Every new arrival must be seen at the entry visit (art. R.6112-19 CSP, guide méthodologique 2019): the patients
/// present who have not been, oldest first, and the median delay arrival → entry visit per month of arrival.
/// </summary>
[RequirePermission(Permission.ViewPatientChart)]
public sealed class ArrivalsModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    // Issue #22 point 5: reads that may lag a few seconds, from the replica when there is one.
    private readonly AppDbContext db = reporting.Db;

    public sealed record Waiting(Guid PatientId, string Patient, string Ecrou, DateOnly ArrivalDate, double Hours, bool Overdue);

    public sealed record Month(string Label, int Arrivals, int Seen, double? MedianHours);

    public IReadOnlyList<Waiting> NotSeen { get; private set; } = [];
    public IReadOnlyList<Month> Months { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var unitId = (await currentUnit.IdAsync())!.Value;
        var now = clock.GetUtcNow();
        var today = Fr.Today(clock);
        // Late past the unit's own target (issue #21, set by the coordinator), as on the entry-visits list.
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId);
        NotSeen = [.. (await ActivityReport.ArrivalsNotSeenAsync(db, unitId))
            .Select(p => new Waiting(p.PatientId, p.Name, p.Ecrou, p.ArrivalDate, Math.Max(0, Math.Round((now - p.Arrived).TotalHours)),
                unit.EntryVisitOverdue(p.Arrived, now)))];

        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var delays = await ActivityReport.ArrivalDelaysAsync(db, unitId, new ReportPeriod(first, today));
        Months = [.. Enumerable.Range(0, 12).Select(i => first.AddMonths(i)).Reverse().Select(m =>
        {
            var ofMonth = delays.Where(d => d.ArrivalDate.Year == m.Year && d.ArrivalDate.Month == m.Month).ToList();
            var seen = ofMonth.Where(d => d.Hours is not null).Select(d => d.Hours!.Value).ToList();
            return new Month(m.ToString("MMMM yyyy", Fr.Culture), ofMonth.Count, seen.Count, ActivityReport.Median(seen));
        })];
    }
}
