using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

/// <summary>P09: the unit's hours and the languages of its information sheet, set by the administrator.</summary>
public sealed class UnitInformationSettingsTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_administrator_enables_a_translated_language_and_an_unknown_one_is_refused_in_french()
    {
        var admin = await app.LoginAsAsync(DemoData.Account(Role.Administrator));
        var unitId = await app.UnitIdAsync(DemoData.UnitB);
        var patient = await app.NewPatientAsync("Anglophone", DemoData.UnitB);
        var physician = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr"));
        var url = $"/Documents/InformationSheet/{patient.Id}";
        (await physician.PostFormAsync(url, new Dictionary<string, string> { ["Language"] = "en" })).StatusCode
            .Should().Be(HttpStatusCode.OK, "English is not enabled yet");

        var refused = await admin.PostFormAsync("/Admin/Units?handler=Information", new Dictionary<string, string>
        {
            ["unitId"] = unitId.ToString(), ["hours"] = "Tous les jours de 8 h à 20 h", ["languages"] = "xx",
        }, "/Admin/Units");
        (await refused.TextAsync()).Should().Contain("n'est pas traduit dans la langue « xx »");
        (await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == unitId))).InformationLanguages.Should().BeEmpty();

        (await admin.PostFormAsync("/Admin/Units?handler=Information", new Dictionary<string, string>
        {
            ["unitId"] = unitId.ToString(), ["hours"] = "Tous les jours de 8 h à 20 h", ["languages"] = "en",
        }, "/Admin/Units")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var unit = await app.WithDbAsync(db => db.Units.SingleAsync(u => u.Id == unitId));
        unit.InformationLanguages.Should().Equal("en");
        unit.Hours.Should().Be("Tous les jours de 8 h à 20 h");
        (await physician.PostFormAsync(url, new Dictionary<string, string> { ["Language"] = "en" })).StatusCode
            .Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.InformationSheets.SingleAsync(s => s.PatientId == patient.Id))).Language.Should().Be("en");
    }
}
