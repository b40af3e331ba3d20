-- 0020: a generation counter per organisation for what a caller's reach is
-- made of (issue 17, item 3); the SQLite text explains it. PostgreSQL's
-- triggers call a function: one for all the tables, bumping the
-- organisation of the row before and after.
CREATE TABLE auth_generation (
  org_id BIGINT PRIMARY KEY REFERENCES org(id),
  gen BIGINT NOT NULL DEFAULT 1
);
INSERT INTO auth_generation(org_id, gen) SELECT id, 1 FROM org;

CREATE FUNCTION cible_org_auth_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO auth_generation(org_id, gen) VALUES (NEW.id, 1);
  RETURN NULL;
END $$;
CREATE TRIGGER org_auth_generation AFTER INSERT ON org
  FOR EACH ROW EXECUTE FUNCTION cible_org_auth_generation();

CREATE FUNCTION cible_auth_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE auth_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE auth_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
  ELSE
    UPDATE auth_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER person_auth_update AFTER UPDATE ON person FOR EACH ROW
  WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
    OR OLD.active IS DISTINCT FROM NEW.active
    OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
    OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_auth_bump();
CREATE TRIGGER person_auth_delete AFTER DELETE ON person FOR EACH ROW
  EXECUTE FUNCTION cible_auth_bump();

CREATE TRIGGER unit_auth_insert AFTER INSERT ON unit FOR EACH ROW
  EXECUTE FUNCTION cible_auth_bump();
CREATE TRIGGER unit_auth_update AFTER UPDATE ON unit FOR EACH ROW
  WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.lead_id IS DISTINCT FROM NEW.lead_id
    OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_auth_bump();
CREATE TRIGGER unit_auth_delete AFTER DELETE ON unit FOR EACH ROW
  EXECUTE FUNCTION cible_auth_bump();

CREATE TRIGGER objective_auth_insert AFTER INSERT ON objective FOR EACH ROW
  WHEN (NEW.parent_id IS NOT NULL)
  EXECUTE FUNCTION cible_auth_bump();
CREATE TRIGGER objective_auth_update AFTER UPDATE ON objective FOR EACH ROW
  WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id
    OR OLD.owner_person_id IS DISTINCT FROM NEW.owner_person_id
    OR OLD.owner_unit_id IS DISTINCT FROM NEW.owner_unit_id
    OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_auth_bump();
CREATE TRIGGER objective_auth_delete AFTER DELETE ON objective FOR EACH ROW
  EXECUTE FUNCTION cible_auth_bump();

CREATE TRIGGER api_token_auth_update AFTER UPDATE ON api_token FOR EACH ROW
  WHEN (OLD.revoked IS DISTINCT FROM NEW.revoked)
  EXECUTE FUNCTION cible_auth_bump();
CREATE TRIGGER api_token_auth_delete AFTER DELETE ON api_token FOR EACH ROW
  EXECUTE FUNCTION cible_auth_bump();

CREATE TRIGGER session_auth_delete AFTER DELETE ON session FOR EACH ROW
  EXECUTE FUNCTION cible_auth_bump();
