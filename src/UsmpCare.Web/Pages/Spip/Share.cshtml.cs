using UsmpCare.Domain.Disclosures;
using UsmpCare.Web.Disclosures;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Spip;

/// <summary>
/// P03 and P02: a physician shares a short non-medical message with SPIP — only once the patient was informed of his
/// right to object, never while he objects; checked for medical content; written to the disclosure ledger.
/// </summary>
[RequirePermission(Permission.ShareWithSpip)]
[OpensPatient(PatientNeed.ViewChart)]
public sealed class ShareModel(AppDbContext db, PatientAccess access, OutgoingText outgoing,
    TimeProvider clock) : PatientPageModel(db, access, clock)
{
    public string? Blocked { get; private set; }

    [BindProperty] public string? Message { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(Guid patientId)
    {
        if (Blocked is not null)
        {
            ModelState.AddModelError("", Blocked);
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Message))
        {
            ModelState.AddModelError("", "Écrivez le message à transmettre au SPIP.");
            return Page();
        }
        if (await outgoing.RefusalAsync(User, Banner.Patient, Message) is { } medical)
        {
            ModelState.AddModelError("", medical);
            return Page();
        }
        var actor = Actor.Of(User);
        var now = Clock.GetUtcNow();
        var (consent, _) = Disclosure.Basis(Banner.Consents, RecipientCategory.Spip, null, null);
        var disclosure = new Disclosure(patientId, Banner.Patient.UnitId, RecipientCategory.Spip, "SPIP", Message,
            "Partage strictement nécessaire avec le SPIP, patient informé de son droit d'opposition (P02, P03)",
            consent, null, actor.Id, actor.Name, now);
        Db.Disclosures.Add(disclosure);
        Db.SpipShares.Add(new SpipShare(patientId, Banner.Patient.UnitId, Message, disclosure.Id, actor.Id, actor.Name, now));
        await Db.SaveChangesAsync();
        TempData["Message"] = "Message transmis au SPIP et consigné au registre des transmissions.";
        return RedirectToPage("/Patients/Chart", new { id = patientId });
    }

    protected override Task OnOpenedAsync()
    {
        Blocked = Banner.Consents.WhySpipShareIsRefused();
        return Task.CompletedTask;
    }
}
