-- 0024 on PostgreSQL: 0024_indicator_synonym.sql with bigint keys and the
-- foreign keys led by org_id (indicator's and person's primary keys are
-- (org_id, id) since 0022_tenant_keys).
CREATE TABLE indicator_synonym (
  org_id bigint NOT NULL REFERENCES org(id),
  lang text NOT NULL,
  phrase text NOT NULL,
  indicator_id bigint NOT NULL,
  created_at bigint NOT NULL,
  created_by bigint,
  PRIMARY KEY (org_id, lang, phrase),
  FOREIGN KEY (org_id, indicator_id) REFERENCES indicator(org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, created_by) REFERENCES person(org_id, id)
);
