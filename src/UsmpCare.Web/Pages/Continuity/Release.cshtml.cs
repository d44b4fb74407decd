using UsmpCare.Domain;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Records;
using UsmpCare.Web.Interop;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Treatments;

namespace UsmpCare.Web.Pages.Continuity;

/// <summary>
/// One patient's release checklist: pre-release visit (P31), injonction de soins physicians (P34), the release pack in
/// one action (P12–P15, P18), its sending to the designated physician (P14), and the release itself.
/// </summary>
[RequirePermission(Permission.CoordinateReleases)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class ReleaseModel(AppDbContext db, PatientAccess access, TimeProvider clock,
    RecentAuthentication reauth, DocumentIssuing issuing) : PatientPageModel(db, access, clock)
{
    public ReleasePlan Plan { get; private set; } = null!;
    public IssuedDocument? Pack { get; private set; }

    [BindProperty] public PreReleaseVisitStatus VisitStatus { get; set; }
    [BindProperty] public string? CoordinatingPhysician { get; set; }
    [BindProperty] public string? TreatingPhysician { get; set; }
    [BindProperty] public string? FollowUp { get; set; }
    [BindProperty] public bool PatientAsked { get; set; }

    /// <summary>P02: the exception that lets the pack go when the patient has not agreed to exchanges with health professionals.</summary>
    [BindProperty] public LegalException? Exception { get; set; }
    [BindProperty] public string? ReasonWithoutPack { get; set; }
    [TempData] public string? Message { get; set; }

    public IActionResult OnGet() => Page();

    public Task<IActionResult> OnPostVisitAsync(Guid patientId) => ActAsync(patientId, (plan, actor, now) =>
    {
        plan.RecordVisit(VisitStatus, actor.Name, now);
        return Task.FromResult($"Visite pré-libération : {ReleasePlan.Label(VisitStatus)}.");
    });

    public Task<IActionResult> OnPostInjonctionAsync(Guid patientId) => ActAsync(patientId, (plan, _, _) =>
    {
        plan.NameInjonctionPhysicians(CoordinatingPhysician, TreatingPhysician);
        return Task.FromResult("Médecins de l'injonction de soins enregistrés.");
    });

    public Task<IActionResult> OnPostPackAsync(Guid patientId) => ActAsync(patientId, async (plan, _, _) =>
    {
        var patient = Banner.Patient;
        var by = await issuing.IssuerAsync(User, patient);
        var (readable, entries) = await RecordScopes.ReadableAsync(Db, Opened);
        var relay = await Db.TsoRelays.AsNoTracking().Where(r => r.PatientId == patient.Id)
            .OrderByDescending(r => r.RecordedAt).FirstOrDefaultAsync();
        var treatment = await ActiveTreatments.ForPatientAsync(Db, patient.Id, readable, by.Today);
        var letter = ReleasePackBuilder.Build(patient, by.Unit, by.Signer, entries, Banner.Records, readable, FollowUp, by.Today,
            substitution: relay, treatment: treatment.Visible);
        var template = Catalogue.ReleasePack;
        var issued = await issuing.IssueAsync(new DocumentRequest(by, patient, letter,
            [LedgerLine.Of(template, patient.FullName, LegalException.PatientHimself)])
        {
            Register = new Registration(template),
            Keep = pack =>
            {
                plan.PackIssued(pack.Document!.Id);
                return null;
            },
        });
        return $"Dossier de sortie n° {issued.Document!.Number} établi.";
    }, sensitive: true);

    public Task<IActionResult> OnPostSendAsync(Guid patientId) => ActAsync(patientId, (plan, actor, now) =>
    {
        var patient = Banner.Patient;
        if (string.IsNullOrWhiteSpace(patient.DesignatedPhysician))
        {
            throw new DomainException("Le patient n'a pas désigné de médecin : renseignez-le sur sa fiche d'identité.");
        }
        if (!PatientAsked)
        {
            throw new DomainException("Le dossier n'est envoyé au médecin désigné qu'à la demande du patient (P14).");
        }
        // P02: his current word for the health category, read now, else the exception chosen from the closed list.
        var (consent, exception) = Disclosure.Basis(Banner.Consents, RecipientCategory.DesignatedPhysician, null, Exception);
        plan.PackSent(now);
        Db.Disclosures.Add(new Disclosure(patient.Id, patient.UnitId, RecipientCategory.DesignatedPhysician,
            patient.DesignatedPhysician, $"Dossier de sortie (document {plan.PackDocumentId})",
            "Continuité des soins : envoi au médecin désigné par le patient (P14)", consent, exception, actor.Id, actor.Name, now));
        return Task.FromResult($"Dossier de sortie envoyé à {patient.DesignatedPhysician} et consigné au registre des transmissions.");
    }, sensitive: true);

    /// <summary>
    /// P12, P14: the same summary as a FHIR R4 Bundle, « pour votre prochain médecin », handed to the patient himself
    /// and written to the ledger; the psychiatric part only with his agreement to sharing (P30).
    /// </summary>
    public async Task<IActionResult> OnPostFhirAsync()
    {
        var actor = Actor.Of(User);
        var (teams, _) = await RecordScopes.ReadableAsync(Db, Opened);
        var result = await FhirExport.ExportAsync(Db, Banner.Patient, FhirPurpose.NextPhysician,
            [.. teams], actor.Id, actor.Name, Clock.GetUtcNow());
        await Db.SaveChangesAsync();
        return File(System.Text.Encoding.UTF8.GetBytes(result.Json), "application/fhir+json", result.FileName);
    }

    public Task<IActionResult> OnPostReleaseAsync(Guid patientId) => ActAsync(patientId, async (plan, _, now) =>
    {
        plan.Release(now, ReasonWithoutPack);
        var patient = await Db.Patients.SingleAsync(p => p.Id == patientId);
        patient.MoveTo(PatientStatus.Released);
        return "Sortie enregistrée.";
    });

    /// <param name="sensitive">The pack and its sending leave the unit: ASVS V3.7.1 re-authentication first.</param>
    private async Task<IActionResult> ActAsync(Guid patientId, Func<ReleasePlan, Actor, DateTimeOffset, Task<string>> action,
        bool sensitive = false)
    {
        if (sensitive)
        {
            await reauth.ConfirmAsync();
        }
        var plan = await Db.ReleasePlans.FirstOrDefaultAsync(r => r.PatientId == patientId);
        if (plan is null)
        {
            plan = new ReleasePlan(patientId, Banner.Patient.UnitId);
            Db.ReleasePlans.Add(plan);
        }
        Message = await action(plan, Actor.Of(User), Clock.GetUtcNow());
        await Db.SaveChangesAsync();
        return RedirectToPage(new { patientId });
    }

    protected override async Task OnOpenedAsync()
    {
        var patient = Banner.Patient;
        Plan = await Db.ReleasePlans.AsNoTracking().FirstOrDefaultAsync(r => r.PatientId == patient.Id)
               ?? new ReleasePlan(patient.Id, patient.UnitId);
        Pack = Plan.PackDocumentId is { } id ? await Db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id) : null;
        CoordinatingPhysician ??= Plan.CoordinatingPhysician;
        TreatingPhysician ??= Plan.TreatingPhysician;
    }
}
