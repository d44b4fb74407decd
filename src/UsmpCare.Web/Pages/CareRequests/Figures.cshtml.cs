using UsmpCare.Domain.CareRequests;

namespace UsmpCare.Web.Pages.CareRequests;

/// <summary>
/// How long detainees wait (P33): median and 90th percentile from collection to consultation, per team and week, and
/// the open requests by age band. Computed by PostgreSQL; the dashboard issue draws them as charts.
/// </summary>
[RequirePermission(Permission.HandleCareRequests)]
public sealed class FiguresModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    // Issue #22 point 5: reads that may lag a few seconds, from the replica when there is one.
    private readonly AppDbContext db = reporting.Db;

    public sealed record WaitRow(DateTime Week, string Team, int Answered, double MedianHours, double P90Hours);

    public sealed record AgeBandRow(string Team, string Band, int Count);

    public IReadOnlyList<WaitRow> Waits { get; private set; } = [];
    public IReadOnlyList<AgeBandRow> Bands { get; private set; } = [];

    public static readonly string[] BandOrder = ["< 24 h", "1 à 3 j", "3 à 7 j", "7 à 14 j", "> 14 j"];

    public async Task OnGetAsync()
    {
        var unitId = await currentUnit.IdAsync() ?? Guid.Empty;
        var now = clock.GetUtcNow();
        var since = now.AddDays(-7 * 12);
        var teams = User.TeamOf() is { } team ? CareRequest.RequestTeamsOf(team).Select(t => t.ToString()).ToArray() : [];
        Waits = await db.Database.SqlQuery<WaitRow>($"""
            SELECT date_trunc('week', answered_at AT TIME ZONE 'Europe/Paris') AS week, team AS team,
                   count(*)::int AS answered,
                   (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - collected_at)) / 3600)::float8 AS median_hours,
                   (percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM answered_at - collected_at)) / 3600)::float8 AS p90hours
            FROM care.care_requests
            WHERE unit_id = {unitId} AND status = 'SeenInConsultation' AND answered_at >= {since} AND team = ANY({teams})
            GROUP BY 1, 2 ORDER BY 1 DESC, 2
            """).ToListAsync();
        Bands = await db.Database.SqlQuery<AgeBandRow>($"""
            SELECT team AS team,
                   CASE WHEN {now} - collected_at < interval '1 day' THEN '< 24 h'
                        WHEN {now} - collected_at < interval '3 days' THEN '1 à 3 j'
                        WHEN {now} - collected_at < interval '7 days' THEN '3 à 7 j'
                        WHEN {now} - collected_at < interval '14 days' THEN '7 à 14 j'
                        ELSE '> 14 j' END AS band,
                   count(*)::int AS count
            FROM care.care_requests
            WHERE unit_id = {unitId} AND status IN ('New', 'Triaged', 'AppointmentSet') AND team = ANY({teams})
            GROUP BY 1, 2
            """).ToListAsync();
    }

    public static string TeamLabel(string team) => Enum.TryParse<RequestTeam>(team, out var t) ? Labels.Of(t) : team;

    public static string Hours(double hours) => Labels.Age(TimeSpan.FromHours(hours));
}
