/* Share-outs, ramp-up plans, suggested targets: the use cases (share.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/measure.h"
#include "app/negotiation.h"
#include "app/share.h"
#include "store/store_ramp.h"

static json_t *j_date(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

static json_t *j_num(double x)
{
	return isfinite(x) ? json_real(x) : json_null();
}

static int by_id(const void *x, const void *y)
{
	id_t64 a = ((const struct person *)x)->id, b = ((const struct person *)y)->id;
	return a < b ? -1 : a > b;
}

static double median(double *v, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
			double t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* The compiled indicator of o (NULL: not one of the organisation's), and
 * whether its figures add up. */
static const struct mind *indicator_of(struct app *a, const struct objective *o, bool *cumulative)
{
	struct mind *inds;
	size_t ni;
	struct err ignored;
	const struct mind *m = NULL;
	if (o->indicator && !measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, &ignored))
		m = measure_find(inds, ni, o->indicator);
	if (m && !m->ok)
		m = NULL;
	*cumulative = m ? m->prog.cumulative : !(o->unit_label && !strcmp(o->unit_label, "%"));
	return m;
}

/* The indicator for one person over [from, to]; NaN when nothing is known
 * (a volume of 0 is no activity, so no history either). */
static double level_of(struct app *a, const struct mind *m, bool cumulative, id_t64 person,
		       day_t from, day_t to)
{
	id_t64 one = person;
	struct ids p = { &one, 1 };
	double v;
	struct err ignored;
	if (!m || from > to ||
	    measure_value(a->store, a->me.org_id, m, &p, from, to, &v, &ignored) || isnan(v))
		return NAN;
	return cumulative && v == 0 ? NAN : v;
}

const struct ramp_plan *app_ramp_find(const struct ramp_plan *v, size_t n, const char *job)
{
	for (size_t i = 0; job && i < n; i++)
		if (v[i].job && !strcmp(v[i].job, job))
			return &v[i];
	return NULL;
}

/* ---- the share-out ---- */

struct share_tx {
	id_t64 id;
	const struct share_input *in;
	struct share_result r;
};

static bool manages(const struct app *a, id_t64 unit)
{
	return a->me.role == ROLE_ADMIN ||
	       (a->me.role == ROLE_MANAGER && idset_has(&a->me.managed, unit));
}

static const char *draft_title(struct app *a, const struct share_member *m,
			       const struct objective *team)
{
	struct buf f = BUF_INIT;
	share_figure(m->target, team->unit_label, a->lang, &f);
	const char *t = arena_printf(a->arena, a->lang == LANG_EN ? "%s: %s, a share of \"%s\""
						     : "%s : %s, part de « %s »",
				     m->p.name ? m->p.name : "", f.data, team->title ? team->title : "");
	buf_free(&f);
	return t;
}

/* The objective to share out, checked: a collective one of a team the caller
 * manages, not cancelled, with a target and a period, and an input that fits
 * the method. */
static int share_check(struct app *a, id_t64 id, const struct share_input *in,
		       struct objective *t, struct err *e)
{
	if (app_objective_get(a, id, t, e))
		return -1;
	if (!manages(a, t->scope_unit_id))
		return err_set(e, 403, "forbidden", NULL, "share out this objective", NULL);
	if (!t->owner_unit_id || t->level != LEVEL_COLLECTIVE)
		return err_set(e, 422, "invalid_value", "owner_unit_id", "owner_unit_id",
			       "a collective objective owned by a team");
	if (t->status == ST_CANCELLED)
		return err_set(e, 422, "invalid_value", "status", "status",
			       "an objective that is not cancelled");
	if (!t->has_target)
		return err_set(e, 422, "missing_field", "target", "target", NULL);
	if (t->start == DAY_NONE || t->due == DAY_NONE)
		return err_set(e, 422, "missing_field", t->start == DAY_NONE ? "start" : "due",
			       t->start == DAY_NONE ? "start" : "due", NULL);
	if (in->weights_given != (in->method == SHARE_WEIGHTS))
		return in->weights_given
			? err_set(e, 422, "invalid_value", "weights", "weights",
				  "weights only with the method weights")
			: err_set(e, 422, "missing_field", "weights", "weights", NULL);
	return 0;
}

/* The members: the team's people, its lead aside, by id; with the method
 * weights, the people the input names, each once, with their weight. */
static int share_members(struct app *a, const struct objective *t, const struct share_input *in,
			 struct share_result *r, struct err *e)
{
	struct unit u;
	if (store_unit_get(a->store, a->me.org_id, t->owner_unit_id, a->arena, &u, e))
		return -1;
	id_t64 uid = u.id;
	struct ids units = { &uid, 1 };
	struct person_filter pf = { &units, 1, 0, 0 };
	struct person *people;
	size_t np, total;
	if (store_person_list(a->store, a->me.org_id, &pf, a->arena, &people, &np, &total, e))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < np; i++)
		if (people[i].id != u.lead_id && people[i].unit_id == uid)
			people[k++] = people[i];
	np = k;
	if (!np)
		return err_set(e, 422, "invalid_value", "owner_unit_id", "owner_unit_id",
			       "a team with members");
	qsort(people, np, sizeof(*people), by_id);
	size_t nm = np;
	if (in->method == SHARE_WEIGHTS) {
		double *wv = arena_alloc(a->arena, (in->nweights ? in->nweights : 1) * sizeof(double));
		for (size_t i = 0; i < in->nweights; i++)
			wv[i] = in->weights[i].weight;
		if (share_weights_check(wv, in->nweights, "weights", e))
			return -1;
		nm = in->nweights;
	}
	r->members = arena_alloc(a->arena, nm * sizeof(*r->members));
	memset(r->members, 0, nm * sizeof(*r->members));
	r->n = nm;
	for (size_t i = 0; i < nm; i++) {
		if (in->method != SHARE_WEIGHTS) {
			r->members[i].p = people[i];
			continue;
		}
		char f[48];
		snprintf(f, sizeof(f), "weights[%zu].person_id", i);
		const struct person *found = NULL;
		for (size_t j = 0; j < np && !found; j++)
			if (people[j].id == in->weights[i].person_id)
				found = &people[j];
		if (!found)
			return err_set(e, 422, "invalid_value", f, f, "a member of the objective's team");
		for (size_t j = 0; j < i; j++)
			if (r->members[j].p.id == found->id)
				return err_set(e, 422, "invalid_value", f, f, "each member once");
		r->members[i].p = *found;
		r->members[i].share = in->weights[i].weight;
	}
	return 0;
}

/* Each member's ramp-up factor, their history of the indicator over the
 * period of the same length before the objective's (or before today), and
 * their share by the method; *known and *nknown: the sum and the count of
 * the histories known. */
static int share_history(struct app *a, const struct objective *t, const struct mind *m,
			 const struct share_input *in, struct share_result *r, double *known,
			 int *nknown, struct err *e)
{
	struct ramp_plan *plans;
	size_t nplans;
	if (store_ramp_list(a->store, a->me.org_id, a->arena, &plans, &nplans, e))
		return -1;
	int len = t->due - t->start + 1;
	day_t to = a->clock.today < t->start ? a->clock.today : t->start - 1;
	r->history_from = to - len + 1;
	r->history_to = to;
	*known = 0;
	*nknown = 0;
	for (size_t i = 0; i < r->n; i++) {
		struct share_member *x = &r->members[i];
		int step;
		x->factor = ramp_factor(app_ramp_find(plans, nplans, x->p.job), x->p.hired_on,
					t->start, &step);
		x->ramp_month = step + 1;
		x->history = level_of(a, m, r->cumulative, x->p.id, r->history_from, to);
		x->has_history = !isnan(x->history);
		if (x->has_history) {
			*known += x->history;
			(*nknown)++;
		}
		if (in->method == SHARE_EVEN)
			x->share = 1;
		else if (in->method == SHARE_RAMP)
			x->share = x->factor;
		else if (in->method == SHARE_HISTORY)
			x->share = r->cumulative ? (x->has_history ? x->history : 0) : 1;
	}
	if (in->method == SHARE_HISTORY && (!*nknown || (r->cumulative && !(*known > 0))))
		return err_set(e, 422, "invalid_value", "method", "method",
			       "members with a history of the indicator");
	return 0;
}

/* The members' targets: shares of a sum for a volume, of a mean for a rate,
 * rounded to the quantum with the remainder on one member. */
static void share_targets(struct app *a, const struct objective *t, const struct share_input *in,
			  double known, int nknown, struct share_result *r)
{
	size_t nm = r->n;
	double *s = arena_alloc(a->arena, nm * sizeof(double)),
	       *base = arena_alloc(a->arena, nm * sizeof(double)),
	       *out = arena_alloc(a->arena, nm * sizeof(double));
	for (size_t i = 0; i < nm; i++) {
		struct share_member *x = &r->members[i];
		s[i] = x->share;
		if (r->cumulative)
			base[i] = 0;
		else if (in->method == SHARE_HISTORY)
			base[i] = x->has_history ? x->history : known / nknown;
		else
			base[i] = t->has_baseline ? t->baseline : t->target;
	}
	r->quantum = share_quantum(t->target, r->cumulative);
	double want = r->cumulative ? t->target : t->target * (double)nm;
	int rem = share_compute(nm, base, s, want, r->quantum, out);
	double sum = 0;
	for (size_t i = 0; i < nm; i++) {
		r->members[i].target = out[i];
		r->members[i].remainder = (int)i == rem;
		sum += out[i];
	}
	r->total = r->cumulative ? sum : sum / (double)nm;
}

/* 409 when a member already holds a live share of it on the same indicator. */
static int share_conflict(struct app *a, const struct objective *t, const struct share_result *r,
			  struct err *e)
{
	struct objective_filter of;
	memset(&of, 0, sizeof(of));
	of.level = of.status = -1;
	of.from = of.to = DAY_NONE;
	of.parent = t->id;
	struct objective *kids;
	size_t nk;
	if (store_objective_list(a->store, a->me.org_id, &of, a->arena, &kids, &nk, NULL, e))
		return -1;
	for (size_t i = 0; i < r->n; i++)
		for (size_t j = 0; j < nk; j++)
			if (kids[j].owner_person_id == r->members[i].p.id &&
			    kids[j].status != ST_CANCELLED && kids[j].indicator && t->indicator &&
			    !strcmp(kids[j].indicator, t->indicator)) {
				char f[32];
				snprintf(f, sizeof(f), "members[%zu]", i);
				return err_set(e, 409, "conflict", f,
					       "a member already has an objective on this indicator under this one",
					       NULL);
			}
	return 0;
}

/* One member's draft: an individual objective under the team's, checked
 * as a create. */
static void share_draft_input(struct app *a, const struct objective *t,
			      const struct share_member *x, struct objective_input *oi)
{
	memset(oi, 0, sizeof(*oi));
	oi->set = OF_PARENT | OF_LEVEL | OF_OWNER_PERSON | OF_TITLE | OF_WHAT | OF_WHY | OF_HOW |
		  OF_INDICATOR | OF_UNIT | OF_DIRECTION | OF_BASELINE | OF_TARGET | OF_START |
		  OF_DUE | OF_STATUS;
	oi->parent_id = t->id;
	oi->level = LEVEL_INDIVIDUAL;
	oi->owner_person_id = x->p.id;
	oi->title = draft_title(a, x, t);
	oi->what = t->what;
	oi->why = a->lang == LANG_EN ? "A share of the team's objective"
				     : "Une part de l'objectif de l'équipe";
	oi->how = t->how;
	oi->indicator = t->indicator;
	oi->unit = t->unit_label;
	oi->direction = t->direction;
	oi->has_target = true;
	oi->target = x->target;
	/* the baseline: their own level when the target lies beyond it */
	double sign = t->direction == DIR_DECREASE ? -1 : 1;
	oi->has_baseline = x->has_history &&
			   (t->direction == DIR_INCREASE || t->direction == DIR_DECREASE) &&
			   sign * (x->target - x->history) > 0;
	oi->baseline = oi->has_baseline ? x->history : 0;
	oi->start = t->start;
	oi->due = t->due;
	oi->status = ST_DRAFT;
}

/* The drafts, each checked as a create, then proposed (a first round with
 * bounds of 90 % to 110 %) when asked; in a preview, their titles only. */
static int share_drafts(struct app *a, const struct objective *t, const struct share_input *in,
			struct share_result *r, struct err *e)
{
	r->proposed = in->propose;
	for (size_t i = 0; i < r->n; i++) {
		struct share_member *x = &r->members[i];
		struct objective_input oi;
		share_draft_input(a, t, x, &oi);
		x->o.id = 0;
		if (in->preview) {
			x->o.title = oi.title;
			continue;
		}
		if (x->target == 0 && r->cumulative)
			continue;  /* nothing to ask of them */
		if (app_objective_create_tx(a, &oi, &x->o, e))
			return -1;
		if (!in->propose)
			continue;
		struct round_input ri;
		memset(&ri, 0, sizeof(ri));
		ri.kind = MV_PROPOSAL;
		ri.bounds = (struct bounds_input){ true, true, 90, 110 };
		if (app_round_add_tx(a, x->o.id, &ri, e) ||
		    store_objective_get(a->store, a->me.org_id, x->o.id, a->arena, &x->o, e))
			return -1;
	}
	return 0;
}

static int share_tx(struct app *a, void *arg, struct err *e)
{
	struct share_tx *w = arg;
	const struct share_input *in = w->in;
	struct share_result *r = &w->r;
	struct objective *t = &r->team;
	memset(r, 0, sizeof(*r));
	r->method = in->method;
	r->preview = in->preview;
	if (share_check(a, w->id, in, t, e))
		return -1;
	const struct mind *m = indicator_of(a, t, &r->cumulative);
	if (in->method == SHARE_HISTORY && !m)
		return err_set(e, 422, "invalid_value", "indicator", "indicator",
			       "an indicator of the organisation");
	double known;
	int nknown;
	if (share_members(a, t, in, r, e) || share_history(a, t, m, in, r, &known, &nknown, e))
		return -1;
	share_targets(a, t, in, known, nknown, r);
	if (share_conflict(a, t, r, e) || share_drafts(a, t, in, r, e))
		return -1;
	if (in->preview)
		return 0;
	return app_audit(a, "objective", t->id, "share_out", NULL, app_share_json(r), e);
}

int app_share_out(struct app *a, id_t64 objective, const struct share_input *in,
		  struct share_result *out, struct err *e)
{
	struct share_tx w;
	memset(&w, 0, sizeof(w));
	w.id = objective;
	w.in = in;
	/* a preview runs the same checks in a transaction that writes nothing */
	if (app_tx(a, share_tx, &w, e))
		return -1;
	*out = w.r;
	return 0;
}

json_t *app_share_json(const struct share_result *r)
{
	json_t *items = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct share_member *x = &r->members[i];
		json_t *v = json_pack("{s:I, s:s, s:o, s:o, s:f, s:o, s:f, s:o, s:f, s:b}",
			"person_id", (json_int_t)x->p.id, "name", x->p.name ? x->p.name : "",
			"job", x->p.job ? json_string(x->p.job) : json_null(),
			"hired_on", j_date(x->p.hired_on), "share", x->share,
			"history", x->has_history ? json_real(x->history) : json_null(),
			"ramp_factor", x->factor,
			"ramp_month", x->ramp_month > 0 ? json_integer(x->ramp_month) : json_null(),
			"target", x->target, "remainder", x->remainder);
		json_object_set_new(v, "objective_id", x->o.id ? json_integer(x->o.id) : json_null());
		json_object_set_new(v, "title", json_string(x->o.title ? x->o.title : ""));
		json_object_set_new(v, "status", x->o.id ? json_string(status_name(x->o.status))
							 : json_null());
		json_array_append_new(items, v);
	}
	double gap = r->team.target - r->total;
	return json_pack("{s:I, s:s, s:b, s:b, s:b, s:f, s:f, s:f, s:f, s:o, s:o, s:o}",
		"objective_id", (json_int_t)r->team.id, "method", share_method_name(r->method),
		"cumulative", r->cumulative, "preview", r->preview, "proposed",
		!r->preview && r->proposed, "target", r->team.target, "total", r->total,
		"gap", fabs(gap) < 1e-9 ? 0.0 : gap, "quantum", r->quantum,
		"history_from", j_date(r->history_from), "history_to", j_date(r->history_to),
		"members", items);
}

/* ---- what the children add up to ---- */

void app_children_total(struct store *s, id_t64 org, const struct objective *o,
			struct arena *a, struct children_total *out)
{
	memset(out, 0, sizeof(*out));
	if (!o->id || !o->has_target || !o->indicator || o->start == DAY_NONE ||
	    o->due == DAY_NONE || o->due < o->start)
		return;
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.parent = o->id;
	struct objective *v;
	size_t n;
	struct err ignored;
	if (store_objective_list(s, org, &f, a, &v, &n, NULL, &ignored))
		return;
	/* additive unless its indicator is a rate or an average */
	struct mind *inds;
	size_t ni;
	const struct mind *m = NULL;
	if (!measure_indicators(s, org, a, &inds, &ni, &ignored))
		m = measure_find(inds, ni, o->indicator);
	bool cumulative = m && m->ok ? m->prog.cumulative
				     : !(o->unit_label && !strcmp(o->unit_label, "%"));
	double sum = 0, expected = 0;
	int k = 0;
	double len = (double)(o->due - o->start + 1);
	for (size_t i = 0; i < n; i++) {
		const struct objective *c = &v[i];
		if (c->status == ST_CANCELLED || !c->has_target || !c->indicator ||
		    strcmp(c->indicator, o->indicator) || c->start == DAY_NONE ||
		    c->due == DAY_NONE || c->due < c->start)
			continue;
		double clen = (double)(c->due - c->start + 1);
		sum += c->target;
		expected += cumulative && clen < len ? o->target * clen / len : o->target;
		k++;
	}
	if (!k)
		return;
	out->has = true;
	out->rate = !cumulative;
	out->n = k;
	if (cumulative) {
		/* children on shorter periods: the parent's target prorated to theirs,
		 * one set of periods at a time (a quarter's children against a
		 * quarter of the year) */
		out->total = sum;
		out->expected = expected;
		bool same = true;
		for (size_t i = 0; i < n; i++)
			if (v[i].status != ST_CANCELLED && v[i].has_target && v[i].indicator &&
			    !strcmp(v[i].indicator, o->indicator) &&
			    (v[i].start != o->start || v[i].due != o->due))
				same = false;
		if (same)
			out->expected = o->target;
		else {
			/* prorated once per distinct period, not per child */
			double per = 0;
			day_t seen_s[64], seen_d[64];
			int ns = 0;
			for (size_t i = 0; i < n; i++) {
				const struct objective *c = &v[i];
				if (c->status == ST_CANCELLED || !c->has_target || !c->indicator ||
				    strcmp(c->indicator, o->indicator) || c->start == DAY_NONE ||
				    c->due == DAY_NONE || c->due < c->start)
					continue;
				int dup = 0;
				for (int j = 0; j < ns; j++)
					dup |= seen_s[j] == c->start && seen_d[j] == c->due;
				if (dup || ns >= 64)
					continue;
				seen_s[ns] = c->start;
				seen_d[ns++] = c->due;
				double clen = (double)(c->due - c->start + 1);
				per += o->target * (clen < len ? clen / len : 1);
			}
			out->expected = per;
		}
	} else {
		out->total = sum / k;
		out->expected = o->target;
	}
	out->gap = out->expected - out->total;
	out->adds_up = fabs(out->gap) <= 0.005 * fabs(out->expected) + 1e-9;
}

json_t *app_children_total_json(const struct children_total *t)
{
	if (!t->has)
		return json_null();
	return json_pack("{s:s, s:i, s:f, s:f, s:f, s:b}", "kind", t->rate ? "mean" : "sum",
			 "children", t->n, "total", t->total, "expected", t->expected, "gap",
			 fabs(t->gap) < 1e-9 ? 0.0 : t->gap, "adds_up", t->adds_up);
}

/* ---- ramp-up plans ---- */

json_t *app_ramp_json(const struct ramp_plan *p)
{
	json_t *steps = json_array();
	for (int i = 0; i < p->nsteps; i++)
		json_array_append_new(steps, json_real(p->steps[i]));
	return json_pack("{s:I, s:s, s:o, s:b, s:I}", "id", (json_int_t)p->id, "job",
			 p->job ? p->job : "", "steps", steps, "above_100", p->above_100,
			 "updated_at", (json_int_t)p->updated_at);
}

int app_ramp_list(struct app *a, struct ramp_plan **out, size_t *n, struct err *e)
{
	return store_ramp_list(a->store, a->me.org_id, a->arena, out, n, e);
}

static bool ramp_writer(const struct app *a)
{
	return a->me.role == ROLE_ADMIN || a->me.role == ROLE_HR;
}

struct ramp_tx {
	const struct ramp_input *in;
	id_t64 id;
	struct ramp_plan p;
};

static int ramp_put_tx(struct app *a, void *arg, struct err *e)
{
	struct ramp_tx *w = arg;
	const struct ramp_input *in = w->in;
	struct ramp_plan *p = &w->p;
	struct ramp_plan *v;
	size_t n;
	if (store_ramp_list(a->store, a->me.org_id, a->arena, &v, &n, e))
		return -1;
	const struct ramp_plan *old = app_ramp_find(v, n, in->job);
	memset(p, 0, sizeof(*p));
	p->org_id = a->me.org_id;
	p->job = in->job;
	p->nsteps = in->nsteps;
	memcpy(p->steps, in->steps, (size_t)in->nsteps * sizeof(double));
	p->above_100 = in->above_100;
	p->updated_at = a->clock.now;
	p->updated_by = a->me.person_id;
	if (store_ramp_put(a->store, p, &p->id, e))
		return -1;
	return app_audit(a, "ramp_plan", p->id, old ? "update" : "create",
			 old ? app_ramp_json(old) : NULL, app_ramp_json(p), e);
}

int app_ramp_put(struct app *a, const struct ramp_input *in, struct ramp_plan *out,
		 struct err *e)
{
	if (!ramp_writer(a))
		return err_set(e, 403, "forbidden", NULL, "set ramp-up plans", NULL);
	size_t jl = in->job ? strlen(in->job) : 0;
	while (jl && in->job[jl - 1] == ' ')
		jl--;
	if (!jl)
		return err_set(e, 422, "missing_field", "job", "job", NULL);
	if (strlen(in->job) > 200)
		return err_set(e, 422, "invalid_value", "job", "job", "1 to 200 characters");
	if (ramp_plan_check(in->steps, in->nsteps, in->above_100, e))
		return -1;
	struct ramp_tx w;
	memset(&w, 0, sizeof(w));
	w.in = in;
	if (app_tx(a, ramp_put_tx, &w, e))
		return -1;
	*out = w.p;
	return 0;
}

static int ramp_delete_tx(struct app *a, void *arg, struct err *e)
{
	struct ramp_tx *w = arg;
	if (store_ramp_get(a->store, a->me.org_id, w->id, a->arena, &w->p, e) ||
	    store_ramp_delete(a->store, a->me.org_id, w->id, e))
		return -1;
	return app_audit(a, "ramp_plan", w->id, "delete", app_ramp_json(&w->p), NULL, e);
}

int app_ramp_delete(struct app *a, id_t64 id, struct err *e)
{
	if (!ramp_writer(a)) {
		struct ramp_plan p;
		/* a plan of another organisation is not told */
		if (store_ramp_get(a->store, a->me.org_id, id, a->arena, &p, e))
			return -1;
		return err_set(e, 403, "forbidden", NULL, "set ramp-up plans", NULL);
	}
	struct ramp_tx w;
	memset(&w, 0, sizeof(w));
	w.id = id;
	return app_tx(a, ramp_delete_tx, &w, e);
}

/* ---- the suggested target ---- */

static const char *period_of(int len)
{
	return len >= 28 && len <= 31 ? "month" : len >= 89 && len <= 92 ? "quarter"
	       : len >= 365 && len <= 366 ? "year" : "period";
}

int app_suggest_target(struct app *a, id_t64 person, id_t64 objective, struct suggested *out,
		       struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct person *p = &out->p;
	struct objective *o = &out->o;
	struct err ignored;
	if (store_person_get(a->store, a->me.org_id, person, a->arena, p, &ignored) ||
	    !access_person_read(&a->me, p))
		return err_set(e, 404, "not_found", NULL, "person", NULL);
	if (app_objective_get(a, objective, o, e))
		return -1;
	if (!o->indicator || o->start == DAY_NONE || o->due == DAY_NONE || o->due < o->start)
		return err_set(e, 422, "invalid_value", "objective", "objective",
			       "an objective with an indicator, a start and a due date");
	bool cumulative;
	const struct mind *m = indicator_of(a, o, &cumulative);
	struct suggest_input *in = &out->in;
	in->unit = o->unit_label;
	int len = o->due - o->start + 1;
	out->period = period_of(len);
	day_t to = a->clock.today < o->start ? a->clock.today : o->start - 1;

	/* their own last three periods, newest first, since the hire */
	double *own = arena_alloc(a->arena, 3 * sizeof(double));
	for (int k = 0; k < 3; k++) {
		day_t t = to - k * len, f = t - len + 1;
		if (p->hired_on != DAY_NONE && f < p->hired_on)
			break;
		double v = level_of(a, m, cumulative, p->id, f, t);
		if (isnan(v))
			break;
		own[in->nown++] = v;
	}
	in->own = own;

	/* peers: the same job, the same year of seniority at the period's end */
	int year = p->hired_on != DAY_NONE && months_since(p->hired_on, to) >= 0
		   ? months_since(p->hired_on, to) / 12 + 1 : 0;
	if (p->job && year && m) {
		struct person_filter pf = { NULL, 1, 0, 0 };
		struct person *v;
		size_t n, total;
		if (!store_person_list(a->store, a->me.org_id, &pf, a->arena, &v, &n, &total, &ignored)) {
			double *lv = arena_alloc(a->arena, (n ? n : 1) * sizeof(double));
			size_t k = 0;
			for (size_t i = 0; i < n; i++) {
				if (v[i].id == p->id || !v[i].job || strcmp(v[i].job, p->job) ||
				    v[i].hired_on == DAY_NONE || months_since(v[i].hired_on, to) < 0 ||
				    months_since(v[i].hired_on, to) / 12 + 1 != year)
					continue;
				double x = level_of(a, m, cumulative, v[i].id, to - len + 1, to);
				if (!isnan(x))
					lv[k++] = x;
			}
			if (k) {
				in->has_peers = true;
				in->peers_n = (int)k;
				in->peers_year = year;
				in->peers_median = median(lv, k);
			}
		}
	}

	/* the team's share: an even share of the team's objective fitted to
	 * the ramp-up plans (their team's, when o is it) */
	struct ramp_plan *plans;
	size_t nplans;
	if (store_ramp_list(a->store, a->me.org_id, a->arena, &plans, &nplans, e))
		return -1;
	int step;
	double factor = ramp_factor(app_ramp_find(plans, nplans, p->job), p->hired_on, o->start,
				    &step);
	if (step >= 0) {
		in->has_ramp = true;
		in->ramp = factor;
		in->ramp_month = step + 1;
	}
	if (o->owner_unit_id && o->owner_unit_id == p->unit_id && o->has_target) {
		struct unit u;
		if (!store_unit_get(a->store, a->me.org_id, o->owner_unit_id, a->arena, &u, &ignored) &&
		    u.lead_id != p->id) {
			id_t64 uid = u.id;
			struct ids units = { &uid, 1 };
			struct person_filter pf = { &units, 1, 0, 0 };
			struct person *v;
			size_t n, total;
			if (!store_person_list(a->store, a->me.org_id, &pf, a->arena, &v, &n, &total,
					       &ignored)) {
				double sum = 0;
				int k = 0;
				for (size_t i = 0; i < n; i++) {
					if (v[i].id == u.lead_id || v[i].unit_id != uid)
						continue;
					sum += ramp_factor(app_ramp_find(plans, nplans, v[i].job),
							   v[i].hired_on, o->start, NULL);
					k++;
				}
				if (k && sum > 0) {
					in->has_team = true;
					in->team_share = cumulative ? o->target * factor / sum
						: (o->has_baseline ? o->baseline : o->target) +
						  ((o->target - (o->has_baseline ? o->baseline : o->target)) *
						   factor * k / sum);
				}
			}
		}
	}
	suggest_target(in, &out->s);
	struct buf b = BUF_INIT;
	suggest_reasoning(in, &out->s, out->period, a->lang, &b);
	out->reasoning = arena_strdup(a->arena, b.data);
	buf_free(&b);
	return 0;
}

json_t *app_suggested_json(const struct suggested *s)
{
	json_t *own = json_array();
	for (size_t i = 0; i < s->in.nown; i++)
		json_array_append_new(own, json_real(s->in.own[i]));
	json_t *v = json_pack("{s:I, s:I, s:o, s:s, s:o}", "person_id", (json_int_t)s->p.id,
			      "objective_id", (json_int_t)s->o.id, "indicator",
			      s->o.indicator ? json_string(s->o.indicator) : json_null(),
			      "period", s->period, "own", own);
	json_object_set_new(v, "peers", s->in.has_peers
		? json_pack("{s:i, s:i, s:f}", "count", s->in.peers_n, "year", s->in.peers_year,
			    "median", s->in.peers_median) : json_null());
	json_object_set_new(v, "team_share", s->in.has_team ? j_num(s->in.team_share) : json_null());
	json_object_set_new(v, "ramp", s->in.has_ramp
		? json_pack("{s:i, s:f}", "month", s->in.ramp_month, "factor", s->in.ramp)
		: json_null());
	json_object_set_new(v, "suggested", s->s.has_value ? json_real(s->s.value) : json_null());
	json_object_set_new(v, "unit", s->o.unit_label ? json_string(s->o.unit_label) : json_null());
	json_object_set_new(v, "reasoning", json_string(s->reasoning ? s->reasoning : ""));
	return v;
}

/* ---- objectives not fitted to the ramp-up plan ---- */

int app_ramp_alerts(struct app *a, struct ramp_alert **out, size_t *n, struct err *e)
{
	*out = NULL;
	*n = 0;
	struct ramp_plan *plans;
	size_t nplans;
	if (store_ramp_list(a->store, a->me.org_id, a->arena, &plans, &nplans, e))
		return -1;
	if (!nplans)
		return 0;
	struct person_filter pf = { NULL, 1, 0, 0 };
	struct person *people;
	size_t np, total;
	if (store_person_list(a->store, a->me.org_id, &pf, a->arena, &people, &np, &total, e))
		return -1;
	struct ramp_alert *v = NULL;
	size_t k = 0, cap = 0;
	day_t today = a->clock.today;
	for (size_t i = 0; i < np; i++) {
		const struct person *p = &people[i];
		const struct ramp_plan *plan = app_ramp_find(plans, nplans, p->job);
		int step;
		if (!plan || !access_person_read(&a->me, p))
			continue;
		ramp_factor(plan, p->hired_on, today, &step);
		if (step < 0)
			continue;
		struct objective_filter f;
		memset(&f, 0, sizeof(f));
		f.level = f.status = -1;
		f.from = f.to = DAY_NONE;
		f.owner_person = p->id;
		struct objective *mine;
		size_t nmine;
		if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &mine, &nmine, NULL, e))
			return -1;
		for (size_t j = 0; j < nmine; j++) {
			const struct objective *o = &mine[j];
			if (o->status == ST_CANCELLED || o->status == ST_ACHIEVED ||
			    o->status == ST_MISSED || !o->has_target || !o->parent_id || !o->indicator ||
			    o->due < today || !access_objective_read(&a->me, o))
				continue;
			int ostep;
			double factor = ramp_factor(plan, p->hired_on, o->start, &ostep);
			if (ostep < 0)
				continue;
			/* the standard: siblings on the indicator held by people past their plan */
			struct objective_filter sf = f;
			sf.owner_person = 0;
			sf.parent = o->parent_id;
			struct objective *sib;
			size_t ns;
			if (store_objective_list(a->store, a->me.org_id, &sf, a->arena, &sib, &ns, NULL, e))
				return -1;
			double *tv = arena_alloc(a->arena, (ns ? ns : 1) * sizeof(double));
			size_t nt = 0;
			for (size_t s = 0; s < ns; s++) {
				const struct objective *x = &sib[s];
				if (x->id == o->id || !x->owner_person_id || !x->has_target ||
				    x->status == ST_CANCELLED || !x->indicator ||
				    strcmp(x->indicator, o->indicator) || x->start != o->start ||
				    x->due != o->due)
					continue;
				struct person q;
				struct err ig;
				if (store_person_get(a->store, a->me.org_id, x->owner_person_id, a->arena, &q, &ig))
					continue;
				int qs;
				ramp_factor(app_ramp_find(plans, nplans, q.job), q.hired_on, o->start, &qs);
				if (qs < 0)
					tv[nt++] = x->target;
			}
			if (!nt)
				continue;
			double fitted = median(tv, nt) * factor;
			bool up = o->direction != DIR_DECREASE;
			if (up ? o->target <= fitted * 1.1 : o->target >= fitted / 1.1)
				continue;
			struct ramp_alert *r = arena_push(a->arena, &v, &k, &cap, sizeof(*r));
			r->p = p;
			r->o = *o;
			r->fitted = fitted;
			r->factor = factor;
			r->month = ostep + 1;
		}
	}
	*out = v;
	*n = k;
	return 0;
}
