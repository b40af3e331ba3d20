/* Challenge rankings: the score of each participant on a challenge's
 * indicators, ranks within leagues, team boards, the neighbours around a
 * person, and rewards. Pure: the measured figures come in as arguments.
 *
 * Fair by default. The rule decides what a participant is compared on:
 *   RANK_RAW          the value itself, against the challenge's target for the
 *                     indicator (1 = the challenge's target reached);
 *   RANK_ATTAINMENT   the way from the person's own baseline to their own
 *                     target (ramp-up adjusted by whoever sets it), so a
 *                     newcomer on a smaller target competes with a veteran;
 *   RANK_IMPROVEMENT  the change over the person's own baseline, relative to it.
 * "Lower is better" indicators (handling time, waiting time) score
 * continuously on the same scale: reaching the target is 1, doing better is
 * above 1, linearly — never the 0-or-100 % of a yes/no goal.
 * With several indicators the score is their weighted mean, each capped at
 * 1.5 so that one runaway indicator cannot hide the others; an indicator
 * without a figure counts 0. Equal scores share a rank (1, 1, 3: the next
 * rank skips), and a participant without any figure is not ranked. */
#ifndef CIBLE_RANKING_H
#define CIBLE_RANKING_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "core/model.h"

enum rank_rule { RANK_RAW, RANK_ATTAINMENT, RANK_IMPROVEMENT, RANK__COUNT };
enum team_agg { TEAM_AVG, TEAM_SUM, TEAM__COUNT };
const char *rank_rule_name(enum rank_rule r);
int rank_rule_parse(const char *s);  /* -1 if unknown */
const char *team_agg_name(enum team_agg a);
int team_agg_parse(const char *s);

#define RANK_METRICS_MAX 8
#define RANK_CAP 1.5       /* one indicator's share, when there are several */
#define RANK_EPSILON 1e-9  /* scores closer than this (relative) are equal */

struct rank_metric {
	bool lower_better;
	double target;   /* the challenge's target for the indicator (raw rule), > 0 */
	double weight;   /* > 0 */
};

struct rank_entry {
	id_t64 id;                          /* a person or a team (unit) */
	int league;                         /* 0.. : ranked within its league */
	double value[RANK_METRICS_MAX];     /* measured; NaN: no figure */
	double own_target[RANK_METRICS_MAX];/* attainment rule; NaN: none */
	double baseline[RANK_METRICS_MAX];  /* attainment and improvement rules; NaN: none */
	/* out */
	bool scored;
	double score;   /* the weighted mean of the metrics' scores */
	int rank;       /* 1-based within the league; 0 when not scored */
	int pos;        /* 1-based place within the league in the order */
};

/* One metric's score of value under rule (see above); NaN when it cannot be
 * scored (no value; attainment without an own target; improvement without a
 * non-zero baseline). */
double rank_metric_score(enum rank_rule rule, const struct rank_metric *m, double value,
			 double own_target, double baseline);

/* Scores and ranks every entry within its league. The entries are left in
 * their order; order[] (n indices, may be NULL) receives them by league, then
 * rank, then id. Returns 0, or -1 on bad arguments (no metric, more than
 * RANK_METRICS_MAX, a weight not above 0, a raw target not above 0). */
int rank_compute(enum rank_rule rule, const struct rank_metric *m, size_t nm,
		 struct rank_entry *v, size_t n, size_t *order);

/* After rank_compute (order[] as it left it): the entries changed[0..nc)
 * (indices into v, repeats ignored) have new values; their scores are
 * computed anew, order[] re-sorted and the ranks assigned again, as
 * rank_compute would, in O(n + nc log nc) rather than a sort of all n; the
 * ranks only from the first place that changed to the last one whose rank
 * can have. [*from, *to): the places of order[] whose entry or rank may have
 * changed (empty when nothing did). -1 on bad metrics (as rank_compute) or
 * out of memory. */
int rank_update(enum rank_rule rule, const struct rank_metric *m, size_t nm,
		struct rank_entry *v, size_t n, size_t *order, const size_t *changed, size_t nc,
		size_t *from, size_t *to);

/* A team board: team t's score is the aggregate (mean or sum) of the scores
 * of its scored members (member_team[i] is the index in teams[] of member i,
 * or -1); then the teams are ranked like people. teams[].id and .league are
 * the caller's; their value arrays are ignored. */
void rank_teams(const struct rank_entry *members, const int *member_team, size_t n,
		enum team_agg agg, struct rank_entry *teams, size_t nteams, size_t *order);

/* The window of at most `around` entries centred on position pos of order[]
 * (n long, within one board): [*from, *to). */
void rank_window(size_t n, size_t pos, size_t around, size_t *from, size_t *to);

/* Seniority leagues: the league of someone hired on `hired` on `today`, given
 * ascending bounds in months (e.g. {12, 36}: under a year, one to three years,
 * over three years). No hire date: the last league. */
int rank_league_by_seniority(day_t hired, day_t today, const int *bounds_months, size_t nb);

/* Rewards: points for a rank (points_by_rank[0] for rank 1...; ranks past
 * the table get 0) plus the threshold reward when the score reaches it
 * (threshold <= 0: none). */
double rank_reward(int rank, double score, const double *points_by_rank, size_t nranks,
		   double threshold, double threshold_points);

#endif
