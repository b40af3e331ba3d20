/* The SQLite driver's measure rows (db.h: month_merge, month_scan,
 * month_clear). A month's row is keyed by
 *   indicator << 40 | owner << 16 | month index (months since January 1970)
 * in measure_month's rowid, so one person's months are one range of the
 * table's own B-tree, read without a second index, and the row (a state for
 * each day of the month, a few kilobytes) stays in its page, as it would not
 * in a WITHOUT ROWID table. A unit's rows sit beside the people's, the owner
 * field marked with bit 23. So indicators, people and units stay below 2^23
 * here; a write beyond is refused. The upsert merges states in SQL through
 * cible_merge(), a function this file registers on each connection. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "core/indicator.h"
#include "store/db_sqlite.h"

#define KEY_IND_BITS 23
#define KEY_OWNER_BITS 24
#define KEY_MONTH_BITS 16
#define UNIT_MARK ((id_t64)1 << (KEY_OWNER_BITS - 1))

/* cible_merge(a, b): two measure states (groups of n, sum, min, max as
 * doubles) merged. */
static void fn_merge(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	int la = sqlite3_value_bytes(argv[0]), lb = sqlite3_value_bytes(argv[1]);
	const void *pa = sqlite3_value_blob(argv[0]), *pb = sqlite3_value_blob(argv[1]);
	if (la != lb || la % (int)(4 * sizeof(double))) {
		sqlite3_result_error(cx, "cible_merge: states of different shapes", -1);
		return;
	}
	size_t n = (size_t)la / sizeof(double);
	double *out = sqlite3_malloc(la > 0 ? la : 1);
	if (!out) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	if (n) {
		double *b = sqlite3_malloc(lb);
		if (!b) {
			sqlite3_free(out);
			sqlite3_result_error_nomem(cx);
			return;
		}
		memcpy(out, pa, (size_t)la);
		memcpy(b, pb, (size_t)lb);
		for (size_t i = 0; i < n; i += 4) {
			out[i] += b[i];
			out[i + 1] += b[i + 1];
			out[i + 2] = fmin(out[i + 2], b[i + 2]);
			out[i + 3] = fmax(out[i + 3], b[i + 3]);
		}
		sqlite3_free(b);
	}
	sqlite3_result_blob(cx, out, la, sqlite3_free);
}

int sq_measure_register(sqlite3 *h, struct err *e)
{
	if (sqlite3_create_function(h, "cible_merge", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
				    fn_merge, NULL, NULL) != SQLITE_OK)
		return sq_fail(h, e);
	return 0;
}

static int64_t month_index(day_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return (int64_t)(y - 1970) * 12 + (m - 1);
}

static int64_t month_key(id_t64 indicator, id_t64 owner, int64_t month)
{
	return (int64_t)(((uint64_t)indicator << (KEY_OWNER_BITS + KEY_MONTH_BITS)) |
			 ((uint64_t)owner << KEY_MONTH_BITS) | (uint64_t)month);
}

static int key_fits(id_t64 indicator, id_t64 field, int64_t month, struct err *e)
{
	if (indicator > 0 && indicator < (1 << KEY_IND_BITS) && field > 0 &&
	    field < (1 << KEY_OWNER_BITS) && month >= 0 && month < (1 << KEY_MONTH_BITS))
		return 0;
	return err_set(e, 500, "internal", NULL,
		       "measure states: an indicator, person, unit or month beyond the store's range",
		       NULL);
}

/* The owner field of the key: a person's id, or a unit's marked. */
static int owner_field(enum db_owner owner, id_t64 id, id_t64 *field, struct err *e)
{
	if (id <= 0 || id >= UNIT_MARK)
		return key_fits(0, 0, 0, e);
	*field = owner == DB_UNIT ? UNIT_MARK | id : id;
	return 0;
}

int sq_month_merge(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
		   day_t month, const double *days, size_t nvals, struct err *e)
{
	static const char sql[] = "INSERT INTO measure_month(key, indicator_id, person_id, month, days)"
		" VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key)"
		" DO UPDATE SET days = cible_merge(days, excluded.days)";
	id_t64 field = 0;
	if (owner_field(owner, id, &field, e))
		return -1;
	int64_t mi = month_index(month);
	if (key_fits(indicator, field, mi, e))
		return -1;
	int y, m, d;
	date_to_ymd(month, &y, &m, &d);
	size_t bytes = (size_t)date_days_in_month(y, m) * nvals * sizeof(double);
	struct db_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	sqlite3_stmt *h = sq_stmt_handle(st);
	sqlite3_bind_int64(h, 1, month_key(indicator, field, mi));
	sqlite3_bind_int64(h, 2, indicator);
	sqlite3_bind_int64(h, 3, field);
	sqlite3_bind_int(h, 4, date_month_start(month));
	sqlite3_bind_blob(h, 5, days, (int)bytes, SQLITE_STATIC);
	return db_run(st, e);
}

int sq_month_clear(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
		   struct err *e)
{
	static const char sql[] = "DELETE FROM measure_month WHERE key BETWEEN ?1 AND ?2";
	id_t64 field = 0;
	if (id && owner_field(owner, id, &field, e))
		return -1;
	if (key_fits(indicator, id ? field : 1, 0, e))
		return -1;
	struct db_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	sqlite3_stmt *h = sq_stmt_handle(st);
	if (id) {
		sqlite3_bind_int64(h, 1, month_key(indicator, field, 0));
		sqlite3_bind_int64(h, 2, month_key(indicator, field + 1, 0) - 1);
	} else {
		sqlite3_bind_int64(h, 1, month_key(indicator, 0, 0));
		sqlite3_bind_int64(h, 2, month_key(indicator + 1, 0, 0) - 1);
	}
	return db_run(st, e);
}

int sq_month_scan(struct db *db, id_t64 indicator, enum db_owner owner, const struct ids *ids,
		  day_t from, day_t to, db_month_fn fn, void *ctx, struct err *e)
{
	/* everyone: the indicator's range of people's (or units') keys; a set: a
	 * range per id (CROSS JOIN keeps the set outside, so each is one seek) */
	static const char sql_all[] = "SELECT person_id, month, days FROM measure_month"
		" WHERE key BETWEEN ?1 AND ?2 AND month BETWEEN ?3 AND ?4";
	static const char sql_set[] = "SELECT m.person_id, m.month, m.days FROM json_each(?5) p"
		" CROSS JOIN measure_month m ON m.key BETWEEN ?1 + ((p.value + ?8) << 16) + ?6"
		" AND ?1 + ((p.value + ?8) << 16) + ?7";
	if (from > to)
		return 0;
	if (key_fits(indicator, 1, 0, e))
		return -1;
	id_t64 mark = owner == DB_UNIT ? UNIT_MARK : 0;
	int64_t mfrom = month_index(from), mto = month_index(to);
	if (mfrom < 0)
		mfrom = 0;
	if (mto >= 1 << KEY_MONTH_BITS)
		mto = (1 << KEY_MONTH_BITS) - 1;
	struct db_stmt *st = db_prep(db, ids ? sql_set : sql_all, e);
	if (!st)
		return -1;
	sqlite3_stmt *h = sq_stmt_handle(st);
	sqlite3_bind_int64(h, 1, month_key(indicator, 0, 0));
	if (ids) {
		db_bind_ids(st, 5, ids);
		sqlite3_bind_int64(h, 6, mfrom);
		sqlite3_bind_int64(h, 7, mto);
		sqlite3_bind_int64(h, 8, mark);
	} else {
		sqlite3_bind_int64(h, 1, month_key(indicator, mark, 0));
		sqlite3_bind_int64(h, 2, mark ? month_key(indicator + 1, 0, 0) - 1
					      : month_key(indicator, UNIT_MARK, 0) - 1);
		sqlite3_bind_int(h, 3, date_month_start(from));
		sqlite3_bind_int(h, 4, to);
	}
	double buf[31 * 4 * IND_MAX_SLOTS];
	int rc;
	while ((rc = sqlite3_step(h)) == SQLITE_ROW) {
		day_t month = sqlite3_column_int(h, 1);
		int y, m, d;
		date_to_ymd(month, &y, &m, &d);
		size_t ndays = (size_t)date_days_in_month(y, m);
		size_t bytes = (size_t)sqlite3_column_bytes(h, 2);
		size_t nvals = bytes / sizeof(double) / ndays;
		if (bytes > sizeof(buf) || !nvals || nvals % 4 || nvals * ndays * sizeof(double) != bytes)
			continue;  /* a state from another shape of the indicator: ignored */
		memcpy(buf, sqlite3_column_blob(h, 2), bytes);  /* the blob need not be aligned */
		id_t64 id = sqlite3_column_int64(h, 0) & (UNIT_MARK - 1);
		if (fn(ctx, id, month, buf, nvals)) {
			db_done(st);
			return 0;
		}
	}
	int failed = rc != SQLITE_DONE ? sq_fail(sqlite3_db_handle(h), e) : 0;
	db_done(st);
	return failed;
}
