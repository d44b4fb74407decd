using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Pages.Reports;

/// <summary>
/// P28 report: work-prevention visits (L.412-47 code pénitentiaire) signed by a physician who also treats the patient,
/// with the reason given. Counts and reasons only: the coordinator follows the practice, not the diagnoses.
/// </summary>
[UsmpCare.Web.Auditing.Audited]
[RequirePermission(Permission.ViewUnitReports)]
public sealed class PreventionVisitsModel(ReportingDb reporting, CurrentUnit currentUnit) : PageModel
{
    // Issue #22 point 5: reads that may lag a few seconds, from the replica when there is one.
    private readonly AppDbContext db = reporting.Db;

    public sealed record Row(DateTimeOffset At, string Physician, string Patient, string Ecrou, string Team, string Reason);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int TotalPreventionVisits { get; private set; }

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rows = new List<Row>();
        foreach (var team in Enum.GetValues<Team>())
        {
            var visits = db.Entries(team).AsNoTracking().Where(ClinicalEntry.Signed).Where(e => e.UnitId == unitId
                && e.ConsultationType == ConsultationType.WorkPrevention);
            TotalPreventionVisits += await visits.CountAsync();
            rows.AddRange(await visits.Where(e => e.TreatingPhysicianReason != null)
                .Join(db.Patients, e => e.PatientId, p => p.Id, (e, p) => new Row(e.OccurredAt, e.SignedByName ?? "",
                    p.LastName.ToUpper() + " " + p.FirstName, p.Ecrou, team.ToString(), e.TreatingPhysicianReason!))
                .ToListAsync());
        }
        Rows = [.. rows.OrderByDescending(r => r.At)];
    }
}
