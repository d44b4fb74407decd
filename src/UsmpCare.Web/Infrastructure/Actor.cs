using System.Security.Claims;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// Who is acting, as written in histories, clinical entries and documents: the one way to name an author (« Dr » before
/// a physician's name), so an entry's author, its signer and its amendments read the same.
/// </summary>
public sealed record Actor(Guid Id, string Name)
{
    public static Actor Of(ClaimsPrincipal user) => new(user.UserId()!.Value,
        NameOf(user.FindFirst(UsmpClaims.DisplayName)?.Value ?? "", user.Roles().Any(r => r.IsPhysician())));

    public static string NameOf(string displayName, bool physician) => (physician ? "Dr " : "") + displayName;
}
