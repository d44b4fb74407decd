using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>Bad input is refused in French and changes nothing: the concrete cases of issue « Hardening », point 5.</summary>
public sealed class BadInputTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("Somatic,Psychiatric")]
    [InlineData(null)]
    public async Task A_missing_empty_or_unknown_team_posted_on_staff_moves_no_psychiatrist(string? team)
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var psychiatristId = await IdOfAsync(DemoData.Account(Role.Psychiatrist).Email);
        var fields = new Dictionary<string, string> { ["id"] = psychiatristId.ToString() };
        if (team is not null)
        {
            fields["team"] = team;
        }

        var response = await coordinator.PostFormAsync("/Staff?handler=Team", fields, "/Staff");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.TextAsync()).Should().Contain("Rien n'a été enregistré")
            .And.ContainAny("Choisissez une valeur dans la liste proposée", "ne fait pas partie des choix proposés");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == psychiatristId))).Team.Should().Be(Team.Psychiatric);
    }

    [Fact]
    public async Task The_administrator_cannot_reset_his_own_second_factor_and_keeps_his_session()
    {
        var admin = await app.LoginAsAsync(DemoData.Account(Role.Administrator));
        var adminId = await IdOfAsync(DemoData.Account(Role.Administrator).Email);
        HttpClientExtensions.Parse(await admin.GetStringAsync("/Admin/Users"))
            .QuerySelectorAll("form[action*='handler=ResetMfa'] input[name=id]").Select(i => i.GetAttribute("value"))
            .Should().NotBeEmpty().And.NotContain(adminId.ToString(), "his own row offers no reset");

        var response = await admin.PostFormAsync("/Admin/Users?handler=ResetMfa",
            new Dictionary<string, string> { ["id"] = adminId.ToString() }, "/Admin/Users");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await admin.GetAsync("/Admin/Users");
        page.StatusCode.Should().Be(HttpStatusCode.OK, "the administrator's session goes on");
        (await page.TextAsync()).Should().Contain("Vous ne pouvez pas réinitialiser votre propre second facteur");
        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == adminId))).TwoFactorEnabled.Should().BeTrue();
    }

    [Fact]
    public async Task An_account_in_a_unit_that_does_not_exist_is_refused_in_french()
    {
        var admin = await app.LoginAsAsync(DemoData.Account(Role.Administrator));

        var response = await admin.PostFormAsync("/Admin/Users?handler=Create", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Nadia", ["Input.LastName"] = "Fantôme", ["Input.Email"] = "nadia.fantome@exemple.fr",
            ["Input.Role"] = "Nurse", ["Input.Team"] = "Somatic", ["Input.UnitIds"] = Guid.NewGuid().ToString(),
            ["Input.Password"] = "mot de passe initial 2026",
        }, "/Admin/Users");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.TextAsync()).Should().Contain("Choisissez les unités dans la liste proposée");
        (await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nadia.fantome@exemple.fr"))).Should().BeFalse();
    }

    [Theory]
    [InlineData("/Audit?From=0001-01-01")]
    [InlineData("/Audit?To=9999-12-31")]
    [InlineData("/Audit?handler=Csv&From=0001-01-01&To=9999-12-31")]
    public async Task Dates_no_calendar_of_the_app_holds_are_refused_in_the_audit_filter(string url)
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));

        var response = await coordinator.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.TextAsync()).Should().Contain("saisissez une date entre 1900 et 2100");
    }

    [Fact]
    public async Task A_form_posted_without_its_handler_is_refused_in_french_and_saves_nothing()
    {
        var patient = await app.NewPatientAsync("SansAction");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var consultation = await physician.PostFormAsync($"/Records/Consultation?patientId={patient.Id}",
            Clinic.ConsultationForm(patient.Id));
        var document = await physician.PostFormAsync($"/Documents/New/{patient.Id}?kind=InjuryCertificate",
            new Dictionary<string, string> { ["Input.Itt"] = "3" });

        foreach (var response in new[] { consultation, document })
        {
            response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
            (await response.TextAsync()).Should().Contain("Ce formulaire ne correspond à aucune action de la page : rien n'a été enregistré.");
        }
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Should().BeEmpty();
        (await app.WithDbAsync(db => db.IssuedDocuments.AnyAsync(d => d.PatientId == patient.Id))).Should().BeFalse();
    }

    [Fact]
    public async Task An_identity_form_with_an_unknown_choice_shows_the_refusal_with_what_was_typed()
    {
        var patient = await app.NewPatientAsync("Choix");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var url = $"/Patients/Edit/{patient.Id}";
        var fields = await IdentityFieldsAsync(secretary, url);
        fields["Input.Sex"] = "Inconnu";
        fields["Input.Cell"] = "B-214";

        var response = await secretary.PostFormAsync(url, fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.TextAsync();
        text.Should().Contain("La valeur « Inconnu » ne fait pas partie des choix proposés.").And.Contain("value=\"B-214\"");
        (await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == patient.Id))).Cell.Should().NotBe("B-214");
    }

    [Fact]
    public async Task Text_longer_than_its_column_is_refused_before_the_database_and_the_next_save_goes_through()
    {
        var patient = await app.NewPatientAsync("Long");
        var secretary = await app.LoginAsAsync(DemoData.Account(Role.Secretary));
        var url = $"/Patients/Edit/{patient.Id}";

        // Refused by the server, the same auto-prepared UPDATE used to be left corrupt (npgsql/npgsql#6391): the next
        // valid save on that connection was written, then answered with a 500.
        for (var i = 0; i < 3; i++)
        {
            var fields = await IdentityFieldsAsync(secretary, url);
            fields["Input.Cell"] = new string('x', 500);
            var refused = await secretary.PostFormAsync(url, fields);
            refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await refused.TextAsync()).Should().Contain("Saisie trop longue");
        }
        var valid = await IdentityFieldsAsync(secretary, url);
        valid["Input.Cell"] = "C-12";

        (await secretary.PostFormAsync(url, valid)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Patients.SingleAsync(p => p.Id == patient.Id))).Cell.Should().Be("C-12");
    }

    /// <summary>The identity form's fields as the page fills them (boxes left out).</summary>
    private static async Task<Dictionary<string, string>> IdentityFieldsAsync(HttpClient client, string url)
    {
        var form = HttpClientExtensions.Parse(await client.GetStringAsync(url)).QuerySelector("form.grid-form[method=post]")!;
        return form.QuerySelectorAll("input[name], select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "submit") && e.GetAttribute("name") != "__RequestVerificationToken")
            .DistinctBy(e => e.GetAttribute("name"))
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value")
                ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
    }

    private Task<Guid> IdOfAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
