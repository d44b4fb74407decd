using Microsoft.Playwright;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>
/// Issue #20, the fourth journey's round: the nurse runs the morning round of « Bâtiment A » on the demo prescriptions by
/// keyboard — a letter and Enter per dose — and the third supervised cyamémazine missed in a row reaches the prescriber.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DistributionJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_nurse_runs_the_morning_round_by_keyboard_and_the_missed_dose_alert_reaches_the_prescriber()
    {
        var page = await fixture.SignInAsync(DemoData.Nurse(Team.Somatic).Email);
        await page.GotoAsync("/Treatments/Round?wing=" + Uri.EscapeDataString("Bâtiment A") + "&slot=Morning");
        var pending = page.Locator("form.dose-form select");
        var total = await page.Locator("#round-doses tbody tr").CountAsync();
        total.Should().BeGreaterThanOrEqualTo(4, "the demo gives four patients of Bâtiment A a morning dose");
        await BrowserFixture.ShotAsync(page, "round-01-morning");

        var recorded = new List<string>();
        while (await pending.CountAsync() > 0)
        {
            var focused = page.Locator("form.dose-form select:focus");
            await Assertions.Expect(focused).ToHaveCountAsync(1);
            var label = await page.Locator($"label[for='{await focused.GetAttributeAsync("id")}']").TextContentAsync() ?? "";
            // Refused for the supervised cyamémazine (its third miss), absent at the parloir for the TSO, given otherwise.
            var key = label.Contains("TERCIAN", StringComparison.Ordinal) ? "R" : label.Contains("SUBUTEX", StringComparison.Ordinal) ? "P" : "D";
            var before = await pending.CountAsync();
            await page.Keyboard.PressAsync(key);
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(pending).ToHaveCountAsync(before - 1);
            recorded.Add(key);
        }
        recorded.Should().Contain(["R", "P", "D"]);
        var doses = page.Locator("#round-doses");
        await Assertions.Expect(page.Locator("#dose-count")).ToContainTextAsync($"{total} / {total}");
        await Assertions.Expect(doses).ToContainTextAsync("Refusé");
        await Assertions.Expect(doses).ToContainTextAsync("Parloir (absent)");
        await Assertions.Expect(doses).ToContainTextAsync("Donné");
        await BrowserFixture.ShotAsync(page, "round-02-recorded");

        var physician = await fixture.SignInAsync(DemoData.Account(Role.Physician).Email);
        await physician.GotoAsync("/Dashboard");
        var alert = physician.Locator("#missed-doses");
        await Assertions.Expect(alert).ToContainTextAsync("TERCIAN");
        await Assertions.Expect(alert).ToContainTextAsync("3 prises manquées d'affilée");
        await BrowserFixture.ShotAsync(physician, "round-03-missed-dose-alert");
    }
}
