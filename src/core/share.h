/* Sharing a team objective out among its members, ramp-up plans and the
 * suggested target of a person: the pure rules (no I/O).
 *
 * A share-out gives each member i a target from the team's T:
 *   - an additive (cumulative) indicator: t_i = T * s_i / sum(s), so that
 *     sum(t_i) = T exactly after rounding (the rounding remainder goes to
 *     the member with the largest share, the first of them on a tie);
 *   - a rate or an average: the members' mean reaches T: t_i = B + (T - B) *
 *     n * s_i / sum(s) from the team's baseline B (0 when none), or, by
 *     history, t_i = h_i + (T - mean(h)); the sum n * T is exact after
 *     rounding, the same way.
 * s_i is 1 (even), the weight given (weights), the member's ramp-up factor
 * (ramp), or their own level of the indicator over the last period as long
 * as the objective's (history). */
#ifndef CIBLE_SHARE_H
#define CIBLE_SHARE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "core/model.h"
#include "core/msg.h"

enum share_method { SHARE_EVEN, SHARE_WEIGHTS, SHARE_RAMP, SHARE_HISTORY, SHARE__COUNT };
const char *share_method_name(enum share_method m);
int share_method_parse(const char *s);  /* -1: unknown */

/* The rounding step of a share-out's targets: 100 for an additive target
 * of 10 000 or more that is a multiple of 100, else 1 for a whole number,
 * else 0.01; for a rate, 0.1 when the target is a multiple of it, else
 * 0.01. */
double share_quantum(double target, bool cumulative);

/* out[i] = base[i] + (total - sum(base)) * s[i] / sum(s), rounded to q
 * (q > 0) so that sum(out) == total to the step; the remainder goes to the
 * largest share (lowest index on a tie). s[i] >= 0 and sum(s) > 0 (checked
 * by the caller: share_weights_check). Returns the index that took the
 * remainder, or -1 when n is 0. */
int share_compute(size_t n, const double *base, const double *s, double total, double q,
		  double *out);

/* Weights as given: each finite and >= 0 (422 invalid_value naming
 * field[i].weight), their sum above 0 (422 invalid_value naming field). */
int share_weights_check(const double *w, size_t n, const char *field, struct err *e);

/* A ramp-up plan: the share of the standard target (percent) in the first,
 * second... month after the hire, then 100 %. */
#define RAMP_STEPS_MAX 24
struct ramp_plan {
	id_t64 id, org_id;
	const char *job;
	double steps[RAMP_STEPS_MAX];
	int nsteps;
	bool above_100;     /* steps may exceed 100 % */
	int64_t updated_at;
	id_t64 updated_by;
};
/* 1 to 24 steps, each above 0 and finite, each above the one before, at
 * most 100 unless above_100 (422 naming steps[i], or steps). */
int ramp_plan_check(const double *steps, int n, bool above_100, struct err *e);
/* Whole months from hired_on to day (0 in the first month); -1 when not
 * known or before the hire. */
int months_since(day_t hired_on, day_t day);
/* The plan's share (0..) of the standard target for someone hired on
 * hired_on, on day: steps[months] / 100 within the plan, 1 after it or
 * when the hire date is not known. *step: the month's index (0-based) or
 * -1 when the plan does not apply. */
double ramp_factor(const struct ramp_plan *p, day_t hired_on, day_t day, int *step);

/* A suggested target for a person and its reasoning: their own last levels
 * (newest first, up to 3 used), the median of the peers of the same job and
 * seniority (their year since the hire), the person's share of the team
 * objective, and the ramp-up factor. The suggestion is the mean of what is
 * known among {the latest own level, the peers' median, the team share},
 * times the factor, rounded to 2 significant digits (1,000 for 38,333);
 * for a decrease the same. has_value false when nothing is known. */
struct suggest_input {
	const double *own;      /* newest first */
	size_t nown;
	bool has_peers;
	double peers_median;
	int peers_n, peers_year; /* how many, and their year of seniority (1: first) */
	bool has_team;
	double team_share;
	bool has_ramp;
	double ramp;            /* 0..: the plan's factor */
	int ramp_month;         /* 1-based */
	const char *unit;       /* "€", "%", "appels"... */
};
struct suggestion {
	bool has_value;
	double value;
};
void suggest_target(const struct suggest_input *in, struct suggestion *out);
/* The reasoning in words, in lang: "vos trois derniers mois : 34, 38,
 * 40 k€ ; pairs en 2e année : médiane 36 k€ ; part de l'équipe : 39 k€ →
 * proposé 38 k€". period_word: "mois", "trimestres"... as given in lang. */
void suggest_reasoning(const struct suggest_input *in, const struct suggestion *s,
		       const char *period, enum lang lang, struct buf *out);
/* A figure as people read it: 38 000 € as "38 k€", 1 250 000 € as
 * "1,25 M€" (fr) / "1.25 M€" (en); other units with their label. */
void share_figure(double x, const char *unit, enum lang lang, struct buf *out);

#endif
