/* The use-case layer's common ground: what every operation of src/app takes
 * and how it runs. One function per operation (create an objective, check in,
 * add a person, import, log in...):
 *
 *   int app_objective_create(struct app *a, const struct objective_input *in,
 *                            struct objective *out, struct err *e);
 *
 * takes a typed input (no JSON, no form: adapters parse), validates it, decides
 * access (core/access.c) for a->me, writes through the store and the audit trail
 * (before and after) in ONE transaction (app_tx), and returns 0 with a typed
 * result (allocated from a->arena) or -1 with *e set — an error code of the
 * catalog (core/err.c) that the adapter renders in the user's language.
 *
 * Adapters (src/http JSON handlers, src/web pages, src/cli commands) build a
 * struct app once per request or command (http: req_app(); cli: app_cli()),
 * parse their input, call the use case, render its result. They never call
 * each other and never hold a business rule.
 *
 * How to add a use case: a function in src/app/<resource>.c declared in
 * src/app/<resource>.h, with its input struct; validation with field names as
 * the API spells them; access through core/access; writes and app_audit() in
 * the function passed to app_tx(); a unit or API test for each rule. */
#ifndef CIBLE_APP_USECASE_H
#define CIBLE_APP_USECASE_H
#include <jansson.h>
#include <stdint.h>
#include "core/access.h"
#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/msg.h"
#include "store/store.h"

/* The one clock. Every computation that needs "now" or "today" takes them
 * from here, through struct app: $CIBLE_TODAY=YYYY-MM-DD (demos, tests)
 * moves both — today is that day, now is that day at the real time of day —
 * or neither; $CIBLE_TODAY=YYYY-MM-DDTHH:MM:SSZ sets now to that very instant
 * (UTC), and today to its day. */
struct app_clock {
	int64_t now;   /* unix seconds, UTC */
	day_t today;   /* the day of now (UTC) */
};
struct app_clock app_clock_now(void);
/* A given day (e.g. an API's ?today= or the CLI's --today) keeping now's
 * time of day. */
struct app_clock app_clock_on(struct app_clock c, day_t today);

struct app {
	struct store *store;
	struct principal me;        /* who acts; person_id 0: the system (CLI) */
	struct app_clock clock;
	enum lang lang;             /* the language of what is rendered */
	struct arena *arena;        /* results live here, as long as the arena */
	const char *client;         /* an address, "cli"...: for logs and limits */
	const char *session;        /* the hash of the session asking, if any: the one
				     * a change of one's own password keeps */
};

/* The CLI acts as the system: an admin principal of org with no person, so
 * that the same validation, access and audit run as for the API. */
void app_system(struct app *a, struct store *s, id_t64 org, struct arena *arena);

/* The principal of a person of org as they log in (their role, the units
 * they manage, their unit's chain, the objectives above theirs), for the
 * server's sessions and for the demo, which acts as its people. */
int app_principal_load(struct store *s, id_t64 org, id_t64 person, struct arena *arena,
		       struct principal *out, struct err *e);
/* a acts from now on as person of its organisation: what the demo does. */
static inline int app_act_as(struct app *a, id_t64 person, struct err *e)
{
	return app_principal_load(a->store, a->me.org_id, person, a->arena, &a->me, e);
}

/* Runs fn in one store transaction: BEGIN, fn, COMMIT, or ROLLBACK when fn or
 * the commit fails (then *e says why and nothing is written). */
int app_tx(struct app *a, int (*fn)(struct app *a, void *arg, struct err *e), void *arg,
	   struct err *e);
/* Records a change by a->me in the audit trail; takes the references to
 * before and after (either may be NULL). Inside app_tx. */
int app_audit(struct app *a, const char *entity, id_t64 id, const char *action,
	      json_t *before, json_t *after, struct err *e);

#endif
