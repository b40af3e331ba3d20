-- 0001: organisations, units, people, strategic axes, objectives, audit trail,
-- and what authentication needs (sessions, API tokens, login attempts).
-- Every row carries org_id so tenants can be told apart and later sharded.

CREATE TABLE org (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  locale TEXT NOT NULL DEFAULT 'fr',
  currency TEXT NOT NULL DEFAULT 'EUR',
  ambition TEXT NOT NULL DEFAULT '',
  working_days INTEGER NOT NULL DEFAULT 31,
  created_at INTEGER NOT NULL
);

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  parent_id INTEGER REFERENCES unit(id),
  lead_id INTEGER REFERENCES person(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('company','direction','service','team')),
  service TEXT NOT NULL DEFAULT 'none'
);
CREATE INDEX unit_org_parent ON unit(org_id, parent_id);
CREATE INDEX unit_lead ON unit(lead_id);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  unit_id INTEGER REFERENCES unit(id),
  manager_id INTEGER REFERENCES person(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  job TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin','manager','member','hr')),
  hired_on TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT
);
CREATE INDEX person_org_unit ON person(org_id, unit_id);

CREATE TABLE axis (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX axis_org ON axis(org_id);

CREATE TABLE objective (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  parent_id INTEGER REFERENCES objective(id),
  axis_id INTEGER REFERENCES axis(id),
  level TEXT NOT NULL CHECK (level IN ('strategic','operational','collective','individual')),
  owner_person_id INTEGER REFERENCES person(id),
  owner_unit_id INTEGER REFERENCES unit(id),
  title TEXT NOT NULL,
  what TEXT, who TEXT, "where" TEXT, why TEXT, how TEXT,
  indicator TEXT, unit_label TEXT,
  direction TEXT NOT NULL DEFAULT 'increase'
    CHECK (direction IN ('increase','decrease','reach','stay_above','stay_below')),
  baseline REAL, target REAL,
  start TEXT, due TEXT,
  weight REAL NOT NULL DEFAULT 1,
  means_budget REAL, means_time_hours REAL, means_support TEXT,
  plan TEXT NOT NULL DEFAULT '[]',
  skills TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft','proposed','agreed','achieved','missed','cancelled')),
  confidence REAL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  created_by INTEGER, updated_by INTEGER,
  CHECK ((owner_person_id IS NULL) <> (owner_unit_id IS NULL)),
  CHECK (parent_id IS NOT NULL OR axis_id IS NOT NULL)
);
CREATE INDEX objective_org_parent ON objective(org_id, parent_id);
CREATE INDEX objective_org_axis ON objective(org_id, axis_id);
CREATE INDEX objective_owner_person ON objective(owner_person_id);
CREATE INDEX objective_owner_unit ON objective(owner_unit_id);

CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  at INTEGER NOT NULL,
  actor_id INTEGER,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  before TEXT,
  after TEXT
);
CREATE INDEX audit_entity ON audit(org_id, entity, entity_id);

CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE login_attempt (
  email TEXT NOT NULL COLLATE NOCASE,
  at INTEGER NOT NULL,
  ok INTEGER NOT NULL
);
CREATE INDEX login_attempt_email ON login_attempt(email, at);
