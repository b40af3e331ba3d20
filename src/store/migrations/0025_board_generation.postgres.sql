-- 0025 on PostgreSQL: 0025_board_generation.sql (which explains it) with
-- bigint keys; the triggers call functions.
CREATE TABLE board_generation (
  org_id bigint NOT NULL,
  challenge_id bigint NOT NULL,
  gen bigint NOT NULL DEFAULT 1,
  seq bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, challenge_id)
);
INSERT INTO board_generation(org_id, challenge_id) SELECT org_id, id FROM challenge;
CREATE TABLE board_change (
  org_id bigint NOT NULL,
  challenge_id bigint NOT NULL,
  seq bigint NOT NULL,
  people text NOT NULL,
  PRIMARY KEY (org_id, challenge_id, seq)
);

CREATE FUNCTION cible_challenge_board() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO board_generation(org_id, challenge_id) VALUES (NEW.org_id, NEW.id);
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM board_generation WHERE org_id = OLD.org_id AND challenge_id = OLD.id;
    DELETE FROM board_change WHERE org_id = OLD.org_id AND challenge_id = OLD.id;
  ELSE
    UPDATE board_generation SET gen = gen + 1
    WHERE org_id IN (OLD.org_id, NEW.org_id) AND challenge_id = OLD.id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER challenge_board AFTER INSERT OR UPDATE OR DELETE ON challenge FOR EACH ROW
  EXECUTE FUNCTION cible_challenge_board();

CREATE FUNCTION cible_board_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE board_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE board_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
  ELSE
    UPDATE board_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER person_board_insert AFTER INSERT ON person FOR EACH ROW
  EXECUTE FUNCTION cible_board_bump();
CREATE TRIGGER person_board_update AFTER UPDATE ON person FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
    OR OLD.job IS DISTINCT FROM NEW.job OR OLD.hired_on IS DISTINCT FROM NEW.hired_on
    OR OLD.active IS DISTINCT FROM NEW.active OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_board_bump();
CREATE TRIGGER person_board_delete AFTER DELETE ON person FOR EACH ROW
  EXECUTE FUNCTION cible_board_bump();

CREATE TRIGGER unit_board_insert AFTER INSERT ON unit FOR EACH ROW
  EXECUTE FUNCTION cible_board_bump();
CREATE TRIGGER unit_board_update AFTER UPDATE ON unit FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id
    OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_board_bump();
CREATE TRIGGER unit_board_delete AFTER DELETE ON unit FOR EACH ROW
  EXECUTE FUNCTION cible_board_bump();

CREATE TRIGGER objective_board_insert AFTER INSERT ON objective FOR EACH ROW
  WHEN (NEW.owner_person_id IS NOT NULL)
  EXECUTE FUNCTION cible_board_bump();
CREATE TRIGGER objective_board_update AFTER UPDATE ON objective FOR EACH ROW
  WHEN (OLD.indicator IS DISTINCT FROM NEW.indicator
    OR OLD.owner_person_id IS DISTINCT FROM NEW.owner_person_id
    OR OLD.target IS DISTINCT FROM NEW.target OR OLD.baseline IS DISTINCT FROM NEW.baseline
    OR OLD.start IS DISTINCT FROM NEW.start OR OLD.due IS DISTINCT FROM NEW.due
    OR (OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled')
    OR OLD.org_id IS DISTINCT FROM NEW.org_id)
  EXECUTE FUNCTION cible_board_bump();
CREATE TRIGGER objective_board_delete AFTER DELETE ON objective FOR EACH ROW
  WHEN (OLD.owner_person_id IS NOT NULL)
  EXECUTE FUNCTION cible_board_bump();

CREATE TRIGGER indicator_board AFTER INSERT OR UPDATE OR DELETE ON indicator FOR EACH ROW
  EXECUTE FUNCTION cible_board_bump();
