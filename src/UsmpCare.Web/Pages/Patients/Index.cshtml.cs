using UsmpCare.Domain.Patients;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Patients;

/// <summary>Home of clinical staff and the secretariat: the unit's patients, and the search box's results.</summary>
// P16: searches are audited (who searched, when; never the term, which may be a name).
[UsmpCare.Web.Auditing.Audited]
[RequirePermission(Permission.SearchPatients)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    public IReadOnlyList<Patient> Rows { get; private set; } = [];
    public string UnitName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public bool CanOpenChart => User.Can(Permission.ViewPatientChart);

    public async Task OnGetAsync()
    {
        Today = Fr.Today(clock);
        var unit = await currentUnit.GetAsync();
        if (unit is null)
        {
            return;
        }
        UnitName = unit.Name;
        var query = db.Patients.AsNoTracking().Where(p => p.UnitId == unit.Id);
        if (!All && string.IsNullOrWhiteSpace(Q))
        {
            query = query.Where(Patient.Present);
        }
        var paged = await Paged<Patient>.FromAsync(query.Search(Q), PageNumber);
        Rows = paged.Items;
        Pager = Pager.For(paged, Request);
    }
}
