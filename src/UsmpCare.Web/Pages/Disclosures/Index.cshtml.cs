using Microsoft.AspNetCore.Authorization;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Pages.Disclosures;

/// <summary>P02, P37: the unit's accounting of disclosures, for the médecin coordonnateur.</summary>
[UsmpCare.Web.Auditing.Audited]
[RequirePermission(Permission.ViewUnitReports)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, IAuthorizationService authorization) : PageModel
{
    /// <summary><paramref name="What"/> is null when it came from a record the coordinator may not read (P30).</summary>
    public sealed record Row(Disclosure Disclosure, string Patient, string Ecrou, string? What);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rows = await db.Disclosures.AsNoTracking().Where(d => d.UnitId == unitId)
            .OrderByDescending(d => d.At).Skip((Paged<int>.Clamp(PageNumber) - 1) * Paged<Disclosure>.Size).Take(Paged<Disclosure>.Size + 1)
            .Join(db.Patients, d => d.PatientId, p => p.Id, (d, p) => new { d, p.LastName, p.FirstName, p.Ecrou })
            .GroupJoin(db.Users, x => x.d.AuthorId, u => u.Id, (x, u) => new { x.d, x.LastName, x.FirstName, x.Ecrou, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.d, x.LastName, x.FirstName, x.Ecrou, Team = u == null ? null : u.Team })
            .ToListAsync();
        Pager = Pager.For(new Paged<int>([], Paged<int>.Clamp(PageNumber), rows.Count > Paged<Disclosure>.Size), Request);
        rows = [.. rows.Take(Paged<Disclosure>.Size)];
        // P30: the coordinator accounts for every line (P02, P37), but reads the content of a line from the other team's
        // record only where the patient agreed to sharing — the same rule as the records.
        var agreed = await RecordScopes.SharingAgreedAmongAsync(db, [.. rows.Select(x => x.d.PatientId).Distinct()]);
        var result = new List<Row>();
        foreach (var x in rows)
        {
            var readable = x.Team is not { } team || (await authorization.AuthorizeAsync(User,
                new RecordScope(x.d.UnitId, team, agreed.Contains(x.d.PatientId)), ScopeRequirements.ReadRecord)).Succeeded;
            result.Add(new Row(x.d, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou, readable ? x.d.What : null));
        }
        Rows = result;
    }
}
