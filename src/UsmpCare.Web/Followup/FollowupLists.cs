using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Followup;

/// <summary>A line of the unit's follow-up lists: the item and its patient.</summary>
public sealed record FollowupLine<T>(T Item, Patient Patient);

/// <summary>
/// The unit's work lists of the follow-up: tests overdue, results awaiting a physician, recalls to book. P30: each list
/// holds the reader's own team's items only — the other team's orders and recalls are notes of its record.
/// </summary>
public sealed class FollowupLists(AppDbContext db)
{
    /// <summary>Tests still without result, ordered more than <paramref name="days"/> days before today (<see cref="TestOrder.OverdueOn"/>).</summary>
    public Task<List<FollowupLine<TestOrder>>> OverdueAsync(Guid unitId, Team team, DateOnly today, int days) =>
        WithPatients(db.TestOrders.Where(TestOrder.OverdueOn(today, days)), unitId, team, o => o.OrderedOn);

    /// <summary>
    /// Results not yet acknowledged: those the physician ordered first (he answers for them, art. R.4127-33 CSP), then
    /// the team's others.
    /// </summary>
    public async Task<List<FollowupLine<TestOrder>>> ToAcknowledgeAsync(Guid unitId, Team team, Guid physicianId) =>
        [.. (await WithPatients(db.TestOrders.Include(o => o.Result).ThenInclude(r => r!.Acknowledgement)
                .Where(o => o.Result != null && o.Result.Acknowledgement == null), unitId, team, o => o.OrderedOn))
            .OrderBy(l => l.Item.OrderedById != physicianId).ThenBy(l => l.Item.Result!.EnteredAt)];

    /// <summary>Recalls due by that day and not booked yet (<see cref="Recall.DueBy"/>).</summary>
    public Task<List<FollowupLine<Recall>>> RecallsDueAsync(Guid unitId, Team team, DateOnly by) =>
        WithPatients(db.Recalls.Where(Recall.DueBy(by)), unitId, team, r => r.DueOn);

    /// <summary>
    /// The patient's items of the records this reader may read: P30, the teams of <see cref="Patients.OpenedPatient.ReadableTeams"/>
    /// (<see cref="Records.RecordScopes"/>: the other team's only where the patient agreed to sharing).
    /// </summary>
    public static IQueryable<T> Readable<T>(IQueryable<T> items, Patients.OpenedPatient opened) where T : class, IFollowupItem
    {
        var (patientId, teams) = (opened.Patient.Id, opened.ReadableTeams.ToList());
        return items.AsNoTracking().Where(i => i.PatientId == patientId && teams.Contains(i.Team));
    }

    private async Task<List<FollowupLine<T>>> WithPatients<T>(IQueryable<T> items, Guid unitId, Team team,
        System.Linq.Expressions.Expression<Func<T, DateOnly>> order) where T : class, IFollowupItem =>
        [.. (await items.AsNoTracking().Where(i => i.UnitId == unitId && i.Team == team).OrderBy(order).Take(200)
                .Join(db.Patients, i => i.PatientId, p => p.Id, (i, p) => new { i, p }).ToListAsync())
            .Select(x => new FollowupLine<T>(x.i, x.p))];
}
