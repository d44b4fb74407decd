namespace UsmpCare.Web.Pages.CareRequests;

/// <summary>
/// Answer slips (« coupons-réponse ») carried back to the cells by officers: neutral wording, no team, no summary —
/// nothing medical (P05). One per identified request of a round, or of a wing for a day; printed in batch.
/// </summary>
[RequirePermission(Permission.LogCareRequests)]
public sealed class AnswerSlipsModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel
{
    public sealed record Slip(string Name, string Ecrou, string? Cell, string? Wing, DateTimeOffset CollectedAt,
        bool ReadsFrench, string? Language);

    [BindProperty(SupportsGet = true)] public Guid? RoundId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Wing { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }

    public IReadOnlyList<Slip> Slips { get; private set; } = [];
    public string UnitName { get; private set; } = "";
    public IReadOnlyList<string> Wings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var unit = await currentUnit.GetAsync();
        if (unit is null)
        {
            return Forbid();
        }
        UnitName = unit.Name;
        // A referral (no round) was not dropped in a box by the patient: no answer slip goes back for it.
        var requests = db.CareRequests.AsNoTracking().Where(r => r.UnitId == unit.Id && r.PatientId != null && r.RoundId != null);
        if (RoundId is { } roundId)
        {
            requests = requests.Where(r => r.RoundId == roundId);
        }
        else
        {
            var day = Day ?? Fr.Today(clock);
            var from = Fr.FromLocal(day.ToDateTime(TimeOnly.MinValue));
            var to = from.AddDays(1);
            requests = requests.Where(r => r.CollectedAt >= from && r.CollectedAt < to);
            if (!string.IsNullOrWhiteSpace(Wing))
            {
                requests = requests.Where(r => r.Wing == Wing);
            }
        }
        Slips = await requests.Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { r, p })
            .OrderBy(x => x.p.Cell).ThenBy(x => x.p.LastName)
            .Select(x => new Slip(x.p.LastName.ToUpper() + " " + x.p.FirstName, x.p.Ecrou, x.p.Cell, x.p.Wing,
                x.r.CollectedAt, x.p.ReadsFrench, x.p.SpokenLanguage))
            .ToListAsync();
        Wings = await db.CollectionRounds.AsNoTracking().Where(r => r.UnitId == unit.Id).Select(r => r.Wing).Distinct().ToListAsync();
        return Page();
    }
}
