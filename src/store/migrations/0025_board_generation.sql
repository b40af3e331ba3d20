-- 0025 (issue 13, item 5): what a server may keep of a board between reads.
-- A server keeps, per challenge, what its board is made of besides the
-- figures (the participants, their leagues and teams, their own targets) and
-- the figures it last read, ranked. Nothing of it is trusted from memory
-- alone: several servers may share one database. board_generation.gen is
-- bumped, in the writing transaction, by these triggers whenever what a
-- board is made of changes (a person, a unit, an objective that can be an
-- own target, an indicator, the challenge itself); seq is bumped by each
-- write of kept figures for some participants (app_challenges_keep_tx),
-- which logs whose they were in board_change under that seq. A read
-- compares the row's gen with the one its kept board was made at, and reads
-- the figures of the people logged since its seq only. Bumping seq takes the
-- row's lock until the writer commits, so seqs become visible in their
-- order, without a gap; a writer keeps the last 64 writes' rows, and a
-- server further behind makes its board anew. (A seq stamped on each
-- challenge_score row, with an index to find them, cost a 1,000-call import
-- about 15 ms more: one row a write here.) A migration that rebuilds one of
-- these tables must create its triggers again.
CREATE TABLE board_generation (
  org_id INTEGER NOT NULL,
  challenge_id INTEGER NOT NULL,
  gen INTEGER NOT NULL DEFAULT 1,
  seq INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (org_id, challenge_id)
);
INSERT INTO board_generation(org_id, challenge_id) SELECT org_id, id FROM challenge;
CREATE TABLE board_change (
  org_id INTEGER NOT NULL,
  challenge_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  people TEXT NOT NULL,  -- the person ids written, "12,15,18"
  PRIMARY KEY (org_id, challenge_id, seq)
);

CREATE TRIGGER challenge_board_insert AFTER INSERT ON challenge
BEGIN
  INSERT INTO board_generation(org_id, challenge_id) VALUES (NEW.org_id, NEW.id);
END;
CREATE TRIGGER challenge_board_update AFTER UPDATE ON challenge
BEGIN
  UPDATE board_generation SET gen = gen + 1
  WHERE org_id IN (OLD.org_id, NEW.org_id) AND challenge_id = OLD.id;
END;
CREATE TRIGGER challenge_board_delete AFTER DELETE ON challenge
BEGIN
  DELETE FROM board_generation WHERE org_id = OLD.org_id AND challenge_id = OLD.id;
  DELETE FROM board_change WHERE org_id = OLD.org_id AND challenge_id = OLD.id;
END;

CREATE TRIGGER person_board_insert AFTER INSERT ON person
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
END;
CREATE TRIGGER person_board_update AFTER UPDATE ON person
WHEN OLD.name IS NOT NEW.name OR OLD.unit_id IS NOT NEW.unit_id OR OLD.job IS NOT NEW.job
  OR OLD.hired_on IS NOT NEW.hired_on OR OLD.active IS NOT NEW.active
  OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER person_board_delete AFTER DELETE ON person
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;

CREATE TRIGGER unit_board_insert AFTER INSERT ON unit
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
END;
CREATE TRIGGER unit_board_update AFTER UPDATE ON unit
WHEN OLD.name IS NOT NEW.name OR OLD.parent_id IS NOT NEW.parent_id
  OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER unit_board_delete AFTER DELETE ON unit
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;

CREATE TRIGGER objective_board_insert AFTER INSERT ON objective
WHEN NEW.owner_person_id IS NOT NULL
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
END;
CREATE TRIGGER objective_board_update AFTER UPDATE ON objective
WHEN OLD.indicator IS NOT NEW.indicator OR OLD.owner_person_id IS NOT NEW.owner_person_id
  OR OLD.target IS NOT NEW.target OR OLD.baseline IS NOT NEW.baseline
  OR OLD.start IS NOT NEW.start OR OLD.due IS NOT NEW.due
  OR (OLD.status = 'cancelled') IS NOT (NEW.status = 'cancelled')
  OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER objective_board_delete AFTER DELETE ON objective
WHEN OLD.owner_person_id IS NOT NULL
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;

CREATE TRIGGER indicator_board_insert AFTER INSERT ON indicator
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = NEW.org_id;
END;
CREATE TRIGGER indicator_board_update AFTER UPDATE ON indicator
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER indicator_board_delete AFTER DELETE ON indicator
BEGIN
  UPDATE board_generation SET gen = gen + 1 WHERE org_id = OLD.org_id;
END;
