using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Pages.Ap;

/// <summary>P32, P05: the escorts the AP must organise — date, time, place from the unit's list, level; the medical reason is not even read.</summary>
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
            .Join(db.Patients, a => a.PatientId, p => p.Id, (a, p) => new { a.At, a.PlaceId, a.EscortLevel, a.Status, p.LastName, p.FirstName, p.Ecrou })
            .Join(db.EscortPlaces, x => x.PlaceId, p => p.Id, (x, p) => new { x.At, p.Kind, p.Name, x.EscortLevel, x.Status, x.LastName, x.FirstName, x.Ecrou })
            .ToListAsync();
        Rows = [.. rows.Select(x => new Row(x.At, $"{EscortPlace.Label(x.Kind)} — {x.Name}", x.EscortLevel, ExternalAppointment.Label(x.Status),
            Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou))];
    }
}
