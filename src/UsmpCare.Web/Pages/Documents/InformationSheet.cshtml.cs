using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Documents;

/// <summary>
/// P09: the « Livret d'information du patient », previewed in a language the unit offers, then issued through
/// <see cref="DocumentIssuing"/> (numbered, stored, in the ledger as handed to the patient himself) and recorded as
/// handed (date, by whom, language). Informing the patient of his rights goes with recording his word on them, hence
/// the permission to record consents: nurses, physicians, psychiatrists and the coordinator.
/// </summary>
[RequirePermission(Permission.RecordConsent)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class InformationSheetModel(AppDbContext db, PatientAccess access, DocumentIssuing issuing, TimeProvider clock)
    : PatientPageModel(db, access, clock), IReloadsAfterRefusal
{
    [BindProperty(SupportsGet = true)] public string? Language { get; set; } = InformationSheet.French;

    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<InformationSheet> Handed { get; private set; } = [];
    public string? PreviewHtml { get; private set; }

    /// <summary>The languages of the form: those the unit enabled that are translated.</summary>
    public IEnumerable<string> Offered => Unit.OfferedInformationLanguages.Where(InformationSheetBuilder.Languages.ContainsKey);

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        if (Language is null || !Offered.Contains(Language))
        {
            ModelState.AddModelError("", "Le livret d'information n'est pas proposé dans cette langue par l'unité : choisissez une des langues activées.");
            Language = InformationSheet.French;
        }
        PreviewHtml = (await issuing.PreviewAsync(await RequestAsync())).Html;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid patientId)
    {
        var request = await RequestAsync();
        var issued = await issuing.IssueAsync(request with
        {
            // P09: recorded in the same SaveChanges as the document; the domain refuses a language the unit has not enabled.
            Keep = letter =>
            {
                Db.InformationSheets.Add(new InformationSheet(Banner.Patient, request.By.Unit, Language!, letter.Document!.Id,
                    request.By.Actor.Id, request.By.Actor.Name, letter.At, request.By.Today));
                return null;
            },
        });
        TempData["Message"] = $"Livret d'information remis ({InformationSheetBuilder.Languages[Language!]}) : imprimez-le (n° {issued.Document!.Number}).";
        return RedirectToPage(new { patientId, Language });
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid patientId, Guid documentId)
    {
        var document = await Db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId
            && d.PatientId == patientId && d.Kind == DocumentKind.InformationSheet);
        return document is null ? NotFound() : File(document.Pdf, "application/pdf", $"{document.Number}.pdf");
    }

    public async Task ReloadAsync()
    {
        Unit = await Db.Units.AsNoTracking().SingleAsync(u => u.Id == Banner.Patient.UnitId);
        Handed = await Db.InformationSheets.AsNoTracking().Where(s => s.PatientId == Banner.Patient.Id)
            .OrderByDescending(s => s.At).ToListAsync();
    }

    private async Task<DocumentRequest> RequestAsync()
    {
        var by = await issuing.IssuerAsync(User, Banner.Patient);
        var letter = InformationSheetBuilder.Build(Banner.Patient, by.Unit, Language, by.Today);
        var template = Catalogue.InformationSheet;
        return new DocumentRequest(by, Banner.Patient, letter,
            [LedgerLine.Of(template, Banner.Patient.FullName, LegalException.PatientHimself)])
        {
            Register = new Registration(template),
        };
    }
}
