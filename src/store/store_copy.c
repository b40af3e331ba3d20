/* One organisation's data copied from one store to another (`cible
 * migrate-store`), whichever their engines: a walk over the tenant tables
 * below, the one list of them, each read whole by SELECT * through the
 * source's driver and written through the target's copy_in (an INSERT on
 * SQLite, COPY on PostgreSQL), ids kept; then the measure states' month
 * rows, which each engine keys its own way, through month_scan and
 * month_merge. Everything is written in one transaction on the target, and
 * read in one on the source, so a failure leaves the target as it was.
 * tests/unit/test_store.c holds the list to the schema the migrations make. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_int.h"

/* In the order a copy writes them: what a row references comes first. A
 * late column is written NULL and set once every table is in (unit and
 * person reference each other); a tree's rows are read parents first (an
 * objective needs its parent or its axis, a check says so). auth_generation's
 * row is made by the trigger on org's insert, board_generation's by the one
 * on challenge's; board_change, the servers' log of recent writes, is not
 * copied (the target's servers make their boards anew). A table with an id is read by
 * pages of ids (PAGE rows), so that a driver that reads a result whole
 * (PostgreSQL's) holds one page of the activity at a time, not all of it. */
const struct store_tenant_table store_tenant_tables[] = {
	{ "org", { NULL }, NULL, 0, 0 },
	{ "auth_generation", { NULL }, NULL, 1, 1 },
	{ "axis", { NULL }, NULL, 0, 0 },
	{ "unit", { "parent_id", "lead_id" }, NULL, 0, 0 },
	{ "person", { "manager_id" }, NULL, 0, 0 },
	{ "indicator", { NULL }, NULL, 0, 0 },
	{ "import_mapping", { NULL }, NULL, 0, 0 },
	{ "objective", { NULL }, "parent_id", 0, 0 },
	{ "audit", { NULL }, NULL, 0, 0 },
	{ "session", { NULL }, NULL, 0, 1 },
	{ "api_token", { NULL }, NULL, 0, 0 },
	{ "password_reset", { NULL }, NULL, 0, 1 },
	{ "activity", { NULL }, NULL, 0, 0 },
	{ "checkin", { NULL }, NULL, 0, 0 },
	{ "challenge", { NULL }, NULL, 0, 0 },
	{ "challenge_result", { NULL }, NULL, 0, 0 },
	{ "challenge_score", { NULL }, NULL, 0, 1 },
	{ "board_generation", { NULL }, NULL, 1, 1 },
	{ "board_change", { NULL }, NULL, 1, 1 },
	{ "objective_result_org", { NULL }, NULL, 0, 1 },
	{ "objective_result", { NULL }, NULL, 0, 1 },
	{ "badge", { NULL }, NULL, 0, 0 },
	{ "negotiation_round", { NULL }, NULL, 0, 0 },
	{ "objective_agreement", { NULL }, NULL, 0, 0 },
	{ "cadence", { NULL }, NULL, 0, 1 },
	{ "feedback", { NULL }, NULL, 0, 0 },
	{ "one_to_one", { NULL }, NULL, 0, 0 },
	{ "one_to_one_note", { NULL }, NULL, 0, 1 },
	{ "one_to_one_action", { NULL }, NULL, 0, 0 },
	{ "ramp_plan", { NULL }, NULL, 0, 0 },
	{ "notify_event", { NULL }, NULL, 0, 0 },
	{ "notify_channel", { NULL }, NULL, 0, 0 },
	{ "notify_delivery", { NULL }, NULL, 0, 0 },
	{ "notify_attempt", { NULL }, NULL, 0, 0 },
	{ "notify_pref", { NULL }, NULL, 0, 1 },
	{ "notify_person", { NULL }, NULL, 0, 1 },
	{ "calendar_feed", { NULL }, NULL, 0, 1 },
	{ "review", { NULL }, NULL, 0, 0 },
	{ "indicator_synonym", { NULL }, NULL, 0, 1 },
};
#define NTABLES ((int)(sizeof(store_tenant_tables) / sizeof(store_tenant_tables[0])))
const int store_ntenant_tables = NTABLES;

/* of no organisation: not copied (measure_month is, by the driver) */
const char *const store_global_tables[] = { "login_attempt", "measure_month", "job_lease", NULL };

/* The statements of each table, made once from the list (so each text has
 * one address for the statement cache). Table and column names are the
 * list's, never a caller's. */
enum { Q_SELECT, Q_COUNT, Q_DELETE, Q_NULL_LATE, Q_SET_LATE0, Q_SET_LATE1, NQ };
static char queries[NTABLES][NQ][512];

static const char *key_of(const struct store_tenant_table *t)
{
	return strcmp(t->name, "org") ? "org_id" : "id";
}

#define PAGE 50000

static int paged(const struct store_tenant_table *t)
{
	return !t->no_id && !t->tree && strcmp(t->name, "org");
}

static void queries_make(void)
{
	static int made;
	if (made)
		return;
	for (int i = 0; i < NTABLES; i++) {
		const struct store_tenant_table *t = &store_tenant_tables[i];
		const char *k = key_of(t);
		if (t->tree)
			snprintf(queries[i][Q_SELECT], 512,
				 "WITH RECURSIVE d(id, depth) AS (SELECT id, 0 FROM %s WHERE org_id = ?1"
				 " AND %s IS NULL UNION ALL SELECT c.id, d.depth + 1 FROM %s c JOIN d"
				 " ON c.%s = d.id WHERE c.org_id = ?1)"
				 " SELECT t.* FROM %s t JOIN d ON d.id = t.id ORDER BY d.depth, t.id",
				 t->name, t->tree, t->name, t->tree, t->name);
		else if (paged(t))
			snprintf(queries[i][Q_SELECT], 512,
				 "SELECT * FROM %s WHERE org_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
				 t->name);
		else
			snprintf(queries[i][Q_SELECT], 512, "SELECT * FROM %s WHERE %s = ?1", t->name, k);
		snprintf(queries[i][Q_COUNT], 512, "SELECT count(*) FROM %s WHERE %s = ?1", t->name, k);
		snprintf(queries[i][Q_DELETE], 512, "DELETE FROM %s WHERE %s = ?1", t->name, k);
		if (t->late[0])
			snprintf(queries[i][Q_NULL_LATE], 512, "UPDATE %s SET %s = NULL%s%s%s WHERE org_id = ?1",
				 t->name, t->late[0], t->late[1] ? ", " : "", t->late[1] ? t->late[1] : "",
				 t->late[1] ? " = NULL" : "");
		for (int l = 0; l < 2; l++)
			if (t->late[l])
				snprintf(queries[i][Q_SET_LATE0 + l], 512,
					 "UPDATE %s SET %s = ?2 WHERE org_id = ?3 AND id = ?1", t->name,
					 t->late[l]);
	}
	made = 1;
}

/* A failure inside a table's copy names the table. */
static int in_table(const char *table, struct err *e)
{
	if (!e->field[0])
		snprintf(e->field, sizeof(e->field), "%s", table);
	return -1;
}

static int count_rows(struct db *db, const char *sql, id_t64 org, int64_t *n, struct err *e)
{
	struct db_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	int rc = db_step(st, e);
	*n = rc > 0 ? db_col_int64(st, 0) : 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* The late columns' values, kept while their rows go in NULL. */
struct late_value {
	id_t64 id;
	int col;  /* 0 or 1: store_tenant_table.late */
	int64_t value;
};

struct reader {
	struct db_stmt *st;
	int pending;       /* the first row was stepped to already */
	int paged;         /* read by pages of ids: the next page when one ends */
	id_t64 org, last_id;
	int64_t in_page;
	int ncols;
	int id_col;
	int late_col[2];   /* the columns of the late ones, -1 if none */
	struct late_value *late;
	size_t nlate, cap;
};

static int next_row(void *ctx, struct db_value *vals, struct err *e)
{
	struct reader *r = ctx;
	if (r->pending) {
		r->pending = 0;
	} else {
		int rc = db_step(r->st, e);
		if (rc == 0 && r->paged && r->in_page == PAGE) {
			/* the page was full: the next one, after its last id */
			r->st->drv->reset(r->st);  /* kept, not released: it is ours until the end */
			db_bind_int64(r->st, 1, r->org);
			db_bind_int64(r->st, 2, r->last_id);
			db_bind_int64(r->st, 3, PAGE);
			r->in_page = 0;
			rc = db_step(r->st, e);
		}
		if (rc <= 0)
			return rc;
	}
	r->in_page++;
	if (r->id_col >= 0)
		r->last_id = db_col_int64(r->st, r->id_col);
	for (int i = 0; i < r->ncols; i++) {
		struct db_value *v = &vals[i];
		v->kind = r->st->drv->col_kind(r->st, i);
		switch (v->kind) {
		case DB_KIND_INT64: v->i = db_col_int64(r->st, i); break;
		case DB_KIND_DOUBLE: v->d = db_col_double(r->st, i); break;
		case DB_KIND_TEXT: v->text = db_col_text(r->st, i); break;
		case DB_KIND_BLOB:
			return err_set(e, 500, "copy_binary", NULL, r->st->drv->col_name(r->st, i), NULL);
		case DB_KIND_NULL: break;
		}
		for (int l = 0; l < 2; l++) {
			if (i != r->late_col[l] || v->kind == DB_KIND_NULL)
				continue;
			if (r->nlate == r->cap) {
				size_t cap = r->cap ? r->cap * 2 : 64;
				struct late_value *p = realloc(r->late, cap * sizeof(*p));
				if (!p)
					return err_set(e, 500, "internal", NULL, "out of memory", NULL);
				r->late = p;
				r->cap = cap;
			}
			r->late[r->nlate++] = (struct late_value){ db_col_int64(r->st, r->id_col), l,
								   v->i };
			v->kind = DB_KIND_NULL;
		}
	}
	return 1;
}

/* The late values of a table, kept until every table is in. */
struct late_set {
	struct late_value *v;
	size_t n;
};

/* One table's rows of org, from into to; its late values in *late. */
static int copy_table(struct db *from, struct db *to, int t, id_t64 org, int64_t *rows,
		      struct late_set *late, struct err *e)
{
	const struct store_tenant_table *tt = &store_tenant_tables[t];
	int64_t want;
	if (count_rows(from, queries[t][Q_COUNT], org, &want, e))
		return -1;
	struct db_stmt *st = db_prep(from, queries[t][Q_SELECT], e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, 0);
	db_bind_int64(st, 3, PAGE);
	int rc = db_step(st, e);
	if (rc <= 0) {
		db_done(st);
		if (rc < 0)
			return -1;
		*rows = 0;
		goto counted;
	}
	struct reader r = { .st = st, .pending = 1, .paged = paged(tt), .org = org,
			    .id_col = -1, .late_col = { -1, -1 } };
	r.ncols = from->drv->col_count(st);
	const char **cols = calloc((size_t)r.ncols, sizeof(*cols));
	if (!cols) {
		db_done(st);
		return err_set(e, 500, "internal", NULL, "out of memory", NULL);
	}
	for (int i = 0; i < r.ncols; i++) {
		cols[i] = strdup(from->drv->col_name(st, i));
		if (!strcmp(cols[i], "id"))
			r.id_col = i;
		for (int l = 0; l < 2; l++)
			if (tt->late[l] && !strcmp(cols[i], tt->late[l]))
				r.late_col[l] = i;
	}
	rc = to->drv->copy_in(to, tt->name, cols, r.ncols, next_row, &r, rows, e);
	db_done(st);
	for (int i = 0; i < r.ncols; i++)
		free((char *)cols[i]);
	free(cols);
	late->v = r.late;
	late->n = r.nlate;
	if (rc)
		return -1;
counted:
	if (*rows != want) {
		char a[24];
		snprintf(a, sizeof(a), "%lld/%lld", (long long)*rows, (long long)want);
		return err_set(e, 500, "copy_short", NULL, tt->name, a);
	}
	return 0;
}

static int set_late(struct db *to, int t, id_t64 org, const struct late_set *late, struct err *e)
{
	for (size_t k = 0; k < late->n; k++) {
		struct db_stmt *u = db_prep(to, queries[t][Q_SET_LATE0 + late->v[k].col], e);
		if (!u)
			return -1;
		db_bind_int64(u, 1, late->v[k].id);
		db_bind_int64(u, 2, late->v[k].value);
		db_bind_int64(u, 3, org);
		if (db_run(u, e))
			return -1;
	}
	return 0;
}

static const char sql_indicators[] = "SELECT id FROM indicator WHERE org_id = ?1 ORDER BY id";
static const char sql_gen[] = "SELECT gen FROM auth_generation WHERE org_id = ?1";
static const char sql_gen_set[] = "UPDATE auth_generation SET gen = ?2 WHERE org_id = ?1";

struct month_copy {
	struct db *to;
	id_t64 indicator;
	enum db_owner owner;
	int64_t n;
	struct err *e;
	int failed;
};

static int month_one(void *ctx, id_t64 id, day_t month, const double *days, size_t nvals)
{
	struct month_copy *m = ctx;
	if (m->to->drv->month_merge(m->to, m->indicator, m->owner, id, month, days, nvals, m->e)) {
		m->failed = 1;
		return 1;
	}
	m->n++;
	return 0;
}

/* every month row of the org's indicators, people's and units' */
#define MONTHS_FROM (-200000)  /* days from 1970: about 1422 */
#define MONTHS_TO 200000       /* about 2517 */
static int copy_months(struct db *from, struct db *to, const struct ids *inds, int64_t *n,
		       struct err *e)
{
	*n = 0;
	for (size_t i = 0; i < inds->n; i++)
		for (int o = 0; o < 2; o++) {
			struct month_copy m = { to, inds->v[i], o ? DB_UNIT : DB_PERSON, 0, e, 0 };
			int rc = from->drv->month_scan(from, m.indicator, m.owner, NULL, MONTHS_FROM,
						       MONTHS_TO, month_one, &m, e);
			if (rc || m.failed)
				return in_table("measure_month", e);
			*n += m.n;
		}
	return 0;
}

/* The target's rows of org gone, months first (no key leads to them). */
static int clear_org(struct store *to, id_t64 org, struct arena *a, struct err *e)
{
	struct ids inds;
	struct db_stmt *st = db_prep(to->db, sql_indicators, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	if (db_collect_ids(st, a, &inds, e))
		return -1;
	for (size_t i = 0; i < inds.n; i++)
		for (int o = 0; o < 2; o++)
			if (to->db->drv->month_clear(to->db, inds.v[i], o ? DB_UNIT : DB_PERSON, 0, e))
				return in_table("measure_month", e);
	for (int t = 0; t < NTABLES; t++) {
		if (!store_tenant_tables[t].late[0])
			continue;
		if (!(st = db_prep(to->db, queries[t][Q_NULL_LATE], e)))
			return -1;
		db_bind_int64(st, 1, org);
		if (db_run(st, e))
			return in_table(store_tenant_tables[t].name, e);
	}
	for (int t = NTABLES - 1; t >= 0; t--) {
		if (!(st = db_prep(to->db, queries[t][Q_DELETE], e)))
			return -1;
		db_bind_int64(st, 1, org);
		if (db_run(st, e))
			return in_table(store_tenant_tables[t].name, e);
	}
	return 0;
}

static int read_gen(struct db *db, id_t64 org, int64_t *gen, struct err *e)
{
	return count_rows(db, sql_gen, org, gen, e);
}

static int copy_in_tx(struct store *from, struct store *to, id_t64 org, int replace,
		      struct store_copy_count *out, struct arena *a, struct err *e)
{
	int64_t there, src_gen, old_gen = 0;
	if (count_rows(from->db, queries[0][Q_COUNT], org, &there, e))
		return -1;
	if (!there) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)org);
		return err_set(e, 404, "copy_no_org", "--org", id, NULL);
	}
	if (count_rows(to->db, queries[0][Q_COUNT], org, &there, e))
		return -1;
	if (there && !replace) {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)org);
		return err_set(e, 409, "org_in_target", "--to", id, NULL);
	}
	if (there && (read_gen(to->db, org, &old_gen, e) || clear_org(to, org, a, e)))
		return -1;
	if (read_gen(from->db, org, &src_gen, e))
		return -1;
	struct late_set late[NTABLES];
	memset(late, 0, sizeof(late));
	int rc = 0;
	for (int t = 0; !rc && t < NTABLES; t++) {
		if (store_tenant_tables[t].made_by_trigger)
			continue;
		int64_t n = 0;
		rc = copy_table(from->db, to->db, t, org, &n, &late[t], e);
		if (rc)
			in_table(store_tenant_tables[t].name, e);
		out->tables++;
		out->rows += n;
	}
	for (int t = 0; !rc && t < NTABLES; t++)
		if (set_late(to->db, t, org, &late[t], e))
			rc = in_table(store_tenant_tables[t].name, e);
	for (int t = 0; t < NTABLES; t++)
		free(late[t].v);
	if (rc)
		return -1;
	/* a server of the target that knew the old organisation sees it moved */
	struct db_stmt *st = db_prep(to->db, sql_gen_set, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, (src_gen > old_gen ? src_gen : old_gen) + 1);
	if (db_run(st, e))
		return in_table("auth_generation", e);
	struct ids inds;
	if (!(st = db_prep(from->db, sql_indicators, e)))
		return -1;
	db_bind_int64(st, 1, org);
	if (db_collect_ids(st, a, &inds, e))
		return -1;
	return copy_months(from->db, to->db, &inds, &out->months, e);
}

int store_copy_org(struct store *from, struct store *to, id_t64 org, int replace,
		   struct store_copy_count *out, struct err *e)
{
	queries_make();
	memset(out, 0, sizeof(*out));
	struct arena a;
	arena_init(&a);
	int rc = -1;
	/* the source read in one transaction too: a consistent picture */
	if (db_begin(from->db, e))
		goto out;
	if (db_begin(to->db, e)) {
		db_rollback(from->db);
		goto out;
	}
	to->db->drv->bulk(to->db, 1);
	rc = copy_in_tx(from, to, org, replace, out, &a, e);
	if (!rc)
		rc = db_commit(to->db, e);
	else
		db_rollback(to->db);
	to->db->drv->bulk(to->db, 0);
	db_rollback(from->db);
out:
	arena_free(&a);
	return rc;
}
