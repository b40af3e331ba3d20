-- 0011: negotiation (issue 11; the merger renumbers if another branch takes
-- 0011). An objective is set by rounds: a proposal (target, means, dates,
-- indicator) with the bounds the target may move in, then counter-proposals
-- (means first, then a target within the bounds), each with its author, side
-- and reason, until one side accepts the other's offer. Moves are only added.
-- An agreement keeps both names, the day, and the terms it locked.
CREATE TABLE negotiation_round (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  objective_id INTEGER NOT NULL REFERENCES objective(id),
  round INTEGER NOT NULL,          -- 1, then 2... each time an agreement is reopened
  seq INTEGER NOT NULL,            -- the move's place in its round, from 1
  kind TEXT NOT NULL CHECK (kind IN ('proposal', 'reopen', 'counter_means',
                                     'counter_target', 'accept')),
  side TEXT NOT NULL CHECK (side IN ('owner', 'manager')),
  author_id INTEGER REFERENCES person(id),   -- NULL: the system (CLI, demo)
  target REAL,                     -- the offer on the table after this move
  start TEXT, due TEXT, indicator TEXT,
  budget REAL, time_hours REAL, support TEXT, plan TEXT,
  bound_low REAL NOT NULL,         -- the bounds of the round, absolute
  bound_high REAL NOT NULL,
  bound_pct_low REAL,              -- when given as a share of the proposal (90 = 90 %)
  bound_pct_high REAL,
  reason TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX negotiation_round_move ON negotiation_round(org_id, objective_id, round, seq);

CREATE TABLE objective_agreement (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  objective_id INTEGER NOT NULL REFERENCES objective(id),
  round INTEGER NOT NULL,
  owner_id INTEGER REFERENCES person(id),    -- the owner's side
  owner_name TEXT,
  manager_id INTEGER REFERENCES person(id),  -- the manager's side
  manager_name TEXT,
  agreed_on TEXT NOT NULL,
  agreed_at INTEGER NOT NULL,
  terms TEXT NOT NULL              -- JSON: target, start, due, indicator, means, plan
);
CREATE UNIQUE INDEX objective_agreement_round ON objective_agreement(org_id, objective_id, round);
