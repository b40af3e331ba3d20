-- 0026 (issue 17, item 2): every objective's result kept by the server.
-- One row per objective: what `measured_json` answers on the day it was
-- computed for (`day`) with the objective's `version` then: the value over
-- the period so far, attainment, pace (expected, expected_working), status,
-- forecast, days left and the monthly series ("start value to_date;" per
-- bucket, numbers in %a, hexadecimal, so that they read back exactly). The roll-up of
-- children is not kept: it is taken from the children's rows at each read.
-- The transactions that bring activity (an API batch, an import) recompute
-- the rows of the objectives they touch (the people's own, those of every
-- unit above them, on the indicators of the batch's kind); a read takes a
-- row when its day is the day asked, its version the objective's and its
-- gen the organisation's, and computes the objective otherwise.
-- objective_result_org.gen is bumped by the triggers below whenever what
-- every result rests on changes (a person's unit, a unit's parent, an
-- indicator, the organisation's working days): every row is then stale,
-- and kept_on (the day every row was last rebuilt for) is cleared, so the
-- next write that keeps results rebuilds them all.
CREATE TABLE objective_result_org (
  org_id INTEGER PRIMARY KEY,
  gen INTEGER NOT NULL,
  kept_on TEXT
);
CREATE TABLE objective_result (
  org_id INTEGER NOT NULL,
  objective_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  version INTEGER NOT NULL,
  gen INTEGER NOT NULL,
  value REAL,
  progress INTEGER NOT NULL,
  attainment REAL,
  expected REAL,
  expected_working REAL,
  forecast REAL,
  forecast_attainment REAL,
  days_left INTEGER,
  status TEXT NOT NULL,
  series TEXT NOT NULL,
  PRIMARY KEY (org_id, objective_id)
);

CREATE TRIGGER person_result_update AFTER UPDATE ON person
WHEN OLD.unit_id IS NOT NEW.unit_id OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL
    WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER person_result_delete AFTER DELETE ON person
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = OLD.org_id;
END;
CREATE TRIGGER unit_result_update AFTER UPDATE ON unit
WHEN OLD.parent_id IS NOT NEW.parent_id OR OLD.org_id IS NOT NEW.org_id
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL
    WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER unit_result_delete AFTER DELETE ON unit
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = OLD.org_id;
END;
CREATE TRIGGER indicator_result_insert AFTER INSERT ON indicator
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = NEW.org_id;
END;
CREATE TRIGGER indicator_result_update AFTER UPDATE ON indicator
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL
    WHERE org_id IN (OLD.org_id, NEW.org_id);
END;
CREATE TRIGGER indicator_result_delete AFTER DELETE ON indicator
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = OLD.org_id;
END;
CREATE TRIGGER org_result_update AFTER UPDATE ON org
WHEN OLD.working_days IS NOT NEW.working_days
BEGIN
  UPDATE objective_result_org SET gen = gen + 1, kept_on = NULL WHERE org_id = OLD.id;
END;
