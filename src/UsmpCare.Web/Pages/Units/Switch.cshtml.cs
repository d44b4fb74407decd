using Microsoft.AspNetCore.Authorization;

namespace UsmpCare.Web.Pages.Units;

/// <summary>The unit switcher: only a unit the user belongs to can be chosen.</summary>
[Authorize(Policy = PermissionPolicies.SignedIn)]
public sealed class SwitchModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(Guid unitId, string? returnUrl)
    {
        if (!User.UnitIds().Contains(unitId))
        {
            return Forbid();
        }
        Response.Cookies.Append(CurrentUnit.CookieName, unitId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            IsEssential = true,
        });
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage("/Index");
    }
}
