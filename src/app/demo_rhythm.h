/* The demo organisation's rhythm (cible demo, issue 11 item 6): the sales
 * team checks in every two weeks (the rest weekly, the default, so that
 * whoever has not checked in for a while shows as late), feedback threads
 * both ways in the sales team and on the call-centre floor (one answered,
 * one still open, one closed), and for each of those pairs a past
 * one-to-one with notes and actions (one done, one not) and an upcoming one
 * whose agenda brings the open action back. Made through the use cases, as
 * the people themselves (app_act_as), on the demo's day; nothing random. */
#ifndef CIBLE_APP_DEMO_RHYTHM_H
#define CIBLE_APP_DEMO_RHYTHM_H
#include "app/usecase.h"

struct demo_rhythm {
	int feedback, one_to_ones, late;
};
int app_demo_rhythm(struct app *a, struct demo_rhythm *out, struct err *e);

#endif
