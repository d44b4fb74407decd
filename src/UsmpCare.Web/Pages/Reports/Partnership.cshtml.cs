using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Reports;

/// <summary>
/// The partnership sheet for the health–justice coordination meeting: escorts and AP requests, counts only, no
/// patient-level data, so that it can be handed to the prison's direction (seed 003).
/// </summary>
[UsmpCare.Web.Auditing.Audited]
[RequirePermission(Permission.ViewUnitReports)]
public sealed class PartnershipModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock) : ReportPageModel(reporting, currentUnit, clock)
{
    protected override string Title => "Fiche partenariale santé–justice";
    protected override string FileStem => "fiche-partenariale";
    protected override string Foreword =>
        "Fiche destinée à la réunion de coordination avec la direction de l'établissement : effectifs seulement, aucune " +
        $"donnée individuelle. Les effectifs inférieurs à {ActivityReport.SmallCount} sont masqués (« <{ActivityReport.SmallCount} »).";

    protected override Task<IReadOnlyList<Indicator>> ComputeAsync(Guid unitId, ReportPeriod period) =>
        ActivityReport.PartnershipAsync(Db, unitId, period);
}
