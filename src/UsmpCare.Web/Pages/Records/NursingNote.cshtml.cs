using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Records;

[Infrastructure.ShowsInputErrors]
[RequirePermission(Permission.WriteNursingNote)]
public sealed class NursingNoteModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : NurseEntryPage(db, access, clock)
{
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public VitalSigns Vitals { get; set; } = new();

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return await SignNewAsync(EntryKind.NursingNote, entry =>
        {
            entry.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
            entry.Vitals = Vitals;
        }, "Transmission enregistrée.");
    }
}
