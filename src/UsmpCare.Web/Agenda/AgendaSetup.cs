namespace UsmpCare.Web.Agenda;

/// <summary>The unit's agenda and day's list (issue #21): booking with its checks, and who reads which slot (P30).</summary>
public static class AgendaSetup
{
    public static IServiceCollection AddAgenda(this IServiceCollection services) => services.AddScoped<AgendaBook>();
}
