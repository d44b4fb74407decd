using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Auditing;

/// <summary>P16: reading the trail, signing out, every account change and every refusal leave their row, with the right status.</summary>
public sealed class AuditGapsTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task Reading_the_trail_and_its_export_is_audited_with_the_filters_and_no_patient_name()
    {
        var patient = await app.NewPatientAsync("Lecteurdujournal");
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        (await coordinator.GetAsync($"/Audit?Ecrou={patient.Ecrou}&UserName=Martin&From=2026-01-02")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await coordinator.GetAsync($"/Audit?handler=Csv&Ecrou={patient.Ecrou}")).StatusCode.Should().Be(HttpStatusCode.OK);

        var reads = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.UserName == "Anne Dubois" && e.Target.StartsWith("/Audit")).OrderBy(e => e.Id).ToListAsync());
        reads.Should().HaveCount(2);
        reads[0].Target.Should().Be($"/Audit [écrou {patient.Ecrou}, utilisateur « Martin », du 02/01/2026]");
        reads[1].Target.Should().Be($"/Audit?handler=Csv [écrou {patient.Ecrou}]");
        reads.Should().OnlyContain(e => e.Action == AuditAction.Read && e.Status == 200 && e.PatientId == patient.Id
                                        && !e.Target.Contains("Lecteurdujournal"));
    }

    [Fact]
    public async Task Signing_out_is_audited()
    {
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Psychiatric));
        (await nurse.PostFormAsync("/Account/Logout", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.SignOut && e.UserName == "Thomas Roux")))
            .Should().BeTrue();
    }

    [Fact]
    public async Task Every_account_change_says_who_changed_what_for_whom()
    {
        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        (await coordinator.PostFormAsync("/Staff?handler=Create", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Léa", ["Input.LastName"] = "Auditée", ["Input.Email"] = "lea.auditee@usmp.test",
            ["Input.Role"] = "Nurse", ["Input.Team"] = "Somatic", ["Input.Password"] = "Une phrase de passe solide 42",
        }, "/Staff")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var lea = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "lea.auditee@usmp.test"));
        (await coordinator.PostFormAsync($"/Staff?handler=Team&id={lea.Id}&team=Psychiatric", [], "/Staff")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await coordinator.PostFormAsync($"/Staff?handler=Toggle&id={lea.Id}", [], "/Staff")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var admin = await app.LoginAsAsync(DemoData.Account(Role.Administrator));
        (await admin.PostFormAsync($"/Admin/Users?handler=Toggle&id={lea.Id}", [], "/Admin/Users")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.PostFormAsync($"/Admin/Users?handler=ResetMfa&id={lea.Id}", [], "/Admin/Users")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var changes = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Target.Contains(lea.Id.ToString())).OrderBy(e => e.Id).ToListAsync());
        changes.Select(e => (e.UserName, e.Action, e.Target)).Should().Equal(
            ("Anne Dubois", AuditAction.AccountChanged, $"/Staff/{lea.Id} Léa Auditée : compte ouvert, rôle Infirmier·e, équipe somatique, unités {DemoData.UnitA}"),
            ("Anne Dubois", AuditAction.AccountChanged, $"/Staff/{lea.Id} Léa Auditée : équipe psychiatrie"),
            ("Anne Dubois", AuditAction.AccountChanged, $"/Staff/{lea.Id} Léa Auditée : compte suspendu"),
            ("Paul Mercier", AuditAction.AccountChanged, $"/Admin/Users/{lea.Id} Léa Auditée : compte rétabli"),
            ("Paul Mercier", AuditAction.MfaReset, $"/Admin/Users/{lea.Id}"));
    }

    [Fact]
    public async Task A_refusal_is_recorded_with_403_or_404_never_200()
    {
        var elsewhere = await app.NewPatientAsync("Autreunite", DemoData.UnitB);
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        string[] pages =
        [
            $"/Patients/Chart/{elsewhere.Id}", $"/Patients/Edit/{elsewhere.Id}", $"/Patients/Consents/{elsewhere.Id}",
            $"/Records/NursingNote/{elsewhere.Id}", $"/Treatments/Tso/{elsewhere.Id}", $"/HungerStrikes/Follow/{elsewhere.Id}",
            $"/Patients/Chart/{Guid.NewGuid()}",
        ];
        foreach (var page in pages)
        {
            (await nurse.GetAsync(page)).StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.NotFound);
        }
        var ap = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        (await ap.GetAsync($"/Patients/Chart/{elsewhere.Id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var rows = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => (e.UserName == "Julie Lefèvre" || e.UserName == "Marc Lambert") && e.Action != AuditAction.SignIn).ToListAsync());
        foreach (var page in pages)
        {
            rows.Where(e => e.Target == page).Should().NotBeEmpty($"{page} was refused").And
                .OnlyContain(e => e.Status == 403 || e.Status == 404, $"{page} was refused, not served: {string.Join(", ", rows.Select(r => $"{r.Action} {r.Target} {r.Status}"))}");
        }
        rows.Should().Contain(e => e.UserName == "Marc Lambert" && e.Action == AuditAction.Denied && e.Status == 403);
        rows.Should().NotContain(e => e.Status == 200);
    }
}
