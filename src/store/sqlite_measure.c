/* The SQLite backend for measurement: indicators, per-day measure states,
 * record scans and saved import mappings. */
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "core/indicator.h"
#include "store/sqlite_int.h"

/* --- indicators --------------------------------------------------------- */

int store_indicator_install_catalog(struct store *s, id_t64 org, struct err *e)
{
	static const char sql[] = "INSERT OR IGNORE INTO indicator(org_id, key, kind, expr, unit,"
		" name_fr, name_en, created_at) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7,"
		" strftime('%s','now') FROM org WHERE ?1 = 0 OR id = ?1";
	for (const struct indicator_def *d = indicator_catalog; d->key; d++) {
		sqlite3_stmt *st = sq_prep(s, sql, e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, org);
		sq_bind_text(st, 2, d->key);
		sq_bind_text(st, 3, d->kind);
		sq_bind_text(st, 4, d->expr);
		sq_bind_text(st, 5, d->unit);
		sq_bind_text(st, 6, d->name_fr);
		sq_bind_text(st, 7, d->name_en);
		if (sq_step_done(s, st, e))
			return -1;
	}
	return 0;
}

int store_indicator_create(struct store *s, id_t64 org, const struct indicator_row *x,
			   id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO indicator(org_id, key, kind, expr, unit, name_fr,"
		" name_en, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, strftime('%s','now'))";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, x->key);
	sq_bind_text(st, 3, x->kind);
	sq_bind_text(st, 4, x->expr);
	sq_bind_text(st, 5, x->unit ? x->unit : "");
	sq_bind_text(st, 6, x->name_fr);
	sq_bind_text(st, 7, x->name_en);
	return sq_step_insert(s, st, id, e);
}

int store_indicator_update(struct store *s, id_t64 org, const struct indicator_row *x,
			   struct err *e)
{
	static const char sql[] = "UPDATE indicator SET key = ?3, kind = ?4, expr = ?5, unit = ?6,"
		" name_fr = ?7, name_en = ?8 WHERE org_id = ?1 AND id = ?2";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, x->id);
	sq_bind_text(st, 3, x->key);
	sq_bind_text(st, 4, x->kind);
	sq_bind_text(st, 5, x->expr);
	sq_bind_text(st, 6, x->unit ? x->unit : "");
	sq_bind_text(st, 7, x->name_fr);
	sq_bind_text(st, 8, x->name_en);
	return sq_step_update(s, st, "indicator", e);
}

int store_indicator_delete(struct store *s, id_t64 org, id_t64 id, struct err *e)
{
	static const char sql[] = "DELETE FROM indicator WHERE org_id = ? AND id = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, id);
	if (sq_step_update(s, st, "indicator", e))
		return -1;
	return store_measure_clear(s, id, e);  /* its states go with it */
}

#define IND_COLS "id, key, kind, expr, unit, name_fr, name_en"

static void read_indicator(sqlite3_stmt *st, struct arena *a, struct indicator_row *x)
{
	x->id = sqlite3_column_int64(st, 0);
	x->key = sq_col_text(st, 1, a);
	x->kind = sq_col_text(st, 2, a);
	x->expr = sq_col_text(st, 3, a);
	x->unit = sq_col_text(st, 4, a);
	x->name_fr = sq_col_text(st, 5, a);
	x->name_en = sq_col_text(st, 6, a);
}

static int indicator_one(struct store *s, sqlite3_stmt *st, struct arena *a,
			 struct indicator_row *out, struct err *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_indicator(st, a, out);
		sq_done(s, st);
		return 0;
	}
	sq_done(s, st);
	if (rc == SQLITE_DONE)
		return err_set(e, 404, "not_found", NULL, "indicator", NULL);
	return sq_db_err(s, e);
}

int store_indicator_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct indicator_row *out, struct err *e)
{
	static const char sql[] = "SELECT " IND_COLS " FROM indicator WHERE org_id = ? AND id = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, id);
	return indicator_one(s, st, a, out, e);
}

int store_indicator_by_key(struct store *s, id_t64 org, const char *key, struct arena *a,
			   struct indicator_row *out, struct err *e)
{
	static const char sql[] = "SELECT " IND_COLS " FROM indicator WHERE org_id = ? AND key = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, key);
	return indicator_one(s, st, a, out, e);
}

int store_indicator_list(struct store *s, id_t64 org, struct arena *a,
			 struct indicator_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " IND_COLS " FROM indicator WHERE org_id = ? ORDER BY id";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	size_t cap = 0;
	*n = 0;
	*out = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_indicator(st, a, arena_push(a, out, n, &cap, sizeof(**out)));
	sq_done(s, st);
	return rc == SQLITE_DONE ? 0 : sq_db_err(s, e);
}

int store_indicator_uses(struct store *s, id_t64 org, const char *key, int64_t *n,
			 struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM objective WHERE org_id = ? AND indicator = ?"
		" AND status != 'cancelled'";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, key);
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sq_done(s, st);
	return rc == SQLITE_ROW ? 0 : sq_db_err(s, e);
}

int store_activity_scan(struct store *s, id_t64 org, const char *kind, const struct ids *people,
			int64_t from, int64_t to, activity_fn fn, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT id, person_id, kind, source_id, at, fields FROM activity"
		" WHERE org_id = ?1 AND kind = ?2 AND (?3 IS NULL OR person_id IN"
		" (SELECT value FROM json_each(?3))) AND (?4 = 0 OR at >= ?4)"
		" AND (?5 = 0 OR at < ?5) ORDER BY at, id";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, kind);
	sq_bind_ids(st, 3, people);
	sqlite3_bind_int64(st, 4, from);
	sqlite3_bind_int64(st, 5, to);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct activity x = {
			sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
			(const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
			sqlite3_column_int64(st, 4), (const char *)sqlite3_column_text(st, 5) };
		if (fn(ctx, &x)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sq_done(s, st);
	return rc == SQLITE_DONE ? 0 : sq_db_err(s, e);
}

/* --- import mappings ------------------------------------------------------ */

int store_mapping_put(struct store *s, id_t64 org, const char *name, const char *spec,
		      struct err *e)
{
	static const char sql[] = "INSERT INTO import_mapping(org_id, name, spec, created_at)"
		" VALUES (?, ?, ?, strftime('%s','now')) ON CONFLICT (org_id, name)"
		" DO UPDATE SET spec = excluded.spec";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, name);
	sq_bind_text(st, 3, spec);
	return sq_step_done(s, st, e);
}

int store_mapping_get(struct store *s, id_t64 org, const char *name, struct arena *a,
		      const char **spec, struct err *e)
{
	static const char sql[] = "SELECT spec FROM import_mapping WHERE org_id = ? AND name = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, name);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*spec = sq_col_text(st, 0, a);
	sq_done(s, st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? err_set(e, 404, "not_found", NULL, "mapping", NULL)
				 : sq_db_err(s, e);
}

int store_mapping_list(struct store *s, id_t64 org, struct arena *a, struct mapping_row **out,
		       size_t *n, struct err *e)
{
	static const char sql[] = "SELECT name, spec, created_at FROM import_mapping"
		" WHERE org_id = ? ORDER BY name";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	size_t cap = 0;
	*n = 0;
	*out = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mapping_row *m = arena_push(a, out, n, &cap, sizeof(**out));
		m->name = sq_col_text(st, 0, a);
		m->spec = sq_col_text(st, 1, a);
		m->created_at = sqlite3_column_int64(st, 2);
	}
	sq_done(s, st);
	return rc == SQLITE_DONE ? 0 : sq_db_err(s, e);
}

/* Transitional name of the migration hook (store_int.h). */
int store_indicator_catalog_all(struct store *s, struct err *e)
{
	return store_indicator_install_catalog(s, 0, e);
}
