using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Auditing;

namespace UsmpCare.Web.Pages.Records;

/// <summary>
/// Break-the-glass (ONC (d)(6)): a physician opens, in an emergency and with a reason, the record of a patient outside
/// his team or unit — read-only, for a limited time, every read flagged and reviewed by the coordinator. AP, SPIP and
/// administrators hold no clinical permission and cannot.
/// </summary>
[ShowsInputErrors]
[RequirePermission(Permission.WriteConsultation)]
public sealed class BreakGlassModel(AppDbContext db, AuditTrail audit, IConfiguration configuration,
    RecentAuthentication reauth, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ecrou { get; set; }
    [BindProperty] public string? Reason { get; set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public int Minutes => configuration.GetValue("Security:BreakGlassMinutes", 120);

    public async Task OnGetAsync() => Units = await db.Units.AsNoTracking().OrderBy(u => u.Name).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        Units = await db.Units.AsNoTracking().OrderBy(u => u.Name).ToListAsync();
        var ecrou = Patient.NormalizeEcrou(Ecrou ?? "");
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.UnitId == UnitId && p.Ecrou == ecrou);
        if (patient is null)
        {
            ModelState.AddModelError("", $"Aucun patient de cette unité n'a l'écrou « {ecrou} ».");
        }
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < 10)
        {
            ModelState.AddModelError("", "Décrivez l'urgence qui justifie l'accès (10 caractères au moins) : il sera relu par le médecin coordonnateur.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // ASVS V3.7.1: an emergency opening of someone else's patient is made by the person signed in, not by whoever
        // found an open session.
        await reauth.ConfirmAsync();
        var actor = Actor.Of(User);
        var now = clock.GetUtcNow();
        db.BreakGlassGrants.Add(new BreakGlassGrant
        {
            Id = Guid.NewGuid(), UserId = actor.Id, UserName = actor.Name, PatientId = patient!.Id, PatientUnitId = patient.UnitId,
            Reason = Reason!.Trim(), GrantedAt = now, ExpiresAt = now.AddMinutes(Minutes),
        });
        await db.SaveChangesAsync();
        var grantEvent = AuditEvent.By(User, AuditAction.BreakGlass, "/Records/BreakGlass", StatusCodes.Status200OK,
            patient.Id, patient.UnitId);
        grantEvent.UserName = actor.Name;
        await audit.AppendAsync(grantEvent);
        return RedirectToPage("/Patients/Chart", new { id = patient.Id });
    }
}
