using System.Text.RegularExpressions;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Foundation;

/// <summary>
/// Links by page name (asp-page, RedirectToPage, Url.Page), never by a typed address: a moved or renamed page then
/// fails here instead of sending the user to a 404 (issue 18).
/// </summary>
public sealed partial class PageLinkTests
{
    private static readonly string Pages = Path.Combine(BuiltApp.RepositoryRoot, "src", "UsmpCare.Web", "Pages");

    [Fact]
    public void No_view_or_page_model_types_the_address_of_an_app_page()
    {
        var files = Directory.EnumerateFiles(Pages, "*.cs*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .ToList();
        files.Should().HaveCountGreaterThan(50, "the pages must be found");

        files.SelectMany(f => HardCodedLinks(Path.GetRelativePath(Pages, f), File.ReadAllText(f)))
            .Should().BeEmpty("links to app pages go through asp-page / RedirectToPage / Url.Page");
    }

    [Fact]
    public void Every_page_name_used_in_a_link_is_a_page_that_exists()
    {
        var names = Directory.EnumerateFiles(Pages, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(f => PageNames(File.ReadAllText(f)))
            .Distinct()
            .ToList();
        names.Should().Contain(new[] { "/Patients/Chart", "/Consents/Index", "/Index" }, "the links must be found");

        names.Where(n => !File.Exists(Path.Combine(Pages, n.TrimStart('/') + ".cshtml")))
            .Should().BeEmpty("an asp-page that names no page renders an empty href");
    }

    [Theory]
    [InlineData("<a href=\"/Patients/Chart/@p.Id\">dossier</a>")]
    [InlineData("<a class=\"kpi\" href=\"/Continuity#visits\">")]
    [InlineData("<form method=\"post\" action=\"/Units/Switch\">")]
    [InlineData("<a href=\"@($\"/Records/Entry/{e.Team}/{e.Id}\")\">")]
    [InlineData("<button formaction=\"/Records/Consultation?handler=Sign\">")]
    [InlineData("<img src=\"/Account/Enrol?handler=Qr\" />")]
    [InlineData("return Redirect($\"/Patients/Chart/{id}\");")]
    [InlineData("return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : \"/\");")]
    public void The_checker_reports_a_typed_address(string line) =>
        HardCodedLinks("Sample.cshtml", line).Should().ContainSingle();

    [Theory]
    [InlineData("<a asp-page=\"/Patients/Chart\" asp-route-id=\"@p.Id\">dossier</a>")]
    [InlineData("<link rel=\"stylesheet\" href=\"/css/site.css\" asp-append-version=\"true\" />")]
    [InlineData("<script src=\"/js/site.js\"></script>")]
    [InlineData("<a class=\"skip-link\" href=\"#contenu\">")]
    [InlineData("<a href=\"?handler=Csv&amp;@query\" download>")]
    [InlineData("<a href=\"https://www.legifrance.gouv.fr/\">")]
    [InlineData("return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToPage(\"/Index\");")]
    public void The_checker_admits_page_names_static_files_anchors_and_external_links(string line) =>
        HardCodedLinks("Sample.cshtml", line).Should().BeEmpty();

    private static IEnumerable<string> HardCodedLinks(string file, string text) =>
        text.Split('\n')
            .Select((line, i) => (line, number: i + 1))
            .Where(l => TypedAddressInMarkup().IsMatch(l.line) || TypedAddressInRedirect().IsMatch(l.line))
            .Select(l => $"{file}:{l.number}: {l.line.Trim()}");

    private static IEnumerable<string> PageNames(string text) =>
        PageName().Matches(text).Select(m => m.Groups["name"].Value);

    /// <summary>An href/action/formaction/src whose value (plain, @(...) or @$"...") starts with « / » or « ~/ »,
    /// except the static files under wwwroot.</summary>
    [GeneratedRegex("""\b(?:href|action|formaction|src)\s*=\s*"(?:@\(?\$?@?")?~?/(?!/)(?!(?:css|js|lib|images|favicon)\b)""")]
    private static partial Regex TypedAddressInMarkup();

    /// <summary>Redirect / LocalRedirect / RedirectPermanent given a string literal that starts with « / ».</summary>
    [GeneratedRegex("""(?<![\w.])(?:Local)?Redirect(?:Permanent)?\((?:[^()]|\([^()]*\))*"/""")]
    private static partial Regex TypedAddressInRedirect();

    [GeneratedRegex("""(?:asp-page="|RedirectToPage\("|Url\.Page\(")(?<name>/[^"]*)""")]
    private static partial Regex PageName();
}
