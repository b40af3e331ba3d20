/* Objectives: create, read, update, cancel, list with filters and paging;
 * the cascade under an objective or an axis; the path up to the ambition;
 * the audit trail. An objective a caller may not read answers 404, as if it
 * did not exist; one they may read but not change answers 403. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "core/cascade.h"
#include "app/app.h"
#include "core/sentence.h"
#include "core/smart.h"
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
	{ "confidence", J_NUMBER, 1 }, { NULL, 0, 0 } };
static const struct jfield means_spec[] = {
	{ "budget", J_NUMBER, 1 }, { "time_hours", J_NUMBER, 1 }, { "support", J_STRING, 1 },
	{ NULL, 0, 0 } };
static const struct jfield step_spec[] = {
	{ "title", J_STRING, 0 }, { "due", J_DATE, 1 }, { "done", J_BOOL, 0 }, { NULL, 0, 0 } };

static int check_plan(struct req *r, json_t *plan)
{
	size_t i;
	json_t *step;
	if (json_array_size(plan) > 100)
		return fail(r, 422, "invalid_value", "plan", "plan", "100 steps at most");
	json_array_foreach(plan, i, step) {
		char field[32];
		snprintf(field, sizeof(field), "plan[%zu]", i);
		if (!json_is_object(step))
			return fail(r, 400, "invalid_type", field, field, "an object");
		if (json_check_shape(step, step_spec, &r->err)) {
			struct buf f2 = BUF_INIT;
			buf_addf(&f2, "%s.%s", field, r->err.field);
			snprintf(r->err.field, sizeof(r->err.field), "%.63s", f2.data);
			buf_free(&f2);
			return -1;
		}
		/* name the step's own field, as json_check_shape's errors do */
		char sub[48];
		json_t *t = json_object_get(step, "title");
		snprintf(sub, sizeof(sub), "%s.title", field);
		if (!t || !json_string_length(t))
			return fail(r, 422, "missing_field", sub, sub, NULL);
		day_t d;
		json_t *due = json_object_get(step, "due");
		snprintf(sub, sizeof(sub), "%s.due", field);
		if (json_is_string(due) && date_parse_iso(json_string_value(due), &d))
			return fail(r, 422, "invalid_date", sub, sub, json_string_value(due));
	}
	return 0;
}

static int check_skills(struct req *r, json_t *skills)
{
	size_t i;
	json_t *s;
	if (json_array_size(skills) > 50)
		return fail(r, 422, "invalid_value", "skills", "skills", "50 at most");
	json_array_foreach(skills, i, s)
		if (!json_is_string(s) || json_string_length(s) > 200)
			return fail(r, 400, "invalid_type", "skills", "skills", "an array of strings");
	return 0;
}

/* Applies the body's fields onto o (defaults or the stored version). */
static int objective_apply(struct req *r, json_t *body, struct objective *o)
{
	if (json_check_shape(body, objective_spec, &r->err))
		return -1;
	int v;
	double d;
	int is_null;
	jget_id(body, "parent_id", &o->parent_id);
	jget_id(body, "axis_id", &o->axis_id);
	v = o->level;
	if (jget_enum(body, "level", level_parse, &v,
		      "strategic, operational, collective or individual", &r->err) < 0)
		return -1;
	o->level = (enum level)v;
	jget_id(body, "owner_person_id", &o->owner_person_id);
	jget_id(body, "owner_unit_id", &o->owner_unit_id);
	jget_str(body, "title", &r->arena, &o->title);
	jget_str(body, "what", &r->arena, &o->what);
	jget_str(body, "who", &r->arena, &o->who);
	jget_str(body, "where", &r->arena, &o->where_);
	jget_str(body, "why", &r->arena, &o->why);
	jget_str(body, "how", &r->arena, &o->how);
	jget_str(body, "indicator", &r->arena, &o->indicator);
	jget_str(body, "unit", &r->arena, &o->unit_label);
	v = o->direction;
	if (jget_enum(body, "direction", direction_parse, &v,
		      "increase, decrease, reach, stay_above or stay_below", &r->err) < 0)
		return -1;
	o->direction = (enum direction)v;
	if (jget_num(body, "baseline", &d, &is_null)) {
		o->has_baseline = !is_null;
		o->baseline = d;
	}
	if (jget_num(body, "target", &d, &is_null)) {
		o->has_target = !is_null;
		o->target = d;
	}
	if (jget_date(body, "start", &o->start, &r->err) < 0 ||
	    jget_date(body, "due", &o->due, &r->err) < 0)
		return -1;
	if (jget_num(body, "weight", &d, &is_null))
		o->weight = d;
	json_t *means = json_object_get(body, "means");
	if (means) {
		if (json_check_shape(means, means_spec, &r->err)) {
			struct buf f = BUF_INIT;
			buf_addf(&f, "means.%s", r->err.field);
			snprintf(r->err.field, sizeof(r->err.field), "%.63s", f.data);
			buf_free(&f);
			return -1;
		}
		if (jget_num(means, "budget", &d, &is_null)) {
			if (!is_null && d < 0)
				return fail(r, 422, "invalid_value", "means.budget", "means.budget",
					    "a positive amount");
			o->means_budget = is_null ? -1 : d;
		}
		if (jget_num(means, "time_hours", &d, &is_null)) {
			if (!is_null && d < 0)
				return fail(r, 422, "invalid_value", "means.time_hours",
					    "means.time_hours", "a positive number of hours");
			o->means_time_hours = is_null ? -1 : d;
		}
		jget_str(means, "support", &r->arena, &o->means_support);
	}
	json_t *plan = json_object_get(body, "plan");
	if (plan && (check_plan(r, plan) || !jget_array_text(body, "plan", &r->arena, &o->plan_json)))
		return -1;
	json_t *skills = json_object_get(body, "skills");
	if (skills && (check_skills(r, skills) ||
		       !jget_array_text(body, "skills", &r->arena, &o->skills_json)))
		return -1;
	v = o->status;
	if (jget_enum(body, "status", status_parse, &v,
		      "draft, proposed, agreed, achieved, missed or cancelled", &r->err) < 0)
		return -1;
	o->status = (enum status)v;
	if (jget_num(body, "confidence", &d, &is_null)) {
		if (!is_null && !(d >= 0 && d <= 1))
			return fail(r, 422, "invalid_value", "confidence", "confidence",
				    "a number from 0 to 1");
		o->confidence = is_null ? -1 : d;
	}
	return 0;
}

static int parent_of(void *ctx, id_t64 id, id_t64 *parent)
{
	struct req *r = ctx;
	return store_objective_parent(r->store, r->me.org_id, id, parent, &r->err);
}

/* References, levels and the owner's unit (for the access rules). */
static int objective_resolve(struct req *r, struct objective *o)
{
	if (objective_validate(o, &r->err))
		return -1;
	struct err e;
	if (o->parent_id) {
		struct objective parent;
		err_clear(&e);
		if (store_objective_get(r->store, r->me.org_id, o->parent_id, &r->arena, &parent, &e) ||
		    !access_objective_read(&r->me, &parent))
			return fail(r, 422, "unknown_reference", "parent_id", "parent_id",
				    "an objective");
		if (!level_child_allowed(parent.level, o->level))
			return fail(r, 422, "invalid_value", "level", "level",
				    "a level that fits under the parent's");
		if (parent.status == ST_CANCELLED)
			return fail(r, 422, "invalid_value", "parent_id", "parent_id",
				    "an objective that is not cancelled");
	}
	if (o->axis_id) {
		struct axis x;
		err_clear(&e);
		if (store_axis_get(r->store, r->me.org_id, o->axis_id, &r->arena, &x, &e))
			return fail(r, 422, "unknown_reference", "axis_id", "axis_id", "an axis");
	}
	if (o->owner_person_id) {
		struct person p;
		err_clear(&e);
		if (store_person_get(r->store, r->me.org_id, o->owner_person_id, &r->arena, &p, &e))
			return fail(r, 422, "unknown_reference", "owner_person_id",
				    "owner_person_id", "a person");
		o->scope_unit_id = p.unit_id;
	} else {
		struct unit u;
		err_clear(&e);
		if (store_unit_get(r->store, r->me.org_id, o->owner_unit_id, &r->arena, &u, &e))
			return fail(r, 422, "unknown_reference", "owner_unit_id", "owner_unit_id",
				    "a unit");
		o->scope_unit_id = u.id;
	}
	if (o->id && o->parent_id) {
		int c = cascade_would_cycle(o->id, o->parent_id, parent_of, r, 1000);
		if (c < 0)
			return -1;
		if (c)
			return fail(r, 409, "cycle", "parent_id", NULL, NULL);
	}
	return 0;
}

/* Loads an objective the caller may read; 404 otherwise. */
static int load_readable(struct req *r, id_t64 id, struct objective *o)
{
	if (store_objective_get(r->store, r->me.org_id, id, &r->arena, o, &r->err))
		return -1;
	if (!access_objective_read(&r->me, o))
		return fail(r, 404, "not_found", NULL, "objective", NULL);
	return 0;
}

/* ---- the SMART verdict ---- */

static json_t *smart_json(struct req *r, const struct smart_result *res)
{
	json_t *crit = json_object();
	for (int k = 0; k < SMART__COUNT; k++) {
		json_t *reasons = json_array();
		for (int i = 0; i < res->nreasons; i++)
			if ((int)res->reasons[i].criterion == k)
				json_array_append_new(reasons, json_pack("{s:s, s:s, s:s, s:s}",
					"code", res->reasons[i].code,
					"verdict", smart_verdict_name(res->reasons[i].verdict),
					"message", smart_message(res->reasons[i].code, r->lang),
					"suggestion", smart_suggestion(res->reasons[i].code, r->lang)));
		json_object_set_new(crit, smart_criterion_name(k), json_pack("{s:s, s:o}",
			"verdict", smart_verdict_name(res->verdict[k]), "reasons", reasons));
	}
	json_t *q = json_array();
	for (unsigned b = 1; b <= Q_WHERE; b <<= 1)
		if (res->questions & b)
			json_array_append_new(q, json_string(smart_question_text(b, r->lang)));
	return json_pack("{s:i, s:o, s:o}", "score", res->score, "criteria", crit, "questions", q);
}

json_t *smart_verdict_json(struct req *r, const struct objective *o)
{
	struct smart_context c;
	app_smart_context(r->store, r->me.org_id, o, (day_t)(r->now / 86400), &r->arena, &c);
	struct smart_result res;
	smart_check(o, &c, &res);
	return smart_json(r, &res);
}

/* The objective's document with its SMART verdict. */
static int reply_objective(struct req *r, int status, const struct objective *o)
{
	struct smart_context c;
	app_smart_context(r->store, r->me.org_id, o, (day_t)(r->now / 86400), &r->arena, &c);
	struct smart_result res;
	smart_check(o, &c, &res);
	json_t *v = json_objective(o);
	json_object_set_new(v, "smart", smart_json(r, &res));
	return reply_json(r, status, v);
}

int api_smart_check(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct objective o;
	objective_init(&o);
	o.org_id = r->me.org_id;
	o.level = json_is_integer(json_object_get(body, "owner_unit_id")) ? LEVEL_COLLECTIVE
									     : LEVEL_INDIVIDUAL;
	/* a draft being typed: the shape is checked, not completeness */
	if (objective_apply(r, body, &o))
		goto out;
	if (o.owner_person_id) {
		struct person p;
		struct err e;
		if (!store_person_get(r->store, r->me.org_id, o.owner_person_id, &r->arena, &p, &e))
			o.scope_unit_id = p.unit_id;
	} else {
		o.scope_unit_id = o.owner_unit_id;
	}
	struct smart_context c;
	app_smart_context(r->store, r->me.org_id, &o, (day_t)(r->now / 86400), &r->arena, &c);
	struct smart_result res;
	smart_check(&o, &c, &res);
	json_t *v = smart_json(r, &res);
	/* what the sentence says: the form fills its empty fields from it */
	if (o.title && *o.title) {
		struct sentence sn;
		sentence_read(o.title, strlen(o.title), r->lang, (day_t)(r->now / 86400), &sn);
		json_object_set_new(v, "read", app_sentence_json(&sn));
	}
	rc = reply_json(r, 200, v);
out:
	json_decref(body);
	return rc;
}

int api_objectives_get(struct req *r)
{
	struct objective o;
	if (load_readable(r, param_id(r, 0), &o))
		return -1;
	return reply_objective(r, 200, &o);
}

int objectives_create(struct req *r, json_t *body, struct objective *out)
{
	struct objective o;
	objective_init(&o);
	o.org_id = r->me.org_id;
	o.created_at = o.updated_at = r->now;
	o.created_by = o.updated_by = r->me.person_id;
	if (!json_object_get(body, "level"))
		o.level = json_is_integer(json_object_get(body, "owner_unit_id")) ? LEVEL_COLLECTIVE
										   : LEVEL_INDIVIDUAL;
	if (store_begin(r->store, &r->err))
		return -1;
	if (objective_apply(r, body, &o) || objective_resolve(r, &o))
		goto fail;
	if (!access_objective_write(&r->me, &o)) {
		forbidden(r, "set this objective");
		goto fail;
	}
	if (store_objective_create(r->store, &o, &o.id, &r->err) ||
	    audit_write(r, "objective", o.id, "create", NULL, json_objective(&o)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	*out = o;
	return 0;
fail:
	store_rollback(r->store);
	return -1;
}

int api_objectives_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct objective o;
	int rc = objectives_create(r, body, &o) ? -1 : reply_objective(r, 201, &o);
	json_decref(body);
	return rc;
}

static int update_with(struct req *r, id_t64 id, json_t *body, enum status forced,
		       const char *action, struct objective *out)
{
	int rc = -1;
	struct objective o;
	json_t *before = NULL;
	if (store_begin(r->store, &r->err))
		return -1;
	if (load_readable(r, id, &o))
		goto fail;
	if (!access_objective_write(&r->me, &o)) {
		forbidden(r, "change this objective");
		goto fail;
	}
	before = json_objective(&o);
	enum status from = o.status;
	if (body && objective_apply(r, body, &o))
		goto fail;
	if (forced != ST__COUNT)
		o.status = forced;
	if (!status_transition_allowed(from, o.status)) {
		fail(r, 422, "invalid_status_change", "status", status_name(from),
		     status_name(o.status));
		goto fail;
	}
	o.updated_at = r->now;
	o.updated_by = r->me.person_id;
	if (objective_resolve(r, &o))
		goto fail;
	if (!access_objective_write(&r->me, &o)) {
		forbidden(r, "give this objective that owner or status");
		goto fail;
	}
	if (store_objective_update(r->store, &o, &r->err) ||
	    audit_write(r, "objective", o.id, action, json_incref(before), json_objective(&o)) ||
	    store_commit(r->store, &r->err))
		goto fail;
	*out = o;
	rc = 0;
	goto out;
fail:
	store_rollback(r->store);
out:
	json_decref(before);
	return rc;
}

int objectives_update(struct req *r, id_t64 id, json_t *body, struct objective *out)
{
	return update_with(r, id, body, ST__COUNT, "update", out);
}

int api_objectives_update(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct objective o;
	int rc = update_with(r, param_id(r, 0), body, ST__COUNT, "update", &o) ? -1
		 : reply_objective(r, 200, &o);
	json_decref(body);
	return rc;
}

int api_objectives_cancel(struct req *r)
{
	struct objective o;
	if (update_with(r, param_id(r, 0), NULL, ST_CANCELLED, "cancel", &o))
		return -1;
	return reply_objective(r, 200, &o);
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
	if (query_paging(r, &limit, &offset) || query_id(r, "owner", &f.owner_person) ||
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
	if (unit) {
		if (store_unit_subtree(r->store, r->me.org_id, unit, &r->arena, &sub, &r->err))
			return -1;
		f.units = &sub;
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
	f.limit = limit;
	f.offset = offset;
	struct objective *v;
	size_t n, total;
	if (store_objective_list(r->store, r->me.org_id, &f, &r->arena, &v, &n, &total, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		if (!access_objective_read(&r->me, &v[i])) {
			server_log(1, "objective %lld passed the SQL prefilter but not the access rule",
				   (long long)v[i].id);
			continue;
		}
		json_array_append_new(items, json_objective(&v[i]));
	}
	return reply_page(r, items, total, limit, offset);
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
	struct objective o;
	if (load_readable(r, param_id(r, 0), &o))
		return -1;
	/* why an objective exists is never a secret from those who hold it: the
	 * chain above a readable objective is shown whole */
	json_t *path = json_array();
	json_array_append_new(path, json_objective(&o));
	id_t64 axis = o.axis_id;
	struct objective cur = o;
	for (int depth = 0; cur.parent_id && depth < 1000; depth++) {
		if (store_objective_get(r->store, r->me.org_id, cur.parent_id, &r->arena, &cur,
					&r->err)) {
			json_decref(path);
			return -1;
		}
		json_array_append_new(path, json_objective(&cur));
		if (cur.axis_id)
			axis = cur.axis_id;
	}
	struct org org;
	struct axis x;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err) ||
	    (axis && store_axis_get(r->store, r->me.org_id, axis, &r->arena, &x, &r->err))) {
		json_decref(path);
		return -1;
	}
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
	const char *entity = query(r, "entity");
	id_t64 id;
	if (query_id(r, "entity_id", &id))
		return -1;
	if (entity && strcmp(entity, "objective") && strcmp(entity, "person") &&
	    strcmp(entity, "unit") && strcmp(entity, "axis") && strcmp(entity, "org") &&
	    strcmp(entity, "token") && strcmp(entity, "activity") && strcmp(entity, "challenge"))
		return fail(r, 400, "invalid_query", "entity", "entity",
			    "objective, person, unit, axis, org, token, activity or challenge");
	return reply_audit(r, entity, id);
}
