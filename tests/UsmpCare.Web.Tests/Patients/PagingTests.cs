using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Patients;

public sealed class PagingTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task A_long_list_is_paged_and_the_pages_keep_the_search()
    {
        await app.WithDbAsync(async db =>
        {
            var unitId = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
            for (var i = 0; i < 60; i++)
            {
                db.Patients.Add(new Patient(unitId, $"P{9000 + i}", "Paginé", $"Numéro{i:00}", new DateOnly(1990, 1, 1), Sex.Male, new DateOnly(2026, 1, 1)));
            }
            return await db.SaveChangesAsync();
        });
        var nurse = await app.LoginAsAsync(DemoData.Nurse(Team.Somatic));

        var first = await nurse.GetDocumentAsync("/Patients?q=pagine");
        first.QuerySelectorAll("table.data tbody tr").Length.Should().Be(50);
        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        next.Should().Contain("q=pagine").And.Contain("p=2");

        var second = await nurse.GetDocumentAsync(next);
        second.QuerySelectorAll("table.data tbody tr").Length.Should().Be(10);
        second.QuerySelector("nav.pager a[rel=prev]").Should().NotBeNull();
        second.QuerySelector("nav.pager a[rel=next]").Should().BeNull();
    }
}
