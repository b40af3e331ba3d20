/* Measurement over HTTP: indicators (list, define, try), an objective's
 * progress and series, a person's and a unit's dashboard. */
#include <math.h>
#include <string.h>
#include "app/indicator.h"
#include "app/synonym.h"
#include "app/org.h"
#include "app/measure.h"
#include "app/result.h"
#include "app/objective.h"
#include "app/rhythm.h"
#include "app/export_lists.h"
#include "http/http.h"

/* ?today=YYYY-MM-DD (a day to measure on), else the request's day (the one
 * clock: $CIBLE_TODAY moves it). */
static int req_today(struct req *r, day_t *today)
{
	const char *t = query(r, "today");
	*today = r->clock.today;
	if (t && date_parse_iso(t, today))
		return fail(r, 400, "invalid_query", "today", "today", "a date YYYY-MM-DD");
	return 0;
}

static int req_bucket(struct req *r, enum bucket *bk)
{
	int b = bucket_parse(query(r, "by") ? query(r, "by") : "month");
	if (b < 0)
		return fail(r, 400, "invalid_query", "by", "by", "day, week or month");
	*bk = (enum bucket)b;
	return 0;
}

struct ctx {
	struct org org;
	struct mind *inds;
	size_t ninds;
	day_t today;
	enum bucket bk;
};

/* series: the objective's series is answered, cut by ?by= (dashboards show
 * none, so they read no ?by=) */
static int load_ctx(struct req *r, struct ctx *c, int series)
{
	c->bk = B_MONTH;
	if (req_today(r, &c->today) || (series && req_bucket(r, &c->bk)))
		return -1;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &c->org, &r->err))
		return -1;
	return measure_indicators(r->store, r->me.org_id, &r->arena, &c->inds, &c->ninds, &r->err);
}

/* The objective with its progress and its last check-in, for dashboards. */
static json_t *dashboard_item(struct req *r, const struct objective *o, const struct measured *m,
			      const struct checkin *last)
{
	json_t *p = measured_json(o, m, r->lang);
	json_object_del(p, "series");
	json_t *j = json_objective(o);
	json_object_set_new(j, "progress", p);
	json_object_set_new(j, "last_checkin", last && last->id ? app_checkin_json(last) : json_null());
	return j;
}

/* Objectives v (n of them) measured together, with their last check-ins. */
static int measure_all(struct req *r, const struct ctx *c, const struct objective *v, size_t n,
		       struct measured **ms, struct checkin **last)
{
	*ms = arena_alloc(&r->arena, (n + 1) * sizeof(**ms));
	struct ids ids = { arena_alloc(&r->arena, (n + 1) * sizeof(id_t64)), n };
	for (size_t i = 0; i < n; i++)
		ids.v[i] = v[i].id;
	if (measure_kept(r->store, &c->org, v, n, c->today, c->bk, c->inds, c->ninds, &r->arena,
			 *ms, &r->err))
		return -1;
	return store_checkin_last(r->store, r->me.org_id, &ids, &r->arena, last, &r->err);
}

/* The objectives f selects that one may read and that are not cancelled,
 * measured together, with their last check-ins. */
static int list_measured(struct req *r, const struct ctx *c, const struct objective_filter *f,
			 struct objective **v, size_t *n, struct measured **ms,
			 struct checkin **last)
{
	if (store_objective_list(r->store, r->me.org_id, f, &r->arena, v, n, NULL, &r->err))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i].status != ST_CANCELLED && access_objective_read(&r->me, &(*v)[i]))
			(*v)[k++] = (*v)[i];
	*n = k;
	return measure_all(r, c, *v, k, ms, last);
}

int api_objectives_progress(struct req *r)
{
	struct objective o;
	if (store_objective_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &o, &r->err))
		return -1;
	if (!access_objective_read(&r->me, &o))
		return fail(r, 404, "not_found", NULL, "objective", NULL);
	struct ctx c;
	if (load_ctx(r, &c, 1))
		return -1;
	struct measured m;
	if (measure_objective(r->store, &c.org, &o, c.today, c.bk, c.inds, c.ninds, &r->arena, &m,
			      &r->err))
		return -1;
	return reply_json(r, 200, measured_json(&o, &m, r->lang));
}

static json_t *status_counts(json_t *items)
{
	json_t *counts = json_object();
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it) {
		json_t *p = json_object_get(it, "progress");
		const char *st = json_string_value(json_object_get(p, "status"));
		if (!st)
			continue;
		json_int_t n = json_integer_value(json_object_get(counts, st));
		json_object_set_new(counts, st, json_integer(n + 1));
	}
	return counts;
}

static int owned_by(struct req *r, const struct ctx *c, id_t64 person, id_t64 unit,
		    json_t *items)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.owner_person = person;
	f.owner_unit = unit;
	struct objective *v;
	size_t n;
	struct measured *ms;
	struct checkin *last;
	if (list_measured(r, c, &f, &v, &n, &ms, &last))
		return -1;
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, dashboard_item(r, &v[i], &ms[i], &last[i]));
	return 0;
}

int api_people_dashboard(struct req *r)
{
	struct person p;
	if (store_person_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &p, &r->err))
		return -1;
	if (!access_person_read(&r->me, &p))
		return fail(r, 404, "not_found", NULL, "person", NULL);
	int format;
	if (req_report_format(r, &format))
		return -1;
	if (format >= 0) {
		day_t day;
		struct app ea;
		struct export_table t;
		if (req_today(r, &day))
			return -1;
		req_app(r, &ea);
		ea.clock = app_clock_on(r->clock, day);
		if (app_export_person(&ea, p.id, &t, &r->err))
			return -1;
		return reply_report(r, &t, format, REPORT_PERSON, day,
				    r->lang == LANG_FR ? "objectifs-personne" : "person-objectives");
	}
	struct ctx c;
	if (load_ctx(r, &c, 0))
		return -1;
	json_t *mine = json_array(), *team = json_array();
	int rc = -1;
	if (owned_by(r, &c, p.id, 0, mine) || (p.unit_id && owned_by(r, &c, 0, p.unit_id, team)))
		goto out;
	char today[11];
	date_format_iso(c.today, today);
	struct app a;
	req_app(r, &a);
	a.clock = app_clock_on(r->clock, c.today);
	struct person_rhythm rh;
	if (app_rhythm_people(&a, &p, 1, &rh, &r->err))
		goto out;
	rc = reply_json(r, 200, json_pack("{s:o, s:s, s:O, s:O, s:o, s:o}", "person", json_person(&p),
				      "today", today, "objectives", mine, "collective", team,
				      "by_status", status_counts(mine), "rhythm", app_rhythm_json(&rh)));
out:
	json_decref(mine);
	json_decref(team);
	return rc;
}

static json_t *dash_items_json(struct req *r, const struct dash_item *v, size_t n)
{
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, dashboard_item(r, v[i].o, v[i].m, v[i].last));
	return items;
}

/* Everyone in the unit's subtree with their objectives, and the subtree's
 * collective objectives (app_unit_dashboard), on ?today= or the request's
 * day; with limit/offset, a page of the members and the collective
 * objectives of the unit and the units right under it. */
int api_units_dashboard(struct req *r)
{
	day_t today;
	enum bucket bk;
	struct app a;
	req_app(r, &a);
	struct unit u;
	/* an unknown unit, then a forbidden one, before a bad query */
	if (store_unit_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &u, &r->err))
		return -1;
	if (!access_unit_dashboard(&r->me, u.id))
		return forbidden(r, "see this unit's dashboard");
	int format;
	size_t limit, offset;
	if (req_today(r, &today) || req_bucket(r, &bk) || req_report_format(r, &format) ||
	    query_paging(r, &limit, &offset))
		return -1;
	a.clock = app_clock_on(r->clock, today);
	if (format >= 0) {
		struct export_table t;
		if (app_export_unit(&a, u.id, &t, &r->err))
			return -1;
		return reply_report(r, &t, format, REPORT_UNIT, today,
				    r->lang == LANG_FR ? "tableau-de-bord" : "dashboard");
	}
	/* a page of members when limit or offset is given, else everyone */
	int paged = query(r, "limit") || query(r, "offset");
	const char *fresh = query(r, "fresh");
	if (fresh && strcmp(fresh, "1"))
		return fail(r, 400, "invalid_query", "fresh", "fresh", "1, or nothing");
	struct dashboard_query q = { u.id, DAY_NONE, DAY_NONE, bk, paged ? limit : 0, offset,
				     fresh != NULL };
	struct unit_dashboard d;
	if (app_unit_dashboard(&a, &q, &d, &r->err))
		return -1;
	struct person *people = arena_alloc(&r->arena, (d.nmembers + 1) * sizeof(*people));
	struct person_rhythm *rh = arena_alloc(&r->arena, (d.nmembers + 1) * sizeof(*rh));
	for (size_t i = 0; i < d.nmembers; i++)
		people[i] = *d.members[i].p;
	if (app_rhythm_people(&a, people, d.nmembers, rh, &r->err))
		return -1;
	json_t *members = json_array();
	int nlate = 0;
	for (size_t i = 0; i < d.nmembers; i++) {
		json_t *objs = dash_items_json(r, d.members[i].items, d.members[i].n);
		json_t *counts = status_counts(objs);
		nlate += rh[i].late;
		json_array_append_new(members, json_pack("{s:o, s:o, s:o, s:o}", "person",
			json_person(d.members[i].p), "objectives", objs, "by_status", counts,
			"rhythm", app_rhythm_json(&rh[i])));
	}
	char day[11];
	date_format_iso(d.today, day);
	return reply_json_etag(r, json_pack("{s:o, s:s, s:o, s:o, s:i, s:I}", "unit", json_unit(&d.unit),
		"today", day, "members", members, "collective",
		dash_items_json(r, d.collective, d.ncollective), "late_checkins", nlate,
		"members_total", (json_int_t)d.members_total));
}

/* ---- indicators' synonyms (admin) ---- */

int api_synonyms_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct indicator_synonym *v;
	size_t n;
	if (app_synonym_list(&a, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_synonym_json(&v[i]));
	return reply_page(r, items, n, n, 0);
}

static const struct jfield synonym_spec[] = {
	{ "lang", J_STRING, 0 }, { "phrase", J_STRING, 0 }, { "indicator", J_STRING, 0 },
	{ NULL, 0, 0 } };

int api_synonyms_put(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_org_write_check(&a, "manage the indicators' synonyms", &r->err))
		return -1;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct synonym_input in = { NULL, NULL, NULL };
	struct indicator_synonym x;
	if (!json_check_shape(body, synonym_spec, &r->err)) {
		jget_str(body, "lang", &r->arena, &in.lang);
		jget_str(body, "phrase", &r->arena, &in.phrase);
		jget_str(body, "indicator", &r->arena, &in.indicator);
		if (!app_synonym_put(&a, &in, &x, &r->err))
			rc = reply_json(r, 200, app_synonym_json(&x));
	}
	json_decref(body);
	return rc;
}

int api_synonyms_delete(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_synonym_delete(&a, query(r, "lang"), query(r, "phrase"), &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

/* ---- indicators ---- */

int api_indicators_list(struct req *r)
{
	struct mind *v;
	size_t n;
	if (measure_indicators(r->store, r->me.org_id, &r->arena, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_indicator_json(&v[i]));
	return reply_page(r, items, n, n, 0);
}

int api_indicators_get(struct req *r)
{
	struct mind m;
	if (store_indicator_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &m.row, &r->err))
		return -1;
	struct err pe;
	m.ok = !indicator_parse(m.row.expr, &m.prog, &pe);
	return reply_json(r, 200, app_indicator_json(&m));
}

static const struct jfield indicator_spec[] = {
	{ "key", J_STRING, 0 }, { "kind", J_STRING, 0 }, { "expr", J_STRING, 0 },
	{ "unit", J_STRING, 0 }, { "name_fr", J_STRING, 0 }, { "name_en", J_STRING, 0 },
	{ NULL, 0, 0 } };

/* The body as an indicator_input; -1 with r->err on a wrong shape. */
static int indicator_input(struct req *r, json_t *body, struct indicator_input *in)
{
	memset(in, 0, sizeof(*in));
	if (json_check_shape(body, indicator_spec, &r->err))
		return -1;
	static const char *const names[] = { "key", "kind", "expr", "unit", "name_fr", "name_en" };
	const char **to[] = { &in->key, &in->kind, &in->expr, &in->unit, &in->name_fr,
			      &in->name_en };
	for (int i = 0; i < 6; i++)
		if (jget_str(body, names[i], &r->arena, to[i]))
			in->set |= 1u << i;
	return 0;
}

/* The indicator id (0: a new one) defined by the body: 201 or 200. */
static int indicator_put(struct req *r, id_t64 id)
{
	struct app a;
	req_app(r, &a);
	if (app_org_write_check(&a, "define indicators", &r->err))
		return -1;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct indicator_input in;
	struct mind m;
	if (!indicator_input(r, body, &in) &&
	    !(id ? app_indicator_update(&a, id, &in, &m, &r->err)
		 : app_indicator_create(&a, &in, &m, &r->err)))
		rc = reply_json(r, id ? 200 : 201, app_indicator_json(&m));
	json_decref(body);
	return rc;
}

int api_indicators_create(struct req *r)
{
	return indicator_put(r, 0);
}

int api_indicators_update(struct req *r)
{
	return indicator_put(r, param_id(r, 0));
}

int api_indicators_delete(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_indicator_delete(&a, param_id(r, 0), &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

static const struct jfield try_spec[] = {
	{ "expr", J_STRING, 0 }, { "kind", J_STRING, 0 }, { "person", J_STRING, 1 },
	{ "from", J_DATE, 1 }, { "to", J_DATE, 1 }, { NULL, 0, 0 } };

/* Tries an expression on stored records: everyone's for admin and hr, one
 * readable person's for the others. */
int api_indicators_try(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct indicator_try in = { NULL, NULL, NULL, DAY_NONE, DAY_NONE };
	struct indicator_tried out;
	if (json_check_shape(body, try_spec, &r->err))
		goto out;
	jget_str(body, "expr", &r->arena, &in.expr);
	jget_str(body, "kind", &r->arena, &in.kind);
	jget_str(body, "person", &r->arena, &in.person);
	if (jget_date(body, "from", &in.from, &r->err) < 0 ||
	    jget_date(body, "to", &in.to, &r->err) < 0 || app_indicator_try(&a, &in, &out, &r->err))
		goto out;
	rc = reply_json(r, 200, json_pack("{s:o, s:b}", "value",
				      isnan(out.value) ? json_null() : json_real(out.value),
				      "cumulative", out.cumulative));
out:
	json_decref(body);
	return rc;
}
