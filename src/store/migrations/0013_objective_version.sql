-- An objective's version, for optimistic concurrency: 1 when made, one more
-- at every change
-- (store_objective_update), shown as its ETag; a PATCH with If-Match naming
-- an older one is refused with 412 and the current version, so that no
-- change is written over one its writer never saw. Portable: no dialect file.
ALTER TABLE objective ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
