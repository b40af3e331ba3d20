-- 0014: ramp-up plans (issue 12, item 2). Per job of an organisation: the share of the standard
-- target (percent) in each month after a hire, then 100 %; steps as a JSON
-- array of numbers ([25, 50, 75]); above_100 lets steps exceed 100 %.
CREATE TABLE ramp_plan (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  job TEXT NOT NULL,
  steps TEXT NOT NULL,
  above_100 INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES person(id)
);
CREATE UNIQUE INDEX ramp_plan_job ON ramp_plan(org_id, job);
