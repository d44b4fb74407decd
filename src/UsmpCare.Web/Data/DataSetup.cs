namespace UsmpCare.Web.Data;

/// <summary>The database: one AppDbContext over the app's role, its readiness check, and ReportingDb for the reads a replica may serve.</summary>
public static class DataSetup
{
    public static IServiceCollection AddDatabase(this IServiceCollection services)
    {
        services.AddDbContext<AppDbContext>((provider, options) =>
            Database.Configure(options, Database.ConnectionString(provider.GetRequiredService<IConfiguration>())));
        services.AddSingleton<ReplicaOptions>();
        services.AddScoped<ReportingDb>();
        services.AddHealthChecks().AddCheck<DatabaseReadiness>("database", tags: ["ready"]);
        return services;
    }
}
