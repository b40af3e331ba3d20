/* Negotiation of an objective, the pure rules (no I/O): who is a party, the
 * bounds of a round, and which move may come next.
 *
 * A round opens with a proposal (on a draft) or a reopening (on an agreed
 * objective): the terms on the table (target, dates, indicator, means) and
 * the bounds the target may move in, absolute or as shares of the proposed
 * target (90 % to 110 %), fixed before anyone answers. The parties are two
 * sides: the owner's (the person who owns the objective, or the lead of the
 * unit that owns it) and the manager's (a manager of the objective's scope,
 * an admin). Each move is made by one side: a counter-proposal of the means
 * (budget, time, support, plan), then, if still needed, of a target within
 * the bounds (means first: a target counter comes only after a means counter
 * in the same round), each with a reason; or an acceptance of the other
 * side's offer, which closes the round with an agreement. The author of an
 * offer stands by it: one acceptance by the other side makes both. A side
 * may amend its own offer before the other answers. */
#ifndef CIBLE_NEGOTIATION_H
#define CIBLE_NEGOTIATION_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/access.h"
#include "core/err.h"
#include "core/model.h"

enum move_kind { MV_PROPOSAL, MV_REOPEN, MV_COUNTER_MEANS, MV_COUNTER_TARGET, MV_ACCEPT,
		 MV__COUNT };
enum side { SIDE_NONE, SIDE_OWNER, SIDE_MANAGER };
const char *move_kind_name(enum move_kind k);
int move_kind_parse(const char *s);   /* -1: unknown */
const char *side_name(enum side s);   /* SIDE_NONE: NULL */
int side_parse(const char *s);

/* What is on the table: the fields an agreement locks. */
struct terms {
	bool has_target;
	double target;
	day_t start, due;              /* DAY_NONE: none */
	const char *indicator;         /* NULL: none */
	double budget, time_hours;     /* < 0: none */
	const char *support;           /* NULL: none */
	const char *plan_json;         /* JSON array of steps; NULL: [] */
};
/* The terms an objective holds now. */
void terms_of(const struct objective *o, struct terms *t);
/* Which locked fields differ (bits: the OF_* of app/objective.h are not
 * known here, so TF_*). */
enum terms_field { TF_TARGET = 1, TF_START = 2, TF_DUE = 4, TF_INDICATOR = 8, TF_BUDGET = 16,
		   TF_TIME_HOURS = 32, TF_SUPPORT = 64, TF_PLAN = 128,
		   TF_MEANS = TF_BUDGET | TF_TIME_HOURS | TF_SUPPORT | TF_PLAN };
unsigned terms_diff(const struct terms *a, const struct terms *b);

/* One move of the thread, as stored. */
struct move {
	id_t64 id, org_id, objective_id;
	int round, seq;
	enum move_kind kind;
	enum side side;
	id_t64 author_id;              /* 0: the system */
	const char *author_name;       /* read back with the move */
	struct terms t;                /* the offer on the table after the move */
	double low, high;              /* the round's bounds */
	bool has_pct;
	double pct_low, pct_high;
	const char *reason;
	int64_t created_at;
};

/* The bounds of a round as asked: a share of the proposed target (percent,
 * e.g. 90 and 110) or absolute figures. */
struct bounds_input {
	bool given;
	bool pct;
	double low, high;
};
/* Absolute bounds for a proposal of target, checked: shares from 0 to 1000 %
 * with low <= 100 <= high, absolute ones finite with low <= target <= high
 * (422 invalid_value naming bounds.low or bounds.high otherwise). */
int bounds_resolve(const struct bounds_input *in, double target, double *low, double *high,
		   struct err *e);
/* A target within [low, high]: 422 out_of_bounds on field `field` naming the
 * bound it passes otherwise. */
int bounds_check(double target, double low, double high, const char *field, struct err *e);
/* The bounds of a reopening proposing `target`, from the previous round's:
 * shares re-applied to the new target; absolute bounds kept, widened to take
 * the new target in; none before: the target alone. */
void bounds_carry(const struct move *prev, double target, double *low, double *high);

/* Where an objective's thread stands. */
struct nego_state {
	int round;                     /* the last round's number; 0: none yet */
	int seq;                       /* its last move's */
	bool open;                     /* a round waits for an answer */
	const struct move *offer;      /* the open round's offer (its last offer), or NULL */
	const struct move *first;      /* the open round's first move */
	bool means_countered;          /* a means counter was made in the open round */
	const struct move *last;       /* the thread's last move, or NULL */
};
/* v: the moves in order (round, seq). */
void nego_state_of(const struct move *v, size_t n, struct nego_state *s);

/* The side of p in o's negotiation: owner_party is the person on the
 * owner's side (o's owner, or the lead of its unit; 0: none). */
enum side negotiation_side(const struct principal *p, const struct objective *o,
			   id_t64 owner_party);

/* Whether `side` may make a move of kind k now (0), else *e: 409
 * round_open (a proposal while a round is open), no_open_round, already_agreed
 * (an acceptance with nothing open on an agreed objective), own_offer (accepting
 * one's own side's offer), means_first; 422 invalid_status_change for a proposal
 * on an objective that is neither a draft nor agreed; 403 forbidden for an
 * owner opening the first round of an objective they did not propose. */
int nego_move_check(const struct nego_state *s, enum status st, enum move_kind k, enum side side,
		    bool self_proposed, struct err *e);

#endif
