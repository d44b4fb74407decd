using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Account;

/// <summary>
/// Enrolment of an authenticator app (P16, ASVS V2.3.2): forced after the password for the roles of
/// <c>RoleLabels.RequiresMfa</c>, chosen from « Sécurité du compte » by the others. The key is shown as a QR code and
/// as text; it counts only once a code from the app confirms it, and then 10 recovery codes are shown, once.
/// </summary>
[AllowAnonymous]
public sealed class EnrolModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit) : PageModel
{
    public const string Issuer = "UsmpCare";
    public const int RecoveryCodeCount = 10;

    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string Key { get; private set; } = "";
    public string Account { get; private set; } = "";
    public string? Error { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public bool Forced { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, pending) = await WhoAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return pending ? RedirectToPage("/Account/Code", new { ReturnUrl }) : RedirectToPage("/Account/Security");
        }
        await ShowKeyAsync(user, pending);
        return Page();
    }

    /// <summary>The QR code as a PNG from this page: no inline script and no data: URI for the CSP to allow.</summary>
    public async Task<IActionResult> OnGetQrAsync()
    {
        var (user, _) = await WhoAsync();
        if (user is null || await users.GetTwoFactorEnabledAsync(user) || await users.GetAuthenticatorKeyAsync(user) is not { } key)
        {
            return NotFound();
        }
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Totp.Uri(Issuer, user.Email ?? user.Id.ToString(), key), QRCodeGenerator.ECCLevel.M);
        return File(new PngByteQRCode(data).GetGraphic(6), "image/png");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, pending) = await WhoAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }
        if (await users.GetTwoFactorEnabledAsync(user) || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return RedirectToPage(new { ReturnUrl });
        }
        if (await users.IsLockedOutAsync(user))
        {
            Error = LoginModel.LockedOut;
            await ShowKeyAsync(user, pending);
            return Page();
        }
        if (Totp.Normalize(Code) is not { } code
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.AccessFailedAsync(user);
            Error = await users.IsLockedOutAsync(user) ? LoginModel.LockedOut : CodeModel.Wrong;
            await audit.AppendAsync(LoginModel.SignInEvent(user, AuditAction.MfaFailed, "/Account/Enrol", StatusCodes.Status401Unauthorized));
            await ShowKeyAsync(user, pending);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        await audit.AppendAsync(LoginModel.SignInEvent(user, AuditAction.MfaEnrolled, "/Account/Enrol", StatusCodes.Status200OK));
        if (pending)
        {
            await TwoStepSignIn.CompleteAsync(HttpContext, signIn, user);
            await audit.AppendAsync(LoginModel.SignInEvent(user, AuditAction.SignIn, "/Account/Enrol", StatusCodes.Status200OK));
        }
        else
        {
            // Enabling the second factor renewed the security stamp: the current session is re-issued with it.
            await signIn.RefreshSignInAsync(user);
        }
        ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return Page();
    }

    /// <summary>The account: the one whose password was just given (forced enrolment), or the signed-in user.</summary>
    private async Task<(User? User, bool Pending)> WhoAsync()
    {
        if (await TwoStepSignIn.PendingAsync(HttpContext, users) is { } pending)
        {
            return (pending, true);
        }
        return User.Identity?.IsAuthenticated == true ? (await users.GetUserAsync(User), false) : (null, false);
    }

    private async Task ShowKeyAsync(User user, bool pending)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            if (!pending)
            {
                await signIn.RefreshSignInAsync(user);
            }
        }
        Key = Totp.Grouped(key);
        Account = user.Email ?? "";
        Forced = pending;
    }
}
