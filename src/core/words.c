/* Words that every surface prints (pages, CLI, exports): the names of the
 * model's enumerations in French and English, keyed "<kind>.<code>" where the
 * code is what the API sends (status.agreed, ps.at_risk, dir.increase...). */
#include <stdio.h>
#include "core/words.h"

const struct msg words_catalog[] = {
	/* an objective's status (model.h: status_name) */
	{ "status.draft", "brouillon", "draft" },
	{ "status.proposed", "proposé", "proposed" },
	{ "status.agreed", "validé", "agreed" },
	{ "status.achieved", "atteint", "achieved" },
	{ "status.missed", "manqué", "missed" },
	{ "status.cancelled", "annulé", "cancelled" },
	/* levels (level_name) */
	{ "level.strategic", "stratégique", "strategic" },
	{ "level.operational", "opérationnel", "operational" },
	{ "level.collective", "collectif", "collective" },
	{ "level.individual", "individuel", "individual" },
	/* progress status (progress.h: pstatus_name) */
	{ "ps.ahead", "en avance", "ahead" },
	{ "ps.on_track", "dans les temps", "on track" },
	{ "ps.at_risk", "à risque", "at risk" },
	{ "ps.off_track", "en retard", "off track" },
	{ "ps.done", "terminé", "done" },
	{ "ps.unknown", "non mesuré", "not measured" },
	/* directions (direction_name), as a verb */
	{ "dir.increase", "augmenter", "increase" },
	{ "dir.decrease", "réduire", "decrease" },
	{ "dir.reach", "atteindre", "reach" },
	{ "dir.stay_above", "rester au-dessus de", "stay above" },
	{ "dir.stay_below", "rester en dessous de", "stay below" },
	/* a check-in's confidence (confidence_name) */
	{ "conf.on_track", "en bonne voie", "on track" },
	{ "conf.at_risk", "à risque", "at risk" },
	{ "conf.off_track", "hors trajectoire", "off track" },
	/* what a sentence's magnitude is counted in (sentence.h: sentence_unit_name) */
	{ "su.none", "sans unité", "no unit" },
	{ "su.percent", "% de variation", "% change" },
	{ "su.points", "points", "points" },
	{ "su.percent_level", "% (niveau à atteindre)", "% (level to reach)" },
	{ "su.eur", "€", "€" },
	{ "su.count", "unités comptées", "counted units" },
	{ "su.seconds", "secondes", "seconds" },
	/* the indicators the sentence reader knows by its own words (sentence.h:
	 * sentence_keys) */
	{ "ind.revenue", "chiffre d'affaires", "revenue" },
	{ "ind.upsell", "chiffre d'affaires additionnel", "upsell revenue" },
	{ "ind.aht", "durée moyenne de traitement", "average handling time" },
	{ "ind.fcr", "résolution au premier contact", "first-contact resolution" },
	{ "ind.answer_rate", "taux de décroché", "answer rate" },
	{ "ind.service_level", "niveau de service", "service level" },
	{ "ind.asa", "temps moyen de réponse", "average speed of answer" },
	{ "ind.csat", "satisfaction client", "customer satisfaction" },
	{ "ind.nps", "Net Promoter Score", "Net Promoter Score" },
	{ "ind.calls", "appels traités", "calls handled" },
	{ "ind.contracts", "contrats signés", "contracts signed" },
	{ "ind.deal_size", "panier moyen", "average deal size" },
	{ "ind.conversion", "taux de transformation", "conversion rate" },
	{ "ind.appointments", "rendez-vous pris", "appointments booked" },
	{ "ind.leads", "leads qualifiés", "qualified leads" },
	{ "ind.retention", "fidélisation client", "customer retention" },
	{ "ind.churn", "taux d'attrition", "churn rate" },
	{ "ind.response_time", "délai de réponse", "response time" },
	{ "ind.traffic", "trafic du site", "website traffic" },
	{ "ind.tickets", "demandes traitées", "requests handled" },
	{ "ind.complaints", "réclamations", "complaints" },
	{ "ind.subscribers", "abonnés", "subscribers" },
	{ "ind.participation", "taux de participation aux enquêtes", "survey participation rate" },
	{ "ind.abandonment", "taux d'abandon", "abandonment rate" },
	/* who a sentence says carries it (owner_kind_name) */
	{ "ow.none", "non dit", "not said" },
	{ "ow.team", "une équipe", "a team" },
	{ "ow.each", "chacun", "each person" },
	{ "ow.person", "une personne", "a person" },
	{ "ow.we", "nous (l'unité qui l'écrit)", "we (the unit writing it)" },
	/* a person's role (model.h: role_name) */
	{ "role.admin", "administrateur", "admin" },
	{ "role.manager", "manager", "manager" },
	{ "role.member", "membre", "member" },
	{ "role.hr", "RH", "HR" },
	/* a challenge's mode and ranking rule (challenge.h: ch_mode_name;
	 * ranking.h: rank_rule_name) */
	{ "chmode.individual", "individuel", "individual" },
	{ "chmode.team", "par équipes", "teams" },
	{ "rule.raw", "valeur brute", "raw value" },
	{ "rule.attainment", "atteinte de son objectif", "attainment of own target" },
	{ "rule.improvement", "progrès sur sa référence", "improvement over own baseline" },
	{ NULL, NULL, NULL }
};

const char *word(const char *kind, const char *code, enum lang lang)
{
	char key[64];
	snprintf(key, sizeof(key), "%s.%s", kind, code ? code : "");
	const char *t = msg_text(words_catalog, key, lang);
	return t ? t : code;
}
