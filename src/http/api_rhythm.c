/* The rhythm of objectives over HTTP: cadence settings, feedback threads,
 * one-to-ones and their actions (app/rhythm.h, app/feedback.h,
 * app/oneonone.h); the dashboards' and alerts' parts are in api_measure.c
 * and api_alerts.c. Handlers parse and render only. */
#include <string.h>
#include "app/feedback.h"
#include "app/oneonone.h"
#include "app/rhythm.h"
#include "http/http.h"

/* ---- cadences ---- */

int api_cadences_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct cadence_setting *v;
	size_t n;
	if (app_cadence_list(&a, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_cadence_json(&v[i]));
	return reply_page(r, items, n, n, 0);
}

int api_cadences_set(struct req *r)
{
	static const struct jfield spec[] = {
		{ "scope", J_STRING, 0 }, { "scope_id", J_ID, 1 }, { "every", J_STRING, 1 },
		{ NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct cadence_input in = { NULL, 0, NULL };
	if (!json_check_shape(body, spec, &r->err)) {
		jget_str(body, "scope", &r->arena, &in.scope);
		jget_id(body, "scope_id", &in.scope_id);
		if (!json_object_get(body, "every"))
			fail(r, 422, "missing_field", "every", "every", NULL);
		else {
			jget_str(body, "every", &r->arena, &in.every);
			if (!app_cadence_set(&a, &in, &r->err)) {
				struct cadence_setting *v;
				size_t n;
				if (!app_cadence_list(&a, &v, &n, &r->err)) {
					json_t *items = json_array();
					for (size_t i = 0; i < n; i++)
						json_array_append_new(items, app_cadence_json(&v[i]));
					rc = reply_page(r, items, n, n, 0);
				}
			}
		}
	}
	json_decref(body);
	return rc;
}

/* ---- feedback ---- */

static json_t *thread_json(const struct feedback_row *f, const struct feedback_row *v, size_t n)
{
	json_t *j = app_feedback_json(f);
	json_t *replies = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(replies, app_feedback_json(&v[i]));
	json_object_set_new(j, "replies", replies);
	return j;
}

int api_feedback_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	id_t64 person, with;
	size_t limit, offset, n;
	int open;
	if (query_id(r, "person", &person) || query_id(r, "peer", &with) ||
	    query_paging(r, &limit, &offset) || query_bool(r, "open", &open))
		return -1;
	struct feedback_row *v;
	if (app_feedback_list(&a, person, with, open == 1, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = offset; i < n && json_array_size(items) < limit; i++)
		json_array_append_new(items, app_feedback_json(&v[i]));
	return reply_page(r, items, n, limit, offset);
}

int api_feedback_create(struct req *r)
{
	static const struct jfield spec[] = {
		{ "to_id", J_ID, 0 }, { "objective_id", J_ID, 1 }, { "text", J_STRING, 0 },
		{ NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct feedback_input in = { 0, 0, NULL };
	struct feedback_row f;
	if (!json_check_shape(body, spec, &r->err)) {
		jget_id(body, "to_id", &in.to_id);
		jget_id(body, "objective_id", &in.objective_id);
		jget_str(body, "text", &r->arena, &in.text);
		if (!app_feedback_create(&a, &in, &f, &r->err))
			rc = reply_json(r, 201, thread_json(&f, NULL, 0));
	}
	json_decref(body);
	return rc;
}

int api_feedback_get(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct feedback_row f, *v;
	size_t n;
	if (app_feedback_get(&a, param_id(r, 0), &f, &v, &n, &r->err))
		return -1;
	return reply_json(r, 200, thread_json(&f, v, n));
}

int api_feedback_reply(struct req *r)
{
	const char *text;
	if (req_json_string(r, "text", &text))
		return -1;
	struct app a;
	req_app(r, &a);
	struct feedback_row f;
	if (app_feedback_reply(&a, param_id(r, 0), text, &f, &r->err))
		return -1;
	return reply_json(r, 201, app_feedback_json(&f));
}

int api_feedback_close(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct feedback_row f, *v;
	size_t n;
	if (app_feedback_close(&a, param_id(r, 0), &f, &r->err) ||
	    app_feedback_get(&a, f.id, &f, &v, &n, &r->err))
		return -1;
	return reply_json(r, 200, thread_json(&f, v, n));
}

/* ---- one-to-ones ---- */

static const struct jfield oneonone_spec[] = {
	{ "manager_id", J_ID, 0 }, { "member_id", J_ID, 0 }, { "day", J_DATE, 0 },
	{ "shared_notes", J_STRING, 1 }, { "private_notes", J_STRING, 1 }, { NULL, 0, 0 } };
static const struct jfield oneonone_patch_spec[] = {
	{ "day", J_DATE, 0 }, { "shared_notes", J_STRING, 1 }, { "private_notes", J_STRING, 1 },
	{ NULL, 0, 0 } };

static int oneonone_input(struct req *r, json_t *body, const struct jfield *spec,
			  struct oneonone_input *in)
{
	memset(in, 0, sizeof(*in));
	in->day = DAY_NONE;
	if (json_check_shape(body, spec, &r->err))
		return -1;
	if (jget_id(body, "manager_id", &in->manager_id))
		in->set |= OO_MANAGER;
	if (jget_id(body, "member_id", &in->member_id))
		in->set |= OO_MEMBER;
	int d = jget_date(body, "day", &in->day, &r->err);
	if (d < 0)
		return -1;
	if (d)
		in->set |= OO_DAY;
	if (jget_str(body, "shared_notes", &r->arena, &in->shared_notes))
		in->set |= OO_SHARED;
	if (jget_str(body, "private_notes", &r->arena, &in->private_notes))
		in->set |= OO_PRIVATE;
	return 0;
}

int api_oneonones_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	id_t64 person;
	size_t limit, offset, n;
	if (query_id(r, "person", &person) || query_paging(r, &limit, &offset))
		return -1;
	struct oneonone_row *v;
	if (app_oneonone_list(&a, person, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = offset; i < n && json_array_size(items) < limit; i++)
		json_array_append_new(items, app_oneonone_row_json(&v[i], r->clock.today));
	return reply_page(r, items, n, limit, offset);
}

int api_oneonones_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct oneonone_input in;
	struct oneonone o;
	if (!oneonone_input(r, body, oneonone_spec, &in) && !app_oneonone_create(&a, &in, &o, &r->err))
		rc = reply_json(r, 201, app_oneonone_json(&o, r->clock.today));
	json_decref(body);
	return rc;
}

int api_oneonones_get(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct oneonone o;
	if (app_oneonone_get(&a, param_id(r, 0), &o, &r->err))
		return -1;
	return reply_json(r, 200, app_oneonone_json(&o, r->clock.today));
}

int api_oneonones_update(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct oneonone_input in;
	struct oneonone o;
	if (!oneonone_input(r, body, oneonone_patch_spec, &in) &&
	    !app_oneonone_update(&a, param_id(r, 0), &in, &o, &r->err))
		rc = reply_json(r, 200, app_oneonone_json(&o, r->clock.today));
	json_decref(body);
	return rc;
}

int api_oneonones_action(struct req *r)
{
	static const struct jfield spec[] = {
		{ "owner_id", J_ID, 0 }, { "title", J_STRING, 0 }, { "due", J_DATE, 1 },
		{ NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct action_input in = { 0, NULL, DAY_NONE };
	struct action_row x;
	if (!json_check_shape(body, spec, &r->err)) {
		jget_id(body, "owner_id", &in.owner_id);
		jget_str(body, "title", &r->arena, &in.title);
		if (jget_date(body, "due", &in.due, &r->err) >= 0 &&
		    !app_action_create(&a, param_id(r, 0), &in, &x, &r->err))
			rc = reply_json(r, 201, app_action_json(&x));
	}
	json_decref(body);
	return rc;
}

int api_actions_update(struct req *r)
{
	static const struct jfield spec[] = { { "done", J_BOOL, 0 }, { NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	bool done = false;
	struct action_row x;
	if (!json_check_shape(body, spec, &r->err)) {
		if (!jget_bool(body, "done", &done))
			fail(r, 422, "missing_field", "done", "done", NULL);
		else if (!app_action_set_done(&a, param_id(r, 0), done, &x, &r->err))
			rc = reply_json(r, 200, app_action_json(&x));
	}
	json_decref(body);
	return rc;
}
