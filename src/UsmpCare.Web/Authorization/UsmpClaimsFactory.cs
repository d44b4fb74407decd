using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using UsmpCare.Web.Accounts;

namespace UsmpCare.Web.Authorization;

/// <summary>Adds team, units and display name to the sign-in cookie so scope checks need no query.</summary>
public sealed class UsmpClaimsFactory(
    UserManager<User> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<User, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UsmpClaims.DisplayName, user.DisplayName));
        if (user.Team is { } team)
        {
            identity.AddClaim(new Claim(UsmpClaims.Team, team.ToString()));
        }
        var unitIds = await db.UnitMemberships.Where(m => m.UserId == user.Id).Select(m => m.UnitId).ToListAsync();
        foreach (var unitId in unitIds)
        {
            identity.AddClaim(new Claim(UsmpClaims.Unit, unitId.ToString()));
        }
        return identity;
    }
}
