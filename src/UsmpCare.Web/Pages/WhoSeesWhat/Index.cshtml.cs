namespace UsmpCare.Web.Pages.WhoSeesWhat;

/// <summary>P04: the perimeters of every actor, rendered from the enforced matrix.</summary>
[RequirePermission(Permission.ViewWhoSeesWhat)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
