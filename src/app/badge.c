/* Badges (badge.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/badge.h"
#include "app/measure.h"
#include "app/notify.h"

static const struct msg names[] = {
	{ "first_objective", "Premier objectif atteint", "First objective achieved" },
	{ "four_weeks", "Quatre semaines dans les temps", "Four weeks on track" },
	{ "best_progress", "Meilleure progression du mois", "Best progress of the month" },
	{ "team_objective", "Objectif d'équipe atteint", "Team objective met" },
	{ "challenge_won", "Défi remporté", "Challenge won" },
	{ NULL, NULL, NULL }
};

const char *badge_name(const char *kind, enum lang lang)
{
	const char *t = msg_text(names, kind, lang);
	return t ? t : kind;
}

static const char *jstr(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

void badge_reason(const struct badge_row *b, enum lang lang, struct buf *out)
{
	bool fr = lang == LANG_FR;
	json_error_t je;
	json_t *r = json_loads(b->reason ? b->reason : "{}", 0, &je);
	double pct = 100 * json_number_value(json_object_get(r, "attainment"));
	if (!strcmp(b->kind, "first_objective") || !strcmp(b->kind, "team_objective"))
		buf_addf(out, fr ? "« %s » atteint à %.0f %%" : "'%s' achieved at %.0f%%",
			 jstr(r, "title"), pct);
	else if (!strcmp(b->kind, "four_weeks"))
		buf_addf(out, fr ? "« %s » dans les temps quatre semaines de suite, jusqu'au %s"
				 : "'%s' on track four weeks in a row, up to %s",
			 jstr(r, "title"), jstr(r, "until"));
	else if (!strcmp(b->kind, "best_progress"))
		buf_addf(out, fr ? "+%.0f points d'atteinte en %s, la plus forte progression de « %s »"
				 : "+%.0f points of attainment in %s, the best progress in '%s'",
			 100 * json_number_value(json_object_get(r, "gain")), jstr(r, "month"),
			 jstr(r, "unit"));
	else if (!strcmp(b->kind, "challenge_won")) {
		buf_addf(out, fr ? "Premier du défi « %s »" : "First in challenge '%s'", jstr(r, "challenge"));
		if (*jstr(r, "league"))
			buf_addf(out, fr ? " (%s)" : " (%s)", jstr(r, "league"));
		json_t *s = json_object_get(r, "score");
		if (json_is_number(s))
			buf_addf(out, fr ? ", score %.3f" : ", score %.3f", json_number_value(s));
	}
	json_decref(r);
}

json_t *badge_json(const struct badge_row *b, enum lang lang)
{
	struct buf why;
	buf_init(&why);
	badge_reason(b, lang, &why);
	char d[11];
	date_format_iso(b->awarded_on, d);
	json_error_t je;
	json_t *reason = json_loads(b->reason ? b->reason : "{}", 0, &je);
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o}", "id",
			      (json_int_t)b->id, "kind", b->kind, "name", badge_name(b->kind, lang),
			      "reason", why.data, "ref", b->ref, "awarded_on", d, "figures",
			      reason ? reason : json_object(), "person_id",
			      b->person_id ? json_integer((json_int_t)b->person_id) : json_null(),
			      "unit_id", b->unit_id ? json_integer((json_int_t)b->unit_id) : json_null());
	buf_free(&why);
	return j;
}

/* --- awarding ---------------------------------------------------------- */

struct award_ctx {
	const struct ids *people, *units;
	const struct app_touched *t;  /* the objectives read (and measured today) already */
	int awarded;
	struct badge_row *held;  /* the badges these people and units hold, sorted */
	size_t nheld;
};

static int cmp_badge(const void *x, const void *y)
{
	const struct badge_row *a = x, *b = y;
	int c = strcmp(a->kind, b->kind);
	if (!c)
		c = strcmp(a->ref, b->ref);
	if (!c)
		c = a->person_id < b->person_id ? -1 : a->person_id > b->person_id;
	if (!c)
		c = a->unit_id < b->unit_id ? -1 : a->unit_id > b->unit_id;
	return c;
}

/* held already: one read of them all before the award, not a write each */
static bool held(const struct award_ctx *x, id_t64 person, id_t64 unit, const char *kind,
		 const char *ref)
{
	struct badge_row k;
	memset(&k, 0, sizeof(k));
	k.person_id = person;
	k.unit_id = unit;
	k.kind = kind;
	k.ref = ref;
	return x->nheld && bsearch(&k, x->held, x->nheld, sizeof(k), cmp_badge);
}

int app_notify_badge(struct app *a, id_t64 person, const char *kind, const char *ref,
		     struct err *e)
{
	struct person p;
	if (store_person_get(a->store, a->me.org_id, person, a->arena, &p, e))
		return -1;
	char dedupe[160], link[48];
	snprintf(dedupe, sizeof(dedupe), "badge:p%lld:%s:%s", (long long)person, kind, ref);
	snprintf(link, sizeof(link), "/people/%lld", (long long)person);
	struct notify_event_input ev = { NK_BADGE_EARNED, dedupe, person, 0, link,
		{ NK_BADGE_EARNED, p.name, NULL, NULL, kind }, false };
	return app_notify_emit(a, &ev, &person, 1, e);
}

static int give(struct app *a, const struct award_ctx *x, id_t64 person, id_t64 unit,
		const char *kind, const char *ref, json_t *why, day_t on, struct err *e)
{
	if (held(x, person, unit, kind, ref)) {
		json_decref(why);
		return 0;
	}
	char *t = json_dumps(why, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(why);
	if (!t)
		return err_set(e, 500, "internal", NULL, "badge", NULL);
	struct badge_row b;
	memset(&b, 0, sizeof(b));
	b.person_id = person;
	b.unit_id = unit;
	b.kind = kind;
	b.ref = ref;
	b.reason = t;
	b.awarded_on = on;
	b.created_at = a->clock.now;
	int awarded = 0;
	int rc = store_badge_award(a->store, a->me.org_id, &b, &awarded, e);
	if (!rc && awarded) {
		json_error_t je;
		json_t *after = json_pack("{s:s, s:s, s:I, s:I, s:o}", "kind", kind, "ref", ref,
					  "person_id", (json_int_t)person, "unit_id", (json_int_t)unit,
					  "reason", json_loads(t, 0, &je));
		rc = app_audit(a, person ? "person" : "unit", person ? person : unit, "badge", NULL,
			       after, e);
		if (!rc && person)
			rc = app_notify_badge(a, person, kind, ref, e);
	}
	free(t);
	return rc;
}

static bool achieved(const struct measured *m)
{
	return m->has_progress && m->p.attainment >= 1 - 1e-9;
}

static int measure_at(struct app *a, const struct org *org, const struct objective *v, size_t n,
		      day_t day, const struct mind *inds, size_t ni, struct measured **out,
		      struct err *e)
{
	*out = arena_alloc(a->arena, (n + 1) * sizeof(**out));
	return measure_many(a->store, org, v, n, day, B_WEEK, inds, ni, a->arena, *out, e);
}

/* Today's results of v: those the kept results measured already (t; only
 * attainment is read here, which the bucket does not change), the others
 * measured together. */
static int measure_today(struct app *a, const struct org *org, const struct objective *v,
			 const size_t *src, size_t n, const struct app_touched *t,
			 const struct mind *inds, size_t ni, struct measured **out, struct err *e)
{
	if (!t)
		return measure_at(a, org, v, n, a->clock.today, inds, ni, out, e);
	struct measured *m = arena_alloc(a->arena, (n + 1) * sizeof(*m));
	struct objective *w = arena_alloc(a->arena, (n + 1) * sizeof(*w));
	size_t *at = arena_alloc(a->arena, (n + 1) * sizeof(size_t)), k = 0;
	for (size_t i = 0; i < n; i++)
		if (t->has[src[i]])
			m[i] = t->measured[src[i]];
		else {
			at[k] = i;
			w[k++] = v[i];
		}
	struct measured *mw;
	if (measure_at(a, org, w, k, a->clock.today, inds, ni, &mw, e))
		return -1;
	for (size_t j = 0; j < k; j++)
		m[at[j]] = mw[j];
	*out = m;
	return 0;
}

static int do_award(struct app *a, void *arg, struct err *e)
{
	struct award_ctx *x = arg;
	day_t today = a->clock.today;
	struct org org;
	struct mind *inds;
	size_t ni;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e))
		return -1;
	/* the objectives of these people and units only, in one read */
	struct objective *all = x->t ? x->t->v : NULL;
	size_t na = x->t ? x->t->n : 0;
	if (!x->t && store_objectives_of_owners(a->store, a->me.org_id, x->people, x->units,
						a->arena, &all, &na, e))
		return -1;
	/* the objectives of these people and units, measured today */
	struct objective *v = arena_alloc(a->arena, (na + 1) * sizeof(*v));
	size_t *src = arena_alloc(a->arena, (na + 1) * sizeof(size_t)), n = 0;
	for (size_t i = 0; i < na; i++) {
		const struct objective *o = &all[i];
		if (o->status == ST_CANCELLED || !o->indicator || o->start == DAY_NONE ||
		    o->due == DAY_NONE || o->start > today)
			continue;
		if ((o->owner_person_id && x->people && ids_contains(x->people, o->owner_person_id)) ||
		    (o->owner_unit_id && x->units && ids_contains(x->units, o->owner_unit_id))) {
			src[n] = i;
			v[n++] = *o;
		}
	}
	struct measured *m;
	if (measure_today(a, &org, v, src, n, x->t, inds, ni, &m, e) ||
	    store_badges_held(a->store, a->me.org_id, x->people, x->units, a->arena, &x->held,
			      &x->nheld, e))
		return -1;
	qsort(x->held, x->nheld, sizeof(*x->held), cmp_badge);
	for (size_t i = 0; i < n; i++) {
		const struct objective *o = &v[i];
		if (!achieved(&m[i]))
			continue;
		char ref[40];
		json_t *why = json_pack("{s:I, s:s, s:f}", "objective_id", (json_int_t)o->id, "title",
					o->title ? o->title : "", "attainment", m[i].p.attainment);
		if (o->owner_person_id) {
			/* once per person: the first objective they achieve */
			if (give(a, x, o->owner_person_id, 0, "first_objective", "first", why, today, e))
				return -1;
		} else {
			snprintf(ref, sizeof(ref), "objective:%lld", (long long)o->id);
			if (give(a, x, 0, o->owner_unit_id, "team_objective", ref, why, today, e))
				return -1;
		}
	}
	/* four weeks on track: at the end of each of the last four complete weeks */
	day_t wk = date_week_start(today);  /* this week's Monday */
	struct measured *w[4];
	for (int k = 0; k < 4; k++)
		if (measure_at(a, &org, v, n, wk - 1 - 7 * k, inds, ni, &w[k], e))
			return -1;
	for (size_t i = 0; i < n; i++) {
		const struct objective *o = &v[i];
		if (!o->owner_person_id || o->start > wk - 28)
			continue;
		bool ok = true;
		for (int k = 0; k < 4 && ok; k++)
			ok = w[k][i].has_progress && (w[k][i].p.status == PS_ON_TRACK ||
						      w[k][i].p.status == PS_AHEAD ||
						      w[k][i].p.status == PS_DONE);
		if (!ok)
			continue;
		char ref[40], until[11];
		snprintf(ref, sizeof(ref), "objective:%lld", (long long)o->id);
		date_format_iso(wk - 1, until);
		if (give(a, x, o->owner_person_id, 0, "four_weeks", ref,
			 json_pack("{s:I, s:s, s:s}", "objective_id", (json_int_t)o->id, "title",
				   o->title ? o->title : "", "until", until), today, e))
			return -1;
	}
	/* best progress of last month, within each unit given */
	day_t m1 = date_month_start(date_month_start(today) - 1), m_end = date_month_start(today) - 1;
	struct measured *ms, *me_;
	if (measure_at(a, &org, v, n, m1 - 1, inds, ni, &ms, e) ||
	    measure_at(a, &org, v, n, m_end, inds, ni, &me_, e))
		return -1;
	struct person_filter pf;
	memset(&pf, 0, sizeof(pf));
	pf.active = 1;
	struct person *people;
	size_t np;
	if (store_person_list(a->store, a->me.org_id, &pf, a->arena, &people, &np, NULL, e))
		return -1;
	for (size_t u = 0; x->units && u < x->units->n; u++) {
		id_t64 unit = x->units->v[u];
		double best = 0;
		double *gain = arena_alloc(a->arena, (np + 1) * sizeof(double));
		for (size_t p = 0; p < np; p++) {
			gain[p] = NAN;
			if (people[p].unit_id != unit)
				continue;
			double sum = 0;
			int cnt = 0;
			for (size_t i = 0; i < n; i++) {
				if (v[i].owner_person_id != people[p].id || v[i].start > m_end || v[i].due < m1 ||
				    !me_[i].has_progress)
					continue;
				double before = v[i].start >= m1 || !ms[i].has_progress ? 0 : ms[i].p.attainment;
				sum += me_[i].p.attainment - before;
				cnt++;
			}
			if (cnt) {
				gain[p] = sum / cnt;
				if (gain[p] > best)
					best = gain[p];
			}
		}
		if (!(best > 0))
			continue;
		struct unit un;
		if (store_unit_get(a->store, a->me.org_id, unit, a->arena, &un, e))
			return -1;
		char month[11], ref[48];
		date_format_iso(m1, month);
		month[7] = '\0';
		snprintf(ref, sizeof(ref), "month:%s:unit:%lld", month, (long long)unit);
		for (size_t p = 0; p < np; p++)
			if (!isnan(gain[p]) && gain[p] >= best - 1e-9 &&
			    give(a, x, people[p].id, 0, "best_progress", ref,
				 json_pack("{s:s, s:f, s:s, s:I}", "month", month, "gain", gain[p], "unit",
					   un.name, "unit_id", (json_int_t)unit), m_end + 1, e))
				return -1;
	}
	return 0;
}

int app_badges_award(struct app *a, const struct ids *people, const struct ids *units,
		     struct err *e)
{
	/* the system awards: the reader's rights do not limit what is earned */
	struct app sys = *a;
	sys.me.role = ROLE_ADMIN;
	sys.me.person_id = 0;
	struct award_ctx x = { people, units, NULL, 0, NULL, 0 };
	return app_tx(&sys, do_award, &x, e);
}

int app_badges_award_tx(struct app *a, const struct app_touched *t, struct err *e)
{
	if (!t->people->n)
		return 0;
	struct app sys = *a;
	sys.me.role = ROLE_ADMIN;
	sys.me.person_id = 0;
	struct award_ctx x = { t->people, &t->units, t, 0, NULL, 0 };
	return do_award(&sys, &x, e);
}

int app_badges_person(struct app *a, id_t64 person, struct badge_row **out, size_t *n,
		      struct err *e)
{
	struct person p;
	if (store_person_get(a->store, a->me.org_id, person, a->arena, &p, e))
		return -1;
	if (!access_person_read(&a->me, &p))
		return err_set(e, 404, "not_found", NULL, "person", NULL);
	return store_badge_list(a->store, a->me.org_id, p.id, NULL, a->arena, out, n, e);
}

int app_badges_unit(struct app *a, id_t64 unit, struct badge_row **out, size_t *n,
		    struct err *e)
{
	struct unit u;
	if (store_unit_get(a->store, a->me.org_id, unit, a->arena, &u, e))
		return -1;
	if (!access_unit_dashboard(&a->me, u.id))
		return err_set(e, 403, "forbidden", NULL, "read this unit's dashboard", NULL);
	struct ids sub, people;
	if (store_unit_subtree(a->store, a->me.org_id, u.id, a->arena, &sub, e) ||
	    store_people_of_units(a->store, a->me.org_id, &sub, a->arena, &people, e))
		return -1;
	return store_badge_list(a->store, a->me.org_id, 0, &sub, a->arena, out, n, e);
}
