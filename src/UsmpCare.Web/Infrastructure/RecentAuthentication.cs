using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using UsmpCare.Domain;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// Re-authentication before a sensitive action (ASVS V3.7.1; PGSSI-S): issuing a document, a pack or a letter that
/// leaves the unit, answering the administration, breaking the glass. The time of the last authentication — the
/// sign-in, or a later confirmation — is kept in the sign-in cookie's protected properties. When it is older than
/// <c>Security:ReauthMinutes</c> (10 by default), the form shows one more field (<c>_Reauth</c>) and the POST handler
/// asks for the password or a fresh authenticator code there, in the same form: what was typed is never lost.
/// </summary>
public sealed class RecentAuthentication(IHttpContextAccessor accessor, UserManager<User> users, AuditTrail audit,
    IConfiguration configuration, TimeProvider clock)
{
    public const string Field = "Reauth";
    public const string SignedInItem = "usmp.signedin";
    public const string ConfirmedItem = "usmp.reauth";

    public const string Required =
        "Cette action demande de confirmer votre identité : saisissez votre mot de passe ou un code de votre application " +
        "d'authentification dans le champ « Confirmez votre identité ». Rien n'a été enregistré ; le formulaire est conservé.";

    public const string Wrong =
        "Mot de passe ou code incorrect : rien n'a été enregistré ; le formulaire est conservé.";

    private bool _confirmed;

    public int Minutes => configuration.GetValue("Security:ReauthMinutes", 10);

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("no request");

    /// <summary>Whether the user authenticated (signed in or confirmed) within the last <see cref="Minutes"/>.</summary>
    public async Task<bool> IsRecentAsync()
    {
        if (_confirmed)
        {
            return true;
        }
        var result = await Http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var items = result.Properties?.Items ?? new Dictionary<string, string?>();
        var last = new[] { SignedInItem, ConfirmedItem }
            .Select(k => items.TryGetValue(k, out var v) && DateTimeOffset.TryParse(v, out var at) ? at : (DateTimeOffset?)null)
            .Max();
        return last is { } at && clock.GetUtcNow() - at < TimeSpan.FromMinutes(Minutes);
    }

    /// <summary>
    /// The one way a sensitive POST handler asks for it, before it changes anything: returns when the action may go
    /// on, else throws the French reason as a <see cref="DomainException"/>, which <see cref="ShowDomainErrorsFilter"/>
    /// shows on the same form with what was typed (nothing saved).
    /// </summary>
    public async Task ConfirmAsync()
    {
        if (await RequireAsync() is { } problem)
        {
            throw new DomainException(problem);
        }
    }

    /// <summary>
    /// Null when the action may go on: the authentication is recent, or the password or code typed in the
    /// <see cref="Field"/> field of the posted form is right. Otherwise the French reason, and nothing may be saved.
    /// </summary>
    public async Task<string?> RequireAsync()
    {
        if (await IsRecentAsync())
        {
            return null;
        }
        var typed = Http.Request.HasFormContentType ? (await Http.Request.ReadFormAsync())[Field].ToString() : "";
        if (string.IsNullOrEmpty(typed) || await users.GetUserAsync(Http.User) is not { } user)
        {
            return Required;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return Pages.Account.LoginModel.LockedOut;
        }
        // Passwords have 12 characters or more, so six digits can only be an authenticator code (used once, like at
        // sign-in).
        var accepted = Totp.Normalize(typed) is { } code && await users.GetTwoFactorEnabledAsync(user)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            : await users.CheckPasswordAsync(user, typed);
        var target = Http.Request.Path.Value ?? "";
        if (!accepted)
        {
            // Same lockout as the sign-in (ASVS V2.2.1); once locked, the session ends too: someone who is not the
            // user may be at the keyboard.
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user))
            {
                await users.UpdateSecurityStampAsync(user);
            }
            await audit.AppendAsync(AuditEvent.By(Http.User, AuditAction.ReauthFailed, target, StatusCodes.Status401Unauthorized));
            return Wrong;
        }
        await users.ResetAccessFailedCountAsync(user);
        await MarkAsync();
        await audit.AppendAsync(AuditEvent.By(Http.User, AuditAction.Reauthenticated, target, StatusCodes.Status200OK));
        return null;
    }

    /// <summary>Re-issues the sign-in cookie with the time of this confirmation.</summary>
    private async Task MarkAsync()
    {
        _confirmed = true;
        var result = await Http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (result.Principal is null || result.Properties is null)
        {
            return;
        }
        result.Properties.Items[ConfirmedItem] = clock.GetUtcNow().ToString("O");
        result.Properties.IssuedUtc = null;
        result.Properties.ExpiresUtc = null;
        await Http.SignInAsync(IdentityConstants.ApplicationScheme, result.Principal, result.Properties);
    }
}
