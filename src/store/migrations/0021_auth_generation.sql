-- 0020: a generation counter per organisation for what a caller's reach is
-- made of (issue 17, item 3). A server keeps each session's and token's
-- principal (role, units managed, unit chain, objectives above theirs) and
-- uses it while the organisation's generation is the one it was loaded at;
-- these triggers bump it, in the writing transaction, whenever a person's
-- role, unit, activity or password changes, a unit is added, moved, removed
-- or changes lead, an objective is added, removed, re-parented or changes
-- owner, a token is revoked or a session ends. Being in the database, the
-- counter is seen by every server sharing it. A migration that rebuilds one
-- of these tables must create its triggers again.
CREATE TABLE auth_generation (
  org_id INTEGER PRIMARY KEY REFERENCES org(id),
  gen INTEGER NOT NULL DEFAULT 1
);
INSERT INTO auth_generation(org_id, gen) SELECT id, 1 FROM org;

CREATE TRIGGER org_auth_generation AFTER INSERT ON org
BEGIN
  INSERT INTO auth_generation(org_id, gen) VALUES (NEW.id, 1);
END;

CREATE TRIGGER person_auth_update AFTER UPDATE ON person
WHEN OLD.role IS NOT NEW.role OR OLD.unit_id IS NOT NEW.unit_id
  OR OLD.active IS NOT NEW.active OR OLD.password_hash IS NOT NEW.password_hash
  OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER person_auth_delete AFTER DELETE ON person
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;

CREATE TRIGGER unit_auth_insert AFTER INSERT ON unit
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
END;
CREATE TRIGGER unit_auth_update AFTER UPDATE ON unit
WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.lead_id IS NOT NEW.lead_id
  OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER unit_auth_delete AFTER DELETE ON unit
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;

CREATE TRIGGER objective_auth_insert AFTER INSERT ON objective
WHEN NEW.parent_id IS NOT NULL
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
END;
CREATE TRIGGER objective_auth_update AFTER UPDATE ON objective
WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.owner_person_id IS NOT NEW.owner_person_id
  OR OLD.owner_unit_id IS NOT NEW.owner_unit_id OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER objective_auth_delete AFTER DELETE ON objective
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;

CREATE TRIGGER api_token_auth_update AFTER UPDATE ON api_token
WHEN OLD.revoked IS NOT NEW.revoked
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;
CREATE TRIGGER api_token_auth_delete AFTER DELETE ON api_token
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;

CREATE TRIGGER session_auth_delete AFTER DELETE ON session
BEGIN
  UPDATE auth_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;
