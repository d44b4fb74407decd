using Microsoft.AspNetCore.Authorization;

namespace UsmpCare.Web.Authorization;

/// <summary>Puts a page or endpoint behind one permission of <see cref="RolePermissions"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(Permission permission) : base(PermissionPolicies.Name(permission))
    {
        Permission = permission;
    }

    public Permission Permission { get; }
}

public sealed class PermissionRequirement(Permission permission) : IAuthorizationRequirement
{
    public Permission Permission { get; } = permission;
}

/// <summary>Grants a permission requirement from the matrix, nothing else: unknown roles get nothing.</summary>
public sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Can(requirement.Permission))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

public static class PermissionPolicies
{
    public const string Prefix = "perm:";

    /// <summary>Explicit policy for pages every signed-in user has (home, sign-out, unit switcher).</summary>
    public const string SignedIn = "signed-in";

    public static string Name(Permission permission) => Prefix + permission;

    public static void AddPermissionPolicies(this AuthorizationOptions options)
    {
        // Deny by default: a page without its own policy still needs a signed-in user, and the endpoint test
        // (EndpointPolicyTests) fails the build of any page that relies on this fallback alone.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser());
        foreach (var permission in Enum.GetValues<Permission>())
        {
            options.AddPolicy(Name(permission), policy => policy
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }
    }
}
