-- 0022: the indexes of tenant data that began with another column begin with
-- org_id (issue 15, item 4). On PostgreSQL (0022_tenant_keys.postgres.sql)
-- the primary and foreign keys are led by org_id too; SQLite keeps its rowid
-- as each table's key: one file on one machine, nothing to distribute, and
-- the rowid is where SQLite stores a row (a composite key would add a second
-- B-tree to every table).
DROP INDEX checkin_objective;
CREATE INDEX checkin_objective ON checkin(org_id, objective_id, id);
DROP INDEX objective_owner_person;
CREATE INDEX objective_owner_person ON objective(org_id, owner_person_id);
DROP INDEX objective_owner_unit;
CREATE INDEX objective_owner_unit ON objective(org_id, owner_unit_id);
DROP INDEX unit_lead;
CREATE INDEX unit_lead ON unit(org_id, lead_id);
