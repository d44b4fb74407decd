-- Run by the Baseline migration after its tables.
-- P17: nothing medical is ever hard-deleted, whoever connects (a trigger binds the table owner too). A row trigger
-- does not fire for TRUNCATE: the main tables get a statement trigger for it as well.
CREATE FUNCTION core.forbid_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'UsmpCare: % rows are never deleted (P17)', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END $$;

CREATE TRIGGER patients_no_delete BEFORE DELETE ON core.patients
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER patients_no_truncate BEFORE TRUNCATE ON core.patients
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER medical_records_no_delete BEFORE DELETE ON core.medical_records
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER hunger_strikes_no_delete BEFORE DELETE ON somatic.hunger_strikes
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();

-- P17: care requests, their history and their scans are medical: never deleted; the history is append-only.
CREATE TRIGGER care_requests_no_delete BEFORE DELETE ON care.care_requests
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER care_requests_no_truncate BEFORE TRUNCATE ON care.care_requests
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER care_request_scans_no_delete BEFORE DELETE ON care.care_request_scans
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER care_request_events_append_only BEFORE UPDATE OR DELETE ON care.care_request_events
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER care_request_events_no_truncate BEFORE TRUNCATE ON care.care_request_events
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER collection_rounds_no_delete BEFORE DELETE ON care.collection_rounds
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();

-- P24: requests from the administration change once (the reply) and are never deleted (register of refusals).
CREATE TRIGGER administration_requests_no_delete BEFORE DELETE ON documents.administration_requests
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();

-- Continuity of care: release plans, transfer packs, record-access requests and escorts are kept. A place of the
-- escort list is retired, never deleted.
CREATE TRIGGER release_plans_no_delete BEFORE DELETE ON continuity.release_plans
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER record_access_requests_no_delete BEFORE DELETE ON continuity.record_access_requests
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER external_appointments_no_delete BEFORE DELETE ON continuity.external_appointments
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER transfer_packs_no_delete BEFORE DELETE ON continuity.transfer_packs
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER escort_places_no_delete BEFORE DELETE ON continuity.escort_places
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();

-- Issue #21, follow-up: the problem list and the recalls change state (resolved, erroneous, booked, cancelled) but
-- are never deleted.
CREATE TRIGGER problems_never_deleted BEFORE DELETE ON followup.problems
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER problems_no_truncate BEFORE TRUNCATE ON followup.problems
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER recalls_never_deleted BEFORE DELETE ON followup.recalls
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER recalls_no_truncate BEFORE TRUNCATE ON followup.recalls
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();

-- Issue #21, agenda: an appointment is medical (its reason, the care request it answers): never deleted, only
-- cancelled; a room is retired, never deleted.
CREATE TRIGGER appointments_no_delete BEFORE DELETE ON agenda.appointments
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER appointments_no_truncate BEFORE TRUNCATE ON agenda.appointments
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER rooms_no_delete BEFORE DELETE ON agenda.rooms
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();

-- Issue #20: a pill-box is checked once (an UPDATE by the second nurse) but never deleted.
CREATE TRIGGER pill_boxes_no_delete BEFORE DELETE ON treatments.pill_boxes
    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
CREATE TRIGGER pill_boxes_no_truncate BEFORE TRUNCATE ON treatments.pill_boxes
    FOR EACH STATEMENT EXECUTE FUNCTION core.forbid_delete();
