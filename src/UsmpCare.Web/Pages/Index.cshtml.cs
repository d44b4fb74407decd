using Microsoft.AspNetCore.Authorization;

namespace UsmpCare.Web.Pages;

/// <summary>Sends each role to its home page (a Razor page name, for RedirectToPage).</summary>
[Authorize(Policy = PermissionPolicies.SignedIn)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage(HomeOf(User.Roles()));

    public static string HomeOf(IReadOnlyList<Role> roles) => roles switch
    {
        _ when roles.Contains(Role.Administrator) => "/Admin/Users",
        _ when roles.Any(r => r.IsClinical()) => "/Dashboard/Index",
        _ when roles.Contains(Role.Secretary) => "/Patients/Index",
        _ when roles.Contains(Role.PrisonAdministration) => "/Ap/Index",
        _ when roles.Contains(Role.Spip) => "/Spip/Index",
        _ when roles.Contains(Role.Pharmacist) => "/Treatments/Validation",
        _ => "/WhoSeesWhat/Index",
    };
}
