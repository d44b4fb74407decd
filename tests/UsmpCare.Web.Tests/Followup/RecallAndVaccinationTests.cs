using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Followup;

/// <summary>Issue #21, points 5 and 6: recalls booked through the agenda, the vaccination record and its catch-up.</summary>
public sealed class RecallAndVaccinationTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_recall_is_listed_as_due_then_booked_through_the_agenda_and_one_without_detail_is_refused()
    {
        var patient = await app.NewPatientAsync("Rappelé");
        var other = await app.NewPatientAsync("Autrui");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var url = $"/Followup/Recalls/{patient.Id}";
        var form = new Dictionary<string, string> { ["Reason"] = "Screening", ["Detail"] = " ", ["DueOn"] = TestClock.Today.AddDays(3).ToString("yyyy-MM-dd") };

        (await (await nurse.PostFormAsync(url + "?handler=Add", form)).TextAsync()).Should().Contain("Précisez le motif du rappel");
        (await app.WithDbAsync(db => db.Recalls.AnyAsync(r => r.PatientId == patient.Id))).Should().BeFalse();
        form["Detail"] = "Sérologie VIH refusée à l'entrée, à reproposer";
        (await nurse.PostFormAsync(url + "?handler=Add", form)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var recallId = await app.WithDbAsync(db => db.Recalls.Where(r => r.PatientId == patient.Id).Select(r => r.Id).SingleAsync());
        (await nurse.GetDocumentAsync("/Followup/Index")).QuerySelector("#recalls-due")!.TextContent.Should().Contain("RAPPELÉ");

        var (physicianId, roomId) = await app.WithDbAsync(async db => (
            await db.Users.Where(u => u.Email == DemoData.Account(Role.Physician).Email).Select(u => u.Id).SingleAsync(),
            await db.Rooms.Where(r => r.UnitId == patient.UnitId).OrderBy(r => r.Name).Select(r => r.Id).FirstAsync()));
        var booking = new Dictionary<string, string>
        {
            ["Input.PatientId"] = other.Id.ToString(), ["Input.RecallId"] = recallId.ToString(), ["Input.Kind"] = "Consultation",
            ["Input.Start"] = TestClock.Form(TestClock.Local(TimeSpan.FromDays(30)).Date.AddHours(8)), ["Input.DurationMinutes"] = "20",
            ["Input.PractitionerId"] = physicianId.ToString(), ["Input.RoomId"] = roomId.ToString(),
        };
        var bookUrl = $"/Agenda/Book?recallId={recallId}";
        (await (await nurse.PostFormAsync("/Agenda/Book", booking, bookUrl)).TextAsync())
            .Should().Contain("Ce rappel n'est pas celui de ce patient");
        booking["Input.PatientId"] = patient.Id.ToString();
        (await nurse.PostFormAsync("/Agenda/Book", booking, bookUrl)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var (recall, appointment) = await app.WithDbAsync(async db => (
            await db.Recalls.AsNoTracking().SingleAsync(r => r.Id == recallId),
            await db.Appointments.AsNoTracking().SingleAsync(a => a.PatientId == patient.Id)));
        recall.State.Should().Be(RecallState.Booked);
        recall.AppointmentId.Should().Be(appointment.Id);
        appointment.Should().BeEquivalentTo(new { RecallId = (Guid?)recallId, From = BookedFrom.Recall });
        (await app.WithDbAsync(db => db.Appointments.AnyAsync(a => a.PatientId == other.Id))).Should().BeFalse();
        (await nurse.GetDocumentAsync("/Followup/Index")).QuerySelector("#recalls-due")!.TextContent.Should().NotContain("RAPPELÉ");
    }

    [Fact]
    public async Task A_dose_without_lot_is_refused_a_dose_recorded_shows_the_catch_up_and_makes_its_recall()
    {
        var patient = await app.NewPatientAsync("Vacciné");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var url = $"/Followup/Vaccinations/{patient.Id}";
        var dose = new Dictionary<string, string>
        {
            ["Vaccine"] = "HepatitisB", ["DoseNumber"] = "1", ["Lot"] = "", ["Site"] = "LeftDeltoid",
            ["GivenOn"] = TestClock.Today.AddDays(-40).ToString("yyyy-MM-dd"),
        };

        (await (await nurse.PostFormAsync(url + "?handler=Give", dose)).TextAsync()).Should().Contain("Indiquez le numéro de lot");
        (await app.WithDbAsync(db => db.Vaccinations.AnyAsync(v => v.PatientId == patient.Id))).Should().BeFalse();
        dose["Lot"] = "HB12345";
        (await nurse.PostFormAsync(url + "?handler=Give", dose)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await nurse.GetDocumentAsync(url);
        page.QuerySelector("#doses")!.TextContent.Should().Contain("HB12345").And.Contain("Hépatite B");
        page.QuerySelector("#catch-up")!.TextContent.Should().Contain("Hépatite B, dose 2").And.Contain("DTP (diphtérie, tétanos, poliomyélite), dose 1");
        (await nurse.PostFormAsync(url + "?handler=Recall", new Dictionary<string, string> { ["Vaccine"] = "HepatitisB" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var recall = await app.WithDbAsync(db => db.Recalls.AsNoTracking().SingleAsync(r => r.PatientId == patient.Id));
        recall.Should().BeEquivalentTo(new { Reason = RecallReason.VaccineDose, Vaccine = (Vaccine?)Vaccine.HepatitisB, DueOn = TestClock.Today.AddDays(-40).AddMonths(1) });
        (await (await nurse.PostFormAsync(url + "?handler=Recall", new Dictionary<string, string> { ["Vaccine"] = "HepatitisB" })).TextAsync())
            .Should().Contain("Un rappel est déjà ouvert pour ce vaccin");
    }
}
