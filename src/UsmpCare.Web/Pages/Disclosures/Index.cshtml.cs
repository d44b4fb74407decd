using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Features;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Pages.Disclosures;

/// <summary>P02, P37: the unit's accounting of disclosures, for the médecin coordonnateur.</summary>
[UsmpCare.Web.Auditing.Audited]
[RequirePermission(Permission.ViewUnitReports)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit) : PageModel
{
    public sealed record Row(Disclosure Disclosure, string Patient, string Ecrou);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rows = await db.Disclosures.AsNoTracking().Where(d => d.UnitId == unitId)
            .OrderByDescending(d => d.At).Skip((Paged<int>.Clamp(PageNumber) - 1) * Paged<Disclosure>.Size).Take(Paged<Disclosure>.Size + 1)
            .Join(db.Patients, d => d.PatientId, p => p.Id, (d, p) => new { d, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        Pager = Pager.For(new Paged<int>([], Paged<int>.Clamp(PageNumber), rows.Count > Paged<Disclosure>.Size), Request);
        Rows = [.. rows.Take(Paged<Disclosure>.Size).Select(x => new Row(x.d, x.LastName.ToUpperInvariant() + " " + x.FirstName, x.Ecrou))];
    }
}
