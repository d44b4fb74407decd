using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Pages.Ap;

/// <summary>
/// P24: the prison administration asks the unit for an attestation or a certificate, and reads the answer: the
/// document when it is addressed to the AP, or the physician's reasoned refusal.
/// </summary>
[RequirePermission(Permission.RequestDocument)]
public sealed class RequestsModel(AppDbContext db, CurrentUnit currentUnit, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(AdministrationRequest Request, string Patient, string Ecrou, Guid? ApDocumentId);

    [BindProperty] public string? Ecrou { get; set; }
    [BindProperty] public string? What { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var ecrou = Patient.NormalizeEcrou(Ecrou ?? "");
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == unitId && p.Ecrou == ecrou);
        if (patient is null)
        {
            ModelState.AddModelError("", $"Aucune personne suivie par l'unité n'a l'écrou « {ecrou} ».");
            await LoadAsync();
            return Page();
        }
        var actor = Actor.Of(User);
        db.AdministrationRequests.Add(new AdministrationRequest(patient.Id, patient.UnitId, What ?? "", LegalBasis,
            actor.Id, actor.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync();
        Message = "Demande transmise à l'unité sanitaire.";
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rows = await db.AdministrationRequests.AsNoTracking().Where(r => r.UnitId == unitId)
            .OrderByDescending(r => r.RequestedAt).Take(200)
            .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { r, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        var documentIds = rows.Where(x => x.r.IssuedDocumentId != null).Select(x => x.r.IssuedDocumentId!.Value).ToList();
        // Only documents addressed to the AP are offered to it; a certificate remitted to the patient is not.
        var apDocuments = await db.IssuedDocuments.AsNoTracking()
            .Where(d => documentIds.Contains(d.Id) && d.Recipient == RecipientCategory.PrisonAdministration)
            .Select(d => d.Id).ToListAsync();
        Rows = [.. rows.Select(x => new Row(x.r, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou,
            x.r.IssuedDocumentId is { } id && apDocuments.Contains(id) ? id : null))];
    }
}
