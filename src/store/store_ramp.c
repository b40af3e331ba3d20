/* Ramp-up plans (store_ramp.h). */
#include <jansson.h>
#include <string.h>
#include "store/store_int.h"
#include "store/store_ramp.h"

static const char *steps_text(const struct ramp_plan *p, char *out, size_t n)
{
	size_t k = 0;
	k += (size_t)snprintf(out + k, n - k, "[");
	for (int i = 0; i < p->nsteps && k < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s%.15g", i ? "," : "", p->steps[i]);
	if (k < n)
		snprintf(out + k, n - k, "]");
	return out;
}

static void steps_read(const char *text, struct ramp_plan *p)
{
	p->nsteps = 0;
	json_t *v = text ? json_loads(text, 0, NULL) : NULL;
	size_t i;
	json_t *x;
	json_array_foreach(v, i, x)
		if (p->nsteps < RAMP_STEPS_MAX && json_is_number(x))
			p->steps[p->nsteps++] = json_number_value(x);
	json_decref(v);
}

int store_ramp_put(struct store *s, const struct ramp_plan *p, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO ramp_plan(org_id, job, steps, above_100, updated_at,"
		" updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (org_id, job)"
		" DO UPDATE SET steps = excluded.steps, above_100 = excluded.above_100,"
		" updated_at = excluded.updated_at, updated_by = excluded.updated_by RETURNING id";
	char steps[RAMP_STEPS_MAX * 26 + 4];
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, p->org_id);
	db_bind_text(st, 2, p->job);
	db_bind_text(st, 3, steps_text(p, steps, sizeof(steps)));
	db_bind_int64(st, 4, p->above_100 ? 1 : 0);
	db_bind_int64(st, 5, p->updated_at);
	db_bind_id(st, 6, p->updated_by);
	return db_insert_id(st, id, e);
}

static void row(struct db_stmt *st, struct arena *a, struct ramp_plan *p)
{
	memset(p, 0, sizeof(*p));
	p->id = db_col_int64(st, 0);
	p->org_id = db_col_int64(st, 1);
	p->job = db_col_str(st, 2, a);
	steps_read(db_col_text(st, 3), p);
	p->above_100 = db_col_int64(st, 4) != 0;
	p->updated_at = db_col_int64(st, 5);
	p->updated_by = db_col_int64(st, 6);
}

int store_ramp_list(struct store *s, id_t64 org, struct arena *a, struct ramp_plan **out,
		    size_t *n, struct err *e)
{
	static const char sql[] = "SELECT id, org_id, job, steps, above_100, updated_at, updated_by"
		" FROM ramp_plan WHERE org_id = ?1 ORDER BY job, id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	struct ramp_plan *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0)
		row(st, a, arena_push(a, &v, &k, &cap, sizeof(*v)));
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_ramp_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		   struct ramp_plan *out, struct err *e)
{
	static const char sql[] = "SELECT id, org_id, job, steps, above_100, updated_at, updated_by"
		" FROM ramp_plan WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "ramp-up plan", e) < 0)
		return -1;
	row(st, a, out);
	db_done(st);
	return 0;
}

int store_ramp_delete(struct store *s, id_t64 org, id_t64 id, struct err *e)
{
	static const char sql[] = "DELETE FROM ramp_plan WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	return db_run_update(st, "ramp-up plan", e);
}
