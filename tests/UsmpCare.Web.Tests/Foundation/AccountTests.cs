using System.Net;
using Microsoft.AspNetCore.Hosting;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Pages.Account;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

public sealed class AccountTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_message()
    {
        var wrongPassword = await PostLoginAsync(DemoData.Account(Role.Secretary).Email, "pas-le-bon-mot-de-passe");
        var unknown = await PostLoginAsync("personne@demo.usmp.fr", "pas-le-bon-mot-de-passe");

        wrongPassword.Should().Contain(LoginModel.Refused);
        unknown.Should().Contain(LoginModel.Refused);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password()
    {
        var account = DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr");
        for (var i = 0; i < 5; i++)
        {
            await PostLoginAsync(account.Email, "mauvais-mot-de-passe-" + i);
        }

        var page = await PostLoginAsync(account.Email, DemoData.Password);

        page.Should().Contain(LoginModel.LockedOut);
    }

    [Fact]
    public async Task The_administrator_creates_an_account_and_gets_french_messages_for_bad_input()
    {
        var client = await app.LoginAsAsync(DemoData.Account(Role.Administrator));
        var unitId = await app.WithDbAsync(db => Task.FromResult(db.Units.First().Id));
        var fields = new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Lucie",
            ["Input.LastName"] = "Garnier",
            ["Input.Email"] = "lucie.garnier@exemple.fr",
            ["Input.Role"] = "Physician",
            ["Input.Team"] = "Somatic",
            ["Input.Rpps"] = "123",
            ["Input.UnitIds"] = unitId.ToString(),
            ["Input.Password"] = "court",
        };

        var refused = await client.PostFormAsync("/Admin/Users?handler=Create", fields, "/Admin/Users");
        var html = await refused.TextAsync();
        html.Should().Contain("numéro RPPS de 11 chiffres");
        html.Should().Contain("Lucie", "what was typed is kept");

        fields["Input.Rpps"] = "10009876543";
        var stillRefused = await (await client.PostFormAsync("/Admin/Users?handler=Create", fields, "/Admin/Users"))
            .TextAsync();
        stillRefused.Should().Contain("au moins 12 caractères");

        fields["Input.Password"] = "Azerty2026!!!!";
        (await (await client.PostFormAsync("/Admin/Users?handler=Create", fields, "/Admin/Users")).TextAsync())
            .Should().Contain("trop courant", "a common word padded with digits is refused whatever its length");
        fields["Input.Password"] = "lucie garnier 2026";
        (await (await client.PostFormAsync("/Admin/Users?handler=Create", fields, "/Admin/Users")).TextAsync())
            .Should().Contain("reprend votre nom");

        fields["Input.Password"] = "un mot de passe assez long";
        var created = await client.PostFormAsync("/Admin/Users?handler=Create", fields, "/Admin/Users");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var list = await client.GetDocumentAsync("/Admin/Users");
        list.Body!.TextContent.Should().Contain("lucie.garnier@exemple.fr");

        var login = app.NewClient();
        var signedIn = await login.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = "lucie.garnier@exemple.fr",
            ["Password"] = "un mot de passe assez long",
        });
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in()
    {
        var admin = await app.LoginAsAsync(DemoData.Account(Role.Administrator));
        var spip = DemoData.Account(Role.Spip);
        var spipId = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == spip.Email).Id));

        var toggled = await admin.PostFormAsync("/Admin/Users?handler=Toggle",
            new Dictionary<string, string> { ["id"] = spipId.ToString() }, "/Admin/Users");
        toggled.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await PostLoginAsync(spip.Email, DemoData.Password)).Should().Contain(LoginModel.Refused);
    }

    [Fact]
    public void The_app_refuses_to_start_outside_development_while_demo_accounts_exist()
    {
        var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var start = () => production.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*comptes de démonstration*");
    }

    [Fact]
    public async Task A_real_deployment_gets_its_first_administrator_from_the_command_line()
    {
        Environment.SetEnvironmentVariable("USMP_ADMIN_PASSWORD", "premier administrateur 2026");
        await using (var scope = app.Scope())
        {
            var said = await UsmpCare.Web.Infrastructure.Bootstrap.CreateAdministratorAsync(scope.ServiceProvider,
                ["create-admin", "dsi@hopital.example", "Inès", "Roy"]);
            said.Should().Contain("créé");
        }
        Environment.SetEnvironmentVariable("USMP_ADMIN_PASSWORD", null);

        var login = await app.NewClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = "dsi@hopital.example",
            ["Password"] = "premier administrateur 2026",
        });
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Health_endpoints_answer_without_signing_in()
    {
        var client = app.NewClient();

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.TextAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_data_protection_keys_live_in_the_database()
    {
        var client = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var response = await client.GetAsync("/Patients");

        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        response.Headers.CacheControl!.NoStore.Should().BeTrue("a page with patient names is never cached");
        // Every cookie the sign-in sets is out of reach of scripts and never sent by another site (ASVS V3.4.2, V3.4.3).
        var signIn = await app.NewClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = DemoData.Account(Role.Physician).Email,
            ["Password"] = DemoData.Password,
        });
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        cookies.Should().NotBeEmpty().And.OnlyContain(c => c.Contains("httponly", StringComparison.OrdinalIgnoreCase)
                                                          && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));
        (await app.WithDbAsync(db => Task.FromResult(db.DataProtectionKeys.Count()))).Should().BeGreaterThan(0);
    }

    private async Task<string> PostLoginAsync(string email, string password)
    {
        var response = await app.NewClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return await response.TextAsync();
    }
}
