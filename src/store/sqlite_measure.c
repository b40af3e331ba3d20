/* The SQLite backend for measurement: indicators, per-day measure states,
 * record scans and saved import mappings. */
#include <math.h>
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

/* --- measure states ------------------------------------------------------- */

/* A month's row is keyed by indicator << 40 | person << 16 | month index
 * (months since January 1970): one person's months are one range of the
 * table's own B-tree, read without a second index, and the row (a state for
 * each day of the month, a few kilobytes) stays in its page, as it would not
 * in a WITHOUT ROWID table. */
#define KEY_IND_BITS 23
#define KEY_PERSON_BITS 24
#define KEY_MONTH_BITS 16

static int64_t month_index(day_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return (int64_t)(y - 1970) * 12 + (m - 1);
}

static int64_t month_key(id_t64 indicator, id_t64 person, int64_t month)
{
	return (int64_t)(((uint64_t)indicator << (KEY_PERSON_BITS + KEY_MONTH_BITS)) |
			 ((uint64_t)person << KEY_MONTH_BITS) | (uint64_t)month);
}

static int key_fits(id_t64 indicator, id_t64 field, int64_t month, struct err *e)
{
	if (indicator > 0 && indicator < (1 << KEY_IND_BITS) && field > 0 &&
	    field < (1 << KEY_PERSON_BITS) && month >= 0 && month < (1 << KEY_MONTH_BITS))
		return 0;
	return err_set(e, 500, "internal", NULL,
		       "measure states: an indicator, person, unit or month beyond the store's range",
		       NULL);
}

/* A unit's rows (the merge of everyone in its subtree) sit beside the
 * people's, their person field marked with this bit: people and units stay
 * below it. */
#define UNIT_MARK ((id_t64)1 << (KEY_PERSON_BITS - 1))

static int merge_field(struct store *s, id_t64 indicator, id_t64 field, day_t month,
		       const double *days, size_t nvals, struct err *e)
{
	static const char sql[] = "INSERT INTO measure_month(key, indicator_id, person_id, month, days)"
		" VALUES (?, ?, ?, ?, ?) ON CONFLICT (key)"
		" DO UPDATE SET days = cible_merge(days, excluded.days)";
	int64_t mi = month_index(month);
	if (key_fits(indicator, field, mi, e))
		return -1;
	int y, m, d;
	date_to_ymd(month, &y, &m, &d);
	size_t bytes = (size_t)date_days_in_month(y, m) * nvals * sizeof(double);
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, month_key(indicator, field, mi));
	sqlite3_bind_int64(st, 2, indicator);
	sqlite3_bind_int64(st, 3, field);
	sqlite3_bind_int(st, 4, date_month_start(month));
	sqlite3_bind_blob(st, 5, days, (int)bytes, SQLITE_STATIC);
	return sq_step_done(s, st, e);
}

int store_measure_merge_month(struct store *s, id_t64 indicator, id_t64 person, day_t month,
			      const double *days, size_t nvals, struct err *e)
{
	if (person <= 0 || person >= UNIT_MARK)
		return key_fits(0, 0, 0, e);
	return merge_field(s, indicator, person, month, days, nvals, e);
}

int store_measure_merge_unit_month(struct store *s, id_t64 indicator, id_t64 unit, day_t month,
				   const double *days, size_t nvals, struct err *e)
{
	if (unit <= 0 || unit >= UNIT_MARK)
		return key_fits(0, 0, 0, e);
	return merge_field(s, indicator, UNIT_MARK | unit, month, days, nvals, e);
}

int store_measure_clear(struct store *s, id_t64 indicator, struct err *e)
{
	static const char sql[] = "DELETE FROM measure_month WHERE key BETWEEN ? AND ?";
	if (key_fits(indicator, 1, 0, e))
		return -1;
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, month_key(indicator, 0, 0));
	sqlite3_bind_int64(st, 2, month_key(indicator + 1, 0, 0) - 1);
	return sq_step_done(s, st, e);
}

/* a day whose groups all count nothing had no record */
static bool state_empty(const double *st, size_t nvals)
{
	for (size_t i = 0; i < nvals; i += 4)
		if (st[i] != 0)
			return false;
	return true;
}

/* The rows of people (mark 0) or units (UNIT_MARK) for ids (NULL: every
 * person), day by day. */
static int scan_fields(struct store *s, id_t64 indicator, const struct ids *ids, id_t64 mark,
		       day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e)
{
	/* everyone: the indicator's range of people's keys; a set: a range per
	 * id (CROSS JOIN keeps the set outside, so each is one seek) */
	static const char sql_all[] = "SELECT person_id, month, days FROM measure_month"
		" WHERE key BETWEEN ?1 AND ?2 AND month BETWEEN ?3 AND ?4";
	static const char sql_set[] = "SELECT m.person_id, m.month, m.days FROM json_each(?5) p"
		" CROSS JOIN measure_month m ON m.key BETWEEN ?1 + ((p.value + ?8) << 16) + ?6"
		" AND ?1 + ((p.value + ?8) << 16) + ?7";
	if (from > to)
		return 0;
	if (key_fits(indicator, 1, 0, e))
		return -1;
	int64_t mfrom = month_index(from), mto = month_index(to);
	if (mfrom < 0)
		mfrom = 0;
	if (mto >= 1 << KEY_MONTH_BITS)
		mto = (1 << KEY_MONTH_BITS) - 1;
	sqlite3_stmt *st = sq_prep(s, ids ? sql_set : sql_all, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, month_key(indicator, 0, 0));
	if (ids) {
		sq_bind_ids(st, 5, ids);
		sqlite3_bind_int64(st, 6, mfrom);
		sqlite3_bind_int64(st, 7, mto);
		sqlite3_bind_int64(st, 8, mark);
	} else {
		sqlite3_bind_int64(st, 2, month_key(indicator, UNIT_MARK, 0) - 1);
		sqlite3_bind_int(st, 3, date_month_start(from));
		sqlite3_bind_int(st, 4, to);
	}
	double buf[31 * 4 * IND_MAX_SLOTS];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t month = sqlite3_column_int(st, 1);
		int y, m, d;
		date_to_ymd(month, &y, &m, &d);
		size_t ndays = (size_t)date_days_in_month(y, m);
		size_t bytes = (size_t)sqlite3_column_bytes(st, 2);
		size_t nvals = bytes / sizeof(double) / ndays;
		if (bytes > sizeof(buf) || nvals % 4 || nvals * ndays * sizeof(double) != bytes)
			continue;  /* a state from another shape of the indicator: ignored */
		memcpy(buf, sqlite3_column_blob(st, 2), bytes);  /* the blob need not be aligned */
		id_t64 id = sqlite3_column_int64(st, 0) & (UNIT_MARK - 1);
		size_t i0 = from > month ? (size_t)(from - month) : 0;
		size_t i1 = to - month < (day_t)ndays ? (size_t)(to - month) + 1 : ndays;
		for (size_t i = i0; i < i1; i++) {
			const double *dst = buf + i * nvals;
			if (state_empty(dst, nvals))
				continue;
			if (fn(ctx, id, month + (day_t)i, dst, nvals)) {
				sq_done(s, st);
				return 0;
			}
		}
	}
	sq_done(s, st);
	return rc == SQLITE_DONE ? 0 : sq_db_err(s, e);
}

int store_measure_scan(struct store *s, id_t64 indicator, const struct ids *people,
		       day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e)
{
	return scan_fields(s, indicator, people, 0, from, to, fn, ctx, e);
}

int store_measure_scan_units(struct store *s, id_t64 indicator, const struct ids *units,
			     day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e)
{
	return scan_fields(s, indicator, units, UNIT_MARK, from, to, fn, ctx, e);
}

/* month blobs merged element-wise: n and sum add up, min and max */
static void merge_blob(double *into, const double *from, size_t n)
{
	for (size_t i = 0; i + 3 < n; i += 4) {
		into[i] += from[i];
		into[i + 1] += from[i + 1];
		into[i + 2] = fmin(into[i + 2], from[i + 2]);
		into[i + 3] = fmax(into[i + 3], from[i + 3]);
	}
}

struct month_acc {
	day_t month;
	size_t bytes;
	double *v;
};

/* One unit's rows of one indicator, made again from its people's. */
static int rebuild_unit(struct store *s, id_t64 indicator, id_t64 unit, const struct ids *people,
			struct err *e)
{
	static const char sql_del[] = "DELETE FROM measure_month WHERE key BETWEEN ? AND ?";
	static const char sql[] = "SELECT m.month, m.days FROM json_each(?2) p"
		" CROSS JOIN measure_month m ON m.key BETWEEN ?1 + (p.value << 16)"
		" AND ?1 + (p.value << 16) + 65535";
	id_t64 field = UNIT_MARK | unit;
	if (key_fits(indicator, field, 0, e))
		return -1;
	sqlite3_stmt *st = sq_prep(s, sql_del, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, month_key(indicator, field, 0));
	sqlite3_bind_int64(st, 2, month_key(indicator, field + 1, 0) - 1);
	if (sq_step_done(s, st, e))
		return -1;
	if (!people->n)
		return 0;
	if (!(st = sq_prep(s, sql, e)))
		return -1;
	sqlite3_bind_int64(st, 1, month_key(indicator, 0, 0));
	sq_bind_ids(st, 2, people);
	struct month_acc *acc = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t month = sqlite3_column_int(st, 0);
		size_t bytes = (size_t)sqlite3_column_bytes(st, 1);
		if (!bytes || bytes % (4 * sizeof(double)) || bytes > 31 * 4 * IND_MAX_SLOTS * sizeof(double))
			continue;
		size_t k = 0;
		while (k < n && acc[k].month != month)
			k++;
		if (k == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				struct month_acc *na = realloc(acc, cap * sizeof(*acc));
				if (!na)
					abort();
				acc = na;
			}
			acc[n].month = month;
			acc[n].bytes = bytes;
			acc[n].v = malloc(bytes);
			if (!acc[n].v)
				abort();
			memcpy(acc[n++].v, sqlite3_column_blob(st, 1), bytes);
			continue;
		}
		if (acc[k].bytes != bytes)
			continue;  /* another shape: left to the backfill */
		double tmp[31 * 4 * IND_MAX_SLOTS];
		memcpy(tmp, sqlite3_column_blob(st, 1), bytes);
		merge_blob(acc[k].v, tmp, bytes / sizeof(double));
	}
	sq_done(s, st);
	int failed = rc != SQLITE_DONE ? sq_db_err(s, e) : 0;
	for (size_t k = 0; k < n; k++) {
		if (!failed) {
			int y, m, d;
			date_to_ymd(acc[k].month, &y, &m, &d);
			size_t nvals = acc[k].bytes / sizeof(double) / (size_t)date_days_in_month(y, m);
			failed = merge_field(s, indicator, field, acc[k].month, acc[k].v, nvals, e);
		}
		free(acc[k].v);
	}
	free(acc);
	return failed ? -1 : 0;
}

int store_measure_units_rebuild(struct store *s, id_t64 org, const struct ids *units,
				struct err *e)
{
	struct arena a;
	arena_init(&a);
	struct ids inds;
	sqlite3_stmt *st = sq_prep(s, "SELECT id FROM indicator WHERE org_id = ? ORDER BY id", e);
	if (!st) {
		arena_free(&a);
		return -1;
	}
	sqlite3_bind_int64(st, 1, org);
	int rc = sq_collect_ids(s, st, &a, &inds, e);
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
int sq_measure_moved(struct store *s, id_t64 org, id_t64 old_unit, id_t64 new_unit, struct err *e)
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

/* Migration 9: every unit's rows, from its people's. */
int sq_measure_units_all(struct store *s, struct err *e)
{
	struct arena a;
	arena_init(&a);
	struct ids orgs;
	sqlite3_stmt *st = sq_prep(s, "SELECT id FROM org ORDER BY id", e);
	int rc = !st || sq_collect_ids(s, st, &a, &orgs, e);
	for (size_t i = 0; !rc && i < orgs.n; i++) {
		struct ids units;
		rc = !(st = sq_prep(s, "SELECT id FROM unit WHERE org_id = ? ORDER BY id", e));
		if (!rc) {
			sqlite3_bind_int64(st, 1, orgs.v[i]);
			rc = sq_collect_ids(s, st, &a, &units, e) ||
			     store_measure_units_rebuild(s, orgs.v[i], &units, e);
		}
	}
	arena_free(&a);
	return rc ? -1 : 0;
}

/* Migration 6: the per-day rows of measure_day become month rows. */
int sq_measure_days_to_months(struct store *s, struct err *e)
{
	static const char sql[] = "SELECT indicator_id, person_id, day, state FROM measure_day"
		" ORDER BY indicator_id, person_id, day";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(sq_h(s), sql, -1, &st, NULL) != SQLITE_OK)
		return sq_db_err(s, e);
	double buf[31 * 4 * IND_MAX_SLOTS];
	id_t64 ind = 0, person = 0;
	day_t month = 0;
	size_t nvals = 0;
	bool open = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id_t64 i = sqlite3_column_int64(st, 0), p = sqlite3_column_int64(st, 1);
		day_t d = sqlite3_column_int(st, 2);
		size_t bytes = (size_t)sqlite3_column_bytes(st, 3);
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
		memcpy(buf + (size_t)(d - ms) * n, sqlite3_column_blob(st, 3), bytes);
	}
	if (rc != SQLITE_DONE) {
		sq_db_err(s, e);
		goto fail;
	}
	if (open && store_measure_merge_month(s, ind, person, month, buf, nvals, e))
		goto fail;
	sqlite3_finalize(st);
	return sq_exec(s, "DROP TABLE measure_day", e);
fail:
	sqlite3_finalize(st);
	return -1;
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

/* Transitional names of the migration hooks (store_int.h). */
int store_measure_days_to_months(struct store *s, struct err *e)
{
	return sq_measure_days_to_months(s, e);
}

int store_measure_units_all(struct store *s, struct err *e)
{
	return sq_measure_units_all(s, e);
}

int store_indicator_catalog_all(struct store *s, struct err *e)
{
	return store_indicator_install_catalog(s, 0, e);
}

int store_measure_moved(struct store *s, id_t64 org, id_t64 old_unit, id_t64 new_unit,
			struct err *e)
{
	return sq_measure_moved(s, org, old_unit, new_unit, e);
}
