-- Run by the Baseline migration BEFORE its tables: core.patients.search_text (PatientConfiguration.SearchTextSql) is a
-- generated column that calls this function.
-- unaccent() is only STABLE (it reads a dictionary); a generated column and its trigram index need an IMMUTABLE
-- wrapper that names the dictionary explicitly.
CREATE FUNCTION core.immutable_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
