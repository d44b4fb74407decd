using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Authorization;

namespace UsmpCare.Web.Pages.Account;

/// <summary>
/// « Sécurité du compte »: whether the second factor is on, how many recovery codes are left, and new recovery codes
/// against a current code of the app (a stolen session alone cannot take them, ASVS V2.5.x).
/// </summary>
[Authorize(Policy = PermissionPolicies.SignedIn)]
public sealed class SecurityModel(UserManager<User> users, AuditTrail audit) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";

    public bool Enrolled { get; private set; }
    public bool Required { get; private set; }
    public int CodesLeft { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect("/Account/Enrol");
        }
        if (await users.IsLockedOutAsync(user) || Totp.Normalize(Code) is not { } code
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            Error = CodeModel.Wrong;
            await audit.AppendAsync(AuditEvent.By(User, AuditAction.MfaFailed, "/Account/Security", StatusCodes.Status401Unauthorized));
            await LoadAsync(user);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        // The new codes replace every earlier one.
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnrolModel.RecoveryCodeCount) ?? []];
        await audit.AppendAsync(AuditEvent.By(User, AuditAction.RecoveryCodesRenewed, "/Account/Security", StatusCodes.Status200OK));
        await LoadAsync(user);
        return Page();
    }

    private async Task LoadAsync(User user)
    {
        Enrolled = await users.GetTwoFactorEnabledAsync(user);
        Required = await TwoStepSignIn.IsRequiredAsync(users, user);
        CodesLeft = Enrolled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
