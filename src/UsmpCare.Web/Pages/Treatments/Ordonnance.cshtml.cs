using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>
/// The ordonnance of a signed prescription (issue #20, P15), issued through <see cref="DocumentIssuing"/>: the preview
/// is the letter that is stored, numbered, ledgered as handed to the patient, and printed from the stored bytes.
/// </summary>
[RequirePermission(Permission.Prescribe)]
[OpensPatient(PatientNeed.WriteRecord)]
public sealed class OrdonnanceModel(AppDbContext db, PatientAccess access, DocumentIssuing issuing, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    [BindProperty(SupportsGet = true)] public Guid PrescriptionId { get; set; }
    [TempData] public string? Message { get; set; }

    public Prescription Prescription { get; private set; } = null!;
    public string PreviewHtml { get; private set; } = "";
    public IReadOnlyList<IssuedDocument> Issued { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid patientId)
    {
        if (await SignedAsync(patientId) is { } missing)
        {
            return missing;
        }
        PreviewHtml = (await issuing.PreviewAsync(await RequestAsync())).Html;
        Issued = await Db.IssuedDocuments.AsNoTracking()
            .Where(d => d.PatientId == patientId && d.Kind == DocumentKind.Ordonnance && d.SourceEntryId == PrescriptionId)
            .OrderByDescending(d => d.IssuedAt).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid patientId)
    {
        if (await SignedAsync(patientId) is { } missing)
        {
            return missing;
        }
        var issued = await issuing.IssueAsync(await RequestAsync());
        Message = $"Ordonnance n° {issued.Document!.Number} émise.";
        return RedirectToPage(new { patientId, PrescriptionId });
    }

    /// <summary>The stored PDF: what was printed is what was issued.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid patientId, Guid documentId)
    {
        if (await SignedAsync(patientId) is { } missing)
        {
            return missing;
        }
        var document = await Db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId
            && d.PatientId == patientId && d.Kind == DocumentKind.Ordonnance && d.SourceEntryId == PrescriptionId);
        return document is null ? NotFound() : File(document.Pdf, "application/pdf", $"{document.Number}.pdf");
    }

    /// <summary>P30: the prescriber's team prints its own prescriptions only; a draft or a stop has no ordonnance.</summary>
    private async Task<IActionResult?> SignedAsync(Guid patientId)
    {
        var team = User.TeamOf();
        var prescription = await Db.Prescriptions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PrescriptionId
            && p.PatientId == patientId && p.Team == team && p.Status == PrescriptionStatus.Signed && p.Change != PrescriptionChange.Stop);
        if (prescription is null)
        {
            return NotFound();
        }
        Prescription = prescription;
        return null;
    }

    private async Task<DocumentRequest> RequestAsync()
    {
        var by = await issuing.IssuerAsync(User, Banner.Patient);
        var template = Catalogue.Ordonnance;
        return new DocumentRequest(by, Banner.Patient, OrdonnanceBuilder.Build(Prescription, Banner.Patient, by.Unit),
            [LedgerLine.Of(template, Banner.Patient.FullName, LegalException.PatientHimself)])
        {
            Register = new Registration(template, SourceEntryId: Prescription.Id),
        };
    }
}
