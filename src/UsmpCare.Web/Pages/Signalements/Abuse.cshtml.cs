using UsmpCare.Documents;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Signalements;

/// <summary>
/// P07 (and P36): report of abuse or ill-treatment to the procureur. Needs the patient's recorded agreement unless he
/// is a minor or recorded as unable to protect himself; he is informed and may be given a copy; the director is
/// informed only with his agreement. Produces the PDF letter; every recipient is written to the ledger.
/// </summary>
[RequirePermission(Permission.WriteSignalement)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class AbuseModel(AppDbContext db, PatientAccess access, TimeProvider clock,
    RecentAuthentication reauth, DocumentIssuing issuing) : PatientPageModel(db, access, clock)
{
    public IReadOnlyList<AbuseSignalement> Previous { get; private set; } = [];

    [BindProperty] public string? Findings { get; set; }
    [BindProperty] public bool PatientInformed { get; set; }
    [BindProperty] public bool CopyGiven { get; set; }
    [BindProperty] public bool InformDirector { get; set; }

    public IActionResult OnGet() => Page();

    public IActionResult OnGetPdf(Guid id)
    {
        var signalement = Previous.FirstOrDefault(s => s.Id == id);
        return signalement is null ? NotFound() : File(signalement.Pdf, "application/pdf", $"signalement-{signalement.At:yyyyMMdd}.pdf");
    }

    public async Task<IActionResult> OnPostAsync(Guid patientId)
    {
        var patient = Banner.Patient;
        var consents = Banner.Consents;
        var (ground, problems) = AbuseSignalement.Check(consents.AbuseReportAgreement is not null,
            patient.IsMinorOn(Banner.Today), patient.IsVulnerable, PatientInformed, InformDirector,
            consents.DirectorInformationAgreement is not null, Findings);
        if (problems.Count > 0)
        {
            problems.ToList().ForEach(p => ModelState.AddModelError("", p));
            return Page();
        }
        // ASVS V3.7.1: the letter goes to the procureur.
        await reauth.ConfirmAsync();
        var by = await issuing.IssuerAsync(User, patient);
        var groundText = ground switch
        {
            AbuseReportGround.PatientAgreement => "avec l'accord du patient",
            AbuseReportGround.Minor => "sans qu'un accord soit requis, le patient étant mineur (article 226-14 du code pénal)",
            _ => $"sans qu'un accord soit requis, la personne n'étant pas en mesure de se protéger ({patient.VulnerabilityReason})",
        };
        var letter = new Letter(by.Letterhead,
            "Signalement de sévices ou de mauvais traitements",
            ["Monsieur ou Madame le procureur de la République"],
            $"Le {Fr.LongDate(by.Today)}",
            DocumentIdentity.Of(patient, by.Today),
            [
                LetterBlock.Paragraph($"Je soussigné(e), {by.Actor.Name}, médecin à l'{by.Unit.Name}, vous signale, {groundText}, les constatations suivantes, faites dans l'exercice de mes fonctions :"),
                LetterBlock.Heading("Constatations"),
                LetterBlock.Paragraph(Findings!.Trim()),
                LetterBlock.Paragraph("Le patient a été informé de ce signalement." + (CopyGiven ? " Une copie lui a été remise." : "")),
            ],
            by.Signature);
        // P07, P36: a minor or a person unable to protect himself needs no agreement (art. 226-14 1° CP).
        LegalException? exception = ground == AbuseReportGround.PatientAgreement ? null : LegalException.AbuseSignalement;
        var ledger = new List<LedgerLine>
        {
            new(RecipientCategory.Procureur, "Procureur de la République", id => $"Signalement de sévices (document {id})",
                "Article 226-14 du code pénal (P07)", consents.AbuseReportAgreement?.Id, exception),
        };
        if (CopyGiven)
        {
            ledger.Add(new(RecipientCategory.Patient, patient.FullName, id => $"Copie du signalement (document {id})",
                "Information du patient (P07)", null, LegalException.PatientHimself));
        }
        if (InformDirector)
        {
            ledger.Add(new(RecipientCategory.PrisonAdministration, "Chef d'établissement",
                _ => "Information qu'un signalement a été adressé au procureur, sans son contenu",
                "Information du chef d'établissement avec l'accord du patient (P07)", consents.DirectorInformationAgreement!.Id, null));
        }
        await issuing.IssueAsync(new DocumentRequest(by, patient, letter, ledger)
        {
            Keep = issued =>
            {
                var signalement = new AbuseSignalement(patient.Id, patient.UnitId, Findings!, ground, PatientInformed, CopyGiven,
                    InformDirector, issued.Pdf, by.Actor.Id, by.Actor.Name, issued.At);
                Db.AbuseSignalements.Add(signalement);
                return signalement.Id;
            },
        });
        TempData["Message"] = "Signalement enregistré ; la lettre au procureur est prête à imprimer.";
        return RedirectToPage(new { patientId });
    }

    protected override async Task OnOpenedAsync()
    {
        var all = await Db.AbuseSignalements.AsNoTracking().Where(s => s.PatientId == Banner.Patient.Id)
            .OrderByDescending(s => s.At).ToListAsync();
        // P30: a report written by the other team is read only where the patient agreed to sharing.
        var readable = new List<AbuseSignalement>();
        foreach (var s in all)
        {
            if (await RecordScopes.CanReadWorkOfAsync(Db, User, Banner.Patient.Id, s.AuthorId))
            {
                readable.Add(s);
            }
        }
        Previous = readable;
    }
}
