/* Kept objective results (see result.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/result.h"
#include "store/store_result.h"

/* An objective whose result is worth keeping: one that is measured (the
 * others cost nothing to compute). */
static bool keepable(const struct objective *o, const struct mind *m)
{
	return m && m->ok && o->start != DAY_NONE && o->due != DAY_NONE;
}

static void row_of(const struct objective *o, const struct measured *m, day_t day, int64_t gen,
		   struct arena *a, struct result_row *r)
{
	memset(r, 0, sizeof(*r));
	r->objective = o->id;
	r->day = day;
	r->version = o->version;
	r->gen = gen;
	r->value = m->has_value ? m->value : NAN;
	r->progress = m->has_progress;
	r->attainment = r->expected = r->expected_working = NAN;
	r->forecast = r->forecast_attainment = NAN;
	r->status = m->has_progress ? pstatus_name(m->p.status) : "unknown";
	if (m->has_progress) {
		r->attainment = m->p.attainment;
		r->expected = m->p.expected;
		r->expected_working = m->p.expected_working;
		r->forecast = m->p.forecast;
		r->forecast_attainment = m->p.forecast_attainment;
		r->days_left = m->p.days_left;
	}
	/* %a (hexadecimal) reads back as the same double, and is quicker to
	 * write than %.17g */
	size_t cap = m->nseries * 64 + 1, k = 0;
	char *t = arena_alloc(a, cap);
	t[0] = '\0';
	for (size_t i = 0; i < m->nseries; i++)
		k += (size_t)snprintf(t + k, cap - k, "%d %a %a;", m->series[i].start,
				      m->series[i].value, m->series[i].to_date);
	r->series = t;
}

static int status_of(const char *name)
{
	for (int k = PS_AHEAD; k <= PS_UNKNOWN; k++)
		if (!strcmp(pstatus_name((enum pstatus)k), name))
			return k;
	return -1;
}

/* false when the row cannot be read back (then the objective is computed) */
static bool measured_of(const struct result_row *r, struct arena *a, struct measured *m)
{
	m->has_value = !isnan(r->value);
	m->value = r->value;
	m->has_progress = r->progress;
	if (r->progress) {
		int st = status_of(r->status);
		if (st < 0)
			return false;
		m->p.attainment = r->attainment;
		m->p.expected = r->expected;
		m->p.expected_working = r->expected_working;
		m->p.forecast = r->forecast;
		m->p.forecast_attainment = r->forecast_attainment;
		m->p.days_left = r->days_left;
		m->p.status = (enum pstatus)st;
	}
	size_t n = 0;
	for (const char *c = r->series; *c; c++)
		n += *c == ';';
	m->series = arena_alloc(a, (n + 1) * sizeof(*m->series));
	m->nseries = 0;
	const char *c = r->series;
	for (size_t i = 0; i < n; i++) {
		char *end;
		struct series_point *p = &m->series[m->nseries];
		p->start = (day_t)strtol(c, &end, 10);
		if (end == c)
			return false;
		c = end;
		p->value = strtod(c, &end);
		if (end == c)
			return false;
		c = end;
		p->to_date = strtod(c, &end);
		if (end == c || *end != ';')
			return false;
		c = end + 1;
		m->nseries++;
	}
	return true;
}

/* The results of v (n of them) computed for today and written under gen. */
static int keep(struct app *a, const struct org *org, const struct objective *v, size_t n,
		const struct mind *inds, size_t ni, int64_t gen, struct err *e)
{
	day_t today = a->clock.today;
	struct objective *w = arena_alloc(a->arena, (n + 1) * sizeof(*w));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (keepable(&v[i], measure_find(inds, ni, v[i].indicator)))
			w[k++] = v[i];
	struct measured *m = arena_alloc(a->arena, (k + 1) * sizeof(*m));
	if (measure_many_alone(a->store, org, w, k, today, B_MONTH, inds, ni, a->arena, m, e))
		return -1;
	struct result_row *rows = arena_alloc(a->arena, (k + 1) * sizeof(*rows));
	for (size_t i = 0; i < k; i++)
		row_of(&w[i], &m[i], today, gen, a->arena, &rows[i]);
	return store_results_put(a->store, a->me.org_id, rows, k, e);
}

/* every objective of the organisation, kept for today under gen */
static int rebuild(struct app *a, const struct org *org, const struct mind *inds, size_t ni,
		   int64_t gen, size_t *count, struct err *e)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	struct objective *v;
	size_t n;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &n, NULL, e) ||
	    keep(a, org, v, n, inds, ni, gen, e) ||
	    store_results_purge(a->store, a->me.org_id, a->clock.today, gen, e) ||
	    store_result_org_set(a->store, a->me.org_id, gen, a->clock.today, e))
		return -1;
	if (count)
		*count = n;
	return 0;
}

static int cmp_unit_id(const void *x, const void *y)
{
	id_t64 a = ((const struct unit *)x)->id, c = ((const struct unit *)y)->id;
	return a < c ? -1 : a > c;
}

/* the units of these people and every unit above, ascending */
static int units_above(struct app *a, const struct ids *people, struct ids *out, struct err *e)
{
	struct ids own;
	struct unit *all;
	size_t na;
	if (store_units_of_people(a->store, a->me.org_id, people, a->arena, &own, e) ||
	    store_unit_list(a->store, a->me.org_id, a->arena, &all, &na, e))
		return -1;
	qsort(all, na, sizeof(*all), cmp_unit_id);
	bool *in = arena_alloc(a->arena, (na + 1) * sizeof(bool));
	size_t nu = 0;
	for (size_t i = 0; i < own.n; i++) {
		id_t64 u = own.v[i];
		for (size_t hops = 0; u && hops <= na; hops++) {
			struct unit key = { .id = u };
			const struct unit *f = bsearch(&key, all, na, sizeof(*all), cmp_unit_id);
			if (!f || in[f - all])
				break;
			in[f - all] = true;
			nu++;
			u = f->parent_id;
		}
	}
	out->v = arena_alloc(a->arena, (nu + 1) * sizeof(id_t64));
	out->n = 0;
	for (size_t q = 0; q < na; q++)
		if (in[q])
			out->v[out->n++] = all[q].id;
	return 0;
}

int app_touched_load(struct app *a, const struct ids *people, struct app_touched *t,
		     struct err *e)
{
	memset(t, 0, sizeof(*t));
	t->people = people;
	if (!people->n)
		return 0;
	if (units_above(a, people, &t->units, e) ||
	    store_objectives_of_owners(a->store, a->me.org_id, people, &t->units, a->arena, &t->v,
				       &t->n, e))
		return -1;
	t->measured = arena_alloc(a->arena, (t->n + 1) * sizeof(*t->measured));
	t->has = arena_alloc(a->arena, t->n + 1);
	return 0;
}

/* What keeping needs first: whether the organisation's results are kept,
 * their generation and day, the organisation and its indicators. */
static int kept_state(struct app *a, bool *exists, int64_t *gen, day_t *kept_on, struct org *org,
		      struct mind **inds, size_t *ni, struct err *e)
{
	if (store_result_org(a->store, a->me.org_id, exists, gen, kept_on, e) ||
	    store_org_get(a->store, a->me.org_id, a->arena, org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, inds, ni, e))
		return -1;
	return 0;
}

int app_results_keep_tx(struct app *a, struct app_touched *t, const char *kind, struct err *e)
{
	if (!t->people->n)
		return 0;
	bool exists;
	int64_t gen;
	day_t kept_on;
	struct org org;
	struct mind *inds;
	size_t ni;
	if (kept_state(a, &exists, &gen, &kept_on, &org, &inds, &ni, e))
		return -1;
	if (!exists || kept_on != a->clock.today)
		return rebuild(a, &org, inds, ni, exists ? gen : 1, NULL, e);
	/* on the indicators of the batch's kind only: the others did not move */
	struct objective *w = arena_alloc(a->arena, (t->n + 1) * sizeof(*w));
	size_t *at = arena_alloc(a->arena, (t->n + 1) * sizeof(size_t)), k = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct mind *m = measure_find(inds, ni, t->v[i].indicator);
		if (keepable(&t->v[i], m) && (!kind || !strcmp(m->row.kind, kind))) {
			at[k] = i;
			w[k++] = t->v[i];
		}
	}
	struct measured *m = arena_alloc(a->arena, (k + 1) * sizeof(*m));
	if (measure_many_alone(a->store, &org, w, k, a->clock.today, B_MONTH, inds, ni, a->arena, m,
			       e))
		return -1;
	struct result_row *rows = arena_alloc(a->arena, (k + 1) * sizeof(*rows));
	for (size_t i = 0; i < k; i++) {
		row_of(&w[i], &m[i], a->clock.today, gen, a->arena, &rows[i]);
		t->measured[at[i]] = m[i];
		t->has[at[i]] = true;
	}
	return store_results_put(a->store, a->me.org_id, rows, k, e);
}

int app_results_keep_one_tx(struct app *a, const struct objective *o, struct err *e)
{
	bool exists;
	int64_t gen;
	day_t kept_on;
	if (store_result_org(a->store, a->me.org_id, &exists, &gen, &kept_on, e))
		return -1;
	if (!exists || kept_on != a->clock.today)
		return 0;
	struct org org;
	struct mind *inds;
	size_t ni;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e))
		return -1;
	return keep(a, &org, o, 1, inds, ni, gen, e);
}

struct rebuild_call {
	size_t n;
};

static int rebuild_tx(struct app *a, void *arg, struct err *e)
{
	struct rebuild_call *c = arg;
	bool exists;
	int64_t gen;
	day_t kept_on;
	struct org org;
	struct mind *inds;
	size_t ni;
	if (kept_state(a, &exists, &gen, &kept_on, &org, &inds, &ni, e))
		return -1;
	return rebuild(a, &org, inds, ni, exists ? gen : 1, &c->n, e);
}

int app_results_rebuild(struct app *a, size_t *n, struct err *e)
{
	struct rebuild_call c = { 0 };
	int rc = app_tx(a, rebuild_tx, &c, e);
	if (n)
		*n = c.n;
	return rc;
}

static int cmp_row(const void *k, const void *x)
{
	id_t64 id = *(const id_t64 *)k, r = ((const struct result_row *)x)->objective;
	return id < r ? -1 : id > r;
}

int measure_kept(struct store *s, const struct org *org, const struct objective *v, size_t n,
		 day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		 struct arena *a, struct measured *out, struct err *e)
{
	if (bk != B_MONTH || !n)
		return measure_many(s, org, v, n, today, bk, inds, ninds, a, out, e);
	bool exists;
	int64_t gen;
	day_t kept_on;
	if (store_result_org(s, org->id, &exists, &gen, &kept_on, e))
		return -1;
	bool *have = arena_alloc(a, n + 1);
	size_t nhave = 0;
	if (exists) {
		struct ids ids = { arena_alloc(a, n * sizeof(id_t64)), 0 };
		for (size_t i = 0; i < n; i++)
			if (keepable(&v[i], measure_find(inds, ninds, v[i].indicator)))
				ids.v[ids.n++] = v[i].id;
		struct result_row *rows;
		size_t nr;
		if (ids.n &&
		    store_results_get(s, org->id, &ids, today, gen, a, &rows, &nr, e))
			return -1;
		for (size_t i = 0; ids.n && nr && i < n; i++) {
			const struct result_row *r = bsearch(&v[i].id, rows, nr, sizeof(*rows), cmp_row);
			if (!r || r->version != v[i].version)
				continue;
			memset(&out[i], 0, sizeof(out[i]));
			out[i].rollup = -1;
			out[i].ind = measure_find(inds, ninds, v[i].indicator);
			if (!keepable(&v[i], out[i].ind) || !measured_of(r, a, &out[i]))
				continue;
			have[i] = true;
			nhave++;
		}
	}
	if (nhave < n) {
		/* the others computed, together */
		struct objective *w = arena_alloc(a, (n - nhave) * sizeof(*w));
		size_t *at = arena_alloc(a, (n - nhave) * sizeof(size_t)), k = 0;
		for (size_t i = 0; i < n; i++)
			if (!have[i]) {
				at[k] = i;
				w[k++] = v[i];
			}
		struct measured *m = arena_alloc(a, k * sizeof(*m));
		if (measure_many_alone(s, org, w, k, today, bk, inds, ninds, a, m, e))
			return -1;
		for (size_t j = 0; j < k; j++)
			out[at[j]] = m[j];
	}
	measure_rollups(v, n, a, out);
	return 0;
}
