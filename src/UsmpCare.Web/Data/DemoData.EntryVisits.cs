using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    /// <summary>
    /// Issue #21 (4): three arrivals from liberty in the prison's movements of the first unit — one past the unit's
    /// target without an entry visit, one arrived this morning, one seen yesterday through the structured visit (HIV test
    /// refused, chest X-ray accepted), so the list, the problem list, the pending orders and the recalls show something.
    /// </summary>
    private static async Task SeedEntryVisitsAsync(AppDbContext db, Unit unit, Accounts.User physician, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(Fr.Local(now));
        var arrivals = new[]
        {
            new Patient(unit.Id, "24901", "Leroy", "Mathis", today.AddYears(-27).AddDays(-80), Sex.Male, today.AddDays(-4)),
            new Patient(unit.Id, "24902", "Lopes", "Sofiane", today.AddYears(-34).AddDays(-12), Sex.Male, today),
            new Patient(unit.Id, "24903", "Faure", "Kevin", today.AddYears(-41).AddDays(-200), Sex.Male, today.AddDays(-2)),
        };
        // The movement import places an arrival in the arrivals' wing: the prison brings him to the unit from there.
        foreach (var (arrival, i) in arrivals.Select((a, i) => (a, i)))
        {
            arrival.PlaceIn($"QA-{i + 1:00}", "Quartier arrivants");
        }
        db.Patients.AddRange(arrivals);
        db.PrisonMovements.AddRange(arrivals.Select(p => new PrisonMovement(unit.Id, p.Id, p.Ecrou, MovementKind.Arrival,
            p.ArrivalDate, null, "Import GENESIS (démo)", Fr.FromLocal(p.ArrivalDate.ToDateTime(new TimeOnly(7, 30))))));

        var seen = arrivals[2];
        var at = Fr.FromLocal(today.AddDays(-1).ToDateTime(new TimeOnly(10, 15)));
        var entry = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, seen.Id, unit.Id, physician.Id,
            Infrastructure.Actor.NameOf(physician.DisplayName, physician: true), at);
        entry.Consent = ConsentStatus.Given;
        entry.ConsentDetails = "Oral";
        var visit = EntryVisit.Record(entry, seen, new EntryVisitAnswers
        {
            History = "Appendicectomie à 12 ans. Pas d'allergie connue.",
            CurrentTreatments = "Aucun traitement à l'arrivée.",
            Tobacco = SubstanceUse.Current, CigarettesPerDay = 15, Alcohol = SubstanceUse.Former, Opioids = SubstanceUse.None,
            Substitution = OpioidSubstitution.None, Cannabis = SubstanceUse.Current,
            SuicideRisk = RudLevel.Low, SuicideUrgency = RudLevel.Low, SuicideDangerousness = RudLevel.Low,
            Tuberculosis = ScreeningAnswer.Accepted, Hiv = ScreeningAnswer.Refused, HepatitisB = ScreeningAnswer.Accepted,
            HepatitisC = ScreeningAnswer.Accepted,
            DtpStatus = VaccineStatus.Unknown, DtpCatchUp = CatchUpAnswer.Accepted,
            HepatitisBVaccineStatus = VaccineStatus.Unknown, HepatitisBCatchUp = CatchUpAnswer.Refused,
            PsychiatricReferral = ReferralAnswer.NotOffered,
            SheetNotHandedReason = "Remis par l'infirmière au passage du soir (arrivée tardive).",
        }, informationSheetId: null);
        entry.Sign(physician.Id, entry.AuthorName, at, signerHasTreatedPatient: false, Domain.Consents.MinorCare.Adult);
        var produced = visit.Produce([], [], [], seen.BirthDate, today.AddDays(-1), at);
        db.SomaticEntries.Add((SomaticEntry)entry);
        db.EntryVisits.Add(visit);
        db.MedicalRecords.Add(new MedicalRecord(seen.Id, Team.Somatic, at));
        db.Problems.AddRange(produced.Problems);
        db.TestOrders.AddRange(produced.Orders);
        db.Recalls.AddRange(produced.Recalls);
        await db.SaveChangesAsync();
    }
}
