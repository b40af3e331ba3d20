-- 0016 on PostgreSQL: 0016_email_per_org.sql's outcome, in place. The email
-- column keeps its case-insensitive collation (cible_nocase), so does the
-- index.
ALTER TABLE person DROP CONSTRAINT person_email_key;
CREATE UNIQUE INDEX person_org_email ON person(org_id, email);
CREATE INDEX person_email ON person(email);
