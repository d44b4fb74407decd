using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Records;

/// <summary>
/// P17: a signed entry is corrected by an amendment linked to it. A consultation's amendment opens as a draft in the
/// consultation editor; a nurse's note or round is amended and signed here at once.
/// </summary>
[RequirePermission(Permission.ReadRecord)]
[OpensPatient(PatientNeed.WriteRecord, Entry = true)]
public sealed class AmendModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    public ClinicalEntry Original => OpenedEntry;

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IActionResult OnGet()
    {
        Note = Original.Note;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Team team)
    {
        var now = Clock.GetUtcNow();
        var (userId, name) = Actor.Of(User);
        var amendment = Original.Amend(Reason ?? "", userId, name, now);
        if (Original.Kind != EntryKind.Consultation)
        {
            amendment.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
            amendment.Sign(userId, name, now, signerHasTreatedPatient: false, MinorCare.Adult);
        }
        Db.Add(amendment);
        await Db.SaveChangesAsync();
        return amendment.Kind == EntryKind.Consultation
            ? RedirectToPage("/Records/Consultation", new { id = amendment.Id })
            : RedirectToPage("/Records/Entry", new { team, id = Original.Id });
    }

    /// <summary>P17, P30: only the entry's own team amends it, with the permission its kind asks for.</summary>
    protected override async Task<PatientOpening?> OpeningAsync(OpensPatientAttribute? declared)
    {
        var opening = await base.OpeningAsync(declared);
        return opening?.Entry is { } entry && !(EntryModel.AmendPermission(entry.Kind) is { } permission && User.Can(permission))
            ? new PatientOpening(null, Forbid())
            : opening;
    }
}
