namespace UsmpCare.Web.Data;

/// <summary>The database: one AppDbContext over the app's role, its readiness check, and ReportingDb for the reads a replica may serve.</summary>
public static class DataSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        // The options are built once (singleton), not for every request's context: building them parsed the connection
        // string again and looked EF Core's internal service provider up on each page (issue #22, « Where a page's time
        // goes » in docs/performance.md). The configuration they read is fixed at start.
        services.AddDbContext<AppDbContext>((provider, options) =>
            Database.Configure(options, Database.ConnectionString(provider.GetRequiredService<IConfiguration>())),
            contextLifetime: ServiceLifetime.Scoped, optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<ReplicaOptions>();
        services.AddScoped<ReportingDb>();
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: ["ready"]);
        return services;
    }
}
