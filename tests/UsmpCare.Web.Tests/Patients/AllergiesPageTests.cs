using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Patients;

/// <summary>Issue #20: the allergies page, its three states on the banner, and its refusals.</summary>
public sealed class AllergiesPageTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_nurse_records_a_coded_drug_allergy_the_banner_shows_it_and_none_known_is_then_refused()
    {
        var patient = await app.NewPatientAsync("Allergique");
        var nurse = await app.LoginAsAsync(DemoData.Account(Role.Nurse));
        var url = $"/Patients/Allergies/{patient.Id}";
        (await nurse.GetDocumentAsync(url)).QuerySelector(".banner")!.TextContent.Should().Contain("Allergies non renseignées");

        (await nurse.PostFormAsync(url + "?handler=Record", new Dictionary<string, string>
        {
            ["Kind"] = "Drug", ["Substance"] = "amoxicilline", ["Reaction"] = "Œdème de Quincke", ["Severity"] = "Severe",
        }, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refused = await (await nurse.PostFormAsync(url + "?handler=NoneKnown", [], url)).TextAsync();

        refused.Should().Contain("Des allergies actives sont enregistrées");
        var saved = await app.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id));
        saved.Allergies.State.Should().Be(AllergyState.Listed);
        saved.Allergies.Entries.Single().Should().BeEquivalentTo(new
        {
            Kind = AllergenKind.Drug, Substance = "AMOXICILLINE", SubstanceCode = "90004", Severity = AllergySeverity.Severe,
        }, "coded from the demo referential");
        var banner = (await nurse.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector(".banner")!.TextContent;
        banner.Should().Contain("Allergie : AMOXICILLINE (sévère)").And.NotContain("non renseignées").And.NotContain("Aucune allergie connue");
    }

    [Fact]
    public async Task A_drug_unknown_to_the_referential_is_refused_in_french_and_nothing_is_recorded()
    {
        var patient = await app.NewPatientAsync("Inconnu");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Patients/Allergies/{patient.Id}";

        var refused = await (await physician.PostFormAsync(url + "?handler=Record", new Dictionary<string, string>
        {
            ["Kind"] = "Drug", ["Substance"] = "Zorglubine", ["Severity"] = "Mild",
        }, url)).TextAsync();

        refused.Should().Contain("n'est pas une substance du référentiel des médicaments");
        (await app.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == patient.Id))).Allergies.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_psychiatrist_states_none_known_for_both_teams_and_the_prison_officer_is_refused()
    {
        var patient = await app.NewPatientAsync("Aucune");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var url = $"/Patients/Allergies/{patient.Id}";

        (await psychiatrist.PostFormAsync(url + "?handler=NoneKnown", [], url)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = (await psychiatrist.GetDocumentAsync(url)).Body!.TextContent;
        page.Should().Contain("Aucune allergie connue, déclaré par Dr");
        var officer = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        (await officer.GetAsync(url)).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }
}
