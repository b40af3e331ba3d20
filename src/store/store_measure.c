/* Measure states (store.h): an indicator's mergeable state (core/indicator.h)
 * for each person and each unit, by month, the month's days in turn. How a
 * month row is stored is the driver's (db.h: month_merge, month_scan,
 * month_clear; SQLite packs its key, db_sqlite_measure.c); what this file
 * does is the same on every engine: a scan cut into days within the range
 * asked, a unit's rows rebuilt from its people's when its subtree changes,
 * and the two migrations that brought states to month rows (0006) and gave
 * units their own (0009). */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "core/indicator.h"
#include "store/store_int.h"

/* far enough for any month a driver keeps */
#define DAY_LAST date_from_ymd(9999, 12, 31)

static size_t days_of(day_t month)
{
	int y, m, d;
	date_to_ymd(month, &y, &m, &d);
	return (size_t)date_days_in_month(y, m);
}

int store_measure_merge_month(struct store *s, id_t64 indicator, id_t64 person, day_t month,
			      const double *days, size_t nvals, struct err *e)
{
	return s->db->drv->month_merge(s->db, indicator, DB_PERSON, person, month, days, nvals, e);
}

int store_measure_merge_unit_month(struct store *s, id_t64 indicator, id_t64 unit, day_t month,
				   const double *days, size_t nvals, struct err *e)
{
	return s->db->drv->month_merge(s->db, indicator, DB_UNIT, unit, month, days, nvals, e);
}

int store_measure_merge_months(struct store *s, const struct measure_month_row *v, size_t n,
			       struct err *e)
{
	const struct db_driver *drv = s->db->drv;
	if (drv->month_merge_many)
		return n ? drv->month_merge_many(s->db, v, n, e) : 0;
	for (size_t i = 0; i < n; i++)
		if (drv->month_merge(s->db, v[i].indicator, v[i].unit ? DB_UNIT : DB_PERSON,
				     v[i].owner, v[i].month, v[i].days, v[i].nvals, e))
			return -1;
	return 0;
}

int store_measure_clear(struct store *s, id_t64 indicator, struct err *e)
{
	return s->db->drv->month_clear(s->db, indicator, DB_PERSON, 0, e);
}

/* a day whose groups all count nothing had no record */
static bool state_empty(const double *st, size_t nvals)
{
	for (size_t i = 0; i < nvals; i += 4)
		if (st[i] != 0)
			return false;
	return true;
}

struct day_scan {
	day_t from, to;
	measure_row_fn fn;
	void *ctx;
};

/* A month row cut into its days with records within [from, to]. */
static int on_month(void *ctx, id_t64 id, day_t month, const double *days, size_t nvals)
{
	struct day_scan *x = ctx;
	size_t ndays = days_of(month);
	if (x->to < month)
		return 0;
	size_t i0 = x->from > month ? (size_t)(x->from - month) : 0;
	size_t i1 = x->to - month < (day_t)ndays ? (size_t)(x->to - month) + 1 : ndays;
	for (size_t i = i0; i < i1; i++) {
		const double *st = days + i * nvals;
		if (!state_empty(st, nvals) && x->fn(x->ctx, id, month + (day_t)i, st, nvals))
			return 1;
	}
	return 0;
}

static int scan(struct store *s, id_t64 indicator, enum db_owner owner, const struct ids *ids,
		day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e)
{
	struct day_scan x = { from, to, fn, ctx };
	return s->db->drv->month_scan(s->db, indicator, owner, ids, from, to, on_month, &x, e);
}

int store_measure_scan(struct store *s, id_t64 indicator, const struct ids *people,
		       day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e)
{
	return scan(s, indicator, DB_PERSON, people, from, to, fn, ctx, e);
}

int store_measure_scan_units(struct store *s, id_t64 indicator, const struct ids *units,
			     day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e)
{
	return scan(s, indicator, DB_UNIT, units, from, to, fn, ctx, e);
}

/* ---- a unit's rows, from its people's ---- */

struct month_acc {
	day_t month;
	size_t nvals;
	double *v;  /* days_of(month) * nvals */
};

struct unit_acc {
	struct month_acc *m;
	size_t n, cap;
};

/* Each month's rows merged element-wise: n and sum add up, min and max. */
static int on_person_month(void *ctx, id_t64 id, day_t month, const double *days, size_t nvals)
{
	struct unit_acc *u = ctx;
	(void)id;
	size_t len = days_of(month) * nvals, k = 0;
	while (k < u->n && u->m[k].month != month)
		k++;
	if (k == u->n) {
		if (u->n == u->cap) {
			u->cap = u->cap ? 2 * u->cap : 16;
			struct month_acc *na = realloc(u->m, u->cap * sizeof(*u->m));
			if (!na)
				abort();
			u->m = na;
		}
		double *v = malloc(len * sizeof(double));
		if (!v)
			abort();
		memcpy(v, days, len * sizeof(double));
		u->m[u->n++] = (struct month_acc){ month, nvals, v };
		return 0;
	}
	if (u->m[k].nvals != nvals)
		return 0;  /* another shape: left to the backfill */
	double *into = u->m[k].v;
	for (size_t i = 0; i + 3 < len; i += 4) {
		into[i] += days[i];
		into[i + 1] += days[i + 1];
		into[i + 2] = fmin(into[i + 2], days[i + 2]);
		into[i + 3] = fmax(into[i + 3], days[i + 3]);
	}
	return 0;
}

/* One unit's rows of one indicator, made again from its people's. */
static int rebuild_unit(struct store *s, id_t64 indicator, id_t64 unit, const struct ids *people,
			struct err *e)
{
	const struct db_driver *drv = s->db->drv;
	if (drv->month_clear(s->db, indicator, DB_UNIT, unit, e))
		return -1;
	if (!people->n)
		return 0;
	struct unit_acc u = { NULL, 0, 0 };
	int failed = drv->month_scan(s->db, indicator, DB_PERSON, people, 0, DAY_LAST,
				     on_person_month, &u, e);
	for (size_t k = 0; k < u.n; k++) {
		if (!failed)
			failed = drv->month_merge(s->db, indicator, DB_UNIT, unit, u.m[k].month,
						  u.m[k].v, u.m[k].nvals, e);
		free(u.m[k].v);
	}
	free(u.m);
	return failed ? -1 : 0;
}

int store_measure_units_rebuild(struct store *s, id_t64 org, const struct ids *units,
				struct err *e)
{
	static const char sql[] = "SELECT id FROM indicator WHERE org_id = ?1 ORDER BY id";
	struct arena a;
	arena_init(&a);
	struct ids inds;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st) {
		arena_free(&a);
		return -1;
	}
	db_bind_int64(st, 1, org);
	int rc = db_collect_ids(st, &a, &inds, e);
	for (size_t i = 0; !rc && i < units->n; i++) {
		struct ids sub, people;
		if ((rc = store_unit_subtree(s, org, units->v[i], &a, &sub, e)))
			break;
		if ((rc = store_people_of_units(s, org, &sub, &a, &people, e)))
			break;
		for (size_t k = 0; !rc && k < inds.n; k++)
			rc = rebuild_unit(s, inds.v[k], units->v[i], &people, e);
	}
	arena_free(&a);
	return rc;
}

/* The units whose subtree gains or loses someone when a person (or a unit)
 * moves from under old to under new: the chains' difference. */
int store_measure_moved(struct store *s, id_t64 org, id_t64 old_unit, id_t64 new_unit,
			struct err *e)
{
	if (old_unit == new_unit)
		return 0;
	struct arena a;
	arena_init(&a);
	struct ids co = { NULL, 0 }, cn = { NULL, 0 }, diff;
	int rc = (old_unit && store_unit_chain(s, org, old_unit, &a, &co, e)) ||
		 (new_unit && store_unit_chain(s, org, new_unit, &a, &cn, e));
	if (!rc) {
		diff.v = arena_alloc(&a, (co.n + cn.n + 1) * sizeof(id_t64));
		diff.n = 0;
		/* both sorted: the ids in exactly one of them */
		size_t i = 0, j = 0;
		while (i < co.n || j < cn.n) {
			if (j == cn.n || (i < co.n && co.v[i] < cn.v[j]))
				diff.v[diff.n++] = co.v[i++];
			else if (i == co.n || cn.v[j] < co.v[i])
				diff.v[diff.n++] = cn.v[j++];
			else
				i++, j++;
		}
		rc = store_measure_units_rebuild(s, org, &diff, e);
	}
	arena_free(&a);
	return rc ? -1 : 0;
}

/* ---- migration hooks ---- */

/* 0009: every unit's rows, from its people's. */
int store_measure_units_all(struct store *s, struct err *e)
{
	static const char sql_orgs[] = "SELECT id FROM org ORDER BY id";
	static const char sql_units[] = "SELECT id FROM unit WHERE org_id = ?1 ORDER BY id";
	struct arena a;
	arena_init(&a);
	struct ids orgs;
	struct db_stmt *st = db_prep(s->db, sql_orgs, e);
	int rc = !st || db_collect_ids(st, &a, &orgs, e);
	for (size_t i = 0; !rc && i < orgs.n; i++) {
		struct ids units;
		rc = !(st = db_prep(s->db, sql_units, e));
		if (!rc) {
			db_bind_int64(st, 1, orgs.v[i]);
			rc = db_collect_ids(st, &a, &units, e) ||
			     store_measure_units_rebuild(s, orgs.v[i], &units, e);
		}
	}
	arena_free(&a);
	return rc ? -1 : 0;
}

/* 0006: the per-day rows of measure_day (migration 0004) become month rows,
 * then measure_day goes. Rows of a bad length are left out. */
int store_measure_days_to_months(struct store *s, struct err *e)
{
	static const char sql[] = "SELECT indicator_id, person_id, day, state FROM measure_day"
		" ORDER BY indicator_id, person_id, day";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	double buf[31 * 4 * IND_MAX_SLOTS];
	id_t64 ind = 0, person = 0;
	day_t month = 0;
	size_t nvals = 0;
	bool open = false;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		id_t64 i = db_col_int64(st, 0), p = db_col_int64(st, 1);
		day_t d = (day_t)db_col_int64(st, 2);
		size_t bytes;
		const void *state = db_col_blob(st, 3, &bytes);
		size_t n = bytes / sizeof(double);
		if (!n || n % 4 || n > 4 * IND_MAX_SLOTS || bytes % sizeof(double))
			continue;
		day_t ms = date_month_start(d);
		if (open && (i != ind || p != person || ms != month || n != nvals)) {
			if (store_measure_merge_month(s, ind, person, month, buf, nvals, e))
				goto fail;
			open = false;
		}
		if (!open) {
			ind = i;
			person = p;
			month = ms;
			nvals = n;
			for (size_t k = 0; k < 31 * n; k += 4) {
				buf[k] = buf[k + 1] = 0;
				buf[k + 2] = INFINITY;
				buf[k + 3] = -INFINITY;
			}
			open = true;
		}
		memcpy(buf + (size_t)(d - ms) * n, state, bytes);
	}
	if (rc < 0)
		goto fail;
	db_done(st);
	if (open && store_measure_merge_month(s, ind, person, month, buf, nvals, e))
		return -1;
	return db_exec(s->db, "DROP TABLE measure_day", e);
fail:
	db_done(st);
	return -1;
}
