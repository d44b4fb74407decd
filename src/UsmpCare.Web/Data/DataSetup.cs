namespace UsmpCare.Web.Data;

/// <summary>The database: one AppDbContext over the app's role, and its readiness check.</summary>
public static class DataSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddDbContext<AppDbContext>((provider, options) =>
            Database.Configure(options, Database.ConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: ["ready"]);
        return services;
    }
}
