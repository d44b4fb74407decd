namespace UsmpCare.Web.Auditing;

/// <summary>The audit trail (P16): its key, the chain, the hosted writer and the page filter.</summary>
public static class AuditingSetup
{
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddSingleton<AuditKey>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(provider => provider.GetRequiredService<AuditTrail>());
        services.AddScoped<AuditPageFilter>();
        // P16: every read and write of medical data is audited before the page is served.
        services.Configure<MvcOptions>(options => options.Filters.AddService<AuditPageFilter>());
        return services;
    }
}
