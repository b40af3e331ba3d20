-- 0023 (issue 13, item 5): each participant's figures per challenge, kept.
-- A board of 10,000 people no longer re-reads every participant's measure
-- states: the write that moves a state (an activity batch, an import)
-- updates, in its own transaction, the rows of the people it touched, and
-- the board reads these rows (one indexed read) and ranks them. A row holds,
-- for each of the challenge's indicators (slot 0..7), the value over the
-- period up to the day the rows were kept for (v) and up to the day before
-- (y: yesterday's board, for the movement). Scores are not stored: the rule,
-- the targets, the leagues and the teams are applied at each read, so that
-- objectives edited or people moved between teams show at once.
-- challenge.kept_on is the day the rows were kept for (NULL: none kept, the
-- board is computed from the measure states); a new day, or an indicator
-- redefined, makes them stale until the next write rebuilds them.
CREATE TABLE challenge_score (
  org_id INTEGER NOT NULL,
  challenge_id INTEGER NOT NULL,
  person_id INTEGER NOT NULL,
  v0 REAL, v1 REAL, v2 REAL, v3 REAL, v4 REAL, v5 REAL, v6 REAL, v7 REAL,
  y0 REAL, y1 REAL, y2 REAL, y3 REAL, y4 REAL, y5 REAL, y6 REAL, y7 REAL,
  PRIMARY KEY (org_id, challenge_id, person_id)
);
ALTER TABLE challenge ADD COLUMN kept_on TEXT;
-- A board resolves its participants from the organisation's people by id
-- (store_person_list): in id order from the index, without sorting them.
CREATE INDEX person_org_id ON person(org_id, id);
