using UsmpCare.Documents;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Reports;

namespace UsmpCare.Web.Pages.Reports;

/// <summary>
/// A report over a period of the current unit: shown in the page with exact figures (they stay in the unit), exported
/// as CSV and PDF with small counts suppressed (they leave it). A report is a <see cref="UnitReport"/>, not a subclass.
/// </summary>
public abstract class ReportPageModel(ReportingDb reporting, CurrentUnit currentUnit, TimeProvider clock, UnitReport report) : PageModel
{
    /// <summary>Issue #22 point 5: a report reads from the replica when there is one (it may lag a few seconds).</summary>
    private readonly AppDbContext db = reporting.Db;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public ReportPeriod Period { get; private set; } = ReportPeriod.YearToDate(DateOnly.MinValue);
    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetCsvAsync() => await LoadAsync()
        ?? File(ActivityReport.Csv(Indicators, Period, Unit.Name), "text/csv; charset=utf-8", $"{report.FileStem}-{Period.From:yyyyMMdd}-{Period.To:yyyyMMdd}.csv");

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        var body = new List<LetterBlock> { LetterBlock.Paragraph(report.Foreword) };
        foreach (var section in Indicators.GroupBy(i => i.Section))
        {
            body.Add(LetterBlock.Heading(section.Key));
            body.AddRange(section.Select(i => LetterBlock.Row(i.Label, i.ShownWithUnit(leavesUnit: true))));
        }
        var letter = new Letter(new Letterhead(Unit.Name, Unit.ReferenceHospital, Unit.Address, Unit.Phone), report.Title, [],
            $"Le {Fr.LongDate(Fr.Today(clock))}", $"Période {Period.Label}", body, [Unit.Name],
            $"Document non nominatif — effectifs inférieurs à {ActivityReport.SmallCount} masqués");
        return File(PdfRenderer.Render(letter), "application/pdf", $"{report.FileStem}-{Period.From:yyyyMMdd}-{Period.To:yyyyMMdd}.pdf");
    }

    /// <returns>null when the period is valid and the figures are computed; else the page with its French message.</returns>
    private async Task<IActionResult?> LoadAsync()
    {
        Unit = (await currentUnit.GetAsync())!;
        var period = ReportPeriod.TryCreate(From, To, Fr.Today(clock), out var problem);
        if (period is null)
        {
            ModelState.AddModelError(nameof(To), problem!);
            Period = ReportPeriod.YearToDate(Fr.Today(clock));
            return Page();
        }
        Period = period;
        (From, To) = (period.From, period.To);
        Indicators = await report.ComputeAsync(db, Unit.Id, period);
        return null;
    }

    /// <summary>The breakdown rows (« … : … ») of the indicators whose code starts with the prefix, for a chart.</summary>
    public IReadOnlyList<(string Label, double Value)> Bars(string codePrefix) =>
    [
        .. Indicators.Where(i => i.Code.StartsWith(codePrefix, StringComparison.Ordinal) && i.Label.Contains(':', StringComparison.Ordinal))
            .Select(i => (i.Label[(i.Label.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), i.Value ?? 0)),
    ];
}
