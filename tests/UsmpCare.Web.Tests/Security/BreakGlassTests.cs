using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>ONC (d)(6): emergency access with a reason, read-only, flagged, reviewed; never for AP, SPIP or admin.</summary>
public sealed class BreakGlassTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_physician_outside_the_unit_opens_the_record_in_an_emergency_read_only_and_it_is_reviewed()
    {
        var patient = await app.NewPatientAsync("Urgence", DemoData.UnitB);
        var physicianB = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr"));
        await physicianB.PostConsultationAsync("Sign", Clinic.ConsultationForm(patient.Id, "Allergie grave à la pénicilline connue"));
        var unitB = await app.UnitIdAsync(DemoData.UnitB);
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist)); // unit A only
        (await psychiatrist.GetAsync($"/Patients/Chart/{patient.Id}")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");

        var noReason = await psychiatrist.PostFormAsync("/Records/BreakGlass", new Dictionary<string, string>
        {
            ["UnitId"] = unitB.ToString(), ["Ecrou"] = patient.Ecrou, ["Reason"] = "",
        });
        (await noReason.TextAsync()).Should().Contain("Décrivez l'urgence");
        (await psychiatrist.PostFormAsync("/Records/BreakGlass", new Dictionary<string, string>
        {
            ["UnitId"] = unitB.ToString(), ["Ecrou"] = patient.Ecrou, ["Reason"] = "Malaise grave pendant une extraction, régulation SAMU",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var chart = (await psychiatrist.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).Body!.TextContent;
        chart.Should().Contain("Accès d'urgence").And.Contain("pénicilline").And.NotContain("Nouvelle consultation");
        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.PatientId == patient.Id).ToListAsync());
        events.Should().Contain(e => e.Action == AuditAction.BreakGlass && e.UserName == "Dr Karim Benali");
        events.Should().Contain(e => e.Action == AuditAction.Read && e.Target.StartsWith("[urgence]"));

        var coordinator = await app.LoginAsAsync(DemoData.Account(Role.Coordinator));
        await coordinator.PostFormAsync("/Units/Switch", new Dictionary<string, string> { ["unitId"] = unitB.ToString() }, "/Patients");
        var review = (await coordinator.GetDocumentAsync("/Audit/BreakGlass")).QuerySelector("#grants")!.TextContent;
        review.Should().Contain("Dr Karim Benali").And.Contain("régulation SAMU").And.Contain(patient.Ecrou);

        foreach (var role in new[] { Role.PrisonAdministration, Role.Spip, Role.Administrator, Role.Nurse })
        {
            var other = await app.LoginAsAsync(DemoData.Account(role));
            (await other.GetAsync("/Records/BreakGlass")).Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        }
    }
}
