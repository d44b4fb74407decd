using UsmpCare.Domain.Disclosures;
using UsmpCare.Web.Disclosures;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Signalements;

/// <summary>
/// P06: a serious risk to the safety of persons — the director gets the protective measures and the useful facts,
/// with no diagnosis and no medical history; visible to the establishment's AP; written to the ledger.
/// </summary>
[RequirePermission(Permission.WriteSignalement)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class RiskModel(AppDbContext db, PatientAccess access, OutgoingText outgoing,
    TimeProvider clock) : PatientPageModel(db, access, clock)
{
    [BindProperty] public List<string> Measures { get; set; } = [];
    [BindProperty] public string? OtherMeasure { get; set; }
    [BindProperty] public string? Facts { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(Guid patientId)
    {
        var measures = Measures.Where(RiskSignalement.MeasureCatalogue.Contains).ToList();
        if (!string.IsNullOrWhiteSpace(OtherMeasure))
        {
            measures.Add(OtherMeasure.Trim());
        }
        if (await outgoing.RefusalAsync(User, Banner.Patient, Facts, OtherMeasure) is { } medical)
        {
            ModelState.AddModelError("", medical);
            return Page();
        }
        var actor = Actor.Of(User);
        var now = Clock.GetUtcNow();
        var disclosure = new Disclosure(patientId, Banner.Patient.UnitId, RecipientCategory.PrisonAdministration,
            "Chef d'établissement", $"Signalement de risque — mesures : {string.Join(", ", measures)}. Faits : {Facts?.Trim()}",
            "Risque sérieux pour la sécurité des personnes : information utile aux mesures de protection (P06)",
            null, LegalException.SeriousRiskToPersons, actor.Id, actor.Name, now);
        var signalement = new RiskSignalement(patientId, Banner.Patient.UnitId, measures, Facts ?? "", disclosure.Id,
            actor.Id, actor.Name, now);
        Db.Disclosures.Add(disclosure);
        Db.RiskSignalements.Add(signalement);
        await Db.SaveChangesAsync();
        TempData["Message"] = "Signalement de risque transmis au chef d'établissement et consigné au registre des transmissions.";
        return RedirectToPage("/Patients/Chart", new { id = patientId });
    }
}
