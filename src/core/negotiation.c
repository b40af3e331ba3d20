/* Negotiation: the pure rules (negotiation.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/negotiation.h"

static const char *const kind_names[MV__COUNT] = { "proposal", "reopen", "counter_means",
						   "counter_target", "accept" };

const char *move_kind_name(enum move_kind k)
{
	return k < MV__COUNT ? kind_names[k] : "proposal";
}

int move_kind_parse(const char *s)
{
	for (int i = 0; s && i < MV__COUNT; i++)
		if (!strcmp(s, kind_names[i]))
			return i;
	return -1;
}

const char *side_name(enum side s)
{
	return s == SIDE_OWNER ? "owner" : s == SIDE_MANAGER ? "manager" : NULL;
}

int side_parse(const char *s)
{
	if (s && !strcmp(s, "owner"))
		return SIDE_OWNER;
	if (s && !strcmp(s, "manager"))
		return SIDE_MANAGER;
	return -1;
}

void terms_of(const struct objective *o, struct terms *t)
{
	t->has_target = o->has_target;
	t->target = o->has_target ? o->target : 0;
	t->start = o->start;
	t->due = o->due;
	t->indicator = o->indicator;
	t->budget = o->means_budget;
	t->time_hours = o->means_time_hours;
	t->support = o->means_support;
	t->plan_json = o->plan_json;
}

static bool same_text(const char *a, const char *b)
{
	if (a && !*a)
		a = NULL;
	if (b && !*b)
		b = NULL;
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_plan(const char *a, const char *b)
{
	if (!a || !*a)
		a = "[]";
	if (!b || !*b)
		b = "[]";
	return !strcmp(a, b);
}

static bool same_amount(double a, double b)
{
	return (a < 0 && b < 0) || a == b;
}

unsigned terms_diff(const struct terms *a, const struct terms *b)
{
	unsigned d = 0;
	if (a->has_target != b->has_target || (a->has_target && a->target != b->target))
		d |= TF_TARGET;
	if (a->start != b->start)
		d |= TF_START;
	if (a->due != b->due)
		d |= TF_DUE;
	if (!same_text(a->indicator, b->indicator))
		d |= TF_INDICATOR;
	if (!same_amount(a->budget, b->budget))
		d |= TF_BUDGET;
	if (!same_amount(a->time_hours, b->time_hours))
		d |= TF_TIME_HOURS;
	if (!same_text(a->support, b->support))
		d |= TF_SUPPORT;
	if (!same_plan(a->plan_json, b->plan_json))
		d |= TF_PLAN;
	return d;
}

static void fmt_num(char *out, size_t n, double x)
{
	snprintf(out, n, "%.15g", x);
}

int bounds_resolve(const struct bounds_input *in, double target, double *low, double *high,
		   struct err *e)
{
	char t[40];
	if (!in->given)
		return err_set(e, 422, "missing_field", "bounds", "bounds", NULL);
	if (!(isfinite(in->low) && isfinite(in->high)))
		return err_set(e, 422, "invalid_value", "bounds", "bounds", "finite numbers");
	if (in->pct) {
		if (!(in->low >= 0 && in->low <= 100))
			return err_set(e, 422, "invalid_value", "bounds.low_pct", "bounds.low_pct",
				       "a share from 0 to 100 %");
		if (!(in->high >= 100 && in->high <= 1000))
			return err_set(e, 422, "invalid_value", "bounds.high_pct", "bounds.high_pct",
				       "a share from 100 to 1000 %");
		double a = target * in->low / 100, b = target * in->high / 100;
		*low = a < b ? a : b;
		*high = a < b ? b : a;
		return 0;
	}
	fmt_num(t, sizeof(t), target);
	if (!(in->low <= target))
		return err_set(e, 422, "bounds_exclude_target", "bounds.low", t, NULL);
	if (!(in->high >= target))
		return err_set(e, 422, "bounds_exclude_target", "bounds.high", t, NULL);
	*low = in->low;
	*high = in->high;
	return 0;
}

int bounds_check(double target, double low, double high, const char *field, struct err *e)
{
	char t[40], b[40];
	fmt_num(t, sizeof(t), target);
	if (target < low) {
		fmt_num(b, sizeof(b), low);
		return err_set(e, 422, "out_of_bounds", field, t, b);
	}
	if (target > high) {
		fmt_num(b, sizeof(b), high);
		return err_set_variant(e, 422, "out_of_bounds", "out_of_bounds_high", field, t, b);
	}
	return 0;
}

void bounds_carry(const struct move *prev, double target, double *low, double *high)
{
	if (prev && prev->has_pct) {
		struct bounds_input in = { true, true, prev->pct_low, prev->pct_high };
		struct err ignored;
		if (!bounds_resolve(&in, target, low, high, &ignored))
			return;
	}
	if (!prev) {
		*low = *high = target;
		return;
	}
	*low = prev->low < target ? prev->low : target;
	*high = prev->high > target ? prev->high : target;
}

void nego_state_of(const struct move *v, size_t n, struct nego_state *s)
{
	memset(s, 0, sizeof(*s));
	for (size_t i = 0; i < n; i++) {
		const struct move *m = &v[i];
		if (m->round != s->round) {
			s->round = m->round;
			s->first = m;
			s->means_countered = false;
		}
		s->seq = m->seq;
		s->last = m;
		s->open = m->kind != MV_ACCEPT;
		if (m->kind != MV_ACCEPT)
			s->offer = m;
		if (m->kind == MV_COUNTER_MEANS)
			s->means_countered = true;
	}
	if (!s->open) {
		s->offer = NULL;
		s->first = NULL;
	}
}

enum side negotiation_side(const struct principal *p, const struct objective *o,
			   id_t64 owner_party)
{
	if (o->org_id != p->org_id || p->role == ROLE_HR)
		return SIDE_NONE;
	if (owner_party && p->person_id == owner_party)
		return SIDE_OWNER;
	if (p->role == ROLE_ADMIN ||
	    (p->role == ROLE_MANAGER && idset_has(&p->managed, o->scope_unit_id)))
		return SIDE_MANAGER;
	return SIDE_NONE;
}

int nego_move_check(const struct nego_state *s, enum status st, enum move_kind k, enum side side,
		    bool self_proposed, struct err *e)
{
	if (st == ST_CANCELLED || st == ST_ACHIEVED || st == ST_MISSED)
		return err_set(e, 422, "invalid_status_change", "status", status_name(st),
			       status_name(ST_PROPOSED));
	if (k == MV_PROPOSAL || k == MV_REOPEN) {
		if (s->open)
			return err_set(e, 409, "round_open", "kind", NULL, NULL);
		if (st != ST_DRAFT && st != ST_PROPOSED && st != ST_AGREED)
			return err_set(e, 422, "invalid_status_change", "status", status_name(st),
				       status_name(ST_PROPOSED));
		/* the first round: the manager's, or the person's own proposal */
		if (st != ST_AGREED && side == SIDE_OWNER && !self_proposed)
			return err_set(e, 403, "forbidden", NULL,
				       "open a round on an objective you did not propose", NULL);
		return 0;
	}
	if (!s->open) {
		if (k == MV_ACCEPT && st == ST_AGREED)
			return err_set(e, 409, "already_agreed", "kind", NULL, NULL);
		return err_set(e, 409, "no_open_round", "kind", NULL, NULL);
	}
	if (k == MV_ACCEPT && s->offer && s->offer->side == side)
		return err_set(e, 409, "own_offer", "kind", NULL, NULL);
	if (k == MV_COUNTER_TARGET && !s->means_countered)
		return err_set(e, 409, "means_first", "target", NULL, NULL);
	return 0;
}
