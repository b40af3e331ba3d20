/* The organisation, its strategic axes, and the public routes (/healthz,
 * the OpenAPI document, the index page). */
#include <string.h>
#include "core/embed.h"
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
		{ "ambition", J_STRING, 0 }, { "working_days", J_STRING, 0 }, { NULL, 0, 0 } };
	if (!access_org_write(&r->me))
		return forbidden(r, "change the organisation");
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct org o;
	json_t *before = NULL;
	if (json_check_shape(body, spec, &r->err) ||
	    store_begin(r->store, &r->err))
		goto out;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &o, &r->err))
		goto fail;
	before = json_org(&o);
	jget_str(body, "name", &r->arena, &o.name);
	jget_str(body, "locale", &r->arena, &o.locale);
	jget_str(body, "currency", &r->arena, &o.currency);
	jget_str(body, "ambition", &r->arena, &o.ambition);
	const char *wd = NULL;
	if (jget_str(body, "working_days", &r->arena, &wd) &&
	    working_days_parse(wd, &o.working_days)) {
		fail(r, 422, "invalid_value", "working_days", "working_days",
		     "day names such as mon,tue,wed,thu,fri");
		goto fail;
	}
	if (!o.name[0]) {
		fail(r, 422, "missing_field", "name", "name", NULL);
		goto fail;
	}
	if (strcmp(o.locale, "fr") && strcmp(o.locale, "en")) {
		fail(r, 422, "invalid_value", "locale", "locale", "fr or en");
		goto fail;
	}
	if (strlen(o.currency) != 3) {
		fail(r, 422, "invalid_value", "currency", "currency", "an ISO 4217 code such as EUR");
		goto fail;
	}
	if (store_org_update(r->store, &o, &r->err) ||
	    audit_write(r, "org", o.id, "update", json_incref(before), json_org(&o)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	rc = reply_json(r, 200, json_org(&o));
	goto out;
fail:
	store_rollback(r->store);
out:
	json_decref(before);
	json_decref(body);
	return rc;
}

/* ---- strategic axes ---- */

static const struct jfield axis_spec[] = {
	{ "title", J_STRING, 0 }, { "description", J_STRING, 1 }, { "position", J_INT, 0 },
	{ NULL, 0, 0 } };

static int axis_apply(struct req *r, json_t *body, struct axis *x)
{
	if (json_check_shape(body, axis_spec, &r->err))
		return -1;
	jget_str(body, "title", &r->arena, &x->title);
	jget_str(body, "description", &r->arena, &x->description);
	json_t *pos = json_object_get(body, "position");
	if (pos)
		x->position = (int)json_integer_value(pos);
	if (!x->title || !x->title[0])
		return fail(r, 422, "missing_field", "title", "title", NULL);
	if (strlen(x->title) > 200)
		return fail(r, 422, "invalid_value", "title", "title", "200 characters at most");
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
	if (!access_org_write(&r->me))
		return forbidden(r, "create strategic axes");
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct axis x;
	memset(&x, 0, sizeof(x));
	x.org_id = r->me.org_id;
	if (axis_apply(r, body, &x) || store_begin(r->store, &r->err))
		goto out;
	if (store_axis_create(r->store, &x, &x.id, &r->err) ||
	    audit_write(r, "axis", x.id, "create", NULL, json_axis(&x)) ||
	    store_commit(r->store, &r->err)) {
		store_rollback(r->store);
		goto out;
	}
	rc = reply_json(r, 201, json_axis(&x));
out:
	json_decref(body);
	return rc;
}

int api_axes_update(struct req *r)
{
	if (!access_org_write(&r->me))
		return forbidden(r, "change strategic axes");
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct axis x;
	json_t *before = NULL;
	if (store_begin(r->store, &r->err))
		goto out;
	if (store_axis_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &x, &r->err))
		goto fail;
	before = json_axis(&x);
	if (axis_apply(r, body, &x) || store_axis_update(r->store, &x, &r->err) ||
	    audit_write(r, "axis", x.id, "update", json_incref(before), json_axis(&x)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	rc = reply_json(r, 200, json_axis(&x));
	goto out;
fail:
	store_rollback(r->store);
out:
	json_decref(before);
	json_decref(body);
	return rc;
}
