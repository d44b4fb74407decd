using UsmpCare.Domain.Patients;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Audit;

/// <summary>
/// A patient may ask who opened his record: the coordinator prints the accesses — roles and dates, and the staff's
/// names only if the unit decides to show them (P16, CNIL logging recommendation).
/// </summary>
[RequirePermission(Permission.ViewUnitAudit)]
public sealed class PatientModel(ReportingDb reporting, CurrentUnit currentUnit) : PageModel
{
    // Issue #22 point 5: reads that may lag a few seconds, from the replica when there is one.
    private readonly AppDbContext db = reporting.Db;

    public sealed record Access(DateTimeOffset At, string Roles, string? Name, AuditAction Action);

    [BindProperty(SupportsGet = true)] public string? Ecrou { get; set; }
    [BindProperty(SupportsGet = true)] public bool WithNames { get; set; }

    public Patient? Patient { get; private set; }
    public IReadOnlyList<Access> Accesses { get; private set; } = [];
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var unit = await currentUnit.GetAsync();
        if (unit is null)
        {
            return Forbid();
        }
        UnitName = unit.Name;
        if (string.IsNullOrWhiteSpace(Ecrou))
        {
            return Page();
        }
        var ecrou = Domain.Patients.Patient.NormalizeEcrou(Ecrou);
        Patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.Ecrou == ecrou);
        if (Patient is null)
        {
            ModelState.AddModelError("", $"Aucun patient de l'unité n'a l'écrou « {ecrou} ».");
            return Page();
        }
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.PatientId == Patient.Id && (e.Action == AuditAction.Read || e.Action == AuditAction.Write))
            .OrderBy(e => e.Id).ToListAsync();
        Accesses = [.. events.Select(e => new Access(e.At, RoleNames(e.Roles), WithNames ? e.UserName : null, e.Action))];
        return Page();
    }

    private static string RoleNames(string roles) => string.Join(", ", roles.Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(r => Enum.TryParse<Role>(r, out var role) ? role.Label() : r));
}
