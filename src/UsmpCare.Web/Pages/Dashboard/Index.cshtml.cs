using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Dashboard;

/// <summary>
/// The unit's dashboard, home of the care team: open care requests by age and team, consultations per week, escorts,
/// visits due before release, hunger strikes. Counts only — no patient appears here, but for the alerts addressed to the
/// user himself: the supervised doses his own patients missed (issue #20 point 6).
/// </summary>
[RequirePermission(Permission.HandleCareRequests)]
public sealed class IndexModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    // Issue #22 point 5: reads that may lag a few seconds, from the replica when there is one.
    private readonly AppDbContext db = reporting.Db;

    public static readonly string[] Bands = ["< 24 h", "1 à 3 j", "3 à 7 j", "7 à 14 j", "> 14 j"];

    public string UnitName { get; private set; } = "";
    public IReadOnlyList<(string Team, int[] Counts)> OpenRequests { get; private set; } = [];
    public static readonly ConsultationType[] Types = Enum.GetValues<ConsultationType>();

    /// <summary>Signed consultations per week and per type (both teams: counts only).</summary>
    public IReadOnlyList<(DateOnly Week, int[] ByType)> ConsultationsPerWeek { get; private set; } = [];
    public IReadOnlyList<(DateOnly Week, double? MedianHours)> MedianWaitPerWeek { get; private set; } = [];
    public Pages.Escorts.IndexModel.MonthFigures? Escorts { get; private set; }
    public int VisitsDue { get; private set; }
    public int HungerStrikes { get; private set; }

    /// <summary>P01: this month's consultations with a guard in the room, by security ground and by physician.</summary>
    public IReadOnlyList<GuardPresence.Row> GuardedThisMonth { get; private set; } = [];

    /// <summary>Patients present not yet seen at the entry visit (activity report, ARR-03).</summary>
    public int ArrivalsNotSeen { get; private set; }

    /// <summary>P09: patients present who have not yet been handed the information sheet for this stay.</summary>
    public int InformationSheetsDue { get; private set; }

    /// <summary>Supervised doses missed in a row on lines the user prescribed (the unit's threshold, 3 by default).</summary>
    public IReadOnlyList<(MissedDoseAlert Alert, Patient Patient)> MissedDoses { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var unit = await currentUnit.GetAsync();
        if (unit is null)
        {
            return;
        }
        UnitName = unit.Name;
        await LoadMissedDosesAsync();
        var now = clock.GetUtcNow();
        var today = Fr.Today(clock);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var firstWeek = monday.AddDays(-7 * 11);
        var since = Fr.FromLocal(firstWeek.ToDateTime(TimeOnly.MinValue));

        var open = await db.CareRequests.AsNoTracking()
            .Where(CareRequest.Open).Where(r => r.UnitId == unit.Id)
            .Select(r => new { r.Team, r.CollectedAt }).ToListAsync();
        // Each row is placed once (band, week: a time-zone conversion each), then counted: not once per cell.
        var openCounts = open.GroupBy(r => (r.Team, Band: Band(now - r.CollectedAt))).ToDictionary(g => g.Key, g => g.Count());
        OpenRequests = [.. Enum.GetValues<RequestTeam>().Select(team => (Labels.Of(team), Bands.Select((_, band) =>
            openCounts.GetValueOrDefault((team, band))).ToArray()))];

        // Counted by the database, per local week and type, from the covering index: a large unit signs tens of
        // thousands of consultations in twelve weeks, which are not worth carrying to the page (issue #9). The week is
        // Monday-based in Paris time, as WeekOf below; the table names are fixed by the two records' schemas (P30).
        var counts = await db.Database.SqlQuery<WeekCount>($"""
            SELECT date_trunc('week', e.occurred_at AT TIME ZONE {Fr.ParisZone})::date AS "Week", e.consultation_type AS "Type", count(*)::int AS "Count"
            FROM (SELECT occurred_at, consultation_type FROM somatic.entries
                  WHERE unit_id = {unit.Id} AND kind = 'Consultation' AND status = 'Signed' AND occurred_at >= {since}
                  UNION ALL
                  SELECT occurred_at, consultation_type FROM psychiatric.entries
                  WHERE unit_id = {unit.Id} AND kind = 'Consultation' AND status = 'Signed' AND occurred_at >= {since}) AS e
            GROUP BY 1, 2
            """).ToListAsync();
        var weeks = Enumerable.Range(0, 12).Select(i => firstWeek.AddDays(7 * i)).ToList();
        var perWeek = counts.Where(c => c.Type is not null)
            .ToDictionary(c => (c.Week, Enum.Parse<ConsultationType>(c.Type!)), c => c.Count);
        ConsultationsPerWeek = [.. weeks.Select(w => (w, Types.Select(t => perWeek.GetValueOrDefault((w, t))).ToArray()))];

        var answered = await db.CareRequests.AsNoTracking()
            .Where(r => r.UnitId == unit.Id && r.Status == CareRequestStatus.SeenInConsultation && r.AnsweredAt >= since)
            .Select(r => new { r.CollectedAt, r.AnsweredAt }).ToListAsync();
        var waits = answered.ToLookup(r => WeekOf(r.AnsweredAt!.Value), r => (r.AnsweredAt!.Value - r.CollectedAt).TotalHours);
        MedianWaitPerWeek = [.. weeks.Select(w => (w, Statistics.Median(waits[w])))];

        var month = Fr.Local(now).ToString("yyyy-MM");
        var monthStart = Fr.FromLocal(new DateTime(today.Year, today.Month, 1));
        var appointments = await db.ExternalAppointments.AsNoTracking()
            .Where(a => a.UnitId == unit.Id && a.At >= monthStart && a.At < monthStart.AddMonths(1)).ToListAsync();
        Escorts = Pages.Escorts.IndexModel.Compute(appointments).FirstOrDefault(f => f.Month == month);
        GuardedThisMonth = await GuardPresence.RowsAsync(db, unit.Id, monthStart, monthStart.AddMonths(1));

        var horizon = today.AddDays(Continuity.IndexModel.PreReleaseWindowDays);
        var due = await db.Patients.AsNoTracking()
            .Where(Patient.Present).Where(p => p.UnitId == unit.Id && p.LegalStatus == LegalStatus.Convicted
                        && p.ExpectedReleaseDate != null && p.ExpectedReleaseDate <= horizon)
            .Select(p => p.Id).ToListAsync();
        var seen = await db.ReleasePlans.AsNoTracking()
            .Where(r => due.Contains(r.PatientId) && (r.Visit == PreReleaseVisitStatus.Done || r.Visit == PreReleaseVisitStatus.Declined))
            .CountAsync();
        VisitsDue = due.Count - seen;
        HungerStrikes = await db.HungerStrikes.CountAsync(h => h.UnitId == unit.Id && h.EndedOn == null);
        InformationSheetsDue = await db.Patients.Where(p => p.UnitId == unit.Id).CountAsync(InformationSheet.Due(db.InformationSheets));
        ArrivalsNotSeen = (await ActivityReport.ArrivalsNotSeenAsync(db, unit.Id)).Count;
    }

    /// <summary>In every unit of the user: a prescriber is alerted of his patients wherever the unit switcher stands.</summary>
    private async Task LoadMissedDosesAsync()
    {
        if (User.UserId() is not { } me)
        {
            return;
        }
        var units = User.UnitIds().ToList();
        var since = Fr.Today(clock).AddDays(-14);
        var doses = await db.Administrations.AsNoTracking()
            .Where(a => units.Contains(a.UnitId) && a.PrescriberId == me && a.Mode == DistributionMode.Supervised && a.Day >= since)
            .ToListAsync();
        if (doses.Count == 0)
        {
            return;
        }
        var thresholds = await db.DistributionDefaults.AsNoTracking().Where(d => units.Contains(d.UnitId))
            .ToDictionaryAsync(d => d.UnitId, d => d.MissedDosesBeforeAlert);
        var alerts = doses.GroupBy(d => d.UnitId).SelectMany(g => Domain.Treatments.MissedDoses.Alerts(g,
            thresholds.GetValueOrDefault(g.Key, DistributionDefaults.DefaultMissedDosesBeforeAlert))).ToList();
        var ids = alerts.Select(a => a.PatientId).ToList();
        var patients = await db.Patients.AsNoTracking().Where(Patient.Present).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        MissedDoses = [.. alerts.Where(a => patients.ContainsKey(a.PatientId)).Select(a => (a, patients[a.PatientId]))];
    }

    private sealed record WeekCount(DateOnly Week, string? Type, int Count);

    public static int Band(TimeSpan age) => age.TotalHours switch
    {
        < 24 => 0,
        < 72 => 1,
        < 168 => 2,
        < 336 => 3,
        _ => 4,
    };

    private static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(Fr.Local(at));
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
