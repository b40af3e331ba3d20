-- 0016: an email is unique within an organisation, not across them (issue 16,
-- defect 10): a person may belong to two organisations, and creating a person
-- no longer tells one organisation about another's people. SQLite cannot
-- drop a column's UNIQUE, so person is made again (foreign keys off around
-- it, every reference checked before the commit: db.h, rebuild).
-- cible: rebuilds a table
CREATE TABLE person_new (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  unit_id INTEGER REFERENCES unit(id),
  manager_id INTEGER REFERENCES person(id),
  name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE,
  job TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('admin','manager','member','hr')),
  hired_on TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  password_hash TEXT,
  code TEXT
);
INSERT INTO person_new(id, org_id, unit_id, manager_id, name, email, job, role, hired_on,
  active, password_hash, code)
  SELECT id, org_id, unit_id, manager_id, name, email, job, role, hired_on, active,
    password_hash, code FROM person;
DROP TABLE person;
ALTER TABLE person_new RENAME TO person;
CREATE INDEX person_org_unit ON person(org_id, unit_id);
CREATE UNIQUE INDEX person_org_code ON person(org_id, code) WHERE code IS NOT NULL;
CREATE INDEX person_org_name ON person(org_id, name);
CREATE UNIQUE INDEX person_org_email ON person(org_id, email);
CREATE INDEX person_email ON person(email);
