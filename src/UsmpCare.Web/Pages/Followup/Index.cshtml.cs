using UsmpCare.Domain.Followup;
using UsmpCare.Web.Followup;

namespace UsmpCare.Web.Pages.Followup;

/// <summary>
/// The unit's follow-up for a clinician (issue #21, point 5): the results he must acknowledge (those he ordered first),
/// the tests overdue for their result, the recalls to book. P30: his own team's items only (<see cref="FollowupLists"/>).
/// </summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class IndexModel(CurrentUnit currentUnit, FollowupLists lists, TimeProvider clock) : PageModel
{
    /// <summary>Recalls due within this many days are listed, so they can be booked in time.</summary>
    public const int RecallHorizonDays = 14;

    [BindProperty(SupportsGet = true)] public int Days { get; set; } = TestOrder.OverdueAfterDays;

    public DateOnly Today { get; private set; }
    public IReadOnlyList<FollowupLine<TestOrder>> ToAcknowledge { get; private set; } = [];
    public IReadOnlyList<FollowupLine<TestOrder>> Overdue { get; private set; } = [];
    public IReadOnlyList<FollowupLine<Recall>> RecallsDue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Today = Fr.Today(clock);
        Days = Math.Clamp(Days, 1, 365);
        if (await currentUnit.IdAsync() is not { } unitId || User.TeamOf() is not { } team)
        {
            return;
        }
        ToAcknowledge = await lists.ToAcknowledgeAsync(unitId, team, User.UserId()!.Value);
        Overdue = await lists.OverdueAsync(unitId, team, Today, Days);
        RecallsDue = await lists.RecallsDueAsync(unitId, team, Today.AddDays(RecallHorizonDays));
    }
}
