using UsmpCare.Web.Interop;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Records;

namespace UsmpCare.Web.Pages.Interop;

/// <summary>
/// P20: the patient's summary as a FHIR R4 Bundle, ready to upload to « Mon espace santé » — only while his latest word
/// on it is an agreement; each export is a disclosure in the ledger (P02). Physicians issue it, as they issue documents.
/// </summary>
[RequirePermission(Permission.IssueDocument)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class MonEspaceSanteModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    public string? Refusal { get; private set; }

    public IActionResult OnGet()
    {
        Refusal = FhirExport.WhyRefused(FhirPurpose.MonEspaceSante, Banner.Consents);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = Actor.Of(User);
        var (teams, _) = await RecordScopes.ReadableAsync(Db, Opened);
        var result = await FhirExport.ExportAsync(Db, Banner.Patient, FhirPurpose.MonEspaceSante, [.. teams], actor.Id,
            actor.Name, Clock.GetUtcNow());
        await Db.SaveChangesAsync();
        return File(System.Text.Encoding.UTF8.GetBytes(result.Json), "application/fhir+json", result.FileName);
    }
}
