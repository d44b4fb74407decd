using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>The drug referential's search (issue #20), by name or substance: what the prescription form picks from.</summary>
[RequirePermission(Permission.WriteConsultation)]
public sealed class DrugsModel(AppDbContext db) : PageModel
{
    public const int Shown = 30;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<Drug> Rows { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var query = db.Drugs.AsNoTracking().Search(Q);
        Total = await query.CountAsync();
        Rows = await query.Take(Shown).ToListAsync();
    }
}
