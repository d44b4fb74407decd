using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Records;

/// <summary>Medication round: given, refused (the refusal is respected and recorded), or patient not present.</summary>
[RequirePermission(Permission.RecordMedicationAdministration)]
public sealed class MedicationModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : NurseEntryPage(db, access, clock)
{
    [BindProperty] public string? Medication { get; set; }
    [BindProperty] public string? Dose { get; set; }
    [BindProperty] public MedicationOutcome? Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IActionResult OnGet() => Page();

    public Task<IActionResult> OnPostAsync() =>
        SignNewAsync(EntryKind.MedicationAdministration, entry =>
        {
            entry.Medication = string.IsNullOrWhiteSpace(Medication) ? null : Medication.Trim();
            entry.Dose = string.IsNullOrWhiteSpace(Dose) ? null : Dose.Trim();
            entry.MedicationOutcome = Outcome;
            entry.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
        }, "Distribution enregistrée.");
}
