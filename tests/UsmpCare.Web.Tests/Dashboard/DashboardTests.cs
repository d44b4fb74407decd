using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Consents;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Dashboard;

/// <summary>The unit dashboard's figures against data laid down by the test in the second demo unit.</summary>
public sealed class DashboardTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_dashboard_counts_what_the_unit_holds()
    {
        var now = DateTimeOffset.UtcNow;
        var patient = await app.NewPatientAsync("Tableau", DemoData.UnitB);
        await app.WithDbAsync(async db =>
        {
            var unitB = await db.Units.SingleAsync(u => u.Code == DemoData.UnitB);
            // Known ground: no other release date in the unit, then one convicted patient due a visit.
            await db.Patients.Where(p => p.UnitId == unitB.Id).ForEachAsync(p => p.SetStay(p.ArrivalDate, p.LegalStatus, null));
            var due = await db.Patients.SingleAsync(p => p.Id == patient.Id);
            due.SetStay(due.ArrivalDate, LegalStatus.Convicted, TestClock.Today.AddDays(10));
            var author = Guid.NewGuid();
            for (var i = 0; i < 3; i++)
            {
                // At « now », not minutes before: on a Monday just after midnight, Paris time, they would fall in last week.
                var entry = ClinicalEntry.New(Team.Somatic, EntryKind.Consultation, patient.Id, unitB.Id, author, "Dr Test", now);
                entry.ConsultationType = ConsultationType.Consultation;
                entry.Consent = ConsentStatus.Given;
                entry.Note = "note";
                entry.Sign(author, "Dr Test", now, false, MinorCare.Adult);
                db.Add(entry);
            }
            var round = new CollectionRound(unitB.Id, "Bâtiment T", null, now.AddDays(-2), author, "Infirmière", now);
            db.CollectionRounds.Add(round);
            db.CareRequests.Add(new CareRequest(round, patient.Id, null, RequestTeam.Somatic, "a", Urgency.NotUrgent, false, false, false, author, "Infirmière", now));
            db.CareRequests.Add(new CareRequest(round, patient.Id, null, RequestTeam.Dental, "b", Urgency.Urgent, false, false, false, author, "Infirmière", now));
            db.HungerStrikes.Add(new HungerStrike(patient.Id, unitB.Id, TestClock.Today, false, author, "Dr Test", now));
            return await db.SaveChangesAsync();
        });
        var physician = await app.LoginAsAsync(DemoData.Accounts.Single(a => a.Email == "medecin.sta@demo.usmp.fr"));

        var page = await physician.GetDocumentAsync("/Dashboard");

        page.QuerySelector("#kpi-open")!.TextContent.Should().Be("2");
        page.QuerySelector("#kpi-visits")!.TextContent.Should().Be("1");
        page.QuerySelector("#kpi-strikes")!.TextContent.Should().Be("1");
        var rows = page.QuerySelectorAll("#open-requests tbody tr")
            .Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        rows.Single(r => r[0] == "Somatique").Skip(1).Should().Equal("0", "1", "0", "0", "0");
        rows.Single(r => r[0] == "Dentaire").Skip(1).Should().Equal("0", "1", "0", "0", "0");
        var headers = page.QuerySelectorAll("#consultations thead th").Select(th => th.TextContent).ToList();
        var thisWeek = page.QuerySelectorAll("#consultations tbody tr").Last().QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        thisWeek[headers.IndexOf("Consultation") - 1].Should().Be("3");
        thisWeek.Select(int.Parse).Sum().Should().Be(3);
        page.QuerySelector("svg#chart-consultations title")!.TextContent.Should().Be("Consultations signées par semaine");
    }
}
