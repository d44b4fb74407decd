using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>
/// The README's screenshots, taken from the current app over the demo data by scripts/screenshots.sh, which sets
/// USMP_SCREENSHOTS_DIR; without it (the normal run) the test is skipped.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    private const string DirectoryVariable = "USMP_SCREENSHOTS_DIR";

    /// <summary>The demo patient whose chart the README shows: both records (he agreed to sharing), prescriptions, notes.</summary>
    private const string ChartEcrou = "24014";

    [ScreenshotFact]
    public async Task Take_the_readme_screenshots()
    {
        var directory = Environment.GetEnvironmentVariable(DirectoryVariable)!;
        Directory.CreateDirectory(directory);
        var patientId = await fixture.App.WithDbAsync(db => db.Patients.Where(p => p.Ecrou == ChartEcrou).Select(p => p.Id).SingleAsync());
        var roundId = await fixture.App.WithDbAsync(db => db.CollectionRounds.Where(r => r.ClosedAt == null).Select(r => r.Id).SingleAsync());

        var anonymous = await fixture.NewPageAsync();
        await ShootAsync(anonymous, "/Account/Login", "login");

        var physician = await fixture.SignInAsync(DemoData.Account(Role.Physician).Email);
        await ShootAsync(physician, "/Dashboard", "dashboard");
        await ShootAsync(physician, "/Patients", "patients");
        await ShootAsync(physician, $"/Patients/Chart/{patientId}", "chart");
        await ShootAsync(physician, $"/Records/Consultation?patientId={patientId}", "consultation");

        var nurse = await fixture.SignInAsync(DemoData.Nurse(Team.Somatic).Email);
        await ShootAsync(nurse, $"/CareRequests/Round/{roundId}", "round");
        await ShootAsync(nurse, "/CareRequests", "queue");

        await ShootAsync(await fixture.SignInAsync(DemoData.Account(Role.Coordinator).Email), "/Continuity", "desk");
        await ShootAsync(await fixture.SignInAsync(DemoData.Account(Role.Administrator).Email), "/WhoSeesWhat", "who-sees-what");

        async Task ShootAsync(IPage page, string url, string name)
        {
            var response = await page.GotoAsync(url);
            response!.Status.Should().Be(200, url);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png") });
        }
    }

    /// <summary>A fact that runs only when USMP_SCREENSHOTS_DIR names the directory to write to.</summary>
    private sealed class ScreenshotFactAttribute : FactAttribute
    {
        public ScreenshotFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(DirectoryVariable)))
            {
                Skip = $"screenshots only: scripts/screenshots.sh sets {DirectoryVariable}";
            }
        }
    }
}
