namespace UsmpCare.Web.Reports;

/// <summary>
/// What sets one period report of the unit apart from another: its title, its file name, the foreword of its PDF and
/// the figures it computes. The page, the CSV and the PDF are the same for all (<c>Pages/Reports/ReportPageModel</c>).
/// </summary>
public sealed record UnitReport(string Title, string FileStem, string Foreword,
    Func<AppDbContext, Guid, ReportPeriod, Task<IReadOnlyList<Indicator>>> ComputeAsync)
{
    private static readonly string Suppressed =
        $"Les effectifs inférieurs à {ActivityReport.SmallCount} sont masqués (« {Indicator.Masked} »).";

    /// <summary>The unit's activity over any period (the yearly one goes to the ARS): counts only, docs/indicators.md.</summary>
    public static readonly UnitReport Activity = new("Rapport d'activité de l'unité sanitaire", "rapport-activite",
        "Indicateurs calculés à partir des données enregistrées dans UsmpCare ; définitions dans docs/indicators.md. " + Suppressed,
        ActivityReport.ComputeAsync);

    /// <summary>The health–justice coordination sheet: escorts and AP requests, counts only, no patient (seed 003).</summary>
    public static readonly UnitReport Partnership = new("Fiche partenariale santé–justice", "fiche-partenariale",
        "Fiche destinée à la réunion de coordination avec la direction de l'établissement : effectifs seulement, aucune " +
        "donnée individuelle. " + Suppressed,
        ActivityReport.PartnershipAsync);
}
