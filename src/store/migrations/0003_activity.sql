-- 0003: activity records (calls, sales, tickets, appointments, leads...), each
-- tied to a person, a time and named fields. The source id makes every import
-- idempotent: the same record sent twice is stored once.
ALTER TABLE person ADD COLUMN code TEXT;
CREATE UNIQUE INDEX person_org_code ON person(org_id, code) WHERE code IS NOT NULL;

CREATE TABLE activity (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES person(id),
  at INTEGER NOT NULL,              -- unix seconds, UTC
  fields TEXT NOT NULL DEFAULT '{}',-- JSON object of named values
  imported_at INTEGER NOT NULL,
  UNIQUE (org_id, kind, source_id)
);
CREATE INDEX activity_person_at ON activity(org_id, person_id, at);
CREATE INDEX activity_kind_at ON activity(org_id, kind, at);
