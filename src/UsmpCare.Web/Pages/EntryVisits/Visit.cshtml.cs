using UsmpCare.Domain;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Clinical;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.EntryVisits;

/// <summary>
/// Issue #21 (4): the structured entry visit, by a physician of the somatic team. Signing it is one signed consultation
/// of type « visite d'entrée » (final, P17) holding the structured answers, and, in the same SaveChanges, the problem
/// list's lines, the pending orders of the accepted screenings and the recalls (<see cref="EntryVisit.Produce"/>).
/// A refusal (<see cref="DomainException"/>) stores nothing.
/// </summary>
[RequirePermission(Permission.WriteConsultation)]
public sealed class VisitModel(AppDbContext db, PatientAccess access, TimeProvider clock, Cim10Catalogue cim10)
    : PatientPageModel(db, access, clock), IReloadsAfterRefusal
{
    public const int ProblemRows = 4;

    [BindProperty] public EntryVisitAnswers Input { get; set; } = new();

    /// <summary>Antecedents and problems, CIM-10 coded, that go on the problem list.</summary>
    [BindProperty] public List<string?> ProblemCodes { get; set; } = [];

    /// <summary>P08: the patient agrees to the visit; a refusal is recorded as a consultation refused.</summary>
    [BindProperty] public bool ConsentGiven { get; set; }

    [BindProperty] public string? ConsentDetails { get; set; }

    public IReadOnlyList<ActiveLine> Treatments { get; private set; } = [];
    public IReadOnlyList<Problem> ActiveProblems { get; private set; } = [];
    public IReadOnlyList<Vaccination> Doses { get; private set; } = [];
    public IReadOnlyList<CatchUpDose> CatchUp { get; private set; } = [];

    /// <summary>P09: the sheet handed for this stay, if any (recorded by the information sheet's page).</summary>
    public InformationSheet? Sheet { get; private set; }

    /// <summary>The visit already signed for this stay, if any: a second one is refused.</summary>
    public EntryVisit? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid patientId) => await OpenVisitAsync(patientId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid patientId)
    {
        if (await OpenVisitAsync(patientId) is { } refused)
        {
            return refused;
        }
        if (Done is not null)
        {
            ModelState.AddModelError("", $"La visite d'entrée de ce séjour a déjà été signée le {Fr.DateTime(Done.SignedAt)} par {Done.SignedByName} : corrigez-la par un amendement.");
            return Page();
        }
        if (!ConsentGiven)
        {
            ModelState.AddModelError("", "Le consentement du patient à la visite doit être recueilli avant de signer (P08). S'il refuse, enregistrez son refus par une consultation de type « visite d'entrée ».");
        }
        var known = await cim10.ResolveAsync(ProblemCodes);
        foreach (var typed in ProblemCodes.Where(c => !string.IsNullOrWhiteSpace(c) && !known.ContainsKey(Cim10.Normalize(c))))
        {
            ModelState.AddModelError("", $"« {typed} » n'est pas un code CIM-10 connu : choisissez-le dans la liste.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var patient = Banner.Patient;
        var user = Actor.Of(User);
        var now = Clock.GetUtcNow();
        var today = Fr.Today(Clock);
        var codes = ProblemCodes.Select(Cim10.Normalize).Where(known.ContainsKey).Distinct().Select(c => known[c]).ToList();

        var entry = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, patient.Id, patient.UnitId, user.Id, user.Name, now);
        entry.Consent = ConsentStatus.Given;
        entry.ConsentDetails = string.IsNullOrWhiteSpace(ConsentDetails) ? null : ConsentDetails.Trim();
        entry.Diagnoses = [.. codes.Select(c => new Diagnosis(c.Code, c.Label))];
        var visit = EntryVisit.Record(entry, patient, Input, Sheet?.Id);
        entry.Sign(user.Id, user.Name, now, signerHasTreatedPatient: false, MinorCare.Of(patient, today, Banner.Consents));
        var produced = visit.Produce(codes, ActiveProblems.Select(p => p.Code), Doses, patient.BirthDate, today, now);

        Db.Add(entry);
        Db.EntryVisits.Add(visit);
        Db.Problems.AddRange(produced.Problems);
        Db.TestOrders.AddRange(produced.Orders);
        Db.Recalls.AddRange(produced.Recalls);
        if (produced.PsychiatricReferral is { } referral)
        {
            Db.CareRequests.Add(referral);
        }
        if (await Db.MedicalRecords.FindAsync(patient.Id, Team.Somatic) is null)
        {
            Db.MedicalRecords.Add(new MedicalRecord(patient.Id, Team.Somatic, now));
        }
        await Db.SaveChangesAsync();
        TempData["Message"] = $"Visite d'entrée signée : {produced.Problems.Count} problème(s) ajouté(s) à la liste, "
            + $"{produced.Orders.Count} examen(s) en attente de résultat, {produced.Recalls.Count} rappel(s)"
            + (produced.PsychiatricReferral is null ? "." : ", orientation transmise à l'équipe de psychiatrie.");
        return RedirectToPage("/Patients/Chart", new { id = patient.Id });
    }

    /// <summary>
    /// A physician of the somatic team writing in the patient's somatic record (PatientAccess: unit, team, transfer),
    /// then what the form shows beside the questions.
    /// </summary>
    private async Task<IActionResult?> OpenVisitAsync(Guid patientId)
    {
        if (User.TeamOf() != Team.Somatic || !User.Roles().Any(r => r.IsPhysician()))
        {
            return Forbid();
        }
        if (await OpenAsync(patientId, PatientNeed.WriteRecord, Team.Somatic) is { } refused)
        {
            return refused;
        }
        await ReloadAsync();
        return null;
    }

    public async Task ReloadAsync()
    {
        var patient = Banner.Patient;
        var today = Fr.Today(Clock);
        Treatments = ActiveTreatment.Of(await Db.Prescriptions.AsNoTracking()
            .Where(p => p.PatientId == patient.Id && p.Team == Team.Somatic).ToListAsync(), today);
        ActiveProblems = await Db.Problems.AsNoTracking()
            .Where(p => p.PatientId == patient.Id && p.Team == Team.Somatic && p.Status == ProblemStatus.Active)
            .OrderBy(p => p.Code).ToListAsync();
        Doses = await Db.Vaccinations.AsNoTracking().Where(v => v.PatientId == patient.Id).OrderBy(v => v.GivenOn).ToListAsync();
        CatchUp = VaccinationSchedule.CatchUp(Doses, patient.BirthDate, today);
        Sheet = await Db.InformationSheets.AsNoTracking()
            .Where(s => s.PatientId == patient.Id && s.HandedOn >= patient.ArrivalDate)
            .OrderByDescending(s => s.At).FirstOrDefaultAsync();
        Done = await Db.EntryVisits.AsNoTracking()
            .FirstOrDefaultAsync(v => v.PatientId == patient.Id && v.ArrivalDate == patient.ArrivalDate);
        while (ProblemCodes.Count < ProblemRows)
        {
            ProblemCodes.Add(null);
        }
    }
}
