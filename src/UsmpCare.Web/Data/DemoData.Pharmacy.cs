using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    /// <summary>
    /// Issue #20, the walls: a psychiatric prescription (sertraline) beside the somatic pill-box of the same patient — the
    /// somatic team does not see it without the patient's agreement to sharing (P30) but is warned of a clash with it —
    /// and the pharmacy's validation of the pill-box, the methadone and the sertraline left on its worklist.
    /// </summary>
    private static async Task SeedPharmacyAsync(AppDbContext db, IReadOnlyList<Patient> patients, Accounts.User psychiatrist,
        Accounts.User pharmacist, DateTimeOffset now)
    {
        var patient = patients[6];
        var today = DateOnly.FromDateTime(Fr.Local(now));
        var at = now.AddDays(-5);
        var psychiatric = Prescription.Draft(patient.Id, patient.UnitId, Team.Psychiatric,
            new Prescriber(psychiatrist.Id, Actor.NameOf(psychiatrist.DisplayName, physician: true), psychiatrist.Rpps), at);
        var sertraline = await db.Drugs.SingleAsync(d => d.Cis == "99000031");
        psychiatric.AddLine(PrescriptionLine.Create(new LineRequest(sertraline.Cis, null, 1, "gélule(s)", DoseTimes.Morning, null, false,
            null, today.AddDays(-5), 28, null, DistributionMode.Daily, null), sertraline, DistributionMode.Daily), [], patient.Allergies);
        psychiatric.Sign(at, replacedAlreadySuperseded: false);
        db.Prescriptions.Add(psychiatric);

        // The patient's first signed somatic prescription (the pill-box one; the demo has others since).
        var somatic = await db.Prescriptions
            .Where(p => p.PatientId == patient.Id && p.Team == Team.Somatic && p.Status == PrescriptionStatus.Signed)
            .OrderBy(p => p.SignedAt).FirstAsync();
        db.PrescriptionValidations.Add(PrescriptionValidation.Of(somatic, superseded: false, ValidationVerdict.Validated, null,
            pharmacist.Id, pharmacist.DisplayName, somatic.SignedAt!.Value.AddHours(3)));
        await db.SaveChangesAsync();
    }
}
