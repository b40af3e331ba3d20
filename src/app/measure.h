/* Measurement: activity records turned into indicator values, and objectives
 * into progress. Shared by the API, the pages and the CLI.
 *
 * New records update per-day states (measure_batch), their person's and
 * those of every unit above them, in the same transaction that stores them;
 * an objective's value over its period is the merge of its owner's states (a
 * person's, or a unit's for a collective objective), so reading progress
 * never scans records (except for distinct() and percentile(), which need
 * the values). */
#ifndef CIBLE_APP_MEASURE_H
#define CIBLE_APP_MEASURE_H
#include <jansson.h>
#include "core/indicator.h"
#include "core/progress.h"
#include "store/store.h"

struct mind {
	struct indicator_row row;
	struct indicator prog;
	bool ok;  /* the expression compiles */
};

/* The organisation's indicators, compiled. */
int measure_indicators(struct store *s, id_t64 org, struct arena *a, struct mind **out,
		       size_t *n, struct err *e);
const struct mind *measure_find(const struct mind *v, size_t n, const char *key);

/* A batch of new records: states gathered in memory, merged into the store
 * by measure_batch_flush (and whenever the batch grows large). */
struct measure_batch;
/* States go to each record's person and to every unit above them (org's). */
struct measure_batch *measure_batch_new(struct store *s, id_t64 org, const struct mind *inds,
				       size_t n);
/* The kind and field names of the records that follow (measure_batch_add). */
void measure_batch_fields(struct measure_batch *b, const char *kind, const char *const *names,
			  size_t n);
int measure_batch_add(struct measure_batch *b, id_t64 person, day_t day,
		      const struct ival *vals, struct err *e);
/* A record whose fields are a JSON object. */
int measure_batch_add_json(struct measure_batch *b, const char *kind, id_t64 person, day_t day,
			   json_t *fields, struct err *e);
int measure_batch_flush(struct measure_batch *b, struct err *e);
void measure_batch_free(struct measure_batch *b);
/* The people whose states the batch moved so far, ascending (in a). */
void measure_batch_people(const struct measure_batch *b, struct arena *a, struct ids *out);

/* Recomputes the states of one indicator from the stored records (after it
 * is created or its expression changes). Inside a transaction. */
int measure_backfill(struct store *s, id_t64 org, const struct mind *m, struct err *e);

/* A value over records: the indicator for people (NULL: everyone) and days
 * [from, to]. *n counts the records or states read. */
int measure_value(struct store *s, id_t64 org, const struct mind *m, const struct ids *people,
		  day_t from, day_t to, double *value, struct err *e);

enum bucket { B_DAY, B_WEEK, B_MONTH };
int bucket_parse(const char *s);  /* "day", "week", "month"; -1 otherwise */

struct series_point {
	day_t start;        /* first day of the bucket */
	double value;       /* the indicator over the bucket (NaN: nothing to measure) */
	double to_date;     /* the indicator from the period's start to the bucket's end */
};

struct measured {
	const struct mind *ind;  /* NULL: the objective's indicator is not one of the org's */
	bool has_value;
	double value;            /* over [start, min(today, due)] */
	bool has_progress;
	struct progress p;
	struct series_point *series;
	size_t nseries;
	double rollup;           /* weighted attainment of the children; < 0: none */
	int nchildren;
};

/* An objective's progress: owner's records (a unit's whole subtree) over its
 * period, pace, status, forecast, the series by bucket, and the roll-up of
 * its children (measured the same way, one level down). */
int measure_objective(struct store *s, const struct org *org, const struct objective *o,
		      day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		      struct arena *a, struct measured *out, struct err *e);

/* Many objectives at once (a dashboard, everyone's): each measured once,
 * and the roll-up taken from the children's results among v (children not
 * in v do not count). out has n elements. */
int measure_many(struct store *s, const struct org *org, const struct objective *v, size_t n,
		 day_t today, enum bucket bk, const struct mind *inds, size_t ninds,
		 struct arena *a, struct measured *out, struct err *e);

/* measure_many in its two steps: each objective alone (rollup -1), then
 * the roll-up of each from its children's results among v. */
int measure_many_alone(struct store *s, const struct org *org, const struct objective *v,
		       size_t n, day_t today, enum bucket bk, const struct mind *inds,
		       size_t ninds, struct arena *a, struct measured *out, struct err *e);
void measure_rollups(const struct objective *v, size_t n, struct arena *a, struct measured *out);

/* The people an objective is measured on: its person, or everyone in its
 * unit's subtree. */
/* The indicator over [from, to] for o's owner: a person, or everyone under
 * a unit (read from the unit's own states when the indicator merges). */
int measure_owner_value(struct store *s, const struct objective *o, const struct mind *m,
			day_t from, day_t to, struct arena *a, double *value, struct err *e);
int measure_people(struct store *s, const struct objective *o, struct arena *a,
		   struct ids *out, struct err *e);

/* The progress of o as the API returns it: value, attainment, pace,
 * status, forecast, days left, the series, the roll-up. Numbers that
 * cannot be known are null. */
json_t *measured_json(const struct objective *o, const struct measured *m, enum lang lang);

#endif
