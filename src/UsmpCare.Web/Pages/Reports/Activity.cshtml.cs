using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Reports;

/// <summary>
/// The unit's activity report over any period (the yearly one goes to the ARS): computed from the records, never
/// typed. Counts only; definitions in docs/indicators.md.
/// </summary>
[UsmpCare.Web.Auditing.Audited]
[RequirePermission(Permission.ViewUnitReports)]
public sealed class ActivityModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock) : ReportPageModel(reporting, currentUnit, clock)
{
    protected override string Title => "Rapport d'activité de l'unité sanitaire";
    protected override string FileStem => "rapport-activite";
    protected override string Foreword =>
        "Indicateurs calculés à partir des données enregistrées dans UsmpCare ; définitions dans docs/indicators.md. " +
        $"Les effectifs inférieurs à {ActivityReport.SmallCount} sont masqués (« <{ActivityReport.SmallCount} »).";

    protected override Task<IReadOnlyList<Indicator>> ComputeAsync(Guid unitId, ReportPeriod period) =>
        ActivityReport.ComputeAsync(Db, unitId, period);
}
