using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>axe-core on every page of the journeys: no serious or critical violation; French lang; labelled forms.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "vendor", "axe.min.js"));

    public static TheoryData<string, string> JourneyPages => new()
    {
        { "infirmier.soma@demo.usmp.fr", "/CareRequests/Rounds" },
        { "infirmier.soma@demo.usmp.fr", "/CareRequests" },
        { "infirmier.soma@demo.usmp.fr", "/Patients" },
        { "medecin@demo.usmp.fr", "chart" },
        { "medecin@demo.usmp.fr", "consultation" },
        { "medecin@demo.usmp.fr", "/Documents" },
        { "medecin@demo.usmp.fr", "/Dashboard" },
        { "coordonnateur@demo.usmp.fr", "/Continuity" },
        { "coordonnateur@demo.usmp.fr", "/Audit" },
        { "coordonnateur@demo.usmp.fr", "/Treatments/Settings" },
        { "ap@demo.usmp.fr", "/Ap" },
        { "spip@demo.usmp.fr", "/Spip" },
        { "admin@demo.usmp.fr", "/WhoSeesWhat" },
        { "admin@demo.usmp.fr", "/Account/Security" },
    };

    [Theory]
    [MemberData(nameof(JourneyPages))]
    public async Task Journey_pages_have_no_serious_or_critical_accessibility_violation(string email, string page)
    {
        var patientId = await fixture.App.WithDbAsync(db => db.SomaticEntries.Select(e => e.PatientId).FirstAsync());
        var url = page switch
        {
            "chart" => $"/Patients/Chart/{patientId}",
            "consultation" => $"/Records/Consultation?patientId={patientId}",
            _ => page,
        };
        var browserPage = await fixture.SignInAsync(email, bypassCsp: true);
        await browserPage.GotoAsync(url);

        (await browserPage.GetAttributeAsync("html", "lang")).Should().Be("fr");
        await browserPage.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Axe });
        var json = await browserPage.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
            ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))");
        var violations = json.EnumerateArray().Select(v => v.GetString()).ToList();

        violations.Should().BeEmpty($"{url} as {email}");
    }
}
