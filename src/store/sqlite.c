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

/* ---- axes ---- */

int store_axis_create(struct store *s, const struct axis *x, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO axis(org_id, title, description, position)"
				  " VALUES (?, ?, ?, ?)";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, x->org_id);
	sq_bind_text(st, 2, x->title);
	sq_bind_text(st, 3, x->description ? x->description : "");
	sqlite3_bind_int(st, 4, x->position);
	return sq_step_insert(s, st, id, e);
}

static void read_axis(sqlite3_stmt *st, struct arena *a, struct axis *x)
{
	x->id = sqlite3_column_int64(st, 0);
	x->org_id = sqlite3_column_int64(st, 1);
	x->title = sq_col_text(st, 2, a);
	x->description = sq_col_text(st, 3, a);
	x->position = sqlite3_column_int(st, 4);
}

int store_axis_get(struct store *s, id_t64 org, id_t64 id, struct arena *a, struct axis *x,
		   struct err *e)
{
	static const char sql[] = "SELECT id, org_id, title, description, position FROM axis"
				  " WHERE org_id = ? AND id = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, id);
	if (sq_one_row(s, st, "axis", e) < 0)
		return -1;
	read_axis(st, a, x);
	sq_done(s, st);
	return 0;
}

int store_axis_update(struct store *s, const struct axis *x, struct err *e)
{
	static const char sql[] = "UPDATE axis SET title = ?, description = ?, position = ?"
				  " WHERE org_id = ? AND id = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sq_bind_text(st, 1, x->title);
	sq_bind_text(st, 2, x->description ? x->description : "");
	sqlite3_bind_int(st, 3, x->position);
	sqlite3_bind_int64(st, 4, x->org_id);
	sqlite3_bind_int64(st, 5, x->id);
	return sq_step_update(s, st, "axis", e);
}

int store_axis_list(struct store *s, id_t64 org, struct arena *a, struct axis **out,
		    size_t *n, struct err *e)
{
	static const char sql[] = "SELECT id, org_id, title, description, position FROM axis"
				  " WHERE org_id = ? ORDER BY position, id";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	size_t cap = 0, k = 0;
	struct axis *v = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_axis(st, a, arena_push(a, &v, &k, &cap, sizeof(*v)));
	}
	sq_done(s, st);
	if (rc != SQLITE_DONE)
		return sq_db_err(s, e);
	*out = v;
	*n = k;
	return 0;
}

/* ---- objectives ---- */

#define OBJ_COLS "o.id, o.org_id, o.parent_id, o.axis_id, o.level, o.owner_person_id," \
	" o.owner_unit_id, o.title, o.what, o.who, o.\"where\", o.why, o.how, o.indicator," \
	" o.unit_label, o.direction, o.baseline, o.target, o.start, o.due, o.weight," \
	" o.means_budget, o.means_time_hours, o.means_support, o.plan, o.skills, o.status," \
	" o.confidence, o.created_at, o.updated_at, o.created_by, o.updated_by," \
	" coalesce(o.owner_unit_id, p.unit_id)"
#define OBJ_FROM " FROM objective o LEFT JOIN person p ON p.id = o.owner_person_id"

static void read_objective(sqlite3_stmt *st, struct arena *a, struct objective *o)
{
	objective_init(o);
	o->id = sqlite3_column_int64(st, 0);
	o->org_id = sqlite3_column_int64(st, 1);
	o->parent_id = sqlite3_column_int64(st, 2);
	o->axis_id = sqlite3_column_int64(st, 3);
	int l = level_parse((const char *)sqlite3_column_text(st, 4));
	o->level = l < 0 ? LEVEL_INDIVIDUAL : (enum level)l;
	o->owner_person_id = sqlite3_column_int64(st, 5);
	o->owner_unit_id = sqlite3_column_int64(st, 6);
	o->title = sq_col_text(st, 7, a);
	o->what = sq_col_text(st, 8, a);
	o->who = sq_col_text(st, 9, a);
	o->where_ = sq_col_text(st, 10, a);
	o->why = sq_col_text(st, 11, a);
	o->how = sq_col_text(st, 12, a);
	o->indicator = sq_col_text(st, 13, a);
	o->unit_label = sq_col_text(st, 14, a);
	int d = direction_parse((const char *)sqlite3_column_text(st, 15));
	o->direction = d < 0 ? DIR_INCREASE : (enum direction)d;
	o->has_baseline = sqlite3_column_type(st, 16) != SQLITE_NULL;
	o->baseline = sq_col_opt(st, 16, 0);
	o->has_target = sqlite3_column_type(st, 17) != SQLITE_NULL;
	o->target = sq_col_opt(st, 17, 0);
	o->start = sq_col_day(st, 18);
	o->due = sq_col_day(st, 19);
	o->weight = sqlite3_column_double(st, 20);
	o->means_budget = sq_col_opt(st, 21, -1);
	o->means_time_hours = sq_col_opt(st, 22, -1);
	o->means_support = sq_col_text(st, 23, a);
	o->plan_json = sq_col_text(st, 24, a);
	o->skills_json = sq_col_text(st, 25, a);
	int sv = status_parse((const char *)sqlite3_column_text(st, 26));
	o->status = sv < 0 ? ST_DRAFT : (enum status)sv;
	o->confidence = sq_col_opt(st, 27, -1);
	o->created_at = sqlite3_column_int64(st, 28);
	o->updated_at = sqlite3_column_int64(st, 29);
	o->created_by = sqlite3_column_int64(st, 30);
	o->updated_by = sqlite3_column_int64(st, 31);
	o->scope_unit_id = sqlite3_column_int64(st, 32);
}

/* Binds the 29 writable columns from index 1, in OBJ_WRITE order. */
#define OBJ_WRITE "parent_id, axis_id, level, owner_person_id, owner_unit_id, title, what," \
	" who, \"where\", why, how, indicator, unit_label, direction, baseline, target," \
	" start, due, weight, means_budget, means_time_hours, means_support, plan, skills," \
	" status, confidence, updated_at, updated_by"
static int bind_objective(sqlite3_stmt *st, const struct objective *o)
{
	int i = 1;
	sq_bind_id(st, i++, o->parent_id);
	sq_bind_id(st, i++, o->axis_id);
	sq_bind_text(st, i++, level_name(o->level));
	sq_bind_id(st, i++, o->owner_person_id);
	sq_bind_id(st, i++, o->owner_unit_id);
	sq_bind_text(st, i++, o->title);
	sq_bind_text(st, i++, o->what);
	sq_bind_text(st, i++, o->who);
	sq_bind_text(st, i++, o->where_);
	sq_bind_text(st, i++, o->why);
	sq_bind_text(st, i++, o->how);
	sq_bind_text(st, i++, o->indicator);
	sq_bind_text(st, i++, o->unit_label);
	sq_bind_text(st, i++, direction_name(o->direction));
	sq_bind_opt(st, i++, o->has_baseline, o->baseline);
	sq_bind_opt(st, i++, o->has_target, o->target);
	sq_bind_day(st, i++, o->start);
	sq_bind_day(st, i++, o->due);
	sqlite3_bind_double(st, i++, o->weight);
	sq_bind_opt(st, i++, o->means_budget >= 0, o->means_budget);
	sq_bind_opt(st, i++, o->means_time_hours >= 0, o->means_time_hours);
	sq_bind_text(st, i++, o->means_support);
	sq_bind_text(st, i++, o->plan_json ? o->plan_json : "[]");
	sq_bind_text(st, i++, o->skills_json ? o->skills_json : "[]");
	sq_bind_text(st, i++, status_name(o->status));
	sq_bind_opt(st, i++, o->confidence >= 0, o->confidence);
	sqlite3_bind_int64(st, i++, o->updated_at);
	sq_bind_id(st, i++, o->updated_by);
	return i;
}

int store_objective_create(struct store *s, const struct objective *o, id_t64 *id,
			   struct err *e)
{
	static const char sql[] = "INSERT INTO objective(" OBJ_WRITE ", org_id, created_at,"
		" created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	int i = bind_objective(st, o);
	sqlite3_bind_int64(st, i++, o->org_id);
	sqlite3_bind_int64(st, i++, o->created_at);
	sq_bind_id(st, i, o->created_by);
	return sq_step_insert(s, st, id, e);
}

int store_objective_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct objective *o, struct err *e)
{
	static const char sql[] = "SELECT " OBJ_COLS OBJ_FROM " WHERE o.org_id = ? AND o.id = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, id);
	if (sq_one_row(s, st, "objective", e) < 0)
		return -1;
	read_objective(st, a, o);
	sq_done(s, st);
	return 0;
}

int store_objective_update(struct store *s, const struct objective *o, struct err *e)
{
	static const char sql[] = "UPDATE objective SET (" OBJ_WRITE ") = (?,?,?,?,?,?,?,?,?,?,?,?,"
		"?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE org_id = ? AND id = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	int i = bind_objective(st, o);
	sqlite3_bind_int64(st, i++, o->org_id);
	sqlite3_bind_int64(st, i, o->id);
	return sq_step_update(s, st, "objective", e);
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

static void bind_objective_filter(sqlite3_stmt *st, id_t64 org, const struct objective_filter *f)
{
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 16, -1);
	sqlite3_bind_int64(st, 17, 0);
	if (f) {
		sq_bind_id(st, 2, f->owner_person);
		sq_bind_id(st, 3, f->owner_unit);
		sq_bind_text(st, 4, f->level >= 0 ? level_name(f->level) : NULL);
		sq_bind_text(st, 5, f->status >= 0 ? status_name(f->status) : NULL);
		sq_bind_id(st, 6, f->parent);
		sq_bind_id(st, 7, f->axis);
		sq_bind_day(st, 8, f->from);
		sq_bind_day(st, 9, f->to);
		sq_bind_ids(st, 10, f->units);
		if (f->visible) {
			static const struct ids none = { NULL, 0 };
			sqlite3_bind_int(st, 11, 1);
			sqlite3_bind_int64(st, 12, f->visible_person);
			sq_bind_ids(st, 13, f->visible_scope ? f->visible_scope : &none);
			sq_bind_ids(st, 14, f->visible_owner_units ? f->visible_owner_units : &none);
			sq_bind_ids(st, 15, f->visible_ids ? f->visible_ids : &none);
		}
		if (f->limit)
			sqlite3_bind_int64(st, 16, (sqlite3_int64)f->limit);
		sqlite3_bind_int64(st, 17, (sqlite3_int64)f->offset);
	}
}

int store_objective_list(struct store *s, id_t64 org, const struct objective_filter *f,
			 struct arena *a, struct objective **out, size_t *n, size_t *total,
			 struct err *e)
{
#define OBJ_WHERE " WHERE o.org_id = ?1" \
		" AND (?2 IS NULL OR o.owner_person_id = ?2)" \
		" AND (?3 IS NULL OR o.owner_unit_id = ?3)" \
		" AND (?4 IS NULL OR o.level = ?4)" \
		" AND (?5 IS NULL OR o.status = ?5)" \
		" AND (?6 IS NULL OR o.parent_id = ?6)" \
		" AND (?7 IS NULL OR o.axis_id = ?7)" \
		" AND (?8 IS NULL OR o.due IS NULL OR o.due >= ?8)" \
		" AND (?9 IS NULL OR o.start IS NULL OR o.start <= ?9)" \
		" AND (?10 IS NULL OR coalesce(o.owner_unit_id, p.unit_id) IN" \
		"      (SELECT value FROM json_each(?10)))" \
		" AND (?11 IS NULL OR o.owner_person_id = ?12" \
		"      OR coalesce(o.owner_unit_id, p.unit_id) IN (SELECT value FROM json_each(?13))" \
		"      OR o.owner_unit_id IN (SELECT value FROM json_each(?14))" \
		"      OR o.id IN (SELECT value FROM json_each(?15)))"
	static const char sql[] = "SELECT " OBJ_COLS OBJ_FROM OBJ_WHERE
		" ORDER BY o.id LIMIT ?16 OFFSET ?17";
	static const char sql_count[] = "SELECT count(*), ?16, ?17" OBJ_FROM OBJ_WHERE;
	if (total) {
		sqlite3_stmt *cs = sq_prep(s, sql_count, e);
		if (!cs)
			return -1;
		bind_objective_filter(cs, org, f);
		int crc = sqlite3_step(cs);
		*total = crc == SQLITE_ROW ? (size_t)sqlite3_column_int64(cs, 0) : 0;
		sq_done(s, cs);
		if (crc != SQLITE_ROW)
			return sq_db_err(s, e);
	}
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	bind_objective_filter(st, org, f);
	size_t cap = 0, k = 0;
	struct objective *v = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_objective(st, a, arena_push(a, &v, &k, &cap, sizeof(*v)));
	}
	sq_done(s, st);
	if (rc != SQLITE_DONE)
		return sq_db_err(s, e);
	*out = v;
	*n = k;
	return 0;
}

int store_objective_parent(struct store *s, id_t64 org, id_t64 id, id_t64 *parent,
			   struct err *e)
{
	static const char sql[] = "SELECT parent_id FROM objective WHERE org_id = ? AND id = ?";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*parent = sqlite3_column_int64(st, 0);
	sq_done(s, st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return err_set(e, 404, "not_found", NULL, "objective", NULL);
	return sq_db_err(s, e);
}

int store_objective_ancestors_of_owned(struct store *s, id_t64 org, id_t64 person,
				       const struct ids *units, struct arena *a,
				       struct ids *out, struct err *e)
{
	/* the owned set is small; walk up from each owned objective */
	static const char sql[] =
		"WITH RECURSIVE up(id) AS (SELECT parent_id FROM objective WHERE org_id = ?1"
		" AND parent_id IS NOT NULL AND (owner_person_id = ?2 OR owner_unit_id IN"
		" (SELECT value FROM json_each(?3)))"
		" UNION SELECT o.parent_id FROM objective o JOIN up ON o.id = up.id"
		" WHERE o.parent_id IS NOT NULL) SELECT id FROM up ORDER BY id";
	static const struct ids none = { NULL, 0 };
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, person);
	sq_bind_ids(st, 3, units ? units : &none);
	return sq_collect_ids(s, st, a, out, e);
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
