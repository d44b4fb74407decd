using System.Net;
using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Agenda;

/// <summary>Issue #21, point 2: the day's list leads the physician from an appointment to the form it calls for.</summary>
public sealed class DayListTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task An_entry_visit_on_the_physicians_day_list_opens_the_structured_entry_visit_and_a_consultation_the_consultation_form()
    {
        var arrival = await app.PatientInCellAsync("Arrivant", "A-101", "Bâtiment A");
        var followed = await app.PatientInCellAsync("Suivi", "A-102", "Bâtiment A");
        var day = TestClock.Today;
        await app.BookAsync(arrival, day.ToDateTime(new TimeOnly(0, 5)), VisitKind.EntryVisit, reason: "Arrivant de liberté");
        await app.BookAsync(followed, day.ToDateTime(new TimeOnly(0, 30)), VisitKind.Consultation);
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var list = await physician.GetDocumentAsync($"/Agenda/Day?day={day:yyyy-MM-dd}");

        var visit = list.QuerySelectorAll("#day-list tbody tr").Single(r => r.TextContent.Contains("ARRIVANT", StringComparison.Ordinal))
            .QuerySelector("a.consult")!;
        visit.TextContent.Should().Be("Visite d'entrée");
        visit.GetAttribute("href").Should().Be($"/EntryVisits/Visit/{arrival.Id}");
        var consultation = list.QuerySelectorAll("#day-list tbody tr").Single(r => r.TextContent.Contains("SUIVI", StringComparison.Ordinal))
            .QuerySelector("a.consult")!;
        consultation.TextContent.Should().Be("Consultation");
        var form = await physician.GetAsync(visit.GetAttribute("href"));
        form.StatusCode.Should().Be(HttpStatusCode.OK);
        (await form.TextAsync()).Should().Contain("Signer la visite d'entrée");
    }
}
