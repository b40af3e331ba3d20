/* The demo organisation's negotiations (demo_negotiation.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "app/demo_negotiation.h"
#include "app/negotiation.h"

#define DEMO_NEGOTIATIONS 9   /* objectives negotiated, at most (the 1,000-person demo too) */

/* One move by person on day: the app acts as them. */
static int act(struct app *sys, id_t64 person, day_t day, id_t64 objective,
	       const struct round_input *in, struct err *e)
{
	struct app a = *sys;
	if (app_act_as(&a, person, e))
		return -1;
	a.clock = app_clock_on(sys->clock, day);
	struct negotiation n;
	return app_round_add(&a, objective, in, &n, e);
}

static struct round_input move(enum move_kind k, const char *reason)
{
	struct round_input in;
	memset(&in, 0, sizeof(in));
	in.kind = k;
	in.reason = reason;
	return in;
}

/* A counter-offer of the target: a third of the way back to the baseline,
 * kept within 90-110 % of the proposal. */
static double counter_target(const struct objective *o)
{
	double t = o->target, x = o->has_baseline ? t - (t - o->baseline) * 0.3 : t * 0.95;
	double lo = fmin(t * 0.9, t * 1.1), hi = fmax(t * 0.9, t * 1.1);
	x = fmin(hi, fmax(lo, x));
	return round(x * 100) / 100;
}

static int negotiate(struct app *a, const struct objective *o, id_t64 manager, int scenario,
		     struct demo_negotiations *out, struct err *e)
{
	day_t today = a->clock.today;
	id_t64 member = o->owner_person_id;
	char why[200];
	struct round_input p = move(MV_PROPOSAL, "La cible de l'équipe, répartie selon ton niveau du trimestre dernier.");
	p.bounds = (struct bounds_input){ true, true, 90, 110 };
	p.terms.set = OF_TIME_HOURS | OF_SUPPORT;
	p.terms.has_time_hours = true;
	p.terms.time_hours = 6;
	p.terms.support = "Un point d'équipe chaque lundi";
	if (scenario == 2)
		return act(a, manager, today - 1, o->id, &p, e) ? -1 : (out->open++, 0);
	if (act(a, manager, today - 12, o->id, &p, e))
		return -1;
	struct round_input m = move(MV_COUNTER_MEANS,
		"Il me faut de la double écoute avant de m'engager : deux demi-journées, et 4 h de plus sur le trimestre.");
	m.terms.set = OF_TIME_HOURS | OF_SUPPORT;
	m.terms.has_time_hours = true;
	m.terms.time_hours = 10;
	m.terms.support = "Un point d'équipe chaque lundi ; deux demi-journées de double écoute";
	if (act(a, member, today - (scenario ? 2 : 10), o->id, &m, e))
		return -1;
	if (scenario == 1)
		return out->open++, 0;
	double x = counter_target(o);
	struct round_input t = move(MV_COUNTER_TARGET, NULL);
	snprintf(why, sizeof(why), "Même avec la double écoute, le trimestre a les congés de décembre :"
		 " je propose %g.", x);
	t.reason = why;
	t.terms.set = OF_TARGET;
	t.terms.has_target = true;
	t.terms.target = x;
	if (act(a, member, today - 9, o->id, &t, e))
		return -1;
	struct round_input acc = move(MV_ACCEPT, "D'accord, avec la double écoute en décembre.");
	if (act(a, manager, today - 8, o->id, &acc, e))
		return -1;
	out->agreed++;
	return 0;
}

int app_demo_negotiations(struct app *a, struct demo_negotiations *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = LEVEL_INDIVIDUAL;
	f.status = -1;
	f.from = f.to = DAY_NONE;
	struct objective *v;
	size_t n;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &n, NULL, e))
		return -1;
	int done = 0;
	for (size_t i = 0; i < n && done < DEMO_NEGOTIATIONS; i++) {
		const struct objective *o = &v[i];
		if ((o->status != ST_DRAFT && o->status != ST_PROPOSED) || !o->owner_person_id ||
		    !o->has_target)
			continue;
		struct unit u;
		if (store_unit_get(a->store, a->me.org_id, o->scope_unit_id, a->arena, &u, e))
			return -1;
		if (!u.lead_id || u.lead_id == o->owner_person_id)
			continue;
		if (negotiate(a, o, u.lead_id, done % 3, out, e))
			return -1;
		done++;
	}
	return 0;
}
