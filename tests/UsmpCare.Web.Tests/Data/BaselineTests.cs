using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UsmpCare.Web.Data;
using UsmpCare.Web.Data.Migrations;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Data;

/// <summary>
/// Issue 18 point 9: the migrations are one baseline generated from the model plus the SQL EF cannot write
/// (Data/Migrations/Sql), and the database it builds is the one the replaced chain built: same tables, columns,
/// constraints, indexes, triggers, functions and privileges, compared with <c>schema.snapshot.txt</c>, taken from a
/// database migrated by that chain (scripts/squash-migrations.sh takes it again before each squash).
/// </summary>
public sealed class BaselineTests
{
    [Fact]
    public async Task The_model_has_no_change_that_the_migrations_miss()
    {
        var pending = await UsmpFactory.WithDatabaseAsync("Host=localhost;Database=design_time",
            db => Task.FromResult(db.Database.HasPendingModelChanges()));
        pending.Should().BeFalse("a change of the model comes with its migration (dotnet ef migrations add)");
    }

    [Fact]
    public async Task The_migrations_start_with_the_one_baseline_which_applies_every_sql_file()
    {
        var migrations = await UsmpFactory.WithDatabaseAsync("Host=localhost;Database=design_time",
            db => Task.FromResult(db.Database.GetMigrations().ToList()));
        migrations.Should().NotBeEmpty();
        migrations[0].Should().EndWith("_Baseline");
        migrations.Count(m => m.EndsWith("_Baseline", StringComparison.Ordinal)).Should().Be(1);
        BaselineSql.Files.Should().Contain(["10-search-text.sql", "20-never-deleted.sql", "50-audit-trail.sql", "down.sql"]);
    }

    [Fact]
    public async Task A_database_migrated_from_empty_has_exactly_the_schema_of_the_snapshot()
    {
        // USMP_SCHEMA_OF: read an existing database instead (a superuser connection string), e.g. one migrated by
        // an older chain, to take its snapshot.
        var given = Environment.GetEnvironmentVariable("USMP_SCHEMA_OF");
        var schema = given is { Length: > 0 } ? await SchemaAsync(given) : await SchemaOfNewDatabaseAsync();
        var snapshot = SnapshotPath();
        if (Environment.GetEnvironmentVariable("USMP_UPDATE_SCHEMA_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(snapshot, schema);
        }
        schema.Split('\n').Should().Equal((await File.ReadAllTextAsync(snapshot)).Split('\n'),
            "the baseline builds the database the replaced migrations built (scripts/squash-migrations.sh)");
    }

    [Fact]
    public async Task Migrate_refuses_a_database_built_by_the_replaced_migrations_and_changes_nothing()
    {
        var server = await PostgresServer.GetAsync();
        var database = "usmp_old_" + Guid.NewGuid().ToString("N")[..12];
        await server.CreateDatabaseAsync(database);
        // The history a developer's .data database keeps from before the squash.
        await ExecuteAsync(server.OwnerConnectionStringFor(database), """
            CREATE SCHEMA core;
            CREATE TABLE core.__ef_migrations_history (migration_id varchar(150) PRIMARY KEY, product_version varchar(32) NOT NULL);
            INSERT INTO core.__ef_migrations_history VALUES ('20261123085647_Foundation', '10.0.0'), ('20261205090259_EscortPlaces', '10.0.0');
            """);

        var migrate = () => DatabaseRoles.MigrateAsync(server.OwnerConnectionStringFor(database), PostgresServer.AppRole);

        (await migrate.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should()
            .Contain("20261123085647_Foundation").And.Contain("./run.sh --reset-db").And.Contain("Rien n'a été modifié");
        (await ScalarAsync(server.ConnectionStringFor(database), """
            SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
            """)).Should().Be(1, "nothing is applied besides the old history");
    }

    private static async Task<string> SchemaOfNewDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        var database = "usmp_baseline_" + Guid.NewGuid().ToString("N")[..12];
        await server.CreateDatabaseAsync(database);
        // As migrate does it: the migrations as the owner, then the app role's grants.
        await DatabaseRoles.MigrateAsync(server.OwnerConnectionStringFor(database), PostgresServer.AppRole);
        return await SchemaAsync(server.ConnectionStringFor(database));
    }

    /// <summary>
    /// One line per object of the app's schemas, ordered, without anything a second build changes: role names become
    /// owner / app / PUBLIC, columns are sorted by name (a column added by a later migration came last), the audit
    /// trail's monthly partitions (made by the data) and the extensions' own objects are left out.
    /// </summary>
    private static async Task<string> SchemaAsync(string superuserConnectionString)
    {
        await using var connection = new NpgsqlConnection(superuserConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(CatalogSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines) + "\n";
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static string SnapshotPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "schema.snapshot.txt");

    private const string CatalogSql = """
        CREATE FUNCTION pg_temp.privileges(acl aclitem[], owner oid) RETURNS text LANGUAGE sql AS $$
            SELECT coalesce(string_agg(who || ':' || a.privilege_type, ' ' ORDER BY who, a.privilege_type), '-')
            FROM aclexplode(acl) AS a,
                 LATERAL (SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' WHEN a.grantee = owner THEN 'owner' ELSE 'app' END AS who) AS w
        $$;
        WITH ns AS (
            SELECT oid, nspname, nspowner, nspacl FROM pg_namespace
            WHERE nspname NOT IN ('information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\_%'
        ), ext AS (
            SELECT objid FROM pg_depend WHERE deptype = 'e'
        ), rel AS (
            SELECT c.oid, c.relname, c.relkind, c.relowner, c.relacl, ns.nspname, ns.nspname || '.' || c.relname AS name
            FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition AND c.oid NOT IN (SELECT objid FROM ext)
        )
        SELECT line FROM (
            SELECT 'database ' || pg_temp.privileges(coalesce(datacl, acldefault('d', datdba)), datdba) AS line
            FROM pg_database WHERE datname = current_database()
            UNION ALL
            SELECT 'extension ' || e.extname || ' in ' || n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            UNION ALL
            SELECT 'schema ' || nspname || ' ' || pg_temp.privileges(coalesce(nspacl, acldefault('n', nspowner)), nspowner) FROM ns
            UNION ALL
            SELECT 'relation ' || name || ' kind=' || relkind::text
                || coalesce(' partitioned ' || pg_get_partkeydef(oid), '')
                || ' ' || pg_temp.privileges(coalesce(relacl, acldefault(CASE WHEN relkind = 'S' THEN 's' ELSE 'r' END::"char", relowner)), relowner)
            FROM rel
            UNION ALL
            SELECT 'column ' || r.name || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
                || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END
                || coalesce(CASE WHEN a.attgenerated <> '' THEN ' generated ' ELSE ' default ' END || pg_get_expr(d.adbin, d.adrelid), '')
                || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                        THEN ' collate ' || (SELECT collname FROM pg_collation WHERE oid = a.attcollation) ELSE '' END
            FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum
            WHERE r.relkind <> 'S'
            UNION ALL
            SELECT 'sequence ' || r.name || ' ' || format_type(s.seqtypid, NULL) || ' start ' || s.seqstart
                || ' increment ' || s.seqincrement || ' cycle ' || s.seqcycle
            FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid
            UNION ALL
            SELECT 'constraint ' || r.name || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
            FROM rel r JOIN pg_constraint c ON c.conrelid = r.oid
            UNION ALL
            SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM rel r JOIN pg_index i ON i.indrelid = r.oid
            UNION ALL
            SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM rel r JOIN pg_trigger t ON t.tgrelid = r.oid AND NOT t.tgisinternal
            UNION ALL
            SELECT 'function ' || pg_get_functiondef(p.oid) || ' ' || pg_temp.privileges(coalesce(p.proacl, acldefault('f', p.proowner)), p.proowner)
            FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
            WHERE p.oid NOT IN (SELECT objid FROM ext)
            UNION ALL
            -- The audit chain's head, which the writer cannot do without (ADR 0013).
            SELECT 'row audit.chain_head ' || id || ' ' || quote_literal(hash) FROM audit.chain_head
        ) AS catalog
        ORDER BY line COLLATE "C"
        """;
}
