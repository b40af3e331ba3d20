-- Notifications (issue 14, items 1-4). An event is written to the outbox
-- (notify_event) in the same transaction as the change that caused it, with
-- one delivery per recipient and channel (notify_delivery), each unique by
-- its idempotency key (event, recipient or place, channel), so the same event
-- never reaches the same place twice. The sender (a thread of `cible serve`,
-- or `cible send`) takes the deliveries that are due, records every attempt
-- (notify_attempt) and marks the ones that finally failed. Each person
-- chooses channels per kind of event (notify_pref; no row: the defaults of
-- core/notify.c) and a language (notify_person); chat places (Slack, Teams,
-- a signed webhook) are configured per organisation or unit (notify_channel).
CREATE TABLE notify_event (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  kind TEXT NOT NULL,
  dedupe TEXT NOT NULL,           -- the happening: one event per org and dedupe
  person_id INTEGER,              -- whom it is about (the late person, the winner)
  objective_id INTEGER,
  link TEXT NOT NULL,             -- the page, a path under the public URL
  data TEXT NOT NULL,             -- JSON: the values the message is made of
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX notify_event_dedupe ON notify_event(org_id, dedupe);

CREATE TABLE notify_channel (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  unit_id INTEGER REFERENCES unit(id),   -- NULL: the whole organisation
  kind TEXT NOT NULL CHECK (kind IN ('slack', 'teams', 'webhook')),
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT,                    -- the signed webhook's key
  created_by INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX notify_channel_org ON notify_channel(org_id, unit_id);

CREATE TABLE notify_delivery (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  event_id INTEGER NOT NULL REFERENCES notify_event(id),
  person_id INTEGER REFERENCES person(id),    -- the recipient; NULL for a chat place
  channel TEXT NOT NULL CHECK (channel IN ('inapp', 'email', 'slack', 'teams', 'webhook')),
  target_id INTEGER NOT NULL DEFAULT 0,       -- the notify_channel of a chat place
  idem_key TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  not_before INTEGER NOT NULL,    -- unix time: quiet hours, backoff
  lease_until INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  sent_at INTEGER,
  read_at INTEGER,                -- in-app: when the person marked it read
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX notify_delivery_key ON notify_delivery(org_id, idem_key);
CREATE INDEX notify_delivery_due ON notify_delivery(state, not_before);
CREATE INDEX notify_delivery_person ON notify_delivery(org_id, person_id, channel, id);

CREATE TABLE notify_attempt (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES org(id),
  delivery_id INTEGER NOT NULL REFERENCES notify_delivery(id),
  at INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  detail TEXT
);
CREATE INDEX notify_attempt_delivery ON notify_attempt(org_id, delivery_id);

CREATE TABLE notify_pref (
  org_id INTEGER NOT NULL REFERENCES org(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  kind TEXT NOT NULL,
  channels INTEGER NOT NULL,      -- bits: 1 in-app, 2 email, 4 chat
  PRIMARY KEY (org_id, person_id, kind)
);

CREATE TABLE notify_person (
  org_id INTEGER NOT NULL REFERENCES org(id),
  person_id INTEGER NOT NULL REFERENCES person(id),
  lang TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
  PRIMARY KEY (org_id, person_id)
);
