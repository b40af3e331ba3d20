/* Units (company, directions, services, teams) and people. */
#include <string.h>
#include "app/org.h"
#include "http/http.h"

static const struct jfield unit_spec[] = {
	{ "name", J_STRING, 0 }, { "kind", J_STRING, 0 }, { "service", J_STRING, 0 },
	{ "parent_id", J_ID, 1 }, { "lead_id", J_ID, 1 }, { NULL, 0, 0 } };

static int unit_input(struct req *r, json_t *body, struct unit_input *in)
{
	memset(in, 0, sizeof(*in));
	if (json_check_shape(body, unit_spec, &r->err))
		return -1;
	jget_str_set(body, "name", &r->arena, &in->name, UNIT_IN_NAME, &in->set);
	jget_str_set(body, "kind", &r->arena, &in->kind, UNIT_IN_KIND, &in->set);
	jget_str_set(body, "service", &r->arena, &in->service, UNIT_IN_SERVICE, &in->set);
	jget_id_set(body, "parent_id", &in->parent_id, UNIT_IN_PARENT, &in->set);
	jget_id_set(body, "lead_id", &in->lead_id, UNIT_IN_LEAD, &in->set);
	return 0;
}

int api_units_list(struct req *r)
{
	struct unit *v;
	size_t n;
	if (store_unit_list(r->store, r->me.org_id, &r->arena, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_unit(&v[i]));
	return reply_page(r, items, n, n, 0);
}

int api_units_get(struct req *r)
{
	struct unit u;
	if (store_unit_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &u, &r->err))
		return -1;
	return reply_json(r, 200, json_unit(&u));
}

int api_units_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct unit_input in;
	struct unit u;
	if (!unit_input(r, body, &in) && !app_unit_create(&a, &in, &u, &r->err))
		rc = reply_json(r, 201, json_unit(&u));
	json_decref(body);
	return rc;
}

int api_units_update(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct unit_input in;
	struct unit u;
	if (!unit_input(r, body, &in) && !app_unit_update(&a, param_id(r, 0), &in, &u, &r->err))
		rc = reply_json(r, 200, json_unit(&u));
	json_decref(body);
	return rc;
}

/* ---- people ---- */

static const struct jfield person_spec[] = {
	{ "name", J_STRING, 0 }, { "email", J_STRING, 0 }, { "job", J_STRING, 1 },
	{ "role", J_STRING, 0 }, { "unit_id", J_ID, 1 }, { "manager_id", J_ID, 1 },
	{ "hired_on", J_DATE, 1 }, { "active", J_BOOL, 0 }, { "password", J_STRING, 0 },
	{ "current_password", J_STRING, 0 }, { NULL, 0, 0 } };

static int person_input(struct req *r, json_t *body, struct person_input *in)
{
	memset(in, 0, sizeof(*in));
	if (json_check_shape(body, person_spec, &r->err))
		return -1;
	jget_str_set(body, "name", &r->arena, &in->name, PERSON_NAME, &in->set);
	jget_str_set(body, "email", &r->arena, &in->email, PERSON_EMAIL, &in->set);
	jget_str_set(body, "job", &r->arena, &in->job, PERSON_JOB, &in->set);
	jget_str_set(body, "role", &r->arena, &in->role, PERSON_ROLE, &in->set);
	jget_id_set(body, "unit_id", &in->unit_id, PERSON_UNIT, &in->set);
	jget_id_set(body, "manager_id", &in->manager_id, PERSON_MANAGER, &in->set);
	jget_str_set(body, "hired_on", &r->arena, &in->hired_on, PERSON_HIRED_ON, &in->set);
	if (jget_bool(body, "active", &in->active))
		in->set |= PERSON_ACTIVE;
	jget_str_set(body, "password", &r->arena, &in->password, PERSON_PASSWORD, &in->set);
	jget_str(body, "current_password", &r->arena, &in->current_password);
	return 0;
}

int api_people_list(struct req *r)
{
	size_t limit, offset, n, total;
	id_t64 unit;
	if (query_paging(r, &limit, &offset) || query_id(r, "unit", &unit))
		return -1;
	struct person_filter f = { NULL, -1, 0, 0 };
	struct ids sub;
	if (query_bool(r, "active", &f.active))
		return -1;
	if (unit) {
		if (store_unit_subtree(r->store, r->me.org_id, unit, &r->arena, &sub, &r->err))
			return -1;
		f.units = &sub;
	}
	struct person *v;
	if (store_person_list(r->store, r->me.org_id, &f, &r->arena, &v, &n, &total, &r->err))
		return -1;
	/* access filter, then the page */
	json_t *items = json_array();
	size_t seen = 0;
	for (size_t i = 0; i < n; i++) {
		if (!access_person_read(&r->me, &v[i]))
			continue;
		if (seen++ < offset || json_array_size(items) >= limit)
			continue;
		json_array_append_new(items, json_person(&v[i]));
	}
	return reply_page(r, items, seen, limit, offset);
}

int api_people_get(struct req *r)
{
	struct person p;
	if (store_person_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &p, &r->err))
		return -1;
	if (!access_person_read(&r->me, &p))
		return fail(r, 404, "not_found", NULL, "person", NULL);
	return reply_json(r, 200, json_person(&p));
}

int api_people_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct person_input in;
	struct person p;
	if (!person_input(r, body, &in) && !app_person_create(&a, &in, &p, &r->err))
		rc = reply_json(r, 201, json_person(&p));
	json_decref(body);
	return rc;
}

int api_people_update(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct person_input in;
	struct person p;
	if (!person_input(r, body, &in) && !app_person_update(&a, param_id(r, 0), &in, &p, &r->err))
		rc = reply_json(r, 200, json_person(&p));
	json_decref(body);
	return rc;
}
