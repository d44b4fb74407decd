using Microsoft.Extensions.Options;
using UsmpCare.Domain.CareRequests;

namespace UsmpCare.Web.CareRequests;

/// <summary>How long a request may wait, per urgency, before it stands out as overdue (appsettings « CareRequests »).</summary>
public sealed class CareRequestOptions
{
    public int UrgentOverdueHours { get; set; } = 24;
    public int ThisWeekOverdueHours { get; set; } = 7 * 24;
    public int NotUrgentOverdueHours { get; set; } = 21 * 24;

    public TimeSpan OverdueAfter(Urgency urgency) => TimeSpan.FromHours(urgency switch
    {
        Urgency.Urgent => UrgentOverdueHours,
        Urgency.ThisWeek => ThisWeekOverdueHours,
        _ => NotUrgentOverdueHours,
    });
}

public sealed class CareRequestRules(IOptions<CareRequestOptions> options)
{
    public CareRequestOptions Options => options.Value;

    public bool IsOverdue(CareRequest request, DateTimeOffset now) =>
        request.IsOpen && request.AgeAt(now) > Options.OverdueAfter(request.Urgency);
}
