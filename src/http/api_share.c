/* A team objective shared out, ramp-up plans, a person's suggested target
 * (app/share.h): thin adapters. */
#include <string.h>
#include "app/share.h"
#include "http/http.h"

static const struct jfield share_spec[] = {
	{ "method", J_STRING, 0 }, { "weights", J_ARRAY, 0 }, { "preview", J_BOOL, 0 },
	{ "propose", J_BOOL, 0 }, { NULL, 0, 0 } };
static const struct jfield weight_spec[] = {
	{ "person_id", J_ID, 0 }, { "weight", J_NUMBER, 0 }, { NULL, 0, 0 } };

static int share_input(struct req *r, json_t *body, struct share_input *in)
{
	memset(in, 0, sizeof(*in));
	in->propose = true;
	if (json_check_shape(body, share_spec, &r->err))
		return -1;
	int m;
	if (!json_object_get(body, "method"))
		return fail(r, 422, "missing_field", "method", "method", NULL);
	if (jget_enum(body, "method", share_method_parse, &m, "even, weights, ramp or history",
		      &r->err) < 0)
		return -1;
	in->method = (enum share_method)m;
	jget_bool(body, "preview", &in->preview);
	jget_bool(body, "propose", &in->propose);
	json_t *w = json_object_get(body, "weights");
	if (!w)
		return 0;
	in->weights_given = true;
	size_t n = json_array_size(w);
	if (n > 1000)
		return fail(r, 422, "invalid_value", "weights", "weights", "1000 at most");
	struct share_weight *v = arena_alloc(&r->arena, (n ? n : 1) * sizeof(*v));
	size_t i;
	json_t *x;
	json_array_foreach(w, i, x) {
		char f[80];
		if (!json_is_object(x)) {
			snprintf(f, sizeof(f), "weights[%zu]", i);
			return fail(r, 400, "invalid_type", f, f, "an object");
		}
		if (json_check_shape(x, weight_spec, &r->err)) {
			snprintf(f, sizeof(f), "weights[%zu].%.20s", i, r->err.field);
			snprintf(r->err.field, sizeof(r->err.field), "%.63s", f);
			return -1;
		}
		int null;
		if (!jget_id(x, "person_id", &v[i].person_id) || !v[i].person_id) {
			snprintf(f, sizeof(f), "weights[%zu].person_id", i);
			return fail(r, 422, "missing_field", f, f, NULL);
		}
		if (!jget_num(x, "weight", &v[i].weight, &null)) {
			snprintf(f, sizeof(f), "weights[%zu].weight", i);
			return fail(r, 422, "missing_field", f, f, NULL);
		}
	}
	in->weights = v;
	in->nweights = n;
	return 0;
}

int api_objectives_share_out(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	struct objective o;
	struct share_input in;
	struct share_result res;
	int rc = -1;
	/* 404 before a bad body: the objective's existence is not told */
	if (app_objective_get(&a, param_id(r, 0), &o, &r->err) || share_input(r, body, &in) ||
	    app_share_out(&a, o.id, &in, &res, &r->err))
		goto out;
	rc = reply_json(r, in.preview ? 200 : 201, app_share_json(&res));
out:
	json_decref(body);
	return rc;
}

int api_ramp_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct ramp_plan *v;
	size_t n;
	if (app_ramp_list(&a, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_ramp_json(&v[i]));
	return reply_page(r, items, n, n, 0);
}

static const struct jfield ramp_spec[] = {
	{ "job", J_STRING, 0 }, { "steps", J_ARRAY, 0 }, { "above_100", J_BOOL, 0 },
	{ NULL, 0, 0 } };

int api_ramp_put(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct ramp_input in;
	memset(&in, 0, sizeof(in));
	double steps[RAMP_STEPS_MAX + 1];
	if (a.me.role != ROLE_ADMIN && a.me.role != ROLE_HR) {
		forbidden(r, "set ramp-up plans");
		goto out;
	}
	if (json_check_shape(body, ramp_spec, &r->err))
		goto out;
	jget_str(body, "job", &r->arena, &in.job);
	jget_bool(body, "above_100", &in.above_100);
	json_t *s = json_object_get(body, "steps");
	if (!s) {
		fail(r, 422, "missing_field", "steps", "steps", NULL);
		goto out;
	}
	size_t i;
	json_t *x;
	json_array_foreach(s, i, x) {
		if (i > RAMP_STEPS_MAX)
			break;
		if (!json_is_number(x)) {
			char f[32];
			snprintf(f, sizeof(f), "steps[%zu]", i);
			fail(r, 400, "invalid_type", f, f, "a number");
			goto out;
		}
		steps[i] = json_number_value(x);
	}
	in.steps = steps;
	in.nsteps = (int)(json_array_size(s) > RAMP_STEPS_MAX ? RAMP_STEPS_MAX + 1
							      : json_array_size(s));
	struct ramp_plan p;
	if (app_ramp_put(&a, &in, &p, &r->err))
		goto out;
	rc = reply_json(r, 200, app_ramp_json(&p));
out:
	json_decref(body);
	return rc;
}

int api_ramp_delete(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_ramp_delete(&a, param_id(r, 0), &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

int api_people_suggested_target(struct req *r)
{
	struct app a;
	req_app(r, &a);
	id_t64 objective = 0;
	if (query_id(r, "goal", &objective))
		return -1;
	if (!objective)
		return fail(r, 400, "invalid_query", "goal", "goal", "a positive integer id");
	struct suggested s;
	if (app_suggest_target(&a, param_id(r, 0), objective, &s, &r->err))
		return -1;
	return reply_json(r, 200, app_suggested_json(&s));
}
