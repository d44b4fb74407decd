-- Run by the Baseline migration after its tables. Tables listed in DatabaseRoles.AppendOnly, whose rows are never
-- updated nor deleted, for every role, the owner included (the app's role has no UPDATE/DELETE grant on them either).
CREATE FUNCTION core.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'UsmpCare: %.% is append-only: rows are never updated or deleted', TG_TABLE_SCHEMA, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

-- P02, P03: the consent history and the ledger of disclosures are append-only, whoever connects.
CREATE TRIGGER consent_entries_append_only BEFORE UPDATE OR DELETE ON consent.consent_entries
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER consent_entries_no_truncate BEFORE TRUNCATE ON consent.consent_entries
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER disclosures_append_only BEFORE UPDATE OR DELETE ON consent.disclosures
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON consent.disclosures
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER spip_shares_append_only BEFORE UPDATE OR DELETE ON consent.spip_shares
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER risk_signalements_append_only BEFORE UPDATE OR DELETE ON consent.risk_signalements
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER abuse_signalements_append_only BEFORE UPDATE OR DELETE ON consent.abuse_signalements
    FOR EACH ROW EXECUTE FUNCTION core.append_only();

-- P22: an issued document never changes; a requisition and its refusal letter neither.
CREATE TRIGGER issued_documents_append_only BEFORE UPDATE OR DELETE ON documents.issued_documents
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER issued_documents_no_truncate BEFORE TRUNCATE ON documents.issued_documents
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER requisitions_append_only BEFORE UPDATE OR DELETE ON documents.requisitions
    FOR EACH ROW EXECUTE FUNCTION core.append_only();

-- P16: an emergency access (break-the-glass) stays on record as it was granted.
CREATE TRIGGER break_glass_grants_append_only BEFORE UPDATE OR DELETE ON audit.break_glass_grants
    FOR EACH ROW EXECUTE FUNCTION core.append_only();

-- The journal of movements is what makes an import idempotent: it only grows, like the consent history.
CREATE TRIGGER prison_movements_append_only BEFORE UPDATE OR DELETE ON core.prison_movements
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER prison_movements_no_truncate BEFORE TRUNCATE ON core.prison_movements
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- P35: what a hunger striker was told, each refusal and each measure taken stay as recorded.
CREATE TRIGGER hunger_strike_events_append_only BEFORE UPDATE OR DELETE ON somatic.hunger_strike_events
    FOR EACH ROW EXECUTE FUNCTION core.append_only();

-- P09: the record that the information sheet was handed (when, by whom, in which language) stays as it was.
CREATE TRIGGER information_sheets_append_only BEFORE UPDATE OR DELETE ON consent.information_sheets
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER information_sheets_no_truncate BEFORE TRUNCATE ON consent.information_sheets
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- Issue #21, follow-up: a vaccination given, a test ordered, its result and the physician's acknowledgement are
-- records: appended, never changed (the result and its acknowledgement are rows of their own for that reason).
CREATE TRIGGER vaccinations_append_only BEFORE UPDATE OR DELETE ON followup.vaccinations
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER vaccinations_no_truncate BEFORE TRUNCATE ON followup.vaccinations
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER test_orders_append_only BEFORE UPDATE OR DELETE ON followup.test_orders
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER test_orders_no_truncate BEFORE TRUNCATE ON followup.test_orders
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER test_results_append_only BEFORE UPDATE OR DELETE ON followup.test_results
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER test_results_no_truncate BEFORE TRUNCATE ON followup.test_results
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER result_acknowledgements_append_only BEFORE UPDATE OR DELETE ON followup.result_acknowledgements
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER result_acknowledgements_no_truncate BEFORE TRUNCATE ON followup.result_acknowledgements
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- Issue #21: the outcomes of appointments are a trail — a correction is a new row, none is changed or deleted.
CREATE TRIGGER appointment_outcomes_append_only BEFORE UPDATE OR DELETE ON agenda.appointment_outcomes
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER appointment_outcomes_no_truncate BEFORE TRUNCATE ON agenda.appointment_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- Issue #20: a pharmaceutical validation is never rewritten nor removed (a second word is a new row).
CREATE TRIGGER prescription_validations_append_only BEFORE UPDATE OR DELETE ON treatments.prescription_validations
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER prescription_validations_no_truncate BEFORE TRUNCATE ON treatments.prescription_validations
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- P17, issue #21: a signed entry visit never changes.
CREATE TRIGGER entry_visits_append_only BEFORE UPDATE OR DELETE ON somatic.entry_visits
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER entry_visits_no_truncate BEFORE TRUNCATE ON somatic.entry_visits
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();

-- Issue #20: the round's administration record and the TSO confirmations and relays are append-only for every role,
-- the owner included (also in DatabaseRoles.AppendOnly).
CREATE TRIGGER administrations_append_only BEFORE UPDATE OR DELETE ON treatments.administrations
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER administrations_no_truncate BEFORE TRUNCATE ON treatments.administrations
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER tso_confirmations_append_only BEFORE UPDATE OR DELETE ON treatments.tso_confirmations
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER tso_confirmations_no_truncate BEFORE TRUNCATE ON treatments.tso_confirmations
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
CREATE TRIGGER tso_relays_append_only BEFORE UPDATE OR DELETE ON treatments.tso_relays
    FOR EACH ROW EXECUTE FUNCTION core.append_only();
CREATE TRIGGER tso_relays_no_truncate BEFORE TRUNCATE ON treatments.tso_relays
    FOR EACH STATEMENT EXECUTE FUNCTION core.append_only();
