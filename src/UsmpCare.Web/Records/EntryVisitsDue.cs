using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Records;

/// <summary>
/// Issue #21 (4): the entry visits the unit owes — every arrival from liberty (an « arrivée » of the prison's movements
/// file on the day the stay began; a transfer in was seen at his former establishment) present and not seen since,
/// with the time since his arrival and whether the unit's target is passed. « Seen » is the activity report's rule
/// (<see cref="ActivityReport.ArrivalsNotSeenAsync"/>): one definition for the list and the figures.
/// </summary>
public static class EntryVisitsDue
{
    public sealed record Due(Guid PatientId, string Patient, string Ecrou, DateOnly ArrivalDate, double Hours, bool Overdue);

    public static async Task<IReadOnlyList<Due>> ListAsync(AppDbContext db, Unit unit, DateTimeOffset now)
    {
        var notSeen = await ActivityReport.ArrivalsNotSeenAsync(db, unit.Id);
        var ids = notSeen.Select(n => n.PatientId).ToList();
        var fromLiberty = (await db.PrisonMovements.AsNoTracking()
                .Where(m => m.UnitId == unit.Id && m.Kind == MovementKind.Arrival && ids.Contains(m.PatientId))
                .Select(m => new { m.PatientId, m.Date }).ToListAsync())
            .Select(m => (m.PatientId, m.Date)).ToHashSet();
        return [.. notSeen.Where(n => fromLiberty.Contains((n.PatientId, n.ArrivalDate)))
            .Select(n => new Due(n.PatientId, n.Name, n.Ecrou, n.ArrivalDate, Math.Max(0, Math.Floor((now - n.Arrived).TotalHours)),
                unit.EntryVisitOverdue(n.Arrived, now)))];
    }
}
