using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>The three journeys of docs/architecture.md « Tests », in a real browser, by keyboard where the nurse and the physician would.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_nurse_logs_a_round_of_ten_slips_by_keyboard_and_finds_them_in_the_queue()
    {
        var ecrous = await fixture.App.WithDbAsync(db => db.Patients
            .Where(p => p.Ecrou.StartsWith("240"))
            .OrderBy(p => p.Ecrou).Select(p => p.Ecrou).Take(10).ToListAsync());
        ecrous.Should().HaveCount(10);
        var page = await fixture.SignInAsync(DemoData.Nurse(Team.Somatic).Email);

        await page.GotoAsync("/CareRequests/Rounds");
        // The wing field has autofocus: wait until it holds the focus, or the first key goes nowhere.
        await Assertions.Expect(page.Locator("#Wing")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Bâtiment E2E");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/CareRequests/Round/**");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Bâtiment E2E");
        await BrowserFixture.ShotAsync(page, "nurse-01-round-open");

        for (var i = 0; i < ecrous.Count; i++)
        {
            await Assertions.Expect(page.Locator("#slip-patient")).ToBeFocusedAsync();
            // Écrou, Tab, summary; every third slip is urgent (Tab twice to the urgency list, U).
            await page.Keyboard.TypeAsync(ecrous[i]);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync($"Billet clavier {i + 1}");
            if (i % 3 == 0)
            {
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.PressAsync("Tab");
                await page.Keyboard.PressAsync("U");
            }
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#slip-count")).ToContainTextAsync($"{i + 1} billet(s)");
        }
        await BrowserFixture.ShotAsync(page, "nurse-02-ten-slips");

        await page.GotoAsync("/CareRequests?Wing=" + Uri.EscapeDataString("Bâtiment E2E"));
        var rows = page.Locator("table.queue tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        (await rows.First.TextContentAsync()).Should().Contain("Urgent");
        for (var i = 1; i <= 10; i++)
        {
            await Assertions.Expect(page.GetByText($"Billet clavier {i}", new() { Exact = true })).ToBeVisibleAsync();
        }
        await BrowserFixture.ShotAsync(page, "nurse-03-queue");
    }

    [Fact]
    public async Task The_physician_finds_a_patient_records_a_consultation_with_consent_and_signs_it()
    {
        var page = await fixture.SignInAsync(DemoData.Account(Role.Physician).Email);

        await page.GetByLabel("Rechercher un patient (écrou ou nom)").FillAsync("24014");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("table.data tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync("**/Patients/Chart/**");
        await BrowserFixture.ShotAsync(page, "physician-01-chart");

        await page.GetByText("Nouvelle consultation").ClickAsync();
        await page.Locator("#Input_Type").SelectOptionAsync("Consultation");
        await page.GetByLabel("Consentement donné").CheckAsync();
        await page.GetByLabel("Note de consultation").FillAsync("Douleurs lombaires depuis 10 jours, sans irradiation.");
        await page.GetByLabel("Constatations (reprises par les certificats)").FillAsync("Contracture paravertébrale lombaire.");
        await page.GetByLabel("Diagnostic 1").FillAsync("M54.5");
        await BrowserFixture.ShotAsync(page, "physician-02-consultation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Signer" }).ClickAsync();

        await page.WaitForURLAsync("**/Patients/Chart/**");
        await Assertions.Expect(page.GetByText("Douleurs lombaires depuis 10 jours").First).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "physician-03-signed");

        // An attestation for the JAP in two clicks, previewed, issued, downloaded (P25: nothing medical in it).
        await page.GetByText("Établir un document").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Attestation de suivi" }).ClickAsync();
        await page.GetByLabel("Texte (sans diagnostic, sans traitement)").FillAsync("Suivi régulier, rendez-vous honorés.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aperçu" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.preview")).ToContainTextAsync("juge de l'application des peines");
        await BrowserFixture.ShotAsync(page, "physician-04-attestation-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Émettre" }).ClickAsync();
        await page.WaitForURLAsync("**/Documents/View/**");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Télécharger le PDF").ClickAsync());
        var path = Path.Combine(BrowserFixture.ArtefactDirectory, "attestation-jap.pdf");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Take(5).Should().Equal("%PDF-"u8.ToArray());
        await BrowserFixture.ShotAsync(page, "physician-05-attestation-issued");
    }

    [Fact]
    public async Task The_coordinator_builds_a_release_pack_from_the_desk()
    {
        var page = await fixture.SignInAsync(DemoData.Account(Role.Coordinator).Email);

        await page.GotoAsync("/Continuity");
        await BrowserFixture.ShotAsync(page, "coordinator-01-desk");
        await page.Locator("table[aria-labelledby=releases] tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync("**/Continuity/Release/**");
        await page.GetByLabel("Suivi nécessaire après la sortie").FillAsync("Consultation de médecine générale dans le mois");
        await page.GetByRole(AriaRole.Button, new() { Name = "Établir le dossier de sortie" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Dossier de sortie n°");
        await BrowserFixture.ShotAsync(page, "coordinator-02-pack");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^n° ") }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Télécharger le PDF").ClickAsync());
        var path = Path.Combine(BrowserFixture.ArtefactDirectory, "dossier-de-sortie.pdf");
        await download.SaveAsAsync(path);
        (await File.ReadAllBytesAsync(path)).Take(5).Should().Equal("%PDF-"u8.ToArray());
    }

    [Fact]
    public async Task A_prison_officer_cannot_reach_a_chart_by_its_address()
    {
        var patientId = await fixture.App.WithDbAsync(db => db.SomaticEntries.Select(e => e.PatientId).FirstAsync());
        var page = await fixture.SignInAsync(DemoData.Account(Role.PrisonAdministration).Email);

        var response = await page.GotoAsync($"/Patients/Chart/{patientId}");

        response!.Status.Should().Be(403);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "ap-01-refused");
    }
}
