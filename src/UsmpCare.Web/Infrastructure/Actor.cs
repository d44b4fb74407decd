using System.Security.Claims;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;

namespace UsmpCare.Web.Infrastructure;

/// <summary>Who is acting, as written in histories and on documents.</summary>
public sealed record Actor(Guid Id, string Name)
{
    public static Actor Of(ClaimsPrincipal user) => new(user.UserId()!.Value,
        (user.Roles().Any(r => r.IsPhysician()) ? "Dr " : "") + (user.FindFirst(UsmpClaims.DisplayName)?.Value ?? ""));
}
