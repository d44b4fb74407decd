using UsmpCare.Domain.CareRequests;
using UsmpCare.Web.CareRequests;

namespace UsmpCare.Web.Pages.CareRequests;

/// <summary>
/// The queue of care requests for the user's team (P30: a psychiatric request reaches the psychiatric team only):
/// urgency first, then the longest wait; overdue requests stand out.
/// </summary>
[RequirePermission(Permission.HandleCareRequests)]
public sealed class IndexModel(AppDbContext db, CurrentUnit currentUnit, CareRequestRules rules, TimeProvider clock)
    : PageModel
{
    public sealed record Row(CareRequest Request, string Who, string? Cell, TimeSpan Age, bool Overdue);

    [BindProperty(SupportsGet = true)] public RequestTeam? Team { get; set; }
    [BindProperty(SupportsGet = true)] public string? Wing { get; set; }
    [BindProperty(SupportsGet = true)] public CareRequestStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nurse { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<RequestTeam> MyTeams { get; private set; } = [];
    public IReadOnlyList<string> Wings { get; private set; } = [];
    public IReadOnlyList<string> Nurses { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        var unitId = await currentUnit.IdAsync();
        var team = User.TeamOf();
        MyTeams = team is null ? [] : CareRequest.RequestTeamsOf(team.Value);
        var teams = Team is { } chosen && MyTeams.Contains(chosen) ? [chosen] : MyTeams.ToList();
        var query = db.CareRequests.AsNoTracking().Where(r => r.UnitId == unitId && teams.Contains(r.Team));
        query = Status is { } status
            ? query.Where(r => r.Status == status)
            : query.Where(CareRequest.Open);
        if (!string.IsNullOrWhiteSpace(Wing))
        {
            query = query.Where(r => r.Wing == Wing);
        }
        if (!string.IsNullOrWhiteSpace(Nurse))
        {
            query = query.Where(r => r.LoggedByName == Nurse);
        }
        var rows = await query
            .OrderBy(r => r.Urgency == Urgency.Urgent ? 0 : r.Urgency == Urgency.ThisWeek ? 1 : 2)
            .ThenBy(r => r.CollectedAt)
            .Skip((Paged<int>.Clamp(PageNumber) - 1) * Paged<CareRequest>.Size).Take(Paged<CareRequest>.Size + 1)
            .GroupJoin(db.Patients, r => r.PatientId, p => p.Id, (r, ps) => new { r, ps })
            .SelectMany(x => x.ps.DefaultIfEmpty(), (x, p) => new { x.r, Name = p == null ? null : p.LastName.ToUpper() + " " + p.FirstName, Ecrou = p == null ? null : p.Ecrou, Cell = p == null ? null : p.Cell })
            .ToListAsync();
        var page = new Paged<int>([], Paged<int>.Clamp(PageNumber), rows.Count > Paged<CareRequest>.Size);
        Pager = Pager.For(page, Request);
        rows = [.. rows.Take(Paged<CareRequest>.Size)];
        Rows = [.. rows.Select(x => new Row(x.r,
            x.Name is null ? (x.r.Anonymous ? "Anonyme" : $"Non identifié : {x.r.UnidentifiedName}") : $"{x.Name} ({x.Ecrou})",
            x.Cell, x.r.AgeAt(Now), rules.IsOverdue(x.r, Now)))];
        // The filters' choices come from the rounds of the last months (a few per day), not from every request or
        // every round of the unit's history: a wing renamed or a nurse gone years ago is no use in today's queue, and
        // 20 years of rounds would cost more than the queue itself (issue #9). A value chosen in the URL stays listed.
        var recent = Now.AddDays(-FilterChoicesDays);
        var choices = await db.CollectionRounds.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.CollectedAt >= recent)
            .Select(r => new { r.Wing, r.OpenedByName }).Distinct().ToListAsync();
        Wings = Choices(choices.Select(c => c.Wing), Wing);
        Nurses = Choices(choices.Select(c => c.OpenedByName), Nurse);
    }

    /// <summary>How far back the wing and nurse filters look for their choices.</summary>
    public const int FilterChoicesDays = 180;

    private static List<string> Choices(IEnumerable<string> values, string? chosen) =>
        [.. values.Append(chosen ?? "").Where(v => v.Length > 0).Distinct().Order(StringComparer.Create(Fr.Culture, ignoreCase: true))];
}
