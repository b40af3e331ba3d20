-- reviews: a quarter's or a year's look back, per person (their individual
-- objectives) or per team (its collective objectives, the team's lead on the
-- person's side). The person's side (reviewee_id) and the manager's side
-- (manager_id) each write and submit an assessment, hidden from the other
-- until both are submitted; both texts of what worked, what did not and why,
-- and the ideas are shared. Both sign (names and times kept), then the row
-- is read-only: a change is a new version (previous_id, version + 1), the
-- old one marked superseded. outcomes holds, from the second signature, the
-- objectives and outcomes as they were measured then (JSON).
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  subject TEXT NOT NULL CHECK (subject IN ('person', 'unit')),
  subject_id INTEGER NOT NULL,    -- the person's or the unit's id
  reviewee_id INTEGER NOT NULL REFERENCES person(id),
  manager_id INTEGER NOT NULL REFERENCES person(id),
  period TEXT NOT NULL CHECK (period IN ('quarter', 'year')),
  start TEXT NOT NULL,            -- YYYY-MM-DD, first day of the period
  end_day TEXT NOT NULL,          -- YYYY-MM-DD, last day
  version INTEGER NOT NULL DEFAULT 1,
  previous_id INTEGER,
  superseded INTEGER NOT NULL DEFAULT 0,
  worked TEXT NOT NULL DEFAULT '',
  not_worked TEXT NOT NULL DEFAULT '',
  ideas TEXT NOT NULL DEFAULT '',
  self_text TEXT NOT NULL DEFAULT '',
  self_at INTEGER,                -- the person's assessment was submitted then
  manager_text TEXT NOT NULL DEFAULT '',
  manager_at INTEGER,
  reviewee_signed_at INTEGER,
  reviewee_signed_name TEXT,
  manager_signed_at INTEGER,
  manager_signed_name TEXT,
  outcomes TEXT,
  reopen_reason TEXT,
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (reviewee_id <> manager_id)
);
CREATE UNIQUE INDEX review_version ON review(org_id, subject, subject_id, period, start, version);
CREATE INDEX review_reviewee ON review(org_id, reviewee_id);
CREATE INDEX review_manager ON review(org_id, manager_id);
