/* The demo organisation's rhythm (demo_rhythm.h). */
#include <string.h>
#include "app/demo_rhythm.h"
#include "app/feedback.h"
#include "app/objective.h"
#include "app/oneonone.h"
#include "app/rhythm.h"

struct pair {
	const char *manager, *member;   /* demo logins */
	const char *praise, *answer, *upward, *shared, *private_, *act_member, *act_manager;
};

static const struct pair pairs[] = {
	{ "aurelie.faure@verdier-energie.fr", "chloe.laurent@verdier-energie.fr",
	  "Très belle relance des devis de novembre : trois signatures en une semaine. "
	  "Continue à préparer tes rendez-vous comme ça.",
	  "Merci ! Pour décembre, j'aurais besoin d'aide sur les deux gros comptes de Nantes.",
	  "Les points du lundi matin tombent en même temps que mes rendez-vous clients : "
	  "pourrait-on les déplacer au mardi ?",
	  "Revue du pipeline : trois devis à relancer, la nouvelle offre plaît.",
	  "Gagne en assurance ; lui confier le compte Atlantique au prochain trimestre.",
	  "Préparer la proposition pour les deux comptes de Nantes",
	  "Organiser une visite conjointe chez le client Atlantique" },
	{ "hugo.sanchez@verdier-energie.fr", "sandrine.simon@verdier-energie.fr",
	  "Ton écoute sur les appels de factures contestées est remarquable : les clients "
	  "raccrochent rassurés.",
	  "Merci Hugo. Les scripts de facturation sont encore trop longs, je peux proposer "
	  "une version courte ?",
	  "La double écoute du jeudi m'aide beaucoup, j'aimerais la garder en janvier.",
	  "Point sur la résolution au premier appel et la durée des appels de facturation.",
	  "Pourrait tutorer les nouveaux arrivants du plateau.",
	  "Écrire la version courte du script de facturation",
	  "Réserver une double écoute chaque jeudi de janvier" },
};

/* The member of the manager's team the one-to-ones are with: the first
 * whose objective is at risk by its measure (so that the agenda shows one),
 * else the demo's member login. */
static int pick_member(struct app *a, id_t64 manager, id_t64 *member, struct err *e)
{
	struct person m;
	if (store_person_get(a->store, a->me.org_id, manager, a->arena, &m, e))
		return -1;
	if (!m.unit_id)
		return 0;
	struct dashboard_query q = { m.unit_id, DAY_NONE, DAY_NONE, B_MONTH, 0, 0, false };
	struct unit_dashboard d;
	if (app_unit_dashboard(a, &q, &d, e))
		return -1;
	for (size_t i = 0; i < d.nmembers; i++) {
		if (d.members[i].p->id == manager)
			continue;
		for (size_t j = 0; j < d.members[i].n; j++) {
			const struct measured *x = d.members[i].items[j].m;
			if (x->has_progress && (x->p.status == PS_AT_RISK || x->p.status == PS_OFF_TRACK)) {
				*member = d.members[i].p->id;
				return 0;
			}
		}
	}
	return 0;
}

/* The first open individual objective of person, 0: none. */
static id_t64 first_objective(struct app *a, id_t64 person, struct err *e)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = LEVEL_INDIVIDUAL;
	f.status = -1;
	f.from = f.to = DAY_NONE;
	f.owner_person = person;
	struct objective *v;
	size_t n;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &n, NULL, e))
		return (id_t64)-1;
	for (size_t i = 0; i < n; i++)
		if (v[i].status != ST_CANCELLED)
			return v[i].id;
	return 0;
}

static int one_pair(struct app *a, const struct principal *system, const struct pair *p,
		    struct demo_rhythm *out, struct err *e)
{
	id_t64 manager, member;
	if (store_person_resolve(a->store, a->me.org_id, p->manager, &manager, e) ||
	    store_person_resolve(a->store, a->me.org_id, p->member, &member, e))
		return -1;
	/* the emails name the 48-person demo's pair; in a bigger demo the same
	 * names may be other people: then the member's own manager */
	bool theirs = false;
	if (app_is_manager_of(a, manager, member, &theirs, e))
		return -1;
	if (!theirs && app_manager_of(a, member, &manager, e))
		return -1;
	if (!manager)
		return 0;
	if (pick_member(a, manager, &member, e))
		return -1;
	id_t64 objective = first_objective(a, member, e);
	if (objective == (id_t64)-1)
		return -1;
	day_t today = a->clock.today;
	int64_t now = a->clock.now;
	struct feedback_row f, r;
	/* three weeks ago: praise, answered */
	a->clock.now = now - 21 * 86400;
	if (app_act_as(a, manager, e))
		return -1;
	struct feedback_input fi = { member, objective > 0 ? objective : 0, p->praise };
	if (app_feedback_create(a, &fi, &f, e))
		return -1;
	a->clock.now = now - 20 * 86400;
	if (app_act_as(a, member, e) || app_feedback_reply(a, f.id, p->answer, &r, e))
		return -1;
	/* the past one-to-one, two weeks ago, with its actions */
	a->clock.now = now - 14 * 86400;
	struct oneonone_input in;
	memset(&in, 0, sizeof(in));
	in.set = OO_MEMBER | OO_DAY | OO_SHARED | OO_PRIVATE;
	in.member_id = member;
	in.day = today - 14;
	in.shared_notes = p->shared;
	in.private_notes = p->private_;
	struct oneonone m;
	struct action_row x, y;
	if (app_act_as(a, manager, e) || app_oneonone_create(a, &in, &m, e))
		return -1;
	struct action_input ai = { member, p->act_member, today + 5 };
	struct action_input aj = { manager, p->act_manager, today - 7 };
	if (app_action_create(a, m.m.id, &ai, &x, e) || app_action_create(a, m.m.id, &aj, &y, e))
		return -1;
	a->clock.now = now - 8 * 86400;
	if (app_action_set_done(a, y.id, true, &y, e))
		return -1;
	/* the member speaks up, last week: still open */
	a->clock.now = now - 6 * 86400;
	struct feedback_input up = { manager, 0, p->upward };
	if (app_act_as(a, member, e) || app_feedback_create(a, &up, &f, e))
		return -1;
	/* next week's one-to-one, planned by the member */
	a->clock.now = now;
	memset(&in, 0, sizeof(in));
	in.set = OO_MANAGER | OO_DAY;
	in.manager_id = manager;
	in.day = today + 7;
	if (app_oneonone_create(a, &in, &m, e))
		return -1;
	out->feedback += 3;
	out->one_to_ones += 2;
	a->me = *system;
	return 0;
}

int app_demo_rhythm(struct app *a, struct demo_rhythm *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct principal system = a->me;
	struct app_clock clock = a->clock;
	/* the sales team checks in every two weeks */
	id_t64 lead;
	struct err ignored;
	if (!store_person_resolve(a->store, a->me.org_id, pairs[0].manager, &lead, &ignored)) {
		struct person p;
		if (store_person_get(a->store, a->me.org_id, lead, a->arena, &p, e))
			return -1;
		struct cadence_input ci = { "unit", p.unit_id, "biweekly" };
		if (p.unit_id && app_cadence_set(a, &ci, e))
			return -1;
	}
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		struct err miss;
		id_t64 x;
		if (store_person_resolve(a->store, a->me.org_id, pairs[i].manager, &x, &miss) ||
		    store_person_resolve(a->store, a->me.org_id, pairs[i].member, &x, &miss))
			continue;   /* a demo of another shape */
		if (one_pair(a, &system, &pairs[i], out, e)) {
			a->me = system;
			a->clock = clock;
			return -1;
		}
		a->clock = clock;
	}
	a->me = system;
	a->clock = clock;
	struct person_rhythm *late;
	size_t n;
	if (app_late_checkins(a, &late, &n, e))
		return -1;
	out->late = (int)n;
	return 0;
}
