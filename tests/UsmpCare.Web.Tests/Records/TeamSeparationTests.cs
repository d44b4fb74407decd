using System.Net;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Records;

/// <summary>P30: two records, two teams; without the patient's agreement neither reads the other's.</summary>
public sealed class TeamSeparationTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string SecretNote = "Confidence psychiatrique : cauchemars du frère disparu";

    [Fact]
    public async Task A_somatic_nurse_gets_403_on_a_psychiatric_entry_and_never_sees_its_text_anywhere()
    {
        var patient = await app.NewPatientAsync("Séparation");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        (await psychiatrist.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, SecretNote)))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var entry = (await app.EntriesOfAsync(patient.Id, Team.Psychiatric)).Single();
        (await psychiatrist.GetDocumentAsync($"/Records/Entry/Psychiatric/{entry.Id}")).Body!.TextContent
            .Should().Contain(SecretNote, "the psychiatric team reads its own record");

        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var direct = await nurse.GetAsync($"/Records/Entry/Psychiatric/{entry.Id}");
        direct.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        (await nurse.GetAsync("/Account/AccessDenied")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var visited = await CrawlAsync(nurse, "/Patients?q=Séparation");
        visited.Keys.Should().Contain($"/Patients/Chart/{patient.Id}", "the crawl must reach the patient's chart");
        visited.Should().HaveCountGreaterThan(5);
        visited.Where(page => page.Value.Contains("cauchemars")).Select(page => page.Key).Should().BeEmpty();
    }

    [Fact]
    public async Task The_psychiatric_team_cannot_read_the_somatic_record_and_the_psychiatric_nurse_reads_her_own()
    {
        var patient = await app.NewPatientAsync("Murs");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        await physician.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Note somatique réservée"));
        var somatic = (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single();
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        await psychiatrist.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, SecretNote));
        var psychiatric = (await app.EntriesOfAsync(patient.Id, Team.Psychiatric)).Single();

        (await psychiatrist.GetAsync($"/Records/Entry/Somatic/{somatic.Id}")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied");
        (await psychiatrist.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent
            .Should().NotContain("Note somatique réservée").And.Contain("cauchemars");

        var psyNurse = await app.LoginAsAsync(DemoData.Nurse(Team.Psychiatric));
        (await psyNurse.GetDocumentAsync($"/Records/Entry/Psychiatric/{psychiatric.Id}")).Body!.TextContent
            .Should().Contain(SecretNote);
        (await psyNurse.GetAsync($"/Records/Entry/Somatic/{somatic.Id}")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task Patients_of_another_unit_are_invisible()
    {
        var other = await app.NewPatientAsync("Autreunité", DemoData.UnitB);
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist)); // member of unit A only

        (await psychiatrist.GetAsync($"/Patients/Chart/{other.Id}")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied");
        (await psychiatrist.GetDocumentAsync("/Patients?q=Autreunite")).Body!.TextContent.Should().NotContain("AUTREUNITÉ");
        (await psychiatrist.GetAsync($"/Records/Consultation?patientId={other.Id}")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied");
    }

    /// <summary>Follows every same-site link a user can open, from a start page, and returns each page's text.</summary>
    private static async Task<Dictionary<string, string>> CrawlAsync(HttpClient client, string start, int limit = 150)
    {
        var pages = new Dictionary<string, string>();
        var queue = new Queue<string>([start, "/", "/HungerStrikes", "/WhoSeesWhat"]);
        while (queue.Count > 0 && pages.Count < limit)
        {
            var url = queue.Dequeue();
            if (pages.ContainsKey(url) || url.StartsWith("/Account/Logout", StringComparison.Ordinal))
            {
                continue;
            }
            var response = await client.GetAsync(url);
            var html = await response.TextAsync();
            pages[url] = html;
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } location
                && location.OriginalString.StartsWith('/'))
            {
                queue.Enqueue(location.OriginalString);
                continue;
            }
            foreach (var link in HttpClientExtensions.Parse(html).QuerySelectorAll("a[href]")
                         .Select(a => a.GetAttribute("href")!)
                         .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal)))
            {
                queue.Enqueue(link);
            }
        }
        return pages;
    }
}
