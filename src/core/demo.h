/* A deterministic generator of a realistic demo organisation: a French
 * energy retailer with a sales direction and a customer-relations (call
 * centre) service, their teams, people with French names, strategic axes and
 * objectives cascaded from the ambition down to individuals. The same seed
 * and sizes give the same organisation; sizes scale to 10,000 people for
 * benchmarks. Entities go out through a sink (parents before children), which
 * hands back the id each one got, so any store can take them. */
#ifndef CIBLE_DEMO_H
#define CIBLE_DEMO_H
#include <stdint.h>
#include "core/arena.h"
#include "core/indicator.h"
#include "core/model.h"

struct demo_options {
	uint64_t seed;
	int people;       /* total head count, at least 12 */
	int team_size;    /* people per team, lead included (8..15) */
	day_t today;      /* objectives cover today's quarter and year */
	const char *domain;  /* email domain */
	int calls_per_day;   /* an agent's calls a working day (0: no activity) */
};

/* One activity record of the demo (a call, a sale, a deal), tied to a person. */
struct demo_record {
	id_t64 person;
	const char *kind;
	char source_id[40];
	int64_t at;                  /* unix seconds */
	const char *const *names;    /* field names */
	const struct ival *vals;
	int n;
};
void demo_options_default(struct demo_options *o, day_t today);

/* Each callback returns 0, or -1 to stop the generation (its error is the
 * sink's to keep). */
struct demo_sink {
	void *ctx;
	int (*org)(void *ctx, const struct org *o, id_t64 *id);
	int (*unit)(void *ctx, const struct unit *u, id_t64 *id);
	int (*person)(void *ctx, const struct person *p, id_t64 *id);
	int (*unit_lead)(void *ctx, id_t64 unit, id_t64 person);
	int (*axis)(void *ctx, const struct axis *x, id_t64 *id);
	int (*objective)(void *ctx, const struct objective *o, id_t64 *id);
	/* activity from the start of the year to today; NULL: none */
	int (*activity)(void *ctx, const struct demo_record *r);
	/* check-ins on individual objectives, in the weeks before today; NULL: none */
	int (*checkin)(void *ctx, const struct checkin *c);
	/* an objective emitted before, changed (o->id set): a parent's target
	 * and title once its children are known, so that the targets add up
	 * from the ambition down; NULL: none */
	int (*objective_update)(void *ctx, const struct objective *o);
};

/* Logins worth showing: one per role and place. */
struct demo_login {
	const char *email, *what;  /* what: "admin — direction générale"... */
};
struct demo_result {
	int people, units, objectives;
	struct demo_login logins[8];
	int nlogins;
};

int demo_generate(const struct demo_options *opt, const struct demo_sink *sink,
		  struct arena *a, struct demo_result *res);

#endif
