-- 0023 on PostgreSQL: 0023_challenge_score.sql with bigint keys and double
-- precision figures (PostgreSQL's REAL is single precision).
CREATE TABLE challenge_score (
  org_id bigint NOT NULL,
  challenge_id bigint NOT NULL,
  person_id bigint NOT NULL,
  v0 double precision, v1 double precision, v2 double precision, v3 double precision,
  v4 double precision, v5 double precision, v6 double precision, v7 double precision,
  y0 double precision, y1 double precision, y2 double precision, y3 double precision,
  y4 double precision, y5 double precision, y6 double precision, y7 double precision,
  PRIMARY KEY (org_id, challenge_id, person_id)
);
ALTER TABLE challenge ADD COLUMN kept_on text;
-- A board resolves its participants from the organisation's people by id
-- (store_person_list): on PostgreSQL person's primary key is (org_id, id)
-- since 0022_tenant_keys, so no index is added here (SQLite's file adds one).
