using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Units;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Reports;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Reports;

/// <summary>
/// A unit of its own with a first quarter of 2026 whose every figure was counted by hand (the expected values are in
/// <see cref="ActivityReportTests"/>). Each fact has a twin outside the period, which must not be counted.
/// Paris is UTC+1 throughout January–March 2026 (summer time starts on 29 March).
/// </summary>
public static class KnownDataset
{
    public static readonly ReportPeriod Quarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
    public static readonly TimeSpan Paris = TimeSpan.FromHours(1);

    private static readonly Guid Author = Guid.NewGuid();

    public static DateTimeOffset At(int month, int day, int hour = 9) => new DateTimeOffset(2026, month, day, hour, 0, 0, Paris).ToUniversalTime();

    public static async Task<Unit> SeedAsync(AppDbContext db)
    {
        var unit = new Unit(Unique.UnitCode("KNOWN"), "USMP de test du rapport", EstablishmentType.MA,
            "CH de test", "01 00 00 00 00", "1 rue du Test, 75000 Paris");
        db.Units.Add(unit);

        Patient NewPatient(string name, DateOnly arrival)
        {
            var p = new Patient(unit.Id, Unique.Ecrou('K'), name, "Jean", new DateOnly(1990, 5, 5), Sex.Male, arrival);
            db.Patients.Add(p);
            return p;
        }

        // Arrivals: six in the quarter, four seen at the entry visit after 10 h, 36 h, 8 h and 48 h.
        var p1 = NewPatient("Arnaud", new DateOnly(2026, 1, 10));
        var p2 = NewPatient("Bernard", new DateOnly(2026, 1, 20));
        var p3 = NewPatient("Caron", new DateOnly(2026, 2, 5));
        var p4 = NewPatient("Dupuis", new DateOnly(2026, 3, 1));
        var p5 = NewPatient("Étienne", new DateOnly(2026, 3, 15));
        var p6 = NewPatient("Fabre", new DateOnly(2026, 2, 10));
        var p7 = NewPatient("Garnier", new DateOnly(2025, 12, 20));
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Arrival, p1, At(1, 10, 10));
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Arrival, p2, At(1, 21, 12));
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Arrival, p3, At(2, 5, 8));
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Arrival, p6, At(2, 12, 0));
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Arrival, p7, At(1, 2, 9));
        // p5's entry visit is only a draft: not seen.
        var draft = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, p5.Id, unit.Id, Author, "Dr Test", At(3, 16));
        draft.ConsultationType = ConsultationType.Arrival;
        db.Add(draft);

        // Other consultations: two somatic in the quarter, one after it; three psychiatric follow-ups; two nursing notes.
        // P01: three of them with a guard in the room (January, February, March), one more in April, out of the quarter.
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Consultation, p1, At(2, 1), (GuardGround.AssaultRisk, "Dr Test"));
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Consultation, p2, At(3, 2), (GuardGround.EscapeRisk, "Dr Autre"));
        Signed(db, Team.Somatic, EntryKind.Consultation, ConsultationType.Consultation, p2, new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime(),
            (GuardGround.Behaviour, "Dr Test"));
        Signed(db, Team.Psychiatric, EntryKind.Consultation, ConsultationType.FollowUp, p3, At(1, 15), (GuardGround.AssaultRisk, "Dr Test"));
        Signed(db, Team.Psychiatric, EntryKind.Consultation, ConsultationType.FollowUp, p3, At(2, 15));
        Signed(db, Team.Psychiatric, EntryKind.Consultation, ConsultationType.FollowUp, p3, At(3, 15));
        Signed(db, Team.Somatic, EntryKind.NursingNote, null, p4, At(3, 2));
        Signed(db, Team.Somatic, EntryKind.NursingNote, null, p4, At(3, 3));

        // Pre-release visits: offered three times in the quarter (one done, one declined, one pending), one done in April.
        Plan(db, p1, unit, PreReleaseVisitStatus.Done, At(2, 1));
        Plan(db, p2, unit, PreReleaseVisitStatus.Declined, At(2, 2));
        Plan(db, p3, unit, PreReleaseVisitStatus.Offered, At(3, 3));
        Plan(db, p6, unit, PreReleaseVisitStatus.Done, new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime());

        // Care requests: six collected on 5 January (4 somatic, 1 psychiatric, 1 dental); three seen after 24, 48 and
        // 72 h, one closed, two still open; one more collected in April.
        var round = new CollectionRound(unit.Id, "Bâtiment A", null, At(1, 5, 8), Author, "IDE Test", At(1, 5, 8));
        db.Add(round);
        var requests = new[] { RequestTeam.Somatic, RequestTeam.Somatic, RequestTeam.Somatic, RequestTeam.Somatic, RequestTeam.Psychiatric, RequestTeam.Dental }
            .Select((team, i) => new CareRequest(round, p1.Id, null, team, $"Billet {i}", Urgency.NotUrgent, false, false, false, Author, "IDE Test", At(1, 5, 9)))
            .ToList();
        db.AddRange(requests);
        requests[0].AnsweredBy(Guid.NewGuid(), At(1, 6, 8), Author, "Dr Test", At(1, 6, 8));
        requests[1].AnsweredBy(Guid.NewGuid(), At(1, 7, 8), Author, "Dr Test", At(1, 7, 8));
        requests[4].AnsweredBy(Guid.NewGuid(), At(1, 8, 8), Author, "Dr Test", At(1, 8, 8));
        requests[2].Close(CloseReason.Resolved, null, Author, "Dr Test", At(1, 9));
        var april = new CollectionRound(unit.Id, "Bâtiment A", null, new DateTimeOffset(2026, 4, 5, 8, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime(), Author, "IDE Test",
            new DateTimeOffset(2026, 4, 5, 8, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime());
        db.Add(april);
        db.Add(new CareRequest(april, p1.Id, null, RequestTeam.Somatic, "Billet d'avril", Urgency.NotUrgent, false, false, false, Author, "IDE Test", april.CollectedAt));

        // Extractions and hospitalisations.
        var a1 = Appointment(db, p1, unit, requested: At(1, 3), at: At(1, 15));
        a1.MarkDone(At(1, 15, 11), escortDelayMinutes: 30);
        var a2 = Appointment(db, p2, unit, requested: At(1, 4), at: At(1, 20, 10));
        a2.Cancel(CancellationCause.EscortUnavailable, At(1, 19, 21));
        var a3 = Appointment(db, p3, unit, requested: At(2, 1), at: At(2, 20));
        a3.Cancel(CancellationCause.HospitalCancelled, At(2, 10));
        var a4 = Appointment(db, p4, unit, requested: At(2, 2), at: At(2, 25));
        a4.Cancel(CancelledBy.Patient, At(2, 20));
        var a5 = Appointment(db, p5, unit, requested: At(3, 1), at: At(3, 10));
        a5.MarkDone(At(3, 10, 12), escortDelayMinutes: 0);
        var a6 = Appointment(db, p6, unit, requested: At(3, 2), at: At(3, 5), AppointmentKind.HospitalisationUhsa);
        a6.MarkDone(At(3, 5, 14));
        var a7 = Appointment(db, p7, unit, requested: new DateTimeOffset(2025, 12, 1, 9, 0, 0, Paris).ToUniversalTime(), at: new DateTimeOffset(2025, 12, 10, 9, 0, 0, Paris).ToUniversalTime(),
            AppointmentKind.HospitalisationUhsi);
        a7.MarkDone(new DateTimeOffset(2025, 12, 10, 10, 0, 0, Paris).ToUniversalTime());
        Appointment(db, p1, unit, requested: At(3, 20), at: new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime());

        // Documents: two follow-up attestations and an injury certificate in the quarter, one attestation in April.
        Document(db, p1, unit, DocumentKind.FollowUpAttestation, At(1, 12));
        Document(db, p2, unit, DocumentKind.FollowUpAttestation, At(2, 12));
        Document(db, p3, unit, DocumentKind.InjuryCertificate, At(3, 12));
        Document(db, p3, unit, DocumentKind.FollowUpAttestation, new DateTimeOffset(2026, 4, 12, 9, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime());

        // Requests of the administration: four received; one refused for lack of a legal basis, one refused before
        // grounds were recorded, one accepted, one still pending.
        var r1 = new AdministrationRequest(p1.Id, unit.Id, "Compatibilité avec l'isolement", null, Author, "Direction", At(1, 10));
        r1.Refuse(RefusalGround.NoLegalBasis, "Aucun texte ne le prévoit.", "Dr Test", At(1, 12));
        var r2 = new AdministrationRequest(p2.Id, unit.Id, "Attestation de régime", null, Author, "Direction", At(1, 11));
        r2.Answer(Guid.NewGuid(), "Dr Test", At(1, 15));
        var r3 = new AdministrationRequest(p3.Id, unit.Id, "Attestation", null, Author, "Direction", At(3, 30));
        var r4 = new AdministrationRequest(p4.Id, unit.Id, "Certificat", null, Author, "Direction", At(2, 1));
        r4.Refuse("Motif libre.", "Dr Test", At(2, 3));
        db.AddRange(r1, r2, r3, r4);

        // Hunger strikes: two started in the quarter (one ended), one started in December and ended in January.
        var h1 = new HungerStrike(p1.Id, unit.Id, new DateOnly(2026, 1, 5), false, Author, "Dr Test", At(1, 5));
        h1.End(new DateOnly(2026, 1, 20), "Reprise de l'alimentation.");
        var h2 = new HungerStrike(p2.Id, unit.Id, new DateOnly(2026, 3, 25), false, Author, "Dr Test", At(3, 25));
        var h3 = new HungerStrike(p3.Id, unit.Id, new DateOnly(2025, 12, 28), false, Author, "Dr Test", new DateTimeOffset(2025, 12, 28, 9, 0, 0, Paris).ToUniversalTime());
        h3.End(new DateOnly(2026, 1, 3), "Reprise de l'alimentation.");
        db.AddRange(h1, h2, h3);

        // Appointments at the unit (issue #21): six in the quarter — one seen, two not brought for lack of officers
        // (January, February), one absent at the parloir (February), one refused (March), one without outcome — one
        // cancelled, and one not brought in April.
        var physician = await db.Users.Where(u => u.Email == "medecin@demo.usmp.fr").Select(u => u.Id).SingleAsync();
        var doctor = new Practitioner(physician, "Dr Test", Role.Physician, Team.Somatic, new HashSet<Guid> { unit.Id });
        var room = new Room(unit.Id, "Salle 1");
        db.Add(room);
        void Visit(Patient patient, DateTimeOffset at, AppointmentOutcome? outcome, OutcomeReason? reason = null, bool cancel = false)
        {
            var appointment = Domain.Agenda.Appointment.Book(new Booking(patient, unit.Id, VisitKind.Consultation, at, 20, doctor, room, "Motif"),
                [], Author, "Secrétariat", at.AddDays(-1));
            if (cancel)
            {
                appointment.Cancel();
            }
            if (outcome is { } o)
            {
                appointment.RecordOutcome(o, reason, null, null, o == AppointmentOutcome.NotBrought, Author, "Dr Test", at.AddHours(1), Fr.Paris);
            }
            db.Add(appointment);
        }
        Visit(p1, At(1, 12), AppointmentOutcome.Seen);
        Visit(p2, At(1, 13), AppointmentOutcome.NotBrought, OutcomeReason.StaffShortage);
        Visit(p3, At(2, 3), AppointmentOutcome.NotBrought, OutcomeReason.StaffShortage);
        Visit(p4, At(2, 4), AppointmentOutcome.Absent, OutcomeReason.Parloir);
        Visit(p5, At(3, 2), AppointmentOutcome.RefusedByPatient);
        Visit(p6, At(3, 3), null);
        Visit(p1, At(3, 4), null, cancel: true);
        Visit(p2, new DateTimeOffset(2026, 4, 2, 9, 0, 0, TimeSpan.FromHours(2)).ToUniversalTime(), AppointmentOutcome.NotBrought, OutcomeReason.NotCalled);

        await db.SaveChangesAsync();
        return unit;
    }

    private static void Signed(AppDbContext db, Team team, EntryKind kind, ConsultationType? type, Patient patient, DateTimeOffset at,
        (GuardGround Ground, string Physician)? guard = null)
    {
        var entry = ClinicalEntry.New(team, kind, patient.Id, patient.UnitId, Author, "Dr Test", at);
        entry.ConsultationType = type;
        entry.Consent = ConsentStatus.Given;
        entry.Note = "Note.";
        if (guard is { } g)
        {
            entry.GuardPresent = true;
            entry.GuardGround = g.Ground;
            entry.GuardReason = "Menaces envers le personnel.";
        }
        entry.Sign(Author, guard?.Physician ?? "Dr Test", at, signerHasTreatedPatient: false, MinorCare.Adult);
        db.Add(entry);
    }

    private static void Plan(AppDbContext db, Patient patient, Unit unit, PreReleaseVisitStatus status, DateTimeOffset at)
    {
        var plan = new ReleasePlan(patient.Id, unit.Id);
        plan.RecordVisit(status, "Dr Test", at);
        db.Add(plan);
    }

    private static ExternalAppointment Appointment(AppDbContext db, Patient patient, Unit unit, DateTimeOffset requested, DateTimeOffset at,
        AppointmentKind kind = AppointmentKind.Consultation)
    {
        var place = new EscortPlace(unit.Id, PlaceKind.Hospital, "CHU " + Guid.NewGuid().ToString("N")[..8]);
        db.Add(place);
        var appointment = new ExternalAppointment(patient.Id, unit.Id, at, place, 2, "Motif", Author, "Dr Test", requested, kind);
        db.Add(appointment);
        return appointment;
    }

    private static void Document(AppDbContext db, Patient patient, Unit unit, DocumentKind kind, DateTimeOffset at) =>
        db.Add(new IssuedDocument("K-" + Guid.NewGuid().ToString("N")[..12], patient.Id, unit.Id, kind, Catalogue.Of(kind).Title,
            RecipientCategory.Patient, "Le patient", "Texte.", "%PDF-1.4"u8.ToArray(), Author, "Dr Test", null, at, null, null, true, null,
            Guid.NewGuid()));
}
