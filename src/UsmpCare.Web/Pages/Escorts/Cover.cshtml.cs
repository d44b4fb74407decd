using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Escorts;

/// <summary>
/// P21: the cover sheet « pli confidentiel — secret médical » under which the letters travel with a patient to an
/// extraction: previewed, then issued through <see cref="DocumentIssuing"/> (numbered, stored, in the ledger with the
/// patient's agreement or the legal exception, P02). Its text is checked like anything the AP may read.
/// </summary>
[RequirePermission(Permission.ManageEscorts)]
public sealed class CoverModel(AppDbContext db, PatientAccess access, DocumentIssuing issuing, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    public ExternalAppointment Appointment { get; private set; } = null!;
    public EscortPlace Place { get; private set; } = null!;
    public IssuedDocument? Issued { get; private set; }
    public string? PreviewHtml { get; private set; }

    /// <summary>P02: the exception that lets the pli go when the patient has not agreed to exchanges with health professionals.</summary>
    [BindProperty] public LegalException? Exception { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var preview = await issuing.PreviewAsync(await RequestAsync());
        preview.Problems.ToList().ForEach(p => ModelState.AddModelError("", p));
        PreviewHtml = preview.Html;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var appointment = await Db.ExternalAppointments.SingleAsync(a => a.Id == id);
        var request = await RequestAsync();
        var issued = await issuing.IssueAsync(request with
        {
            Keep = letter =>
            {
                appointment.CoverIssued(letter.Document!.Id);
                return null;
            },
        });
        TempData["Message"] = $"Pli confidentiel n° {issued.Document!.Number} établi : imprimez-le et glissez-y les courriers.";
        return RedirectToPage(new { id });
    }

    public IActionResult OnGetPdf() =>
        Issued is null ? NotFound() : File(Issued.Pdf, "application/pdf", $"{Issued.Number}.pdf");

    private async Task<DocumentRequest> RequestAsync()
    {
        var by = await issuing.IssuerAsync(User, Banner.Patient);
        var letter = CoverSheet.ForExtraction(Banner.Patient, by.Unit, Place, Appointment.At, by.Today);
        var template = Catalogue.ExtractionCover;
        return new DocumentRequest(by, Banner.Patient, letter, [LedgerLine.Of(template, Place.Name, Exception)])
        {
            Register = new Registration(template),
            // P21, P05: the escort reads the cover. A place named before names were checked may still carry a service.
            Problems = MedicalTextCheck.PlaceNameProblems(Place.Name) is { Count: > 0 } words
                ? [$"Le nom du lieu révèle une spécialité ou un service ({string.Join(", ", words)}) : corrigez la liste des lieux avant d'établir le pli (P21)."]
                : [],
            OutgoingTexts = [.. letter.Recipient, letter.Subject ?? "", .. letter.Body.Select(b => b.Text)],
        };
    }

    /// <summary>The patient is reached through the appointment the route names.</summary>
    protected override async Task<PatientOpening?> OpeningAsync(OpensPatientAttribute? declared)
    {
        var id = GuidOf("id");
        var appointment = await Db.ExternalAppointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (appointment is null)
        {
            return new PatientOpening(null, NotFound());
        }
        Appointment = appointment;
        return await Access.OpenAsync(appointment.PatientId, PatientNeed.ViewChart);
    }

    protected override async Task OnOpenedAsync()
    {
        Place = await Db.EscortPlaces.AsNoTracking().SingleAsync(p => p.Id == Appointment.PlaceId);
        Issued = Appointment.CoverDocumentId is { } documentId
            ? await Db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId)
            : null;
    }
}
