-- 0006: measure states by month instead of by day. One row per indicator,
-- person and month holds the state of each day of the month in turn (the
-- empty state on a day without records), so a year of one person's
-- indicator is twelve rows, not three hundred. The key packs indicator,
-- person and month index (indicator << 40 | person << 16 | month since
-- January 1970) so a person's months are one range of the table's B-tree.
-- The program moves measure_day's rows here and drops it (store/sqlite.c).
CREATE TABLE measure_month (
  key INTEGER PRIMARY KEY,
  indicator_id INTEGER NOT NULL,  -- no REFERENCES: its cascade would scan every
                                  -- row; deleting an indicator clears its range
  person_id INTEGER NOT NULL,
  month INTEGER NOT NULL,         -- its first day, in days since 1970-01-01
  days BLOB NOT NULL
);
