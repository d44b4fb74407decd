-- Run by the Baseline migration's Down, after its tables are dropped: the functions the Up created by hand.
DROP FUNCTION IF EXISTS audit.ensure_month_partition(timestamp with time zone), audit.chain_head_kept(),
    core.append_only(), core.protect_clinical_entry(), core.forbid_delete(), core.immutable_unaccent(text);
