-- Run by the Baseline migration after 20-never-deleted.sql (it uses core.forbid_delete).
-- P17, at database level: a signed (or abandoned) entry is never updated, and no entry is ever deleted, whichever
-- role connects — the triggers bind the table owner too. Drafts stay editable.
CREATE FUNCTION core.protect_clinical_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = 'Draft' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'UsmpCare: signed entry % of %.% is immutable (P17)', OLD.id, TG_TABLE_SCHEMA, TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RAISE EXCEPTION 'UsmpCare: clinical entries are never deleted (P17)'
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER entries_protect BEFORE UPDATE OR DELETE ON somatic.entries
    FOR EACH ROW EXECUTE FUNCTION core.protect_clinical_entry();
CREATE TRIGGER entries_protect BEFORE UPDATE OR DELETE ON psychiatric.entries
    FOR EACH ROW EXECUTE FUNCTION core.protect_clinical_entry();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON somatic.entries
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON psychiatric.entries
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();

-- Issue #20, P17 as for signed clinical entries: a signed prescription is never updated (modify, renew and stop make a
-- new version) and no prescription is deleted, whoever connects.
CREATE TRIGGER prescriptions_protect BEFORE UPDATE OR DELETE ON treatments.prescriptions
    FOR EACH ROW EXECUTE FUNCTION core.protect_clinical_entry();
CREATE TRIGGER prescriptions_no_truncate BEFORE TRUNCATE ON treatments.prescriptions
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
