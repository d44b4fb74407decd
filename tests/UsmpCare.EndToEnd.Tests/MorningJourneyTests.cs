using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>
/// The real time moved to the next 08:00 in Paris: the journey is a morning whatever the hour the test runs, so its
/// slots are later the same day (a slot is booked only in the future, an outcome recorded only from its day on).
/// </summary>
public sealed class MorningClock : TimeProvider
{
    private readonly TimeSpan _offset;

    public MorningClock()
    {
        var now = System.GetUtcNow();
        var local = Fr.Local(now);
        var morning = local.Date.AddHours(8);
        if (morning <= local)
        {
            morning = morning.AddDays(1);
        }
        _offset = Fr.FromLocal(morning) - now;
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}

/// <summary>Its own app (and database), whose « now » is the <see cref="MorningClock"/>.</summary>
public sealed class MorningFixture() : BrowserFixture(new KestrelFactory(new MorningClock()));

/// <summary>
/// Issue #21, the first « done when »: the unit's morning, by clicks and form fills in a real browser — the nurse logs
/// the slips, the secretariat books from the care requests, the prison reads whom to bring (never the kind, team,
/// practitioner or reason, P05), the physician opens his day and records the structured entry visit (HIV test refused,
/// chest X-ray accepted), the X-ray's result is entered and acknowledged, and the patient the prison did not bring is
/// counted, with the prison's reason, in the month's figures of the activity report.
/// </summary>
public sealed class MorningJourneyTests(MorningFixture fixture) : IClassFixture<MorningFixture>
{
    private const string ArrivalEcrou = "24901", OtherEcrou = "24902";
    private const string ArrivalSlip = "Toux et crachats depuis trois semaines", OtherSlip = "Douleur du genou droit après une chute";
    private const string ArrivalReason = "Arrivant, toux à explorer", OtherReason = "Genou droit à examiner";
    private const string NotBroughtReason = "effectif insuffisant pour les mouvements";

    /// <summary>What would tell the prison the kind of care, the team, the practitioner or the reason.</summary>
    private static readonly string[] Leaks =
    [
        "Visite d'entrée", "consultation", "psychiatr", "somatique", "dentaire", "infirmi", "Dr ", "Claire Martin",
        ArrivalSlip, OtherSlip, ArrivalReason, OtherReason, "toux", "genou",
    ];

    [Fact]
    public async Task The_units_morning_from_the_slips_to_the_months_figures()
    {
        var clock = fixture.App.Services.GetRequiredService<TimeProvider>();
        var today = Fr.Today(clock);
        var physicianEmail = DemoData.Account(Role.Physician).Email;
        var physicianId = await fixture.App.WithDbAsync(db => db.Users.Where(u => u.Email == physicianEmail).Select(u => u.Id).SingleAsync());
        var month = $"RDV-{today:yyyyMM}-NotBrought";
        var monthByCause = "RDV-03-NotBrought-StaffShortage";

        // The coordinator's figures of the month before the morning.
        var coordinator = await fixture.SignInAsync(DemoData.Account(Role.Coordinator).Email);
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Rapports", Exact = true }).ClickAsync();
        await coordinator.WaitForURLAsync("**/Reports/Activity**");
        await ComputeMonthAsync(coordinator, today);
        var (before, beforeByCause) = (await FigureAsync(coordinator, month), await FigureAsync(coordinator, monthByCause));

        // 1. The nurse logs the two slips of the arrivals' wing.
        var nurse = await fixture.SignInAsync(DemoData.Nurse(Team.Somatic).Email);
        await nurse.GotoAsync("/CareRequests/Rounds");
        await nurse.Locator("#Wing").FillAsync("Quartier arrivants");
        await nurse.Locator("#Wing").PressAsync("Enter");
        await nurse.WaitForURLAsync("**/CareRequests/Round/**");
        foreach (var (ecrou, slip, count) in new[] { (ArrivalEcrou, ArrivalSlip, 1), (OtherEcrou, OtherSlip, 2) })
        {
            await nurse.Locator("#slip-patient").FillAsync(ecrou);
            await nurse.Locator("#slip-summary").FillAsync(slip);
            await nurse.Locator("#slip-summary").PressAsync("Enter");
            await Assertions.Expect(nurse.Locator("#slip-count")).ToContainTextAsync($"{count} billet(s)");
        }
        await BrowserFixture.ShotAsync(nurse, "morning-01-slips");

        // 2. The secretariat books each request with the physician: the entry visit at 08:30, a consultation at 09:00.
        var secretary = await fixture.SignInAsync(DemoData.Account(Role.Secretary).Email);
        foreach (var (ecrou, kind, time, reason) in new[] { (ArrivalEcrou, "Visite d'entrée", "08:30", ArrivalReason), (OtherEcrou, "Consultation", "09:00", OtherReason) })
        {
            await secretary.GotoAsync("/Agenda/Book");
            await secretary.Locator("#waiting-requests tbody tr", new() { HasText = $"({ecrou})" })
                .GetByRole(AriaRole.Link, new() { Name = "Prendre rendez-vous" }).ClickAsync();
            await Assertions.Expect(secretary.Locator("#patient")).ToContainTextAsync(ecrou);
            await Assertions.Expect(secretary.Locator("#answers-request")).ToContainTextAsync("rendez-vous fixé");
            await secretary.GetByLabel("Nature", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
            await secretary.GetByLabel("Date et heure", new() { Exact = true }).FillAsync($"{today:yyyy-MM-dd}T{time}");
            await secretary.GetByLabel("Durée (minutes)", new() { Exact = true }).FillAsync("30");
            await secretary.GetByLabel("Soignant", new() { Exact = true }).SelectOptionAsync(physicianId.ToString());
            await secretary.GetByLabel("Salle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
            await secretary.Locator("#Input_Reason").FillAsync(reason);
            await secretary.GetByRole(AriaRole.Button, new() { Name = "Prendre le rendez-vous" }).ClickAsync();
            await Assertions.Expect(secretary.GetByRole(AriaRole.Status)).ToContainTextAsync($"Rendez-vous pris le {Fr.Date(today)} à {time}");
        }
        await BrowserFixture.ShotAsync(secretary, "morning-02-booked");

        // 3. The prison's movement list: who, where, when, « Unité sanitaire » — nothing of the care, on the page or in the CSV.
        var prison = await fixture.SignInAsync(DemoData.Account(Role.PrisonAdministration).Email);
        await prison.GetByRole(AriaRole.Link, new() { Name = "Liste des mouvements", Exact = true }).ClickAsync();
        await prison.WaitForURLAsync("**/Ap/Movements**");
        var arrivalRow = prison.Locator("#movements tbody tr", new() { HasText = ArrivalEcrou });
        foreach (var shown in new[] { "08:30", "LEROY", "Mathis", ArrivalEcrou, "QA-01", "Quartier arrivants", "Unité sanitaire" })
        {
            await Assertions.Expect(arrivalRow).ToContainTextAsync(shown);
        }
        await Assertions.Expect(prison.Locator("#movements tbody tr", new() { HasText = OtherEcrou })).ToContainTextAsync("09:00");
        var prisonPage = await prison.Locator("body").InnerTextAsync();
        foreach (var leak in Leaks)
        {
            prisonPage.Should().NotContainEquivalentOf(leak, "the prison's movement list never tells the kind, team, practitioner or reason (P05)");
        }
        var download = await prison.RunAndWaitForDownloadAsync(() => prison.GetByText("Exporter en CSV").ClickAsync());
        var csvPath = Path.Combine(BrowserFixture.ArtefactDirectory, "mouvements.csv");
        await download.SaveAsAsync(csvPath);
        var csv = await File.ReadAllTextAsync(csvPath, Encoding.UTF8);
        csv.Should().Contain($"{today:yyyy-MM-dd};08:30;LEROY;Mathis;{ArrivalEcrou};QA-01;Quartier arrivants;Unité sanitaire;");
        foreach (var leak in Leaks)
        {
            csv.Should().NotContainEquivalentOf(leak, "the CSV the prison loads is the same list (P05)");
        }
        await BrowserFixture.ShotAsync(prison, "morning-03-movements");

        // 4. The physician's day: the arrival with the request he answers, one click to the structured entry visit.
        var physician = await fixture.SignInAsync(physicianEmail);
        await physician.GetByRole(AriaRole.Link, new() { Name = "Ma journée", Exact = true }).ClickAsync();
        await physician.WaitForURLAsync("**/Agenda/Day**");
        var dayRow = physician.Locator("#day-list tbody tr", new() { HasText = $"({ArrivalEcrou})" });
        await Assertions.Expect(dayRow).ToContainTextAsync("LEROY Mathis");
        await Assertions.Expect(dayRow).ToContainTextAsync(ArrivalSlip);
        await BrowserFixture.ShotAsync(physician, "morning-04-day-list");
        await dayRow.GetByRole(AriaRole.Link, new() { Name = "Visite d'entrée" }).ClickAsync();
        await physician.WaitForURLAsync("**/EntryVisits/Visit/**");

        await physician.GetByLabel("Le patient accepte la visite").CheckAsync();
        await physician.GetByLabel("Antécédents médicaux, chirurgicaux, allergies déclarées").FillAsync("Pas d'antécédent notable. Pas d'allergie connue.");
        foreach (var (question, answer) in new[]
                 {
                     ("Tabac", "actuel"), ("Alcool", "jamais"), ("Cannabis", "jamais"), ("Opiacés", "jamais"),
                     ("Traitement de substitution (TSO)", "aucune"), ("Risque", "faible"), ("Urgence", "faible"), ("Dangerosité", "faible"),
                     ("Orientation vers l'équipe de psychiatrie", "non proposée"),
                     ("Radiographie thoracique (tuberculose, obligatoire)", "acceptée"), ("Sérologie VIH", "refusée"),
                     ("Sérologie hépatite B", "déjà faite / statut connu"), ("Sérologie hépatite C", "déjà faite / statut connu"),
                     ("Statut DTP", "à jour"), ("Statut hépatite B", "à jour"),
                 })
        {
            await physician.GetByRole(AriaRole.Group, new() { Name = question, Exact = true }).GetByLabel(answer, new() { Exact = true }).CheckAsync();
        }
        await physician.GetByLabel("Raison de la non-remise").FillAsync("Livret remis par l'infirmière au passage du soir.");
        await BrowserFixture.ShotAsync(physician, "morning-05-entry-visit");
        await physician.GetByRole(AriaRole.Button, new() { Name = "Signer la visite d'entrée" }).ClickAsync();
        await physician.WaitForURLAsync("**/Patients/Chart/**");
        await Assertions.Expect(physician.GetByRole(AriaRole.Status)).ToContainTextAsync("Visite d'entrée signée");
        await Assertions.Expect(physician.GetByRole(AriaRole.Status)).ToContainTextAsync("1 examen(s) en attente de résultat");

        // The refused HIV test is not ordered: it becomes a recall to offer it again during the stay.
        await physician.GetByRole(AriaRole.Link, new() { Name = "Rappels", Exact = true }).ClickAsync();
        await physician.WaitForURLAsync("**/Followup/Recalls/**");
        await Assertions.Expect(physician.Locator("main")).ToContainTextAsync("VIH");
        await physician.GoBackAsync();

        // 5. The X-ray's result arrives: entered, then acknowledged by the physician.
        await physician.GetByRole(AriaRole.Link, new() { Name = "Examens et résultats", Exact = true }).ClickAsync();
        await physician.WaitForURLAsync("**/Followup/Results/**");
        await Assertions.Expect(physician.Locator("#results")).Not.ToContainTextAsync("VIH");
        var xray = physician.Locator("#results tbody tr", new() { HasText = "Radiographie thoracique" });
        await xray.GetByLabel("Compte rendu").FillAsync("Pas d'anomalie pleuro-parenchymateuse.");
        await xray.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(physician.GetByRole(AriaRole.Status)).ToContainTextAsync("Résultat de « Radiographie thoracique » enregistré");
        await xray.GetByRole(AriaRole.Button, new() { Name = "J'ai pris connaissance" }).ClickAsync();
        await Assertions.Expect(physician.GetByRole(AriaRole.Status)).ToContainTextAsync("vu par Dr Claire Martin");
        await Assertions.Expect(xray).ToContainTextAsync("Pas d'anomalie pleuro-parenchymateuse.");
        await Assertions.Expect(xray).ToContainTextAsync("Dr Claire Martin, le");
        await BrowserFixture.ShotAsync(physician, "morning-06-result-acknowledged");

        // 6. The prison did not bring the other patient: it records why, and the month's figures count him.
        await prison.ReloadAsync();
        var otherRow = prison.Locator("#movements tbody tr", new() { HasText = OtherEcrou });
        await otherRow.GetByLabel("Raison").SelectOptionAsync(new SelectOptionValue { Label = NotBroughtReason });
        await otherRow.GetByRole(AriaRole.Button, new() { Name = "Non amené" }).ClickAsync();
        await Assertions.Expect(prison.GetByRole(AriaRole.Status)).ToContainTextAsync("Non amené enregistré");
        await Assertions.Expect(prison.Locator("#movements tbody tr", new() { HasText = OtherEcrou }))
            .ToContainTextAsync($"Non amené : {NotBroughtReason}");
        await BrowserFixture.ShotAsync(prison, "morning-07-not-brought");

        await coordinator.ReloadAsync();
        (await FigureAsync(coordinator, month)).Should().Be(before + 1);
        (await FigureAsync(coordinator, monthByCause)).Should().Be(beforeByCause + 1);
        await BrowserFixture.ShotAsync(coordinator, "morning-08-figures");
    }

    /// <summary>The activity report from the first of the month to today, as the coordinator asks for it.</summary>
    private static async Task ComputeMonthAsync(IPage page, DateOnly today)
    {
        await page.GetByLabel("Du", new() { Exact = true }).FillAsync($"{today:yyyy-MM}-01");
        await page.GetByLabel("Au", new() { Exact = true }).FillAsync($"{today:yyyy-MM-dd}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Calculer" }).ClickAsync();
        await page.WaitForURLAsync($"**To={today:yyyy-MM-dd}**");
    }

    private static async Task<int> FigureAsync(IPage page, string code) =>
        int.Parse((await page.Locator($"td[data-code='{code}']").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
}
