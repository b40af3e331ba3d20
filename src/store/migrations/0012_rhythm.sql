-- the rhythm objectives live by. A check-in cadence per organisation, unit,
-- person or objective (the nearest setting wins; weekly when none is set),
-- in the organisation's time zone; check-ins that carry blockers, next steps
-- and, for an indicator measured by hand, the value given; feedback both
-- ways between a person and their manager chain, in threads; one-to-ones
-- with shared notes, private notes (one per author) and actions that come
-- back until done.
ALTER TABLE org ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Europe/Paris';
ALTER TABLE org ADD COLUMN admins_read_feedback INTEGER NOT NULL DEFAULT 0;
ALTER TABLE checkin ADD COLUMN blockers TEXT;
ALTER TABLE checkin ADD COLUMN next_steps TEXT;
ALTER TABLE checkin ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;

CREATE TABLE cadence (
  org_id INTEGER NOT NULL REFERENCES org(id),
  scope TEXT NOT NULL CHECK (scope IN ('org', 'unit', 'person', 'objective')),
  scope_id INTEGER NOT NULL,      -- the unit's, person's or objective's id; 0 for the org
  every TEXT NOT NULL CHECK (every IN ('weekly', 'biweekly', 'monthly')),
  updated_at INTEGER NOT NULL,
  updated_by INTEGER,
  PRIMARY KEY (org_id, scope, scope_id)
);

CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  thread_id INTEGER,              -- NULL: this row opens a thread; else the opening row
  from_id INTEGER NOT NULL REFERENCES person(id),
  to_id INTEGER NOT NULL REFERENCES person(id),
  objective_id INTEGER REFERENCES objective(id),
  body TEXT NOT NULL,
  closed_at INTEGER,              -- on the opening row: the thread was closed then
  closed_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX feedback_from ON feedback(org_id, from_id);
CREATE INDEX feedback_to ON feedback(org_id, to_id);
CREATE INDEX feedback_thread ON feedback(org_id, thread_id);

CREATE TABLE one_to_one (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  manager_id INTEGER NOT NULL REFERENCES person(id),
  member_id INTEGER NOT NULL REFERENCES person(id),
  day TEXT NOT NULL,              -- YYYY-MM-DD, the organisation's day
  shared_notes TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK (manager_id <> member_id)
);
CREATE INDEX one_to_one_pair ON one_to_one(org_id, manager_id, member_id, day);
CREATE INDEX one_to_one_member ON one_to_one(org_id, member_id, day);

CREATE TABLE one_to_one_note (
  org_id INTEGER NOT NULL REFERENCES org(id),
  meeting_id INTEGER NOT NULL REFERENCES one_to_one(id),
  author_id INTEGER NOT NULL REFERENCES person(id),
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, meeting_id, author_id)
);

CREATE TABLE one_to_one_action (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  meeting_id INTEGER NOT NULL REFERENCES one_to_one(id),
  owner_id INTEGER NOT NULL REFERENCES person(id),
  title TEXT NOT NULL,
  due TEXT,
  done INTEGER NOT NULL DEFAULT 0,
  done_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX one_to_one_action_meeting ON one_to_one_action(org_id, meeting_id);
