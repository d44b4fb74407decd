using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>ASVS V2.9.1: the authenticator key and the recovery codes are not in clear in the database, and still work.</summary>
public sealed class TotpAtRestTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_authenticator_key_and_recovery_codes_are_stored_protected_and_still_sign_in()
    {
        var physician = DemoData.Account(Role.Physician);
        List<string> codes;
        Guid userId;
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
            var user = (await users.FindByEmailAsync(physician.Email))!;
            userId = user.Id;
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
        }

        var stored = new Dictionary<string, string>();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT name, value FROM auth.user_tokens WHERE user_id = @id", connection);
            command.Parameters.AddWithValue("id", userId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored[reader.GetString(0)] = reader.GetString(1);
            }
        }
        stored.Keys.Should().Contain(["AuthenticatorKey", "RecoveryCodes"]);
        stored.Values.Should().OnlyContain(v => !v.Contains(DemoData.TotpKey, StringComparison.OrdinalIgnoreCase), "the demo seeding stores the key protected");
        foreach (var code in codes)
        {
            stored["RecoveryCodes"].Should().NotContain(code);
        }

        (await app.LoginAsAsync(physician)).Should().NotBeNull("a code of the authenticator app still signs in");
        var client = app.NewClient();
        await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = physician.Email, ["Password"] = DemoData.Password });
        (await client.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = codes[0] })).StatusCode
            .Should().Be(HttpStatusCode.Redirect, "a recovery code still signs in");
        (await client.GetAsync("/Patients")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
