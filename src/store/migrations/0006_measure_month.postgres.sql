-- 0006 on PostgreSQL: measure states by month (see 0006_measure_month.sql).
-- A row is keyed by indicator, owner (0 a person, 1 a unit, migration 9),
-- the owner's id and the month's first day (days since 1970-01-01); its days
-- are one double precision[] (each day's n, sum, min, max per aggregate in
-- turn), merged in place by cible_merge() in the driver's upsert
-- (src/store/db_postgres.c). The program moves measure_day's rows here and
-- drops it.
CREATE TABLE measure_month (
  indicator_id bigint NOT NULL,  -- no REFERENCES: deleting an indicator clears its rows
  owner smallint NOT NULL,
  person_id bigint NOT NULL,
  month integer NOT NULL,
  days double precision[] NOT NULL,
  PRIMARY KEY (indicator_id, owner, person_id, month)
);

CREATE FUNCTION cible_merge(a double precision[], b double precision[])
RETURNS double precision[] LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
  r double precision[] := a;
BEGIN
  IF cardinality(a) <> cardinality(b) OR cardinality(a) % 4 <> 0 THEN
    RAISE EXCEPTION 'cible_merge: states of different shapes';
  END IF;
  FOR i IN 1 .. cardinality(a) BY 4 LOOP
    r[i] := a[i] + b[i];
    r[i + 1] := a[i + 1] + b[i + 1];
    r[i + 2] := least(a[i + 2], b[i + 2]);
    r[i + 3] := greatest(a[i + 3], b[i + 3]);
  END LOOP;
  RETURN r;
END $$;
