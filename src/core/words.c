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
