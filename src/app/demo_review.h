/* The demo organisation's reviews (cible demo, issue 12 item 1): the sales
 * rep's 2026 yearly review written by both sides, submitted and signed, and
 * a call-centre agent's fourth-quarter review still being written (the
 * agent's self-assessment drafted, not submitted). Made through the use
 * cases, as the people themselves (app_act_as), on the demo's day. */
#ifndef CIBLE_APP_DEMO_REVIEW_H
#define CIBLE_APP_DEMO_REVIEW_H
#include "app/usecase.h"

struct demo_reviews {
	int signed_, in_progress;
};
int app_demo_reviews(struct app *a, struct demo_reviews *out, struct err *e);

#endif
