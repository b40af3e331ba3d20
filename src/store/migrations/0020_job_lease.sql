-- Leases of the background jobs (issue 15, item 3): the notification sender
-- and the close of the challenges that are due run on one `cible serve` at a
-- time when several share a database. One row per job, of no organisation
-- (the job serves them all): the server that holds it renews it every round
-- (UPDATE ... WHERE holder = me OR expires < now); when it stops renewing
-- (stopped, killed, cut off), another takes it over once it has expired.
CREATE TABLE job_lease (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL DEFAULT '',
  expires BIGINT NOT NULL DEFAULT 0,
  taken_at BIGINT NOT NULL DEFAULT 0
);
INSERT INTO job_lease (name) VALUES ('background');
