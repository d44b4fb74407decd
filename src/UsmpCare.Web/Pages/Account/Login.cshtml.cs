using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Connexion de l'utilisateur {UserId}", user.Id);
            await AuditAsync(user, AuditAction.SignIn, StatusCodes.Status200OK);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        Error = result.IsLockedOut ? LockedOut : Refused;
        await AuditAsync(user, AuditAction.SignInFailed, result.IsLockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized);
        logger.LogWarning("Connexion refusée pour l'utilisateur {UserId} (verrouillé : {Locked})", user.Id, result.IsLockedOut);
        return Page();
    }

    /// <summary>Sign-ins, failures and lockouts go to the audit trail (ONC (d)(2)); the typed address is not kept for unknown accounts.</summary>
    private Task AuditAsync(User? user, AuditAction action, int status) => audit.AppendAsync(new AuditEvent
    {
        UserId = user?.Id,
        UserName = user?.DisplayName ?? "(compte inconnu)",
        Action = action,
        Target = "/Account/Login",
        Status = status,
    });
}
