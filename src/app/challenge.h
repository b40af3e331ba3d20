/* Challenges: sales contests and call-centre games on the measured
 * indicators (use cases, app/usecase.h).
 *
 * A board is never stored while the challenge runs: each participant's
 * figures are kept (challenge_score, migration 0023), updated for the people
 * a write touched in that write's own transaction (app_challenges_keep_tx,
 * after measure_batch), so it moves as activity arrives, with no job to wait
 * for; the board reads the kept figures and ranks them (rule, targets,
 * leagues and teams applied at the read).
 * At the close (the first write after the last day, in the organisation's
 * time zone: activity, an import, `cible challenge close-due`; or an
 * explicit close) the board is computed once more
 * and frozen with the figures that decided it; records imported later for
 * the period change nothing until an admin re-runs it (a new run, audited
 * with both results, the earlier runs kept). Winners get the "challenge
 * won" badge. */
#ifndef CIBLE_APP_CHALLENGE_H
#define CIBLE_APP_CHALLENGE_H
#include <jansson.h>
#include "app/usecase.h"
#include "core/challenge.h"
#include "core/ranking.h"
#include "store/store_challenge.h"

#define CH_RANKS_MAX 10      /* rewards by rank: ranks 1..10 */
#define CH_LIST_MAX 500      /* people, teams, units, jobs listed */
#define CH_BOUNDS_MAX 4      /* seniority bounds */
#define CH_NAME_MAX 120

struct ch_indicator {
	const char *key;
	double target;       /* NaN: none (the raw rule needs one) */
	double weight;       /* >= 0; the sum must be > 0 */
	bool lower_better;
	bool better_given;   /* said by the creator; otherwise a duration ("s") is lower-is-better */
	const char *name;    /* read back: the indicator's name in the language */
	const char *unit;
};

struct ch_reward {
	double points;
	const char *prize;   /* NULL or a prize named by the organisation */
};

struct challenge {
	id_t64 id;
	const char *name;
	day_t start, end;
	enum rank_rule rule;
	enum ch_mode mode;
	enum team_agg team_score;
	enum ch_vis visibility;
	struct ch_indicator ind[RANK_METRICS_MAX];
	size_t nind;
	/* participants: these people, the members of these teams and units
	 * (subtrees), filtered by job when jobs are given; jobs alone: everyone
	 * of the organisation in those jobs */
	struct ids people, teams, units;
	const char **jobs;
	size_t njobs;
	enum ch_league league;
	int bounds[CH_BOUNDS_MAX];   /* seniority, months, ascending */
	size_t nbounds;
	struct ch_reward ranks[CH_RANKS_MAX];
	size_t nranks;
	double threshold;            /* a score that earns threshold_*; <= 0: none */
	double threshold_points;
	const char *threshold_prize;
	bool closed;
	id_t64 created_by;
	int64_t created_at;
	day_t kept_on;               /* its kept figures' day (store_challenge.h); DAY_NONE */
};

/* A challenge from its JSON form (the API's input and the stored spec):
 * shape and types only, 400/422 naming the field. */
int challenge_read_json(json_t *j, struct arena *a, struct challenge *c, struct err *e);
/* The challenge as the API shows it. */
json_t *challenge_json(const struct challenge *c);

int app_challenge_create(struct app *a, const struct challenge *in, struct challenge *out,
			 struct err *e);
/* The challenges a->me may see. */
int app_challenge_list(struct app *a, struct challenge **out, size_t *n, struct err *e);
int app_challenge_get(struct app *a, id_t64 id, struct challenge *out, struct err *e);

struct board_row {
	id_t64 id;            /* a person, or a team */
	const char *name;
	id_t64 team_id;       /* a person's unit */
	int league;
	int rank;             /* 0: not ranked (no figure) */
	int prev_rank;        /* yesterday's rank; 0: none */
	bool scored;
	double score;
	double value[RANK_METRICS_MAX];       /* NaN: no figure */
	double own_target[RANK_METRICS_MAX];  /* NaN: none */
	double points;
	const char *prize;
};

struct board {
	struct challenge c;
	day_t as_of;
	bool frozen;
	int run;                 /* the frozen run shown; 0 when live */
	struct board_row *rows;  /* by league, then rank (the people, or the teams) */
	size_t n;
	struct board_row *teams; /* individual mode: the teams of the participants */
	size_t nteams;
	const char **league_names;
	int nleagues;
	id_t64 me;               /* the row id of the caller (person or team); 0 */
};

/* The board as of today (or the frozen result once closed; as of its last
 * day when that is over and it is not closed yet). Writes nothing. */
int app_challenge_board(struct app *a, id_t64 id, struct board *out, struct err *e);
/* The same board computed from scratch, from the measure states, ignoring
 * the kept figures: admin only (403), for checking that the kept board is
 * the computed one. */
int app_challenge_board_fresh(struct app *a, id_t64 id, struct board *out, struct err *e);
/* In the transaction of a write that moved the measure states of `moved`
 * (an activity batch, an import): every open challenge's kept figures of
 * these people are brought up to date; a challenge whose figures are kept
 * for another day (a new day, an indicator redefined) has them rebuilt for
 * all its participants. kind: the kind of the records written (NULL: any):
 * a challenge on no indicator of that kind is not touched (its figures
 * cannot have moved) but for the rebuild of a new day. */
int app_challenges_keep_tx(struct app *a, const struct ids *moved, const char *kind,
			   struct err *e);
/* Closes every open challenge of the organisation whose last day is over
 * in its time zone, as the system (each in its own transaction, frozen
 * with the states as they are): run by the write paths (activity, imports)
 * before they store, and by `cible challenge close-due`. *closed (may be
 * NULL): how many. */
int app_challenges_close_due(struct app *a, int *closed, struct err *e);
/* Close now (the period over, in the organisation's time zone): admin or the creator; 409 while it runs or
 * once closed. */
int app_challenge_close(struct app *a, id_t64 id, struct board *out, struct err *e);
/* A new run of a frozen result from today's figures: admin only, audited
 * with the result before and after. */
int app_challenge_rerun(struct app *a, id_t64 id, struct board *out, struct err *e);
/* Every frozen run, the latest first, each as a board. */
int app_challenge_results(struct app *a, id_t64 id, struct board **out, size_t *n,
			  struct err *e);

/* The board as a table for app/export (CSV, XLSX): league, rank, name,
 * score, each indicator's value and own target, points, prize; titles in
 * a->lang. Cells live in a->arena. */
struct export_table;
int challenge_export_table(struct app *a, const struct board *b, struct export_table *t,
			   struct err *e);

/* The board as the API shows it: the rule in words, each league's top
 * (`top` rows), the caller's row and the five around them, the team board. */
json_t *board_json(const struct board *b, size_t top, enum lang lang);

#endif
