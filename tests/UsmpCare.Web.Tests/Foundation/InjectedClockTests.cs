using System.Net;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

/// <summary>
/// « Now » comes from the injected TimeProvider, never the wall clock: moving the test's clock moves what the pages
/// show and decide. Each test fails if its page reads <c>DateTimeOffset.UtcNow</c> again.
/// </summary>
public sealed class InjectedClockTests(FakeClockFactory app) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task A_care_requests_wait_is_counted_to_the_apps_now()
    {
        app.Clock.Reset();
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var patient = await app.NewPatientAsync("Horloge");
        var collected = app.Clock.GetUtcNow().AddHours(-1);
        var id = await app.WithDbAsync(async db =>
        {
            var round = new CollectionRound(patient.UnitId, "Bâtiment H", null, collected, Guid.NewGuid(), "Inf. Test", collected);
            var request = new CareRequest(round, patient.Id, null, RequestTeam.Somatic, "Douleur", Urgency.NotUrgent,
                illegible: false, anonymous: false, severalRequests: false, Guid.NewGuid(), "Inf. Test", collected);
            db.AddRange(round, request);
            await db.SaveChangesAsync();
            return request.Id;
        });

        app.Clock.Advance(TimeSpan.FromHours(3));
        var page = await nurse.GetDocumentAsync($"/CareRequests/Request/{id}");

        page.QuerySelector(".card .meta")!.TextContent.Should().Contain("attente 4 h");
    }

    [Fact]
    public async Task A_session_ends_past_its_absolute_lifetime_on_the_apps_clock()
    {
        app.Clock.Reset();
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await nurse.GetAsync("/Patients")).StatusCode.Should().Be(HttpStatusCode.OK);

        // Security:AbsoluteSessionMinutes defaults to 12 h; the idle timeout here is 2 days.
        app.Clock.Advance(TimeSpan.FromHours(13));
        var response = await nurse.GetAsync("/Patients");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/Login");
    }
}
