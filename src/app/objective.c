/* Objectives and check-ins: the use cases (objective.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/app.h"
#include "app/negotiation.h"
#include "app/objective.h"
#include "app/result.h"
#include "core/cascade.h"

/* ---- documents ---- */

static json_t *j_id(id_t64 id)
{
	return id ? json_integer(id) : json_null();
}

static json_t *j_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *j_opt(int has, double v)
{
	return has ? json_real(v) : json_null();
}

static json_t *j_date(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

static json_t *j_array_text(const char *text)
{
	json_t *v = text ? json_loads(text, 0, NULL) : NULL;
	return v ? v : json_array();
}

json_t *app_objective_json(const struct objective *o)
{
	json_t *v = json_object();
	json_object_set_new(v, "id", json_integer(o->id));
	json_object_set_new(v, "version", json_integer(o->version));
	json_object_set_new(v, "parent_id", j_id(o->parent_id));
	json_object_set_new(v, "axis_id", j_id(o->axis_id));
	json_object_set_new(v, "level", json_string(level_name(o->level)));
	json_object_set_new(v, "owner_person_id", j_id(o->owner_person_id));
	json_object_set_new(v, "owner_unit_id", j_id(o->owner_unit_id));
	json_object_set_new(v, "title", j_str(o->title));
	json_object_set_new(v, "what", j_str(o->what));
	json_object_set_new(v, "who", j_str(o->who));
	json_object_set_new(v, "where", j_str(o->where_));
	json_object_set_new(v, "why", j_str(o->why));
	json_object_set_new(v, "how", j_str(o->how));
	json_object_set_new(v, "indicator", j_str(o->indicator));
	json_object_set_new(v, "unit", j_str(o->unit_label));
	json_object_set_new(v, "direction", json_string(direction_name(o->direction)));
	json_object_set_new(v, "baseline", j_opt(o->has_baseline, o->baseline));
	json_object_set_new(v, "target", j_opt(o->has_target, o->target));
	json_object_set_new(v, "start", j_date(o->start));
	json_object_set_new(v, "due", j_date(o->due));
	json_object_set_new(v, "weight", json_real(o->weight));
	json_object_set_new(v, "means", json_pack("{s:o, s:o, s:o}",
		"budget", j_opt(o->means_budget >= 0, o->means_budget),
		"time_hours", j_opt(o->means_time_hours >= 0, o->means_time_hours),
		"support", j_str(o->means_support)));
	json_object_set_new(v, "plan", j_array_text(o->plan_json));
	json_object_set_new(v, "skills", j_array_text(o->skills_json));
	json_object_set_new(v, "status", json_string(status_name(o->status)));
	json_object_set_new(v, "confidence", j_opt(o->confidence >= 0, o->confidence));
	json_object_set_new(v, "created_at", json_integer(o->created_at));
	json_object_set_new(v, "updated_at", json_integer(o->updated_at));
	json_object_set_new(v, "created_by", j_id(o->created_by));
	json_object_set_new(v, "updated_by", j_id(o->updated_by));
	return v;
}

json_t *app_checkin_json(const struct checkin *c)
{
	json_t *j = json_pack("{s:I, s:I, s:I, s:s?, s:s?, s:s, s:I}", "id", (json_int_t)c->id,
			      "objective_id", (json_int_t)c->objective_id, "author_id",
			      (json_int_t)c->author_id, "author_name", c->author_name, "confidence",
			      confidence_name(c->confidence), "comment", c->comment ? c->comment : "",
			      "created_at", (json_int_t)c->created_at);
	if (!json_object_get(j, "confidence"))
		json_object_set_new(j, "confidence", json_null());
	json_object_set_new(j, "value", c->has_value ? json_real(c->value) : json_null());
	json_object_set_new(j, "attainment",
			    c->has_attainment ? json_real(c->attainment) : json_null());
	json_object_set_new(j, "value_given", json_boolean(c->manual));
	json_object_set_new(j, "blockers", c->blockers ? json_string(c->blockers) : json_null());
	json_object_set_new(j, "next_steps",
			    c->next_steps ? json_string(c->next_steps) : json_null());
	return j;
}

/* ---- the SMART verdict ---- */

json_t *app_smart_json(const struct smart_result *res, enum lang lang)
{
	json_t *crit = json_object();
	for (int k = 0; k < SMART__COUNT; k++) {
		json_t *reasons = json_array();
		for (int i = 0; i < res->nreasons; i++)
			if ((int)res->reasons[i].criterion == k)
			{
				struct buf m = BUF_INIT;
				smart_reason_message(res, &res->reasons[i], lang, &m);
				json_array_append_new(reasons, json_pack("{s:s, s:s, s:s, s:s}",
					"code", res->reasons[i].code,
					"verdict", smart_verdict_name(res->reasons[i].verdict),
					"message", m.data,
					"suggestion", smart_suggestion(res->reasons[i].code, lang)));
				buf_free(&m);
			}
		json_object_set_new(crit, smart_criterion_name(k), json_pack("{s:s, s:o}",
			"verdict", smart_verdict_name(res->verdict[k]), "reasons", reasons));
	}
	json_t *q = json_array();
	for (unsigned b = 1; b <= Q_LAST; b <<= 1)
		if (res->questions & b) {
			struct buf t = BUF_INIT;
			smart_question_render(res, b, lang, &t);
			json_array_append_new(q, json_string(t.data ? t.data : ""));
			buf_free(&t);
		}
	return json_pack("{s:i, s:o, s:o}", "score", res->score, "criteria", crit, "questions", q);
}

json_t *app_objective_smart(struct app *a, const struct objective *o)
{
	return app_objective_smart_asking(a, o, NULL);
}

json_t *app_objective_smart_asking(struct app *a, const struct objective *o, const char *unknown)
{
	struct smart_context c;
	app_smart_context(a->store, a->me.org_id, o, a->clock.today, a->arena, &c);
	struct smart_result res;
	smart_check(o, &c, &res);
	smart_ask_indicator(&res, unknown);
	return app_smart_json(&res, a->lang);
}

/* ---- validation ---- */

/* One step of the plan: {title (required), due (a date or null), done}. */
static int check_step(json_t *step, const char *field, struct err *e)
{
	char sub[64];
	const char *key;
	json_t *v;
	if (!json_is_object(step))
		return err_set(e, 400, "invalid_type", field, field, "an object");
	json_object_foreach(step, key, v) {
		snprintf(sub, sizeof(sub), "%s.%s", field, key);
		bool title = !strcmp(key, "title"), due = !strcmp(key, "due"),
		     done = !strcmp(key, "done");
		if (!title && !due && !done)
			return err_set(e, 400, "unknown_field", sub, key, NULL);
		const char *words = title ? "a string" : due ? "a date YYYY-MM-DD" : "true or false";
		if (json_is_null(v) ? !due : done ? !json_is_boolean(v) : !json_is_string(v))
			return err_set(e, 400, "invalid_type", sub, key, words);
		if (json_is_string(v) && json_string_length(v) > 20000)
			return err_set(e, 422, "invalid_value", sub, key, "20000 characters at most");
	}
	json_t *t = json_object_get(step, "title");
	snprintf(sub, sizeof(sub), "%s.title", field);
	if (!t || !json_string_length(t))
		return err_set(e, 422, "missing_field", sub, sub, NULL);
	day_t d;
	json_t *due = json_object_get(step, "due");
	snprintf(sub, sizeof(sub), "%s.due", field);
	if (json_is_string(due) && date_parse_iso(json_string_value(due), &d))
		return err_set(e, 422, "invalid_date", sub, sub, json_string_value(due));
	return 0;
}

static int check_plan(const char *text, struct err *e)
{
	json_t *plan = json_loads(text, 0, NULL);
	int rc = 0;
	size_t i;
	json_t *step;
	if (!json_is_array(plan))
		rc = err_set(e, 400, "invalid_type", "plan", "plan", "an array");
	else if (json_array_size(plan) > 100)
		rc = err_set(e, 422, "invalid_value", "plan", "plan", "100 steps at most");
	else
		json_array_foreach(plan, i, step) {
			char field[32];
			snprintf(field, sizeof(field), "plan[%zu]", i);
			if ((rc = check_step(step, field, e)))
				break;
		}
	json_decref(plan);
	return rc;
}

static int check_skills(const char *text, struct err *e)
{
	json_t *skills = json_loads(text, 0, NULL);
	int rc = 0;
	size_t i;
	json_t *s;
	if (!json_is_array(skills))
		rc = err_set(e, 400, "invalid_type", "skills", "skills", "an array of strings");
	else if (json_array_size(skills) > 50)
		rc = err_set(e, 422, "invalid_value", "skills", "skills", "50 at most");
	else
		json_array_foreach(skills, i, s)
			if (!json_is_string(s) || json_string_length(s) > 200) {
				rc = err_set(e, 400, "invalid_type", "skills", "skills",
					     "an array of strings");
				break;
			}
	json_decref(skills);
	return rc;
}

/* Figures an objective may hold: finite, and at most a trillion either way
 * (1e308 would print as "inf" on a chart; no team's target is beyond 1e12). */
#define FIGURE_MAX 1e12

static int figure_ok(bool has, double x, const char *field, struct err *e)
{
	if (has && !(isfinite(x) && fabs(x) <= FIGURE_MAX))
		return err_set(e, 422, "invalid_value", field, field,
			       "a finite number from -10^12 to 10^12");
	return 0;
}

/* The input's fields onto o (defaults or the stored version), with the
 * checks of each value taken alone. */
static int apply(const struct objective_input *in, struct objective *o, struct err *e)
{
	uint32_t s = in->set;
	static const struct { const char *name; uint32_t bit; } texts[] = {
		{ "title", OF_TITLE }, { "what", OF_WHAT }, { "who", OF_WHO }, { "where", OF_WHERE },
		{ "why", OF_WHY }, { "how", OF_HOW }, { "indicator", OF_INDICATOR },
		{ "unit", OF_UNIT }, { "means.support", OF_SUPPORT } };
	const char *text[] = { in->title, in->what, in->who, in->where, in->why, in->how,
			       in->indicator, in->unit, in->support };
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		if ((s & texts[i].bit) && text[i] && strlen(text[i]) > 20000)
			return err_set(e, 422, "invalid_value", texts[i].name, texts[i].name,
				       "20000 characters at most");
	if (s & OF_PARENT)
		o->parent_id = in->parent_id;
	if (s & OF_AXIS)
		o->axis_id = in->axis_id;
	if (s & OF_LEVEL)
		o->level = in->level;
	if (s & OF_OWNER_PERSON)
		o->owner_person_id = in->owner_person_id;
	if (s & OF_OWNER_UNIT)
		o->owner_unit_id = in->owner_unit_id;
	if (s & OF_TITLE)
		o->title = in->title;
	if (s & OF_WHAT)
		o->what = in->what;
	if (s & OF_WHO)
		o->who = in->who;
	if (s & OF_WHERE)
		o->where_ = in->where;
	if (s & OF_WHY)
		o->why = in->why;
	if (s & OF_HOW)
		o->how = in->how;
	if (s & OF_INDICATOR)
		o->indicator = in->indicator;
	if (s & OF_UNIT)
		o->unit_label = in->unit;
	if (s & OF_DIRECTION)
		o->direction = in->direction;
	if (((s & OF_BASELINE) && figure_ok(in->has_baseline, in->baseline, "baseline", e)) ||
	    ((s & OF_TARGET) && figure_ok(in->has_target, in->target, "target", e)) ||
	    ((s & OF_BUDGET) && figure_ok(in->has_budget, in->budget, "means.budget", e)) ||
	    ((s & OF_TIME_HOURS) &&
	     figure_ok(in->has_time_hours, in->time_hours, "means.time_hours", e)))
		return -1;
	if (s & OF_BASELINE) {
		o->has_baseline = in->has_baseline;
		o->baseline = in->has_baseline ? in->baseline : 0;
	}
	if (s & OF_TARGET) {
		o->has_target = in->has_target;
		o->target = in->has_target ? in->target : 0;
	}
	if (s & OF_START)
		o->start = in->start;
	if (s & OF_DUE)
		o->due = in->due;
	if (s & OF_WEIGHT)
		o->weight = in->weight;
	if (s & OF_BUDGET) {
		if (in->has_budget && in->budget < 0)
			return err_set(e, 422, "invalid_value", "means.budget", "means.budget",
				       "a positive amount");
		o->means_budget = in->has_budget ? in->budget : -1;
	}
	if (s & OF_TIME_HOURS) {
		if (in->has_time_hours && in->time_hours < 0)
			return err_set(e, 422, "invalid_value", "means.time_hours", "means.time_hours",
				       "a positive number of hours");
		o->means_time_hours = in->has_time_hours ? in->time_hours : -1;
	}
	if (s & OF_SUPPORT)
		o->means_support = in->support;
	if (s & OF_PLAN) {
		if (check_plan(in->plan_json, e))
			return -1;
		o->plan_json = in->plan_json;
	}
	if (s & OF_SKILLS) {
		if (check_skills(in->skills_json, e))
			return -1;
		o->skills_json = in->skills_json;
	}
	if (s & OF_STATUS)
		o->status = in->status;
	if (s & OF_CONFIDENCE) {
		if (in->has_confidence && !(in->confidence >= 0 && in->confidence <= 1))
			return err_set(e, 422, "invalid_value", "confidence", "confidence",
				       "a number from 0 to 1");
		o->confidence = in->has_confidence ? in->confidence : -1;
	}
	return 0;
}

int app_objective_apply(const struct objective_input *in, struct objective *o, struct err *e)
{
	return apply(in, o, e);
}

struct parent_ctx {
	struct app *a;
	struct err *e;
};

static int parent_of(void *ctx, id_t64 id, id_t64 *parent)
{
	struct parent_ctx *p = ctx;
	return store_objective_parent(p->a->store, p->a->me.org_id, id, parent, p->e);
}

/* The cascade's rules: references that exist, a level that fits under the
 * parent's, no cancelled parent, no cycle; and the owner's unit (the scope
 * the access rules judge). */
static int resolve(struct app *a, struct objective *o, struct err *e)
{
	if (objective_validate(o, e))
		return -1;
	struct store *s = a->store;
	id_t64 org = a->me.org_id;
	struct err ignored;
	if (o->parent_id) {
		struct objective parent;
		err_clear(&ignored);
		if (store_objective_get(s, org, o->parent_id, a->arena, &parent, &ignored) ||
		    !access_objective_read(&a->me, &parent))
			return err_set(e, 422, "unknown_reference", "parent_id", "parent_id",
				       "an objective");
		if (!level_child_allowed(parent.level, o->level))
			return err_set(e, 422, "invalid_value", "level", "level",
				       "a level that fits under the parent's");
		if (parent.status == ST_CANCELLED)
			return err_set(e, 422, "invalid_value", "parent_id", "parent_id",
				       "an objective that is not cancelled");
	}
	if (o->axis_id) {
		struct axis x;
		err_clear(&ignored);
		if (store_axis_get(s, org, o->axis_id, a->arena, &x, &ignored))
			return err_set(e, 422, "unknown_reference", "axis_id", "axis_id", "an axis");
	}
	if (o->owner_person_id) {
		struct person p;
		err_clear(&ignored);
		if (store_person_get(s, org, o->owner_person_id, a->arena, &p, &ignored))
			return err_set(e, 422, "unknown_reference", "owner_person_id",
				       "owner_person_id", "a person");
		o->scope_unit_id = p.unit_id;
	} else {
		struct unit u;
		err_clear(&ignored);
		if (store_unit_get(s, org, o->owner_unit_id, a->arena, &u, &ignored))
			return err_set(e, 422, "unknown_reference", "owner_unit_id", "owner_unit_id",
				       "a unit");
		o->scope_unit_id = u.id;
	}
	if (o->id && o->parent_id) {
		struct parent_ctx pc = { a, e };
		int c = cascade_would_cycle(o->id, o->parent_id, parent_of, &pc, APP_CHAIN_MAX);
		if (c < 0)
			return -1;
		if (c)
			return err_set(e, 409, "cycle", "parent_id", NULL, NULL);
	}
	return 0;
}

int app_objective_get(struct app *a, id_t64 id, struct objective *out, struct err *e)
{
	if (store_objective_get(a->store, a->me.org_id, id, a->arena, out, e))
		return -1;
	if (!access_objective_read(&a->me, out))
		return err_set(e, 404, "not_found", NULL, "objective", NULL);
	return 0;
}

/* ---- create, update, cancel ---- */

struct write {
	const struct objective_input *in;  /* NULL: no field changes (cancel) */
	const struct version_match *if_match;  /* NULL: any version */
	id_t64 id;                         /* 0: create */
	enum status forced;                /* ST__COUNT: none */
	const char *action;
	struct objective o;
};

static int create_tx(struct app *a, void *arg, struct err *e)
{
	struct write *w = arg;
	struct objective *o = &w->o;
	if (apply(w->in, o, e) || resolve(a, o, e))
		return -1;
	if (!access_objective_write(&a->me, o))
		return err_set(e, 403, "forbidden", NULL, "set this objective", NULL);
	if (store_objective_create(a->store, o, &o->id, e) || app_results_keep_one_tx(a, o, e))
		return -1;
	return app_audit(a, "objective", o->id, "create", NULL, app_objective_json(o), e);
}

static void create_defaults(struct app *a, const struct objective_input *in, struct write *w)
{
	struct objective *o = &w->o;
	objective_init(o);
	o->org_id = a->me.org_id;
	o->created_at = o->updated_at = a->clock.now;
	o->created_by = o->updated_by = a->me.person_id;
	if (!(in->set & OF_LEVEL))
		o->level = (in->set & OF_OWNER_UNIT) && in->owner_unit_id ? LEVEL_COLLECTIVE
									   : LEVEL_INDIVIDUAL;
}

int app_objective_create(struct app *a, const struct objective_input *in, struct objective *out,
			 struct err *e)
{
	struct write w = { in, NULL, 0, ST__COUNT, "create", { 0 } };
	create_defaults(a, in, &w);
	if (app_tx(a, create_tx, &w, e))
		return -1;
	*out = w.o;
	return 0;
}

int app_objective_create_tx(struct app *a, const struct objective_input *in,
			    struct objective *out, struct err *e)
{
	struct write w = { in, NULL, 0, ST__COUNT, "create", { 0 } };
	create_defaults(a, in, &w);
	if (create_tx(a, &w, e))
		return -1;
	*out = w.o;
	return 0;
}

/* The API's name of the first locked field in diff (TF_*). */
static const char *locked_name(unsigned diff)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ TF_TARGET, "target" }, { TF_START, "start" }, { TF_DUE, "due" },
		{ TF_INDICATOR, "indicator" }, { TF_BUDGET, "means.budget" },
		{ TF_TIME_HOURS, "means.time_hours" }, { TF_SUPPORT, "means.support" },
		{ TF_PLAN, "plan" } };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (diff & names[i].bit)
			return names[i].name;
	return "status";
}

static bool blank(const char *s)
{
	while (s && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
		s++;
	return !s || !*s;
}

/* Closing o as o->status (achieved or missed): the outcome measured at the
 * due date (today, before it) decides; before the due date, or against the
 * outcome, a written reason by a manager of its scope. *record: what the
 * audit keeps of the close. */
static int close_check(struct app *a, const struct objective *o, const char *reason,
		       json_t **record, struct err *e)
{
	day_t today = a->clock.today;
	bool early = o->due != DAY_NONE && today < o->due;
	day_t on = o->due != DAY_NONE && !early ? o->due : today;
	struct org org;
	struct mind *inds;
	size_t ni;
	struct measured m;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	    measure_objective(a->store, &org, o, on, B_MONTH, inds, ni, a->arena, &m, e))
		return -1;
	int outcome = m.has_progress ? (m.p.attainment >= 1 ? ST_ACHIEVED : ST_MISSED) : -1;
	bool reasoned = !blank(reason);
	char d[11];
	if (early && !reasoned) {
		date_format_iso(o->due, d);
		return err_set(e, 422, "close_early", "reason", d, NULL);
	}
	bool against = outcome >= 0 && outcome != (int)o->status;
	if (against && !reasoned) {
		date_format_iso(on, d);
		return err_set(e, 422, "close_against_outcome", "reason", d,
			       status_name((enum status)outcome));
	}
	if (early || against) {
		bool own = a->me.person_id && o->owner_person_id == a->me.person_id;
		bool manager = a->me.role == ROLE_ADMIN ||
			       (a->me.role == ROLE_MANAGER &&
				idset_has(&a->me.managed, o->scope_unit_id));
		if (own || !manager)
			return err_set(e, 403, "forbidden", NULL,
				       "close this objective with a reason", NULL);
	}
	date_format_iso(on, d);
	*record = json_pack("{s:s, s:o, s:s, s:o, s:o, s:o, s:b}", "status", status_name(o->status),
		"reason", reasoned ? json_string(reason) : json_null(), "measured_on", d,
		"value", m.has_value ? json_real(m.value) : json_null(),
		"attainment", m.has_progress ? json_real(m.p.attainment) : json_null(),
		"outcome", outcome >= 0 ? json_string(status_name((enum status)outcome)) : json_null(),
		"early", early);
	return 0;
}

static int update_tx(struct app *a, void *arg, struct err *e)
{
	struct write *w = arg;
	struct objective *o = &w->o;
	if (app_objective_get(a, w->id, o, e))
		return -1;
	if (!access_objective_write(&a->me, o))
		return err_set(e, 403, "forbidden", NULL, "change this objective", NULL);
	if (w->if_match && w->if_match->on) {
		int seen = 0;
		for (size_t i = 0; i < w->if_match->n; i++)
			seen |= w->if_match->v[i] == o->version;
		if (!seen) {
			char now[24];
			snprintf(now, sizeof(now), "%lld", (long long)o->version);
			return err_set(e, 412, "stale_version", "version", now, NULL);
		}
	}
	json_t *before = app_objective_json(o);
	json_t *closing = NULL;
	enum status from = o->status;
	struct objective stored = *o;
	if (w->in && apply(w->in, o, e))
		goto fail;
	if (w->forced != ST__COUNT)
		o->status = w->forced;
	/* the negotiation's locks (a cancel goes through) */
	struct terms was, proposed;
	bool reopen = false;
	terms_of(&stored, &was);
	terms_of(o, &proposed);
	if (w->forced == ST__COUNT) {
		unsigned diff = terms_diff(&was, &proposed);
		bool open;
		if (app_negotiation_open(a, &stored, &open, e))
			goto fail;
		const char *f = diff ? locked_name(diff) : "status";
		if ((open && (diff || o->status != from)) ||
		    (from == ST_AGREED && diff && o->status != ST_AGREED &&
		     o->status != ST_PROPOSED)) {
			err_set(e, 409, "in_negotiation", f, f, NULL);
			goto fail;
		}
		if ((from == ST_ACHIEVED || from == ST_MISSED) && diff) {
			err_set(e, 409, "conflict", f, "a closed objective keeps its terms: reopen it first",
				NULL);
			goto fail;
		}
		if (from == ST_AGREED && (diff || o->status == ST_PROPOSED)) {
			/* the agreed version stays in force; the change is an offer */
			o->has_target = stored.has_target;
			o->target = stored.target;
			o->start = stored.start;
			o->due = stored.due;
			o->indicator = stored.indicator;
			o->means_budget = stored.means_budget;
			o->means_time_hours = stored.means_time_hours;
			o->means_support = stored.means_support;
			o->plan_json = stored.plan_json;
			o->status = ST_PROPOSED;
			reopen = true;
			struct objective offered = *o;
			offered.has_target = proposed.has_target;
			offered.target = proposed.target;
			offered.start = proposed.start;
			offered.due = proposed.due;
			if (objective_validate(&offered, e))
				goto fail;
		}
	}
	if (!status_transition_allowed(from, o->status)) {
		err_set(e, 422, "invalid_status_change", "status", status_name(from),
			status_name(o->status));
		goto fail;
	}
	if (o->status != from && (o->status == ST_ACHIEVED || o->status == ST_MISSED) &&
	    close_check(a, o, w->in ? w->in->reason : NULL, &closing, e))
		goto fail;
	o->updated_at = a->clock.now;
	o->updated_by = a->me.person_id;
	if (resolve(a, o, e))
		goto fail;
	if (!access_objective_write(&a->me, o)) {
		err_set(e, 403, "forbidden", NULL, "give this objective that owner or status", NULL);
		goto fail;
	}
	if (store_objective_update(a->store, o, e) || app_results_keep_one_tx(a, o, e))
		goto fail;
	if (reopen && app_negotiation_reopen(a, o, &proposed, w->in ? w->in->reason : NULL, e))
		goto fail;
	if (closing) {
		json_t *c = closing;
		closing = NULL;
		if (app_audit(a, "objective", o->id, "close", NULL, c, e))
			goto fail;
	}
	return app_audit(a, "objective", o->id, w->action, before, app_objective_json(o), e);
fail:
	json_decref(before);
	json_decref(closing);
	return -1;
}

int app_objective_update(struct app *a, id_t64 id, const struct objective_input *in,
			 struct objective *out, struct err *e)
{
	struct write w = { in, &in->if_match, id, ST__COUNT, "update", { 0 } };
	if (app_tx(a, update_tx, &w, e))
		return -1;
	*out = w.o;
	return 0;
}

int app_objective_cancel(struct app *a, id_t64 id, const struct version_match *if_match,
			 struct objective *out, struct err *e)
{
	struct write w = { NULL, if_match, id, ST_CANCELLED, "cancel", { 0 } };
	if (app_tx(a, update_tx, &w, e))
		return -1;
	*out = w.o;
	return 0;
}

int app_objective_draft(struct app *a, const struct objective_input *in, struct objective *o,
			struct err *e)
{
	objective_init(o);
	o->org_id = a->me.org_id;
	o->level = (in->set & OF_OWNER_UNIT) && in->owner_unit_id ? LEVEL_COLLECTIVE
								  : LEVEL_INDIVIDUAL;
	if (apply(in, o, e))
		return -1;
	if (o->owner_person_id) {
		struct person p;
		struct err ignored;
		if (!store_person_get(a->store, a->me.org_id, o->owner_person_id, a->arena, &p,
				      &ignored))
			o->scope_unit_id = p.unit_id;
	} else {
		o->scope_unit_id = o->owner_unit_id;
	}
	return 0;
}

/* ---- the chain up to the ambition ---- */

int app_objective_chain(struct app *a, const struct objective *o, struct objective **up,
			size_t *n, id_t64 *axis, struct err *e)
{
	size_t cap = 0;
	*up = NULL;
	*n = 0;
	*axis = o->axis_id;
	struct objective cur = *o;
	while (cur.parent_id && *n < APP_CHAIN_MAX) {
		if (store_objective_get(a->store, a->me.org_id, cur.parent_id, a->arena, &cur, e))
			return -1;
		*(struct objective *)arena_push(a->arena, up, n, &cap, sizeof(cur)) = cur;
		if (cur.axis_id)
			*axis = cur.axis_id;
	}
	return 0;
}

/* ---- check-ins ---- */

/* characters of UTF-8 text (continuation bytes not counted) */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int checkin_tx(struct app *a, void *arg, struct err *e)
{
	struct checkin *c = arg;
	if (store_checkin_create(a->store, c, &c->id, e))
		return -1;
	return app_audit(a, "objective", c->objective_id, "checkin", NULL, app_checkin_json(c), e);
}

int app_checkin_create(struct app *a, id_t64 objective, const struct checkin_input *in,
		       struct checkin *out, struct err *e)
{
	struct objective o;
	if (app_objective_get(a, objective, &o, e))
		return -1;
	if (!access_checkin_write(&a->me, &o))
		return err_set(e, 403, "forbidden", NULL, "check in on this objective", NULL);
	if (o.status == ST_CANCELLED)
		return err_set(e, 409, "conflict", "objective", "the objective is cancelled", NULL);
	const char *comment = in->comment, *p = comment;
	while (p && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	if (!p || !*p)
		return err_set(e, 422, "missing_field", "comment", "comment", NULL);
	if (utf8_chars(comment) > CHECKIN_COMMENT_MAX)
		return err_set(e, 422, "invalid_value", "comment", "comment",
			       "2000 characters at most");
	if (in->blockers && utf8_chars(in->blockers) > CHECKIN_COMMENT_MAX)
		return err_set(e, 422, "invalid_value", "blockers", "blockers",
			       "2000 characters at most");
	if (in->next_steps && utf8_chars(in->next_steps) > CHECKIN_COMMENT_MAX)
		return err_set(e, 422, "invalid_value", "next_steps", "next_steps",
			       "2000 characters at most");
	if (in->has_value && !(in->value > -1e12 && in->value < 1e12))
		return err_set(e, 422, "invalid_value", "value", "value",
			       "a number between -10^12 and 10^12");
	struct checkin c;
	memset(&c, 0, sizeof(c));
	c.blockers = in->blockers && *in->blockers ? in->blockers : NULL;
	c.next_steps = in->next_steps && *in->next_steps ? in->next_steps : NULL;
	if (in->confidence && *in->confidence) {
		int k = confidence_parse(in->confidence);
		if (k < 0)
			return err_set(e, 422, "invalid_value", "confidence", "confidence",
				       "on_track, at_risk or off_track");
		c.confidence = (enum confidence)k;
	}
	c.org_id = a->me.org_id;
	c.objective_id = o.id;
	c.author_id = a->me.person_id;
	c.comment = comment;
	c.created_at = a->clock.now;
	/* the figures of the moment, kept with the words */
	struct org org;
	struct mind *inds;
	size_t ni;
	struct measured m;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	    measure_objective(a->store, &org, &o, a->clock.today, B_MONTH, inds, ni, a->arena, &m,
			      e))
		return -1;
	if (in->has_value && m.ind)
		return err_set(e, 422, "invalid_value", "value", "value",
			       "no value by hand: the indicator is measured from activity");
	c.has_value = m.has_value;
	c.value = m.value;
	c.has_attainment = m.has_progress;
	c.attainment = m.has_progress ? m.p.attainment : 0;
	if (in->has_value) {
		c.manual = true;
		c.has_value = true;
		c.value = in->value;
		c.has_attainment = o.has_baseline && o.has_target && o.baseline != o.target;
		c.attainment = c.has_attainment ? progress_attainment(o.direction, o.baseline,
								      o.target, in->value) : 0;
	}
	if (app_tx(a, checkin_tx, &c, e))
		return -1;
	c.author_name = NULL;
	struct person me;
	if (!store_person_get(a->store, a->me.org_id, a->me.person_id, a->arena, &me, e))
		c.author_name = me.name;
	err_clear(e);
	*out = c;
	return 0;
}

int app_checkin_list(struct app *a, id_t64 objective, size_t limit, size_t offset,
		     struct checkin **v, size_t *n, size_t *total, struct err *e)
{
	struct objective o;
	if (app_objective_get(a, objective, &o, e))
		return -1;
	return store_checkin_list(a->store, a->me.org_id, o.id, limit, offset, a->arena, v, n,
				  total, e);
}

/* ---- a unit's dashboard ---- */

static __thread const struct dash_item *cmp_items;

static int cmp_owner(const void *x, const void *y)
{
	const struct objective *p = cmp_items[*(const size_t *)x].o,
			       *q = cmp_items[*(const size_t *)y].o;
	if (p->owner_person_id != q->owner_person_id)
		return p->owner_person_id < q->owner_person_id ? -1 : 1;
	return p->id < q->id ? -1 : p->id > q->id;
}

static int cmp_objective_id(const void *x, const void *y)
{
	const struct objective *p = x, *q = y;
	return p->id < q->id ? -1 : p->id > q->id;
}

/* The objectives shown (readable, not cancelled): the subtree's, or for a
 * page the page's people's and the collective ones of the unit and the
 * units right under it; measured in one pass, with their last check-ins. */
static int dash_items(struct app *a, const struct dashboard_query *q, const struct ids *units,
		      const struct person *people, size_t np, struct unit_dashboard *out,
		      struct err *e)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = q->from;
	f.to = q->to;
	f.units = units;
	struct objective *v, *w = NULL;
	size_t n, nw = 0;
	struct ids near, owners;
	if (q->limit) {
		if (store_unit_children(a->store, a->me.org_id, q->unit, a->arena, &near, e))
			return -1;
		f.units = &near;
	}
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &n, NULL, e))
		return -1;
	if (q->limit) {
		/* the page's people's, after the unit-owned ones of the near units */
		size_t c = 0;
		for (size_t i = 0; i < n; i++)
			if (!v[i].owner_person_id && v[i].owner_unit_id)
				v[c++] = v[i];
		n = c;
		owners.v = arena_alloc(a->arena, (np + 1) * sizeof(id_t64));
		owners.n = np;
		for (size_t i = 0; i < np; i++)
			owners.v[i] = people[i].id;
		f.units = units;
		f.owner_people = &owners;
		if (np && store_objective_list(a->store, a->me.org_id, &f, a->arena, &w, &nw, NULL, e))
			return -1;
		struct objective *all = arena_alloc(a->arena, (n + nw + 1) * sizeof(*all));
		memcpy(all, v, n * sizeof(*v));
		if (nw)
			memcpy(all + n, w, nw * sizeof(*w));
		v = all;
		n += nw;
		qsort(v, n, sizeof(*v), cmp_objective_id);
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].status != ST_CANCELLED && access_objective_read(&a->me, &v[i]))
			v[k++] = v[i];
	n = k;
	struct org org;
	struct mind *inds;
	size_t ni;
	struct measured *ms = arena_alloc(a->arena, (n + 1) * sizeof(*ms));
	struct checkin *last;
	struct ids ids = { arena_alloc(a->arena, (n + 1) * sizeof(id_t64)), n };
	for (size_t i = 0; i < n; i++)
		ids.v[i] = v[i].id;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	    (q->fresh ? measure_many : measure_kept)(a->store, &org, v, n, a->clock.today, q->bucket,
						     inds, ni, a->arena, ms, e) ||
	    store_checkin_last(a->store, a->me.org_id, &ids, a->arena, &last, e))
		return -1;
	out->all = arena_alloc(a->arena, (n + 1) * sizeof(*out->all));
	out->nall = n;
	for (size_t i = 0; i < n; i++)
		out->all[i] = (struct dash_item){ &v[i], &ms[i], &last[i] };
	return 0;
}

/* Each member's individual objectives, by id; the unit-owned ones. */
static void dash_split(struct app *a, const struct person *people, size_t np,
		       struct unit_dashboard *out)
{
	size_t n = out->nall;
	size_t *order = arena_alloc(a->arena, (n + 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	cmp_items = out->all;
	qsort(order, n, sizeof(size_t), cmp_owner);
	out->members = arena_alloc(a->arena, (np + 1) * sizeof(*out->members));
	out->nmembers = np;
	for (size_t i = 0; i < np; i++) {
		struct dash_member *mb = &out->members[i];
		mb->p = &people[i];
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (out->all[order[mid]].o->owner_person_id < people[i].id)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t end = lo;
		while (end < n && out->all[order[end]].o->owner_person_id == people[i].id)
			end++;
		mb->n = end - lo;
		mb->items = arena_alloc(a->arena, (mb->n + 1) * sizeof(*mb->items));
		for (size_t j = 0; j < mb->n; j++)
			mb->items[j] = out->all[order[lo + j]];
	}
	out->collective = arena_alloc(a->arena, (n + 1) * sizeof(*out->collective));
	out->ncollective = 0;
	for (size_t i = 0; i < n; i++)
		if (!out->all[i].o->owner_person_id && out->all[i].o->owner_unit_id)
			out->collective[out->ncollective++] = out->all[i];
}

int app_unit_dashboard(struct app *a, const struct dashboard_query *q, struct unit_dashboard *out,
		       struct err *e)
{
	memset(out, 0, sizeof(*out));
	out->today = a->clock.today;
	if (store_unit_get(a->store, a->me.org_id, q->unit, a->arena, &out->unit, e))
		return -1;
	if (!access_unit_dashboard(&a->me, q->unit))
		return err_set(e, 403, "forbidden", NULL, "see this unit's dashboard", NULL);
	if (q->fresh && a->me.role != ROLE_ADMIN)
		return err_set(e, 403, "forbidden", "fresh", "recompute a dashboard", NULL);
	struct ids units;
	if (store_unit_subtree(a->store, a->me.org_id, q->unit, a->arena, &units, e))
		return -1;
	struct person_filter pf = { &units, 1, q->limit, q->limit ? q->offset : 0 };
	struct person *people;
	size_t np;
	if (store_person_list(a->store, a->me.org_id, &pf, a->arena, &people, &np, &out->members_total,
			      e) ||
	    dash_items(a, q, &units, people, np, out, e))
		return -1;
	dash_split(a, people, np, out);
	return 0;
}
