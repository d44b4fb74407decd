using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Patients;
using UsmpCare.Web.Records;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Pages.Records;

/// <summary>
/// Nurses' short entries (notes, medication rounds): written in the nurse's own team record and signed at once,
/// then final like any signed entry (P17).
/// </summary>
public abstract class NurseEntryPage(AppDbContext db, IAuthorizationService authorization, TimeProvider clock)
    : PageModel
{
    public PatientBanner Banner { get; private set; } = null!;

    protected AppDbContext Db => db;

    protected async Task<IActionResult?> LoadAsync(Guid patientId)
    {
        var team = User.TeamOf();
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId);
        if (patient is null)
        {
            return NotFound();
        }
        if (team is null || !(await authorization.AuthorizeAsync(User, await RecordScopes.ForAsync(db, patient, team.Value),
                ScopeRequirements.WriteRecord)).Succeeded)
        {
            return Forbid();
        }
        Banner = await PatientBanner.LoadAsync(db, patient, Fr.Today(clock));
        return null;
    }

    /// <summary>Creates, fills and signs the entry; on a refused rule, says why and keeps the input.</summary>
    protected async Task<IActionResult> SignNewAsync(EntryKind kind, Action<ClinicalEntry> fill, string done)
    {
        var now = clock.GetUtcNow();
        var patient = Banner.Patient;
        var entry = ClinicalEntry.New(User.TeamOf()!.Value, kind, patient.Id, patient.UnitId, User.UserId()!.Value,
            User.FindFirst(UsmpClaims.DisplayName)?.Value ?? "", now);
        fill(entry);
        entry.Sign(entry.AuthorId, entry.AuthorName, now, signerHasTreatedPatient: false);
        db.Add(entry);
        if (await db.MedicalRecords.FindAsync(patient.Id, entry.Team) is null)
        {
            db.MedicalRecords.Add(new MedicalRecord(patient.Id, entry.Team, now));
        }
        await db.SaveChangesAsync();
        TempData["Message"] = done;
        return Redirect($"/Patients/Chart/{patient.Id}");
    }
}
