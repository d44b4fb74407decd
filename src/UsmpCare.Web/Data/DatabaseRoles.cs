using Npgsql;

namespace UsmpCare.Web.Data;

/// <summary>
/// Two database roles (docs/decisions/0014): the owner, who owns every schema and table and runs <c>migrate</c>, and
/// the app's login role, which owns nothing and holds only the grants below. A guarantee kept by a trigger (P17, P22,
/// P16: signed entries, issued documents, the ledger, the audit trail) can be switched off by whoever owns the table
/// (<c>ALTER TABLE … DISABLE TRIGGER</c>), and by a superuser in many more ways: the running app must be neither.
/// </summary>
public static class DatabaseRoles
{
    /// <summary>
    /// Tables the app only appends to: no UPDATE, no DELETE, besides their <c>core.append_only</c> trigger, so the app's
    /// own connection is refused by the privileges even if a trigger were dropped.
    /// </summary>
    public static readonly IReadOnlySet<string> AppendOnly = new HashSet<string>
    {
        "audit.audit_events", "audit.break_glass_grants",
        "consent.consent_entries", "consent.disclosures", "consent.spip_shares", "consent.risk_signalements", "consent.abuse_signalements",
        "consent.information_sheets",
        "documents.issued_documents", "documents.requisitions",
        "care.care_request_events", "core.prison_movements", "somatic.hunger_strike_events",
        "followup.vaccinations", "followup.test_orders", "followup.test_results", "followup.result_acknowledgements",
        "agenda.appointment_outcomes",
        "somatic.entry_visits",
        "treatments.administrations", "treatments.tso_confirmations", "treatments.tso_relays",
        "treatments.prescription_validations",
    };

    /// <summary>
    /// The only tables the app deletes from: Identity's links (a role taken back, a token replaced). Nothing medical is
    /// ever deleted, so every other table is without DELETE.
    /// </summary>
    public static readonly IReadOnlySet<string> Deletable = new HashSet<string>
    {
        "auth.user_roles", "auth.user_claims", "auth.user_logins", "auth.user_tokens", "auth.role_claims",
    };

    /// <summary>The owner's connection string (<c>ConnectionStrings:Owner</c>), or the app's in a single-role setup.</summary>
    public static string OwnerConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Owner") is { Length: > 0 } owner ? owner : Database.ConnectionString(configuration);

    /// <summary>
    /// The role the app logs in as, to which <c>migrate</c> grants; null when there is one role only (no distinct
    /// <c>ConnectionStrings:Owner</c>): then the app is the owner, which the start-up check reports.
    /// </summary>
    public static string? AppRole(IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Owner") is not { Length: > 0 } owner)
        {
            return null;
        }
        var app = new NpgsqlConnectionStringBuilder(Database.ConnectionString(configuration)).Username;
        return string.IsNullOrEmpty(app) || app == new NpgsqlConnectionStringBuilder(owner).Username ? null : app;
    }

    /// <summary>Applies the migrations as the owner, then (re)applies the app role's grants.</summary>
    public static async Task MigrateAsync(string ownerConnectionString, string? appRole)
    {
        await using (var db = Context(ownerConnectionString))
        {
            // The migrations were squashed into one baseline before the first release (scripts/squash-migrations.sh):
            // a database built by the replaced chain would get the baseline applied over its tables. It is refused
            // untouched, not reset here: this command may be pointed at a database whose data matters.
            var unknown = (await db.Database.GetAppliedMigrationsAsync()).Except(db.Database.GetMigrations()).ToList();
            if (unknown.Count > 0)
            {
                throw new InvalidOperationException(ReplacedHistory(unknown));
            }
            await db.Database.MigrateAsync();
        }
        if (appRole is not null)
        {
            await GrantAsync(ownerConnectionString, appRole);
        }
    }

    /// <summary>The refusal of a database migrated by migrations this version no longer has, and how to start again.</summary>
    public static string ReplacedHistory(IReadOnlyList<string> unknown) =>
        $"la base a été construite par {unknown.Count} migration(s) que cette version ne connaît plus ({unknown[0]}"
        + (unknown.Count > 1 ? ", …" : "") + ") : elles ont été regroupées en une seule migration de départ (Baseline). "
        + "Rien n'a été modifié. Base de démonstration locale : « ./run.sh --reset-db » la recrée vide et la remplit à "
        + "nouveau ; une autre base : recréez-la vide, puis relancez migrate (docs/operations.md). "
        + "/ The database was built by migrations squashed into Baseline: reset the local demo database with ./run.sh --reset-db.";

    /// <summary>
    /// Idempotent: everything the role held on the app's schemas is revoked, then exactly what it needs is granted. The
    /// tables are those of the EF Core model; the audit trail's monthly partitions and the migrations history get
    /// nothing (the app writes the trail through its parent table, where the privileges are checked).
    /// </summary>
    public static async Task GrantAsync(string ownerConnectionString, string appRole)
    {
        await using var db = Context(ownerConnectionString);
        var model = db.Model;
        var tables = model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null)
            .Select(t => $"{t.GetSchema() ?? model.GetDefaultSchema()}.{t.GetTableName()}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var role = Quote(appRole);
        var schemas = string.Join(", ", tables.Select(t => t.Split('.')[0]).Distinct().Select(Quote));
        var database = Quote(new NpgsqlConnectionStringBuilder(ownerConnectionString).Database
            ?? throw new InvalidOperationException("ConnectionStrings:Owner ne nomme pas de base (Database=…)."));
        var sql = new List<string>
        {
            $"REVOKE ALL ON ALL TABLES IN SCHEMA {schemas} FROM {role}",
            $"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schemas} FROM {role}",
            $"REVOKE ALL ON SCHEMA {schemas} FROM {role}",
            // No temporary tables either: the app needs none, and a pg_temp table shadows a real one of the same name.
            $"REVOKE TEMPORARY ON DATABASE {database} FROM PUBLIC, {role}",
            $"GRANT CONNECT ON DATABASE {database} TO {role}",
            // USAGE only, never CREATE: the app makes no table, function or trigger of its own.
            $"GRANT USAGE ON SCHEMA {schemas} TO {role}",
            $"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {schemas} TO {role}",
            // ADR 0013: the first row of a month creates its partition, as the function's owner (SECURITY DEFINER).
            $"GRANT EXECUTE ON FUNCTION audit.ensure_month_partition(timestamp with time zone) TO {role}",
        };
        foreach (var table in tables)
        {
            var privileges = AppendOnly.Contains(table) ? "SELECT, INSERT"
                : Deletable.Contains(table) ? "SELECT, INSERT, UPDATE, DELETE"
                : "SELECT, INSERT, UPDATE";
            sql.Add($"GRANT {privileges} ON {string.Join('.', table.Split('.').Select(Quote))} TO {role}");
        }
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT count(*) FROM pg_roles WHERE rolname = @role", connection))
        {
            exists.Parameters.AddWithValue("role", appRole);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                throw new InvalidOperationException($"le rôle « {appRole} » de ConnectionStrings:Default n'existe pas : "
                    + "créez-le (docs/operations.md, « Database roles »), puis relancez migrate.");
            }
        }
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(string.Join(";\n", sql), connection, transaction);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// What the given connection's role can do that the app's role must not: be a superuser, or act as the owner of
    /// a table or a schema (owning it, or being a member of its owner). Empty for a least-privileged role.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExcessPrivilegesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT current_user, rolsuper,
                   (SELECT string_agg(name, ', ' ORDER BY name) FROM (
                        SELECT n.nspname || '.' || c.relname AS name
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
                          AND pg_has_role(c.relowner, 'MEMBER')
                        UNION ALL
                        SELECT 'schéma ' || n.nspname FROM pg_namespace n
                        WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%' AND pg_has_role(n.nspowner, 'MEMBER')
                    ) AS owned)
            FROM pg_roles WHERE rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var role = reader.GetString(0);
        var problems = new List<string>();
        if (reader.GetBoolean(1))
        {
            problems.Add($"le rôle « {role} » est superutilisateur");
        }
        else if (!reader.IsDBNull(2))
        {
            var owned = reader.GetString(2).Split(", ");
            problems.Add($"le rôle « {role} » est propriétaire (ou membre du propriétaire) de {owned.Length} objet(s) : "
                + string.Join(", ", owned.Take(5)) + (owned.Length > 5 ? ", …" : ""));
        }
        return problems;
    }

    private static AppDbContext Context(string connectionString) =>
        new(((DbContextOptionsBuilder<AppDbContext>)Database.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString)).Options);

    /// <summary>A role, schema or database name as a quoted SQL identifier (names come from configuration).</summary>
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
