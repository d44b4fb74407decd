using Microsoft.AspNetCore.Authorization;

namespace UsmpCare.Web.Authorization;

/// <summary>The role × permission matrix as policies, and the handlers that check a resource's unit and team.</summary>
public static class AuthorizationSetup
{
    public static IServiceCollection AddAuthorizationMatrix(this IServiceCollection services)
    {
        services.AddAuthorization(options => options.AddPermissionPolicies());
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationHandler, UnitScopeHandler>();
        services.AddSingleton<IAuthorizationHandler, RecordScopeHandler>();
        return services;
    }
}
