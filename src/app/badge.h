/* Badges: recognition of individual and collective achievements, each
 * awarded once (kind, what it was for, who) with its reason and date kept.
 *   first_objective  a person's first objective achieved (attainment >= 1)
 *   four_weeks       an objective on track (or ahead) at the end of each of
 *                    four weeks in a row
 *   best_progress    the team member whose attainment grew most over the
 *                    previous month (ties: each of them)
 *   team_objective   a collective objective of a team achieved
 *   challenge_won    first of a challenge (or of its league) at the close
 * They are earned by the figures, in the write that moves them: activity
 * and imports award what their people's measures show, in their own
 * transaction (app_badges_award_tx), so no job has to run and a trophy case
 * is only read (a GET writes nothing). */
#ifndef CIBLE_APP_BADGE_H
#define CIBLE_APP_BADGE_H
#include <jansson.h>
#include "app/result.h"
#include "app/usecase.h"
#include "store/store_challenge.h"

/* Awards what is due to these people and units as of a->clock.today. */
int app_badges_award(struct app *a, const struct ids *people, const struct ids *units,
		     struct err *e);
/* The same inside the caller's transaction (activity, imports): for the
 * people a batch touched (ascending), their units and every unit above, as
 * the system (t: app_touched_load, after app_results_keep_tx). */
int app_badges_award_tx(struct app *a, const struct app_touched *t, struct err *e);
/* A person's trophy case (whoever may read the person). */
int app_badges_person(struct app *a, id_t64 person, struct badge_row **out, size_t *n,
		      struct err *e);
/* A unit's: its team badges and its members' (whoever may read the unit's
 * dashboard). */
int app_badges_unit(struct app *a, id_t64 unit, struct badge_row **out, size_t *n,
		    struct err *e);
/* A badge as the API shows it: its name and its reason in words. */
json_t *badge_json(const struct badge_row *b, enum lang lang);
/* The name and the reason in words (into out). */
const char *badge_name(const char *kind, enum lang lang);
void badge_reason(const struct badge_row *b, enum lang lang, struct buf *out);

/* A badge of kind (ref: what earned it) was just awarded to person: the
 * badge_earned event, in the award's transaction. */
int app_notify_badge(struct app *a, id_t64 person, const char *kind, const char *ref,
		     struct err *e);

#endif
