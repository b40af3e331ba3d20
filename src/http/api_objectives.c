/* Objectives: create, read, update, cancel, list with filters and paging;
 * the cascade under an objective or an axis; the path up to the ambition;
 * the audit trail. An objective a caller may not read answers 404, as if it
 * did not exist; one they may read but not change answers 403. */
#include <math.h>
#include <microhttpd.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "core/cascade.h"
#include "app/synonym.h"
#include "app/app.h"
#include "app/objective.h"
#include "app/export_lists.h"
#include "core/sentence.h"
#include "core/smart.h"
#include "app/share.h"
#include "http/http.h"

static const struct jfield objective_spec[] = {
	{ "parent_id", J_ID, 1 }, { "axis_id", J_ID, 1 }, { "level", J_STRING, 0 },
	{ "owner_person_id", J_ID, 1 }, { "owner_unit_id", J_ID, 1 },
	{ "title", J_STRING, 0 }, { "what", J_STRING, 1 }, { "who", J_STRING, 1 },
	{ "where", J_STRING, 1 }, { "why", J_STRING, 1 }, { "how", J_STRING, 1 },
	{ "indicator", J_STRING, 1 }, { "unit", J_STRING, 1 }, { "direction", J_STRING, 0 },
	{ "baseline", J_NUMBER, 1 }, { "target", J_NUMBER, 1 }, { "start", J_DATE, 1 },
	{ "due", J_DATE, 1 }, { "weight", J_NUMBER, 0 }, { "means", J_OBJECT, 0 },
	{ "plan", J_ARRAY, 0 }, { "skills", J_ARRAY, 0 }, { "status", J_STRING, 0 },
	{ "confidence", J_NUMBER, 1 }, { "reason", J_STRING, 1 }, { NULL, 0, 0 } };
static const struct jfield means_spec[] = {
	{ "budget", J_NUMBER, 1 }, { "time_hours", J_NUMBER, 1 }, { "support", J_STRING, 1 },
	{ NULL, 0, 0 } };

/* Loads an objective the caller may read; 404 otherwise. */
static int load_readable(struct req *r, id_t64 id, struct objective *o)
{
	struct app a;
	req_app(r, &a);
	return app_objective_get(&a, id, o, &r->err);
}

/* The body as a use case's input (app/objective.h): the shape and the
 * names of levels, directions and statuses are read here; every rule on the
 * values is the use case's. */
static int objective_input(struct req *r, json_t *body, struct objective_input *in)
{
	memset(in, 0, sizeof(*in));
	if (json_check_shape(body, objective_spec, &r->err))
		return -1;
	static const struct { const char *name; uint32_t bit; } fields[] = {
		{ "parent_id", OF_PARENT }, { "axis_id", OF_AXIS }, { "level", OF_LEVEL },
		{ "owner_person_id", OF_OWNER_PERSON }, { "owner_unit_id", OF_OWNER_UNIT },
		{ "title", OF_TITLE }, { "what", OF_WHAT }, { "who", OF_WHO }, { "where", OF_WHERE },
		{ "why", OF_WHY }, { "how", OF_HOW }, { "indicator", OF_INDICATOR },
		{ "unit", OF_UNIT }, { "direction", OF_DIRECTION }, { "baseline", OF_BASELINE },
		{ "target", OF_TARGET }, { "start", OF_START }, { "due", OF_DUE },
		{ "weight", OF_WEIGHT }, { "plan", OF_PLAN }, { "skills", OF_SKILLS },
		{ "status", OF_STATUS }, { "confidence", OF_CONFIDENCE } };
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
		if (json_object_get(body, fields[i].name))
			in->set |= fields[i].bit;
	int v = 0, is_null;
	jget_id(body, "parent_id", &in->parent_id);
	jget_id(body, "axis_id", &in->axis_id);
	if (jget_enum(body, "level", level_parse, &v,
		      "strategic, operational, collective or individual", &r->err) < 0)
		return -1;
	in->level = (enum level)v;
	jget_id(body, "owner_person_id", &in->owner_person_id);
	jget_id(body, "owner_unit_id", &in->owner_unit_id);
	jget_str(body, "title", &r->arena, &in->title);
	jget_str(body, "what", &r->arena, &in->what);
	jget_str(body, "who", &r->arena, &in->who);
	jget_str(body, "where", &r->arena, &in->where);
	jget_str(body, "why", &r->arena, &in->why);
	jget_str(body, "how", &r->arena, &in->how);
	jget_str(body, "indicator", &r->arena, &in->indicator);
	jget_str(body, "unit", &r->arena, &in->unit);
	v = 0;
	if (jget_enum(body, "direction", direction_parse, &v,
		      "increase, decrease, reach, stay_above or stay_below", &r->err) < 0)
		return -1;
	in->direction = (enum direction)v;
	if (jget_num(body, "baseline", &in->baseline, &is_null))
		in->has_baseline = !is_null;
	if (jget_num(body, "target", &in->target, &is_null))
		in->has_target = !is_null;
	if (jget_date(body, "start", &in->start, &r->err) < 0 ||
	    jget_date(body, "due", &in->due, &r->err) < 0)
		return -1;
	jget_num(body, "weight", &in->weight, &is_null);
	json_t *means = json_object_get(body, "means");
	if (means) {
		if (json_check_shape(means, means_spec, &r->err)) {
			struct buf f = BUF_INIT;
			buf_addf(&f, "means.%s", r->err.field);
			snprintf(r->err.field, sizeof(r->err.field), "%.63s", f.data);
			buf_free(&f);
			return -1;
		}
		if (jget_num(means, "budget", &in->budget, &is_null)) {
			in->set |= OF_BUDGET;
			in->has_budget = !is_null;
		}
		if (jget_num(means, "time_hours", &in->time_hours, &is_null)) {
			in->set |= OF_TIME_HOURS;
			in->has_time_hours = !is_null;
		}
		if (jget_str(means, "support", &r->arena, &in->support))
			in->set |= OF_SUPPORT;
	}
	if ((in->set & OF_PLAN) && !jget_array_text(body, "plan", &r->arena, &in->plan_json))
		return -1;
	if ((in->set & OF_SKILLS) && !jget_array_text(body, "skills", &r->arena, &in->skills_json))
		return -1;
	v = 0;
	if (jget_enum(body, "status", status_parse, &v,
		      "draft, proposed, agreed, achieved, missed or cancelled", &r->err) < 0)
		return -1;
	in->status = (enum status)v;
	if (jget_num(body, "confidence", &in->confidence, &is_null))
		in->has_confidence = !is_null;
	jget_str(body, "reason", &r->arena, &in->reason);
	return 0;
}

/* If-Match (RFC 9110 13.1.1) as the versions a write may go over: absent,
 * no condition; "*", any (the objective exists); else a list of entity tags,
 * compared strongly: "3" names version 3, a weak W/"3" or another tag none.
 * 400 invalid_header when it is not such a list. */
static int if_match(struct req *r, struct version_match *m)
{
	memset(m, 0, sizeof(*m));
	const char *h = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "If-Match");
	if (!h)
		return 0;
	const char *p = h;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '*') {
		for (p++; *p == ' ' || *p == '\t'; p++)
			;
		return *p ? fail(r, 400, "invalid_header", "If-Match", "If-Match", NULL) : 0;
	}
	m->on = true;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (!*p)
			break;
		int weak = !strncmp(p, "W/", 2);
		if (weak)
			p += 2;
		if (*p != '"')
			return fail(r, 400, "invalid_header", "If-Match", "If-Match", NULL);
		const char *q = strchr(p + 1, '"');
		if (!q)
			return fail(r, 400, "invalid_header", "If-Match", "If-Match", NULL);
		/* a strong tag of digits only is a version of ours */
		int64_t v = 0;
		int digits = q > p + 1 && q - p <= 19;
		for (const char *c = p + 1; digits && c < q; c++) {
			digits = *c >= '0' && *c <= '9';
			v = v * 10 + (*c - '0');
		}
		if (!weak && digits && m->n < VERSION_MATCH_MAX)
			m->v[m->n++] = v;
		p = q + 1;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p && *p != ',')
			return fail(r, 400, "invalid_header", "If-Match", "If-Match", NULL);
	}
	return 0;
}

/* The objective's document with its SMART verdict, its version as the ETag. */
static int reply_objective(struct req *r, struct app *a, int status, const struct objective *o)
{
	snprintf(r->etag, sizeof(r->etag), "\"%lld\"", (long long)o->version);
	json_t *v = json_objective(o);
	json_object_set_new(v, "smart", app_objective_smart(a, o));
	/* a parent's children against its target (a team's members' sum) */
	struct children_total ct;
	app_children_total(a->store, a->me.org_id, o, a->arena, &ct);
	json_object_set_new(v, "children_total", app_children_total_json(&ct));
	return reply_json(r, status, v);
}

int api_smart_check(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	struct objective_input in;
	struct objective o;
	int rc = -1;
	/* a draft being typed: the shape is checked, not completeness */
	if (objective_input(r, body, &in) || app_objective_draft(&a, &in, &o, &r->err))
		goto out;
	/* what the sentence says: the verdict judges the fields the draft leaves
	 * empty as the title says them, and the form fills them from it */
	struct sentence sn;
	bool titled = o.title && *o.title;
	const char *unknown = NULL;
	if (titled) {
		app_sentence_read(&a, o.title, r->lang, &sn);
		if (!o.indicator || !*o.indicator)
			unknown = app_sentence_unknown(&sn);
		app_sentence_fill(&sn, &o, (in.set & OF_DIRECTION) != 0);
	}
	json_t *v = app_objective_smart_asking(&a, &o, unknown);
	if (titled)
		json_object_set_new(v, "read", app_sentence_json(&sn));
	rc = reply_json(r, 200, v);
out:
	json_decref(body);
	return rc;
}

int api_objectives_get(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct objective o;
	if (app_objective_get(&a, param_id(r, 0), &o, &r->err))
		return -1;
	return reply_objective(r, &a, 200, &o);
}

/* POST (id 0) or PATCH objective id: the body as the input, the use case,
 * the document with its verdict. */
static int write_objective(struct req *r, id_t64 id)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	struct objective_input in;
	struct objective o;
	int rc = objective_input(r, body, &in) ||
		 (!id && in.reason && fail(r, 400, "unknown_field", "reason", "reason", NULL)) ||
		 (id && if_match(r, &in.if_match)) ||
		 (id ? app_objective_update(&a, id, &in, &o, &r->err)
		     : app_objective_create(&a, &in, &o, &r->err))
		 ? -1 : reply_objective(r, &a, id ? 200 : 201, &o);
	json_decref(body);
	return rc;
}

int api_objectives_create(struct req *r)
{
	return write_objective(r, 0);
}

int api_objectives_update(struct req *r)
{
	return write_objective(r, param_id(r, 0));
}

int api_objectives_cancel(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct objective o;
	struct version_match m;
	if (if_match(r, &m) || app_objective_cancel(&a, param_id(r, 0), &m, &o, &r->err))
		return -1;
	return reply_objective(r, &a, 200, &o);
}

/* ---- lists and trees ---- */

static int query_enum(struct req *r, const char *name, int (*parse)(const char *), int *out,
		      const char *allowed)
{
	const char *s = query(r, name);
	*out = -1;
	if (!s)
		return 0;
	*out = parse(s);
	return *out < 0 ? fail(r, 400, "invalid_query", name, name, allowed) : 0;
}

static int query_date(struct req *r, const char *name, day_t *out)
{
	const char *s = query(r, name);
	*out = DAY_NONE;
	if (s && date_parse_iso(s, out))
		return fail(r, 400, "invalid_query", name, name, "a date YYYY-MM-DD");
	return 0;
}

int api_objectives_list(struct req *r)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	size_t limit, offset;
	id_t64 unit;
	struct ids sub;
	int format;
	if (req_export_format(r, &format) || query_paging(r, &limit, &offset) ||
	    query_id(r, "after", &f.after) || query_id(r, "owner", &f.owner_person) ||
	    query_id(r, "owner_unit", &f.owner_unit) || query_id(r, "unit", &unit) ||
	    query_id(r, "parent", &f.parent) || query_id(r, "axis", &f.axis) ||
	    query_enum(r, "level", level_parse, &f.level,
		       "strategic, operational, collective or individual") ||
	    query_enum(r, "status", status_parse, &f.status,
		       "draft, proposed, agreed, achieved, missed or cancelled") ||
	    query_date(r, "from", &f.from) || query_date(r, "to", &f.to))
		return -1;
	if (f.from != DAY_NONE && f.to != DAY_NONE && f.to < f.from)
		return fail(r, 400, "invalid_query", "to", "to", "a date after 'from'");
	if (f.after && query(r, "offset"))
		return fail(r, 400, "invalid_query", "offset", "offset", "either offset or after, not both");
	if (unit) {
		if (store_unit_subtree(r->store, r->me.org_id, unit, &r->arena, &sub, &r->err))
			return -1;
		f.units = &sub;
	}
	if (format >= 0) {
		/* the whole list (a page when limit or offset is given), with progress */
		f.limit = query(r, "limit") ? limit : 0;
		f.offset = query(r, "offset") ? offset : 0;
		struct app a;
		req_app(r, &a);
		struct export_table t;
		if (app_export_objectives(&a, &f, &t, &r->err))
			return -1;
		return reply_export(r, &t, format, r->lang == LANG_FR ? "objectifs" : "objectives");
	}
	/* the access rule, as a SQL prefilter so that the page is cut by the
	 * database; the rule itself still judges every row that comes back */
	struct ids managed = { (id_t64 *)r->me.managed.v, r->me.managed.n },
		   chain = { (id_t64 *)r->me.chain.v, r->me.chain.n },
		   above = { (id_t64 *)r->me.above.v, r->me.above.n };
	if (r->me.role != ROLE_ADMIN && r->me.role != ROLE_HR) {
		f.visible = 1;
		f.visible_person = r->me.person_id;
		f.visible_scope = r->me.role == ROLE_MANAGER ? &managed : NULL;
		f.visible_owner_units = &chain;
		f.visible_ids = &above;
	}
	/* one row more than the page says whether there is a next one; a page
	 * after a cursor is not counted again (the first page gave the total) */
	f.limit = limit + 1;
	f.offset = offset;
	struct objective *v;
	size_t n, total;
	if (store_objective_list(r->store, r->me.org_id, &f, &r->arena, &v, &n,
				 f.after ? NULL : &total, &r->err))
		return -1;
	id_t64 next = 0;
	if (n > limit) {
		n = limit;
		next = v[n - 1].id;
	}
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		if (!access_objective_read(&r->me, &v[i])) {
			server_log(1, "objective %lld passed the SQL prefilter but not the access rule",
				   (long long)v[i].id);
			continue;
		}
		json_array_append_new(items, json_objective(&v[i]));
	}
	json_t *page = json_pack("{s:o, s:o, s:I, s:I, s:o}", "items", items,
				 "total", f.after ? json_null() : json_integer((json_int_t)total),
				 "limit", (json_int_t)limit, "offset", (json_int_t)offset,
				 "next", next ? json_integer((json_int_t)next) : json_null());
	return reply_json(r, 200, page);
}

/* The subtree under index i, keeping what the caller may read; an unreadable
 * node hides its whole branch. */
static json_t *tree_json(struct req *r, const struct cascade *c, size_t i, int depth)
{
	json_t *node = json_objective(&c->items[i]);
	json_t *kids = json_array();
	if (depth < 64)
		for (size_t k = c->first_child[i]; k != SIZE_MAX; k = c->next_sibling[k])
			if (access_objective_read(&r->me, &c->items[k]))
				json_array_append_new(kids, tree_json(r, c, k, depth + 1));
	json_object_set_new(node, "children", kids);
	return node;
}

static int load_cascade(struct req *r, struct cascade *c)
{
	struct objective *v;
	size_t n;
	if (store_objective_list(r->store, r->me.org_id, NULL, &r->arena, &v, &n, NULL, &r->err))
		return -1;
	cascade_build(c, v, n, &r->arena);
	return 0;
}

int api_objectives_cascade(struct req *r)
{
	struct objective o;
	struct cascade c;
	if (load_readable(r, param_id(r, 0), &o) || load_cascade(r, &c))
		return -1;
	size_t i = cascade_find(&c, o.id);
	if (i == SIZE_MAX)
		return fail(r, 404, "not_found", NULL, "objective", NULL);
	return reply_json(r, 200, tree_json(r, &c, i, 0));
}

int api_axes_cascade(struct req *r)
{
	struct axis x;
	struct cascade c;
	if (store_axis_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &x, &r->err) ||
	    load_cascade(r, &c))
		return -1;
	json_t *node = json_axis(&x);
	json_t *kids = json_array();
	for (size_t i = 0; i < c.n; i++)
		if (c.items[i].axis_id == x.id && !c.items[i].parent_id &&
		    access_objective_read(&r->me, &c.items[i]))
			json_array_append_new(kids, tree_json(r, &c, i, 0));
	json_object_set_new(node, "children", kids);
	return reply_json(r, 200, node);
}

int api_objectives_path(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct objective o, *up;
	size_t n;
	id_t64 axis;
	struct org org;
	struct axis x;
	if (app_objective_get(&a, param_id(r, 0), &o, &r->err) ||
	    app_objective_chain(&a, &o, &up, &n, &axis, &r->err) ||
	    store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err) ||
	    (axis && store_axis_get(r->store, r->me.org_id, axis, &r->arena, &x, &r->err)))
		return -1;
	json_t *path = json_array();
	json_array_append_new(path, json_objective(&o));
	for (size_t i = 0; i < n; i++)
		json_array_append_new(path, json_objective(&up[i]));
	return reply_json(r, 200, json_pack("{s:o, s:o, s:s, s:s}", "path", path,
		"axis", axis ? json_axis(&x) : json_null(), "ambition", org.ambition,
		"organisation", org.name));
}

static int reply_audit(struct req *r, const char *entity, id_t64 id)
{
	size_t limit, offset, n, total;
	if (query_paging(r, &limit, &offset))
		return -1;
	struct audit_entry *v;
	if (store_audit_list(r->store, r->me.org_id, entity, id, limit, offset, &r->arena, &v, &n,
			     &total, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *b = v[i].before ? json_loads(v[i].before, 0, NULL) : NULL;
		json_t *a = v[i].after ? json_loads(v[i].after, 0, NULL) : NULL;
		json_array_append_new(items, json_pack("{s:I, s:I, s:o, s:o, s:s, s:I, s:s, s:o, s:o}",
			"id", (json_int_t)v[i].id, "at", (json_int_t)v[i].at,
			"actor_id", v[i].actor_id ? json_integer(v[i].actor_id) : json_null(),
			"actor", v[i].actor_name ? json_string(v[i].actor_name) : json_null(),
			"entity", v[i].entity, "entity_id", (json_int_t)v[i].entity_id,
			"action", v[i].action, "before", b ? b : json_null(),
			"after", a ? a : json_null()));
	}
	return reply_page(r, items, total, limit, offset);
}

int api_objectives_audit(struct req *r)
{
	struct objective o;
	if (load_readable(r, param_id(r, 0), &o))
		return -1;
	return reply_audit(r, "objective", o.id);
}

int api_audit_list(struct req *r)
{
	if (!access_audit_all(&r->me))
		return forbidden(r, "read the whole audit trail");
	int format;
	if (req_export_format(r, &format))
		return -1;
	const char *entity = query(r, "entity");
	id_t64 id;
	if (query_id(r, "entity_id", &id))
		return -1;
	if (entity && strcmp(entity, "objective") && strcmp(entity, "person") &&
	    strcmp(entity, "unit") && strcmp(entity, "axis") && strcmp(entity, "org") &&
	    strcmp(entity, "token") && strcmp(entity, "activity") && strcmp(entity, "challenge") &&
	    strcmp(entity, "cadence") && strcmp(entity, "feedback") && strcmp(entity, "one_to_one") &&
	    strcmp(entity, "login") && strcmp(entity, "calendar_feed"))
		return fail(r, 400, "invalid_query", "entity", "entity",
			    "objective, person, unit, axis, org, token, activity, challenge, cadence,"
			    " feedback, one_to_one, login or calendar_feed");
	if (format >= 0) {
		struct app a;
		req_app(r, &a);
		struct export_table t;
		if (app_export_audit(&a, entity, id, &t, &r->err))
			return -1;
		return reply_export(r, &t, format, r->lang == LANG_FR ? "journal" : "audit");
	}
	return reply_audit(r, entity, id);
}
