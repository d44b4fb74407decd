using UsmpCare.Web.Auditing;
using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Reports;

/// <summary>
/// The unit's activity report over any period (the yearly one goes to the ARS): computed from the records, never
/// typed. Counts only; definitions in docs/indicators.md.
/// </summary>
[Audited]
[RequirePermission(Permission.ViewUnitReports)]
public sealed class ActivityModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock) : ReportPageModel(reporting, currentUnit, clock, UnitReport.Activity);
