using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// Checks the sign-in cookie against the account on every request, with one indexed query: a cookie whose security
/// stamp is no longer the account's (sign-out, suspension, team change, second factor reset, password change), or of
/// a disabled account, is refused at once and the user signs in again.
/// </summary>
/// <remarks>
/// Identity's own <see cref="SecurityStampValidator"/> checked at an interval of zero did the same with six queries
/// (user, claims, roles, role claims, units) and re-issued the cookie each time, the largest fixed cost of a page
/// (issue #9, docs/performance.md). The principal needs no rebuilding here: everything the cookie carries (role,
/// team, units, name) changes only together with the stamp — every page that changes them calls
/// <c>UpdateSecurityStampAsync</c> — so an unchanged stamp means unchanged claims.
/// </remarks>
public static class SessionCheck
{
    private sealed record Account(string? SecurityStamp, bool IsActive);

    private static readonly Func<AppDbContext, Guid, Task<Account?>> Load = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id) => db.Users.Where(u => u.Id == id).Select(u => new Account(u.SecurityStamp, u.IsActive)).FirstOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stampType = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>()
            .Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampType);
        var account = principal?.UserId() is { } id
            ? await Load(context.HttpContext.RequestServices.GetRequiredService<AppDbContext>(), id)
            : null;
        if (account is null || !account.IsActive || stamp is null || !string.Equals(stamp, account.SecurityStamp, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
