-- 0015: authentication hardening (issue 16, defects 4 and 5). Single-use
-- password reset links, made by `cible user reset`: only the BLAKE2b hash of
-- the secret is kept, used once (used_at) before it expires. Login failures
-- counted by email AND client address together, so that failures from one
-- address never delay the rightful user at another. Shared by SQLite and
-- PostgreSQL.
CREATE TABLE password_reset (
  token_hash TEXT PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES org(id),
  person_id BIGINT NOT NULL REFERENCES person(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX password_reset_person ON password_reset(org_id, person_id);

-- the old rows keyed an address as the email "ip:ADDRESS": they go
DELETE FROM login_attempt;
ALTER TABLE login_attempt ADD COLUMN address TEXT NOT NULL DEFAULT '';
DROP INDEX login_attempt_email;
CREATE INDEX login_attempt_pair ON login_attempt(email, address, at);
