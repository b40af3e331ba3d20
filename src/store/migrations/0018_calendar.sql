-- a secret calendar address per person (issue 14, item 5): the iCalendar
-- feed of their due dates, check-ins due and one-to-ones at
-- /api/calendar/<token>.ics. Only the token's hash is kept; making a new
-- one replaces it (the old address stops answering), revoking deletes it.
CREATE TABLE calendar_feed (
  org_id INTEGER NOT NULL REFERENCES org(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, person_id)
);
