using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Units;

namespace UsmpCare.Web.Data;

public static partial class DemoData
{
    /// <summary>The demo unit's rooms and a plausible week of appointments from today on (issue #21).</summary>
    private static async Task SeedAgendaAsync(AppDbContext db, Unit unit, IReadOnlyList<Patient> patients,
        IReadOnlyList<Accounts.User> staff, DateTimeOffset now)
    {
        var rooms = new[] { "Salle de consultation 1", "Salle de consultation 2", "Cabinet dentaire", "Salle de soins", "Bureau d'entretien" }
            .Select(name => new Room(unit.Id, name)).ToArray();
        db.Rooms.AddRange(rooms);
        await db.SaveChangesAsync();
        Practitioner Of(string email, Role role)
        {
            var u = staff.Single(s => s.Email == email);
            return new Practitioner(u.Id, Actor.NameOf(u.DisplayName, role.IsPhysician() || role == Role.Dentist), role, u.Team!.Value, new HashSet<Guid> { unit.Id });
        }
        var plan = new (Practitioner Who, Room Room, VisitKind Kind, string Reason)[]
        {
            (Of("medecin@demo.usmp.fr", Role.Physician), rooms[0], VisitKind.Consultation, "Douleurs lombaires, réévaluation"),
            (Of("medecin@demo.usmp.fr", Role.Physician), rooms[0], VisitKind.EntryVisit, "Arrivant de liberté"),
            (Of("medecin@demo.usmp.fr", Role.Physician), rooms[0], VisitKind.FollowUp, "Suivi tensionnel"),
            (Of("dentiste@demo.usmp.fr", Role.Dentist), rooms[2], VisitKind.Dental, "Abcès dentaire, contrôle"),
            (Of("psychiatre@demo.usmp.fr", Role.Psychiatrist), rooms[1], VisitKind.FollowUp, "Insomnie, réévaluation du traitement"),
            (Of("psychologue@demo.usmp.fr", Role.Psychologist), rooms[4], VisitKind.Psychology, "Entretien de soutien"),
            (Of("infirmier.soma@demo.usmp.fr", Role.Nurse), rooms[3], VisitKind.NursingCare, "Pansement de plaie à l'avant-bras"),
        };
        var today = DateOnly.FromDateTime(Fr.Local(now)).ToDateTime(new TimeOnly(14, 0));
        var booked = new List<Appointment>();
        for (var day = 0; day < 6; day++)
        {
            for (var i = 0; i < plan.Length; i++)
            {
                var (who, room, kind, reason) = plan[i];
                var start = Fr.FromLocal(today.AddDays(day).AddMinutes(30 * (i % 3)));
                if (start < now)
                {
                    continue;
                }
                var patient = patients[(day * plan.Length + i) % 30 + 6];
                booked.Add(Appointment.Book(new Booking(patient, unit.Id, kind, start, 25, who, room, reason), booked,
                    who.Id, who.Name, now));
            }
        }
        db.Appointments.AddRange(booked);
        db.Appointments.AddRange(PastWeeks(unit, patients, plan[0].Who, rooms[0], staff, now));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Three past weeks of the physician's mornings with what became of them — seen, refused, not brought by the prison
    /// for its reasons, absent at the parloir or in court — so the movement list and the month's lost appointments show
    /// something (issue #21, point 3). Booked the day before, as the secretariat does.
    /// </summary>
    private static IEnumerable<Appointment> PastWeeks(Unit unit, IReadOnlyList<Patient> patients, Practitioner who, Room room,
        IReadOnlyList<Accounts.User> staff, DateTimeOffset now)
    {
        var prison = staff.Single(s => s.Email == "ap@demo.usmp.fr");
        var outcomes = new (AppointmentOutcome Outcome, OutcomeReason? Reason)[]
        {
            (AppointmentOutcome.Seen, null), (AppointmentOutcome.NotBrought, OutcomeReason.StaffShortage), (AppointmentOutcome.Seen, null),
            (AppointmentOutcome.Absent, OutcomeReason.Parloir), (AppointmentOutcome.RefusedByPatient, null), (AppointmentOutcome.Seen, null),
            (AppointmentOutcome.NotBrought, OutcomeReason.MovementsBlocked), (AppointmentOutcome.Absent, OutcomeReason.Court), (AppointmentOutcome.Seen, null),
            (AppointmentOutcome.NotBrought, OutcomeReason.StaffShortage),
        };
        var today = DateOnly.FromDateTime(Fr.Local(now));
        for (var i = 0; i < outcomes.Length; i++)
        {
            var start = Fr.FromLocal(today.AddDays(-2 * (i + 1)).ToDateTime(new TimeOnly(9, 0)));
            var appointment = Appointment.Book(new Booking(patients[i + 6], unit.Id, VisitKind.Consultation, start, 20, who, room, "Suivi de la tension artérielle"),
                [], who.Id, who.Name, start.AddDays(-1));
            var (outcome, reason) = outcomes[i];
            var byPrison = outcome == AppointmentOutcome.NotBrought;
            appointment.RecordOutcome(outcome, reason, null, null, byPrison, byPrison ? prison.Id : who.Id,
                byPrison ? Actor.NameOf(prison.DisplayName, false) : who.Name, start.AddHours(2), Fr.Paris);
            yield return appointment;
        }
    }
}
