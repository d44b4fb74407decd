using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// The authenticator-app (TOTP) check of every sign-in, enrolment, re-authentication and recovery-code renewal.
/// Identity's <c>AuthenticatorTokenProvider</c> accepts the same code again for as long as it lies in its ±90-second
/// window; here a code is usable once (ASVS V2.8.4, « un mot de passe à usage unique » of PGSSI-S): the step it matched
/// is kept on the account (<see cref="User.LastTotpStep"/>) and no step up to it is accepted again. The window is one
/// step each way (RFC 6238 §5.2: clock drift and typing time), not Identity's two.
/// </summary>
public sealed class ReplayGuardedAuthenticatorProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<User>
{
    public const string Name = "UsmpAuthenticator";

    /// <summary>Steps accepted around the current one: the previous, the current and the next.</summary>
    public const int Window = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || Totp.Normalize(token) is not { } code)
        {
            return false;
        }
        var secret = Totp.Base32Decode(key);
        var now = Totp.StepAt(clock.GetUtcNow());
        for (var step = now - Window; step <= now + Window; step++)
        {
            if (step <= (user.LastTotpStep ?? long.MinValue))
            {
                continue;
            }
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(secret, step)), Encoding.ASCII.GetBytes(code)))
            {
                // Saved with the account's concurrency stamp: of two requests racing with the same code, the second
                // fails to save and is refused.
                user.LastTotpStep = step;
                return (await manager.UpdateAsync(user)).Succeeded;
            }
        }
        return false;
    }

    /// <summary>The next step whose code would be accepted now, or null when the window is used up (demo hint).</summary>
    public static long? NextUsableStep(User user, DateTimeOffset now)
    {
        var current = Totp.StepAt(now);
        var next = Math.Max(current, (user.LastTotpStep ?? long.MinValue) + 1);
        return next <= current + Window ? next : null;
    }
}
