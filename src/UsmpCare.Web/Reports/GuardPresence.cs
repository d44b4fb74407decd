using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Reports;

/// <summary>
/// P01: the unit counts the consultations held with a guard in the room — by month, by security ground and by
/// physician — so that the practice is seen and discussed (CNOM report, préconisation 1). Counts only, no patient.
/// </summary>
public static class GuardPresence
{
    public const string Section = "Consultations avec un surveillant présent";

    /// <summary>One signed consultation held with a guard: its month (Paris), ground and signing physician.</summary>
    public sealed record Row(DateOnly Month, GuardGround? Ground, string Physician);

    public static async Task<IReadOnlyList<Row>> RowsAsync(AppDbContext db, Guid unitId, DateTimeOffset start, DateTimeOffset end)
    {
        var rows = new List<Row>();
        foreach (var team in Enum.GetValues<Team>())
        {
            var guarded = await db.Entries(team).AsNoTracking()
                .Where(e => e.UnitId == unitId && e.Status == EntryStatus.Signed && e.Kind == EntryKind.Consultation
                            && e.GuardPresent && e.OccurredAt >= start && e.OccurredAt < end)
                .Select(e => new { e.OccurredAt, e.GuardGround, e.SignedByName }).ToListAsync();
            rows.AddRange(guarded.Select(e => new Row(MonthOf(e.OccurredAt), e.GuardGround, e.SignedByName ?? "")));
        }
        return rows;
    }

    /// <summary>The report's indicators: the total, then each month of the period by ground and by physician.</summary>
    public static async Task<IReadOnlyList<Indicator>> IndicatorsAsync(AppDbContext db, Guid unitId, ReportPeriod period)
    {
        var rows = await RowsAsync(db, unitId, period.Start, period.End);
        var physicians = rows.Select(r => r.Physician).Distinct().Order(StringComparer.Ordinal).ToList();
        var list = new List<Indicator> { new("GRD-00", Section, "Consultations avec un surveillant présent (toutes)", rows.Count, IndicatorUnit.Count) };
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            var code = $"GRD-{month:yyyyMM}";
            var label = MonthLabel(month);
            var inMonth = rows.Where(r => r.Month == month).ToList();
            list.Add(new(code, Section, $"{label} : toutes", inMonth.Count, IndicatorUnit.Count));
            foreach (var ground in Enum.GetValues<GuardGround>())
            {
                list.Add(new($"{code}-{ground}", Section, $"{label} : {ground.Label()}", inMonth.Count(r => r.Ground == ground), IndicatorUnit.Count));
            }
            // Physicians by their rank in the period, so that a code means the same physician in every month.
            foreach (var (physician, rank) in physicians.Select((p, i) => (p, i + 1)).Where(p => inMonth.Any(r => r.Physician == p.p)))
            {
                list.Add(new($"{code}-DR{rank}", Section, $"{label} : {physician}", inMonth.Count(r => r.Physician == physician), IndicatorUnit.Count));
            }
        }
        return list;
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MMMM yyyy", Fr.Culture);

    public static DateOnly MonthOf(DateTimeOffset at)
    {
        var local = Fr.Local(at);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
