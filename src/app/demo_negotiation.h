/* The demo organisation's negotiations: on the draft and proposed individual
 * objectives, each team's lead and its members negotiate through the same
 * use cases as the API (checked, audited), acting as themselves on days
 * before the demo's: one in three agreed after a counter-proposal on the
 * means then on the target, one waiting for the manager's answer to a
 * means counter-proposal, one waiting for the member's answer to a
 * proposal. Nothing random: the rest of the demo is unchanged. */
#ifndef CIBLE_APP_DEMO_NEGOTIATION_H
#define CIBLE_APP_DEMO_NEGOTIATION_H
#include "app/usecase.h"

struct demo_negotiations {
	int agreed, open;
};
int app_demo_negotiations(struct app *a, struct demo_negotiations *out, struct err *e);

#endif
