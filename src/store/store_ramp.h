/* Ramp-up plans (migration 0012): one per job of an organisation, unique by
 * (org, job); steps kept as a JSON array of percents. */
#ifndef CIBLE_STORE_RAMP_H
#define CIBLE_STORE_RAMP_H
#include "core/share.h"
#include "store/store.h"

/* Creates or replaces the plan of p->job; *id: its id. */
int store_ramp_put(struct store *s, const struct ramp_plan *p, id_t64 *id, struct err *e);
/* The organisation's plans, by job. */
int store_ramp_list(struct store *s, id_t64 org, struct arena *a, struct ramp_plan **out,
		    size_t *n, struct err *e);
int store_ramp_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		   struct ramp_plan *out, struct err *e);
int store_ramp_delete(struct store *s, id_t64 org, id_t64 id, struct err *e);
#endif
