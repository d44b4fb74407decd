using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Agenda;

/// <summary>Intent helpers for agenda tests: an appointment of the demo unit stored as the booking page stores it.</summary>
public static class Agendas
{
    /// <summary>The demo unit's practitioner of that account and one of its rooms, as the booking form posts them.</summary>
    public static Task<(Guid PractitionerId, Guid RoomId)> FormIdsAsync(this UsmpFactory app, string email, string room = "Salle de consultation 1") =>
        app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(),
            await db.Rooms.Where(r => r.Name == room && db.Units.Any(u => u.Id == r.UnitId && u.Code == DemoData.UnitA)).Select(r => r.Id).SingleAsync()));

    /// <summary>
    /// Books through <see cref="Appointment.Book"/> with « now » the day before the slot, so a slot of today or of the
    /// past can be made (its outcome is then due); the checks are those of the page.
    /// </summary>
    public static Task<Appointment> BookAsync(this UsmpFactory app, Patient patient, DateTime localStart, VisitKind kind = VisitKind.Consultation,
        string email = "medecin@demo.usmp.fr", Role role = Role.Physician, string room = "Salle de consultation 1", string reason = "Réévaluation programmée") =>
        app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            var theRoom = await db.Rooms.SingleAsync(r => r.Name == room && r.UnitId == patient.UnitId);
            var who = new Practitioner(user.Id, user.DisplayName, role, user.Team!.Value, new HashSet<Guid> { patient.UnitId });
            var start = Fr.FromLocal(localStart);
            var appointment = Appointment.Book(new Booking(patient, patient.UnitId, kind, start, 20, who, theRoom, reason), [],
                user.Id, user.DisplayName, start.AddDays(-1));
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync();
            return appointment;
        });

    /// <summary>A fresh patient of the demo unit held in a cell, as the movement import places him.</summary>
    public static Task<Patient> PatientInCellAsync(this UsmpFactory app, string lastName, string cell, string wing) =>
        app.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
            var patient = new Patient(unitId, Unique.Ecrou('M'), lastName, "Yves", TestClock.Today.AddYears(-30), Sex.Male, TestClock.Today.AddDays(-20));
            patient.PlaceIn(cell, wing);
            db.Patients.Add(patient);
            await db.SaveChangesAsync();
            return patient;
        });
}
