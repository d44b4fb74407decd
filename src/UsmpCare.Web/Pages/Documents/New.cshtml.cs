using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Documents;

/// <summary>
/// Issue a certificate or attestation in two clicks — « Aperçu » then « Émettre » — with the preview of exactly what
/// leaves (P25). Built from a signed consultation's findings where the template states findings (P22); templates for
/// the AP and the JAP carry no diagnosis and their free text is checked; the issued PDF is stored and immutable.
/// </summary>
[RequirePermission(Permission.IssueDocument)]
[OpensPatient(PatientNeed.WriteRecord)]
public sealed class NewModel(AppDbContext db, PatientAccess access, DocumentIssuing issuing,
    RecentAuthentication reauth, TimeProvider clock) : PatientPageModel(db, access, clock)
{
    [BindProperty] public CertificateInput Input { get; set; } = new();
    public IReadOnlyList<ClinicalEntry> Consultations { get; private set; } = [];
    public AdministrationRequest? AdminRequest { get; private set; }
    public IssuedDocument? Replaces { get; private set; }
    public string? PreviewHtml { get; private set; }
    public IReadOnlyList<string> Blocked { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(DocumentKind kind, Guid? requestId, Guid? replaces)
    {
        Input = new CertificateInput { Kind = kind, RequestId = requestId, ReplacesId = replaces, From = Fr.Today(Clock) };
        await LoadAsync();
        if (Replaces is { } old)
        {
            Input.Kind = old.Kind;
            Input.SourceEntryId = old.SourceEntryId;
            Input.RequestedByPatient = old.RequestedByPatient;
        }
        Input.SourceEntryId ??= Consultations.FirstOrDefault(c => c.Findings is not null)?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await LoadAsync();
        if (await RequestAsync() is { } request)
        {
            await PreviewAsync(request);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync()
    {
        await LoadAsync();
        if (await RequestAsync() is not { } request || !await PreviewAsync(request))
        {
            return Page();
        }
        // ASVS V3.7.1: an issued document leaves the care team for good and cannot be withdrawn; a stale session
        // confirms who is issuing it. Checked before anything is added to the context.
        await reauth.ConfirmAsync();
        var answering = AdminRequest is null ? null : await Db.AdministrationRequests.SingleAsync(r => r.Id == AdminRequest.Id);
        var issued = await issuing.IssueAsync(request with
        {
            Keep = answering is null ? null : letter =>
            {
                answering.Answer(letter.Document!.Id, request.By.Actor.Name, letter.At);
                return null;
            },
        });
        TempData["Message"] = $"Document n° {issued.Document!.Number} émis.";
        return RedirectToPage("/Documents/View", new { id = issued.Document.Id });
    }

    /// <summary>Builds the letter from the form and the recorded facts; null when this form does not issue the kind.</summary>
    private async Task<DocumentRequest?> RequestAsync()
    {
        var patient = Banner.Patient;
        if (Catalogue.All.All(t => t.Kind != Input.Kind))
        {
            // The release pack is built by the coordinator's desk (P37), never from this form.
            ModelState.AddModelError("", "Ce document ne s'établit pas ici.");
            return null;
        }
        var by = await issuing.IssuerAsync(User, patient);
        var template = Catalogue.Of(Input.Kind);
        var source = Consultations.FirstOrDefault(c => c.Id == Input.SourceEntryId);
        var signed = Consultations.Where(c => c.IsSigned).ToList();
        (DateTimeOffset, DateTimeOffset)? followUp = signed.Count == 0 ? null
            : (signed.Min(c => c.OccurredAt), signed.Max(c => c.OccurredAt));
        var built = CertificateBuilder.Build(Input, patient, by.Unit, by.Signer, source, followUp, Replaces, by.Today);
        // P02: the patient's own copy, else a certificate the texts provide for (P23, P25) or he asked for (P24).
        var exception = template.Recipient == RecipientCategory.Patient ? LegalException.PatientHimself : LegalException.RequiredCertificate;
        // The ledger names the document; what it says is kept with the document itself (register, P30).
        return new DocumentRequest(by, patient, built.Letter, [LedgerLine.Of(template, template.RecipientLine, exception)])
        {
            Register = new Registration(template, Replaces?.Id, template.StatesFindings ? Input.SourceEntryId : null,
                Input.RequestedByPatient, AdminRequest?.Id),
            Problems = built.Problems,
            // P25: the free text of what goes to the AP or the JAP is checked against this patient's diagnoses,
            // treatments and medical words; a hit blocks the issue and is highlighted in the preview.
            OutgoingTexts = template.NoDiagnosis ? built.FreeTexts : [],
        };
    }

    /// <summary>Fills the preview and the problems; false when something stops the issue.</summary>
    private async Task<bool> PreviewAsync(DocumentRequest request)
    {
        var preview = await issuing.PreviewAsync(request);
        preview.Problems.ToList().ForEach(p => ModelState.AddModelError("", p));
        Blocked = preview.Blocked;
        PreviewHtml = preview.Html;
        return ModelState.IsValid;
    }

    /// <summary>What the form offers: the signed consultations, the request answered, the document replaced.</summary>
    private async Task LoadAsync()
    {
        var patientId = Banner.Patient.Id;
        Consultations = await Db.Entries(User.TeamOf()!.Value).AsNoTracking()
            .Where(ClinicalEntry.Signed).Where(e => e.PatientId == patientId && e.Kind == EntryKind.Consultation)
            .OrderByDescending(e => e.OccurredAt).Take(50).ToListAsync();
        if (Input.RequestId is { } requestId)
        {
            AdminRequest = await Db.AdministrationRequests.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == requestId && r.PatientId == patientId && r.Status == RequestStatus.Pending);
        }
        if (Input.ReplacesId is { } replacesId)
        {
            Replaces = await Db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == replacesId && d.PatientId == patientId);
        }
    }
}
