-- Issue #20: a patient whose row is written outside EF Core's change tracking — the movement import copies new
-- arrivals with COPY (Data/BulkCopy), which writes scalar columns only — starts with allergies « non renseignées »,
-- the empty record, never a clinical statement nobody made.
ALTER TABLE core.patients ALTER COLUMN allergy_record
    SET DEFAULT '{"entries": [], "none_known_stated_at": null, "none_known_stated_by": null}'::jsonb;

-- Issue #20: a unit's distribution settings written by hand in SQL (a hospital's own import) alert, like the domain's
-- DistributionDefaults.DefaultMissedDosesBeforeAlert, after three supervised doses missed in a row.
ALTER TABLE treatments.distribution_defaults ALTER COLUMN missed_doses_before_alert SET DEFAULT 3;
