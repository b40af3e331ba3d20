/* Activity records, indicators and saved import mappings: what measurement
 * reads. A record is stored as it came (a person, a time, its fields as JSON)
 * and at most once by (kind, source id), so that importing a file twice
 * stores it once; the insert says whether it was new, which is what an import
 * counts. Indicators are per organisation, each a key and an expression over
 * one kind of record; every organisation starts with the ready-made ones of
 * core/indicator.h. Their measure states are store_measure.c's. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/indicator.h"
#include "store/store_int.h"

/* ---- activity ---- */

int store_activity_add(struct store *s, id_t64 org, const struct activity *x, int64_t now,
		       int *stored, struct err *e)
{
	static const char sql[] = "INSERT INTO activity(org_id, kind, source_id, person_id, at,"
		" fields, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		" ON CONFLICT (org_id, kind, source_id) DO NOTHING";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, x->kind);
	db_bind_text(st, 3, x->source_id);
	db_bind_int64(st, 4, x->person_id);
	db_bind_int64(st, 5, x->at);
	db_bind_text(st, 6, x->fields ? x->fields : "{}");
	db_bind_int64(st, 7, now);
	int rc = db_step(st, e);
	*stored = rc == 0 && db_changes(st) > 0;
	db_done(st);
	return rc ? -1 : 0;
}

/* Which records of v come first with their (kind, source id): an open-
 * addressing table of indices into v. */
struct src_set {
	size_t *slot;  /* SIZE_MAX: empty */
	size_t cap;
};

static uint64_t src_hash(const char *kind, const char *src)
{
	uint64_t h = 1469598103934665603ull;
	for (const char *p = kind; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	h = (h ^ 0x1f) * 1099511628211ull;
	for (const char *p = src; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	return h ^ (h >> 31);
}

static int src_set_init(struct src_set *t, size_t n)
{
	t->cap = 16;
	while (t->cap < 2 * n)
		t->cap *= 2;
	t->slot = malloc(t->cap * sizeof(*t->slot));
	if (!t->slot)
		return -1;
	for (size_t i = 0; i < t->cap; i++)
		t->slot[i] = SIZE_MAX;
	return 0;
}

/* The index of the record of v with x's kind and source id, or SIZE_MAX after
 * adding i as it (add != 0). */
static size_t src_set_find(struct src_set *t, const struct activity *v, const char *kind,
			   const char *src, size_t i, int add)
{
	size_t j = src_hash(kind, src) & (t->cap - 1);
	while (t->slot[j] != SIZE_MAX) {
		const struct activity *y = &v[t->slot[j]];
		if (!strcmp(y->source_id, src) && !strcmp(y->kind, kind))
			return t->slot[j];
		j = (j + 1) & (t->cap - 1);
	}
	if (add)
		t->slot[j] = i;
	return SIZE_MAX;
}

struct stage_rows {
	id_t64 org;
	const struct activity *v;
	const unsigned char *first;
	size_t n, i;
	int64_t now;
};

/* The staged rows for copy_in: the first record of each source id. */
static int stage_next(void *ctx, struct db_value *vals, struct err *e)
{
	struct stage_rows *r = ctx;
	(void)e;
	while (r->i < r->n && !r->first[r->i])
		r->i++;
	if (r->i == r->n)
		return 0;
	const struct activity *x = &r->v[r->i];
	vals[0] = (struct db_value){ DB_KIND_INT64, (int64_t)r->i, 0, NULL };
	vals[1] = (struct db_value){ DB_KIND_INT64, r->org, 0, NULL };
	vals[2] = (struct db_value){ DB_KIND_TEXT, 0, 0, x->kind };
	vals[3] = (struct db_value){ DB_KIND_TEXT, 0, 0, x->source_id };
	vals[4] = (struct db_value){ DB_KIND_INT64, x->person_id, 0, NULL };
	vals[5] = (struct db_value){ DB_KIND_INT64, x->at, 0, NULL };
	vals[6] = (struct db_value){ DB_KIND_TEXT, 0, 0, x->fields ? x->fields : "{}" };
	vals[7] = (struct db_value){ DB_KIND_INT64, r->now, 0, NULL };
	r->i++;
	return 1;
}

/* An engine with COPY: the batch into a staging table of the connection
 * (emptied at each commit), then into activity in one statement whose
 * RETURNING names the records that were new. */
static int add_many_staged(struct store *s, id_t64 org, const struct activity *v, size_t n,
			   int64_t now, unsigned char *first, struct src_set *set,
			   unsigned char *stored, struct err *e)
{
	static const char stage[] = "CREATE TEMP TABLE IF NOT EXISTS cible_activity_stage ("
		"ord bigint NOT NULL, org_id bigint NOT NULL, kind text NOT NULL,"
		" source_id text NOT NULL, person_id bigint NOT NULL, at bigint NOT NULL,"
		" fields text NOT NULL, imported_at bigint NOT NULL) ON COMMIT DELETE ROWS;"
		" TRUNCATE cible_activity_stage";
	static const char *const cols[] = { "ord", "org_id", "kind", "source_id", "person_id",
					    "at", "fields", "imported_at" };
	static const char sql[] = "INSERT INTO activity(org_id, kind, source_id, person_id, at,"
		" fields, imported_at) SELECT org_id, kind, source_id, person_id, at, fields,"
		" imported_at FROM cible_activity_stage ORDER BY ord"
		" ON CONFLICT (org_id, kind, source_id) DO NOTHING RETURNING kind, source_id";
	if (db_exec(s->db, stage, e))
		return -1;
	struct stage_rows r = { org, v, first, n, 0, now };
	int64_t copied;
	if (s->db->drv->copy_in(s->db, "cible_activity_stage", cols, 8, stage_next, &r, &copied, e))
		return -1;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		const char *kind = db_col_text(st, 0), *src = db_col_text(st, 1);
		size_t i = kind && src ? src_set_find(set, v, kind, src, 0, 0) : SIZE_MAX;
		if (i != SIZE_MAX)
			stored[i] = 1;
	}
	db_done(st);
	return rc ? -1 : 0;
}

/* Without COPY (SQLite): ROWS_PER records a statement, so that its cursors
 * stay where the last row went (a file's rising ids and times are appended
 * without a seek from the root). A statement that stored all its rows needs
 * no more; one that stored some names them by their ids: the rowids SQLite
 * gives new rows are one above the largest, so a statement's new rows are
 * the last ids of the table. The text is made once, at the same address
 * each time (db_prep caches by it). */
#define ROWS_PER 256
/* placeholder number at sql + k (the text holds no bare mark for
 * test_store's reader: the mark is a character here) */
static size_t mark(char *sql, size_t size, size_t k, int number, const char *after)
{
	return k + (size_t)snprintf(sql + k, size - k, "%c%d%s", '?', number, after);
}

static const char *values_sql(void)
{
	static char sql[ROWS_PER * 64 + 256];
	if (!sql[0]) {
		size_t n = sizeof(sql);
		size_t k = (size_t)snprintf(sql, n, "INSERT INTO activity(org_id, kind,"
			" source_id, person_id, at, fields, imported_at) VALUES");
		for (int r = 0; r < ROWS_PER; r++) {
			k += (size_t)snprintf(sql + k, n - k, "%s(", r ? "," : " ");
			k = mark(sql, n, k, 1, ", ");
			for (int c = 0; c < 5; c++)
				k = mark(sql, n, k, 3 + 5 * r + c, ", ");
			k = mark(sql, n, k, 2, ")");
		}
		snprintf(sql + k, n - k, " ON CONFLICT (org_id, kind, source_id) DO NOTHING");
	}
	return sql;
}

static int add_many_values(struct store *s, id_t64 org, const struct activity *v, size_t n,
			   int64_t now, struct src_set *set, unsigned char *stored, struct err *e)
{
	static const char sql_new[] = "SELECT kind, source_id FROM activity"
		" WHERE id > (SELECT max(id) FROM activity) - ?1";
	size_t i = 0;
	for (; i + ROWS_PER <= n; i += ROWS_PER) {
		struct db_stmt *st = db_prep(s->db, values_sql(), e);
		if (!st)
			return -1;
		db_bind_int64(st, 1, org);
		db_bind_int64(st, 2, now);
		for (int r = 0; r < ROWS_PER; r++) {
			const struct activity *x = &v[i + (size_t)r];
			db_bind_text(st, 3 + 5 * r, x->kind);
			db_bind_text(st, 4 + 5 * r, x->source_id);
			db_bind_int64(st, 5 + 5 * r, x->person_id);
			db_bind_int64(st, 6 + 5 * r, x->at);
			db_bind_text(st, 7 + 5 * r, x->fields ? x->fields : "{}");
		}
		int rc = db_step(st, e);
		int64_t added = rc ? 0 : db_changes(st);
		db_done(st);
		if (rc)
			return -1;
		if (added == ROWS_PER) {
			memset(stored + i, 1, ROWS_PER);
			continue;
		}
		if (!added)
			continue;
		if (!(st = db_prep(s->db, sql_new, e)))
			return -1;
		db_bind_int64(st, 1, added);
		while ((rc = db_step(st, e)) > 0) {
			const char *kind = db_col_text(st, 0), *src = db_col_text(st, 1);
			size_t at = kind && src ? src_set_find(set, v, kind, src, 0, 0) : SIZE_MAX;
			if (at != SIZE_MAX)
				stored[at] = 1;
		}
		db_done(st);
		if (rc)
			return -1;
	}
	for (; i < n; i++) {
		int one;
		if (store_activity_add(s, org, &v[i], now, &one, e))
			return -1;
		stored[i] = (unsigned char)one;
	}
	return 0;
}

int store_activity_add_many(struct store *s, id_t64 org, const struct activity *v, size_t n,
			    int64_t now, unsigned char *stored, struct err *e)
{
	memset(stored, 0, n);
	if (!n)
		return 0;
	struct src_set set;
	unsigned char *first = malloc(n);
	if (!first || src_set_init(&set, n)) {
		free(first);
		return err_set(e, 500, "internal", NULL, "out of memory", NULL);
	}
	for (size_t i = 0; i < n; i++)
		first[i] = src_set_find(&set, v, v[i].kind, v[i].source_id, i, 1) == SIZE_MAX;
	int rc = s->db->drv->copy_bulk
		? add_many_staged(s, org, v, n, now, first, &set, stored, e)
		: add_many_values(s, org, v, n, now, &set, stored, e);
	free(set.slot);
	free(first);
	return rc;
}

#define ACT_WHERE " WHERE org_id = ?1 AND (?2 IS NULL OR person_id IN " DB_IDS(2) ")" \
	" AND (?3 IS NULL OR kind = ?3) AND (?4 = 0 OR at >= ?4) AND (?5 = 0 OR at < ?5)"

static void bind_activity_filter(struct db_stmt *st, id_t64 org, const struct activity_filter *f)
{
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, f->people);
	db_bind_text(st, 3, f->kind);
	db_bind_int64(st, 4, f->from);
	db_bind_int64(st, 5, f->to);
	db_bind_int64(st, 6, f->limit ? (int64_t)f->limit : DB_NO_LIMIT);
	db_bind_int64(st, 7, (int64_t)f->offset);
}

int store_activity_list(struct store *s, id_t64 org, const struct activity_filter *f,
			struct arena *a, struct activity **out, size_t *n, size_t *total,
			struct err *e)
{
	static const char sql_count[] = "SELECT count(*) FROM activity" ACT_WHERE;
	static const char sql[] = "SELECT id, person_id, kind, source_id, at, fields FROM activity"
		ACT_WHERE " ORDER BY at, id LIMIT ?6 OFFSET ?7";
	struct db_stmt *st = db_prep(s->db, sql_count, e);
	if (!st)
		return -1;
	bind_activity_filter(st, org, f);
	if (db_one_row(st, "activity", e) < 0)
		return -1;
	*total = (size_t)db_col_int64(st, 0);
	db_done(st);
	if (!(st = db_prep(s->db, sql, e)))
		return -1;
	bind_activity_filter(st, org, f);
	size_t cap = 0, k = 0;
	struct activity *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct activity *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		x->id = db_col_int64(st, 0);
		x->person_id = db_col_int64(st, 1);
		x->kind = db_col_str(st, 2, a);
		x->source_id = db_col_str(st, 3, a);
		x->at = db_col_int64(st, 4);
		x->fields = db_col_str(st, 5, a);
	}
	db_done(st);
	if (rc)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_activity_scan(struct store *s, id_t64 org, const char *kind, const struct ids *people,
			int64_t from, int64_t to, activity_fn fn, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT id, person_id, kind, source_id, at, fields FROM activity"
		" WHERE org_id = ?1 AND kind = ?2 AND (?3 IS NULL OR person_id IN " DB_IDS(3) ")"
		" AND (?4 = 0 OR at >= ?4) AND (?5 = 0 OR at < ?5) ORDER BY at, id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, kind);
	db_bind_ids(st, 3, people);
	db_bind_int64(st, 4, from);
	db_bind_int64(st, 5, to);
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct activity x = { db_col_int64(st, 0), db_col_int64(st, 1), db_col_text(st, 2),
				      db_col_text(st, 3), db_col_int64(st, 4), db_col_text(st, 5) };
		if (fn(ctx, &x)) {
			rc = 0;
			break;
		}
	}
	db_done(st);
	return rc ? -1 : 0;
}

/* ---- indicators ---- */

int store_indicator_install_catalog(struct store *s, id_t64 org, struct err *e)
{
	static const char sql[] = "INSERT INTO indicator(org_id, key, kind, expr, unit, name_fr,"
		" name_en, created_at) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM org"
		" WHERE ?1 = 0 OR id = ?1 ON CONFLICT DO NOTHING";
	int64_t now = store_now();
	for (const struct indicator_def *d = indicator_catalog; d->key; d++) {
		struct db_stmt *st = db_prep(s->db, sql, e);
		if (!st)
			return -1;
		db_bind_int64(st, 1, org);
		db_bind_text(st, 2, d->key);
		db_bind_text(st, 3, d->kind);
		db_bind_text(st, 4, d->expr);
		db_bind_text(st, 5, d->unit);
		db_bind_text(st, 6, d->name_fr);
		db_bind_text(st, 7, d->name_en);
		db_bind_int64(st, 8, now);
		if (db_run(st, e))
			return -1;
	}
	return 0;
}

/* 0004: the catalog for every organisation there is. */
int store_indicator_catalog_all(struct store *s, struct err *e)
{
	return store_indicator_install_catalog(s, 0, e);
}

int store_indicator_create(struct store *s, id_t64 org, const struct indicator_row *x,
			   id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO indicator(org_id, key, kind, expr, unit, name_fr,"
		" name_en, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, x->key);
	db_bind_text(st, 3, x->kind);
	db_bind_text(st, 4, x->expr);
	db_bind_text(st, 5, x->unit ? x->unit : "");
	db_bind_text(st, 6, x->name_fr);
	db_bind_text(st, 7, x->name_en);
	db_bind_int64(st, 8, store_now());
	return db_insert_id(st, id, e);
}

int store_indicator_update(struct store *s, id_t64 org, const struct indicator_row *x,
			   struct err *e)
{
	static const char sql[] = "UPDATE indicator SET key = ?3, kind = ?4, expr = ?5, unit = ?6,"
		" name_fr = ?7, name_en = ?8 WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, x->id);
	db_bind_text(st, 3, x->key);
	db_bind_text(st, 4, x->kind);
	db_bind_text(st, 5, x->expr);
	db_bind_text(st, 6, x->unit ? x->unit : "");
	db_bind_text(st, 7, x->name_fr);
	db_bind_text(st, 8, x->name_en);
	return db_run_update(st, "indicator", e);
}

int store_indicator_delete(struct store *s, id_t64 org, id_t64 id, struct err *e)
{
	static const char sql[] = "DELETE FROM indicator WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_run_update(st, "indicator", e))
		return -1;
	return store_measure_clear(s, id, e);  /* its states go with it */
}

#define IND_COLS "id, key, kind, expr, unit, name_fr, name_en"

static void read_indicator(struct db_stmt *st, struct arena *a, struct indicator_row *x)
{
	x->id = db_col_int64(st, 0);
	x->key = db_col_str(st, 1, a);
	x->kind = db_col_str(st, 2, a);
	x->expr = db_col_str(st, 3, a);
	x->unit = db_col_str(st, 4, a);
	x->name_fr = db_col_str(st, 5, a);
	x->name_en = db_col_str(st, 6, a);
}

static int indicator_one(struct db_stmt *st, struct arena *a, struct indicator_row *out,
			 struct err *e)
{
	if (db_one_row(st, "indicator", e) < 0)
		return -1;
	read_indicator(st, a, out);
	db_done(st);
	return 0;
}

int store_indicator_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct indicator_row *out, struct err *e)
{
	static const char sql[] = "SELECT " IND_COLS " FROM indicator WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	return indicator_one(st, a, out, e);
}

int store_indicator_by_key(struct store *s, id_t64 org, const char *key, struct arena *a,
			   struct indicator_row *out, struct err *e)
{
	static const char sql[] = "SELECT " IND_COLS " FROM indicator WHERE org_id = ?1"
				  " AND key = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, key);
	return indicator_one(st, a, out, e);
}

int store_indicator_list(struct store *s, id_t64 org, struct arena *a,
			 struct indicator_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " IND_COLS " FROM indicator WHERE org_id = ?1 ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	size_t cap = 0;
	*n = 0;
	*out = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0)
		read_indicator(st, a, arena_push(a, out, n, &cap, sizeof(**out)));
	db_done(st);
	return rc ? -1 : 0;
}

int store_indicator_uses(struct store *s, id_t64 org, const char *key, int64_t *n,
			 struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM objective WHERE org_id = ?1"
				  " AND indicator = ?2 AND status <> 'cancelled'";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, key);
	if (db_one_row(st, "indicator", e) < 0)
		return -1;
	*n = db_col_int64(st, 0);
	db_done(st);
	return 0;
}

/* ---- import mappings ---- */

int store_mapping_put(struct store *s, id_t64 org, const char *name, const char *spec,
		      struct err *e)
{
	static const char sql[] = "INSERT INTO import_mapping(org_id, name, spec, created_at)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (org_id, name)"
		" DO UPDATE SET spec = excluded.spec";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, spec);
	db_bind_int64(st, 4, store_now());
	return db_run(st, e);
}

int store_mapping_get(struct store *s, id_t64 org, const char *name, struct arena *a,
		      const char **spec, struct err *e)
{
	static const char sql[] = "SELECT spec FROM import_mapping WHERE org_id = ?1 AND name = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, name);
	if (db_one_row(st, "mapping", e) < 0)
		return -1;
	*spec = db_col_str(st, 0, a);
	db_done(st);
	return 0;
}

int store_mapping_list(struct store *s, id_t64 org, struct arena *a, struct mapping_row **out,
		       size_t *n, struct err *e)
{
	static const char sql[] = "SELECT name, spec, created_at FROM import_mapping"
		" WHERE org_id = ?1 ORDER BY name";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	size_t cap = 0;
	*n = 0;
	*out = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct mapping_row *m = arena_push(a, out, n, &cap, sizeof(**out));
		m->name = db_col_str(st, 0, a);
		m->spec = db_col_str(st, 1, a);
		m->created_at = db_col_int64(st, 2);
	}
	db_done(st);
	return rc ? -1 : 0;
}
