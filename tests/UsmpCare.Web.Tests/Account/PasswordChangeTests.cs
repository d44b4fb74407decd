using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;
using UsmpCare.Web.Tests.Security;

namespace UsmpCare.Web.Tests.Account;

/// <summary>CNIL 2022-100: a user changes his own password, after confirming who he is; his other sessions end.</summary>
public sealed class PasswordChangeTests(StaleAuthenticationFactory app) : IClassFixture<StaleAuthenticationFactory>
{
    private const string NewPassword = "Le héron pêche au bord de l'étang";

    [Fact]
    public async Task A_user_changes_his_password_with_the_current_one_and_his_other_sessions_end()
    {
        var secretary = DemoData.Account(Role.Secretary);
        var here = await app.LoginAsAsync(secretary);
        var elsewhere = await app.LoginAsAsync(secretary);
        async Task<string> ChangeAsync(string current, string next, string confirm, string? reauth)
        {
            var fields = new Dictionary<string, string> { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm };
            if (reauth is not null)
            {
                fields[RecentAuthentication.Field] = reauth;
            }
            var response = await here.PostFormAsync("/Account/Security?handler=Password", fields, "/Account/Security");
            return response.StatusCode == HttpStatusCode.Redirect ? "" : await response.TextAsync();
        }

        (await ChangeAsync(DemoData.Password, NewPassword, NewPassword, reauth: null)).Should().Contain(RecentAuthentication.Required);
        (await ChangeAsync("pas le mot de passe", NewPassword, NewPassword, DemoData.Password)).Should().Contain("Mot de passe actuel incorrect");
        (await ChangeAsync(DemoData.Password, NewPassword, NewPassword + "x", DemoData.Password)).Should().Contain("sont différentes");
        (await ChangeAsync(DemoData.Password, "motdepasse2026", "motdepasse2026", DemoData.Password)).Should().Contain("trop courant");
        (await SignsInAsync(secretary.Email, DemoData.Password)).Should().BeTrue("nothing was changed so far");

        (await ChangeAsync(DemoData.Password, NewPassword, NewPassword, DemoData.Password)).Should().BeEmpty("the change is accepted");

        (await here.GetAsync("/Account/Security")).StatusCode.Should().Be(HttpStatusCode.OK, "this session goes on");
        (await elsewhere.GetAsync("/Account/Security")).Headers.Location!.OriginalString.Should().Contain("/Account/Login", "the other session ended");
        (await SignsInAsync(secretary.Email, DemoData.Password)).Should().BeFalse();
        (await SignsInAsync(secretary.Email, NewPassword)).Should().BeTrue();
        (await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.PasswordChanged && e.UserName == "Sophie Girard")))
            .Should().Be(1);
    }

    private async Task<bool> SignsInAsync(string email, string password)
    {
        var response = await app.NewClient().PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect && !response.Headers.Location!.OriginalString.StartsWith("/Account/", StringComparison.Ordinal);
    }
}
