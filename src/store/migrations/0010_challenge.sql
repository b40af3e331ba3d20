-- 0010 on branch h-challenge (to become 0014 once the other branches' 0010-0013
-- land: numbers follow without a gap, test_store checks it). Challenges (sales
-- contests, call-centre games) on the measured indicators, their frozen
-- results, and badges. A challenge's board is not
-- stored: it is read from the measure states that every import updates in
-- its own transaction, so it moves as activity arrives. What is stored is
-- what must not move: the result frozen at the close (each re-run by an
-- admin adds a run, the earlier ones stay), and the badges, each awarded once.
CREATE TABLE challenge (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  name TEXT NOT NULL,
  start_day TEXT NOT NULL,
  end_day TEXT NOT NULL,
  rule TEXT NOT NULL CHECK (rule IN ('raw', 'attainment', 'improvement')),
  mode TEXT NOT NULL CHECK (mode IN ('individual', 'team')),
  team_score TEXT NOT NULL CHECK (team_score IN ('average', 'sum')),
  visibility TEXT NOT NULL CHECK (visibility IN ('everyone', 'participants', 'managers')),
  spec TEXT NOT NULL,             -- JSON: indicators, participants, leagues, rewards
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by INTEGER REFERENCES person(id),
  created_at INTEGER NOT NULL
);
CREATE INDEX challenge_org ON challenge(org_id, end_day);

CREATE TABLE challenge_result (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  challenge_id INTEGER NOT NULL REFERENCES challenge(id),
  run INTEGER NOT NULL,           -- 1 at the close, 2... for each re-run
  closed_on TEXT NOT NULL,        -- the organisation's day of the close
  closed_at INTEGER NOT NULL,
  closed_by INTEGER REFERENCES person(id),
  board TEXT NOT NULL             -- JSON: the ranked figures that decided it
);
CREATE UNIQUE INDEX challenge_result_run ON challenge_result(org_id, challenge_id, run);

CREATE TABLE badge (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  person_id INTEGER NOT NULL,     -- the person's, or 0 (a team's badge)
  unit_id INTEGER NOT NULL,       -- the team's, or 0 (a person's badge)
  kind TEXT NOT NULL,             -- first_objective, four_weeks, best_progress, team_objective, challenge_won
  ref TEXT NOT NULL,              -- what it was for: an objective, a month, a challenge
  reason TEXT NOT NULL,           -- JSON: the figures of the reason
  awarded_on TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX badge_once ON badge(org_id, kind, ref, person_id, unit_id);
CREATE INDEX badge_person ON badge(org_id, person_id);
CREATE INDEX badge_unit ON badge(org_id, unit_id);
