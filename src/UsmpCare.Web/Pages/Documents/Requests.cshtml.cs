using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Disclosures;

namespace UsmpCare.Web.Pages.Documents;

/// <summary>
/// P24: requests from the administration. The physician issues the document, or refuses with a reasoned reply
/// (e.g. no text provides for certifying « compatibilité avec l'isolement »); refusals form a register.
/// </summary>
[RequirePermission(Permission.IssueDocument)]
public sealed class RequestsModel(AppDbContext db, CurrentUnit currentUnit, OutgoingText outgoing,
    RecentAuthentication reauth, TimeProvider clock) : PageModel, IReloadsAfterRefusal
{
    public sealed record Row(AdministrationRequest Request, string Patient, string Ecrou);

    public IReadOnlyList<Row> Pending { get; private set; } = [];
    public IReadOnlyList<Row> Refused { get; private set; } = [];

    [BindProperty] public Guid RequestId { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>Counted by the partnership sheet; the free text never leaves the unit.</summary>
    [BindProperty] public RefusalGround Ground { get; set; } = RefusalGround.Other;
    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRefuseAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var request = await db.AdministrationRequests.FirstOrDefaultAsync(r => r.Id == RequestId && r.UnitId == unitId);
        if (request is null)
        {
            return NotFound();
        }
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == request.PatientId);
        // The reply goes to the AP: it must not carry a diagnosis either (P25).
        if (await outgoing.RefusalAsync(User, patient, Reason) is { } medical)
        {
            ModelState.AddModelError("", medical);
            await LoadAsync();
            return Page();
        }
        // ASVS V3.7.1: the answer goes to the administration and is final.
        await reauth.ConfirmAsync();
        request.Refuse(Ground, Reason ?? "", Actor.Of(User).Name, clock.GetUtcNow());
        await db.SaveChangesAsync();
        Message = "Refus motivé transmis au demandeur et inscrit au registre des refus.";
        return RedirectToPage();
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rows = await db.AdministrationRequests.AsNoTracking().Where(r => r.UnitId == unitId && r.Status != RequestStatus.Accepted)
            .OrderByDescending(r => r.RequestedAt).Take(300)
            .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { r, p.LastName, p.FirstName, p.Ecrou })
            .ToListAsync();
        var all = rows.Select(x => new Row(x.r, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou)).ToList();
        Pending = [.. all.Where(r => r.Request.Status == RequestStatus.Pending)];
        Refused = [.. all.Where(r => r.Request.Status == RequestStatus.Refused)];
    }
}
