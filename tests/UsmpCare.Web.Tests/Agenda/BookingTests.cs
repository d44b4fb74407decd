using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Agenda;

/// <summary>
/// Issue #21, « done when »: bad input on the booking page — a slot in the past, a slot that overlaps the
/// practitioner's, a patient of another unit — gets its French message and stores nothing.
/// </summary>
public sealed class BookingTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private async Task<(HttpResponseMessage Response, int Stored)> BookAsync(HttpClient client, Guid patientId, DateTime localStart, string room = "Salle de consultation 2")
    {
        var (practitionerId, roomId) = await app.FormIdsAsync("medecin@demo.usmp.fr", room);
        var response = await client.PostFormAsync("/Agenda/Book", new Dictionary<string, string>
        {
            ["Input.PatientId"] = patientId.ToString(), ["Input.Kind"] = "Consultation", ["Input.Start"] = TestClock.Form(localStart),
            ["Input.DurationMinutes"] = "30", ["Input.PractitionerId"] = practitionerId.ToString(), ["Input.RoomId"] = roomId.ToString(),
            ["Input.Reason"] = "Douleurs abdominales",
        });
        return (response, await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == patientId)));
    }

    [Fact]
    public async Task A_slot_in_the_past_is_refused_in_french_and_nothing_is_stored()
    {
        var patient = await app.NewPatientAsync("Passe");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));

        var (response, stored) = await BookAsync(secretary, patient.Id, TestClock.Local(TimeSpan.FromHours(-2)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.TextAsync()).Should().Contain("Ce créneau est déjà passé : choisissez une heure à venir.");
        stored.Should().Be(0);
    }

    [Fact]
    public async Task An_overlapping_slot_of_the_practitioner_is_refused_in_french_and_nothing_is_stored()
    {
        var first = await app.NewPatientAsync("Premier");
        var second = await app.NewPatientAsync("Second");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var at = TestClock.Today.AddDays(24).ToDateTime(new TimeOnly(7, 0));
        (await BookAsync(secretary, first.Id, at)).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (response, stored) = await BookAsync(secretary, second.Id, at.AddMinutes(15), "Salle de soins");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.TextAsync()).Should().Contain("Dr Claire Martin a déjà un rendez-vous sur ce créneau");
        stored.Should().Be(0);
    }

    [Fact]
    public async Task A_room_already_taken_by_another_practitioner_is_refused_in_french_and_nothing_is_stored()
    {
        var first = await app.NewPatientAsync("Salleprise");
        var second = await app.NewPatientAsync("Sallevoulue");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var at = TestClock.Today.AddDays(26).ToDateTime(new TimeOnly(7, 0));
        (await BookAsync(secretary, first.Id, at, "Salle de soins")).Response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (nurseId, roomId) = await app.FormIdsAsync(DemoData.Nurse(Team.Somatic).Email, "Salle de soins");

        var response = await secretary.PostFormAsync("/Agenda/Book", new Dictionary<string, string>
        {
            ["Input.PatientId"] = second.Id.ToString(), ["Input.Kind"] = "NursingCare", ["Input.Start"] = TestClock.Form(at.AddMinutes(20)),
            ["Input.DurationMinutes"] = "15", ["Input.PractitionerId"] = nurseId.ToString(), ["Input.RoomId"] = roomId.ToString(),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.TextAsync()).Should().Contain("La salle « Salle de soins » est déjà occupée sur ce créneau");
        (await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == second.Id))).Should().Be(0);
    }

    [Fact]
    public async Task The_ecrou_of_a_patient_of_another_unit_is_refused_in_french_and_nothing_is_stored()
    {
        var stranger = await app.NewPatientAsync("Ecrouailleurs", DemoData.UnitB);
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var (practitionerId, roomId) = await app.FormIdsAsync("medecin@demo.usmp.fr");

        var response = await secretary.PostFormAsync("/Agenda/Book", new Dictionary<string, string>
        {
            ["Input.Ecrou"] = stranger.Ecrou, ["Input.Kind"] = "Consultation",
            ["Input.Start"] = TestClock.Form(TestClock.Today.AddDays(27).ToDateTime(new TimeOnly(7, 0))),
            ["Input.DurationMinutes"] = "30", ["Input.PractitionerId"] = practitionerId.ToString(), ["Input.RoomId"] = roomId.ToString(),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.TextAsync()).Should().Contain("Choisissez le patient (son numéro d'écrou dans cette unité).");
        (await app.WithDbAsync(db => db.Appointments.CountAsync(a => a.PatientId == stranger.Id))).Should().Be(0);
    }

    [Fact]
    public async Task A_patient_of_another_unit_is_refused_in_french_and_nothing_is_stored()
    {
        var stranger = await app.NewPatientAsync("Ailleurs", DemoData.UnitB);
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));

        var (response, stored) = await BookAsync(secretary, stranger.Id, TestClock.Today.AddDays(25).ToDateTime(new TimeOnly(7, 0)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.TextAsync()).Should().Contain("Ce patient n'est pas suivi par cette unité");
        stored.Should().Be(0);
    }
}
