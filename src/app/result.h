/* Every objective's result kept by the server (issue 17, item 2; migration
 * 0026): value, attainment, pace, status, forecast, days left and the
 * monthly series, as measure_many computes them, one row per objective for
 * the day they were computed for. The transactions that move measure states
 * recompute the rows of what they touch; readers take the rows that are
 * current and compute the rest. */
#ifndef CIBLE_APP_RESULT_H
#define CIBLE_APP_RESULT_H
#include "app/measure.h"
#include "app/usecase.h"

/* What a batch touched, read once for the writes that follow it in its
 * transaction (the kept results, the badges): the people whose states it
 * moved, their units and every unit above (ascending), the objectives these
 * people and units own (by id) and, once app_results_keep_tx has measured
 * them for today, their results (measured[i] is v[i]'s when has[i]; the
 * series by month, the roll-up not taken). */
struct app_touched {
	const struct ids *people;
	struct ids units;
	struct objective *v;
	size_t n;
	struct measured *measured;
	bool *has;
};
int app_touched_load(struct app *a, const struct ids *people, struct app_touched *t,
		     struct err *e);

/* Inside the transaction of a batch (an API batch, an import) of records of
 * kind, once its states are flushed: recomputes the results of the
 * objectives on that kind's indicators owned by the people the batch moved
 * or by their units and every unit above (t). When the rows are not all
 * kept for today under the organisation's generation (a new day, a person
 * or unit moved, an indicator redefined, nothing kept yet), every
 * objective's instead. */
int app_results_keep_tx(struct app *a, struct app_touched *t, const char *kind, struct err *e);
/* Inside the transaction that made or changed o (stored, at its new
 * version): its result kept for today, when the organisation's rows are
 * kept for today (otherwise they are all rebuilt by the next batch). */
int app_results_keep_one_tx(struct app *a, const struct objective *o, struct err *e);
/* Every objective's result computed and kept for today (`cible progress
 * --recompute`), in its own transaction; *n counts them. */
int app_results_rebuild(struct app *a, size_t *n, struct err *e);

/* measure_many, reading the kept rows that are current (for today, at the
 * objective's version and the organisation's generation) and computing the
 * others; only the monthly series are kept, another bucket computes all.
 * Writes nothing. */
int measure_kept(struct store *s, const struct org *org, const struct objective *v, size_t n,
		 day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		 struct arena *a, struct measured *out, struct err *e);

#endif
