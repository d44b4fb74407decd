using UsmpCare.Domain.Patients;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Pages.Patients;

/// <summary>
/// The patient's allergies (issue #20): « non renseignées », « aucune allergie connue » or the list. Clinicians of
/// either team read and write them: an allergy is a safety matter the whole care team needs (art. L1110-4 CSP,
/// information shared within the care team for the continuity of care), not a note of one team's record (P30).
/// </summary>
[RequirePermission(Permission.ViewPatientChart)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class AllergiesModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    [BindProperty] public AllergenKind Kind { get; set; }
    [BindProperty] public string? Substance { get; set; }
    [BindProperty] public string? Reaction { get; set; }
    [BindProperty] public AllergySeverity Severity { get; set; }
    [BindProperty] public int Number { get; set; }
    [BindProperty] public AllergyWithdrawal Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public bool CanWrite { get; private set; }

    [OpensPatient(PatientNeed.ReadChart)]
    public IActionResult OnGet()
    {
        CanWrite = !Opened.ReadOnly && Opened.TransferUnit is null;
        return Page();
    }

    public Task<IActionResult> OnPostRecordAsync(Guid patientId) => WriteAsync(patientId, async (record, by, now) =>
    {
        var code = default(string);
        var name = Substance ?? "";
        if (Kind == AllergenKind.Drug && await Db.Drugs.FindSubstanceAsync(Substance) is { } substance)
        {
            // Coded from the referential, so the prescriber's check and the FHIR export name the same substance.
            (code, name) = (substance.Code, substance.Name);
        }
        record.Record(Kind, name, code, Reaction, Severity, by, now);
        return $"Allergie à « {name.Trim()} » enregistrée.";
    });

    public Task<IActionResult> OnPostNoneKnownAsync(Guid patientId) => WriteAsync(patientId, (record, by, now) =>
    {
        record.StateNoneKnown(by, now);
        return Task.FromResult("« Aucune allergie connue » enregistré.");
    });

    public Task<IActionResult> OnPostWithdrawAsync(Guid patientId) => WriteAsync(patientId, (record, by, now) =>
    {
        record.Withdraw(Number, Reason, by, now);
        return Task.FromResult($"Allergie retirée ({Reason.Label()}) : elle reste visible dans l'historique.");
    });

    private async Task<IActionResult> WriteAsync(Guid patientId, Func<AllergyRecord, string, DateTimeOffset, Task<string>> change)
    {
        CanWrite = !Opened.ReadOnly;
        if (!CanWrite)
        {
            return Forbid();
        }
        var patient = await Db.Patients.SingleAsync(p => p.Id == patientId);
        Message = await change(patient.Allergies, Actor.Of(User).Name, Clock.GetUtcNow());
        await Db.SaveChangesAsync();
        return RedirectToPage(new { patientId });
    }
}
