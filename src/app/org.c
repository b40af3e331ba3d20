/* The organisation's use cases (org.h): settings, init, units, people, axes. */
#include <string.h>
#include "app/org.h"
#include "app/record.h"
#include "app/rhythm.h"
#include "app/secret.h"

int app_org_write_check(struct app *a, const char *what, struct err *e)
{
	if (!access_org_write(&a->me))
		return err_set(e, 403, "forbidden", NULL, what, NULL);
	return 0;
}

static int forbid(const char *what, struct err *e)
{
	return err_set(e, 403, "forbidden", NULL, what, NULL);
}

/* An enumerated field given by name: 422 invalid_value listing the names. */
static int enum_field(const char *field, const char *value, int (*parse)(const char *),
		      const char *allowed, int *out, struct err *e)
{
	int x = parse(value);
	if (x < 0)
		return err_set(e, 422, "invalid_value", field, field, allowed);
	*out = x;
	return 0;
}

/* A reference to another row of the same organisation: 422 if it is not there. */
static int check_unit_ref(struct app *a, const char *field, id_t64 id, struct err *e)
{
	struct unit u;
	struct err ignored;
	if (id && store_unit_get(a->store, a->me.org_id, id, a->arena, &u, &ignored))
		return err_set(e, 422, "unknown_reference", field, field, "a unit");
	return 0;
}

static int check_person_ref(struct app *a, const char *field, id_t64 id, struct err *e)
{
	struct person p;
	struct err ignored;
	if (id && store_person_get(a->store, a->me.org_id, id, a->arena, &p, &ignored))
		return err_set(e, 422, "unknown_reference", field, field, "a person");
	return 0;
}

/* ---- the organisation ---- */

/* Applies in over o and checks the result. */
static int org_apply(const struct org_input *in, struct org *o, struct err *e)
{
	if (in->set & ORG_NAME)
		o->name = in->name;
	if (in->set & ORG_LOCALE)
		o->locale = in->locale;
	if (in->set & ORG_CURRENCY)
		o->currency = in->currency;
	if (in->set & ORG_AMBITION)
		o->ambition = in->ambition;
	if ((in->set & ORG_WORKING_DAYS) &&
	    (!in->working_days || working_days_parse(in->working_days, &o->working_days)))
		return err_set(e, 422, "invalid_value", "working_days", "working_days",
			       "day names such as mon,tue,wed,thu,fri");
	if (in->set & ORG_TIME_ZONE) {
		if (!in->time_zone || !app_time_zone_ok(in->time_zone))
			return err_set(e, 422, "invalid_value", "time_zone", "time_zone",
				       "a time zone such as Europe/Paris or UTC");
		o->time_zone = in->time_zone;
	}
	if (in->set & ORG_ADMINS_READ_FEEDBACK)
		o->admins_read_feedback = in->admins_read_feedback;
	if (!o->name || !o->name[0])
		return err_set(e, 422, "missing_field", "name", "name", NULL);
	if (!o->locale || (strcmp(o->locale, "fr") && strcmp(o->locale, "en")))
		return err_set(e, 422, "invalid_value", "locale", "locale", "fr or en");
	if (!o->currency || strlen(o->currency) != 3)
		return err_set(e, 422, "invalid_value", "currency", "currency",
			       "an ISO 4217 code such as EUR");
	if (!o->ambition)
		o->ambition = "";
	return 0;
}

struct org_update {
	const struct org_input *in;
	struct org *out;
};

static int org_update_tx(struct app *a, void *arg, struct err *e)
{
	struct org_update *w = arg;
	struct org *o = w->out;
	if (store_org_get(a->store, a->me.org_id, a->arena, o, e))
		return -1;
	json_t *before = json_org(o);
	if (org_apply(w->in, o, e) || store_org_update(a->store, o, e)) {
		json_decref(before);
		return -1;
	}
	return app_audit(a, "org", o->id, "update", before, json_org(o), e);
}

int app_org_update(struct app *a, const struct org_input *in, struct org *out, struct err *e)
{
	if (app_org_write_check(a, "change the organisation", e))
		return -1;
	struct org_update w = { in, out };
	return app_tx(a, org_update_tx, &w, e);
}

/* ---- people (before init, which adds the first one) ---- */

/* Applies in over p (and *password) and checks the result: shapes, then
 * the references, then a manager that would be oneself. */
static int person_apply(struct app *a, const struct person_input *in, struct person *p,
			const char **password, struct err *e)
{
	int role = p->role;
	if (in->set & PERSON_NAME)
		p->name = in->name;
	if (in->set & PERSON_EMAIL)
		p->email = in->email;
	if (in->set & PERSON_JOB)
		p->job = in->job;
	if ((in->set & PERSON_ROLE) &&
	    enum_field("role", in->role, role_parse, "admin, manager, member or hr", &role, e))
		return -1;
	p->role = (enum role)role;
	if (in->set & PERSON_UNIT)
		p->unit_id = in->unit_id;
	if (in->set & PERSON_MANAGER)
		p->manager_id = in->manager_id;
	if (in->set & PERSON_HIRED_ON) {
		p->hired_on = DAY_NONE;
		if (in->hired_on && date_parse_iso(in->hired_on, &p->hired_on))
			return err_set(e, 422, "invalid_date", "hired_on", "hired_on", in->hired_on);
	}
	if (in->set & PERSON_ACTIVE)
		p->active = in->active;
	if (in->set & PERSON_PASSWORD)
		*password = in->password;
	if (!p->name || !p->name[0])
		return err_set(e, 422, "missing_field", "name", "name", NULL);
	if (!p->email || !email_plausible(p->email))
		return err_set(e, 422, "invalid_value", "email", "email",
			       "an address such as nom@exemple.fr");
	if (check_unit_ref(a, "unit_id", p->unit_id, e) ||
	    check_person_ref(a, "manager_id", p->manager_id, e))
		return -1;
	if (p->id && p->manager_id == p->id)
		return err_set(e, 409, "cycle", "manager_id", NULL, NULL);
	return 0;
}

static int set_password(struct app *a, const struct person *p, const char *password,
			struct err *e)
{
	char hash[128];
	if (!password)
		return 0;
	if (auth_hash_password(password, hash, e) ||
	    store_person_set_password(a->store, p->org_id, p->id, hash, e))
		return -1;
	return 0;
}

struct person_write {
	id_t64 id;
	const struct person_input *in;
	struct person *out;
};

static int person_create_tx(struct app *a, void *arg, struct err *e)
{
	struct person_write *w = arg;
	struct person *p = w->out;
	const char *password = NULL;
	memset(p, 0, sizeof(*p));
	p->org_id = a->me.org_id;
	p->role = ROLE_MEMBER;
	p->active = true;
	p->hired_on = DAY_NONE;
	if (person_apply(a, w->in, p, &password, e))
		return -1;
	if (!access_person_write(&a->me, p))
		return forbid("add this person", e);
	if (store_person_create(a->store, p, &p->id, e) || set_password(a, p, password, e))
		return -1;
	return app_audit(a, "person", p->id, "create", NULL, json_person(p), e);
}

int app_person_create(struct app *a, const struct person_input *in, struct person *out,
		      struct err *e)
{
	struct person_write w = { 0, in, out };
	return app_tx(a, person_create_tx, &w, e);
}

/* Every session and token of p ends, but the session asking when p is
 * a->me: a change of role, of active or of password. Audited with the counts. */
int app_person_revoke_access(struct app *a, id_t64 person, struct err *e)
{
	int64_t sessions = 0, tokens = 0;
	const char *keep = person == a->me.person_id ? a->session : NULL;
	if (store_person_revoke_access(a->store, a->me.org_id, person, keep, &sessions, &tokens, e))
		return -1;
	return app_audit(a, "person", person, "revoke_access", NULL,
			 json_pack("{s:I, s:I, s:b}", "sessions", (json_int_t)sessions, "tokens",
				   (json_int_t)tokens, "kept_current", keep != NULL), e);
}

static bool is_system(const struct app *a)
{
	return a->me.person_id == 0 && a->me.role == ROLE_ADMIN;
}

/* One's own password, checked against the one stored. */
static int current_password_ok(struct app *a, const struct person *p, const char *current,
			       struct err *e)
{
	const char *hash = NULL;
	if (!current)
		return err_set(e, 422, "missing_field", "current_password", "current_password", NULL);
	if (store_person_password_hash(a->store, p->org_id, p->id, a->arena, &hash, e))
		return -1;
	if (!hash || secret_password_check(hash, current))
		return err_set(e, 403, "bad_credentials", "current_password", NULL, NULL);
	return 0;
}

static int person_update_tx(struct app *a, void *arg, struct err *e)
{
	struct person_write *w = arg;
	struct person *p = w->out;
	const char *password = NULL;
	if (store_person_get(a->store, a->me.org_id, w->id, a->arena, p, e))
		return -1;
	if (!access_person_read(&a->me, p))
		return err_set(e, 404, "not_found", NULL, "person", NULL);
	bool self = p->id == a->me.person_id && !is_system(a);
	if (w->in->set & PERSON_PASSWORD) {
		/* a password is one's own: others send a reset link */
		if (!self && !is_system(a))
			return err_set(e, 403, "password_not_yours", "password", NULL, NULL);
		if (self && current_password_ok(a, p, w->in->current_password, e))
			return -1;
	}
	/* anyone may change their own password; the rest is the writers' */
	bool own_password_only = self && w->in->set == PERSON_PASSWORD;
	if (!own_password_only && !access_person_write(&a->me, p))
		return forbid("change this person", e);
	struct person was = *p;
	if (person_apply(a, w->in, p, &password, e))
		return -1;
	if (!own_password_only && !access_person_write(&a->me, p))
		return forbid("give this role or unit", e);
	if (store_person_update(a->store, p, e))
		return -1;
	if (was.role == ROLE_ADMIN && was.active && (p->role != ROLE_ADMIN || !p->active)) {
		/* an organisation is never left without an admin */
		int64_t others;
		if (store_org_admins_besides(a->store, a->me.org_id, p->id, &others, e))
			return -1;
		if (!others)
			return err_set(e, 409, "last_admin", p->role != ROLE_ADMIN ? "role" : "active",
				       NULL, NULL);
	}
	if (set_password(a, p, password, e))
		return -1;
	/* what the person could do changed: what let them in ends with it */
	if ((password || was.role != p->role || was.active != p->active) &&
	    app_person_revoke_access(a, p->id, e))
		return -1;
	return app_audit(a, "person", p->id, password ? "update+password" : "update",
			 json_person(&was), json_person(p), e);
}

int app_person_update(struct app *a, id_t64 id, const struct person_input *in,
		      struct person *out, struct err *e)
{
	struct person_write w = { id, in, out };
	return app_tx(a, person_update_tx, &w, e);
}

/* ---- units ---- */

static int unit_apply(struct app *a, const struct unit_input *in, struct unit *u, struct err *e)
{
	int k = u->kind, sv = u->service;
	if (in->set & UNIT_IN_NAME)
		u->name = in->name;
	if (((in->set & UNIT_IN_KIND) &&
	     enum_field("kind", in->kind, unit_kind_parse, "company, direction, service or team",
			&k, e)) ||
	    ((in->set & UNIT_IN_SERVICE) &&
	     enum_field("service", in->service, service_type_parse,
			"none, sales, call_centre, support, marketing or other", &sv, e)))
		return -1;
	u->kind = (enum unit_kind)k;
	u->service = (enum service_type)sv;
	if (in->set & UNIT_IN_PARENT)
		u->parent_id = in->parent_id;
	if (in->set & UNIT_IN_LEAD)
		u->lead_id = in->lead_id;
	if (!u->name || !u->name[0])
		return err_set(e, 422, "missing_field", "name", "name", NULL);
	if (strlen(u->name) > 200)
		return err_set(e, 422, "invalid_value", "name", "name", "200 characters at most");
	if (check_unit_ref(a, "parent_id", u->parent_id, e) ||
	    check_person_ref(a, "lead_id", u->lead_id, e))
		return -1;
	if (!u->parent_id && u->kind != UNIT_COMPANY)
		return err_set(e, 422, "missing_field", "parent_id", "parent_id", NULL);
	if (!u->parent_id) {
		/* one company at the root: every unit hangs under it */
		id_t64 root;
		if (store_unit_other_root(a->store, a->me.org_id, u->id, &root, e))
			return -1;
		if (root)
			return err_set(e, 409, "second_root", "parent_id", NULL, NULL);
	}
	if (u->id && u->parent_id) {
		/* moving a unit under its own subtree would make a loop */
		struct ids sub;
		if (store_unit_subtree(a->store, a->me.org_id, u->id, a->arena, &sub, e))
			return -1;
		if (ids_contains(&sub, u->parent_id))
			return err_set(e, 409, "cycle", "parent_id", NULL, NULL);
	}
	return 0;
}

struct unit_write {
	id_t64 id;
	const struct unit_input *in;
	struct unit *out;
};

static int unit_create_tx(struct app *a, void *arg, struct err *e)
{
	struct unit_write *w = arg;
	struct unit *u = w->out;
	memset(u, 0, sizeof(*u));
	u->org_id = a->me.org_id;
	u->kind = UNIT_TEAM;
	if (unit_apply(a, w->in, u, e))
		return -1;
	if (!access_unit_write(&a->me, u))
		return forbid("create a unit here", e);
	if (store_unit_create(a->store, u, &u->id, e))
		return -1;
	return app_audit(a, "unit", u->id, "create", NULL, json_unit(u), e);
}

int app_unit_create(struct app *a, const struct unit_input *in, struct unit *out,
		    struct err *e)
{
	struct unit_write w = { 0, in, out };
	return app_tx(a, unit_create_tx, &w, e);
}

static int unit_update_tx(struct app *a, void *arg, struct err *e)
{
	struct unit_write *w = arg;
	struct unit *u = w->out;
	if (store_unit_get(a->store, a->me.org_id, w->id, a->arena, u, e))
		return -1;
	if (!access_unit_write(&a->me, u))
		return forbid("change this unit", e);
	json_t *before = json_unit(u);
	if (unit_apply(a, w->in, u, e) ||
	    (!access_unit_write(&a->me, u) && forbid("move this unit there", e)) ||
	    store_unit_update(a->store, u, e)) {
		json_decref(before);
		return -1;
	}
	return app_audit(a, "unit", u->id, "update", before, json_unit(u), e);
}

int app_unit_update(struct app *a, id_t64 id, const struct unit_input *in, struct unit *out,
		    struct err *e)
{
	struct unit_write w = { id, in, out };
	return app_tx(a, unit_update_tx, &w, e);
}

/* ---- the first steps ---- */

struct org_init {
	const struct org_init_input *in;
	struct org_init_result *out;
};

static int org_init_tx(struct app *a, void *arg, struct err *e)
{
	struct org_init *w = arg;
	struct org *o = &w->out->org;
	struct unit *u = &w->out->company;
	struct person *p = &w->out->admin;
	const char *password = NULL;
	*o = (struct org){ 0, NULL, "fr", "EUR", "", 0x1f, "Europe/Paris", false };
	if (org_apply(&w->in->org, o, e))
		return -1;
	struct person_input pin = { PERSON_NAME | PERSON_EMAIL | PERSON_PASSWORD,
		w->in->admin_name ? w->in->admin_name : w->in->admin_email, w->in->admin_email,
		NULL, NULL, 0, 0, NULL, true, w->in->admin_password, NULL };
	memset(p, 0, sizeof(*p));
	p->job = "Administrateur";
	p->role = ROLE_ADMIN;
	p->hired_on = DAY_NONE;
	p->active = true;
	/* the person's checks before anything is written (no unit to refer to yet) */
	if (person_apply(a, &pin, p, &password, e))
		return -1;
	if (store_org_create(a->store, o, &o->id, e))
		return -1;
	a->me.org_id = o->id;
	*u = (struct unit){ 0, o->id, 0, 0, o->name, UNIT_COMPANY, SERVICE_NONE };
	if (store_unit_create(a->store, u, &u->id, e))
		return -1;
	p->org_id = o->id;
	p->unit_id = u->id;
	if (store_person_create(a->store, p, &p->id, e) || set_password(a, p, password, e))
		return -1;
	u->lead_id = p->id;
	if (store_unit_update(a->store, u, e))
		return -1;
	return app_audit(a, "org", o->id, "init", NULL,
			 json_pack("{s:o, s:o, s:o}", "org", json_org(o), "unit", json_unit(u),
				   "admin", json_person(p)), e);
}

int app_org_init(struct app *a, const struct org_init_input *in, struct org_init_result *out,
		 struct err *e)
{
	struct org_init w = { in, out };
	id_t64 was = a->me.org_id;
	if (app_tx(a, org_init_tx, &w, e)) {
		a->me.org_id = was;
		return -1;
	}
	return 0;
}

/* ---- strategic axes ---- */

static int axis_apply(const struct axis_input *in, struct axis *x, struct err *e)
{
	if (in->set & AXIS_TITLE)
		x->title = in->title;
	if (in->set & AXIS_DESCRIPTION)
		x->description = in->description;
	if (in->set & AXIS_POSITION)
		x->position = in->position;
	if (!x->title || !x->title[0])
		return err_set(e, 422, "missing_field", "title", "title", NULL);
	if (strlen(x->title) > 200)
		return err_set(e, 422, "invalid_value", "title", "title", "200 characters at most");
	return 0;
}

struct axis_write {
	id_t64 id;
	const struct axis_input *in;
	struct axis *out;
};

static int axis_create_tx(struct app *a, void *arg, struct err *e)
{
	struct axis_write *w = arg;
	struct axis *x = w->out;
	if (store_axis_create(a->store, x, &x->id, e))
		return -1;
	return app_audit(a, "axis", x->id, "create", NULL, json_axis(x), e);
}

int app_axis_create(struct app *a, const struct axis_input *in, struct axis *out,
		    struct err *e)
{
	if (app_org_write_check(a, "create strategic axes", e))
		return -1;
	memset(out, 0, sizeof(*out));
	out->org_id = a->me.org_id;
	if (axis_apply(in, out, e))
		return -1;
	struct axis_write w = { 0, in, out };
	return app_tx(a, axis_create_tx, &w, e);
}

static int axis_update_tx(struct app *a, void *arg, struct err *e)
{
	struct axis_write *w = arg;
	struct axis *x = w->out;
	if (store_axis_get(a->store, a->me.org_id, w->id, a->arena, x, e))
		return -1;
	json_t *before = json_axis(x);
	if (axis_apply(w->in, x, e) || store_axis_update(a->store, x, e)) {
		json_decref(before);
		return -1;
	}
	return app_audit(a, "axis", x->id, "update", before, json_axis(x), e);
}

int app_axis_update(struct app *a, id_t64 id, const struct axis_input *in, struct axis *out,
		    struct err *e)
{
	if (app_org_write_check(a, "change strategic axes", e))
		return -1;
	struct axis_write w = { id, in, out };
	return app_tx(a, axis_update_tx, &w, e);
}
