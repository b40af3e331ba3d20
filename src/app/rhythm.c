/* The check-in rhythm's use cases (rhythm.h). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "app/record.h"
#include "app/rhythm.h"
#include "store/store_rhythm.h"

/* ---- time zones ---- */

bool app_time_zone_ok(const char *name)
{
	if (!name || !*name || strlen(name) > 64 || name[0] == '/' || strstr(name, ".."))
		return false;
	if (!strcmp(name, "UTC"))
		return true;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || *p == '+' || *p == '-' || *p == '/'))
			return false;
	char path[128];
	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", name);
	struct stat sb;
	return !stat(path, &sb) && S_ISREG(sb.st_mode);
}

/* The C library knows one time zone at a time, the process's TZ: a change
 * is made under this lock, and only replaces the value main set first
 * (app_tz_init), so a reader of the environment elsewhere never sees it
 * moved. The zone in force is kept to skip the change when it is the same. */
static pthread_mutex_t tz_lock = PTHREAD_MUTEX_INITIALIZER;
static char tz_now[80];

void app_tz_init(void)
{
	const char *tz = getenv("TZ");
	if (!tz)
		setenv("TZ", "UTC", 1);
}

day_t app_local_day(const char *tz, int64_t t)
{
	if (!tz || !app_time_zone_ok(tz))
		tz = "Europe/Paris";
	pthread_mutex_lock(&tz_lock);
	if (strcmp(tz_now, tz)) {
		setenv("TZ", tz, 1);
		tzset();
		snprintf(tz_now, sizeof(tz_now), "%s", tz);
	}
	time_t tt = (time_t)t;
	struct tm tm;
	int ok = localtime_r(&tt, &tm) != NULL;
	pthread_mutex_unlock(&tz_lock);
	if (!ok)
		return (day_t)(t / 86400);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void app_local_time(const char *tz, int64_t t, int *hour, int *minute, int *second)
{
	if (!tz || !app_time_zone_ok(tz))
		tz = "Europe/Paris";
	pthread_mutex_lock(&tz_lock);
	if (strcmp(tz_now, tz)) {
		setenv("TZ", tz, 1);
		tzset();
		snprintf(tz_now, sizeof(tz_now), "%s", tz);
	}
	time_t tt = (time_t)t;
	struct tm tm;
	int ok = localtime_r(&tt, &tm) != NULL;
	pthread_mutex_unlock(&tz_lock);
	*hour = ok ? tm.tm_hour : (int)(t % 86400 / 3600);
	*minute = ok ? tm.tm_min : (int)(t % 3600 / 60);
	*second = ok ? tm.tm_sec : (int)(t % 60);
}

/* ---- cadence settings ---- */

json_t *app_cadence_json(const struct cadence_setting *c)
{
	json_t *v = json_pack("{s:s, s:o, s:s}", "scope", cadence_scope_name(c->scope),
			      "scope_id", c->scope == CS_ORG ? json_null() : json_integer(c->scope_id),
			      "every", cadence_name(c->every));
	return v;
}

static bool manages(const struct principal *p, id_t64 unit)
{
	return p->role == ROLE_MANAGER && unit && idset_has(&p->managed, unit);
}

struct cadence_tx {
	const struct cadence_setting *c;
	bool remove;
};

static int cadence_tx_fn(struct app *a, void *arg, struct err *e)
{
	struct cadence_tx *w = arg;
	struct cadence_setting *v;
	size_t n;
	if (store_cadence_list(a->store, a->me.org_id, a->arena, &v, &n, e))
		return -1;
	json_t *before = NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i].scope == w->c->scope && v[i].scope_id == w->c->scope_id)
			before = app_cadence_json(&v[i]);
	int removed = 0;
	if (w->remove ? store_cadence_delete(a->store, a->me.org_id, w->c->scope, w->c->scope_id,
					     &removed, e)
		      : store_cadence_set(a->store, a->me.org_id, w->c, a->clock.now,
					  a->me.person_id, e)) {
		json_decref(before);
		return -1;
	}
	if (w->remove && !removed)
		return 0;   /* nothing was set: nothing changes, nothing to audit */
	return app_audit(a, "cadence", w->c->scope_id, w->remove ? "remove" : "set", before,
			 w->remove ? NULL : app_cadence_json(w->c), e);
}

int app_cadence_set(struct app *a, const struct cadence_input *in, struct err *e)
{
	struct cadence_setting c = { CS_ORG, 0, CAD_WEEKLY };
	int every = -1;
	if (in->every && (every = cadence_parse(in->every)) < 0)
		return err_set(e, 422, "invalid_value", "every", "every", CADENCE_NAMES);
	if (every >= 0)
		c.every = (enum cadence)every;
	int scope = cadence_scope_parse(in->scope);
	if (!in->scope)
		return err_set(e, 422, "missing_field", "scope", "scope", NULL);
	if (scope < 0)
		return err_set(e, 422, "invalid_value", "scope", "scope", CADENCE_SCOPES);
	c.scope = (enum cadence_scope)scope;
	c.scope_id = c.scope == CS_ORG ? 0 : in->scope_id;
	if (c.scope != CS_ORG && !c.scope_id)
		return err_set(e, 422, "missing_field", "scope_id", "scope_id", NULL);
	const struct principal *me = &a->me;
	bool allowed = me->role == ROLE_ADMIN;
	struct err ignored;
	if (c.scope == CS_UNIT) {
		struct unit u;
		if (store_unit_get(a->store, me->org_id, c.scope_id, a->arena, &u, &ignored))
			return err_set(e, 422, "unknown_reference", "scope_id", "scope_id", "a unit");
		allowed |= manages(me, u.id);
	} else if (c.scope == CS_PERSON) {
		struct person p;
		if (store_person_get(a->store, me->org_id, c.scope_id, a->arena, &p, &ignored) ||
		    !access_person_read(me, &p))
			return err_set(e, 422, "unknown_reference", "scope_id", "scope_id", "a person");
		allowed |= p.id != me->person_id && manages(me, p.unit_id);
	} else if (c.scope == CS_OBJECTIVE) {
		struct objective o;
		if (store_objective_get(a->store, me->org_id, c.scope_id, a->arena, &o, &ignored) ||
		    !access_objective_read(me, &o))
			return err_set(e, 422, "unknown_reference", "scope_id", "scope_id",
				       "an objective");
		allowed |= manages(me, o.scope_unit_id) && o.owner_person_id != me->person_id;
	}
	if (!allowed)
		return err_set(e, 403, "forbidden", NULL, "set this cadence", NULL);
	struct cadence_tx w = { &c, !in->every };
	return app_tx(a, cadence_tx_fn, &w, e);
}

int app_cadence_list(struct app *a, struct cadence_setting **v, size_t *n, struct err *e)
{
	return store_cadence_list(a->store, a->me.org_id, a->arena, v, n, e);
}

/* ---- who checks in when ---- */

static bool open_status(enum status s)
{
	return s == ST_DRAFT || s == ST_PROPOSED || s == ST_AGREED;
}

/* The unit and those above it, nearest first, from the org's units. */
static size_t unit_chain(const struct unit *units, size_t nu, id_t64 unit, id_t64 *out,
			 size_t max)
{
	size_t k = 0;
	while (unit && k < max) {
		out[k++] = unit;
		id_t64 parent = 0;
		for (size_t i = 0; i < nu; i++)
			if (units[i].id == unit)
				parent = units[i].parent_id;
		unit = parent;
	}
	return k;
}

struct owned {
	id_t64 owner;
	size_t at;   /* its place in the list */
};

static int cmp_owned(const void *x, const void *y)
{
	const struct owned *p = x, *q = y;
	if (p->owner != q->owner)
		return p->owner < q->owner ? -1 : 1;
	return p->at < q->at ? -1 : p->at > q->at;
}

int app_rhythm_people(struct app *a, const struct person *people, size_t np,
		      struct person_rhythm *out, struct err *e)
{
	struct org org;
	struct cadence_setting *cs;
	size_t ncs, nu, no;
	struct unit *units;
	struct objective *objs;
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = LEVEL_INDIVIDUAL;
	f.status = -1;
	f.from = f.to = DAY_NONE;
	/* only these people's, read through the owner index (a page of a big
	 * unit's dashboard must not read the organisation's objectives) */
	struct ids who = { arena_alloc(a->arena, (np + 1) * sizeof(id_t64)), np };
	for (size_t j = 0; j < np; j++)
		who.v[j] = people[j].id;
	f.owner_people = &who;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    store_cadence_list(a->store, a->me.org_id, a->arena, &cs, &ncs, e) ||
	    store_unit_list(a->store, a->me.org_id, a->arena, &units, &nu, e) ||
	    store_objective_list(a->store, a->me.org_id, &f, a->arena, &objs, &no, NULL, e))
		return -1;
	/* the open objectives of these people */
	struct ids sorted = { arena_alloc(a->arena, (np + 1) * sizeof(id_t64)), np };
	memcpy(sorted.v, who.v, np * sizeof(id_t64));
	ids_sort(&sorted);
	struct ids ids = { arena_alloc(a->arena, (no + 1) * sizeof(id_t64)), 0 };
	const struct objective **mine = arena_alloc(a->arena, (no + 1) * sizeof(*mine));
	for (size_t i = 0; i < no; i++) {
		if (!objs[i].owner_person_id || !open_status(objs[i].status) ||
		    !ids_contains(&sorted, objs[i].owner_person_id))
			continue;
		mine[ids.n] = &objs[i];
		ids.v[ids.n++] = objs[i].id;
	}
	/* by owner, each owner's in list order: a person's run is found by
	 * bisection, not by reading every objective for every person */
	struct owned *by = arena_alloc(a->arena, (ids.n + 1) * sizeof(*by));
	for (size_t i = 0; i < ids.n; i++)
		by[i] = (struct owned){ mine[i]->owner_person_id, i };
	qsort(by, ids.n, sizeof(*by), cmp_owned);
	int64_t *last;
	if (store_checkin_last_own(a->store, a->me.org_id, &ids, a->arena, &last, e))
		return -1;
	day_t today = app_local_day(org.time_zone, a->clock.now);
	id_t64 chain[64];
	for (size_t j = 0; j < np; j++) {
		struct person_rhythm *r = &out[j];
		memset(r, 0, sizeof(*r));
		r->p = &people[j];
		r->today = today;
		r->last = r->next_due = DAY_NONE;
		size_t nc = unit_chain(units, nu, people[j].unit_id, chain, 64);
		size_t lo = 0, hi = ids.n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (by[mid].owner < people[j].id)
				lo = mid + 1;
			else
				hi = mid;
		}
		size_t cnt = 0;
		while (lo + cnt < ids.n && by[lo + cnt].owner == people[j].id)
			cnt++;
		r->objectives = arena_alloc(a->arena, (cnt + 1) * sizeof(*r->objectives));
		for (size_t k = lo; k < lo + cnt; k++) {
			size_t i = by[k].at;
			const struct objective *o = mine[i];
			struct objective_rhythm *x = &r->objectives[r->n];
			x->objective_id = o->id;
			x->title = o->title;
			x->cadence = cadence_resolve(cs, ncs, o->id, people[j].id, chain, nc, &x->from);
			day_t lday = last[i] ? app_local_day(org.time_zone, last[i]) : DAY_NONE;
			day_t created = o->created_at ? app_local_day(org.time_zone, o->created_at)
						      : DAY_NONE;
			rhythm_state_of(today, o->start, o->due, created, lday, x->cadence, &x->st);
			if (lday != DAY_NONE && (r->last == DAY_NONE || lday > r->last))
				r->last = lday;
			if (!x->st.expected)
				continue;   /* not started, or past its period: not listed */
			r->n++;
			if (r->next_due == DAY_NONE || x->st.due < r->next_due)
				r->next_due = x->st.due;
			if (x->st.late)
				r->nlate++;
		}
		r->late = r->next_due != DAY_NONE && today > r->next_due;
		r->days_late = r->late ? (int)(today - r->next_due) : 0;
	}
	return 0;
}

static json_t *j_day(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

json_t *app_rhythm_json(const struct person_rhythm *r)
{
	json_t *objs = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct objective_rhythm *x = &r->objectives[i];
		json_array_append_new(objs, json_pack("{s:I, s:s?, s:s, s:s, s:o, s:o, s:b, s:i}",
			"objective_id", (json_int_t)x->objective_id, "title", x->title,
			"cadence", cadence_name(x->cadence),
			"cadence_from", x->from == CS__COUNT ? "default" : cadence_scope_name(x->from),
			"last_checkin", j_day(x->st.last), "next_due", j_day(x->st.due),
			"late", x->st.late, "days_late", x->st.days_late));
	}
	return json_pack("{s:I, s:o, s:o, s:o, s:b, s:i, s:i, s:o}", "person_id",
			 (json_int_t)r->p->id, "today", j_day(r->today), "last_checkin",
			 j_day(r->last), "next_due", j_day(r->next_due), "late", r->late,
			 "days_late", r->days_late, "late_objectives", (int)r->nlate,
			 "objectives", objs);
}

static int cmp_late(const void *x, const void *y)
{
	const struct person_rhythm *p = x, *q = y;
	if (p->days_late != q->days_late)
		return p->days_late > q->days_late ? -1 : 1;
	return p->p->id < q->p->id ? -1 : p->p->id > q->p->id;
}

int app_late_checkins(struct app *a, struct person_rhythm **v, size_t *n, struct err *e)
{
	struct person_filter pf = { NULL, 1, 0, 0 };
	struct person *people;
	size_t np, total;
	if (store_person_list(a->store, a->me.org_id, &pf, a->arena, &people, &np, &total, e))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < np; i++)
		if (access_person_read(&a->me, &people[i]))
			people[k++] = people[i];
	struct person_rhythm *r = arena_alloc(a->arena, (k + 1) * sizeof(*r));
	if (app_rhythm_people(a, people, k, r, e))
		return -1;
	size_t m = 0;
	for (size_t i = 0; i < k; i++)
		if (r[i].late)
			r[m++] = r[i];
	qsort(r, m, sizeof(*r), cmp_late);
	*v = r;
	*n = m;
	return 0;
}

json_t *app_late_alert_json(const struct app *a, const struct person_rhythm *r)
{
	char due[11], last[11];
	date_format_iso(r->next_due, due);
	if (r->last != DAY_NONE)
		date_format_iso(r->last, last);
	char msg[256];
	bool fr = a->lang == LANG_FR;
	if (r->last == DAY_NONE)
		snprintf(msg, sizeof(msg), fr ? "Aucun point d'étape : le premier était attendu le %s"
			 " (%d jour%s de retard)." : "No check-in yet: the first was due on %s"
			 " (%d day%s late).", due, r->days_late, r->days_late > 1 ? "s" : "");
	else
		snprintf(msg, sizeof(msg), fr ? "Dernier point d'étape le %s ; le suivant était attendu"
			 " le %s (%d jour%s de retard)." : "Last check-in on %s; the next was due on"
			 " %s (%d day%s late).", last, due, r->days_late, r->days_late > 1 ? "s" : "");
	return json_pack("{s:s, s:I, s:s, s:o, s:s, s:i, s:i, s:s, s:s}", "kind", "late_checkin",
			 "person_id", (json_int_t)r->p->id, "name", r->p->name, "last_checkin",
			 r->last == DAY_NONE ? json_null() : json_string(last), "next_due", due,
			 "days_late", r->days_late, "late_objectives", (int)r->nlate, "message", msg,
			 "suggestion", fr ? "Proposez-lui un court point cette semaine, ou un "
			 "rythme qui lui convient mieux." : "Offer a short check-in this week, or a "
			 "cadence that suits them better.");
}
