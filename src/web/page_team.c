/* The team dashboard (members × objectives, the collective objectives, who
 * is at risk; sortable, filtered by period; one click into a person) and a
 * person's page. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "app/objective.h"
#include "app/rhythm.h"
#include "app/result.h"
#include "web/web.h"

static int severity(const struct measured *m)
{
	if (!m->has_progress)
		return 0;
	switch (m->p.status) {
	case PS_OFF_TRACK: return 4;
	case PS_AT_RISK: return 3;
	case PS_ON_TRACK: return 1;
	default: return 0;
	}
}

struct member {
	const struct dash_member *d;
	double attainment; /* mean, NaN when nothing is measured */
	int worst;
};

/* Names compared as a French reader sorts them: accents and case aside
 * (É with E, ç with c), then byte order to break ties. */
static int fold(const unsigned char **s)
{
	const unsigned char *p = *s;
	int c = *p;
	if (c == 0xc3 && p[1]) {
		static const char map[] = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
		int k = p[1] - 0x80;
		*s = p + 2;
		return k >= 0 && k < 64 ? map[k] | 0x20 : c;
	}
	*s = p + 1;
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static int name_cmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
	while (*x && *y) {
		int cx = fold(&x), cy = fold(&y);
		if (cx != cy)
			return cx - cy;
	}
	if (*x || *y)
		return *x ? 1 : -1;
	return strcmp(a, b);
}

static int by_name(const void *a, const void *b)
{
	return name_cmp(((const struct member *)a)->d->p->name,
			((const struct member *)b)->d->p->name);
}

static int by_risk(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	if (x->worst != y->worst)
		return y->worst - x->worst;
	return by_name(a, b);
}

static int by_attainment(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	double ax = isnan(x->attainment) ? 1e9 : x->attainment;
	double ay = isnan(y->attainment) ? 1e9 : y->attainment;
	return ax < ay ? -1 : ax > ay ? 1 : by_name(a, b);
}

/* The units whose dashboard this person may open. */
static int dashboard_units(struct req *r, struct unit **out, size_t *n)
{
	struct unit *all;
	size_t na;
	if (store_unit_list(r->store, r->me.org_id, &r->arena, &all, &na, &r->err))
		return -1;
	*out = arena_alloc(&r->arena, (na + 1) * sizeof(**out));
	*n = 0;
	for (size_t i = 0; i < na; i++)
		if (access_unit_dashboard(&r->me, all[i].id))
			(*out)[(*n)++] = all[i];
	return 0;
}

/* What the dashboard is asked: which unit, which period, which order. */
struct team_query {
	id_t64 unit;
	const char *from_s, *to_s, *sort;  /* as typed (NULL: none), for the links */
	day_t from, to;
};

static int team_query(struct req *r, const struct unit *units, size_t nu, struct team_query *q)
{
	q->unit = 0;
	if (query_id(r, "unit", &q->unit))
		return -1;
	if (!q->unit) {
		/* one's own team first, else the first one may see */
		q->unit = units[0].id;
		for (size_t i = 0; i < nu; i++)
			if (units[i].lead_id == r->me.person_id) {
				q->unit = units[i].id;
				break;
			}
	}
	q->from_s = query(r, "from");
	q->to_s = query(r, "to");
	q->sort = query(r, "sort");
	if (q->from_s && !*q->from_s)
		q->from_s = NULL;
	if (q->to_s && !*q->to_s)
		q->to_s = NULL;
	if (!q->sort || (strcmp(q->sort, "name") && strcmp(q->sort, "attainment")))
		q->sort = "risk";
	q->from = q->to = DAY_NONE;
	if ((q->from_s && date_parse_iso(q->from_s, &q->from)) ||
	    (q->to_s && date_parse_iso(q->to_s, &q->to)))
		return fail(r, 400, "invalid_query", "from", "from/to", "a date YYYY-MM-DD");
	return 0;
}

/* Each member's mean attainment (capped at 150 %) and worst status, sorted
 * as asked. */
static struct member *team_members(struct req *r, const struct unit_dashboard *d,
				   const char *sort)
{
	struct member *mem = arena_alloc(&r->arena, (d->nmembers + 1) * sizeof(*mem));
	for (size_t i = 0; i < d->nmembers; i++) {
		const struct dash_member *dm = &d->members[i];
		double sum = 0;
		int counted = 0;
		mem[i].d = dm;
		mem[i].worst = 0;
		for (size_t j = 0; j < dm->n; j++) {
			const struct measured *m = dm->items[j].m;
			if (m->has_progress && !isnan(m->p.attainment)) {
				sum += fmin(m->p.attainment, 1.5);
				counted++;
			}
			if (severity(m) > mem[i].worst)
				mem[i].worst = severity(m);
		}
		mem[i].attainment = counted ? sum / counted : NAN;
	}
	qsort(mem, d->nmembers, sizeof(*mem), !strcmp(sort, "name") ? by_name
	      : !strcmp(sort, "attainment") ? by_attainment : by_risk);
	return mem;
}

static void sort_link(struct req *r, const struct team_query *q, const char *sort,
		      const char *key)
{
	if (!strcmp(sort, q->sort)) {
		buf_adds(&r->out, "<strong aria-current=\"true\">");
		html(r, T(r, key));
		buf_adds(&r->out, "</strong>");
		return;
	}
	buf_addf(&r->out, "<a href=\"/team?unit=%lld&amp;sort=%s", (long long)q->unit, sort);
	if (q->from_s) {
		buf_adds(&r->out, "&amp;from=");
		html(r, q->from_s);
	}
	if (q->to_s) {
		buf_adds(&r->out, "&amp;to=");
		html(r, q->to_s);
	}
	buf_adds(&r->out, "\">");
	html(r, T(r, key));
	buf_adds(&r->out, "</a>");
}

/* Who is at risk: every objective at risk or off track. */
static void team_at_risk(struct req *r, const struct unit_dashboard *d)
{
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "team.at_risk"));
	buf_adds(&r->out, "</h2>");
	int risky = 0;
	for (size_t i = 0; i < d->nall; i++)
		if (severity(d->all[i].m) >= 3) {
			if (!risky++)
				buf_adds(&r->out, "<ul class=\"risk\">");
			buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)d->all[i].o->id);
			html(r, d->all[i].o->title);
			buf_adds(&r->out, "</a> ");
			w_pstatus(r, d->all[i].m);
			buf_adds(&r->out, "</li>");
		}
	if (risky)
		buf_adds(&r->out, "</ul>");
	else {
		buf_adds(&r->out, "<p>");
		html(r, T(r, "team.no_risk"));
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "</section>");
}

void w_rhythm(struct req *r, const struct person_rhythm *rh)
{
	buf_adds(&r->out, "<p class=\"rhythm\">");
	if (rh->next_due == DAY_NONE) {
		html(r, T(r, "rhythm.none"));
		buf_adds(&r->out, "</p>");
		return;
	}
	html(r, T(r, "rhythm.next"));
	buf_adds(&r->out, " <strong>");
	html_date(r, rh->next_due);
	buf_adds(&r->out, "</strong>");
	if (rh->late) {
		buf_adds(&r->out, " <span class=\"ps ps-off_track\">");
		html(r, T(r, "rhythm.late"));
		buf_addf(&r->out, " %d ", rh->days_late);
		html(r, T(r, rh->days_late > 1 ? "rhythm.days" : "rhythm.day"));
		buf_adds(&r->out, "</span>");
	}
	if (rh->n) {
		char key[32];
		snprintf(key, sizeof(key), "cad.%s", cadence_name(rh->objectives[0].cadence));
		buf_adds(&r->out, " <span class=\"muted\">(");
		html(r, T(r, "rhythm.cadence"));
		buf_adds(&r->out, " : ");
		html(r, T(r, key));
		buf_adds(&r->out, ")</span>");
	}
	buf_adds(&r->out, "</p>");
}

/* Who is late with their check-ins, the latest first. */
static int team_late(struct req *r, struct app *a, const struct unit_dashboard *d)
{
	struct person *people = arena_alloc(&r->arena, (d->nmembers + 1) * sizeof(*people));
	struct person_rhythm *rh = arena_alloc(&r->arena, (d->nmembers + 1) * sizeof(*rh));
	for (size_t i = 0; i < d->nmembers; i++)
		people[i] = *d->members[i].p;
	if (app_rhythm_people(a, people, d->nmembers, rh, &r->err))
		return -1;
	buf_adds(&r->out, "<section id=\"late\"><h2>");
	html(r, T(r, "team.late"));
	buf_adds(&r->out, "</h2>");
	if (r->me.role == ROLE_ADMIN ||
	    (r->me.role == ROLE_MANAGER && idset_has(&r->me.managed, d->unit.id))) {
		/* the team's own cadence, or the one it inherits */
		struct cadence_setting *cs;
		size_t ncs;
		if (app_cadence_list(a, &cs, &ncs, &r->err))
			return -1;
		int own = -1;
		for (size_t i = 0; i < ncs; i++)
			if (cs[i].scope == CS_UNIT && cs[i].scope_id == d->unit.id)
				own = (int)cs[i].every;
		buf_addf(&r->out, "<form method=\"post\" action=\"/team/cadence\" class=\"inline cadence\">"
			 "<input type=\"hidden\" name=\"unit\" value=\"%lld\">", (long long)d->unit.id);
		buf_adds(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"");
		html(r, r->csrf ? r->csrf : "");
		buf_adds(&r->out, "\"><label for=\"team-cadence\">");
		html(r, T(r, "team.cadence"));
		buf_adds(&r->out, "</label> <select id=\"team-cadence\" name=\"every\"><option value=\"\">");
		html(r, T(r, "team.inherited"));
		buf_adds(&r->out, "</option>");
		for (int c = 0; c < CAD__COUNT; c++) {
			char key[32];
			snprintf(key, sizeof(key), "cad.%s", cadence_name((enum cadence)c));
			buf_addf(&r->out, "<option value=\"%s\"%s>", cadence_name((enum cadence)c),
				 own == c ? " selected" : "");
			html(r, T(r, key));
			buf_adds(&r->out, "</option>");
		}
		buf_adds(&r->out, "</select> <button type=\"submit\">");
		html(r, T(r, "team.cadence_save"));
		buf_adds(&r->out, "</button></form>");
	}
	int late = 0;
	/* the latest first: a team's few members, picked in turn */
	for (;;) {
		size_t best = d->nmembers;
		for (size_t i = 0; i < d->nmembers; i++)
			if (rh[i].late && (best == d->nmembers || rh[i].days_late > rh[best].days_late))
				best = i;
		if (best == d->nmembers)
			break;
		if (!late++)
			buf_adds(&r->out, "<ul class=\"risk late\">");
		buf_addf(&r->out, "<li><a href=\"/people/%lld\">", (long long)rh[best].p->id);
		html(r, rh[best].p->name);
		buf_adds(&r->out, "</a> <span class=\"ps ps-off_track\">");
		html(r, T(r, "rhythm.late"));
		buf_addf(&r->out, " %d ", rh[best].days_late);
		html(r, T(r, rh[best].days_late > 1 ? "rhythm.days" : "rhythm.day"));
		buf_adds(&r->out, "</span> <span class=\"muted\">");
		if (rh[best].last == DAY_NONE)
			html(r, T(r, "team.never"));
		else {
			html(r, T(r, "team.last"));
			buf_adds(&r->out, " ");
			html_date(r, rh[best].last);
		}
		buf_adds(&r->out, "</span></li>");
		rh[best].late = false;
	}
	if (late)
		buf_adds(&r->out, "</ul>");
	else {
		buf_adds(&r->out, "<p>");
		html(r, T(r, "team.no_late"));
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "</section>");
	return 0;
}

/* The collective objectives, as a table. */
static void team_collective(struct req *r, const struct unit_dashboard *d)
{
	size_t nc = d->ncollective;
	if (!nc)
		return;
	struct objective *col = arena_alloc(&r->arena, (nc + 1) * sizeof(*col));
	struct measured *mc = arena_alloc(&r->arena, (nc + 1) * sizeof(*mc));
	for (size_t i = 0; i < nc; i++) {
		col[i] = *d->collective[i].o;
		mc[i] = *d->collective[i].m;
	}
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "team.collective"));
	buf_adds(&r->out, "</h2>");
	objective_table(r, col, mc, NULL, nc, d->today);
	buf_adds(&r->out, "</section>");
}

/* Members × objectives, with the links that sort them. */
static void team_table(struct req *r, const struct team_query *q, const struct member *mem,
		       size_t np)
{
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "team.members"));
	buf_adds(&r->out, "</h2><p class=\"sort\">");
	html(r, T(r, "team.sort"));
	buf_adds(&r->out, " ");
	sort_link(r, q, "risk", "team.sort_risk");
	buf_adds(&r->out, " · ");
	sort_link(r, q, "attainment", "team.sort_attainment");
	buf_adds(&r->out, " · ");
	sort_link(r, q, "name", "team.sort_name");
	buf_adds(&r->out, "</p><div class=\"scroll\"><table class=\"members\"><thead><tr><th scope=\"col\">");
	html(r, T(r, "col.person"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "team.mean"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "col.objectives"));
	buf_adds(&r->out, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < np; i++) {
		const struct dash_member *dm = mem[i].d;
		buf_addf(&r->out, "<tr><th scope=\"row\"><a href=\"/people/%lld\">", (long long)dm->p->id);
		html(r, dm->p->name);
		buf_adds(&r->out, "</a><br><span class=\"muted\">");
		html(r, dm->p->job);
		buf_adds(&r->out, "</span></th><td class=\"num\">");
		if (isnan(mem[i].attainment))
			buf_adds(&r->out, "—");
		else
			buf_addf(&r->out, "%.0f %%", mem[i].attainment * 100);
		buf_adds(&r->out, "</td><td>");
		if (!dm->n) {
			buf_adds(&r->out, "<span class=\"ps ps-off_track\">");
			html(r, T(r, "team.none"));
			buf_adds(&r->out, "</span>");
		}
		buf_adds(&r->out, "<ul class=\"compact\">");
		for (size_t j = 0; j < dm->n; j++) {
			buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)dm->items[j].o->id);
			html(r, dm->items[j].o->title);
			buf_adds(&r->out, "</a> ");
			w_bar(r, dm->items[j].m);
			buf_adds(&r->out, " ");
			w_pstatus(r, dm->items[j].m);
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ul></td></tr>");
	}
	buf_adds(&r->out, "</tbody></table></div></section>");
}

/* The team dashboard: the data of app_unit_dashboard (the API's own), the
 * unit and period filter, who is at risk, the collective objectives, the
 * members sorted as asked. */
int page_team(struct req *r)
{
	struct unit *units;
	size_t nu;
	if (dashboard_units(r, &units, &nu))
		return -1;
	if (!nu)
		return forbidden(r, "see a team dashboard");
	struct team_query q;
	if (team_query(r, units, nu, &q))
		return -1;
	struct app a;
	req_app(r, &a);
	struct dashboard_query dq = { q.unit, q.from, q.to, B_MONTH, 0, 0, false };
	struct unit_dashboard d;
	if (app_unit_dashboard(&a, &dq, &d, &r->err))
		return -1;
	struct member *mem = team_members(r, &d, q.sort);

	page_open(r, T(r, "team.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "team.title"));
	buf_adds(&r->out, " — ");
	html(r, d.unit.name);
	buf_adds(&r->out, "</h1>");
	w_filters(r, "/team", units, nu, false, q.unit, q.from_s, q.to_s, q.sort);
	w_export_report(r, arena_printf(&r->arena, "/api/units/%lld/dashboard", (long long)q.unit));
	team_at_risk(r, &d);
	if (team_late(r, &a, &d))
		return -1;
	team_collective(r, &d);
	team_table(r, &q, mem, d.nmembers);
	team_trophies(r, q.unit);
	return page_close(r);
}

/* The team's cadence from the team page (app_cadence_set). */
int page_team_cadence_post(struct req *r)
{
	id_t64 unit = 0;
	const char *u = form(r, "unit"), *every = form(r, "every");
	if (u)
		unit = (id_t64)strtoll(u, NULL, 10);
	struct app a;
	req_app(r, &a);
	struct cadence_input in = { "unit", unit > 0 ? unit : 0, every && *every ? every : NULL };
	if (app_cadence_set(&a, &in, &r->err))
		return -1;
	web_redirect(r, arena_printf(&r->arena, "/team?unit=%lld#late", (long long)unit));
	return 0;
}

int page_person(struct req *r)
{
	struct person p;
	if (store_person_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &p, &r->err))
		return -1;
	if (!access_person_read(&r->me, &p))
		return fail(r, 404, "not_found", NULL, "person", NULL);
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.owner_person = p.id;
	struct objective *v;
	size_t n;
	if (store_objective_list(r->store, r->me.org_id, &f, &r->arena, &v, &n, NULL, &r->err))
		return -1;
	struct org org;
	struct mind *inds;
	size_t ni;
	day_t today = r->clock.today;
	struct measured *m = arena_alloc(&r->arena, (n + 1) * sizeof(*m));
	struct checkin *last;
	if (web_measure_ctx(r, &org, &inds, &ni) ||
	    measure_kept(r->store, &org, v, n, today, B_MONTH, inds, ni, &r->arena, m, &r->err) ||
	    last_checkins(r, v, n, &last))
		return -1;
	page_open(r, p.name);
	buf_adds(&r->out, "<h1>");
	html(r, p.name);
	buf_adds(&r->out, "</h1><p class=\"muted\">");
	html(r, p.job);
	if (p.hired_on != DAY_NONE) {
		buf_adds(&r->out, " — ");
		html(r, T(r, "person.hired"));
		buf_adds(&r->out, " ");
		html_date(r, p.hired_on);
	}
	buf_adds(&r->out, "</p>");
	struct app a;
	req_app(r, &a);
	struct person_rhythm rh;
	if (app_rhythm_people(&a, &p, 1, &rh, &r->err))
		return -1;
	w_rhythm(r, &rh);
	if (n) {
		objective_table(r, v, m, last, n, today);
		w_export_report(r, arena_printf(&r->arena, "/api/people/%lld/dashboard", (long long)p.id));
	} else {
		buf_adds(&r->out, "<p class=\"error\">");
		html(r, T(r, "person.none"));
		buf_adds(&r->out, "</p>");
	}
	buf_addf(&r->out, "<p><a class=\"button\" href=\"/objectives/new?owner=%lld\">", (long long)p.id);
	html(r, T(r, "person.new"));
	buf_adds(&r->out, "</a></p>");
	person_calendar(r, &p);
	trophy_case(r, p.id);
	return page_close(r);
}
