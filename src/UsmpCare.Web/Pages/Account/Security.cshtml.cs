using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Account;

/// <summary>
/// « Sécurité du compte »: whether the second factor is on, how many recovery codes are left, and new recovery codes
/// against a current code of the app (a stolen session alone cannot take them, ASVS V2.5.x); the user changes his own
/// password (CNIL délibération 2022-100) against the current one.
/// </summary>
[Authorize(Policy = PermissionPolicies.SignedIn)]
public sealed class SecurityModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit,
    RecentAuthentication reauth) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    [BindProperty] public string CurrentPassword { get; set; } = "";
    [BindProperty] public string NewPassword { get; set; } = "";
    [BindProperty] public string ConfirmPassword { get; set; } = "";

    /// <summary>Why the password was not changed, in French; nothing was changed.</summary>
    public IReadOnlyList<string> PasswordProblems { get; private set; } = [];
    [TempData] public string? Message { get; set; }

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
            return RedirectToPage("/Account/Enrol");
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

    /// <summary>
    /// The current password, then the new one twice; the same rules as at creation (length, common passwords). The new
    /// security stamp ends every other session at its next request; this one goes on.
    /// </summary>
    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        PasswordProblems = await ChangePasswordAsync(user);
        if (PasswordProblems.Count > 0)
        {
            await LoadAsync(user);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        await audit.AppendAsync(AuditEvent.By(User, AuditAction.PasswordChanged, "/Account/Security", StatusCodes.Status200OK));
        Message = "Mot de passe changé. Vos autres sessions sont fermées.";
        return RedirectToPage();
    }

    private async Task<IReadOnlyList<string>> ChangePasswordAsync(User user)
    {
        // ASVS V3.7.1: a session left open longer than Security:ReauthMinutes confirms the user first, as for issuing.
        if (await reauth.RequireAsync() is { } problem)
        {
            return [problem];
        }
        if (NewPassword != ConfirmPassword)
        {
            return ["Les deux saisies du nouveau mot de passe sont différentes : rien n'a été changé."];
        }
        if (await users.IsLockedOutAsync(user))
        {
            return [LoginModel.LockedOut];
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            return [];
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            // A wrong current password counts toward the lockout, as at sign-in (ASVS V2.2.1).
            await users.AccessFailedAsync(user);
            await audit.AppendAsync(AuditEvent.By(User, AuditAction.ReauthFailed, "/Account/Security?handler=Password",
                StatusCodes.Status401Unauthorized));
            return ["Mot de passe actuel incorrect : rien n'a été changé."];
        }
        return [.. result.Errors.Select(IdentityMessages.French)];
    }

    private async Task LoadAsync(User user)
    {
        Enrolled = await users.GetTwoFactorEnabledAsync(user);
        Required = await TwoStepSignIn.IsRequiredAsync(users, user);
        CodesLeft = Enrolled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
