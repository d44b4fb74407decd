namespace UsmpCare.Web.Treatments;

/// <summary>Treatments (issue #20): the drug referential and, on it, prescriptions and allergies.</summary>
public static class TreatmentsSetup
{
    public static IServiceCollection AddTreatments(this IServiceCollection services) => services;
}
