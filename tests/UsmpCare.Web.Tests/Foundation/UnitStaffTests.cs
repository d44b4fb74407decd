using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Pages.Account;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

/// <summary>P37: the coordinator leads the unit's staff accounts, and only those.</summary>
public sealed class UnitStaffTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_coordinator_suspends_a_nurse_of_the_unit_who_can_then_no_longer_sign_in()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var nurse = DemoData.Nurse(Team.Psychiatric);
        var nurseId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == nurse.Email).Select(u => u.Id).SingleAsync());
        var page = (await coordinator.GetDocumentAsync("/Staff")).Body!.TextContent;
        page.Should().Contain(nurse.Email).And.NotContain("ap@demo.usmp.fr").And.NotContain("admin@demo.usmp.fr");

        (await coordinator.PostFormAsync("/Staff?handler=Toggle",
            new Dictionary<string, string> { ["id"] = nurseId.ToString() }, "/Staff")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var login = await app.NewClient().PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Email"] = nurse.Email, ["Password"] = DemoData.Password });
        (await login.TextAsync()).Should().Contain(LoginModel.Refused);
    }

    [Fact]
    public async Task The_coordinator_cannot_suspend_prison_staff_and_a_physician_cannot_open_the_page()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var apId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "ap@demo.usmp.fr").Select(u => u.Id).SingleAsync());

        var refused = await coordinator.PostFormAsync("/Staff?handler=Toggle",
            new Dictionary<string, string> { ["id"] = apId.ToString() }, "/Staff");

        refused.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.GetAsync("/Staff")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_coordinator_opens_a_nurse_account_in_his_unit_but_no_prison_or_admin_account()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var fields = new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Inès", ["Input.LastName"] = "Nouvelle", ["Input.Email"] = "ines.nouvelle@exemple.fr",
            ["Input.Role"] = "Administrator", ["Input.Team"] = "", ["Input.Password"] = "mot de passe initial 2026",
        };

        (await (await coordinator.PostFormAsync("/Staff?handler=Create", fields, "/Staff")).TextAsync())
            .Should().Contain("relèvent de l'administrateur");
        fields["Input.Role"] = "Nurse";
        fields["Input.Team"] = "Psychiatric";
        (await coordinator.PostFormAsync("/Staff?handler=Create", fields, "/Staff")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var nurse = await app.NewClient().PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = "ines.nouvelle@exemple.fr", ["Password"] = "mot de passe initial 2026",
        });
        nurse.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var memberships = await app.WithDbAsync(db => db.UnitMemberships
            .Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == "ines.nouvelle@exemple.fr")).Select(m => m.UnitId).ToListAsync());
        memberships.Should().ContainSingle();
    }

    [Fact]
    public async Task The_coordinator_moves_a_nurse_to_the_other_team_and_her_record_access_follows()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var nurse = DemoData.Accounts.Single(a => a.Email == "infirmier.soma@demo.usmp.fr");
        var nurseId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == nurse.Email).Select(u => u.Id).SingleAsync());
        var nurseClient = await app.LoginAsAsync(nurse);

        (await coordinator.PostFormAsync("/Staff?handler=Team", new Dictionary<string, string>
        {
            ["id"] = nurseId.ToString(), ["team"] = "Psychiatric",
        }, "/Staff")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == nurseId))).Team.Should().Be(Team.Psychiatric);
        var queue = await nurseClient.GetAsync("/CareRequests");
        queue.StatusCode.Should().Be(HttpStatusCode.Redirect, "the old cookie carried the old team: she signs in again");
    }
}
