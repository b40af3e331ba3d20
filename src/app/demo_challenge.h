/* The demo organisation's challenges (cible demo): an individual one in the
 * call centre (first-contact resolution and handling time, attainment of
 * one's own target, two leagues by seniority), a team one in sales (revenue,
 * teams compared on their members' attainment), and last month's call-centre
 * challenge, closed, so that winners and badges are there from the start.
 * Made through the same use cases as the API (checked, audited); nothing
 * random, so the rest of the demo is unchanged. */
#ifndef CIBLE_APP_DEMO_CHALLENGE_H
#define CIBLE_APP_DEMO_CHALLENGE_H
#include "app/usecase.h"

struct demo_challenges {
	int challenges, badges;
};
int app_demo_challenges(struct app *a, struct demo_challenges *out, struct err *e);

#endif
