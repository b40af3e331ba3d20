/* Units (company, directions, services, teams) and people. */
#include <string.h>
#include "http/http.h"

static const struct jfield unit_spec[] = {
	{ "name", J_STRING, 0 }, { "kind", J_STRING, 0 }, { "service", J_STRING, 0 },
	{ "parent_id", J_ID, 1 }, { "lead_id", J_ID, 1 }, { NULL, 0, 0 } };

/* A reference to another row of the same organisation: 422 if it is not there. */
static int check_ref(struct req *r, const char *field, const char *what, int exists)
{
	if (!exists)
		return fail(r, 422, "unknown_reference", field, field, what);
	return 0;
}

static int unit_exists(struct req *r, id_t64 id)
{
	struct unit u;
	struct err e;
	return !store_unit_get(r->store, r->me.org_id, id, &r->arena, &u, &e);
}

static int person_exists(struct req *r, id_t64 id)
{
	struct person p;
	struct err e;
	return !store_person_get(r->store, r->me.org_id, id, &r->arena, &p, &e);
}

static int unit_apply(struct req *r, json_t *body, struct unit *u)
{
	if (json_check_shape(body, unit_spec, &r->err))
		return -1;
	int k = u->kind, sv = u->service;
	jget_str(body, "name", &r->arena, &u->name);
	if (jget_enum(body, "kind", unit_kind_parse, &k, "company, direction, service or team",
		      &r->err) < 0 ||
	    jget_enum(body, "service", service_type_parse, &sv,
		      "none, sales, call_centre, support, marketing or other", &r->err) < 0)
		return -1;
	u->kind = (enum unit_kind)k;
	u->service = (enum service_type)sv;
	jget_id(body, "parent_id", &u->parent_id);
	jget_id(body, "lead_id", &u->lead_id);
	if (!u->name || !u->name[0])
		return fail(r, 422, "missing_field", "name", "name", NULL);
	if (strlen(u->name) > 200)
		return fail(r, 422, "invalid_value", "name", "name", "200 characters at most");
	if (u->parent_id && check_ref(r, "parent_id", "a unit", unit_exists(r, u->parent_id)))
		return -1;
	if (u->lead_id && check_ref(r, "lead_id", "a person", person_exists(r, u->lead_id)))
		return -1;
	if (!u->parent_id && u->kind != UNIT_COMPANY)
		return fail(r, 422, "missing_field", "parent_id", "parent_id", NULL);
	if (u->id && u->parent_id) {
		/* moving a unit under its own subtree would make a loop */
		struct ids sub;
		if (store_unit_subtree(r->store, r->me.org_id, u->id, &r->arena, &sub, &r->err))
			return -1;
		if (ids_contains(&sub, u->parent_id))
			return fail(r, 409, "cycle", "parent_id", NULL, NULL);
	}
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
	int rc = -1;
	struct unit u;
	memset(&u, 0, sizeof(u));
	u.org_id = r->me.org_id;
	u.kind = UNIT_TEAM;
	if (store_begin(r->store, &r->err))
		goto out;
	if (unit_apply(r, body, &u))
		goto fail;
	if (!access_unit_write(&r->me, &u)) {
		forbidden(r, "create a unit here");
		goto fail;
	}
	if (store_unit_create(r->store, &u, &u.id, &r->err) ||
	    audit_write(r, "unit", u.id, "create", NULL, json_unit(&u)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	rc = reply_json(r, 201, json_unit(&u));
	goto out;
fail:
	store_rollback(r->store);
out:
	json_decref(body);
	return rc;
}

int api_units_update(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct unit u;
	json_t *before = NULL;
	if (store_begin(r->store, &r->err))
		goto out;
	if (store_unit_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &u, &r->err))
		goto fail;
	if (!access_unit_write(&r->me, &u)) {
		forbidden(r, "change this unit");
		goto fail;
	}
	before = json_unit(&u);
	if (unit_apply(r, body, &u))
		goto fail;
	if (!access_unit_write(&r->me, &u)) {
		forbidden(r, "move this unit there");
		goto fail;
	}
	if (store_unit_update(r->store, &u, &r->err) ||
	    audit_write(r, "unit", u.id, "update", json_incref(before), json_unit(&u)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	rc = reply_json(r, 200, json_unit(&u));
	goto out;
fail:
	store_rollback(r->store);
out:
	json_decref(before);
	json_decref(body);
	return rc;
}

/* ---- people ---- */

static const struct jfield person_spec[] = {
	{ "name", J_STRING, 0 }, { "email", J_STRING, 0 }, { "job", J_STRING, 1 },
	{ "role", J_STRING, 0 }, { "unit_id", J_ID, 1 }, { "manager_id", J_ID, 1 },
	{ "hired_on", J_DATE, 1 }, { "active", J_BOOL, 0 }, { "password", J_STRING, 0 },
	{ NULL, 0, 0 } };

static int email_plausible(const char *s)
{
	const char *at = strchr(s, '@');
	return at && at != s && strchr(at + 1, '.') && !strchr(at + 1, '@') && strlen(s) <= 254 &&
	       !strpbrk(s, " \t\r\n<>\"");
}

static int person_apply(struct req *r, json_t *body, struct person *p, const char **password)
{
	if (json_check_shape(body, person_spec, &r->err))
		return -1;
	int role = p->role;
	jget_str(body, "name", &r->arena, &p->name);
	jget_str(body, "email", &r->arena, &p->email);
	jget_str(body, "job", &r->arena, &p->job);
	if (jget_enum(body, "role", role_parse, &role, "admin, manager, member or hr", &r->err) < 0)
		return -1;
	p->role = (enum role)role;
	jget_id(body, "unit_id", &p->unit_id);
	jget_id(body, "manager_id", &p->manager_id);
	if (jget_date(body, "hired_on", &p->hired_on, &r->err) < 0)
		return -1;
	jget_bool(body, "active", &p->active);
	jget_str(body, "password", &r->arena, password);
	if (!p->name || !p->name[0])
		return fail(r, 422, "missing_field", "name", "name", NULL);
	if (!p->email || !email_plausible(p->email))
		return fail(r, 422, "invalid_value", "email", "email", "an address such as nom@exemple.fr");
	if (p->unit_id && check_ref(r, "unit_id", "a unit", unit_exists(r, p->unit_id)))
		return -1;
	if (p->manager_id && check_ref(r, "manager_id", "a person", person_exists(r, p->manager_id)))
		return -1;
	if (p->id && p->manager_id == p->id)
		return fail(r, 409, "cycle", "manager_id", NULL, NULL);
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
	const char *active = query(r, "active");
	if (active) {
		if (strcmp(active, "true") && strcmp(active, "false"))
			return fail(r, 400, "invalid_query", "active", "active", "true or false");
		f.active = !strcmp(active, "true");
	}
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
	int rc = -1;
	struct person p;
	memset(&p, 0, sizeof(p));
	p.org_id = r->me.org_id;
	p.role = ROLE_MEMBER;
	p.active = true;
	p.hired_on = DAY_NONE;
	const char *password = NULL;
	char hash[128];
	if (store_begin(r->store, &r->err))
		goto out;
	if (person_apply(r, body, &p, &password))
		goto fail;
	if (!access_person_write(&r->me, &p)) {
		forbidden(r, "add this person");
		goto fail;
	}
	if (store_person_create(r->store, &p, &p.id, &r->err))
		goto fail;
	if (password && (auth_hash_password(password, hash, &r->err) ||
			 store_person_set_password(r->store, p.org_id, p.id, hash, &r->err)))
		goto fail;
	if (audit_write(r, "person", p.id, "create", NULL, json_person(&p)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	rc = reply_json(r, 201, json_person(&p));
	goto out;
fail:
	store_rollback(r->store);
out:
	json_decref(body);
	return rc;
}

int api_people_update(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct person p;
	json_t *before = NULL;
	const char *password = NULL;
	char hash[128];
	if (store_begin(r->store, &r->err))
		goto out;
	if (store_person_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &p, &r->err))
		goto fail;
	if (!access_person_read(&r->me, &p)) {
		fail(r, 404, "not_found", NULL, "person", NULL);
		goto fail;
	}
	if (!access_person_write(&r->me, &p)) {
		forbidden(r, "change this person");
		goto fail;
	}
	before = json_person(&p);
	if (person_apply(r, body, &p, &password))
		goto fail;
	if (!access_person_write(&r->me, &p)) {
		forbidden(r, "give this role or unit");
		goto fail;
	}
	if (store_person_update(r->store, &p, &r->err))
		goto fail;
	if (password && (auth_hash_password(password, hash, &r->err) ||
			 store_person_set_password(r->store, p.org_id, p.id, hash, &r->err)))
		goto fail;
	if (audit_write(r, "person", p.id, password ? "update+password" : "update",
			json_incref(before), json_person(&p)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	rc = reply_json(r, 200, json_person(&p));
	goto out;
fail:
	store_rollback(r->store);
out:
	json_decref(before);
	json_decref(body);
	return rc;
}
