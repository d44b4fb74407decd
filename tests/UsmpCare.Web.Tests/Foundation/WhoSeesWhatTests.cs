using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

public sealed class WhoSeesWhatTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Theory]
    [InlineData(Role.Nurse)]
    [InlineData(Role.PrisonAdministration)]
    public async Task The_page_shows_exactly_the_enforced_matrix_and_the_glossary(Role viewer)
    {
        var client = await app.LoginAsAsync(DemoData.Account(viewer));

        var page = await client.GetDocumentAsync("/WhoSeesWhat");

        var cells = page.QuerySelectorAll("td[data-role][data-permission]");
        cells.Should().HaveCount(Enum.GetValues<Role>().Length * Enum.GetValues<Permission>().Length);
        foreach (var cell in cells)
        {
            var role = Enum.Parse<Role>(cell.GetAttribute("data-role")!);
            var permission = Enum.Parse<Permission>(cell.GetAttribute("data-permission")!);
            cell.ClassList.Contains("yes").Should().Be(RolePermissions.Allows(role, permission), $"{role} × {permission}");
        }
        var text = page.Body!.TextContent;
        foreach (var acronym in new[] { "AP", "SPIP", "CPU", "JAP", "USMP", "SMPR", "UHSA", "UHSI" })
        {
            page.QuerySelectorAll("dl.glossary abbr").Select(a => a.TextContent).Should().Contain(acronym);
        }
        text.Should().Contain("Aucune donnée de patient");
    }
}
