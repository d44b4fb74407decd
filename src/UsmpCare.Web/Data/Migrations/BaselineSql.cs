using Microsoft.EntityFrameworkCore.Migrations;

namespace UsmpCare.Web.Data.Migrations;

/// <summary>
/// What EF Core cannot generate from the model — trigger functions and triggers (P16, P17, P22), the audit trail's
/// monthly partitioning (ADR 0013) and its SECURITY DEFINER function (ADR 0014), the IMMUTABLE unaccent wrapper — kept
/// as readable files in <c>Data/Migrations/Sql/</c> (embedded) and applied by the <c>Baseline</c> migration.
/// <c>scripts/squash-migrations.sh</c> inserts these calls into a regenerated baseline: the SQL lives here, never in
/// the generated file, so a new squash cannot lose it.
/// </summary>
public static class BaselineSql
{
    private const string Prefix = "UsmpCare.Web.Data.Migrations.Sql.";
    private const string BeforeTablesFile = "10-search-text.sql", DownFile = "down.sql";

    /// <summary>What the tables need to be created: the function of core.patients' generated column.</summary>
    public static void BeforeTables(MigrationBuilder migrationBuilder) => Apply(migrationBuilder, BeforeTablesFile);

    /// <summary>Every other file, in the order of their names (a number first), once all the tables exist.</summary>
    public static void AfterTables(MigrationBuilder migrationBuilder)
    {
        foreach (var file in Files.Where(f => f is not BeforeTablesFile and not DownFile))
        {
            Apply(migrationBuilder, file);
        }
    }

    /// <summary>The functions created by hand, once the Down dropped the tables that use them.</summary>
    public static void AfterDown(MigrationBuilder migrationBuilder) => Apply(migrationBuilder, DownFile);

    /// <summary>The embedded SQL files, by name, in the order they are applied after the tables.</summary>
    public static IReadOnlyList<string> Files { get; } = typeof(BaselineSql).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..])
        .Order(StringComparer.Ordinal).ToList();

    public static string Read(string file)
    {
        using var stream = typeof(BaselineSql).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"Data/Migrations/Sql/{file} is not embedded in UsmpCare.Web");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static void Apply(MigrationBuilder migrationBuilder, string file) => migrationBuilder.Sql(Read(file));
}
