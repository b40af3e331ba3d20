-- 0005: one index fewer on activity. Records are read by person and time
-- (activity_person_at) or all of a kind for a recomputation (a scan); the
-- (kind, time) index cost every import a B-tree insertion a row.
DROP INDEX IF EXISTS activity_kind_at;
