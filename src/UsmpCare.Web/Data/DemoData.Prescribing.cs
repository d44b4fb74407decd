using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    /// <summary>
    /// Issue #20, the prescribing pages: the unit's own choice of defaults (antipsychotics taken in front of the nurse),
    /// a psychiatric prescription the somatic team reads only under the patient's sharing agreement (P30), and a draft
    /// left unsigned by the physician, to resume from « Prescrire ».
    /// </summary>
    private static async Task SeedPrescribingAsync(AppDbContext db, IReadOnlyList<Patient> patients, Accounts.User physician,
        DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Fr.Local(now));
        var patient = patients[2];
        var defaults = new DistributionDefaults(patient.UnitId);
        defaults.Set(DrugClass.Antipsychotic, DistributionMode.Supervised);
        db.DistributionDefaults.Add(defaults);

        var psychiatrist = await db.Users.SingleAsync(u => u.Email == Account(Role.Psychiatrist).Email);
        var olanzapine = await db.Drugs.SingleAsync(d => d.Cis == "99000027");
        var psychiatric = Prescription.Draft(patient.Id, patient.UnitId, Team.Psychiatric,
            new Prescriber(psychiatrist.Id, Actor.NameOf(psychiatrist.DisplayName, physician: true), psychiatrist.Rpps), now.AddDays(-3));
        psychiatric.AddLine(PrescriptionLine.Create(new LineRequest(olanzapine.Cis, null, 1, "comprimé(s)", DoseTimes.Bedtime, null,
                false, null, today.AddDays(-3), 28, null, null, null), olanzapine,
            defaults.ModeFor(DistributionDefaults.ClassOf(olanzapine.ActiveSubstances.Select(s => s.Name)))), [], patient.Allergies);
        psychiatric.Sign(now.AddDays(-3), replacedAlreadySuperseded: false);
        db.Prescriptions.Add(psychiatric);

        var paracetamol = await db.Drugs.SingleAsync(d => d.Cis == "99000003");
        var draft = Prescription.Draft(patients[6].Id, patients[6].UnitId, Team.Somatic,
            new Prescriber(physician.Id, Actor.NameOf(physician.DisplayName, physician: true), physician.Rpps), now.AddHours(-2));
        draft.AddLine(PrescriptionLine.Create(new LineRequest(paracetamol.Cis, null, 1, "comprimé(s)", DoseTimes.None, null, true, 3,
            today, 5, null, DistributionMode.HeldByPatient, null), paracetamol, DistributionMode.Daily), [], patients[6].Allergies);
        db.Prescriptions.Add(draft);
        await db.SaveChangesAsync();
    }
}
