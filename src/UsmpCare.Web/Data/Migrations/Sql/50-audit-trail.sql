-- Run by the Baseline migration after its tables and after 40-append-only.sql (it uses core.append_only).

-- ADR 0013: audit.audit_events is partitioned by calendar month (UTC) on « at ». EF Core cannot express partitioning:
-- the model says what it can (the columns, the primary key (id, at), the indexes) and the table it created empty is
-- swapped here for a partitioned one with the same columns, then given back its key and indexes by name.
ALTER TABLE audit.audit_events RENAME TO audit_events_model;
CREATE TABLE audit.audit_events (LIKE audit.audit_events_model INCLUDING DEFAULTS) PARTITION BY RANGE (at);
DROP TABLE audit.audit_events_model;
ALTER TABLE audit.audit_events ADD CONSTRAINT pk_audit_events PRIMARY KEY (id, at);
CREATE INDEX ix_audit_events_patient_id_at ON audit.audit_events (patient_id, at);
CREATE INDEX ix_audit_events_unit_id_at ON audit.audit_events (unit_id, at);
CREATE INDEX ix_audit_events_user_id ON audit.audit_events (user_id);

-- P16: append-only for every role. On a partitioned table the row trigger is cloned onto every partition, present
-- and future; the TRUNCATE trigger is not (ensure_month_partition installs one per partition).
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit.audit_events
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit.audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- Creates the partition of the month of « at » (UTC) if it is missing, and gives it what a partition does not inherit:
-- its own TRUNCATE guard (a statement trigger on the parent does not fire for TRUNCATE audit.audit_events_2026_11).
-- Idempotent, and safe when two instances race: the loser of a concurrent CREATE TABLE gets duplicate_table, or
-- unique_violation on the catalog, and goes on. The partition is created alone then attached: ATTACH PARTITION takes a
-- SHARE UPDATE EXCLUSIVE lock on the parent, which does not wait for reads or appends in progress (a long
-- verify-audit, an export), where CREATE TABLE … PARTITION OF would take an ACCESS EXCLUSIVE one. Bounds are computed
-- on UTC timestamps and written with an explicit offset, so the session's TimeZone and DateStyle change nothing.
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

-- ADR 0014: the app's role owns nothing and may not create a table, yet the first audit row of a month creates its
-- partition. The function does it as its owner (SECURITY DEFINER), with a fixed search_path so the caller cannot slip
-- its own objects in; only the role the grants name (migrate, DatabaseRoles.GrantAsync) may call it, not PUBLIC.
ALTER FUNCTION audit.ensure_month_partition(timestamp with time zone)
    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
REVOKE EXECUTE ON FUNCTION audit.ensure_month_partition(timestamp with time zone) FROM PUBLIC;

-- The chain's head (ADR 0013) starts at (0, ''), the empty trail. It is updated, never deleted: the writer cannot
-- chain on without it.
INSERT INTO audit.chain_head (singleton, id, hash) VALUES (true, 0, '');

CREATE FUNCTION audit.chain_head_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'UsmpCare: audit.chain_head is the audit chain''s head: it is updated, never deleted'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;
CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON audit.chain_head
    FOR EACH ROW EXECUTE FUNCTION audit.chain_head_kept();
CREATE TRIGGER chain_head_no_truncate BEFORE TRUNCATE ON audit.chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit.chain_head_kept();
