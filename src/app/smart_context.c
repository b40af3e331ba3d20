/* The SMART analyzer's context, gathered from the store (see app.h). */
#include <math.h>
#include <string.h>
#include "app/app.h"
#include "app/measure.h"
#include "app/share.h"
#include "store/store_ramp.h"

#define WINDOWS 5   /* past periods as long as the objective's */
#define PEERS 24    /* colleagues compared with, at most */

/* Changes achieved from one past period to the next, as long as o's: up to
 * WINDOWS - 1 of them, newest first; value(k) is the indicator over the
 * window [from, to]. */
struct who {
	struct store *s;
	const struct objective *o;  /* its owner (person or unit)... */
	const struct ids *person;   /* ...or this one person */
	const struct mind *m;
	struct arena *a;
};

static size_t history(const struct who *w, day_t start, int len, double *out, double *levels,
		      size_t *nlevels, day_t since)
{
	double v[WINDOWS];
	struct err e;
	for (int k = 0; k < WINDOWS; k++) {
		day_t to = start - k * len - 1, from = to - len + 1;
		int rc = w->person ? measure_value(w->s, w->o->org_id, w->m, w->person, from, to, &v[k], &e)
				   : measure_owner_value(w->s, w->o, w->m, from, to, w->a, &v[k], &e);
		if (rc)
			v[k] = NAN;
	}
	size_t n = 0;
	*nlevels = 0;
	for (int k = 0; k < WINDOWS; k++)
		if (!isnan(v[k]) && (since == DAY_NONE || start - (k + 1) * len >= since))
			levels[(*nlevels)++] = v[k];
	for (int k = 0; k + 1 < WINDOWS; k++)
		if (!isnan(v[k]) && !isnan(v[k + 1]))
			out[n++] = v[k] - v[k + 1];
	return n;
}

/* A sum over days with no record is 0: when every level found is 0, no
 * activity was ever recorded there — that is no history, not a history of
 * zeros (else any volume target would be "beyond every level"). */
static void drop_empty_levels(struct smart_context *c)
{
	if (!c->cumulative)
		return;
	for (size_t i = 0; i < c->nown_levels; i++)
		if (c->own_levels[i] != 0)
			return;
	for (size_t i = 0; i < c->npeer_levels; i++)
		if (c->peer_levels[i] != 0)
			return;
	c->nown_levels = c->npeer_levels = 0;
}

/* The history "achievable" compares with: the owner's own changes over
 * comparable periods, and for a person their teammates' (the same indicator,
 * the same length of period). Only for what the check uses: a change asked
 * for (increase or decrease, from a baseline) on a measured indicator. */
static void gather_history(struct store *s, id_t64 org, const struct objective *o,
			   struct arena *a, struct smart_context *c)
{
	if (!o->indicator || o->start == DAY_NONE || o->due == DAY_NONE || o->due < o->start ||
	    !o->has_target ||
	    (o->direction != DIR_INCREASE && o->direction != DIR_DECREASE))
		return;
	struct err e;
	struct mind *inds;
	size_t ni;
	if (measure_indicators(s, org, a, &inds, &ni, &e))
		return;
	const struct mind *m = measure_find(inds, ni, o->indicator);
	if (!m || !m->ok)
		return;
	int len = o->due - o->start + 1;
	if (!o->owner_person_id && !o->owner_unit_id)
		return;
	c->cumulative = m->prog.cumulative;
	double *own = arena_alloc(a, WINDOWS * sizeof(double));
	double *lev = arena_alloc(a, WINDOWS * sizeof(double));
	struct who w = { s, o, NULL, m, a };
	/* a period before the owner's arrival is no level of theirs */
	c->nown = history(&w, o->start, len, own, lev, &c->nown_levels, c->hired_on);
	c->own_changes = own;
	c->own_levels = lev;
	/* the value so far: at or past the target, it is within reach */
	day_t upto = c->today < o->due ? c->today : o->due;
	if (upto >= o->start &&
	    !measure_owner_value(s, o, m, o->start, upto, a, &c->current, &e) && !isnan(c->current))
		c->has_current = true;
	if (!o->owner_person_id || !o->scope_unit_id) {
		drop_empty_levels(c);
		return;
	}
	id_t64 scope = o->scope_unit_id;
	struct ids unit = { &scope, 1 }, team;
	if (store_people_of_units(s, org, &unit, a, &team, &e))
		return;
	double *peer = arena_alloc(a, PEERS * WINDOWS * sizeof(double));
	double *plev = arena_alloc(a, PEERS * WINDOWS * sizeof(double));
	size_t np = 0, npl = 0, seen = 0;
	for (size_t i = 0; i < team.n && seen < PEERS; i++) {
		if (team.v[i] == o->owner_person_id)
			continue;
		struct ids one = { &team.v[i], 1 };
		struct who pw = { s, o, &one, m, a };
		size_t nl;
		np += history(&pw, o->start, len, peer + np, plev + npl, &nl, DAY_NONE);
		npl += nl;
		seen++;
	}
	c->peer_changes = peer;
	c->npeer = np;
	c->peer_levels = plev;
	c->npeer_levels = npl;
	drop_empty_levels(c);
}

void app_smart_context(struct store *s, id_t64 org, const struct objective *o, day_t today,
		       struct arena *a, struct smart_context *c)
{
	memset(c, 0, sizeof(*c));
	c->today = today;
	c->hired_on = DAY_NONE;
	struct err e;
	err_clear(&e);
	if (o->owner_person_id) {
		struct person p;
		if (!store_person_get(s, org, o->owner_person_id, a, &p, &e)) {
			c->hired_on = p.hired_on;
			struct ramp_plan *plans;
			size_t np;
			int step;
			/* the organisation's plan for their job, at the start */
			if (!store_ramp_list(s, org, a, &plans, &np, &e)) {
				double f = ramp_factor(app_ramp_find(plans, np, p.job), p.hired_on,
						       o->start, &step);
				if (step >= 0)
					c->ramp_plan = f;
			}
		}
	}
	struct unit u;
	if (o->scope_unit_id &&
	    !store_unit_get(s, org, o->scope_unit_id, a, &u, &e))
		c->service = u.service;
	/* aligned: some objective up the chain (or this one) hangs on an axis */
	struct objective cur = *o;
	c->aligned = cur.axis_id != 0;
	for (int depth = 0; !c->aligned && cur.parent_id && depth < 64; depth++) {
		if (store_objective_get(s, org, cur.parent_id, a, &cur, &e))
			break;
		c->aligned = cur.axis_id != 0;
	}
	if (o->parent_id) {
		struct objective_filter f;
		memset(&f, 0, sizeof(f));
		f.level = f.status = -1;
		f.from = f.to = DAY_NONE;
		f.parent = o->parent_id;
		f.limit = 64;
		struct objective *v;
		size_t n;
		if (store_objective_list(s, org, &f, a, &v, &n, NULL, &e))
			n = 0;  /* the verdict without siblings beats no answer */
		const char **t = arena_alloc(a, (n ? n : 1) * sizeof(char *));
		id_t64 *sp = arena_alloc(a, (n ? n : 1) * sizeof(id_t64));
		id_t64 *su = arena_alloc(a, (n ? n : 1) * sizeof(id_t64));
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (v[i].id != o->id && v[i].status != ST_CANCELLED) {
				sp[k] = v[i].owner_person_id;
				su[k] = v[i].owner_unit_id;
				t[k++] = v[i].title;
			}
		c->siblings = t;
		c->sibling_person = sp;
		c->sibling_unit = su;
		c->nsiblings = k;
	}
	gather_history(s, org, o, a, c);
	struct children_total ct;
	app_children_total(s, org, o, a, &ct);
	if (ct.has) {
		c->has_children = true;
		c->children_rate = ct.rate;
		c->children_total = ct.total;
		c->children_expected = ct.expected;
	}
}
