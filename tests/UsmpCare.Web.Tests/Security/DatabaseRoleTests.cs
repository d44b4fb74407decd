using Microsoft.AspNetCore.Hosting;
using Npgsql;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Security;

/// <summary>
/// Issue « Hardening » 1, ADR 0014: the app's own connection (the one the app under test uses) cannot switch off a
/// database guarantee — it owns nothing, is no superuser, creates nothing, and may not change what is append-only.
/// </summary>
public sealed class DatabaseRoleTests(UsmpFactory app) : IClassFixture<UsmpFactory>
{
    [Fact]
    public async Task The_apps_connection_is_refused_every_statement_that_would_switch_a_guarantee_off()
    {
        var partition = (await ListAsync(app.ConnectionString, "SELECT audit.ensure_month_partition(now())::text")).Single();
        var statements = new List<string>
        {
            "ALTER TABLE audit.audit_events DISABLE TRIGGER audit_events_append_only",
            "ALTER TABLE somatic.entries DISABLE TRIGGER entries_protect",
            "ALTER TABLE consent.disclosures DISABLE TRIGGER ALL",
            "SET session_replication_role = replica",
            "TRUNCATE audit.audit_events", "TRUNCATE consent.disclosures CASCADE", "TRUNCATE core.patients CASCADE",
            "DROP TABLE documents.issued_documents", "DROP TABLE audit.audit_events", "DROP SCHEMA somatic CASCADE",
            "UPDATE audit.audit_events SET user_name = 'Personne'", "DELETE FROM audit.audit_events",
            $"UPDATE {partition} SET user_name = 'Personne'", $"DELETE FROM {partition}",
            "UPDATE consent.disclosures SET what = 'effacé'", "DELETE FROM consent.disclosures",
            "UPDATE documents.issued_documents SET text = 'x'", "DELETE FROM documents.issued_documents",
            "CREATE SCHEMA usmp_intrus", "CREATE TEMP TABLE usmp_intrus (x int)",
            "ALTER FUNCTION core.append_only() RENAME TO append_only_off",
        };
        var schemas = await ListAsync(app.ConnectionString,
            "SELECT nspname FROM pg_namespace WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%' ORDER BY 1");
        schemas.Should().Contain(["public", "auth", "core", "somatic", "psychiatric", "care", "consent", "documents", "continuity", "audit"]);
        statements.AddRange(schemas.Select(s => $"CREATE TABLE \"{s}\".usmp_intrus (x int)"));

        foreach (var sql in statements)
        {
            // Each in a transaction rolled back, so a statement that went through would leave nothing behind.
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var run = () => new NpgsqlCommand(sql, connection, transaction).ExecuteNonQueryAsync();
            // Refused by the privileges themselves (42501), not by a trigger that an owner could disable.
            (await run.Should().ThrowAsync<PostgresException>(sql)).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege, sql);
        }
    }

    [Fact]
    public async Task The_apps_role_is_no_superuser_owns_nothing_and_the_owners_connection_is_told_apart()
    {
        var role = await ListAsync(app.ConnectionString, """
            SELECT concat_ws(' ', rolname, rolsuper::text, rolcreatedb::text, rolcreaterole::text, rolreplication::text, rolbypassrls::text)
            FROM pg_roles WHERE rolname = current_user
            """);
        role.Should().Equal($"{PostgresServer.AppRole} false false false false false");
        (await ListAsync(app.ConnectionString, """
            SELECT 'table ' || c.oid::regclass::text FROM pg_class c WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
            UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
            UNION ALL SELECT 'database ' || datname FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)
            UNION ALL SELECT 'member of ' || r.rolname FROM pg_roles r WHERE r.rolname <> current_user AND pg_has_role(r.oid, 'MEMBER')
            """)).Should().BeEmpty("the app's role owns nothing and cannot act as anyone who does");

        (await DatabaseRoles.ExcessPrivilegesAsync(app.ConnectionString)).Should().BeEmpty();
        (await DatabaseRoles.ExcessPrivilegesAsync(app.OwnerConnectionString)).Should().ContainSingle()
            .Which.Should().Contain("propriétaire").And.Contain("audit.audit_events");
        (await DatabaseRoles.ExcessPrivilegesAsync(app.AdminConnectionString)).Should().ContainSingle()
            .Which.Should().Contain("superutilisateur");
    }

    [Fact]
    public async Task Every_table_a_trigger_keeps_unchanged_is_without_update_or_delete_for_the_app()
    {
        // A table guarded by core.append_only, or whose deletes a trigger refuses, must not rely on the trigger alone.
        var granted = await ListAsync(app.AdminConnectionString, $"""
            SELECT DISTINCT c.oid::regclass::text || ' ' || p.privilege
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            CROSS JOIN (VALUES ('UPDATE', 16), ('DELETE', 8)) AS p(privilege, bit)
            WHERE t.tgfoid IN ('core.append_only'::regproc, 'core.forbid_delete'::regproc, 'core.protect_clinical_entry'::regproc)
              AND t.tgtype & p.bit <> 0
              AND NOT (t.tgfoid = 'core.protect_clinical_entry'::regproc AND p.privilege = 'UPDATE') -- drafts stay editable
              AND has_table_privilege('{PostgresServer.AppRole}', c.oid, p.privilege)
            """);
        granted.Should().BeEmpty();
        (await ListAsync(app.AdminConnectionString, $"""
            SELECT privilege_type FROM information_schema.role_table_grants
            WHERE grantee = '{PostgresServer.AppRole}' AND privilege_type IN ('TRUNCATE', 'TRIGGER', 'REFERENCES')
            """)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_first_row_of_a_month_makes_its_partition_as_the_owner_and_the_app_gets_no_right_on_it()
    {
        (await ListAsync(app.ConnectionString, "SELECT audit.ensure_month_partition('2040-01-15 08:00+00')::text"))
            .Should().Equal("audit.audit_events_2040_01");
        (await ListAsync(app.AdminConnectionString, $"""
            SELECT pg_get_userbyid(relowner) || ' ' || has_table_privilege('{PostgresServer.AppRole}', oid, 'SELECT')::text
                || ' ' || (SELECT count(*) FROM pg_trigger WHERE tgrelid = c.oid AND tgname = 'audit_events_no_truncate')
            FROM pg_class c WHERE oid = 'audit.audit_events_2040_01'::regclass
            """)).Should().Equal($"{PostgresServer.OwnerRole} false 1");
        (await ListAsync(app.AdminConnectionString, """
            SELECT prosecdef::text || ' ' || array_to_string(proconfig, ',') FROM pg_proc WHERE oid = 'audit.ensure_month_partition'::regproc
            """)).Should().ContainSingle().Which.Should().Be("true search_path=pg_catalog, pg_temp", "a SECURITY DEFINER function with a fixed search_path");
    }

    [Fact]
    public async Task The_app_refuses_to_start_outside_development_over_an_owners_or_a_superusers_connection()
    {
        foreach (var (connectionString, reason) in new[] { (app.OwnerConnectionString, "*propriétaire*"), (app.AdminConnectionString, "*superutilisateur*") })
        {
            using var production = app.WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Production");
                b.UseSetting("ConnectionStrings:Default", connectionString);
            });
            var start = () => production.CreateClient();
            start.Should().Throw<InvalidOperationException>().WithMessage("*trop de droits*" + reason);
        }
        // Development warns and starts, so run.sh over an existing single-role database still works.
        using var development = app.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Default", app.OwnerConnectionString));
        (await development.CreateClient().GetAsync("/health/live")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    private static async Task<List<string>> ListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
