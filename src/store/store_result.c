/* Kept objective results (store_result.h), in cible SQL over the driver
 * seam (db.h). A figure that is not a number is NULL. */
#include <math.h>
#include <string.h>
#include "store/store_result.h"
#include "store/store_int.h"

int store_result_org(struct store *s, id_t64 org, bool *exists, int64_t *gen, day_t *kept_on,
		     struct err *e)
{
	static const char sql[] = "SELECT gen, kept_on FROM objective_result_org WHERE org_id = ?1";
	*exists = false;
	*gen = 0;
	*kept_on = DAY_NONE;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	int rc = db_step(st, e);
	if (rc > 0) {
		*exists = true;
		*gen = db_col_int64(st, 0);
		*kept_on = db_col_day(st, 1);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_result_org_set(struct store *s, id_t64 org, int64_t gen, day_t kept_on,
			 struct err *e)
{
	static const char sql[] = "INSERT INTO objective_result_org(org_id, gen, kept_on)"
		" VALUES (?1, ?2, ?3) ON CONFLICT (org_id) DO UPDATE SET gen = excluded.gen,"
		" kept_on = excluded.kept_on";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, gen);
	db_bind_day(st, 3, kept_on);
	return db_run(st, e) < 0 ? -1 : 0;
}

static void bind_num(struct db_stmt *st, int i, double v)
{
	if (isnan(v))
		db_bind_null(st, i, DB_DOUBLE);
	else
		db_bind_double(st, i, v);
}

static double col_num(struct db_stmt *st, int i)
{
	return db_col_null(st, i) ? NAN : db_col_double(st, i);
}

#define RESULT_COLS "objective_id, day, version, gen, value, progress, attainment, expected," \
	" expected_working, forecast, forecast_attainment, days_left, status, series"

int store_results_put(struct store *s, id_t64 org, const struct result_row *rows, size_t n,
		      struct err *e)
{
	static const char sql[] = "INSERT INTO objective_result(org_id, " RESULT_COLS ")"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
		" ON CONFLICT (org_id, objective_id) DO UPDATE SET day = excluded.day,"
		" version = excluded.version, gen = excluded.gen, value = excluded.value,"
		" progress = excluded.progress, attainment = excluded.attainment,"
		" expected = excluded.expected, expected_working = excluded.expected_working,"
		" forecast = excluded.forecast, forecast_attainment = excluded.forecast_attainment,"
		" days_left = excluded.days_left, status = excluded.status, series = excluded.series";
	for (size_t i = 0; i < n; i++) {
		const struct result_row *r = &rows[i];
		struct db_stmt *st = db_prep(s->db, sql, e);
		if (!st)
			return -1;
		db_bind_int64(st, 1, org);
		db_bind_int64(st, 2, r->objective);
		db_bind_day(st, 3, r->day);
		db_bind_int64(st, 4, r->version);
		db_bind_int64(st, 5, r->gen);
		bind_num(st, 6, r->value);
		db_bind_int64(st, 7, r->progress);
		bind_num(st, 8, r->attainment);
		bind_num(st, 9, r->expected);
		bind_num(st, 10, r->expected_working);
		bind_num(st, 11, r->forecast);
		bind_num(st, 12, r->forecast_attainment);
		db_bind_int64(st, 13, r->days_left);
		db_bind_text(st, 14, r->status);
		db_bind_text(st, 15, r->series);
		if (db_run(st, e) < 0)
			return -1;
	}
	return 0;
}

int store_results_get(struct store *s, id_t64 org, const struct ids *ids, day_t day,
		      int64_t gen, struct arena *a, struct result_row **out, size_t *n,
		      struct err *e)
{
	static const char sql[] = "SELECT " RESULT_COLS " FROM objective_result"
		" WHERE org_id = ?1 AND objective_id IN " DB_IDS(2) " AND day = ?3 AND gen = ?4"
		" ORDER BY objective_id";
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, ids);
	db_bind_day(st, 3, day);
	db_bind_int64(st, 4, gen);
	struct result_row *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct result_row *r = arena_push(a, &v, &k, &cap, sizeof(*v));
		r->objective = db_col_int64(st, 0);
		r->day = db_col_day(st, 1);
		r->version = db_col_int64(st, 2);
		r->gen = db_col_int64(st, 3);
		r->value = col_num(st, 4);
		r->progress = db_col_int64(st, 5) != 0;
		r->attainment = col_num(st, 6);
		r->expected = col_num(st, 7);
		r->expected_working = col_num(st, 8);
		r->forecast = col_num(st, 9);
		r->forecast_attainment = col_num(st, 10);
		r->days_left = (int)db_col_int64(st, 11);
		r->status = db_col_str(st, 12, a);
		r->series = db_col_str(st, 13, a);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_results_purge(struct store *s, id_t64 org, day_t day, int64_t gen, struct err *e)
{
	static const char sql[] = "DELETE FROM objective_result WHERE org_id = ?1"
		" AND (day <> ?2 OR gen <> ?3)";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_day(st, 2, day);
	db_bind_int64(st, 3, gen);
	return db_run(st, e) < 0 ? -1 : 0;
}
