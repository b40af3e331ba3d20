/* The organisation's words for its indicators (migration 0024), keyed by
 * (org, lang, phrase); read with the indicator's key. */
#include <string.h>
#include "store/store_int.h"

#define SYN_COLS "s.lang, s.phrase, s.indicator_id, i.key, s.created_at, s.created_by"

static void syn_row(struct db_stmt *st, struct arena *a, void *element)
{
	struct indicator_synonym *x = element;
	memset(x, 0, sizeof(*x));
	x->lang = db_col_str(st, 0, a);
	x->phrase = db_col_str(st, 1, a);
	x->indicator_id = db_col_int64(st, 2);
	x->indicator_key = db_col_str(st, 3, a);
	x->created_at = db_col_int64(st, 4);
	x->created_by = db_col_int64(st, 5);
}

int store_synonym_list(struct store *s, id_t64 org, struct arena *a,
		       struct indicator_synonym **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " SYN_COLS " FROM indicator_synonym s JOIN indicator i"
		" ON i.org_id = s.org_id AND i.id = s.indicator_id WHERE s.org_id = ?1"
		" ORDER BY s.lang, s.phrase";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	return db_collect_rows(st, a, sizeof(**out), syn_row, out, n, e);
}

int store_synonym_get(struct store *s, id_t64 org, const char *lang, const char *phrase,
		      struct arena *a, struct indicator_synonym *out, struct err *e)
{
	static const char sql[] = "SELECT " SYN_COLS " FROM indicator_synonym s JOIN indicator i"
		" ON i.org_id = s.org_id AND i.id = s.indicator_id"
		" WHERE s.org_id = ?1 AND s.lang = ?2 AND s.phrase = ?3";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, lang);
	db_bind_text(st, 3, phrase);
	if (db_one_row(st, "indicator synonym", e) < 0)
		return -1;
	syn_row(st, a, out);
	db_done(st);
	return 0;
}

int store_synonym_put(struct store *s, id_t64 org, const struct indicator_synonym *x,
		      struct err *e)
{
	static const char sql[] = "INSERT INTO indicator_synonym(org_id, lang, phrase, indicator_id,"
		" created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		" ON CONFLICT (org_id, lang, phrase) DO UPDATE SET indicator_id = excluded.indicator_id,"
		" created_at = excluded.created_at, created_by = excluded.created_by";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, x->lang);
	db_bind_text(st, 3, x->phrase);
	db_bind_int64(st, 4, x->indicator_id);
	db_bind_int64(st, 5, x->created_at);
	db_bind_id(st, 6, x->created_by);
	return db_run(st, e);
}

int store_synonym_delete(struct store *s, id_t64 org, const char *lang, const char *phrase,
			 struct err *e)
{
	static const char sql[] = "DELETE FROM indicator_synonym WHERE org_id = ?1 AND lang = ?2"
		" AND phrase = ?3";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, lang);
	db_bind_text(st, 3, phrase);
	return db_run_update(st, "indicator synonym", e);
}
