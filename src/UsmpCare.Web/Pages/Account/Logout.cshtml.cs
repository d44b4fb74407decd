using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Authorization;

namespace UsmpCare.Web.Pages.Account;

[Authorize(Policy = PermissionPolicies.SignedIn)]
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp invalidates this cookie everywhere: a copy replayed after sign-out is refused.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect("/Account/Login");
    }
}
