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
        Accounts.User nurse, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Fr.Local(now));
        var by = new Prescriber(physician.Id, Actor.NameOf(physician.DisplayName, physician: true), physician.Rpps);
        async Task<Prescription> SignAsync(Patient patient, int startedDaysAgo, params LineRequest[] lines)
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
            return prescription;
        }
        LineRequest Line(string cis, decimal dose, string unit, DoseTimes times, int days, DistributionMode? mode = null) =>
            new(cis, null, dose, unit, times, null, false, null, today, days, null, mode, null);

        var methadone = await SignAsync(patients[2], 9, Line("99000012", 1, "gélule(s)", DoseTimes.Morning, 14));
        await SignAsync(patients[6], 20,
            Line("99000046", 1, "gélule(s)", DoseTimes.Morning, 90, DistributionMode.WeeklyPillBox),
            Line("99000045", 1, "comprimé(s)", DoseTimes.Morning | DoseTimes.Evening, 90, DistributionMode.WeeklyPillBox));
        // The morning round of « Bâtiment A » (patients 0, 9, 12, 15): a daily analgesic, a buprénorphine TSO and a
        // supervised cyamémazine already missed twice in a row — a third miss alerts the prescriber.
        await SignAsync(patients[0], 2, Line("99000002", 1, "comprimé(s)", DoseTimes.Morning | DoseTimes.Evening, 7));
        var subutex = await SignAsync(patients[9], 12, Line("99000013", 1, "comprimé(s)", DoseTimes.Morning, 28));
        var tercian = await SignAsync(patients[12], 20,
            Line("99000024", 1, "comprimé(s)", DoseTimes.Morning | DoseTimes.Evening, 30, DistributionMode.Supervised));
        await SignAsync(patients[15], 30, Line("99000045", 1, "comprimé(s)", DoseTimes.Morning | DoseTimes.Evening, 90));
        await db.SaveChangesAsync();
        await SeedRoundsAsync(db, patients, nurse, now, [(patients[2], methadone), (patients[9], subutex), (patients[12], tercian)]);
    }

    /// <summary>
    /// The last mornings' round: the TSO doses confirmed at entry and given, the cyamémazine given, then refused and
    /// missed (parloir); this week's pill-box of patient 6 prepared, waiting for its second check.
    /// </summary>
    private static async Task SeedRoundsAsync(AppDbContext db, IReadOnlyList<Patient> patients, Accounts.User nurse,
        DateTimeOffset now, IReadOnlyList<(Patient Patient, Prescription Prescription)> supervised)
    {
        var today = DateOnly.FromDateTime(Fr.Local(now));
        foreach (var (patient, _) in supervised.Take(2))
        {
            db.TsoConfirmations.Add(TsoConfirmation.Record(patient, TsoStart.Continuation, "CSAPA Le Trait d'Union, Dr Moreau",
                now.AddDays(-13), nurse.Id, nurse.DisplayName, now.AddDays(-13)));
        }
        await db.SaveChangesAsync();
        var confirmations = await db.TsoConfirmations.ToListAsync();
        AdministrationOutcome[] tercian = [AdministrationOutcome.Given, AdministrationOutcome.Refused, AdministrationOutcome.AbsentVisit];
        for (var daysAgo = 3; daysAgo >= 1; daysAgo--)
        {
            var day = today.AddDays(-daysAgo);
            var at = Fr.FromLocal(day.ToDateTime(new TimeOnly(8, 10)));
            foreach (var (patient, prescription) in supervised)
            {
                var due = DistributionRound.Due([prescription], day, RoundSlot.Morning);
                var outcome = prescription == supervised[2].Prescription ? tercian[3 - daysAgo] : AdministrationOutcome.Given;
                db.Administrations.Add(Administration.Record(patient, patient.UnitId, due, prescription.Id, 0, day, RoundSlot.Morning,
                    outcome, false, confirmations.FirstOrDefault(c => c.PatientId == patient.Id), nurse.Id, nurse.DisplayName, at));
            }
        }
        var pillBoxLines = ActiveTreatment.Of(await db.Prescriptions.Where(p => p.PatientId == patients[6].Id).ToListAsync(), today);
        db.PillBoxes.Add(PillBox.Prepare(patients[6], patients[6].UnitId, pillBoxLines, today, false, nurse.Id, nurse.DisplayName, now.AddHours(-1)));
        await db.SaveChangesAsync();
    }
}
