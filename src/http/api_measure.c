/* Measurement over HTTP: indicators (list, define, try), an objective's
 * progress and series, a person's and a unit's dashboard. */
#include <math.h>
#include <string.h>
#include "app/measure.h"
#include "app/objective.h"
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

static int load_ctx(struct req *r, struct ctx *c)
{
	if (req_today(r, &c->today) || req_bucket(r, &c->bk))
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
	if (measure_many(r->store, &c->org, v, n, c->today, c->bk, c->inds, c->ninds, &r->arena,
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
	if (load_ctx(r, &c))
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
	struct ctx c;
	if (load_ctx(r, &c))
		return -1;
	json_t *mine = json_array(), *team = json_array();
	int rc = -1;
	if (owned_by(r, &c, p.id, 0, mine) || (p.unit_id && owned_by(r, &c, 0, p.unit_id, team)))
		goto out;
	char today[11];
	date_format_iso(c.today, today);
	rc = reply_json(r, 200, json_pack("{s:o, s:s, s:O, s:O, s:o}", "person", json_person(&p),
				      "today", today, "objectives", mine, "collective", team,
				      "by_status", status_counts(mine)));
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
 * day. */
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
	if (req_today(r, &today) || req_bucket(r, &bk))
		return -1;
	a.clock = app_clock_on(r->clock, today);
	struct dashboard_query q = { u.id, DAY_NONE, DAY_NONE, bk };
	struct unit_dashboard d;
	if (app_unit_dashboard(&a, &q, &d, &r->err))
		return -1;
	json_t *members = json_array();
	for (size_t i = 0; i < d.nmembers; i++) {
		json_t *objs = dash_items_json(r, d.members[i].items, d.members[i].n);
		json_t *counts = status_counts(objs);
		json_array_append_new(members, json_pack("{s:o, s:o, s:o}", "person",
			json_person(d.members[i].p), "objectives", objs, "by_status", counts));
	}
	char day[11];
	date_format_iso(d.today, day);
	return reply_json(r, 200, json_pack("{s:o, s:s, s:o, s:o}", "unit", json_unit(&d.unit),
		"today", day, "members", members, "collective",
		dash_items_json(r, d.collective, d.ncollective)));
}

/* ---- indicators ---- */

static json_t *indicator_json(const struct mind *m)
{
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "id",
			      (json_int_t)m->row.id, "key", m->row.key, "kind", m->row.kind,
			      "expr", m->row.expr, "unit", m->row.unit, "name_fr", m->row.name_fr,
			      "name_en", m->row.name_en, "valid", m->ok);
	if (m->ok) {
		json_object_set_new(j, "cumulative", json_boolean(m->prog.cumulative));
		json_t *fields = json_array();
		for (int i = 0; i < m->prog.nfields; i++)
			json_array_append_new(fields, json_string(indicator_field(&m->prog, i)));
		json_object_set_new(j, "fields", fields);
	}
	return j;
}

int api_indicators_list(struct req *r)
{
	struct mind *v;
	size_t n;
	if (measure_indicators(r->store, r->me.org_id, &r->arena, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, indicator_json(&v[i]));
	return reply_page(r, items, n, n, 0);
}

int api_indicators_get(struct req *r)
{
	struct mind m;
	if (store_indicator_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &m.row, &r->err))
		return -1;
	struct err pe;
	m.ok = !indicator_parse(m.row.expr, &m.prog, &pe);
	return reply_json(r, 200, indicator_json(&m));
}

static const struct jfield indicator_spec[] = {
	{ "key", J_STRING, 0 }, { "kind", J_STRING, 0 }, { "expr", J_STRING, 0 },
	{ "unit", J_STRING, 0 }, { "name_fr", J_STRING, 0 }, { "name_en", J_STRING, 0 },
	{ NULL, 0, 0 } };

static bool key_ok(const char *k)
{
	size_t n = strlen(k);
	if (!n || n > 40)
		return false;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_'))
			return false;
	return true;
}

/* Reads the body into m (over what it holds); compiles the expression. */
static int indicator_apply(struct req *r, json_t *body, struct mind *m)
{
	jget_str(body, "key", &r->arena, &m->row.key);
	jget_str(body, "kind", &r->arena, &m->row.kind);
	jget_str(body, "expr", &r->arena, &m->row.expr);
	jget_str(body, "unit", &r->arena, &m->row.unit);
	jget_str(body, "name_fr", &r->arena, &m->row.name_fr);
	jget_str(body, "name_en", &r->arena, &m->row.name_en);
	static const char *const need[] = { "key", "kind", "expr", "name_fr" };
	const char *have[] = { m->row.key, m->row.kind, m->row.expr, m->row.name_fr };
	for (int i = 0; i < 4; i++)
		if (!have[i] || !*have[i])
			return fail(r, 422, "missing_field", need[i], need[i], NULL);
	if (!key_ok(m->row.key))
		return fail(r, 422, "invalid_value", "key", "key",
			    "1 to 40 lower-case letters, digits or _");
	if (!key_ok(m->row.kind))
		return fail(r, 422, "invalid_value", "kind", "kind",
			    "1 to 40 lower-case letters, digits or _ (call, sale...)");
	if (!m->row.name_en || !*m->row.name_en)
		m->row.name_en = m->row.name_fr;
	if (!m->row.unit)
		m->row.unit = "";
	if (indicator_parse(m->row.expr, &m->prog, &r->err))
		return -1;
	m->ok = true;
	return 0;
}

struct write {
	json_t *body;
	struct mind m, before;
	bool create;
};

static int indicator_write(struct req *r, void *ctx)
{
	struct write *w = ctx;
	if (w->create) {
		if (store_indicator_create(r->store, r->me.org_id, &w->m.row, &w->m.row.id, &r->err))
			return -1;
	} else if (store_indicator_update(r->store, r->me.org_id, &w->m.row, &r->err)) {
		return -1;
	}
	/* the figures follow the expression: recomputed from the stored records */
	if ((w->create || strcmp(w->before.row.expr, w->m.row.expr) ||
	     strcmp(w->before.row.kind, w->m.row.kind)) &&
	    measure_backfill(r->store, r->me.org_id, &w->m, &r->err))
		return -1;
	return audit_write(r, "indicator", w->m.row.id, w->create ? "create" : "update",
			   w->create ? NULL : indicator_json(&w->before), indicator_json(&w->m));
}

int api_indicators_create(struct req *r)
{
	if (!access_org_write(&r->me))
		return forbidden(r, "define indicators");
	struct write w;
	memset(&w, 0, sizeof(w));
	w.create = true;
	w.body = req_json_object(r);
	if (!w.body)
		return -1;
	int rc = -1;
	if (json_check_shape(w.body, indicator_spec, &r->err) || indicator_apply(r, w.body, &w.m) ||
	    with_tx(r, indicator_write, &w))
		goto out;
	rc = reply_json(r, 201, indicator_json(&w.m));
out:
	json_decref(w.body);
	return rc;
}

int api_indicators_update(struct req *r)
{
	if (!access_org_write(&r->me))
		return forbidden(r, "define indicators");
	struct write w;
	memset(&w, 0, sizeof(w));
	if (store_indicator_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &w.before.row,
				&r->err))
		return -1;
	struct err pe;
	w.before.ok = !indicator_parse(w.before.row.expr, &w.before.prog, &pe);
	w.m.row = w.before.row;
	w.body = req_json_object(r);
	if (!w.body)
		return -1;
	int rc = -1;
	int64_t uses = 0;
	if (json_check_shape(w.body, indicator_spec, &r->err) || indicator_apply(r, w.body, &w.m))
		goto out;
	if (strcmp(w.m.row.key, w.before.row.key)) {
		/* objectives name indicators by key: a used key stays */
		if (store_indicator_uses(r->store, r->me.org_id, w.before.row.key, &uses, &r->err))
			goto out;
		if (uses) {
			fail(r, 409, "conflict", "key", "objectives measure this indicator by its key", NULL);
			goto out;
		}
	}
	if (with_tx(r, indicator_write, &w))
		goto out;
	rc = reply_json(r, 200, indicator_json(&w.m));
out:
	json_decref(w.body);
	return rc;
}

static int indicator_remove(struct req *r, void *ctx)
{
	struct mind *m = ctx;
	if (store_indicator_delete(r->store, r->me.org_id, m->row.id, &r->err))
		return -1;
	return audit_write(r, "indicator", m->row.id, "delete", indicator_json(m), NULL);
}

int api_indicators_delete(struct req *r)
{
	if (!access_org_write(&r->me))
		return forbidden(r, "define indicators");
	struct mind m;
	if (store_indicator_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &m.row, &r->err))
		return -1;
	struct err pe;
	m.ok = !indicator_parse(m.row.expr, &m.prog, &pe);
	int64_t uses;
	if (store_indicator_uses(r->store, r->me.org_id, m.row.key, &uses, &r->err))
		return -1;
	if (uses)
		return fail(r, 409, "conflict", NULL, "objectives measure this indicator", NULL);
	if (with_tx(r, indicator_remove, &m))
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
	int rc = -1;
	struct mind m;
	memset(&m, 0, sizeof(m));
	const char *who = NULL;
	day_t from = DAY_NONE, to = DAY_NONE;
	if (json_check_shape(body, try_spec, &r->err))
		goto out;
	jget_str(body, "expr", &r->arena, &m.row.expr);
	jget_str(body, "kind", &r->arena, &m.row.kind);
	jget_str(body, "person", &r->arena, &who);
	if (jget_date(body, "from", &from, &r->err) < 0 || jget_date(body, "to", &to, &r->err) < 0)
		goto out;
	if (!m.row.expr || !m.row.kind) {
		fail(r, 422, "missing_field", m.row.expr ? "kind" : "expr", m.row.expr ? "kind" : "expr",
		     NULL);
		goto out;
	}
	if (indicator_parse(m.row.expr, &m.prog, &r->err))
		goto out;
	m.ok = true;
	m.row.key = "try";
	struct ids one = { NULL, 0 }, *people = NULL;
	id_t64 pid;
	if (who) {
		struct person p;
		if (store_person_resolve(r->store, r->me.org_id, who, &pid, &r->err) ||
		    store_person_get(r->store, r->me.org_id, pid, &r->arena, &p, &r->err))
			goto out;
		if (!access_person_read(&r->me, &p)) {
			fail(r, 404, "not_found", "person", "person", NULL);
			goto out;
		}
		one.v = &pid;
		one.n = 1;
		people = &one;
	} else if (!access_audit_all(&r->me)) {
		fail(r, 422, "missing_field", "person", "person", NULL);
		goto out;
	}
	/* a try reads the records themselves: the expression is not stored */
	m.prog.mergeable = false;
	double v;
	if (measure_value(r->store, r->me.org_id, &m, people, from == DAY_NONE ? -1000000 : from,
			  to == DAY_NONE ? 1000000 : to, &v, &r->err))
		goto out;
	rc = reply_json(r, 200, json_pack("{s:o, s:b}", "value", isnan(v) ? json_null() : json_real(v),
				      "cumulative", m.prog.cumulative));
out:
	json_decref(body);
	return rc;
}
