using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

/// <summary>
/// One way to show an error (issue « One way to do each thing », point 5): a domain rule's refusal of a post comes back
/// as the page itself — the French reason in its alert, what was typed, what the page lists — with nothing saved, and
/// the attempt is audited like any write (ShowDomainErrorsFilter).
/// </summary>
public sealed class DomainErrorTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_post_refused_by_a_domain_rule_shows_the_page_again_with_its_lists_and_what_was_typed_and_saves_nothing()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        (await nurse.PostFormAsync("/CareRequests/Rounds", new Dictionary<string, string>
        {
            ["Wing"] = "Bâtiment Ouvert", ["CollectedAt"] = TestClock.Form(TimeSpan.FromHours(-1)),
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var rounds = await app.WithDbAsync(db => db.CollectionRounds.CountAsync());
        var writes = await WritesAsync();

        // No collection time: the page throws DomainException and has no catch of its own.
        var refused = await nurse.PostFormAsync("/CareRequests/Rounds", new Dictionary<string, string> { ["Wing"] = "Bâtiment Refusé" });

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpClientExtensions.Parse(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("[role=alert]")!.TextContent.Should().Contain("Indiquez l'heure de relève de la boîte.");
        page.QuerySelector("input[name=Wing]")!.GetAttribute("value").Should().Be("Bâtiment Refusé");
        page.Body!.TextContent.Should().Contain("Bâtiment Ouvert", "the open rounds the page lists are loaded again");
        (await app.WithDbAsync(db => db.CollectionRounds.CountAsync())).Should().Be(rounds);
        (await WritesAsync()).Should().Be(writes + 1, "the refused write is audited as the others");
    }

    private Task<int> WritesAsync() => app.WithDbAsync(db => db.AuditEvents
        .CountAsync(e => e.Action == AuditAction.Write && e.Target == "/CareRequests/Rounds" && e.Status == 200));
}
