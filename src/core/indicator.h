/* Indicators: what an objective measures, as an expression over activity
 * records — `100 * share(resolved) where answered`, `sum(amount)`,
 * `avg(speed) where answered and topic = 'Payment'`. The language is written
 * for users in docs/indicators.md.
 *
 * An expression compiles to a fixed-size program (no allocation) whose
 * aggregates are "slots". Most slots are mergeable: their state is four
 * numbers (n, sum, min, max) that add up across records, days, people and
 * teams, so the store keeps one state per person and day and any period or
 * team is a merge of those. distinct() and percentile() need the values
 * themselves: they are computed from the records (see indicator_raw_*).
 *
 * Pure: no I/O; records come in as values indexed by the expression's fields. */
#ifndef CIBLE_INDICATOR_H
#define CIBLE_INDICATOR_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "core/err.h"

#define IND_MAX_NODES 96
#define IND_MAX_SLOTS 12
#define IND_MAX_FIELDS 16
#define IND_POOL 768
#define IND_MAX_LEN 2000  /* characters of source */

enum ival_type { IV_NULL, IV_NUM, IV_STR, IV_BOOL };
struct ival {
	enum ival_type type;
	double num;       /* IV_NUM; IV_BOOL as 0/1 */
	const char *str;  /* IV_STR, NUL-terminated */
};

struct ind_node {
	uint8_t op;
	int16_t a, b;      /* children (node indexes), -1 when none */
	int16_t field;     /* field index, or -1 */
	int16_t slot;      /* aggregate slot, or -1 */
	uint16_t str;      /* offset of a string literal in pool */
	double num;        /* number literal; percentile rank */
	int pos;           /* 1-based position in the source, for messages */
};

struct ind_slot {
	uint8_t agg;       /* enum in indicator.c */
	int16_t field;     /* -1 for count() and share() */
	int16_t where;     /* condition node, or -1 */
	int16_t hit;       /* share(): the condition counted, or -1 */
	double rank;       /* percentile: 0..100 */
};

struct indicator {
	struct ind_node node[IND_MAX_NODES];
	int nnodes, root;
	struct ind_slot slot[IND_MAX_SLOTS];
	int nslots;
	uint16_t field[IND_MAX_FIELDS];  /* offsets of field names in pool */
	int nfields;
	char pool[IND_POOL];
	int npool;
	bool cumulative;  /* a sum of counts and sums: adds up over time (run-rate forecast) */
	bool mergeable;   /* no distinct() or percentile() */
};

/* Compiles src. 0, or -1 with *e naming the position and the reason
 * (codes ind_* of the error catalog; e->arg[0] is the position). */
int indicator_parse(const char *src, struct indicator *ind, struct err *e);

/* The names of the fields the expression reads, in index order. */
const char *indicator_field(const struct indicator *ind, int i);
/* For each field of ind, its index in names[] or -1 (the value is then null). */
void indicator_bind(const struct indicator *ind, const char *const *names, size_t n, int *map);

/* Mergeable state: indicator_state_len() doubles. */
size_t indicator_state_len(const struct indicator *ind);
void indicator_state_init(const struct indicator *ind, double *st);
/* One record: rec[i] is the value of field i (indicator_field). */
void indicator_state_add(const struct indicator *ind, double *st, const struct ival *rec);
void indicator_state_merge(const struct indicator *ind, double *into, const double *from);
/* The indicator's value over what the state holds: NaN when undefined (an
 * average of no record, a share of nothing, a division by zero). For a
 * non-mergeable indicator use the raw evaluation below. */
double indicator_value(const struct indicator *ind, const double *st);

/* Raw evaluation, for every indicator (distinct and percentile included):
 * records added one by one, values kept. Free with indicator_raw_free. */
struct ind_raw {
	double *st;
	struct { double *v; size_t n, cap; } vals[IND_MAX_SLOTS];
};
void indicator_raw_init(const struct indicator *ind, struct ind_raw *r);
void indicator_raw_add(const struct indicator *ind, struct ind_raw *r, const struct ival *rec);
double indicator_raw_value(const struct indicator *ind, struct ind_raw *r);
void indicator_raw_free(struct ind_raw *r);

/* Ready-made indicators for call centres and sales, over the standard
 * field names of docs/indicators.md. The list ends with a NULL key. */
struct indicator_def {
	const char *key, *kind, *expr, *unit;
	const char *name_fr, *name_en;
};
extern const struct indicator_def indicator_catalog[];
const struct indicator_def *indicator_catalog_find(const char *key);

#endif
