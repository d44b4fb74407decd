using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <summary>
    /// ADR 0013: audit.audit_events becomes a table partitioned by calendar month (UTC) on « at », its rows copied as
    /// they are (same ids, same seals), and the chain's head gets a one-row table. EF Core cannot express partitioning:
    /// the SQL is written by hand; the model says what EF can (the primary key (id, at), the head table).
    /// </summary>
    public partial class AuditPartitions : Migration
    {
        /// <summary>The trail's columns, as the AuditTrail migration created them.</summary>
        private const string Columns = """
                id bigint NOT NULL,
                at timestamp with time zone NOT NULL,
                user_id uuid,
                user_name character varying(200) NOT NULL,
                roles character varying(200) NOT NULL,
                action character varying(20) NOT NULL,
                target character varying(400) NOT NULL,
                patient_id uuid,
                unit_id uuid,
                status integer NOT NULL,
                previous_hash character varying(64) NOT NULL,
                hash character varying(64) NOT NULL
            """;

        private const string ColumnNames = "id, at, user_id, user_name, roles, action, target, patient_id, unit_id, status, previous_hash, hash";

        /// <summary>Indexes and triggers of the trail, on the table named audit.audit_events when this runs.</summary>
        private const string IndexesAndTriggers = """
            CREATE INDEX ix_audit_events_patient_id_at ON audit.audit_events (patient_id, at);
            CREATE INDEX ix_audit_events_unit_id_at ON audit.audit_events (unit_id, at);
            CREATE INDEX ix_audit_events_user_id ON audit.audit_events (user_id);
            -- P16: append-only for every role. On a partitioned table the row trigger is cloned onto every partition,
            -- present and future; the TRUNCATE trigger is not (ensure_month_partition installs one per partition).
            CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit.audit_events
                FOR EACH ROW EXECUTE FUNCTION core.append_only();
            CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit.audit_events
                FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The old table steps aside and gives its index and constraint names back; the secondary indexes are built
            // once on the new table after the copy, faster than maintaining them row by row.
            migrationBuilder.Sql($"""
                ALTER TABLE audit.audit_events RENAME TO audit_events_unpartitioned;
                ALTER TABLE audit.audit_events_unpartitioned RENAME CONSTRAINT pk_audit_events TO pk_audit_events_unpartitioned;
                DROP INDEX audit.ix_audit_events_patient_id_at, audit.ix_audit_events_unit_id_at, audit.ix_audit_events_user_id;

                CREATE TABLE audit.audit_events (
                {Columns}
                ) PARTITION BY RANGE (at);
                """);

            // Creates the partition of the month of « at » (UTC) if it is missing, and gives it what a partition does
            // not inherit: its own TRUNCATE guard (a statement trigger on the parent does not fire for
            // TRUNCATE audit.audit_events_2026_11). Idempotent, and safe when two instances race: the loser of a
            // concurrent CREATE TABLE gets duplicate_table, or unique_violation on the catalog, and goes on.
            // The partition is created alone then attached: ATTACH PARTITION takes a SHARE UPDATE EXCLUSIVE lock on the
            // parent, which does not wait for reads or appends in progress (a long verify-audit, an export), where
            // CREATE TABLE … PARTITION OF would take an ACCESS EXCLUSIVE one. Bounds are computed on UTC timestamps
            // and written with an explicit offset, so the session's TimeZone and DateStyle change nothing.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit.ensure_month_partition(at timestamp with time zone) RETURNS regclass
                LANGUAGE plpgsql AS $$
                DECLARE
                    month_start timestamp := date_trunc('month', at AT TIME ZONE 'UTC');
                    part_name text := 'audit_events_' || to_char(month_start, 'YYYY_MM');
                    part regclass;
                BEGIN
                    IF to_regclass('audit.' || part_name) IS NULL THEN
                        BEGIN
                            EXECUTE format('CREATE TABLE audit.%I (LIKE audit.audit_events INCLUDING DEFAULTS)', part_name);
                            EXECUTE format('ALTER TABLE audit.audit_events ATTACH PARTITION audit.%I FOR VALUES FROM (%L) TO (%L)',
                                part_name, to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00',
                                to_char(month_start + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
                        EXCEPTION WHEN duplicate_table OR unique_violation THEN
                            NULL; -- created meanwhile by another session
                        END;
                    END IF;
                    part := ('audit.' || part_name)::regclass;
                    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = part AND tgname = 'audit_events_no_truncate') THEN
                        BEGIN
                            EXECUTE format('CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit.%I FOR EACH STATEMENT EXECUTE FUNCTION core.append_only()',
                                part_name);
                        EXCEPTION WHEN duplicate_object THEN
                            NULL;
                        END;
                    END IF;
                    RETURN part;
                END $$;
                """);

            migrationBuilder.Sql($"""
                SELECT audit.ensure_month_partition(month)
                FROM (SELECT DISTINCT date_trunc('month', at, 'UTC') AS month FROM audit.audit_events_unpartitioned) AS months;
                INSERT INTO audit.audit_events ({ColumnNames})
                SELECT {ColumnNames} FROM audit.audit_events_unpartitioned;
                DROP TABLE audit.audit_events_unpartitioned;

                ALTER TABLE audit.audit_events ADD CONSTRAINT pk_audit_events PRIMARY KEY (id, at);
                {IndexesAndTriggers}
                """);

            migrationBuilder.CreateTable(
                name: "chain_head",
                schema: "audit",
                columns: table => new
                {
                    singleton = table.Column<bool>(type: "boolean", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_head", x => x.singleton);
                    table.CheckConstraint("ck_chain_head_singleton", "singleton");
                });

            // The head starts at the last row copied, or (0, '') for an empty trail. It is updated, never deleted: the
            // writer cannot chain on without it.
            migrationBuilder.Sql("""
                INSERT INTO audit.chain_head (singleton, id, hash)
                SELECT true, coalesce(last.id, 0), coalesce(last.hash, '')
                FROM (SELECT 1) AS one
                LEFT JOIN (SELECT id, hash FROM audit.audit_events ORDER BY id DESC LIMIT 1) AS last ON true;

                CREATE FUNCTION audit.chain_head_kept() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'UsmpCare: audit.chain_head is the audit chain''s head: it is updated, never deleted'
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON audit.chain_head
                    FOR EACH ROW EXECUTE FUNCTION audit.chain_head_kept();
                CREATE TRIGGER chain_head_no_truncate BEFORE TRUNCATE ON audit.chain_head
                    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_head_kept();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chain_head",
                schema: "audit");

            migrationBuilder.Sql($"""
                DROP FUNCTION audit.chain_head_kept();
                ALTER TABLE audit.audit_events RENAME TO audit_events_partitioned;
                ALTER TABLE audit.audit_events_partitioned RENAME CONSTRAINT pk_audit_events TO pk_audit_events_partitioned;
                DROP INDEX audit.ix_audit_events_patient_id_at, audit.ix_audit_events_unit_id_at, audit.ix_audit_events_user_id;

                CREATE TABLE audit.audit_events (
                {Columns}
                );
                INSERT INTO audit.audit_events ({ColumnNames})
                SELECT {ColumnNames} FROM audit.audit_events_partitioned;
                DROP TABLE audit.audit_events_partitioned;
                DROP FUNCTION audit.ensure_month_partition(timestamp with time zone);

                ALTER TABLE audit.audit_events ADD CONSTRAINT pk_audit_events PRIMARY KEY (id);
                {IndexesAndTriggers}
                """);
        }
    }
}
