using System.Net;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Records;

public sealed class NursingAndHungerStrikeTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_nurse_records_a_note_in_her_teams_record()
    {
        var patient = await app.NewPatientAsync();
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var empty = await nurse.PostFormAsync($"/Records/NursingNote/{patient.Id}", new Dictionary<string, string> { ["Note"] = "" });
        (await empty.TextAsync()).Should().Contain("Rédigez la note");

        (await nurse.PostFormAsync($"/Records/NursingNote/{patient.Id}", new Dictionary<string, string>
        {
            ["Note"] = "Céphalées depuis ce matin",
            ["Vitals.TemperatureC"] = "37,8",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var entries = await app.EntriesOfAsync(patient.Id, Team.Somatic);
        entries.Should().ContainSingle().And.OnlyContain(e => e.Status == EntryStatus.Signed);
        entries.Single(e => e.Kind == EntryKind.NursingNote).Vitals.TemperatureC.Should().Be(37.8m);
        var chart = (await nurse.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent;
        chart.Should().Contain("Céphalées depuis ce matin");
    }

    [Fact]
    public async Task A_physician_does_not_record_medication_rounds()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        (await physician.GetAsync("/Treatments/Round")).Headers.Location!.OriginalString
            .Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_hunger_strike_is_followed_daily_and_listed_with_its_days()
    {
        var patient = await app.NewPatientAsync("Jeûneur");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/HungerStrikes/Follow/{patient.Id}";

        (await physician.PostFormAsync(url + "?handler=Start", new Dictionary<string, string>
        {
            ["StartedOn"] = TestClock.Today.AddDays(-2).ToString("yyyy-MM-dd"),
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await physician.PostFormAsync(url + "?handler=Check", new Dictionary<string, string>
        {
            ["WeightKg"] = "71,5",
            ["CheckNote"] = "Conscient, orienté",
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await physician.PostFormAsync(url + "?handler=Check", new Dictionary<string, string>
        {
            ["ExaminationRefused"] = "true",
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var list = (await physician.GetDocumentAsync("/HungerStrikes")).QuerySelectorAll("tbody tr")
            .Select(r => r.TextContent).Single(r => r.Contains("JEÛNEUR"));
        list.Should().Contain("71,5");
        list.Should().MatchRegex(@"\s3\s", "started two days ago, this is day 3");
        var follow = (await physician.GetDocumentAsync(url)).Body!.TextContent;
        follow.Should().Contain("Examen refusé par le patient, refus respecté");

        var noReason = await physician.PostFormAsync(url + "?handler=End", new Dictionary<string, string>(), url);
        (await noReason.TextAsync()).Should().Contain("Indiquez comment la grève a pris fin");
        (await physician.PostFormAsync(url + "?handler=End", new Dictionary<string, string> { ["EndReason"] = "Reprise de l'alimentation" }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await physician.GetDocumentAsync("/HungerStrikes")).Body!.TextContent.Should().NotContain("JEÛNEUR");
    }

    [Fact]
    public async Task The_psychiatric_team_sees_the_strike_but_not_the_somatic_checks()
    {
        var patient = await app.NewPatientAsync("Grève");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/HungerStrikes/Follow/{patient.Id}";
        await physician.PostFormAsync(url + "?handler=Start", new Dictionary<string, string>(), url);
        await physician.PostFormAsync(url + "?handler=Check", new Dictionary<string, string> { ["CheckNote"] = "Bilan somatique confidentiel", ["WeightKg"] = "80" }, url);

        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var page = (await psychiatrist.GetDocumentAsync(url)).Body!.TextContent;

        page.Should().Contain("jour 1").And.NotContain("Bilan somatique confidentiel");
        var list = (await psychiatrist.GetDocumentAsync("/HungerStrikes")).QuerySelectorAll("tbody tr")
            .Select(r => r.TextContent).Single(r => r.Contains("GRÈVE"));
        list.Should().Contain("dossier somatique").And.NotContain(" kg");
        var check = await psychiatrist.PostFormAsync(url + "?handler=Check", new Dictionary<string, string> { ["CheckNote"] = "x" }, "/Patients");
        check.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_refusal_is_respected_and_a_measure_needs_consent_or_the_legal_path()
    {
        var patient = await app.NewPatientAsync("Refusant");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/HungerStrikes/Follow/{patient.Id}";
        (await physician.PostFormAsync(url + "?handler=Start", new Dictionary<string, string>(), url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await physician.PostFormAsync(url + "?handler=Refusal", new Dictionary<string, string>
        {
            ["Act"] = "Weighing", ["Words"] = "Ne veut plus être pesé",
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var weighed = await physician.PostFormAsync(url + "?handler=Check", new Dictionary<string, string> { ["WeightKg"] = "70" }, url);
        (await weighed.TextAsync()).Should().Contain("Son refus est respecté");
        var forced = await physician.PostFormAsync(url + "?handler=Measure", new Dictionary<string, string>
        {
            ["Act"] = "Rehydration", ["Words"] = "Perfusion",
        }, url);
        (await forced.TextAsync()).Should().Contain("consentement du patient ou");
        var legalWithoutBasis = await physician.PostFormAsync(url + "?handler=Measure", new Dictionary<string, string>
        {
            ["Act"] = "Rehydration", ["Basis"] = "LegalPath", ["Words"] = "",
        }, url);
        (await legalWithoutBasis.TextAsync()).Should().Contain("fondement légal");
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Should().BeEmpty("a refused weighing leaves no weight");

        (await physician.PostFormAsync(url + "?handler=Measure", new Dictionary<string, string>
        {
            ["Act"] = "Weighing", ["Basis"] = "Consent", ["Words"] = "Accepte de nouveau la pesée",
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await physician.PostFormAsync(url + "?handler=Check", new Dictionary<string, string> { ["WeightKg"] = "69,5" }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var events = (await physician.GetDocumentAsync(url)).QuerySelectorAll("#strike-events tbody tr").Select(r => r.TextContent).ToList();
        events.Should().HaveCount(2);
        events.Should().Contain(r => r.Contains("Pesée") && r.Contains("refus du patient, respecté") && r.Contains("Ne veut plus être pesé"));
        events.Should().Contain(r => r.Contains("fait avec le consentement du patient") && r.Contains("Accepte de nouveau la pesée"));
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Should().ContainSingle().Which.Vitals.WeightKg.Should().Be(69.5m);
    }
}
