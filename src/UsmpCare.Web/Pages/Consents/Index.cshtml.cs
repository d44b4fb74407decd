using UsmpCare.Domain.Consents;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Consents;

/// <summary>
/// The patient's consent registry: every agreement, refusal, information and objection, dated and attributed, never
/// overwritten (P02, P03, P11, P20, P30, P07). The current state is read from the history.
/// </summary>
[RequirePermission(Permission.RecordConsent)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class IndexModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    public ConsentState State => Banner.Consents;

    [BindProperty] public ConsentTopic Topic { get; set; }
    [BindProperty] public ConsentDecision Decision { get; set; }
    [BindProperty] public OutsideCategory? Category { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? Expression { get; set; }

    // P36, art. L.1111-5 CSP: for a minor, who holds parental authority and was reached, or the adult who accompanies
    // a minor objecting to their being consulted. The domain refuses a holder's answer without a name or a quality.
    [BindProperty] public string? HolderName { get; set; }
    [BindProperty] public HolderQuality? HolderQuality { get; set; }
    [BindProperty] public DateOnly? HolderReachedOn { get; set; }
    [BindProperty] public string? AccompanyingAdult { get; set; }
    [TempData] public string? Message { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(Guid patientId)
    {
        var actor = Actor.Of(User);
        var holder = Topic == ConsentTopic.ParentalAuthority && HolderQuality is { } quality
            ? new ParentalHolder(HolderName ?? "", quality, HolderReachedOn ?? Fr.Today(Clock))
            : null;
        var entry = new ConsentEntry(patientId, Topic, Decision, Category, RecipientName, Expression ?? "", actor.Id,
            actor.Name, Clock.GetUtcNow(), holder, AccompanyingAdult);
        Db.ConsentEntries.Add(entry);
        await Db.SaveChangesAsync();
        Message = $"Enregistré : {Topic.Label()} — {Decision.Label()}.";
        return RedirectToPage(new { patientId });
    }
}
