using UsmpCare.Web.Auditing;
using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Reports;

/// <summary>
/// The partnership sheet for the health–justice coordination meeting: escorts and AP requests, counts only, no
/// patient-level data, so that it can be handed to the prison's direction (seed 003).
/// </summary>
[Audited]
[RequirePermission(Permission.ViewUnitReports)]
public sealed class PartnershipModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock) : ReportPageModel(reporting, currentUnit, clock, UnitReport.Partnership);
