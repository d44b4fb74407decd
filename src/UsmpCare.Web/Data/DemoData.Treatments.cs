using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    /// <summary>
    /// Issue #20: signed prescriptions so the treatment and the ordonnance have something to show — a methadone TSO
    /// taken in front of the nurse (the unit's default for its class) that ends within the week, and a pill-box line.
    /// </summary>
    private static async Task SeedPrescriptionsAsync(AppDbContext db, IReadOnlyList<Patient> patients, Accounts.User physician,
        DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Fr.Local(now));
        var by = new Prescriber(physician.Id, Actor.NameOf(physician.DisplayName, physician: true), physician.Rpps);
        async Task SignAsync(Patient patient, int startedDaysAgo, params LineRequest[] lines)
        {
            var at = now.AddDays(-startedDaysAgo);
            var prescription = Prescription.Draft(patient.Id, patient.UnitId, Team.Somatic, by, at);
            var defaults = new DistributionDefaults(patient.UnitId);
            foreach (var line in lines)
            {
                var drug = await db.Drugs.SingleAsync(d => d.Cis == line.Cis);
                var mode = defaults.ModeFor(DistributionDefaults.ClassOf(drug.ActiveSubstances.Select(s => s.Name)));
                prescription.AddLine(PrescriptionLine.Create(line with { Start = today.AddDays(-startedDaysAgo) }, drug, mode), [],
                    patient.Allergies);
            }
            prescription.Sign(at, replacedAlreadySuperseded: false);
            db.Prescriptions.Add(prescription);
        }
        LineRequest Line(string cis, decimal dose, string unit, DoseTimes times, int days, DistributionMode? mode = null) =>
            new(cis, null, dose, unit, times, null, false, null, today, days, null, mode, null);

        await SignAsync(patients[2], 9, Line("99000012", 1, "gélule(s)", DoseTimes.Morning, 14));
        await SignAsync(patients[6], 20,
            Line("99000046", 1, "gélule(s)", DoseTimes.Morning, 90, DistributionMode.WeeklyPillBox),
            Line("99000045", 1, "comprimé(s)", DoseTimes.Morning | DoseTimes.Evening, 90, DistributionMode.WeeklyPillBox));
        await db.SaveChangesAsync();
    }
}
