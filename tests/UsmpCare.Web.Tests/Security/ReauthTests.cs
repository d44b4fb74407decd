using UsmpCare.Domain.Disclosures;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>A deployment where no authentication counts as recent: every sensitive action asks for the password or a code.</summary>
public sealed class StaleAuthenticationFactory : UsmpFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:ReauthMinutes", "0");
    }
}

/// <summary>ASVS V3.7.1: issuing a document and breaking the glass need a recent authentication, asked in the form itself.</summary>
public sealed class ReauthTests(StaleAuthenticationFactory app) : IClassFixture<StaleAuthenticationFactory>
{
    private const string Text = "Son état de santé justifie un accès aux repas à heures fixes.";

    [Fact]
    public async Task On_a_stale_session_a_document_is_not_issued_until_the_password_is_typed_in_the_same_form()
    {
        var patient = await app.NewPatientAsync("Réauthentifié");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Documents/New/{patient.Id}?kind=RegimeAttestation";
        var fields = new Dictionary<string, string> { ["Input.Kind"] = "RegimeAttestation", ["Input.Text"] = Text };
        (await physician.GetDocumentAsync(url)).QuerySelector($"input[name={RecentAuthentication.Field}]").Should().NotBeNull();

        var stale = await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url);
        var html = await stale.TextAsync();
        stale.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain(RecentAuthentication.Required).And.Contain(Text, "what was typed is kept");
        fields[RecentAuthentication.Field] = "pas le bon mot de passe";
        (await (await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url)).TextAsync())
            .Should().Contain(RecentAuthentication.Wrong);
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);

        fields[RecentAuthentication.Field] = DemoData.Password;
        var issued = await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", fields, url);

        issued.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(1);
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.UserName == "Claire Martin").ToListAsync());
        events.Should().Contain(e => e.Action == AuditAction.ReauthFailed).And.Contain(e => e.Action == AuditAction.Reauthenticated);
    }

    [Fact]
    public async Task On_a_stale_session_break_the_glass_needs_a_fresh_authenticator_code()
    {
        var patient = await app.NewPatientAsync("Urgence", DemoData.UnitB);
        var psychiatrist = DemoData.Account(Role.Psychiatrist);
        var client = await app.LoginAsAsync(psychiatrist);
        var fields = new Dictionary<string, string>
        {
            ["UnitId"] = (await app.UnitIdAsync(DemoData.UnitB)).ToString(), ["Ecrou"] = patient.Ecrou,
            ["Reason"] = "Malaise grave pendant une extraction, régulation SAMU",
        };

        var stale = await (await client.PostFormAsync("/Records/BreakGlass", fields)).TextAsync();
        stale.Should().Contain(RecentAuthentication.Required).And.Contain("régulation SAMU");
        (await app.WithDbAsync(db => db.BreakGlassGrants.CountAsync(g => g.PatientId == patient.Id))).Should().Be(0);

        await app.ForgetLastTotpStepAsync(psychiatrist.Email);
        fields[RecentAuthentication.Field] = TestTotp.CodeNow(DemoData.TotpKey);
        var granted = await client.PostFormAsync("/Records/BreakGlass", fields);

        granted.Headers.Location!.OriginalString.Should().Be($"/Patients/Chart/{patient.Id}");
        (await app.WithDbAsync(db => db.BreakGlassGrants.CountAsync(g => g.PatientId == patient.Id))).Should().Be(1);
        (await (await client.PostFormAsync("/Records/BreakGlass", fields)).TextAsync())
            .Should().Contain(RecentAuthentication.Wrong, "the same code does not confirm twice");
    }

    [Fact]
    public async Task On_a_stale_session_the_release_pack_waits_for_confirmation()
    {
        var patient = await app.NewPatientAsync("Libérable");
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var url = $"/Continuity/Release/{patient.Id}";
        var fields = new Dictionary<string, string> { ["FollowUp"] = "Contrôle tensionnel dans un mois" };

        (await (await coordinator.PostFormAsync(url + "?handler=Pack", fields, url)).TextAsync())
            .Should().Contain(RecentAuthentication.Required).And.Contain("Contrôle tensionnel dans un mois");
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(0);
        fields[RecentAuthentication.Field] = DemoData.Password;
        (await coordinator.PostFormAsync(url + "?handler=Pack", fields, url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(1);
    }

    [Fact]
    public async Task On_a_stale_session_the_transfer_pack_is_not_made_without_confirmation()
    {
        var patient = await app.NewPatientAsync("Transféré");
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var fields = new Dictionary<string, string>
        {
            ["OutsideDestination"] = "Centre pénitentiaire de Fresnes", ["Exception"] = nameof(LegalException.CareTeamSharing),
        };

        var stale = await (await coordinator.PostFormAsync($"/Continuity/Transfer/{patient.Id}", fields)).TextAsync();

        stale.Should().Contain(RecentAuthentication.Required).And.Contain("Centre pénitentiaire de Fresnes");
        (await app.WithDbAsync(db => db.TransferPacks.CountAsync(t => t.PatientId == patient.Id))).Should().Be(0);
        fields[RecentAuthentication.Field] = DemoData.Password;
        (await coordinator.PostFormAsync($"/Continuity/Transfer/{patient.Id}", fields)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.TransferPacks.CountAsync(t => t.PatientId == patient.Id))).Should().Be(1);
    }
}

/// <summary>With the default window (10 minutes), a user who just signed in is not asked again.</summary>
public sealed class RecentAuthenticationTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Right_after_sign_in_a_document_is_issued_without_asking_again()
    {
        var patient = await app.NewPatientAsync("Frais");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Documents/New/{patient.Id}?kind=RegimeAttestation";
        (await physician.GetDocumentAsync(url)).QuerySelector($"input[name={RecentAuthentication.Field}]").Should().BeNull();

        var issued = await physician.PostFormAsync($"/Documents/New/{patient.Id}?handler=Issue", new Dictionary<string, string>
        {
            ["Input.Kind"] = "RegimeAttestation", ["Input.Text"] = "Son état de santé justifie un accès aux repas à heures fixes.",
        }, url);

        issued.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.PatientId == patient.Id))).Should().Be(1);
    }
}

/// <summary>Account changes by the administrator need a recent authentication too (ASVS V3.7.1).</summary>
public sealed class AdminReauthTests(StaleAuthenticationFactory app) : IClassFixture<StaleAuthenticationFactory>
{
    [Fact]
    public async Task On_a_stale_session_the_administrator_resets_a_second_factor_only_after_confirming()
    {
        var admin = await app.LoginAsAsync(DemoData.Account(Role.Administrator));
        var nurse = DemoData.Nurse(Team.Somatic);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == nurse.Email).Select(u => u.Id).SingleAsync());
        var fields = new Dictionary<string, string> { ["id"] = id.ToString() };

        (await (await admin.PostFormAsync("/Admin/Users?handler=ResetMfa", fields, "/Admin/Users")).TextAsync())
            .Should().Contain(RecentAuthentication.Required);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync())).Should().BeTrue();

        fields[RecentAuthentication.Field] = DemoData.Password;
        (await admin.PostFormAsync("/Admin/Users?handler=ResetMfa", fields, "/Admin/Users")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync())).Should().BeFalse();
    }

    [Fact]
    public async Task On_a_stale_session_the_coordinator_suspends_a_nurse_only_after_confirming()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        var nurse = DemoData.Nurse(Team.Psychiatric);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == nurse.Email).Select(u => u.Id).SingleAsync());
        var fields = new Dictionary<string, string> { ["id"] = id.ToString() };

        (await (await coordinator.PostFormAsync("/Staff?handler=Toggle", fields, "/Staff")).TextAsync())
            .Should().Contain(RecentAuthentication.Required);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync())).Should().BeTrue();

        await app.ForgetLastTotpStepAsync(DemoData.Account(Role.Coordinator).Email);
        fields[RecentAuthentication.Field] = TestTotp.CodeNow(DemoData.TotpKey);
        (await coordinator.PostFormAsync("/Staff?handler=Toggle", fields, "/Staff")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync())).Should().BeFalse();
    }
}
