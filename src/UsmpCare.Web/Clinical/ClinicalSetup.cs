namespace UsmpCare.Web.Clinical;

/// <summary>The patient's clinical summary (issue #21): CIM-10 catalogue, problem list, vaccinations, results, recalls.</summary>
public static class ClinicalSetup
{
    public static IServiceCollection AddClinical(this IServiceCollection services)
    {
        services.AddScoped<Cim10Catalogue>();
        return services;
    }
}
