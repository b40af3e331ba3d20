/* Calendar feeds (see calendar.h). */
#include <stdio.h>
#include <string.h>
#include "app/calendar.h"
#include "app/oneonone.h"
#include "app/rhythm.h"
#include "app/secret.h"
#include "core/ical.h"
#include "store/store_rhythm.h"

/* person as a->me may manage their feed: own (or, with admin_too, an
 * admin's); 404 when unreadable, 403 when readable but not theirs */
static int feed_access(struct app *a, id_t64 person, bool admin_too, struct person *p,
		       struct err *e)
{
	if (store_person_get(a->store, a->me.org_id, person, a->arena, p, e))
		return -1;
	if (!access_person_read(&a->me, p))
		return err_set(e, 404, "not_found", NULL, "person", NULL);
	if (p->id != a->me.person_id && !(admin_too && a->me.role == ROLE_ADMIN))
		return err_set(e, 403, "forbidden", NULL, "manage someone else's calendar feed",
			       NULL);
	return 0;
}

int app_calendar_feed_get(struct app *a, id_t64 person, struct calendar_feed_info *out,
			  struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct person p;
	if (feed_access(a, person, true, &p, e))
		return -1;
	struct err nf;
	err_clear(&nf);
	if (!store_calendar_feed_get(a->store, a->me.org_id, p.id, &out->created_at, &nf)) {
		out->active = true;
		return 0;
	}
	if (nf.status == 404)
		return 0;
	*e = nf;
	return -1;
}

struct feed_write {
	id_t64 person;
	char hash[65];
	bool existed;
	const char *action;
};

static int feed_make_tx(struct app *a, void *arg, struct err *e)
{
	struct feed_write *w = arg;
	int64_t was;
	struct err nf;
	err_clear(&nf);
	w->existed = !store_calendar_feed_get(a->store, a->me.org_id, w->person, &was, &nf);
	if (!w->existed && nf.status != 404) {
		*e = nf;
		return -1;
	}
	if (store_calendar_feed_set(a->store, a->me.org_id, w->person, w->hash, a->clock.now, e))
		return -1;
	return app_audit(a, "calendar_feed", w->person, w->existed ? "rotate" : "create", NULL,
			 NULL, e);
}

int app_calendar_feed_make(struct app *a, id_t64 person, struct calendar_feed_info *out,
			   struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct person p;
	if (feed_access(a, person, false, &p, e))
		return -1;
	struct feed_write w = { p.id, { 0 }, false, NULL };
	auth_new_secret("cal_", out->token, sizeof(out->token));
	auth_token_hash(out->token, w.hash);
	if (app_tx(a, feed_make_tx, &w, e))
		return -1;
	out->active = true;
	out->created_at = a->clock.now;
	snprintf(out->path, sizeof(out->path), "/api/calendar/%s.ics", out->token);
	return 0;
}

static int feed_revoke_tx(struct app *a, void *arg, struct err *e)
{
	id_t64 person = *(id_t64 *)arg;
	if (store_calendar_feed_delete(a->store, a->me.org_id, person, e))
		return -1;
	return app_audit(a, "calendar_feed", person, "revoke", NULL, NULL, e);
}

int app_calendar_feed_revoke(struct app *a, id_t64 person, struct err *e)
{
	struct person p;
	if (feed_access(a, person, true, &p, e))
		return -1;
	return app_tx(a, feed_revoke_tx, &p.id, e);
}

/* --- the feed ------------------------------------------------------------ */

/* one-to-ones more than this many days old are left out of the feed */
#define FEED_PAST_DAYS 90

int app_calendar_ics(struct store *s, const char *token, struct app_clock clock,
		     struct arena *arena, struct buf *out, struct err *e)
{
	char hash[65];
	id_t64 org_id, person_id;
	auth_token_hash(token, hash);
	struct org org;
	struct person p;
	struct app a;
	memset(&a, 0, sizeof(a));
	a.store = s;
	a.clock = clock;
	a.arena = arena;
	a.client = "calendar";
	if (store_calendar_feed_find(s, hash, &org_id, &person_id, e) ||
	    store_org_get(s, org_id, arena, &org, e) ||
	    app_principal_load(s, org_id, person_id, arena, &a.me, e) ||
	    store_person_get(s, org_id, person_id, arena, &p, e))
		return -1;
	a.lang = lang_parse(org.locale);
	bool fr = a.lang == LANG_FR;
	/* the person's objectives */
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.owner_person = p.id;
	struct objective *v;
	size_t n;
	struct person_rhythm rh;
	struct oneonone_row *mt;
	size_t nm;
	if (store_objective_list(s, org_id, &f, arena, &v, &n, NULL, e) ||
	    app_rhythm_people(&a, &p, 1, &rh, e) ||
	    store_oneonone_list(s, org_id, p.id, arena, &mt, &nm, e))
		return -1;
	char cal[300];
	snprintf(cal, sizeof(cal), "cible — %s", p.name);
	ical_begin(out, cal);
	char uid[96];
	for (size_t i = 0; i < n; i++) {
		const struct objective *o = &v[i];
		if (o->due == DAY_NONE || o->status == ST_CANCELLED || o->status == ST_ACHIEVED ||
		    o->status == ST_MISSED)
			continue;
		snprintf(uid, sizeof(uid), "objective-%lld-due@org-%lld.cible", (long long)o->id,
			 (long long)org_id);
		const char *sum = arena_printf(arena, fr ? "Échéance : %s" : "Due: %s", o->title);
		const char *desc = arena_printf(arena, fr ? "Objectif n° %lld, à atteindre ce jour."
							  : "Objective #%lld, due this day.",
						(long long)o->id);
		struct ical_event ev = { uid, sum, desc, NULL, o->due, 0, 0, clock.now, 0 };
		ical_event(out, &ev);
	}
	for (size_t i = 0; i < rh.n; i++) {
		const struct objective_rhythm *x = &rh.objectives[i];
		if (!x->st.expected || x->st.due == DAY_NONE)
			continue;
		snprintf(uid, sizeof(uid), "objective-%lld-checkin@org-%lld.cible",
			 (long long)x->objective_id, (long long)org_id);
		const char *sum = arena_printf(arena, x->st.late
			? (fr ? "Point d'étape en retard : %s" : "Check-in overdue: %s")
			: (fr ? "Point d'étape à faire : %s" : "Check-in due: %s"), x->title);
		struct ical_event ev = { uid, sum, NULL, NULL, x->st.due, 0, 0, clock.now, 0 };
		ical_event(out, &ev);
	}
	for (size_t i = 0; i < nm; i++) {
		const struct oneonone_row *m = &mt[i];
		if (m->day == DAY_NONE || m->day < clock.today - FEED_PAST_DAYS)
			continue;
		snprintf(uid, sizeof(uid), "one-to-one-%lld@org-%lld.cible", (long long)m->id,
			 (long long)org_id);
		const char *sum = arena_printf(arena, fr ? "Entretien individuel : %s et %s"
							 : "One-to-one: %s and %s",
					       m->manager_name ? m->manager_name : "?",
					       m->member_name ? m->member_name : "?");
		struct ical_event ev = { uid, sum, NULL, NULL, m->day, 0, 0, clock.now, 0 };
		ical_event(out, &ev);
	}
	ical_end(out);
	return 0;
}
