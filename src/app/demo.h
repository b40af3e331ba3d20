/* The demo organisation written into a store (cible demo): the generated
 * company (src/core/demo.c) stored in one transaction with its audit entry,
 * then its challenges, negotiations, check-in rhythm, ramp-up plans and
 * reviews through their own use cases, as the system on the demo's day. */
#ifndef CIBLE_APP_DEMO_H
#define CIBLE_APP_DEMO_H
#include "app/demo_challenge.h"
#include "app/demo_negotiation.h"
#include "app/demo_review.h"
#include "app/demo_rhythm.h"
#include "app/usecase.h"
#include "core/demo.h"

struct demo_made {
	struct demo_result res;   /* people, units, objectives, the logins to show */
	long records, checkins;
	struct demo_challenges challenges;
	struct demo_negotiations negotiations;
	struct demo_rhythm rhythm;
	struct demo_reviews reviews;
};

/* s: an empty, migrated store; password: every demo login's; the arena holds
 * out's texts. */
int app_demo_create(struct store *s, const struct demo_options *opt, struct app_clock clock,
		    const char *password, struct arena *a, struct demo_made *out,
		    struct err *e);

#endif
