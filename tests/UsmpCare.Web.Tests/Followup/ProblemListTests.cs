using System.Net;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Followup;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Followup;

/// <summary>Issue #21, point 6: the CIM-10 coded problem list on the chart, walled by team (P30).</summary>
public sealed class ProblemListTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_physician_codes_a_problem_resolves_it_and_an_unknown_code_is_refused()
    {
        var patient = await app.NewPatientAsync("Tensionnel");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var url = $"/Followup/Problems/{patient.Id}";

        (await (await physician.PostFormAsync(url + "?handler=Add", new Dictionary<string, string> { ["Code"] = "ZZ999" })).TextAsync())
            .Should().Contain("n'est pas un code CIM-10 connu");
        (await physician.PostFormAsync(url + "?handler=Add", new Dictionary<string, string>
        {
            ["Code"] = "i10", ["OnsetOn"] = TestClock.Today.AddYears(-2).ToString("yyyy-MM-dd"),
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var problem = await app.WithDbAsync(db => db.Problems.AsNoTracking().SingleAsync(p => p.PatientId == patient.Id));
        problem.Should().BeEquivalentTo(new { Code = "I10", Team = Team.Somatic, Status = ProblemStatus.Active });
        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#problem-list")!.TextContent
            .Should().Contain("Hypertension essentielle").And.Contain("I10");
        (await physician.PostFormAsync(url + "?handler=Resolve", new Dictionary<string, string> { ["ProblemId"] = problem.Id.ToString() }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id))).Status.Should().Be(ProblemStatus.Resolved);
        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#problem-list")!.TextContent
            .Should().Contain("Aucun problème actif");
    }

    [Fact]
    public async Task The_psychiatric_teams_problem_stays_behind_the_wall_until_the_patient_agrees_to_sharing()
    {
        var patient = await app.NewPatientAsync("Murail");
        var psychiatrist = await app.LoginAsAsync(DemoData.Account(Role.Psychiatrist));
        var url = $"/Followup/Problems/{patient.Id}";
        (await psychiatrist.PostFormAsync(url + "?handler=Add", new Dictionary<string, string> { ["Code"] = "F32.1" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await psychiatrist.GetDocumentAsync(url)).QuerySelector("#problems")!.TextContent.Should().Contain("F32.1");
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        (await physician.GetDocumentAsync(url)).QuerySelector("#problems")!.TextContent.Should().NotContain("F32.1", "P30: no sharing agreed");
        (await physician.GetDocumentAsync($"/Patients/Chart/{patient.Id}")).QuerySelector("#problem-list")!.TextContent.Should().NotContain("F32.1");
        var problemId = await app.WithDbAsync(db => db.Problems.Where(p => p.PatientId == patient.Id).Select(p => p.Id).SingleAsync());
        (await (await physician.PostFormAsync(url + "?handler=Erroneous", new Dictionary<string, string>
        {
            ["ProblemId"] = problemId.ToString(), ["Reason"] = "intrusion",
        })).TextAsync()).Should().Contain("Ce problème n'est pas dans le dossier de votre équipe");

        await psychiatrist.RecordAsync(patient.Id, ConsentTopic.TeamSharing, ConsentDecision.Agreed);
        (await physician.GetDocumentAsync(url)).QuerySelector("#problems")!.TextContent.Should().Contain("F32.1", "shared with his agreement");
        (await app.WithDbAsync(db => db.Problems.AsNoTracking().SingleAsync(p => p.Id == problemId))).Status.Should().Be(ProblemStatus.Active);
    }
}
