using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// The sign-in in two steps. After the password, the user is not signed in: Identity's short-lived two-factor cookie
/// (5 minutes) names him, and only the code page or the enrolment page turn it into a session. Any first factor can
/// lead here — the password form today, another scheme tomorrow (docs/decisions/0009) — so the rule lives in one place.
/// </summary>
public static class TwoStepSignIn
{
    /// <summary>The <c>amr</c> value of a session opened with two factors (RFC 8176), as Identity's own 2FA sign-in sets it.</summary>
    public const string MultiFactor = "mfa";

    public static async Task<bool> IsRequiredAsync(UserManager<User> users, User user) =>
        (await users.GetRolesAsync(user)).Any(name => Enum.TryParse<Role>(name, out var role) && role.RequiresMfa());

    /// <summary>Remembers, for 5 minutes, that this browser gave the right password for this account.</summary>
    public static Task StartAsync(HttpContext http, User user)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString()));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The account whose password was just given, if still active; null otherwise (back to the sign-in page).</summary>
    public static async Task<User?> PendingAsync(HttpContext http, UserManager<User> users)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.Name);
        var user = id is null ? null : await users.FindByIdAsync(id);
        return user is { IsActive: true } ? user : null;
    }

    /// <summary>Both factors given: the pending cookie goes, the session cookie comes.</summary>
    public static async Task CompleteAsync(HttpContext http, SignInManager<User> signIn, User user)
    {
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", MultiFactor)]);
    }

    /// <summary>
    /// A lost or changed telephone: the second factor goes (key and recovery codes) and every open session ends (new
    /// security stamp); the user enrols again at his next sign-in, with a new key that nobody has seen.
    /// </summary>
    public static async Task ResetSecondFactorAsync(UserManager<User> users, IUserStore<User> store, User user,
        CancellationToken cancellation)
    {
        await ((IUserTwoFactorRecoveryCodeStore<User>)store).ReplaceCodesAsync(user, [], cancellation);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }
}
