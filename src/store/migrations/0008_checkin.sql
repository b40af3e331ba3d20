-- 0008: check-ins. The owner of an objective and their manager write, in turn,
-- where it stands: how confident they are it will land, what happened, what
-- comes next. Each keeps the measured value and attainment of that moment.
CREATE TABLE checkin (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  objective_id INTEGER NOT NULL REFERENCES objective(id),
  author_id INTEGER NOT NULL REFERENCES person(id),
  confidence TEXT CHECK (confidence IN ('on_track', 'at_risk', 'off_track')),
  comment TEXT NOT NULL,
  value REAL,                     -- the objective's measured value then
  attainment REAL,                -- and its attainment (0 baseline, 1 target)
  created_at INTEGER NOT NULL     -- unix seconds
);
CREATE INDEX checkin_objective ON checkin(objective_id, id);
