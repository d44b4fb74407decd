using Microsoft.AspNetCore.Authorization;
using UsmpCare.Domain;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Treatments;

/// <summary>
/// The hospital pharmacy's worklist (issue #20): the unit's signed prescriptions in force, to validate or to answer with a
/// remark; nothing else of the record (no note, diagnosis, care request or document).
/// </summary>
[RequirePermission(Permission.ValidatePrescriptions)]
public sealed class ValidationModel(AppDbContext db, CurrentUnit currentUnit, IAuthorizationService authorization, TimeProvider clock)
    : PageModel, IReloadsAfterRefusal
{
    /// <summary>Prescriptions already answered shown below the worklist.</summary>
    public const int RecentShown = 30;

    public sealed record Row(Prescription Prescription, string Patient, string Ecrou, PrescriptionValidation? Latest);

    [BindProperty] public Guid PrescriptionId { get; set; }
    [BindProperty] public ValidationVerdict? Verdict { get; set; }
    [BindProperty] public string? Remark { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Row> ToValidate { get; private set; } = [];
    public IReadOnlyList<Row> Answered { get; private set; } = [];

    public Task OnGetAsync() => ReloadAsync();

    public async Task ReloadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        var rows = (await InForce(db).Where(p => p.UnitId == unitId)
            .Join(db.Patients, p => p.PatientId, patient => patient.Id, (p, patient) => new
            {
                Prescription = p, patient.LastName, patient.FirstName, patient.Ecrou,
                Latest = db.PrescriptionValidations.Where(v => v.PrescriptionId == p.Id).OrderByDescending(v => v.At).FirstOrDefault(),
            })
            .ToListAsync())
            .Select(r => new Row(r.Prescription, Patient.FullNameOf(r.LastName, r.FirstName), r.Ecrou, r.Latest)).ToList();
        ToValidate = [.. rows.Where(r => r.Latest is null).OrderBy(r => r.Prescription.SignedAt)];
        Answered = [.. rows.Where(r => r.Latest is not null).OrderByDescending(r => r.Latest!.At).Take(RecentShown)];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var prescription = await db.Prescriptions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == PrescriptionId);
        if (prescription is null)
        {
            return NotFound();
        }
        // P16: the validation is filed under the patient it is about.
        HttpContext.Features.Set(new PatientOfRequest(prescription.PatientId, prescription.UnitId, false));
        if (!(await authorization.AuthorizeAsync(User, prescription, new UnitScopeRequirement(Permission.ValidatePrescriptions))).Succeeded)
        {
            return Forbid();
        }
        var superseded = !await InForce(db).AnyAsync(p => p.Id == prescription.Id);
        var actor = Actor.Of(User);
        var validation = PrescriptionValidation.Of(prescription, superseded,
            Verdict ?? throw new DomainException("Choisissez « validée » ou « remarque »."), Remark, actor.Id, actor.Name, clock.GetUtcNow());
        db.PrescriptionValidations.Add(validation);
        await db.SaveChangesAsync();
        Message = validation.Verdict == ValidationVerdict.Validated
            ? $"Ordonnance de {prescription.PrescriberName} validée."
            : "Remarque enregistrée pour le prescripteur.";
        return RedirectToPage();
    }

    /// <summary>Signed prescriptions, not stops, that no signed version supersedes: what the pharmacy dispenses from.</summary>
    private static IQueryable<Prescription> InForce(AppDbContext db) => db.Prescriptions.AsNoTracking()
        .Where(p => p.Status == PrescriptionStatus.Signed && p.Change != PrescriptionChange.Stop
            && !db.Prescriptions.Any(n => n.ReplacesId == p.Id && n.Status == PrescriptionStatus.Signed));
}
