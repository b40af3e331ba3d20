/* Negotiation over HTTP: an objective's rounds (the thread, the offer on the
 * table, the agreed version, the manager's totals) and a move by a party
 * (app/negotiation.h: app_round_add). The body is read into the use case's
 * input here; every rule is the use case's. */
#include <stdio.h>
#include <string.h>
#include "app/negotiation.h"
#include "http/http.h"

static const struct jfield round_spec[] = {
	{ "kind", J_STRING, 0 }, { "target", J_NUMBER, 0 }, { "start", J_DATE, 1 },
	{ "due", J_DATE, 1 }, { "indicator", J_STRING, 1 }, { "means", J_OBJECT, 0 },
	{ "plan", J_ARRAY, 0 }, { "bounds", J_OBJECT, 0 }, { "reason", J_STRING, 1 },
	{ NULL, 0, 0 } };
static const struct jfield means_spec[] = {
	{ "budget", J_NUMBER, 1 }, { "time_hours", J_NUMBER, 1 }, { "support", J_STRING, 1 },
	{ NULL, 0, 0 } };
static const struct jfield bounds_spec[] = {
	{ "low", J_NUMBER, 0 }, { "high", J_NUMBER, 0 }, { "low_pct", J_NUMBER, 0 },
	{ "high_pct", J_NUMBER, 0 }, { NULL, 0, 0 } };

/* A nested object's shape, its field named from the top (means.budget). */
static int sub_shape(struct req *r, json_t *obj, const char *name, const struct jfield *spec)
{
	if (!json_check_shape(obj, spec, &r->err))
		return 0;
	char f[80];
	snprintf(f, sizeof(f), "%.10s.%.50s", name, r->err.field);
	snprintf(r->err.field, sizeof(r->err.field), "%.63s", f);
	return -1;
}

static int bounds_input(struct req *r, json_t *b, struct bounds_input *out)
{
	if (sub_shape(r, b, "bounds", bounds_spec))
		return -1;
	int null;
	bool abs = json_object_get(b, "low") || json_object_get(b, "high"),
	     pct = json_object_get(b, "low_pct") || json_object_get(b, "high_pct");
	if (abs && pct)
		return fail(r, 422, "invalid_value", "bounds", "bounds",
			    "either low and high, or low_pct and high_pct");
	const char *lo = pct ? "low_pct" : "low", *hi = pct ? "high_pct" : "high";
	char f[32];
	if (!json_object_get(b, lo) || !json_object_get(b, hi)) {
		snprintf(f, sizeof(f), "bounds.%s", json_object_get(b, lo) ? hi : lo);
		return fail(r, 422, "missing_field", f, f, NULL);
	}
	out->given = true;
	out->pct = pct;
	jget_num(b, lo, &out->low, &null);
	jget_num(b, hi, &out->high, &null);
	return 0;
}

static int round_input(struct req *r, json_t *body, struct round_input *in)
{
	memset(in, 0, sizeof(*in));
	if (json_check_shape(body, round_spec, &r->err))
		return -1;
	const char *kind = NULL;
	jget_str(body, "kind", &r->arena, &kind);
	if (!kind)
		return fail(r, 422, "missing_field", "kind", "kind", NULL);
	int k = move_kind_parse(kind);
	if (k < 0 || k == MV_REOPEN)
		return fail(r, 422, "invalid_value", "kind", "kind",
			    "proposal, counter_means, counter_target or accept");
	in->kind = (enum move_kind)k;
	struct objective_input *t = &in->terms;
	int null;
	if (jget_num(body, "target", &t->target, &null)) {
		t->set |= OF_TARGET;
		t->has_target = true;
	}
	int d;
	if ((d = jget_date(body, "start", &t->start, &r->err)) < 0)
		return -1;
	t->set |= d ? OF_START : 0;
	if ((d = jget_date(body, "due", &t->due, &r->err)) < 0)
		return -1;
	t->set |= d ? OF_DUE : 0;
	if (jget_str(body, "indicator", &r->arena, &t->indicator))
		t->set |= OF_INDICATOR;
	json_t *means = json_object_get(body, "means");
	if (means) {
		if (sub_shape(r, means, "means", means_spec))
			return -1;
		if (jget_num(means, "budget", &t->budget, &null)) {
			t->set |= OF_BUDGET;
			t->has_budget = !null;
		}
		if (jget_num(means, "time_hours", &t->time_hours, &null)) {
			t->set |= OF_TIME_HOURS;
			t->has_time_hours = !null;
		}
		if (jget_str(means, "support", &r->arena, &t->support))
			t->set |= OF_SUPPORT;
	}
	if (json_object_get(body, "plan")) {
		if (!jget_array_text(body, "plan", &r->arena, &t->plan_json))
			return -1;
		t->set |= OF_PLAN;
	}
	json_t *b = json_object_get(body, "bounds");
	if (b && bounds_input(r, b, &in->bounds))
		return -1;
	jget_str(body, "reason", &r->arena, &in->reason);
	return 0;
}

int api_rounds_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct negotiation n;
	if (app_negotiation_get(&a, param_id(r, 0), &n, &r->err))
		return -1;
	return reply_json(r, 200, app_negotiation_json(&n));
}

int api_rounds_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	struct round_input in;
	struct negotiation n;
	int rc = -1;
	struct objective o;
	/* 404 before a bad body: the objective's existence is not told */
	if (app_objective_get(&a, param_id(r, 0), &o, &r->err) || round_input(r, body, &in) ||
	    app_round_add(&a, o.id, &in, &n, &r->err))
		goto out;
	rc = reply_json(r, 201, app_negotiation_json(&n));
out:
	json_decref(body);
	return rc;
}
