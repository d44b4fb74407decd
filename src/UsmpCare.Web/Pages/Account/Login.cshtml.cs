using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, AuditTrail audit,
    ILogger<LoginModel> logger) : PageModel
{
    /// <summary>One message for unknown account, wrong password and disabled account: no user enumeration.</summary>
    public const string Refused = "Adresse ou mot de passe incorrect.";
    public const string LockedOut =
        "Trop de tentatives : le compte est verrouillé pendant 15 minutes. Contactez le médecin coordonnateur si besoin.";

    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null || !user.IsActive)
        {
            Error = Refused;
            logger.LogWarning("Connexion refusée");
            await AuditAsync(user, AuditAction.SignInFailed, StatusCodes.Status401Unauthorized);
            return Page();
        }
        // The password only, without signing in: whether a session opens now depends on the second factor.
        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
            if (await users.GetTwoFactorEnabledAsync(user))
            {
                await TwoStepSignIn.StartAsync(HttpContext, user);
                return RedirectToPage("/Account/Code", new { ReturnUrl = returnUrl });
            }
            if (await TwoStepSignIn.IsRequiredAsync(users, user))
            {
                // P16, ASVS V2.3.2: a role that reads medical data, or the administrator, gets no session before
                // enrolling an authenticator app.
                await TwoStepSignIn.StartAsync(HttpContext, user);
                return RedirectToPage("/Account/Enrol", new { ReturnUrl = returnUrl });
            }
            await signIn.SignInAsync(user, isPersistent: false);
            logger.LogInformation("Connexion de l'utilisateur {UserId}", user.Id);
            await AuditAsync(user, AuditAction.SignIn, StatusCodes.Status200OK);
            return returnUrl is null ? RedirectToPage("/Index") : LocalRedirect(returnUrl);
        }
        Error = result.IsLockedOut ? LockedOut : Refused;
        await AuditAsync(user, AuditAction.SignInFailed, result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized);
        logger.LogWarning("Connexion refusée pour l'utilisateur {UserId} (verrouillé : {Locked})", user.Id, result.IsLockedOut);
        return Page();
    }

    private Task AuditAsync(User? user, AuditAction action, int status) =>
        audit.AppendAsync(SignInEvent(user, action, "/Account/Login", status));

    /// <summary>Sign-ins, failures and lockouts go to the audit trail (ONC (d)(2)); the typed address is not kept for unknown accounts.</summary>
    public static AuditEvent SignInEvent(User? user, AuditAction action, string target, int status) => new()
    {
        UserId = user?.Id,
        UserName = user?.DisplayName ?? "(compte inconnu)",
        Action = action,
        Target = target,
        Status = status,
    };
}
