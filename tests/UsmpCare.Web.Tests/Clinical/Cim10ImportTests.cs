using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Clinical;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Clinical;

/// <summary>Issue #21 (7): the ATIH's CIM-10 file, imported all or nothing and idempotent, then usable everywhere.</summary>
public sealed class Cim10ImportTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_atih_file_is_imported_once_and_its_codes_are_searched_and_accepted_in_a_consultation()
    {
        var path = Latin1File(
            "A001  |0|OOOO|0|Choléra à Vibrio cholerae 01, biovar eltor|Choléra à Vibrio cholerae 01, biovar eltor",
            "B182  |0|OOOO|0|Hépatite virale chronique C|Hépatite virale chronique C (libellé de l'année)",
            "Z23   |3|NNNN|3|Vaccination bactérienne|Nécessité d'une vaccination contre une seule maladie bactérienne");

        var (code, output, _) = await RunAsync(path);
        code.Should().Be(Commands.Ok);
        output.Should().Contain("3 code(s) lu(s), 3 ajouté(s), 0 libellé(s) mis à jour, 0 inchangé(s)");
        var rows = await RowsAsync();

        var (again, secondOutput, _) = await RunAsync(path);
        again.Should().Be(Commands.Ok);
        secondOutput.Should().Contain("0 ajouté(s), 0 libellé(s) mis à jour, 3 inchangé(s)");
        (await RowsAsync()).Should().Equal(rows, "xmin included: the second import rewrote nothing");

        await using var scope = app.Scope();
        var catalogue = scope.ServiceProvider.GetRequiredService<Cim10Catalogue>();
        (await catalogue.SearchAsync("cholera eltor")).Select(c => c.Code).Should().Equal("A00.1");
        (await catalogue.FindAsync("b182"))!.Label.Should().Be("Hépatite virale chronique C (libellé de l'année)");
        (await catalogue.FindAsync("C34.9")).Should().NotBeNull("the shipped list stays under the imported codes");

        var patient = await app.NewPatientAsync();
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        var form = Clinic.ConsultationForm(patient.Id);
        form["Input.Diagnoses[0]"] = "A00.1";
        (await physician.PostConsultationAsync("Save", form)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        (await app.EntriesOfAsync(patient.Id, Team.Somatic)).Single().Diagnoses.Should()
            .ContainSingle(d => d.Code == "A00.1" && d.Label.Contains("eltor"));
    }

    [Fact]
    public async Task A_malformed_file_is_refused_naming_its_line_and_changes_nothing()
    {
        var before = await RowsAsync();
        var path = Latin1File(
            "A009  |0|OOOO|0|Choléra, sans précision|Choléra, sans précision",
            "A01;Fièvre typhoïde");

        var (code, _, error) = await RunAsync(path);

        code.Should().Be(Commands.Failure);
        error.Should().Contain("Ligne 2 du fichier CIM-10").And.Contain("Rien n'a été importé");
        (await RowsAsync()).Should().Equal(before);
        (await app.WithDbAsync(db => db.Cim10Codes.AnyAsync(c => c.Code == "A00.9"))).Should().BeFalse();
    }

    private async Task<(int? Code, string Output, string Error)> RunAsync(string path)
    {
        StringWriter output = new(), error = new();
        var code = await Commands.RunAsync(app.Services, ["import-cim10", path], output, error);
        return (code, output.ToString(), error.ToString());
    }

    private Task<List<string>> RowsAsync() => app.WithDbAsync(db => db.Database
        .SqlQueryRaw<string>("SELECT code || '|' || label || '|' || xmin::text AS \"Value\" FROM core.cim10_codes ORDER BY code").ToListAsync());

    private static string Latin1File(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cim10-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        return path;
    }
}
