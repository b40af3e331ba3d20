/* Negotiating an objective, as use cases (app/usecase.h; the rules in words
 * are core/negotiation.h's).
 *
 * A manager of the objective's scope (or its owner, for an objective they
 * proposed themselves) opens a round on a draft: a proposal of the target,
 * dates, indicator and means, with the bounds the target may move in. The
 * parties answer in turn: a counter-proposal of the means first, then, if
 * still needed, of a target within the bounds, each with a reason; or an
 * acceptance of the other side's offer, which records the agreement (both
 * names, the day, the terms) and locks target, dates, indicator and means.
 * While the first round is open the objective holds the offer on the table
 * (status "proposed"); once agreed, a change of a locked field (PATCH, or a
 * party's new proposal) opens a new round and the agreed version stays in
 * force on the objective until the new offer is accepted. Every move is
 * audited with the objective.
 *
 * The objective must be readable (404 otherwise); a reader who is not a
 * party gets 403. */
#ifndef CIBLE_APP_NEGOTIATION_H
#define CIBLE_APP_NEGOTIATION_H
#include <jansson.h>
#include "app/objective.h"
#include "app/usecase.h"
#include "core/negotiation.h"
#include "store/store_negotiation.h"

/* A move: its kind ("proposal" on an agreed objective opens a reopening),
 * the terms it offers in `terms` (a partial objective_input: OF_TARGET,
 * OF_START, OF_DUE, OF_INDICATOR, OF_BUDGET, OF_TIME_HOURS, OF_SUPPORT, OF_PLAN;
 * what is not given keeps the offer's), the bounds (a proposal's only) and
 * the reason (required for a counter-proposal, 2000 characters at most). */
struct round_input {
	enum move_kind kind;
	struct objective_input terms;
	struct bounds_input bounds;
	const char *reason;
};

/* The sum of the targets under the team objective (the objective's parent),
 * for its managers while they negotiate: the agreed ones, and the proposed
 * ones at the offer on the table. */
struct nego_totals {
	bool shown;
	struct objective parent;
	double agreed, proposed;
	int nagreed, nproposed, ndraft;
};

struct negotiation {
	struct objective o;
	struct move *moves;           /* in order */
	size_t n;
	struct nego_state state;
	struct agreement *agreements; /* oldest first */
	size_t nagreements;
	id_t64 owner_party;           /* the person on the owner's side; 0: none */
	const char *owner_party_name;
	enum side me;                 /* the caller's side */
	unsigned next;                /* bit (1 << kind): the moves the caller may make now */
	bool has_agreed;              /* the agreed version in force: */
	struct terms agreed;          /* the objective's terms when agreed or reopened */
	struct nego_totals totals;
};

int app_negotiation_get(struct app *a, id_t64 objective, struct negotiation *out,
			struct err *e);
/* One move by the caller; the negotiation after it. */
int app_round_add(struct app *a, id_t64 objective, const struct round_input *in,
		  struct negotiation *out, struct err *e);
/* The same move inside a transaction the caller runs (a share-out's
 * proposals). */
int app_round_add_tx(struct app *a, id_t64 objective, const struct round_input *in,
		     struct err *e);
json_t *app_negotiation_json(const struct negotiation *n);
json_t *app_terms_json(const struct terms *t);

/* For the objective's PATCH (inside its transaction): a stored objective's
 * open round (0: none), and a reopening of an agreed objective by a->me with
 * the terms `proposed` (the agreed version stays on the objective). */
int app_negotiation_open(struct app *a, const struct objective *o, bool *open, struct err *e);
int app_negotiation_reopen(struct app *a, const struct objective *stored,
			   const struct terms *proposed, const char *reason, struct err *e);

#endif
