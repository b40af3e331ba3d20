/* Challenges, the pure part (challenge.h). */
#include <string.h>
#include "core/challenge.h"

static const char *const mode_names[] = { "individual", "team" };
static const char *const vis_names[] = { "everyone", "participants", "managers" };
static const char *const league_names[] = { "none", "seniority", "job" };

static int parse_in(const char *const *names, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

const char *ch_mode_name(enum ch_mode m)
{
	return (int)m >= 0 && m < CH_MODE__COUNT ? mode_names[m] : "individual";
}
int ch_mode_parse(const char *s) { return parse_in(mode_names, CH_MODE__COUNT, s); }
const char *ch_vis_name(enum ch_vis v)
{
	return (int)v >= 0 && v < VIS__COUNT ? vis_names[v] : "everyone";
}
int ch_vis_parse(const char *s) { return parse_in(vis_names, VIS__COUNT, s); }
const char *ch_league_name(enum ch_league l)
{
	return (int)l >= 0 && l < LG__COUNT ? league_names[l] : "none";
}
int ch_league_parse(const char *s) { return parse_in(league_names, LG__COUNT, s); }

bool access_challenge_read(const struct principal *p, enum ch_vis vis, bool participant,
			   bool participant_managed, id_t64 created_by)
{
	if (p->role == ROLE_ADMIN || p->role == ROLE_HR)
		return true;
	bool creator = created_by && p->person_id == created_by;
	switch (vis) {
	case VIS_EVERYONE:
		return true;
	case VIS_PARTICIPANTS:
		return participant || creator || participant_managed;
	case VIS_MANAGERS:
		return creator || participant_managed;
	default:
		return false;
	}
}

bool access_challenge_create(const struct principal *p)
{
	return p->role == ROLE_ADMIN || p->role == ROLE_MANAGER;
}

bool access_challenge_reach_unit(const struct principal *p, id_t64 unit)
{
	return p->role == ROLE_ADMIN || (p->role == ROLE_MANAGER && idset_has(&p->managed, unit));
}

bool access_challenge_close(const struct principal *p, id_t64 created_by)
{
	return p->role == ROLE_ADMIN ||
	       (p->role == ROLE_MANAGER && created_by && p->person_id == created_by);
}

bool access_challenge_rerun(const struct principal *p)
{
	return p->role == ROLE_ADMIN;
}

void challenge_rule_words(struct buf *out, enum rank_rule rule, enum ch_mode mode,
			  enum team_agg agg, bool any_lower, bool several, enum lang lang)
{
	bool fr = lang == LANG_FR;
	switch (rule) {
	case RANK_RAW:
		buf_adds(out, fr ? "Classement sur la valeur brute de chaque indicateur, rapportée à la cible du défi (1 = cible atteinte)."
				 : "Ranked on each indicator's raw value against the challenge's target (1 = target reached).");
		break;
	case RANK_ATTAINMENT:
		buf_adds(out, fr ? "Classement sur l'atteinte de son propre objectif : le chemin parcouru de sa référence à sa cible (1 = cible atteinte), si bien qu'un nouveau venu sur une cible plus petite concourt à armes égales ; une cible d'objectif en volume est ramenée aux jours du défi, et sans objectif personnel sur l'indicateur, la cible du défi s'applique."
				 : "Ranked on attainment of one's own objective: the way from one's own baseline to one's own target (1 = target reached), so a newcomer on a smaller target competes on equal terms; a volume target is prorated to the challenge's days, and without an own objective on the indicator the challenge's target applies.");
		break;
	case RANK_IMPROVEMENT:
		buf_adds(out, fr ? "Classement sur le progrès par rapport à sa propre référence, en proportion de celle-ci."
				 : "Ranked on improvement over one's own baseline, relative to it.");
		break;
	default:
		break;
	}
	if (several)
		buf_adds(out, fr ? " Plusieurs indicateurs : moyenne pondérée, chacun plafonné à 1,5."
			 : " Several indicators: weighted mean, each capped at 1.5.");
	if (any_lower)
		buf_adds(out, fr ? " Pour un indicateur où moins vaut mieux (durée de traitement), le score est continu : 1 à la cible, au-dessus en faisant mieux, en dessous en faisant moins bien."
				 : " For a lower-is-better indicator (handling time) the score is continuous: 1 at the target, above it when doing better, below when doing worse.");
	if (mode == CH_TEAM)
		buf_adds(out, agg == TEAM_SUM ? (fr ? " Le score d'une équipe est la somme de ceux de ses membres."
						  : " A team's score is the sum of its members' scores.")
					      : (fr ? " Le score d'une équipe est la moyenne de ceux de ses membres."
						    : " A team's score is the average of its members' scores."));
}

void challenge_tie_words(struct buf *out, enum lang lang)
{
	buf_adds(out, lang == LANG_FR
		 ? "Ex æquo : des scores égaux partagent le même rang, et le rang suivant est sauté (1, 1, 3)."
		 : "Ties: equal scores share a rank, and the next rank is skipped (1, 1, 3).");
}
