/* The organisation, its strategic axes, and the public routes (/healthz,
 * the OpenAPI document, the index page). */
#include <string.h>
#include "core/embed.h"
#include "app/org.h"
#include "http/http.h"

int api_healthz(struct req *r)
{
	int64_t n;
	if (store_org_count(r->store, &n, NULL, &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:s, s:i}", "status", "ok", "schema",
					    store_schema_version(r->store)));
}

int api_openapi(struct req *r)
{
	const struct embedded_file *f = embedded_find(assets_files, "openapi.json");
	if (!f)
		return fail(r, 404, "not_found", NULL, "openapi.json", NULL);
	buf_add(&r->out, f->data, f->size);
	r->status = 200;
	r->content_type = "application/json; charset=utf-8";
	return 0;
}

int api_org_get(struct req *r)
{
	struct org o;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &o, &r->err))
		return -1;
	return reply_json(r, 200, json_org(&o));
}

int api_org_update(struct req *r)
{
	static const struct jfield spec[] = {
		{ "name", J_STRING, 0 }, { "locale", J_STRING, 0 }, { "currency", J_STRING, 0 },
		{ "ambition", J_STRING, 0 }, { "working_days", J_STRING, 0 },
		{ "time_zone", J_STRING, 0 }, { "admins_read_feedback", J_BOOL, 0 }, { NULL, 0, 0 } };
	struct app a;
	req_app(r, &a);
	if (app_org_write_check(&a, "change the organisation", &r->err))
		return -1;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct org_input in = { 0 };
	struct org o;
	if (!json_check_shape(body, spec, &r->err)) {
		jget_str_set(body, "name", &r->arena, &in.name, ORG_NAME, &in.set);
		jget_str_set(body, "locale", &r->arena, &in.locale, ORG_LOCALE, &in.set);
		jget_str_set(body, "currency", &r->arena, &in.currency, ORG_CURRENCY, &in.set);
		jget_str_set(body, "ambition", &r->arena, &in.ambition, ORG_AMBITION, &in.set);
		jget_str_set(body, "working_days", &r->arena, &in.working_days, ORG_WORKING_DAYS, &in.set);
		jget_str_set(body, "time_zone", &r->arena, &in.time_zone, ORG_TIME_ZONE, &in.set);
		if (jget_bool(body, "admins_read_feedback", &in.admins_read_feedback))
			in.set |= ORG_ADMINS_READ_FEEDBACK;
		if (!app_org_update(&a, &in, &o, &r->err))
			rc = reply_json(r, 200, json_org(&o));
	}
	json_decref(body);
	return rc;
}

/* ---- strategic axes ---- */

static const struct jfield axis_spec[] = {
	{ "title", J_STRING, 0 }, { "description", J_STRING, 1 }, { "position", J_INT, 0 },
	{ NULL, 0, 0 } };

/* The body as an axis_input; -1 with r->err on a wrong shape. */
static int axis_input(struct req *r, json_t *body, struct axis_input *in)
{
	memset(in, 0, sizeof(*in));
	if (json_check_shape(body, axis_spec, &r->err))
		return -1;
	jget_str_set(body, "title", &r->arena, &in->title, AXIS_TITLE, &in->set);
	jget_str_set(body, "description", &r->arena, &in->description, AXIS_DESCRIPTION, &in->set);
	json_t *pos = json_object_get(body, "position");
	if (pos) {
		in->set |= AXIS_POSITION;
		in->position = (int)json_integer_value(pos);
	}
	return 0;
}

int api_axes_list(struct req *r)
{
	struct axis *v;
	size_t n;
	if (store_axis_list(r->store, r->me.org_id, &r->arena, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_axis(&v[i]));
	return reply_page(r, items, n, n, 0);
}

int api_axes_get(struct req *r)
{
	struct axis x;
	if (store_axis_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &x, &r->err))
		return -1;
	return reply_json(r, 200, json_axis(&x));
}

int api_axes_create(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_org_write_check(&a, "create strategic axes", &r->err))
		return -1;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct axis_input in;
	struct axis x;
	if (!axis_input(r, body, &in) && !app_axis_create(&a, &in, &x, &r->err))
		rc = reply_json(r, 201, json_axis(&x));
	json_decref(body);
	return rc;
}

int api_axes_update(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_org_write_check(&a, "change strategic axes", &r->err))
		return -1;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct axis_input in;
	struct axis x;
	if (!axis_input(r, body, &in) && !app_axis_update(&a, param_id(r, 0), &in, &x, &r->err))
		rc = reply_json(r, 200, json_axis(&x));
	json_decref(body);
	return rc;
}
