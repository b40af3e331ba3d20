/* The store's part for kept objective results (migration 0026; see
 * store.h for the conventions: 0 or -1 with *e, org-scoped, arena
 * strings). What a row means and when it is current: src/app/result.c. */
#ifndef CIBLE_STORE_RESULT_H
#define CIBLE_STORE_RESULT_H
#include <stdbool.h>
#include "store/store.h"

struct result_row {
	id_t64 objective;
	day_t day;             /* the day it was computed for */
	int64_t version;       /* the objective's version then */
	int64_t gen;           /* the organisation's generation then */
	double value;          /* NaN: none */
	bool progress;         /* the progress fields below are known */
	double attainment, expected, expected_working, forecast, forecast_attainment;
	int days_left;
	const char *status;    /* pstatus_name */
	const char *series;    /* "start value to_date;" per bucket of a month */
};

/* The organisation's generation and the day every row was last rebuilt for
 * (DAY_NONE: not since the last bump); *exists false when nothing was ever
 * kept. */
int store_result_org(struct store *s, id_t64 org, bool *exists, int64_t *gen, day_t *kept_on,
		     struct err *e);
int store_result_org_set(struct store *s, id_t64 org, int64_t gen, day_t kept_on,
			 struct err *e);
/* Writes (or replaces) the rows of these objectives. */
int store_results_put(struct store *s, id_t64 org, const struct result_row *rows, size_t n,
		      struct err *e);
/* The rows of the objectives ids kept for day under gen, by objective id. */
int store_results_get(struct store *s, id_t64 org, const struct ids *ids, day_t day,
		      int64_t gen, struct arena *a, struct result_row **out, size_t *n,
		      struct err *e);
/* Drops the rows not kept for day under gen (objectives removed, an older
 * day or generation). */
int store_results_purge(struct store *s, id_t64 org, day_t day, int64_t gen, struct err *e);

#endif
