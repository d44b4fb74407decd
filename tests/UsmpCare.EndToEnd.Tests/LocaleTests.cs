using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>The browser of the tests is a French unit's workstation: French, in Paris time, dates drawn jj/mm/aaaa.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LocaleTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_browser_speaks_French_in_Paris_time_and_reads_the_apps_dates_as_the_app_writes_them()
    {
        var patientId = await fixture.App.WithDbAsync(db => db.SomaticEntries.Select(e => e.PatientId).FirstAsync());
        var page = await fixture.SignInAsync(DemoData.Account(Role.Physician).Email);
        await page.GotoAsync($"/Records/Consultation?patientId={patientId}");

        var options = await page.EvaluateAsync<JsonElement>("() => Intl.DateTimeFormat().resolvedOptions()");
        options.GetProperty("locale").GetString().Should().Be("fr-FR");
        options.GetProperty("timeZone").GetString().Should().Be("Europe/Paris");
        (await page.EvaluateAsync<string>("() => navigator.language")).Should().Be("fr-FR");

        // The app fills « Date et heure » with the time in Paris (Fr.Local): the browser's own clock reads the same.
        var input = page.Locator("#Input_OccurredAt");
        var fromApp = DateTime.ParseExact(await input.InputValueAsync(), "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        var inBrowser = DateTime.ParseExact(await page.EvaluateAsync<string>(
            "() => { const d = new Date(), p = n => String(n).padStart(2, '0');" +
            " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`; }"),
            "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        (inBrowser - fromApp).Duration().Should().BeLessThan(TimeSpan.FromMinutes(5));

        // The date input draws its fields in the browser's language: « 05/12/2026 10:04 », not « 12/05/2026, 10:04 AM ».
        (await DateFieldsAsync(page, "Input_OccurredAt")).Should().Equal("day", "month", "year", "hour", "minute");
        await input.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtefactDirectory, "locale-date-input.png") });
    }

    /// <summary>
    /// The order of the fields Chromium draws inside a date input (its user-agent shadow tree, which only the DevTools
    /// protocol can read): "day", "month", "year", "hour", "minute"…
    /// </summary>
    private static async Task<List<string>> DateFieldsAsync(IPage page, string id)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var document = await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = -1, ["pierce"] = true });
        var input = Descendants(document!.Value.GetProperty("root"))
            .Single(n => Attributes(n).TryGetValue("id", out var value) && value == id);
        return Descendants(input)
            .Select(n => Attributes(n).GetValueOrDefault("pseudo") ?? "")
            .Where(p => p.StartsWith("-webkit-datetime-edit-", StringComparison.Ordinal) && p.EndsWith("-field", StringComparison.Ordinal))
            .Select(p => p["-webkit-datetime-edit-".Length..^"-field".Length])
            .ToList();
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement node)
    {
        yield return node;
        foreach (var property in new[] { "children", "shadowRoots" })
        {
            if (node.TryGetProperty(property, out var children))
            {
                foreach (var descendant in children.EnumerateArray().SelectMany(Descendants))
                {
                    yield return descendant;
                }
            }
        }
    }

    private static Dictionary<string, string> Attributes(JsonElement node)
    {
        var pairs = node.TryGetProperty("attributes", out var list) ? list.EnumerateArray().Select(a => a.GetString() ?? "").ToList() : [];
        return Enumerable.Range(0, pairs.Count / 2).ToDictionary(i => pairs[2 * i], i => pairs[2 * i + 1]);
    }
}
