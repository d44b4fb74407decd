using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Treatments;

/// <summary>Issue #20, point 1: the BDPM import (idempotent, all or nothing) and the tolerant drug search.</summary>
public sealed class DrugReferentialTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public async Task The_demo_referential_is_loaded_and_importing_it_again_changes_no_row()
    {
        (await StateAsync()).Should().HaveCountGreaterThan(45).And.OnlyContain(d => d.StartsWith("99"), "demo codes are in the reserved range");
        // The first run undoes whatever another test of this class changed; the second one must then change nothing.
        (await RunAsync("import-drugs", DemoFolder())).Code.Should().Be(Commands.Ok);
        var before = await StateAsync();

        var (code, output, _) = await RunAsync("import-drugs", DemoFolder());

        code.Should().Be(Commands.Ok);
        output.Should().Contain("0 créé(s), 0 mis à jour, 50 inchangé(s)");
        (await StateAsync()).Should().Equal(before, "xmin included: not one row was even rewritten");
    }

    [Fact]
    public async Task An_import_adds_new_products_and_updates_known_ones_by_cis()
    {
        var folder = Folder(
            "99000001\tDOLIPRANE 500 mg, gélule (nouveau libellé)\tgélule\torale\tAutorisation active\tProcédure nationale\tCommercialisée\t01/01/2020\t\t\t DÉMONSTRATION USMPCARE\tNon\r\n"
            + "99900001\tCÉTIRIZINE DEMO 10 mg, comprimé pelliculé sécable\tcomprimé pelliculé sécable\torale\tAutorisation active\tProcédure nationale\tCommercialisée\t01/01/2020\t\t\t DÉMONSTRATION USMPCARE\tNon\r\n",
            "99000001\tgélule\t90001\tPARACÉTAMOL\t500 mg\tune gélule\tSA\t1\t\r\n99900001\tcomprimé\t90099\tDICHLORHYDRATE DE CÉTIRIZINE\t10 mg\tun comprimé\tSA\t1\t\r\n",
            "99900001\t9990001\tplaquette(s) de 15 comprimé(s)\tPrésentation active\tDéclaration de commercialisation\t01/01/2020\t9999990900001\toui\t30%\t\t\t\t\r\n");

        var (code, output, error) = await RunAsync("import-drugs", folder);

        code.Should().Be(Commands.Ok, error);
        output.Should().Contain("1 créé(s), 1 mis à jour, 0 inchangé(s)");
        var drugs = await app.WithDbAsync(db => db.Drugs.AsNoTracking().Where(d => d.Cis == "99000001" || d.Cis == "99900001").ToDictionaryAsync(d => d.Cis));
        drugs["99000001"].Name.Should().Be("DOLIPRANE 500 mg, gélule (nouveau libellé)");
        drugs["99900001"].Substances.Should().ContainSingle(s => s.Name == "DICHLORHYDRATE DE CÉTIRIZINE");
        drugs["99900001"].Presentations.Should().ContainSingle(p => p.Cip13 == "9999990900001");
    }

    [Fact]
    public async Task A_malformed_file_is_refused_with_its_line_named_and_changes_nothing()
    {
        var before = await StateAsync();
        var folder = Folder(
            "99000002\tDOLIPRANE 1000 mg, comprimé (modifié)\tcomprimé\torale\tAutorisation active\tProcédure nationale\tCommercialisée\t01/01/2020\t\t\t DÉMONSTRATION USMPCARE\tNon\r\n"
            + "99900002\tLORATADINE DEMO 10 mg, comprimé\tcomprimé\torale\tAutorisation active\tProcédure nationale\tCommercialisée\t01/01/2020\t\t\t DÉMONSTRATION USMPCARE\tNon\r\n",
            "99900002\tcomprimé\t90098\tLORATADINE\t10 mg\tun comprimé\tSA\t1\t\r\n99900002\tcomprimé\tLORATADINE\t10 mg\r\n",
            "");

        var (code, _, error) = await RunAsync("import-drugs", folder);

        code.Should().Be(Commands.Failure);
        error.Should().Contain("CIS_COMPO_bdpm.txt, ligne 2 : 4 colonne(s)").And.Contain("Rien n'a été importé");
        (await StateAsync()).Should().Equal(before, "neither the new product nor the change of a known one was written");
    }

    [Theory]
    [InlineData("doliprane", "DOLIPRANE 500 mg, gélule")]
    [InlineData("paracetamol", "PARACETAMOL DEMO 500 mg, comprimé")]
    [InlineData("paracétamole", "DOLIPRANE 1000 mg, comprimé")]
    [InlineData("buprénorphine", "SUBOXONE 8 mg/2 mg, comprimé sublingual")]
    [InlineData("BUPRENORFINE", "SUBUTEX 8 mg, comprimé sublingual")]
    public async Task The_search_finds_by_name_or_substance_despite_accents_and_a_typo(string term, string expected)
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var page = await physician.GetDocumentAsync($"/Treatments/Drugs?q={Uri.EscapeDataString(term)}");

        var names = page.QuerySelectorAll("table.data tbody tr td:first-child").Select(c => c.TextContent.Trim()).ToList();
        names.Should().Contain(n => n.StartsWith(expected)).And.OnlyContain(n => n.EndsWith("démo"), "demo products are marked");
        names.Should().NotContain(n => n.StartsWith("SERTRALINE") || n.StartsWith("ZOLOFT"), "an unrelated drug does not match");
    }

    [Fact]
    public async Task The_prison_administration_cannot_open_the_drug_search()
    {
        var officer = await app.LoginAsAsync(DemoData.Account(Role.PrisonAdministration));
        var response = await officer.GetAsync("/Treatments/Drugs?q=subutex");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/AccessDenied");
    }

    /// <summary>Each drug row with its xmin: an UPDATE, even to the same values, shows.</summary>
    private Task<List<string>> StateAsync() => app.WithDbAsync(db => db.Database
        .SqlQueryRaw<string>("SELECT cis || ' ' || xmin::text || ' ' || name AS \"Value\" FROM treatments.drugs ORDER BY cis")
        .ToListAsync());

    private async Task<(int? Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        return (await Commands.RunAsync(app.Services, args, output, error), output.ToString(), error.ToString());
    }

    /// <summary>The three files in a fresh folder, written in Windows-1252 as the ANSM publishes them.</summary>
    private static string Folder(string specialities, string compositions, string presentations)
    {
        var folder = Directory.CreateTempSubdirectory("bdpm-").FullName;
        File.WriteAllBytes(Path.Combine(folder, "CIS_bdpm.txt"), Windows1252.GetBytes(specialities));
        File.WriteAllBytes(Path.Combine(folder, "CIS_COMPO_bdpm.txt"), Windows1252.GetBytes(compositions));
        File.WriteAllBytes(Path.Combine(folder, "CIS_CIP_bdpm.txt"), Windows1252.GetBytes(presentations));
        return folder;
    }

    private static string DemoFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "bdpm-demo");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("data/bdpm-demo introuvable au-dessus du dossier des tests.");
    }
}
