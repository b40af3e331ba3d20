/* The team dashboard (members × objectives, the collective objectives, who
 * is at risk; sortable, filtered by period; one click into a person) and a
 * person's page. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
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
	const struct person *p;
	size_t first, n;   /* their objectives: v[first .. first+n) */
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
	return name_cmp(((const struct member *)a)->p->name, ((const struct member *)b)->p->name);
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

static void sort_link(struct req *r, id_t64 unit, const char *from, const char *to,
		      const char *sort, const char *cur, const char *key)
{
	if (!strcmp(sort, cur)) {
		buf_adds(&r->out, "<strong aria-current=\"true\">");
		html(r, T(r, key));
		buf_adds(&r->out, "</strong>");
		return;
	}
	buf_addf(&r->out, "<a href=\"/team?unit=%lld&amp;sort=%s", (long long)unit, sort);
	if (from) {
		buf_adds(&r->out, "&amp;from=");
		html(r, from);
	}
	if (to) {
		buf_adds(&r->out, "&amp;to=");
		html(r, to);
	}
	buf_adds(&r->out, "\">");
	html(r, T(r, key));
	buf_adds(&r->out, "</a>");
}

int page_team(struct req *r)
{
	struct unit *units;
	size_t nu;
	if (dashboard_units(r, &units, &nu))
		return -1;
	if (!nu)
		return forbidden(r, "see a team dashboard");
	id_t64 uid = 0;
	if (query_id(r, "unit", &uid))
		return -1;
	if (!uid) {
		/* one's own team first, else the first one may see */
		uid = units[0].id;
		for (size_t i = 0; i < nu; i++)
			if (units[i].lead_id == r->me.person_id) {
				uid = units[i].id;
				break;
			}
	}
	struct unit u;
	if (store_unit_get(r->store, r->me.org_id, uid, &r->arena, &u, &r->err))
		return -1;
	if (!access_unit_dashboard(&r->me, uid))
		return forbidden(r, "see this unit's dashboard");
	const char *from_s = query(r, "from"), *to_s = query(r, "to"), *sort = query(r, "sort");
	if (from_s && !*from_s)
		from_s = NULL;
	if (to_s && !*to_s)
		to_s = NULL;
	if (!sort || (strcmp(sort, "name") && strcmp(sort, "attainment")))
		sort = "risk";
	day_t from = DAY_NONE, to = DAY_NONE;
	if ((from_s && date_parse_iso(from_s, &from)) || (to_s && date_parse_iso(to_s, &to)))
		return fail(r, 400, "invalid_query", "from", "from/to", "a date YYYY-MM-DD");

	struct ids sub;
	if (store_unit_subtree(r->store, r->me.org_id, uid, &r->arena, &sub, &r->err))
		return -1;
	struct person_filter pf = { &sub, 1, 0, 0 };
	struct person *people;
	size_t np, total;
	if (store_person_list(r->store, r->me.org_id, &pf, &r->arena, &people, &np, &total, &r->err))
		return -1;
	/* every objective of the subtree in the period, in one list */
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.units = &sub;
	f.from = from;
	f.to = to;
	struct objective *all;
	size_t nall;
	if (store_objective_list(r->store, r->me.org_id, &f, &r->arena, &all, &nall, NULL, &r->err))
		return -1;
	struct org org;
	struct mind *inds;
	size_t ni;
	day_t today = web_today(r);
	struct measured *m = arena_alloc(&r->arena, (nall + 1) * sizeof(*m));
	if (web_measure_ctx(r, &org, &inds, &ni) ||
	    measure_many(r->store, &org, all, nall, today, B_MONTH, inds, ni, &r->arena, m, &r->err))
		return -1;

	/* members and their objectives */
	struct member *mem = arena_alloc(&r->arena, (np + 1) * sizeof(*mem));
	struct objective *mine = arena_alloc(&r->arena, (nall + 1) * sizeof(*mine));
	struct measured *mm = arena_alloc(&r->arena, (nall + 1) * sizeof(*mm));
	size_t k = 0;
	for (size_t i = 0; i < np; i++) {
		mem[i].p = &people[i];
		mem[i].first = k;
		double sum = 0;
		int counted = 0;
		mem[i].worst = 0;
		for (size_t j = 0; j < nall; j++) {
			if (all[j].owner_person_id != people[i].id || all[j].status == ST_CANCELLED)
				continue;
			mine[k] = all[j];
			mm[k++] = m[j];
			if (m[j].has_progress && !isnan(m[j].p.attainment)) {
				sum += fmin(m[j].p.attainment, 1.5);
				counted++;
			}
			if (severity(&m[j]) > mem[i].worst)
				mem[i].worst = severity(&m[j]);
		}
		mem[i].n = k - mem[i].first;
		mem[i].attainment = counted ? sum / counted : NAN;
	}
	qsort(mem, np, sizeof(*mem), !strcmp(sort, "name") ? by_name
	      : !strcmp(sort, "attainment") ? by_attainment : by_risk);

	page_open(r, T(r, "team.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "team.title"));
	buf_adds(&r->out, " — ");
	html(r, u.name);
	buf_adds(&r->out, "</h1>");
	/* unit and period */
	buf_adds(&r->out, "<form method=\"get\" action=\"/team\" class=\"filters\"><div class=\"field\">"
		 "<label for=\"f-unit\">");
	html(r, T(r, "team.unit"));
	buf_adds(&r->out, "</label><select id=\"f-unit\" name=\"unit\">");
	for (size_t i = 0; i < nu; i++) {
		buf_addf(&r->out, "<option value=\"%lld\"%s>", (long long)units[i].id,
			 units[i].id == uid ? " selected" : "");
		html(r, units[i].name);
		buf_adds(&r->out, "</option>");
	}
	buf_adds(&r->out, "</select></div><div class=\"field\"><label for=\"f-from\">");
	html(r, T(r, "team.from"));
	buf_adds(&r->out, "</label><input id=\"f-from\" name=\"from\" type=\"date\" value=\"");
	html(r, from_s ? from_s : "");
	buf_adds(&r->out, "\"></div><div class=\"field\"><label for=\"f-to\">");
	html(r, T(r, "team.to"));
	buf_adds(&r->out, "</label><input id=\"f-to\" name=\"to\" type=\"date\" value=\"");
	html(r, to_s ? to_s : "");
	buf_addf(&r->out, "\"></div><input type=\"hidden\" name=\"sort\" value=\"%s\"><button type=\"submit\">",
		 sort);
	html(r, T(r, "team.apply"));
	buf_adds(&r->out, "</button></form>");

	/* who is at risk */
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "team.at_risk"));
	buf_adds(&r->out, "</h2>");
	int risky = 0;
	for (size_t i = 0; i < nall; i++)
		if (all[i].status != ST_CANCELLED && severity(&m[i]) >= 3) {
			if (!risky++)
				buf_adds(&r->out, "<ul class=\"risk\">");
			buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)all[i].id);
			html(r, all[i].title);
			buf_adds(&r->out, "</a> ");
			w_pstatus(r, &m[i]);
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

	/* collective objectives */
	size_t nc = 0;
	struct objective *col = arena_alloc(&r->arena, (nall + 1) * sizeof(*col));
	struct measured *mc = arena_alloc(&r->arena, (nall + 1) * sizeof(*mc));
	for (size_t i = 0; i < nall; i++)
		if (all[i].owner_unit_id) {
			col[nc] = all[i];
			mc[nc++] = m[i];
		}
	if (nc) {
		buf_adds(&r->out, "<section><h2>");
		html(r, T(r, "team.collective"));
		buf_adds(&r->out, "</h2>");
		objective_table(r, col, mc, NULL, nc, today);
		buf_adds(&r->out, "</section>");
	}

	/* members × objectives */
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "team.members"));
	buf_adds(&r->out, "</h2><p class=\"sort\">");
	html(r, T(r, "team.sort"));
	buf_adds(&r->out, " ");
	sort_link(r, uid, from_s, to_s, "risk", sort, "team.sort_risk");
	buf_adds(&r->out, " · ");
	sort_link(r, uid, from_s, to_s, "attainment", sort, "team.sort_attainment");
	buf_adds(&r->out, " · ");
	sort_link(r, uid, from_s, to_s, "name", sort, "team.sort_name");
	buf_adds(&r->out, "</p><div class=\"scroll\"><table class=\"members\"><thead><tr><th scope=\"col\">");
	html(r, T(r, "col.person"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "team.mean"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "col.objectives"));
	buf_adds(&r->out, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < np; i++) {
		buf_addf(&r->out, "<tr><th scope=\"row\"><a href=\"/people/%lld\">", (long long)mem[i].p->id);
		html(r, mem[i].p->name);
		buf_adds(&r->out, "</a><br><span class=\"muted\">");
		html(r, mem[i].p->job);
		buf_adds(&r->out, "</span></th><td class=\"num\">");
		if (isnan(mem[i].attainment))
			buf_adds(&r->out, "—");
		else
			buf_addf(&r->out, "%.0f %%", mem[i].attainment * 100);
		buf_adds(&r->out, "</td><td>");
		if (!mem[i].n) {
			buf_adds(&r->out, "<span class=\"ps ps-off_track\">");
			html(r, T(r, "team.none"));
			buf_adds(&r->out, "</span>");
		}
		buf_adds(&r->out, "<ul class=\"compact\">");
		for (size_t j = mem[i].first; j < mem[i].first + mem[i].n; j++) {
			buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)mine[j].id);
			html(r, mine[j].title);
			buf_adds(&r->out, "</a> ");
			w_bar(r, &mm[j]);
			buf_adds(&r->out, " ");
			w_pstatus(r, &mm[j]);
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ul></td></tr>");
	}
	buf_adds(&r->out, "</tbody></table></div></section>");
	team_trophies(r, uid);
	return page_close(r);
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
	day_t today = web_today(r);
	struct measured *m = arena_alloc(&r->arena, (n + 1) * sizeof(*m));
	struct checkin *last;
	if (web_measure_ctx(r, &org, &inds, &ni) ||
	    measure_many(r->store, &org, v, n, today, B_MONTH, inds, ni, &r->arena, m, &r->err) ||
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
	if (n)
		objective_table(r, v, m, last, n, today);
	else {
		buf_adds(&r->out, "<p class=\"error\">");
		html(r, T(r, "person.none"));
		buf_adds(&r->out, "</p>");
	}
	buf_addf(&r->out, "<p><a class=\"button\" href=\"/objectives/new?owner=%lld\">", (long long)p.id);
	html(r, T(r, "person.new"));
	buf_adds(&r->out, "</a></p>");
	trophy_case(r, p.id);
	return page_close(r);
}
