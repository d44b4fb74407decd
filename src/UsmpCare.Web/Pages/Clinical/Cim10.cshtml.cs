using UsmpCare.Domain.Records;
using UsmpCare.Web.Clinical;

namespace UsmpCare.Web.Pages.Clinical;

/// <summary>The CIM-10 catalogue (shipped list and the ATIH's imported file), searched by code or label, accents aside.</summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class Cim10Model(Cim10Catalogue catalogue) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<Cim10Code> Codes { get; private set; } = [];

    public async Task OnGetAsync() => Codes = await catalogue.SearchAsync(Q);
}
