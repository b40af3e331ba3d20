/* The SQLite backend for check-ins. */
#include <string.h>
#include "store/sqlite_int.h"

#define CHECKIN_COLS "c.id, c.org_id, c.objective_id, c.author_id, p.name, c.confidence," \
	" c.comment, c.value, c.attainment, c.created_at"

static void read_checkin(sqlite3_stmt *st, struct arena *a, struct checkin *c)
{
	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(st, 0);
	c->org_id = sqlite3_column_int64(st, 1);
	c->objective_id = sqlite3_column_int64(st, 2);
	c->author_id = sqlite3_column_int64(st, 3);
	c->author_name = sq_col_text(st, 4, a);
	int conf = confidence_parse((const char *)sqlite3_column_text(st, 5));
	c->confidence = conf > 0 ? (enum confidence)conf : CONF_NONE;
	c->comment = sq_col_text(st, 6, a);
	c->has_value = sqlite3_column_type(st, 7) != SQLITE_NULL;
	c->value = sqlite3_column_double(st, 7);
	c->has_attainment = sqlite3_column_type(st, 8) != SQLITE_NULL;
	c->attainment = sqlite3_column_double(st, 8);
	c->created_at = sqlite3_column_int64(st, 9);
}

int store_checkin_create(struct store *s, const struct checkin *c, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO checkin(org_id, objective_id, author_id, confidence,"
		" comment, value, attainment, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, c->org_id);
	sqlite3_bind_int64(st, 2, c->objective_id);
	sqlite3_bind_int64(st, 3, c->author_id);
	sq_bind_text(st, 4, confidence_name(c->confidence));
	sq_bind_text(st, 5, c->comment);
	sq_bind_opt(st, 6, c->has_value, c->value);
	sq_bind_opt(st, 7, c->has_attainment, c->attainment);
	sqlite3_bind_int64(st, 8, c->created_at);
	return sq_step_insert(s, st, id, e);
}

int store_checkin_list(struct store *s, id_t64 org, id_t64 objective, size_t limit,
		       size_t offset, struct arena *a, struct checkin **out, size_t *n,
		       size_t *total, struct err *e)
{
	static const char sql_count[] = "SELECT count(*) FROM checkin"
		" WHERE org_id = ?1 AND objective_id = ?2";
	static const char sql[] = "SELECT " CHECKIN_COLS " FROM checkin c"
		" LEFT JOIN person p ON p.id = c.author_id WHERE c.org_id = ?1"
		" AND c.objective_id = ?2 ORDER BY c.id DESC LIMIT ?3 OFFSET ?4";
	sqlite3_stmt *st = sq_prep(s, sql_count, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, objective);
	int rc = sqlite3_step(st);
	*total = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sq_done(s, st);
	if (rc != SQLITE_ROW)
		return sq_db_err(s, e);
	if (!(st = sq_prep(s, sql, e)))
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, objective);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)limit);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)offset);
	struct checkin *v = arena_alloc(a, (limit ? limit : 1) * sizeof(*v));
	size_t k = 0;
	while (k < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_checkin(st, a, &v[k++]);
	sq_done(s, st);
	if (k < limit && rc != SQLITE_DONE)
		return sq_db_err(s, e);
	*out = v;
	*n = k;
	return 0;
}

int store_checkin_last(struct store *s, id_t64 org, const struct ids *objectives,
		       struct arena *a, struct checkin **out, struct err *e)
{
	/* the newest of each: the greatest id per objective, through the index */
	static const char sql[] = "SELECT " CHECKIN_COLS " FROM json_each(?2) o"
		" CROSS JOIN checkin c ON c.id = (SELECT max(id) FROM checkin"
		" WHERE objective_id = o.value) LEFT JOIN person p ON p.id = c.author_id"
		" WHERE c.org_id = ?1";
	struct checkin *v = arena_alloc(a, (objectives->n ? objectives->n : 1) * sizeof(*v));
	*out = v;
	if (!objectives->n)
		return 0;
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_ids(st, 2, objectives);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct checkin c;
		read_checkin(st, a, &c);
		for (size_t i = 0; i < objectives->n; i++)
			if (objectives->v[i] == c.objective_id)
				v[i] = c;
	}
	sq_done(s, st);
	return rc == SQLITE_DONE ? 0 : sq_db_err(s, e);
}
