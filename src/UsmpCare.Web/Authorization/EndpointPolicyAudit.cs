using Microsoft.AspNetCore.Authorization;

namespace UsmpCare.Web.Authorization;

/// <summary>
/// Deny by default, checked: every endpoint must name a policy, or be anonymous and on the short allow-list.
/// Endpoints relying on the fallback policy alone are reported. Used by EndpointPolicyTests.
/// </summary>
public static class EndpointPolicyAudit
{
    /// <summary>Routes that must be reachable without signing in.</summary>
    public static IReadOnlySet<string> AnonymousAllowList { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/Account/Login",
        // The second step of the sign-in: the user has given his password but is not signed in yet.
        "/Account/Code",
        "/Account/Enrol",
        "/Account/AccessDenied",
        "/Error",
        "/health/live",
        "/health/ready",
    };

    public static IReadOnlyList<string> FindViolations(IEnumerable<Endpoint> endpoints, IReadOnlySet<string> anonymousAllowList)
    {
        var violations = new List<string>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var metadata = endpoint.Metadata;
            if (metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                if (!anonymousAllowList.Contains(route))
                {
                    violations.Add($"{route}: anonyme mais absent de la liste autorisée");
                }
                continue;
            }
            var hasPolicy = metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(a => !string.IsNullOrWhiteSpace(a.Policy) || !string.IsNullOrWhiteSpace(a.Roles));
            if (!hasPolicy)
            {
                violations.Add($"{route}: aucune politique d'autorisation explicite");
            }
        }
        return violations;
    }
}
