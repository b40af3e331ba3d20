/* Negotiation rounds and agreements (migration 0011): moves are only added,
 * in order (round, seq), one unique index on (org, objective, round, seq), so
 * that two answers to the same offer cannot both land; an agreement is kept
 * per round (unique too: agreeing twice cannot write twice). */
#ifndef CIBLE_STORE_NEGOTIATION_H
#define CIBLE_STORE_NEGOTIATION_H
#include "core/negotiation.h"
#include "store/store.h"

struct agreement {
	id_t64 id, org_id, objective_id;
	int round;
	id_t64 owner_id, manager_id;       /* 0: none (the system) */
	const char *owner_name, *manager_name;
	day_t agreed_on;
	int64_t agreed_at;
	const char *terms_json;            /* the locked terms */
};

int store_move_add(struct store *s, const struct move *m, id_t64 *id, struct err *e);
/* An objective's moves, in order, with their authors' names. */
int store_move_list(struct store *s, id_t64 org, id_t64 objective, struct arena *a,
		    struct move **out, size_t *n, struct err *e);
int store_agreement_add(struct store *s, const struct agreement *g, id_t64 *id, struct err *e);
/* An objective's agreements, oldest first. */
int store_agreement_list(struct store *s, id_t64 org, id_t64 objective, struct arena *a,
			 struct agreement **out, size_t *n, struct err *e);
#endif
