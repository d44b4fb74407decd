using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>Issue #20, the fourth journey's first part: a physician prescribes a TSO line and a pill-box line, signs, prints.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrescriptionJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_physician_prescribes_supervised_methadone_and_a_pill_box_line_signs_and_prints_the_ordonnance()
    {
        var patientId = await fixture.App.WithDbAsync(db => db.Patients
            .Where(p => p.Ecrou.StartsWith("240") && !db.Prescriptions.Any(r => r.PatientId == p.Id) && db.Units.Any(u => u.Id == p.UnitId && u.Code == DemoData.UnitA))
            .OrderByDescending(p => p.Ecrou).Select(p => p.Id).FirstAsync());
        var page = await fixture.SignInAsync(DemoData.Account(Role.Physician).Email);

        await page.GotoAsync($"/Patients/Chart/{patientId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Prescrire, modifier, renouveler, arrêter" }).ClickAsync();
        await page.WaitForURLAsync("**/Treatments/Prescribe/**");

        // The TSO line: the referential found by a name typed without its accent, the unit's default mode (supervised).
        await page.GetByLabel("Médicament (nom ou substance)").FillAsync("methadone");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("METHADONE AP-HP 40 mg, gélule", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Dose par prise").FillAsync("1");
        await page.Locator("#unit").SelectOptionAsync("gélule(s)");
        await page.GetByLabel("matin").CheckAsync();
        await page.GetByLabel("Durée (jours)").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la ligne" }).ClickAsync();
        await Assertions.Expect(page.Locator("#draft-lines li")).ToContainTextAsync("prise devant l'infirmier, pendant 14 (quatorze) jours");

        await page.GetByLabel("Médicament (nom ou substance)").FillAsync("amlodipine");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("AMLODIPINE DEMO 5 mg, gélule", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Dose par prise").FillAsync("1");
        await page.Locator("#unit").SelectOptionAsync("gélule(s)");
        await page.GetByLabel("soir").CheckAsync();
        await page.GetByLabel("Durée (jours)").FillAsync("30");
        await page.Locator("#mode").SelectOptionAsync(new SelectOptionValue { Label = "pilulier hebdomadaire" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la ligne" }).ClickAsync();
        await Assertions.Expect(page.Locator("#draft-lines li")).ToHaveCountAsync(2);
        await BrowserFixture.ShotAsync(page, "prescriber-01-draft");

        await page.GetByRole(AriaRole.Button, new() { Name = "Signer l'ordonnance" }).ClickAsync();
        await page.WaitForURLAsync("**/Treatments/Ordonnance/**");
        await Assertions.Expect(page.Locator("section.preview")).ToContainTextAsync("Ordonnance sécurisée");
        await page.GetByRole(AriaRole.Button, new() { Name = "Émettre l'ordonnance" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ordonnance n°");
        await BrowserFixture.ShotAsync(page, "prescriber-02-ordonnance");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#issued a").First.ClickAsync());
        var path = Path.Combine(BrowserFixture.ArtefactDirectory, "ordonnance-securisee.pdf");
        await download.SaveAsAsync(path);

        using var pdf = PdfDocument.Open(await File.ReadAllBytesAsync(path));
        var words = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        words.Should().Contain("sécurisée").And.Contain("METHADONE").And.Contain("(quatorze)").And.Contain("AMLODIPINE")
            .And.Contain("pilulier").And.Contain("10003456789");

        await page.GotoAsync($"/Patients/Chart/{patientId}");
        await Assertions.Expect(page.Locator("#active-treatment")).ToContainTextAsync("METHADONE AP-HP 40 mg, gélule");
        await Assertions.Expect(page.Locator("#active-treatment")).ToContainTextAsync("pilulier hebdomadaire");
    }
}
