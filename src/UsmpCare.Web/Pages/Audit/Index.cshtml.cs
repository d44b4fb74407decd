using System.Text;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Audit;

/// <summary>
/// P16, P37: the coordinator reads the unit's audit trail — by patient, by user, by period — exports it as CSV, and
/// checks the chain's integrity (an altered, deleted or inserted row is named).
/// </summary>
[RequirePermission(Permission.ViewUnitAudit)]
public sealed class IndexModel(ReportingDb reporting, CurrentUnit currentUnit, AuditChain chain, AuditTrail trail) : PageModel
{
    // Issue #22 point 5: reads that may lag a few seconds, from the replica when there is one.
    private readonly AppDbContext db = reporting.Db;

    [BindProperty(SupportsGet = true)] public string? Ecrou { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool Oldest { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    public IReadOnlyList<AuditEvent> Rows { get; private set; } = [];
    public IReadOnlyList<string>? Integrity { get; private set; }

    /// <summary>Tails noted earlier (register, another server), checked with the chain: they show deleted last rows.</summary>
    [BindProperty] public string? Anchors { get; set; }

    /// <summary>Today's tail, to note outside the database.</summary>
    public AuditAnchor? Tail { get; private set; }

    public async Task OnGetAsync()
    {
        await AuditReadAsync("");
        var paged = await Paged<AuditEvent>.FromAsync(await FilteredAsync(), PageNumber);
        Rows = paged.Items;
        Pager = Pager.For(paged, Request);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await AuditReadAsync("?handler=Csv");
        var rows = await (await FilteredAsync()).Take(100_000).ToListAsync();
        var csv = new StringBuilder("id;date_utc;utilisateur;roles;action;cible;patient;statut\n");
        foreach (var r in rows)
        {
            csv.Append(r.Id).Append(';').Append(r.At.UtcDateTime.ToString("O")).Append(';').Append(CsvCell.Escape(r.UserName)).Append(';')
                .Append(CsvCell.Escape(r.Roles)).Append(';').Append(r.Action).Append(';').Append(CsvCell.Escape(r.Target)).Append(';')
                .Append(r.PatientId).Append(';').Append(r.Status).Append('\n');
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", "journal-audit.csv");
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        var anchors = AuditAnchor.ParseAll((Anchors ?? "").Split('\n'), out var unreadable);
        Integrity = [.. unreadable, .. await chain.VerifyAsync(anchors: anchors)];
        Tail = await chain.TailAsync();
        Rows = await (await FilteredAsync()).Take(Paged<AuditEvent>.Size).ToListAsync();
        return Page();
    }

    /// <summary>
    /// P16: reading the trail is itself in the trail, with the filters used — the écrou files the row under its patient
    /// (by id, never by name), the other filters are written out; no query string is kept.
    /// </summary>
    private async Task AuditReadAsync(string handler)
    {
        var unitId = await currentUnit.IdAsync();
        var ecrou = string.IsNullOrWhiteSpace(Ecrou) ? null : Patient.NormalizeEcrou(Ecrou);
        var patientId = ecrou is null ? null
            : await db.Patients.Where(p => p.UnitId == unitId && p.Ecrou == ecrou).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        string[] filters =
        [
            ecrou is null ? "" : $"écrou {ecrou}",
            string.IsNullOrWhiteSpace(UserName) ? "" : $"utilisateur « {UserName.Trim()} »",
            From is { } from ? $"du {from:dd/MM/yyyy}" : "",
            To is { } to ? $"au {to:dd/MM/yyyy}" : "",
            PageNumber > 1 ? $"page {PageNumber}" : "",
        ];
        var described = string.Join(", ", filters.Where(f => f.Length > 0)).Replace("?", "");
        var target = $"/Audit{handler}{(described.Length > 0 ? " [" + described + "]" : "")}";
        await trail.AppendAsync(AuditEvent.By(User, AuditAction.Read, target[..Math.Min(target.Length, 400)], StatusCodes.Status200OK,
            patientId, unitId));
    }

    private async Task<IQueryable<AuditEvent>> FilteredAsync()
    {
        var unitId = await currentUnit.IdAsync();
        // Events of the unit, and the sign-ins and denials (no unit) of its members.
        var members = db.UnitMemberships.Where(m => m.UnitId == unitId).Select(m => (Guid?)m.UserId);
        var query = db.AuditEvents.AsNoTracking().Where(e => e.UnitId == unitId || e.UnitId == null && members.Contains(e.UserId));
        if (!string.IsNullOrWhiteSpace(Ecrou))
        {
            var ecrou = Patient.NormalizeEcrou(Ecrou);
            var ids = await db.Patients.Where(p => p.UnitId == unitId && p.Ecrou == ecrou).Select(p => (Guid?)p.Id).ToListAsync();
            query = query.Where(e => ids.Contains(e.PatientId));
        }
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => EF.Functions.ILike(e.UserName, "%" + UserName.Trim() + "%"));
        }
        if (From is { } from)
        {
            var start = Fr.FromLocal(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = Fr.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(e => e.At < end);
        }
        return Oldest ? query.OrderBy(e => e.Id) : query.OrderByDescending(e => e.Id);
    }
}
