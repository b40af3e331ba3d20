/* The demo organisation's challenges (demo_challenge.h). */
#include <math.h>
#include <string.h>
#include "app/badge.h"
#include "app/challenge.h"
#include "app/demo_challenge.h"

static struct challenge base(struct app *a, const char *name, day_t from, day_t to)
{
	struct challenge c;
	memset(&c, 0, sizeof(c));
	(void)a;
	c.name = name;
	c.start = from;
	c.end = to;
	c.rule = RANK_ATTAINMENT;
	c.visibility = VIS_EVERYONE;
	return c;
}

static void call_centre_game(struct challenge *c, id_t64 *unit)
{
	c->ind[0] = (struct ch_indicator){ "fcr", 77, 2, false, true, NULL, NULL };
	c->ind[1] = (struct ch_indicator){ "aht", 300, 1, true, true, NULL, NULL };
	c->nind = 2;
	c->units = (struct ids){ unit, 1 };
	c->league = LG_SENIORITY;
	c->bounds[0] = 12;
	c->nbounds = 1;
	c->ranks[0] = (struct ch_reward){ 100, "Une journée de congé offerte" };
	c->ranks[1] = (struct ch_reward){ 60, "Un bon cadeau de 50 €" };
	c->ranks[2] = (struct ch_reward){ 30, NULL };
	c->nranks = 3;
	c->threshold = 1;
	c->threshold_points = 20;
}

int app_demo_challenges(struct app *a, struct demo_challenges *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct unit *units;
	size_t nu;
	if (store_unit_list(a->store, a->me.org_id, a->arena, &units, &nu, e))
		return -1;
	id_t64 cc = 0, sales = 0;
	for (size_t i = 0; i < nu; i++) {
		if (!cc && units[i].service == SERVICE_CALL_CENTRE && units[i].kind != UNIT_TEAM)
			cc = units[i].id;
		if (!sales && units[i].service == SERVICE_SALES && units[i].kind != UNIT_TEAM)
			sales = units[i].id;
	}
	id_t64 *teams = arena_alloc(a->arena, (nu + 1) * sizeof(id_t64));
	size_t nt = 0;
	struct ids sub = { NULL, 0 };
	if (sales && store_unit_subtree(a->store, a->me.org_id, sales, a->arena, &sub, e))
		return -1;
	for (size_t i = 0; i < nu; i++)
		if (units[i].kind == UNIT_TEAM && ids_contains(&sub, units[i].id))
			teams[nt++] = units[i].id;
	day_t today = a->clock.today, m0 = date_month_start(today);
	day_t prev0 = date_month_start(m0 - 1);
	struct challenge made;
	if (cc) {
		/* last month's, closed: its winners hold the "challenge won" badge */
		struct challenge p = base(a, "Défi qualité du mois dernier — centre de relation client",
					  prev0, m0 - 1);
		call_centre_game(&p, &cc);
		struct board b;
		if (app_challenge_create(a, &p, &made, e) ||
		    app_challenge_close(a, made.id, &b, e))
			return -1;
		out->challenges++;
		struct challenge c = base(a, "Défi qualité du mois — centre de relation client", m0,
					  date_month_end(today));
		call_centre_game(&c, &cc);
		if (app_challenge_create(a, &c, &made, e))
			return -1;
		out->challenges++;
	}
	if (nt) {
		struct challenge s = base(a, "Challenge des ventes du mois — par équipe", m0,
					  date_month_end(today));
		s.mode = CH_TEAM;
		s.team_score = TEAM_AVG;
		/* a seller's month: a third of the quarter's 52,000 € a head */
		s.ind[0] = (struct ch_indicator){ "revenue", 17300, 1, false, true, NULL, NULL };
		s.nind = 1;
		s.teams = (struct ids){ teams, nt };
		s.ranks[0] = (struct ch_reward){ 500, "Un dîner d'équipe" };
		s.ranks[1] = (struct ch_reward){ 250, NULL };
		s.nranks = 2;
		if (app_challenge_create(a, &s, &made, e))
			return -1;
		out->challenges++;
	}
	/* the badges the figures already show */
	struct person_filter f;
	memset(&f, 0, sizeof(f));
	f.active = 1;
	struct person *people;
	size_t np;
	if (store_person_list(a->store, a->me.org_id, &f, a->arena, &people, &np, NULL, e))
		return -1;
	struct ids ps = { arena_alloc(a->arena, (np + 1) * sizeof(id_t64)), np };
	for (size_t i = 0; i < np; i++)
		ps.v[i] = people[i].id;
	struct ids us = { arena_alloc(a->arena, (nu + 1) * sizeof(id_t64)), 0 };
	for (size_t i = 0; i < nu; i++)
		us.v[us.n++] = units[i].id;
	/* ascending for ids_contains */
	for (size_t i = 1; i < us.n; i++)
		for (size_t j = i; j > 0 && us.v[j - 1] > us.v[j]; j--) {
			id_t64 t = us.v[j];
			us.v[j] = us.v[j - 1];
			us.v[j - 1] = t;
		}
	if (app_badges_award(a, &ps, &us, e))
		return -1;
	struct badge_row *v;
	size_t n;
	if (store_badge_list(a->store, a->me.org_id, 0, &us, a->arena, &v, &n, e))
		return -1;
	out->badges = (int)n;
	return 0;
}
