using System.Text.RegularExpressions;
using Npgsql;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Patients;

/// <summary>P29: the physician must not seek the cause of incarceration — no such column anywhere.</summary>
public sealed partial class PatientSchemaTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [GeneratedRegex("offen[cs]e|infraction|crime|d[eé]lit|sentence|peine|condamn|judici|jugement|verdict|proc[eè]s|motif_?(d_)?(incarc|ecrou|detention)|casier|charge|quantum|mandat_de_depot|fait",
        RegexOptions.IgnoreCase)]
    private static partial Regex JudicialColumn();

    [Fact]
    public async Task No_table_of_the_database_has_a_column_about_the_offence_or_the_judicial_file()
    {
        var columns = await ColumnsAsync();
        columns.Should().Contain("core.patients.ecrou", "the query reads the real schema");
        columns.Should().Contain("somatic.entries.note");

        columns.Where(c => JudicialColumn().IsMatch(c.Split('.').Last())).Should().BeEmpty();
    }

    [Fact]
    public void The_pattern_catches_the_columns_it_is_meant_to_refuse()
    {
        foreach (var name in new[] { "offence", "motif_incarceration", "peine_restante", "date_condamnation", "infraction_code", "judicial_file" })
        {
            JudicialColumn().IsMatch(name).Should().BeTrue(name);
        }
        JudicialColumn().IsMatch("expected_release_date").Should().BeFalse();
    }

    private async Task<List<string>> ColumnsAsync()
    {
        await using var connection = new NpgsqlConnection(app.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT table_schema || '.' || table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
            """, connection);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }
}
