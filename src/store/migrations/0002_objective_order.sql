-- 0002: objectives of an organisation in id order straight from an index, so
-- a page of a list is read without sorting the whole organisation first.
CREATE INDEX objective_org_id ON objective(org_id, id);
