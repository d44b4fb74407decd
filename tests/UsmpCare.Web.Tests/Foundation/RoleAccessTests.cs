using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

public sealed class RoleAccessTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    public static TheoryData<string, string> Homes => new()
    {
        { "medecin@demo.usmp.fr", "/Dashboard" },
        { "psychiatre@demo.usmp.fr", "/Dashboard" },
        { "infirmier.soma@demo.usmp.fr", "/Dashboard" },
        { "coordonnateur@demo.usmp.fr", "/Dashboard" },
        { "secretariat@demo.usmp.fr", "/Patients" },
        { "ap@demo.usmp.fr", "/Ap" },
        { "spip@demo.usmp.fr", "/Spip" },
        { "admin@demo.usmp.fr", "/Admin/Users" },
        { "pharmacien@demo.usmp.fr", "/Treatments/Validation" },
    };

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task Each_demo_account_signs_in_to_its_role_home_page(string email, string home)
    {
        var client = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == email));

        var root = await client.GetAsync("/");
        root.StatusCode.Should().Be(HttpStatusCode.Redirect);
        root.Headers.Location!.OriginalString.Should().Be(home);

        var page = await client.GetAsync(home);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        (await page.TextAsync()).Should().Contain("Se déconnecter");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_login_page()
    {
        var response = await app.NewClient().GetAsync("/Patients");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith("http://localhost/Account/Login");
    }

    [Theory]
    [InlineData(Role.Administrator)]
    [InlineData(Role.PrisonAdministration)]
    [InlineData(Role.Spip)]
    public async Task Non_clinical_accounts_are_refused_on_every_page_of_clinical_roles(Role role)
    {
        var client = await app.LoginAsAsync(DemoData.Account(role));
        var patientId = await app.WithDbAsync(db => Task.FromResult(db.PsychiatricEntries.Select(e => e.PatientId).First()));
        var entryId = await app.WithDbAsync(db => Task.FromResult(db.PsychiatricEntries.Select(e => e.Id).First()));
        var clinicalPages = PagesRequiring(p => p.TouchesMedicalData() || p is Permission.SearchPatients
            or Permission.ManagePatientIdentity).ToList();
        clinicalPages.Should().NotBeEmpty();

        foreach (var (route, permission) in clinicalPages)
        {
            if (RolePermissions.Allows(role, permission))
            {
                continue;
            }
            var url = FillRoute(route, route.Contains("{team}") ? entryId : patientId, patientId);
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{role} must be refused {url}");
            response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied", $"{role} on {url}");
        }
    }

    /// <summary>
    /// Issue #20: the hospital pharmacist holds the unit's prescriptions and nothing else of the record: every page of
    /// another permission — chart, allergies, records, care requests, documents, consents, roster — is refused him.
    /// </summary>
    [Fact]
    public async Task The_pharmacist_is_refused_every_page_but_the_prescriptions_he_validates()
    {
        var client = await app.LoginAsAsync(DemoData.Account(Role.Pharmacist));
        var patientId = await app.WithDbAsync(db => Task.FromResult(db.Prescriptions.Select(p => p.PatientId).First()));
        var entryId = await app.WithDbAsync(db => Task.FromResult(db.PsychiatricEntries.Select(e => e.Id).First()));
        var pages = PagesRequiring(_ => true).ToList();
        var refused = pages.Where(p => !RolePermissions.Allows(Role.Pharmacist, p.Permission)).ToList();
        refused.Select(p => p.Route).Should().Contain(r => r.StartsWith("/Patients/Chart")).And.Contain(r => r.StartsWith("/Patients/Allergies"))
            .And.Contain(r => r.StartsWith("/Records/")).And.Contain(r => r.StartsWith("/CareRequests/")).And.Contain(r => r.StartsWith("/Documents/"));

        foreach (var (route, _) in refused)
        {
            var url = FillRoute(route, route.Contains("{team}") ? entryId : patientId, patientId);
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"the pharmacist must be refused {url}");
            response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied", url);
        }
        pages.Except(refused).Select(p => p.Route).Should().BeEquivalentTo(["/WhoSeesWhat", "/WhoSeesWhat/Index", "/Treatments/Validation"]);
        (await client.GetAsync("/Treatments/Validation")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_administrator_manages_accounts_but_cannot_open_a_patient_list()
    {
        var client = await app.LoginAsAsync(DemoData.Account(Role.Administrator));

        (await client.GetAsync("/Admin/Users")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/Admin/Units")).StatusCode.Should().Be(HttpStatusCode.OK);
        var patients = await client.GetAsync("/Patients");
        patients.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task A_physician_cannot_manage_accounts()
    {
        var client = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var response = await client.GetAsync("/Admin/Users");

        response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    /// <summary>Puts real ids in a route template: {team}/{id} is an entry, any other {id} or {patientId} a patient.</summary>
    private static string FillRoute(string route, Guid id, Guid patientId) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)(:[^}?]*)?\??\}", m => m.Groups[1].Value switch
        {
            "team" => "Psychiatric",
            "patientId" => patientId.ToString(),
            _ => id.ToString(),
        });

    private IEnumerable<(string Route, Permission Permission)> PagesRequiring(Func<Permission, bool> predicate) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().OfType<RequirePermissionAttribute>()
                .Select(a => ("/" + e.RoutePattern.RawText!.TrimStart('/'), a.Permission)))
            .Where(x => predicate(x.Permission))
            .Distinct();
}
