using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.CareRequests;

/// <summary>P33, the nurse's letter-box round: open, log slips, close, answer slips; bad input loses nothing.</summary>
public sealed class RoundTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_nurse_opens_a_round_logs_several_slips_and_closes_it()
    {
        var known = await app.NewPatientAsync("Tournée");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var roundUrl = await OpenRoundAsync(nurse, "Bâtiment C");

        (await LogAsync(nurse, roundUrl, known.Ecrou, "Mal de tête", "Somatic", "Urgent")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LogAsync(nurse, roundUrl, $"{known.Ecrou} — TOURNÉE Paul", "Veut voir le dentiste", "Dental")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LogAsync(nurse, roundUrl, "tournee paul", "Demande un psy", "Psychiatric")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LogAsync(nurse, roundUrl, "Ahmed K. bât C", "Douleur au pied", extra: new() { ["Input.Unidentified"] = "true" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await nurse.GetDocumentAsync(roundUrl);
        page.QuerySelector("#slip-count")!.TextContent.Should().Contain("4 billet(s)");
        var rows = page.QuerySelectorAll("table.data tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().Contain(r => r.Contains("Non identifié : Ahmed K. bât C"));
        rows.Should().Contain(r => r.Contains("Psychiatrie") && r.Contains("transmise à l'équipe concernée") && !r.Contains("Demande un psy"),
            "the somatic nurse does not read the psychiatric slip back (P30)");
        page.QuerySelector("#slip-patient")!.HasAttribute("autofocus").Should().BeTrue("the next slip starts at once");

        var close = await nurse.PostFormAsync(roundUrl + "?handler=Close", new Dictionary<string, string>(), roundUrl);
        close.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var slips = await nurse.GetDocumentAsync(close.Headers.Location!.OriginalString);
        var text = slips.Body!.TextContent;
        text.Should().Contain("TOURNÉE Paul").And.Contain("a bien été reçue par l'unité sanitaire");
        text.Should().NotContain("Mal de tête").And.NotContain("dentiste").And.NotContain("psy", "answer slips say nothing medical");

        var afterClose = await LogAsync(nurse, roundUrl, known.Ecrou, "Encore un billet");
        (await afterClose.TextAsync()).Should().NotContain("Enregistrer le billet");
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_french_message_and_keeps_what_was_typed()
    {
        var patient = await app.NewPatientAsync("Saisie");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var future = await nurse.PostFormAsync("/CareRequests/Rounds", new Dictionary<string, string>
        {
            ["Wing"] = "Bâtiment D",
            ["CollectedAt"] = TestClock.Form(TimeSpan.FromHours(3)),
        });
        (await future.TextAsync()).Should().Contain("L'heure de relève ne peut pas être dans le futur").And.Contain("Bâtiment D");

        var roundUrl = await OpenRoundAsync(nurse, "Bâtiment D");
        var empty = await (await LogAsync(nurse, roundUrl, patient.Ecrou, "")).TextAsync();
        empty.Should().Contain("Résumez la demande").And.Contain($"value=\"{patient.Ecrou}\"");

        var unknown = await (await LogAsync(nurse, roundUrl, "Zorglub Inconnu", "Mal au ventre")).TextAsync();
        unknown.Should().Contain("Aucun patient présent ne correspond à « Zorglub Inconnu »").And.Contain("patient non identifié")
            .And.Contain("value=\"Mal au ventre\"");

        (await LogAsync(nurse, roundUrl, patient.Ecrou, "Mal au ventre")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var duplicate = await (await LogAsync(nurse, roundUrl, patient.Ecrou, "mal au ventre")).TextAsync();
        duplicate.Should().Contain("Ce billet semble déjà saisi dans cette tournée");
        (await LogAsync(nurse, roundUrl, patient.Ecrou, "mal au ventre", extra: new() { ["Input.NotDuplicate"] = "true" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        var count = await app.WithDbAsync(db => db.CareRequests.CountAsync(r => r.PatientId == patient.Id));
        count.Should().Be(2);
    }

    [Fact]
    public async Task The_patient_field_suggests_patients_by_name_or_ecrou_as_the_nurse_types()
    {
        await app.NewPatientAsync("Suggestion");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var roundUrl = await OpenRoundAsync(nurse, "Bâtiment E");

        var json = await nurse.GetStringAsync(roundUrl + "?handler=Suggest&q=" + Uri.EscapeDataString("suggéstion"));

        var values = JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.GetProperty("value").GetString()).ToList();
        values.Should().Contain(v => v!.Contains("SUGGESTION Paul"));
    }

    [Fact]
    public async Task Prison_staff_and_spip_cannot_reach_rounds_or_suggestions()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var roundUrl = await OpenRoundAsync(nurse, "Bâtiment F");
        foreach (var role in new[] { Role.PrisonAdministration, Role.Spip, Role.Secretary })
        {
            var other = await app.LoginAsAsync(DemoData.Account(role));
            (await other.GetAsync(roundUrl + "?handler=Suggest&q=a")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
            (await other.GetAsync("/CareRequests")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        }
    }

    public static async Task<string> OpenRoundAsync(HttpClient nurse, string wing, DateTime? collectedAt = null)
    {
        var response = await nurse.PostFormAsync("/CareRequests/Rounds", new Dictionary<string, string>
        {
            ["Wing"] = wing,
            ["Box"] = "RDC",
            ["CollectedAt"] = TestClock.Form(collectedAt ?? TestClock.Local(TimeSpan.FromMinutes(-30))),
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.TextAsync());
        return response.Headers.Location!.OriginalString;
    }

    public static Task<HttpResponseMessage> LogAsync(HttpClient nurse, string roundUrl, string patient, string summary,
        string team = "Somatic", string urgency = "NotUrgent", Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Patient"] = patient,
            ["Input.Team"] = team,
            ["Input.Summary"] = summary,
            ["Input.Urgency"] = urgency,
        };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }
        return nurse.PostFormAsync(roundUrl + "?handler=Log", fields, roundUrl);
    }
}
