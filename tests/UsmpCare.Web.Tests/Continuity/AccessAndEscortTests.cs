using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Pages.Escorts;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Continuity;

public sealed class AccessAndEscortTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public void Legal_deadlines_are_eight_days_or_two_months_for_information_older_than_five_years()
    {
        RecordAccessRequest.DueDate(new DateOnly(2026, 11, 2), olderThanFiveYears: false).Should().Be(new DateOnly(2026, 11, 10));
        RecordAccessRequest.DueDate(new DateOnly(2026, 11, 2), olderThanFiveYears: true).Should().Be(new DateOnly(2027, 1, 2));
    }

    [Fact]
    public async Task Access_requests_show_their_deadline_stand_out_when_overdue_and_a_third_party_needs_a_mandate()
    {
        var patient = await app.NewPatientAsync("Accès");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var received = TestClock.Today.AddDays(-10).ToString("yyyy-MM-dd");

        (await secretary.PostFormAsync("/Continuity/AccessRequests", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["Requester"] = "MandatedThirdParty", ["RequesterName"] = "Mme Lina Accès", ["ReceivedOn"] = received,
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await secretary.PostFormAsync("/Continuity/AccessRequests", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["Requester"] = "Lawyer", ["RequesterName"] = "Maître Jeanne Droit", ["ReceivedOn"] = received,
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await secretary.PostFormAsync("/Continuity/AccessRequests", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["Requester"] = "Patient", ["RequesterName"] = "Le patient", ["ReceivedOn"] = received,
            ["OlderThanFiveYears"] = "true",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var rows = (await secretary.GetDocumentAsync("/Continuity/AccessRequests")).QuerySelectorAll("table.data tbody tr").ToList();
        rows.Single(r => r.TextContent.Contains("Maître Jeanne Droit")).ClassList.Should().Contain("overdue");
        rows.Single(r => r.TextContent.Contains("Le patient —")).ClassList.Should().NotContain("overdue");

        // The coordinator's desk counts the overdue requests.
        (await (await app.LoginAsAsync(DemoData.Account(Role.Coordinator))).GetDocumentAsync("/Continuity")).Body!.TextContent.Should().MatchRegex(@"Demandes d'accès au dossier — \d+ en retard");

        // P19: nothing is handed to the lawyer before the patient's signed mandate is recorded.
        var id = await app.WithDbAsync(db => db.RecordAccessRequests.Where(r => r.RequesterName == "Maître Jeanne Droit").Select(r => r.Id).SingleAsync());
        var handOver = new Dictionary<string, string> { ["RequestId"] = id.ToString() };
        (await (await secretary.PostFormAsync("/Continuity/AccessRequests?handler=HandOver", handOver, "/Continuity/AccessRequests")).TextAsync())
            .Should().Contain("mandat signé du patient (scan)");
        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
        await app.WithDbAsync(async db =>
        {
            (await db.RecordAccessRequests.SingleAsync(r => r.Id == id)).AttachPatientDocument("%PDF-1.4 mandat"u8.ToArray(), "Secrétariat", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        (await secretary.PostFormAsync("/Continuity/AccessRequests?handler=HandOver", handOver,
            "/Continuity/AccessRequests")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var line = await app.WithDbAsync(db => db.Disclosures.SingleAsync(d => d.PatientId == patient.Id));
        line.RecipientName.Should().Be("Maître Jeanne Droit");
        line.Exception.Should().Be(UsmpCare.Domain.Disclosures.LegalException.RecordAccessRequest);
    }

    [Fact]
    public async Task The_prison_administration_sees_the_escort_but_never_its_medical_reason()
    {
        var patient = await app.NewPatientAsync("Extraction");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await nurse.PostFormAsync("/Escorts", new Dictionary<string, string>
        {
            ["Ecrou"] = patient.Ecrou, ["At"] = TestClock.Form(TimeSpan.FromDays(2)),
            ["PlaceId"] = (await app.PlaceIdAsync()).ToString(), ["EscortLevel"] = "2", ["MedicalReason"] = "Biopsie d'un mélanome suspect",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await nurse.GetDocumentAsync("/Escorts")).Body!.TextContent.Should().Contain("Biopsie d'un mélanome suspect");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        (await secretary.GetDocumentAsync("/Escorts")).Body!.TextContent.Should().Contain("Centre hospitalier de Villeneuve").And.NotContain("mélanome");

        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        var view = (await ap.GetDocumentAsync("/Ap/Escorts")).Body!.TextContent;
        view.Should().Contain("Centre hospitalier de Villeneuve").And.Contain(patient.Ecrou);
        view.Should().NotContain("Biopsie").And.NotContain("mélanome");
        var home = (await ap.GetDocumentAsync("/Ap")).QuerySelector("#escorts")!.TextContent;
        home.Should().Contain("Centre hospitalier de Villeneuve").And.NotContain("mélanome");
        (await ap.GetAsync("/Escorts")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public void The_escort_figures_count_cancellations_late_cancellations_and_the_median_delay()
    {
        var requested = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
        var place = new EscortPlace(Guid.NewGuid(), PlaceKind.Hospital, "CHU de Villeneuve");
        ExternalAppointment Appointment(int day) => new(Guid.NewGuid(), place.UnitId, new DateTimeOffset(2026, 10, day, 9, 0, 0, TimeSpan.Zero),
            place, 2, "motif", Guid.NewGuid(), "Dr Test", requested);
        var done4 = Appointment(5);
        done4.MarkDone(requested.AddDays(4));
        var done10 = Appointment(11);
        done10.MarkDone(requested.AddDays(10));
        var lateCancel = Appointment(12);
        lateCancel.Cancel(CancelledBy.PrisonAdministration, new DateTimeOffset(2026, 10, 12, 7, 0, 0, TimeSpan.Zero));
        var earlyCancel = Appointment(20);
        earlyCancel.Cancel(CancelledBy.Hospital, new DateTimeOffset(2026, 10, 10, 7, 0, 0, TimeSpan.Zero));

        var figures = IndexModel.Compute([done4, done10, lateCancel, earlyCancel]).Single();

        figures.Month.Should().Be("2026-10");
        figures.Total.Should().Be(4);
        figures.Cancelled.Should().Be(2);
        figures.CancellationRate.Should().Be(0.5);
        figures.CancelledWithin24h.Should().Be(1);
        figures.MedianDaysToDone.Should().Be(7);
    }
}
