using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Account;

[Authorize(Policy = PermissionPolicies.SignedIn)]
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit) : PageModel
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
            // P16: the end of a session is in the trail as well as its start.
            await audit.AppendAsync(AuditEvent.By(User, AuditAction.SignOut, "/Account/Logout", StatusCodes.Status200OK));
        }
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
