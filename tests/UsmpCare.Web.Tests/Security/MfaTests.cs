using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Pages.Account;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>P16, ONC (d)(13), ASVS V2.3.2 / V2.8: TOTP second factor for the clinical roles, the coordinator and the administrator.</summary>
public sealed class MfaTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_new_physician_enrols_with_the_qr_code_confirms_with_a_code_and_sees_ten_recovery_codes_once()
    {
        const string email = "nadia.enrolee@exemple.fr";
        await CreateAccountAsync(email, Role.Physician);
        var client = app.NewClient();

        var afterPassword = await PasswordAsync(client, email, "mot de passe du docteur 2026");
        afterPassword.Headers.Location!.OriginalString.Should().StartWith("/Account/Enrol");
        (await client.GetAsync("/Patients")).Headers.Location!.OriginalString.Should().Contain("/Account/Login",
            "no session opens before the second factor is enrolled");
        var page = await client.GetDocumentAsync("/Account/Enrol");
        page.QuerySelector("img[src='/Account/Enrol?handler=Qr']").Should().NotBeNull();
        var key = page.QuerySelector("#key")!.TextContent;
        key.Should().MatchRegex("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", "the key is typed by hand four characters at a time");
        var qr = await client.GetAsync("/Account/Enrol?handler=Qr");
        qr.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        (await qr.Content.ReadAsByteArrayAsync()).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');

        var wrong = await client.PostFormAsync("/Account/Enrol", new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        (await wrong.TextAsync()).Should().Contain(CodeModel.Wrong);
        var enrolled = await client.PostFormAsync("/Account/Enrol", new Dictionary<string, string> { ["Code"] = TestTotp.CodeNow(key) });

        var codes = HttpClientExtensions.Parse(await enrolled.TextAsync()).QuerySelectorAll("#recovery-codes li");
        codes.Should().HaveCount(10);
        (await client.GetAsync("/Patients")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetDocumentAsync("/Account/Security")).QuerySelector("#recovery-codes").Should().BeNull("shown once only");
        (await PasswordAsync(app.NewClient(), email, "mot de passe du docteur 2026")).Headers.Location!.OriginalString
            .Should().StartWith("/Account/Code", "once enrolled, every sign-in asks for a code");
        (await EventsOfAsync("Nadia Enrolée")).Should().Contain(e => e.Action == AuditAction.MfaEnrolled)
            .And.Contain(e => e.Action == AuditAction.MfaFailed)
            .And.Contain(e => e.Action == AuditAction.SignIn && e.Target == "/Account/Enrol");
    }

    [Fact]
    public async Task A_nurse_needs_a_code_after_her_password_and_a_wrong_code_says_nothing_more()
    {
        var nurse = DemoData.Nurse(Team.Somatic);
        var client = app.NewClient();

        var afterPassword = await PasswordAsync(client, nurse.Email, DemoData.Password);
        afterPassword.Headers.Location!.OriginalString.Should().StartWith("/Account/Code");
        (await client.GetAsync("/Patients")).Headers.Location!.OriginalString.Should().Contain("/Account/Login");

        var wrongTotp = await (await client.PostFormAsync("/Account/Code", new Dictionary<string, string>
        {
            ["Code"] = WrongCode(DemoData.TotpKey),
        })).TextAsync();
        var wrongRecovery = await (await client.PostFormAsync("/Account/Code", new Dictionary<string, string>
        {
            ["Code"] = "BCDFG-HJKMN",
        })).TextAsync();

        wrongTotp.Should().Contain(CodeModel.Wrong);
        wrongRecovery.Should().Contain(CodeModel.Wrong);
        (await client.GetAsync("/Patients")).Headers.Location!.OriginalString.Should().Contain("/Account/Login");
        (await app.NewClient().GetAsync("/Account/Code")).Headers.Location!.OriginalString.Should().Be("/Account/Login",
            "the code page is reached only after the password");
        (await EventsOfAsync("Julie Lefèvre")).Count(e => e.Action == AuditAction.MfaFailed).Should().Be(2);
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_its_replay_is_refused()
    {
        var coordinator = DemoData.Account(Role.Coordinator);
        await app.ForgetLastTotpStepAsync(coordinator.Email);
        var code = TestTotp.CodeNow(DemoData.TotpKey);
        var first = app.NewClient();
        var second = app.NewClient();
        await PasswordAsync(first, coordinator.Email, DemoData.Password);
        await PasswordAsync(second, coordinator.Email, DemoData.Password);

        var accepted = await first.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = code });
        var replayed = await second.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = code });

        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.Should().Be("/");
        (await replayed.TextAsync()).Should().Contain(CodeModel.Wrong, "a code seen once is useless afterwards");
        (await second.GetAsync("/Patients")).Headers.Location!.OriginalString.Should().Contain("/Account/Login");
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var psychiatrist = DemoData.Account(Role.Psychiatrist);
        var codes = await WithUserAsync(psychiatrist.Email, async (users, user) =>
            (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList());

        var client = app.NewClient();
        await PasswordAsync(client, psychiatrist.Email, DemoData.Password);
        var used = await client.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = codes[0].ToLowerInvariant() });
        used.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/Patients")).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = app.NewClient();
        await PasswordAsync(again, psychiatrist.Email, DemoData.Password);
        (await (await again.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = codes[0] })).TextAsync())
            .Should().Contain(CodeModel.Wrong);
        (await again.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = codes[1] }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await EventsOfAsync("Karim Benali")).Count(e => e.Action == AuditAction.RecoveryCodeUsed).Should().Be(2);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout_like_wrong_passwords()
    {
        var nurse = DemoData.Nurse(Team.Psychiatric);
        var client = app.NewClient();
        await PasswordAsync(client, nurse.Email, DemoData.Password);
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = WrongCode(DemoData.TotpKey) });
        }
        await app.ForgetLastTotpStepAsync(nurse.Email);

        var right = await client.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = TestTotp.CodeNow(DemoData.TotpKey) });

        (await right.TextAsync()).Should().Contain(LoginModel.LockedOut);
        (await client.GetAsync("/Patients")).Headers.Location!.OriginalString.Should().Contain("/Account/Login");
    }

    [Fact]
    public async Task The_administrator_resets_a_lost_second_factor_which_ends_the_sessions_and_asks_for_a_new_enrolment()
    {
        var physician = DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr");
        var session = await app.LoginAsAsync(physician);
        var admin = await app.LoginAsAsync(DemoData.Account(Role.Administrator));
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == physician.Email).Select(u => u.Id).SingleAsync());

        (await admin.PostFormAsync("/Admin/Users?handler=ResetMfa", new Dictionary<string, string> { ["id"] = id.ToString() },
            "/Admin/Users")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await session.GetAsync("/Patients")).Headers.Location!.OriginalString.Should().Contain("/Account/Login",
            "his open sessions end");
        (await PasswordAsync(app.NewClient(), physician.Email, DemoData.Password)).Headers.Location!.OriginalString
            .Should().StartWith("/Account/Enrol");
        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.MfaReset && e.Target == $"/Admin/Users/{id}")))
            .Should().BeTrue();
    }

    [Fact]
    public async Task The_user_renews_his_recovery_codes_only_with_a_current_code()
    {
        var physician = DemoData.Account(Role.Physician);
        var client = await app.LoginAsAsync(physician);
        var old = await WithUserAsync(physician.Email, async (users, user) =>
            (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList());

        var refused = await client.PostFormAsync("/Account/Security?handler=RecoveryCodes",
            new Dictionary<string, string> { ["Code"] = WrongCode(DemoData.TotpKey) }, "/Account/Security");
        (await refused.TextAsync()).Should().Contain(CodeModel.Wrong);
        await app.ForgetLastTotpStepAsync(physician.Email);
        var renewed = await client.PostFormAsync("/Account/Security?handler=RecoveryCodes",
            new Dictionary<string, string> { ["Code"] = TestTotp.CodeNow(DemoData.TotpKey) }, "/Account/Security");

        HttpClientExtensions.Parse(await renewed.TextAsync()).QuerySelectorAll("#recovery-codes li").Should().HaveCount(10);
        var login = app.NewClient();
        await PasswordAsync(login, physician.Email, DemoData.Password);
        (await (await login.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = old[0] })).TextAsync())
            .Should().Contain(CodeModel.Wrong, "the new codes replace the old ones");
    }

    [Fact]
    public async Task The_secretariat_signs_in_with_the_password_and_may_enrol_from_the_security_page()
    {
        var secretary = DemoData.Account(Role.Secretary);
        var client = app.NewClient();
        (await PasswordAsync(client, secretary.Email, DemoData.Password)).Headers.Location!.OriginalString.Should().Be("/");
        (await client.GetDocumentAsync("/Account/Security")).Body!.TextContent.Should().Contain("facultative");

        var key = (await client.GetDocumentAsync("/Account/Enrol")).QuerySelector("#key")!.TextContent;
        var enrolled = await client.PostFormAsync("/Account/Enrol", new Dictionary<string, string> { ["Code"] = TestTotp.CodeNow(key) });

        HttpClientExtensions.Parse(await enrolled.TextAsync()).QuerySelectorAll("#recovery-codes li").Should().HaveCount(10);
        (await client.GetAsync("/Patients")).StatusCode.Should().Be(HttpStatusCode.OK, "her session survives the enrolment");
        (await PasswordAsync(app.NewClient(), secretary.Email, DemoData.Password)).Headers.Location!.OriginalString
            .Should().StartWith("/Account/Code");
    }

    [Fact]
    public async Task In_development_the_code_page_shows_a_demo_account_the_code_that_works()
    {
        var admin = DemoData.Account(Role.Administrator);
        await app.ForgetLastTotpStepAsync(admin.Email);
        var client = app.NewClient();
        await PasswordAsync(client, admin.Email, DemoData.Password);

        var hint = (await client.GetDocumentAsync("/Account/Code")).QuerySelector("#demo-code")!.TextContent;

        (await client.PostFormAsync("/Account/Code", new Dictionary<string, string> { ["Code"] = hint }))
            .Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public void Both_totp_implementations_give_the_codes_of_rfc_6238()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", last 6 of the 8 digits given there.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Totp.Code(key, 59 / 30).Should().Be("287082");
        Totp.Code(key, 1111111109 / 30).Should().Be("081804");
        Totp.Code(Encoding.ASCII.GetBytes("12345678901234567890"), 1234567890 / 30).Should().Be("005924");
        TestTotp.Code(key, 59 / 30).Should().Be("287082");
        TestTotp.Code(key, 2000000000 / 30).Should().Be("279037");
    }

    private static Task<HttpResponseMessage> PasswordAsync(HttpClient client, string email, string password) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A 6-digit code that none of the steps the server accepts now would give.</summary>
    private static string WrongCode(string key)
    {
        var now = TestTotp.StepNow();
        var valid = Enumerable.Range(-2, 5).Select(i => TestTotp.Code(key.Replace(" ", ""), now + i)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    private async Task CreateAccountAsync(string email, Role role)
    {
        var unitId = await app.UnitIdAsync(DemoData.UnitA);
        await using var scope = app.Scope();
        var problems = await AccountCreation.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<User>>(), new NewAccount
        {
            FirstName = "Nadia", LastName = "Enrolée", Email = email, Role = role, Team = Team.Somatic, Rpps = "10009999999",
            UnitIds = [unitId], Password = "mot de passe du docteur 2026",
        });
        problems.Should().BeEmpty();
    }

    private async Task<T> WithUserAsync<T>(string email, Func<UserManager<User>, User, Task<T>> work)
    {
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        return await work(users, (await users.FindByEmailAsync(email))!);
    }

    private Task<List<AuditEvent>> EventsOfAsync(string userName) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.UserName == userName).ToListAsync());
}
