using UsmpCare.Domain.Patients;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Audit;

/// <summary>The coordinator reviews every emergency access to his unit's patients, with the reads made under it.</summary>
[RequirePermission(Permission.ViewUnitAudit)]
public sealed class BreakGlassModel(ReportingDb reporting, CurrentUnit currentUnit) : PageModel
{
    // Issue #22 point 5: reads that may lag a few seconds, from the replica when there is one.
    private readonly AppDbContext db = reporting.Db;

    public sealed record Row(BreakGlassGrant Grant, string Patient, string Ecrou, int Reads);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var grants = await db.BreakGlassGrants.AsNoTracking().Where(g => g.PatientUnitId == unitId)
            .OrderByDescending(g => g.GrantedAt).Take(200)
            .Join(db.Patients, g => g.PatientId, p => p.Id, (g, p) => new { g, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        var rows = new List<Row>();
        foreach (var x in grants)
        {
            var reads = await db.AuditEvents.CountAsync(e => e.UserId == x.g.UserId && e.Target.StartsWith("[urgence]")
                                                             && e.At >= x.g.GrantedAt && e.At <= x.g.ExpiresAt);
            rows.Add(new Row(x.g, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou, reads));
        }
        Rows = rows;
    }
}
