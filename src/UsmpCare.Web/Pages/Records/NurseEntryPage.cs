using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Records;

/// <summary>
/// Nurses' short entries (notes, medication rounds): written in the nurse's own team record and signed at once,
/// then final like any signed entry (P17). The patient is opened for writing in the nurse's own team record (P30).
/// </summary>
[OpensPatient(PatientNeed.WriteRecord)]
public abstract class NurseEntryPage(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock)
{
    /// <summary>Creates, fills and signs the entry; on a refused rule, says why and keeps the input.</summary>
    protected async Task<IActionResult> SignNewAsync(EntryKind kind, Action<ClinicalEntry> fill, string done)
    {
        var now = Clock.GetUtcNow();
        var patient = Banner.Patient;
        var actor = Actor.Of(User);
        var entry = ClinicalEntry.New(User.TeamOf()!.Value, kind, patient.Id, patient.UnitId, actor.Id, actor.Name, now);
        fill(entry);
        entry.Sign(entry.AuthorId, entry.AuthorName, now, signerHasTreatedPatient: false, MinorCare.Adult);
        Db.Add(entry);
        if (await Db.MedicalRecords.FindAsync(patient.Id, entry.Team) is null)
        {
            Db.MedicalRecords.Add(new MedicalRecord(patient.Id, entry.Team, now));
        }
        await Db.SaveChangesAsync();
        TempData["Message"] = done;
        return RedirectToPage("/Patients/Chart", new { id = patient.Id });
    }
}
