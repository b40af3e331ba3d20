-- 0004: indicators (expressions over activity records, per organisation),
-- their per-person per-day aggregate states, and saved import mappings.
CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  key TEXT NOT NULL,
  kind TEXT NOT NULL,             -- the activity kind it reads (call, sale, deal...)
  expr TEXT NOT NULL,             -- docs/indicators.md
  unit TEXT NOT NULL DEFAULT '',
  name_fr TEXT NOT NULL,
  name_en TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (org_id, key)
);

-- The mergeable state of an indicator (n, sum, min, max per aggregate, as
-- doubles) over one person's records of one day. Any period, person or team
-- is a merge of these rows; distinct() and percentile() read the records.
CREATE TABLE measure_day (
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL,
  day INTEGER NOT NULL,           -- days since 1970-01-01
  state BLOB NOT NULL,
  PRIMARY KEY (indicator_id, person_id, day)
) WITHOUT ROWID;

CREATE TABLE import_mapping (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  name TEXT NOT NULL,
  spec TEXT NOT NULL,             -- JSON: kind, person, date, time, id, fields
  created_at INTEGER NOT NULL,
  UNIQUE (org_id, name)
);

-- Every organisation gets the ready-made indicators at creation; existing
-- ones get them here (the catalog is inserted by the program at open).
