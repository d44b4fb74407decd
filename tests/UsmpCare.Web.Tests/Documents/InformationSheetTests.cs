using System.Net;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UsmpCare.Domain.Certificates;
using UsmpCare.Domain.Disclosures;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Documents;

/// <summary>P09: the patient's information sheet, handed at entry in a language the unit offers, and recorded.</summary>
public sealed class InformationSheetTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private const string Due = "Livret d'accueil à remettre";

    private static string Url(Guid patientId) => $"/Documents/InformationSheet/{patientId}";

    private static string Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        // French typography puts no-break spaces before « : » and inside guillemets, and a typographic apostrophe.
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text))
            .Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('’', '\'');
    }

    [Fact]
    public async Task The_sheet_read_back_in_french_and_english_gives_the_phone_the_letter_box_the_spip_objection_and_the_record_deadlines()
    {
        var patient = await app.NewPatientAsync("Livret");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        foreach (var language in new[] { "fr", "en" })
        {
            (await nurse.PostFormAsync(Url(patient.Id), new Dictionary<string, string> { ["Language"] = language }))
                .StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var sheets = await app.WithDbAsync(db => db.InformationSheets.Where(s => s.PatientId == patient.Id)
            .Join(db.IssuedDocuments, s => s.DocumentId, d => d.Id, (s, d) => new { s.Language, d.Kind, d.Pdf }).ToListAsync());
        sheets.Select(s => s.Language).Should().BeEquivalentTo("fr", "en");
        sheets.Should().OnlyContain(s => s.Kind == DocumentKind.InformationSheet);
        var fr = Words(sheets.Single(s => s.Language == "fr").Pdf);
        fr.Should().Contain("01 23 45 67 89").And.Contain("boîte aux lettres de l'unité sanitaire").And.Contain("gratuit et confidentiel")
            .And.Contain("droit de vous opposer à ce partage avec le SPIP").And.Contain("8 jours").And.Contain("2 mois")
            .And.Contain("L.1111-7").And.Contain("L.6141-5").And.Contain("ne voit jamais vos données médicales")
            .And.Contain("8 h 30").And.Contain("LIVRET");
        var en = Words(sheets.Single(s => s.Language == "en").Pdf);
        en.Should().Contain("01 23 45 67 89").And.Contain("letter box").And.Contain("free and confidential")
            .And.Contain("right to object to sharing with the SPIP").And.Contain("within 8 days").And.Contain("2 months")
            .And.Contain("L.1111-7");
        // P02: what is handed is in the ledger, as handed to the patient himself.
        (await app.WithDbAsync(db => db.Disclosures.Where(d => d.PatientId == patient.Id).Select(d => d.Exception).ToListAsync()))
            .Should().Equal(LegalException.PatientHimself, LegalException.PatientHimself);
        (await nurse.GetAsync(Url(patient.Id))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_sheet_is_due_on_the_banner_and_the_dashboard_from_arrival_until_it_is_handed()
    {
        var patient = await app.NewPatientAsync("Arrivant");
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        async Task<int> DueOnDashboard() =>
            int.Parse((await coordinator.GetDocumentAsync("/Dashboard")).QuerySelector("#kpi-information-sheets")!.TextContent,
                System.Globalization.CultureInfo.InvariantCulture);
        var before = await DueOnDashboard();
        (await (await nurse.GetAsync($"/Patients/Chart/{patient.Id}")).TextAsync()).Should().Contain(Due);

        (await nurse.PostFormAsync(Url(patient.Id), new Dictionary<string, string> { ["Language"] = "en" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await (await nurse.GetAsync($"/Patients/Chart/{patient.Id}")).TextAsync()).Should().NotContain(Due);
        (await DueOnDashboard()).Should().Be(before - 1);
        var handed = await app.WithDbAsync(db => db.InformationSheets.SingleAsync(s => s.PatientId == patient.Id));
        handed.Language.Should().Be("en");
        handed.HandedOn.Should().Be(TestClock.Today);
        handed.At.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        handed.HandedByName.Should().Contain("Lefèvre");
        (await (await nurse.GetAsync(Url(patient.Id))).TextAsync()).Should().Contain("English (anglais)").And.Contain("Lefèvre");

        // Append-only: what the patient was handed is never changed nor removed, even by a superuser (P09).
        foreach (var sql in new[] { $"UPDATE consent.information_sheets SET language = 'fr' WHERE id = '{handed.Id}'",
                     $"DELETE FROM consent.information_sheets WHERE id = '{handed.Id}'" })
        {
            var change = async () =>
            {
                await using var connection = new Npgsql.NpgsqlConnection(app.AdminConnectionString);
                await connection.OpenAsync();
                await new Npgsql.NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
            };
            (await change.Should().ThrowAsync<Npgsql.PostgresException>(sql)).Which.MessageText.Should().Contain("append-only");
        }
    }

    [Fact]
    public async Task A_language_the_unit_has_not_enabled_is_refused_in_french_and_nothing_is_recorded()
    {
        // The second demo unit offers its sheet in French only.
        var patient = await app.NewPatientAsync("Langue", DemoData.UnitB);
        var physician = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr"));

        var refused = await physician.PostFormAsync(Url(patient.Id), new Dictionary<string, string> { ["Language"] = "en" });

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.TextAsync()).Should().Contain("n'est pas proposé dans cette langue par l'unité");
        (await app.WithDbAsync(db => db.InformationSheets.CountAsync(s => s.PatientId == patient.Id))).Should().Be(0);
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
        (await app.WithDbAsync(db => db.Disclosures.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
        (await (await physician.GetAsync(Url(patient.Id) + "?Language=en")).TextAsync())
            .Should().Contain("n'est pas proposé dans cette langue par l'unité");
    }
}
