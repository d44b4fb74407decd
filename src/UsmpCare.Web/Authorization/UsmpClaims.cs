using System.Security.Claims;

namespace UsmpCare.Web.Authorization;

/// <summary>Claims UsmpCare adds at sign-in, and how to read them back.</summary>
public static class UsmpClaims
{
    public const string Team = "usmp:team";
    public const string Unit = "usmp:unit";
    public const string DisplayName = "usmp:name";

    public static IReadOnlyList<Role> Roles(this ClaimsPrincipal user) =>
        [.. user.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<Role>(c.Value, out var role) ? role : (Role?)null)
            .OfType<Role>()];

    public static Team? TeamOf(this ClaimsPrincipal user) =>
        Enum.TryParse<Team>(user.FindFirstValue(Team), out var team) ? team : null;

    public static IReadOnlySet<Guid> UnitIds(this ClaimsPrincipal user) =>
        user.FindAll(Unit).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToHashSet();

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool Can(this ClaimsPrincipal user, Permission permission) =>
        user.Identity?.IsAuthenticated == true && RolePermissions.AllowsAny(user.Roles(), permission);
}
