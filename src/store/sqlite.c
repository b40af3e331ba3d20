/* The SQLite backend of store.h. One connection per struct store (one per
 * server thread); statements are prepared once and cached by their SQL text's
 * address, so every query is a prepared statement with bound parameters.
 * Migrations are embedded SQL files applied in order at open; PRAGMA
 * user_version records how far a database has come. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/embed.h"
#include "store/sqlite_int.h"


int sq_db_err(struct store *s, struct err *e)
{
	int code = sqlite3_extended_errcode(sq_h(s));
	if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
		return err_set(e, 409, "conflict", NULL, sqlite3_errmsg(sq_h(s)), NULL);
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return err_set(e, 422, "invalid_value", NULL, "record", sqlite3_errmsg(sq_h(s)));
	return err_set(e, 500, "database", NULL, sqlite3_errmsg(sq_h(s)), NULL);
}

/* Transitional: the statements of the seam's cache, by their SQLite handle,
 * for the code not yet written against db.h. */
sqlite3_stmt *sq_prep(struct store *s, const char *sql, struct err *e)
{
	struct db_stmt *db_prep_legacy(struct db *db, const char *sql, int check, struct err *e);
	struct db_stmt *st = db_prep_legacy(s->db, sql, 0, e);
	return st ? sq_stmt_handle(st) : NULL;
}

void sq_done(struct store *s, sqlite3_stmt *st)
{
	for (int i = 0; i < s->db->ncache; i++)
		if (sq_stmt_handle(s->db->cache[i].st) == st) {
			sqlite3_reset(st);
			return;
		}
	sqlite3_finalize(st);
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void sq_bind_id(sqlite3_stmt *st, int i, id_t64 v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

void sq_bind_day(sqlite3_stmt *st, int i, day_t d)
{
	if (d == DAY_NONE) {
		sqlite3_bind_null(st, i);
		return;
	}
	char s[11];
	date_format_iso(d, s);
	sqlite3_bind_text(st, i, s, 10, SQLITE_TRANSIENT);
}

void sq_bind_opt(sqlite3_stmt *st, int i, int has, double v)
{
	if (has)
		sqlite3_bind_double(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

const char *sq_col_text(sqlite3_stmt *st, int i, struct arena *a)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

day_t sq_col_day(sqlite3_stmt *st, int i)
{
	day_t d;
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t && !date_parse_iso(t, &d) ? d : DAY_NONE;
}

double sq_col_opt(sqlite3_stmt *st, int i, double none)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? none : sqlite3_column_double(st, i);
}

int sq_step_done(struct store *s, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sq_db_err(s, e);
		sq_done(s, st);
		return -1;
	}
	sq_done(s, st);
	return 0;
}

int sq_step_insert(struct store *s, sqlite3_stmt *st, id_t64 *id, struct err *e)
{
	if (sq_step_done(s, st, e))
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(sq_h(s));
	return 0;
}

/* An UPDATE that must touch one row: 404 otherwise. */
int sq_step_update(struct store *s, sqlite3_stmt *st, const char *what, struct err *e)
{
	if (sq_step_done(s, st, e))
		return -1;
	if (sqlite3_changes(sq_h(s)) == 0)
		return err_set(e, 404, "not_found", NULL, what, NULL);
	return 0;
}

int sq_exec(struct store *s, const char *sql, struct err *e)
{
	return db_exec(s->db, sql, e);
}

/* Runs st (bound by the caller) and collects column 0 as a sorted id set. */
int sq_collect_ids(struct store *s, sqlite3_stmt *st, struct arena *a, struct ids *out,
		       struct err *e)
{
	size_t cap = 0, n = 0;
	id_t64 *v = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*(id_t64 *)arena_push(a, &v, &n, &cap, sizeof(*v)) = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE) {
		sq_db_err(s, e);
		sq_done(s, st);
		return -1;
	}
	sq_done(s, st);
	out->v = v;
	out->n = n;
	return 0;
}

/* An id-set query bound with (org, x). */
int sq_ids_query(struct store *s, const char *sql, id_t64 org, id_t64 x, struct arena *a,
		     struct ids *out, struct err *e)
{
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, x);
	return sq_collect_ids(s, st, a, out, e);
}

/* Steps a statement expected to give one row: 1 with the row ready to read
 * (the caller then calls sq_done()), or -1 with *e set (404 naming what, or a
 * database error) and the statement already released. */
int sq_one_row(struct store *s, sqlite3_stmt *st, const char *what, struct err *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		err_set(e, 404, "not_found", NULL, what, NULL);
	else
		sq_db_err(s, e);
	sq_done(s, st);
	return -1;
}

/* ---- activity ---- */

int store_activity_add(struct store *s, id_t64 org, const struct activity *x, int64_t now,
		       int *stored, struct err *e)
{
	static const char sql[] = "INSERT INTO activity(org_id, kind, source_id, person_id, at,"
		" fields, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
		" ON CONFLICT (org_id, kind, source_id) DO NOTHING";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, x->kind);
	sq_bind_text(st, 3, x->source_id);
	sqlite3_bind_int64(st, 4, x->person_id);
	sqlite3_bind_int64(st, 5, x->at);
	sq_bind_text(st, 6, x->fields ? x->fields : "{}");
	sqlite3_bind_int64(st, 7, now);
	if (sq_step_done(s, st, e))
		return -1;
	*stored = sqlite3_changes(sq_h(s)) > 0;
	return 0;
}

int store_activity_list(struct store *s, id_t64 org, const struct activity_filter *f,
			struct arena *a, struct activity **out, size_t *n, size_t *total,
			struct err *e)
{
#define ACT_WHERE " WHERE org_id = ?1 AND (?2 IS NULL OR person_id IN" \
		" (SELECT value FROM json_each(?2))) AND (?3 IS NULL OR kind = ?3)" \
		" AND (?4 = 0 OR at >= ?4) AND (?5 = 0 OR at < ?5)"
	static const char sql_count[] = "SELECT count(*), ?6, ?7 FROM activity" ACT_WHERE;
	static const char sql[] = "SELECT id, person_id, kind, source_id, at, fields FROM activity"
		ACT_WHERE " ORDER BY at, id LIMIT ?6 OFFSET ?7";
	const char *const both[2] = { sql_count, sql };
	size_t cap = 0, k = 0;
	struct activity *v = NULL;
	for (int q = 0; q < 2; q++) {
		sqlite3_stmt *st = sq_prep(s, both[q], e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, org);
		sq_bind_ids(st, 2, f->people);
		sq_bind_text(st, 3, f->kind);
		sqlite3_bind_int64(st, 4, f->from);
		sqlite3_bind_int64(st, 5, f->to);
		sqlite3_bind_int64(st, 6, f->limit ? (sqlite3_int64)f->limit : -1);
		sqlite3_bind_int64(st, 7, (sqlite3_int64)f->offset);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (q == 0) {
				*total = (size_t)sqlite3_column_int64(st, 0);
				continue;
			}
			struct activity *x = arena_push(a, &v, &k, &cap, sizeof(*v));
			x->id = sqlite3_column_int64(st, 0);
			x->person_id = sqlite3_column_int64(st, 1);
			x->kind = sq_col_text(st, 2, a);
			x->source_id = sq_col_text(st, 3, a);
			x->at = sqlite3_column_int64(st, 4);
			x->fields = sq_col_text(st, 5, a);
		}
		sq_done(s, st);
		if (rc != SQLITE_DONE)
			return sq_db_err(s, e);
	}
	*out = v;
	*n = k;
	return 0;
}

/* An id set as a JSON array, for json_each() in a prepared statement. */
void sq_bind_ids(sqlite3_stmt *st, int i, const struct ids *set)
{
	if (!set) {
		sqlite3_bind_null(st, i);
		return;
	}
	struct buf j = BUF_INIT;
	buf_addc(&j, '[');
	for (size_t k = 0; k < set->n; k++)
		buf_addf(&j, "%s%lld", k ? "," : "", (long long)set->v[k]);
	buf_addc(&j, ']');
	sqlite3_bind_text(st, i, j.data, (int)j.len, SQLITE_TRANSIENT);
	buf_free(&j);
}
