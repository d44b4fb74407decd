using UsmpCare.Web.Disclosures;

namespace UsmpCare.Web.Documents;

/// <summary>What leaves the care team: the text check of outgoing words (P25) and the one use case that issues documents.</summary>
public static class DocumentsSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<OutgoingText>();
        services.AddScoped<DocumentIssuing>();
        return services;
    }
}
