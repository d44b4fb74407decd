using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Account;

/// <summary>
/// Second step of the sign-in (P16, ONC (d)(13), ASVS V2.3.2): a code of the authenticator app, used once, or one of
/// the recovery codes, each used once. Failures count towards the same lockout as the password (ASVS V2.2.1).
/// </summary>
[AllowAnonymous]
public sealed class CodeModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit,
    IWebHostEnvironment environment, TimeProvider clock, ILogger<CodeModel> logger) : PageModel
{
    /// <summary>One message for a wrong, expired or already used code: the page says nothing of which it was.</summary>
    public const string Wrong = "Code incorrect ou déjà utilisé.";

    [BindProperty] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Development only: the code a demo account would read in its app (see <see cref="DemoHintAsync"/>).</summary>
    public string? DemoCode { get; private set; }

    /// <summary>Development only: a demo account used the last codes of the window; the next one comes within 30 s.</summary>
    public bool DemoWait { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await TwoStepSignIn.PendingAsync(HttpContext, users);
        if (user is null)
        {
            return RedirectToPage("/Account/Login");
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("/Account/Enrol", new { ReturnUrl });
        }
        await DemoHintAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await TwoStepSignIn.PendingAsync(HttpContext, users);
        if (user is null || !await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage("/Account/Login");
        }
        if (await users.IsLockedOutAsync(user))
        {
            Error = LoginModel.LockedOut;
            await audit.AppendAsync(LoginModel.SignInEvent(user, AuditAction.MfaFailed, "/Account/Code", StatusCodes.Status423Locked));
            return Page();
        }
        var recovery = false;
        bool accepted;
        if (Totp.Normalize(Code) is { } totp)
        {
            accepted = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, totp);
        }
        else
        {
            // Identity removes a redeemed recovery code from the account: each one works once.
            recovery = true;
            accepted = !string.IsNullOrWhiteSpace(Code)
                       && (await users.RedeemTwoFactorRecoveryCodeAsync(user, Code.Trim().ToUpperInvariant())).Succeeded;
        }
        if (!accepted)
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            Error = locked ? LoginModel.LockedOut : Wrong;
            logger.LogWarning("Second facteur refusé pour l'utilisateur {UserId} (verrouillé : {Locked})", user.Id, locked);
            await audit.AppendAsync(LoginModel.SignInEvent(user, AuditAction.MfaFailed, "/Account/Code",
                locked ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized));
            await DemoHintAsync(user);
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        if (recovery)
        {
            await audit.AppendAsync(LoginModel.SignInEvent(user, AuditAction.RecoveryCodeUsed, "/Account/Code", StatusCodes.Status200OK));
        }
        await TwoStepSignIn.CompleteAsync(HttpContext, signIn, user);
        logger.LogInformation("Connexion de l'utilisateur {UserId} (deux facteurs)", user.Id);
        await audit.AppendAsync(LoginModel.SignInEvent(user, AuditAction.SignIn, "/Account/Code", StatusCodes.Status200OK));
        return Url.IsLocalUrl(ReturnUrl) ? LocalRedirect(ReturnUrl) : RedirectToPage("/Index");
    }

    /// <summary>
    /// Demo accounts share a published key (README) so that anyone trying the app can sign in without an authenticator
    /// app; the page shows the code they would read. It can never help an attacker: demo accounts exist only in
    /// Development, and outside it the app refuses to start while one exists (DemoGuard).
    /// </summary>
    private async Task DemoHintAsync(User user)
    {
        if (!environment.IsDevelopment() || !user.IsDemo || await users.GetAuthenticatorKeyAsync(user) is not { } key)
        {
            return;
        }
        DemoCode = ReplayGuardedAuthenticatorProvider.NextUsableStep(user, clock.GetUtcNow()) is { } step
            ? Totp.Code(key, step)
            : null;
        DemoWait = DemoCode is null;
    }
}
