/* The demo organisation's reviews (demo_review.h). */
#include <string.h>
#include "app/demo_review.h"
#include "app/review.h"
#include "app/rhythm.h"

static void person_by_email(struct app *a, const char *email, id_t64 *id)
{
	struct err miss;
	if (store_person_resolve(a->store, a->me.org_id, email, id, &miss))
		*id = 0;   /* not in this demo (one of another shape): nothing to do */
}

static int reviews(struct app *a, struct demo_reviews *out, struct err *e)
{
	char y[11];
	date_format_iso(a->clock.today, y);
	int year = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
	int month = (y[5] - '0') * 10 + (y[6] - '0');
	id_t64 rep, agent;
	person_by_email(a, "chloe.laurent@verdier-energie.fr", &rep);
	person_by_email(a, "sandrine.simon@verdier-energie.fr", &agent);
	struct review v;
	if (rep) {
		struct review_create_input in = { "person", rep, "year", year, 0 };
		struct review_input w;
		if (app_act_as(a, rep, e) || app_review_create(a, &in, &v, e))
			return -1;
		json_decref(v.objectives);
		id_t64 id = v.row.id, manager = v.row.manager_id;
		memset(&w, 0, sizeof(w));
		w.set = RV_WORKED | RV_NOT_WORKED | RV_IDEAS | RV_SELF;
		w.worked = "La préparation des rendez-vous et les relances des devis de novembre : "
			   "trois signatures en une semaine.";
		w.not_worked = "Le premier trimestre : trop de temps sur les petits comptes, les gros "
			       "devis de Nantes sont partis chez un concurrent faute de suivi.";
		w.ideas = "Un point pipeline chaque mardi ; une visite conjointe avec ma manager "
			  "chez les deux plus gros clients.";
		w.self_assessment = "Une année en progrès : objectifs de volume tenus au second "
				    "semestre, à consolider sur les grands comptes.";
		if (app_review_update(a, id, &w, &v, e))
			return -1;
		json_decref(v.objectives);
		if (app_review_submit(a, id, &v, e))
			return -1;
		json_decref(v.objectives);
		memset(&w, 0, sizeof(w));
		w.set = RV_MANAGER;
		w.manager_assessment = "Chloé a gagné en assurance et en méthode ; elle prendra le "
				       "compte Atlantique l'an prochain.";
		if (app_act_as(a, manager, e) || app_review_update(a, id, &w, &v, e))
			return -1;
		json_decref(v.objectives);
		if (app_review_submit(a, id, &v, e) || (json_decref(v.objectives), 0) ||
		    app_review_sign(a, id, &v, e))
			return -1;
		json_decref(v.objectives);
		if (app_act_as(a, rep, e) || app_review_sign(a, id, &v, e))
			return -1;
		json_decref(v.objectives);
		out->signed_++;
	}
	if (agent) {
		struct review_create_input in = { "person", agent, "quarter", year, (month + 2) / 3 };
		struct review_input w;
		memset(&w, 0, sizeof(w));
		w.set = RV_WORKED | RV_SELF;
		w.worked = "La double écoute du jeudi : les appels de facturation sont plus courts.";
		w.self_assessment = "Bon trimestre sur la résolution au premier appel ; la durée des "
				    "appels reste à réduire.";
		if (app_act_as(a, agent, e) || app_review_create(a, &in, &v, e))
			return -1;
		json_decref(v.objectives);
		if (app_review_update(a, v.row.id, &w, &v, e))
			return -1;
		json_decref(v.objectives);
		out->in_progress++;
	}
	return 0;
}

int app_demo_reviews(struct app *a, struct demo_reviews *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct principal system = a->me;
	int rc = reviews(a, out, e);
	a->me = system;
	return rc;
}
