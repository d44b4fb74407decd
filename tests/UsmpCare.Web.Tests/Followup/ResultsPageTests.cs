using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Followup;

/// <summary>Issue #21, point 5: tests ordered, results entered with their unit, acknowledged by a physician; the unit's lists.</summary>
public sealed class ResultsPageTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_result_without_unit_is_refused_a_nurse_cannot_acknowledge_and_the_ordering_physician_does()
    {
        var patient = await app.NewPatientAsync("Bilanne");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Followup/Results/{patient.Id}";
        (await physician.PostFormAsync(url + "?handler=Order", new Dictionary<string, string> { ["Exam"] = "BloodPanel" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var orderId = await app.WithDbAsync(db => db.TestOrders.Where(o => o.PatientId == patient.Id).Select(o => o.Id).SingleAsync());
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));
        var result = new Dictionary<string, string> { ["OrderId"] = orderId.ToString(), ["Value"] = "12", ["Unit"] = "", ["ReferenceRange"] = "4 – 6" };

        (await (await nurse.PostFormAsync(url + "?handler=Result", result)).TextAsync())
            .Should().Contain("Un résultat chiffré doit avoir son unité");
        (await OrderAsync(orderId)).Result.Should().BeNull("a refused result changes nothing");

        result["Unit"] = "mmol/L";
        (await nurse.PostFormAsync(url + "?handler=Result", result)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await OrderAsync(orderId)).Result.Should().BeEquivalentTo(new { Value = 12m, Unit = "mmol/L", ReferenceRange = "4 – 6" });

        var acknowledge = new Dictionary<string, string> { ["OrderId"] = orderId.ToString() };
        (await (await nurse.PostFormAsync(url + "?handler=Acknowledge", acknowledge)).TextAsync())
            .Should().Contain("Seul un médecin peut prendre connaissance d'un résultat.");
        (await OrderAsync(orderId)).Result!.Acknowledgement.Should().BeNull("a nurse does not acknowledge a result");

        var toSee = (await physician.GetDocumentAsync("/Followup/Index")).QuerySelector("#to-acknowledge")!.TextContent;
        toSee.Should().Contain("BILANNE Paul").And.Contain("(vous)", "the physician who ordered sees his unacknowledged result");
        (await physician.PostFormAsync(url + "?handler=Acknowledge", acknowledge)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var seen = (await OrderAsync(orderId)).Result!.Acknowledgement!;
        seen.ByName.Should().StartWith("Dr ");
        (await physician.GetDocumentAsync(url)).QuerySelector("#results")!.TextContent.Should().Contain(seen.ByName);
        (await physician.GetDocumentAsync("/Followup/Index")).QuerySelector("#to-acknowledge")!.TextContent.Should().NotContain("BILANNE");
    }

    [Fact]
    public async Task The_overdue_list_shows_the_teams_tests_without_result_past_the_delay()
    {
        var late = await app.NewPatientAsync("Retardataire");
        var recent = await app.NewPatientAsync("Recentier");
        var psychiatric = await app.NewPatientAsync("Psyordre");
        await app.WithDbAsync(async db =>
        {
            TestOrder Order(Domain.Patients.Patient p, Team team, int daysAgo) => new(p.Id, p.UnitId, team, Exam.HivSerology, null,
                TestClock.Today.AddDays(-daysAgo), Guid.NewGuid(), "Dr Test", DateTimeOffset.UtcNow.AddDays(-daysAgo));
            db.TestOrders.AddRange(Order(late, Team.Somatic, 20), Order(recent, Team.Somatic, 3), Order(psychiatric, Team.Psychiatric, 30));
            return await db.SaveChangesAsync();
        });
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var overdue = (await physician.GetDocumentAsync("/Followup/Index")).QuerySelector("#overdue")!.TextContent;

        overdue.Should().Contain("RETARDATAIRE").And.Contain("20 jours");
        overdue.Should().NotContain("RECENTIER", "ordered within the delay").And.NotContain("PSYORDRE", "the other team's order (P30)");
        (await physician.GetDocumentAsync("/Followup/Index?Days=25")).QuerySelector("#overdue")!.TextContent.Should().NotContain("RETARDATAIRE");
    }

    [Fact]
    public async Task A_patient_of_another_unit_gets_no_order_and_no_result_page()
    {
        var elsewhere = await app.NewPatientAsync("Ailleurs");
        var mine = await app.NewPatientAsync("Ici", DemoData.UnitB);
        var physician = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr")); // unit B only

        var post = await physician.PostFormAsync($"/Followup/Results/{elsewhere.Id}?handler=Order",
            new Dictionary<string, string> { ["Exam"] = "Ecg" }, $"/Followup/Results/{mine.Id}");

        post.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
        (await app.WithDbAsync(db => db.TestOrders.AnyAsync(o => o.PatientId == elsewhere.Id))).Should().BeFalse();
        (await physician.GetAsync($"/Followup/Results/{elsewhere.Id}")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    private Task<TestOrder> OrderAsync(Guid id) => app.WithDbAsync(db =>
        db.TestOrders.AsNoTracking().Include(o => o.Result).ThenInclude(r => r!.Acknowledgement).SingleAsync(o => o.Id == id));
}
