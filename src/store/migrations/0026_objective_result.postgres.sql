-- 0026 on PostgreSQL: 0026_objective_result.sql (which explains it) with
-- bigint keys, double precision figures and the triggers through one
-- function bumping the organisation of the row before and after.
CREATE TABLE objective_result_org (
  org_id bigint PRIMARY KEY,
  gen bigint NOT NULL,
  kept_on text
);
CREATE TABLE objective_result (
  org_id bigint NOT NULL,
  objective_id bigint NOT NULL,
  day text NOT NULL,
  version bigint NOT NULL,
  gen bigint NOT NULL,
  value double precision,
  progress bigint NOT NULL,
  attainment double precision,
  expected double precision,
  expected_working double precision,
  forecast double precision,
  forecast_attainment double precision,
  days_left bigint,
  status text NOT NULL,
  series text NOT NULL,
  PRIMARY KEY (org_id, objective_id)
);

CREATE FUNCTION cible_result_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'org' THEN
    UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = OLD.id;
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = NEW.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = OLD.org_id;
  ELSE
    UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL
      WHERE org_id IN (OLD.org_id, NEW.org_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER person_result_update AFTER UPDATE ON person FOR EACH ROW
  WHEN (OLD.unit_id IS DISTINCT FROM NEW.unit_id OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_result_bump();
CREATE TRIGGER person_result_delete AFTER DELETE ON person FOR EACH ROW
  EXECUTE FUNCTION cible_result_bump();
CREATE TRIGGER unit_result_update AFTER UPDATE ON unit FOR EACH ROW
  WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_result_bump();
CREATE TRIGGER unit_result_delete AFTER DELETE ON unit FOR EACH ROW
  EXECUTE FUNCTION cible_result_bump();
CREATE TRIGGER indicator_result_insert AFTER INSERT ON indicator FOR EACH ROW
  EXECUTE FUNCTION cible_result_bump();
CREATE TRIGGER indicator_result_update AFTER UPDATE ON indicator FOR EACH ROW
  EXECUTE FUNCTION cible_result_bump();
CREATE TRIGGER indicator_result_delete AFTER DELETE ON indicator FOR EACH ROW
  EXECUTE FUNCTION cible_result_bump();
CREATE TRIGGER org_result_update AFTER UPDATE ON org FOR EACH ROW
  WHEN (OLD.working_days IS DISTINCT FROM NEW.working_days)
  EXECUTE FUNCTION cible_result_bump();
