using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    /// <summary>
    /// The follow-up of the demo unit (issue #21, points 5 and 6): problem lists (one in the psychiatric record), tests
    /// pending, overdue, awaiting a physician and acknowledged, recalls to book, vaccinations with a catch-up due.
    /// </summary>
    private static async Task SeedFollowupAsync(AppDbContext db, IReadOnlyList<Patient> patients, Accounts.User physician,
        Accounts.User psychiatrist, Accounts.User nurse, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Fr.Local(now));
        var doctor = Infrastructure.Actor.NameOf(physician.DisplayName, physician: true);
        var psy = Infrastructure.Actor.NameOf(psychiatrist.DisplayName, physician: true);
        Problem Somatic(Patient p, string code, int years) => new(p.Id, p.UnitId, Team.Somatic, Cim10.Find(code)!,
            today.AddYears(-years), null, physician.Id, doctor, now.AddDays(-30), today);
        var asthma = Somatic(patients[1], "J45.9", 12);
        asthma.Resolve(today.AddDays(-10), today);
        db.Problems.AddRange(Somatic(patients[0], "I10", 3), Somatic(patients[0], "E11.9", 2), Somatic(patients[4], "B18.2", 1), asthma,
            new Problem(patients[2].Id, patients[2].UnitId, Team.Psychiatric, Cim10.Find("F32.1")!, today.AddMonths(-2), null,
                psychiatrist.Id, psy, now.AddDays(-20), today));

        TestOrder Order(Patient p, Exam exam, int daysAgo) => new(p.Id, p.UnitId, Team.Somatic, exam, null, today.AddDays(-daysAgo),
            physician.Id, doctor, now.AddDays(-daysAgo));
        var pending = Order(patients[0], Exam.BloodPanel, 3);
        var overdue = Order(patients[1], Exam.HivSerology, 20);
        var unread = Order(patients[4], Exam.HepatitisCSerology, 10);
        unread.EnterResult(new(null, null, null, QualitativeResult.Positive, "ARN VHC à demander"), today.AddDays(-2), today,
            nurse.Id, nurse.DisplayName, now.AddDays(-2));
        var glycaemia = Order(patients[0], Exam.BloodPanel, 8);
        glycaemia.EnterResult(new(7.9m, "mmol/L", "4,1 – 5,9", null, "Glycémie à jeun élevée"), today.AddDays(-6), today,
            nurse.Id, nurse.DisplayName, now.AddDays(-6));
        var xray = Order(patients[5], Exam.ChestXray, 15);
        xray.EnterResult(new(null, null, null, null, "Pas d'image suspecte de tuberculose"), today.AddDays(-12), today,
            nurse.Id, nurse.DisplayName, now.AddDays(-12));
        xray.Result!.Acknowledge(true, physician.Id, doctor, now.AddDays(-11));
        db.TestOrders.AddRange(pending, overdue, unread, glycaemia, xray);

        // Vaccinations: one hepatitis B dose six weeks ago (the 2nd is due), a complete record for another patient.
        db.Vaccinations.Add(new Vaccination(patients[0].Id, patients[0].UnitId, Team.Somatic, Vaccine.HepatitisB, 1, "HB7741K",
            today.AddDays(-42), InjectionSite.LeftDeltoid, patients[0].BirthDate, nurse.Id, nurse.DisplayName, now.AddDays(-42), today));
        foreach (var (vaccine, dose, daysAgo) in new[] { (Vaccine.HepatitisB, 1, 200), (Vaccine.HepatitisB, 2, 170), (Vaccine.HepatitisB, 3, 20),
                     (Vaccine.DtpPertussis, 3, 60) })
        {
            var given = today.AddDays(-daysAgo);
            db.Vaccinations.Add(new Vaccination(patients[5].Id, patients[5].UnitId, Team.Somatic, vaccine, dose, $"LOT{given:yyMM}{dose}",
                given, InjectionSite.RightDeltoid, patients[5].BirthDate, nurse.Id, nurse.DisplayName, now.AddDays(-daysAgo), today));
        }
        var due = VaccinationSchedule.CatchUp([], patients[0].BirthDate, today).First(d => d.Vaccine == Vaccine.Dtp);
        db.Recalls.AddRange(
            Recall.ForDose(patients[0].Id, patients[0].UnitId, Team.Somatic, due, nurse.Id, nurse.DisplayName, now.AddDays(-1)),
            Recall.ByHand(patients[1].Id, patients[1].UnitId, Team.Somatic, RecallReason.Screening,
                "Sérologie VHC refusée à l'entrée, à reproposer", today.AddDays(5), today, physician.Id, doctor, now.AddDays(-20)),
            Recall.ByHand(patients[0].Id, patients[0].UnitId, Team.Somatic, RecallReason.ChronicFollowUp,
                "HbA1c trimestrielle et fond d'œil", today.AddDays(10), today, physician.Id, doctor, now.AddDays(-6)));
        await db.SaveChangesAsync();
    }
}
