-- 0007: people found by name (an import's person column may hold names, as
-- telephony exports do) through an index, not a scan of the organisation.
CREATE INDEX person_org_name ON person(org_id, name);
