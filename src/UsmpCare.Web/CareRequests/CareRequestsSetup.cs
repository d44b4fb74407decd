
namespace UsmpCare.Web.CareRequests;

/// <summary>Care requests (P33): the unit's delays, read from configuration, and the rules that use them.</summary>
public static class CareRequestsSetup
{
    public static WebApplicationBuilder AddCareRequests(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CareRequestOptions>(builder.Configuration.GetSection("CareRequests"));
        builder.Services.AddSingleton<CareRequestRules>();
        return builder;
    }
}
