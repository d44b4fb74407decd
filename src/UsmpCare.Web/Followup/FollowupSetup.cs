namespace UsmpCare.Web.Followup;

/// <summary>The follow-up of issue #21 (points 5 and 6): the unit's lists of results and recalls; the patient pages live in Pages/Followup.</summary>
public static class FollowupSetup
{
    public static IServiceCollection AddFollowup(this IServiceCollection services) => services.AddScoped<FollowupLists>();
}
