-- 0024 (issue 18, item 3): the organisation's own words for its indicators,
-- per language ("temps d'attente" → asa, "hold time" → asa), which an admin
-- extends in the administration page and the sentence reader reads beside its
-- own. The phrase is kept as typed, trimmed, its spaces single and its ASCII
-- letters lower-case; a synonym goes with its indicator.
CREATE TABLE indicator_synonym (
  org_id INTEGER NOT NULL REFERENCES org(id),
  lang TEXT NOT NULL,             -- fr, en
  phrase TEXT NOT NULL,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES person(id),
  PRIMARY KEY (org_id, lang, phrase)
);
