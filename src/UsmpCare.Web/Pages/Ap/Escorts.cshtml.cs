using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Pages.Ap;

/// <summary>P32, P05: the escorts the AP must organise — date, time, destination, level; the medical reason is not even read.</summary>
[RequirePermission(Permission.ViewEscortNeeds)]
public sealed class EscortsModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    public sealed record Row(DateTimeOffset At, string Destination, int Level, string Status, string Patient, string Ecrou);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var from = clock.GetUtcNow().AddDays(-1);
        var rows = await db.ExternalAppointments.AsNoTracking()
            .Where(a => a.UnitId == unitId && a.At >= from && a.Status != EscortStatus.Cancelled && a.Status != EscortStatus.Done)
            .OrderBy(a => a.At)
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.At, a.Destination, a.EscortLevel, a.Status, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        Rows = [.. rows.Select(x => new Row(x.At, x.Destination, x.EscortLevel, ExternalAppointment.Label(x.Status),
            x.LastName.ToUpperInvariant() + " " + x.FirstName, x.Ecrou))];
    }
}
