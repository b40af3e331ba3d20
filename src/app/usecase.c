/* The use-case layer's clock, transaction and audit helpers (usecase.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/usecase.h"

struct app_clock app_clock_now(void)
{
	struct app_clock c;
	c.now = (int64_t)time(NULL);
	c.today = (day_t)(c.now / 86400);
	const char *env = getenv("CIBLE_TODAY");
	day_t d;
	int hh, mm, ss, len = 0;
	char day[11];
	/* YYYY-MM-DDTHH:MM:SSZ: that very instant (tests around midnight) */
	if (env && strlen(env) == 20 && sscanf(env, "%10[0-9-]T%2d:%2d:%2dZ%n", day, &hh, &mm, &ss, &len) == 4 &&
	    len == 20 && !date_parse_iso(day, &d) && hh >= 0 && hh < 24 && mm >= 0 && mm < 60 &&
	    ss >= 0 && ss < 60) {
		c.today = d;
		c.now = (int64_t)d * 86400 + hh * 3600 + mm * 60 + ss;
	} else if (env && *env && !date_parse_iso(env, &d))
		c = app_clock_on(c, d);
	return c;
}

struct app_clock app_clock_on(struct app_clock c, day_t today)
{
	int64_t tod = c.now % 86400;
	if (tod < 0)
		tod += 86400;
	c.today = today;
	c.now = (int64_t)today * 86400 + tod;
	return c;
}

void app_system(struct app *a, struct store *s, id_t64 org, struct arena *arena)
{
	memset(a, 0, sizeof(*a));
	a->store = s;
	a->me.org_id = org;
	a->me.role = ROLE_ADMIN;
	a->clock = app_clock_now();
	a->lang = LANG_FR;
	a->arena = arena;
	a->client = "cli";
}

static void ids_to_set(const struct ids *in, struct idset *out)
{
	out->v = in->v;
	out->n = in->n;
}

int app_principal_load(struct store *s, id_t64 org, id_t64 person, struct arena *arena,
		       struct principal *me, struct err *e)
{
	struct person p;
	if (store_person_get(s, org, person, arena, &p, e))
		return -1;
	memset(me, 0, sizeof(*me));
	me->org_id = org;
	me->person_id = person;
	me->unit_id = p.unit_id;
	me->role = p.role;
	struct ids managed = { NULL, 0 }, chain = { NULL, 0 }, above = { NULL, 0 };
	if (p.role == ROLE_MANAGER &&  /* an admin's rules need no unit set */
	    store_units_managed(s, org, person, arena, &managed, e))
		return -1;
	if (p.unit_id && store_unit_chain(s, org, p.unit_id, arena, &chain, e))
		return -1;
	if (p.role != ROLE_ADMIN && p.role != ROLE_HR &&
	    store_objective_ancestors_of_owned(s, org, person, &chain, arena, &above, e))
		return -1;
	ids_to_set(&managed, &me->managed);
	ids_to_set(&chain, &me->chain);
	ids_to_set(&above, &me->above);
	return 0;
}

/* A transaction the database could not serialise (PostgreSQL's 40001, a
 * deadlock, a lost connection: the store's 503 class) is run again from
 * its start after a short random wait; fn must be one that can run twice
 * (it reads, decides and writes inside the transaction). A conflict is run
 * again up to TX_ATTEMPTS times: 32 writers on one row under PostgreSQL's
 * SERIALIZABLE each lose several rounds before their turn (one commits per
 * round), and a 503 for that would be the engine's fault, not the
 * client's. A lost connection only a few times: an outage should be said
 * quickly (503 with Retry-After), not waited out in the request. */
#define TX_ATTEMPTS 16
#define TX_ATTEMPTS_AWAY 5

static int retryable(const struct err *e, int attempt)
{
	if (e->status != 503 || !e->code)
		return 0;
	if (!strcmp(e->code, "database_busy"))
		return attempt + 1 < TX_ATTEMPTS;
	return !strcmp(e->code, "database_unreachable") && attempt + 1 < TX_ATTEMPTS_AWAY;
}

/* a random wait in [w/2, 3w/2), w doubling from 4 ms to at most 128 ms */
static void backoff(int attempt)
{
	static _Thread_local unsigned seed;
	if (!seed)
		seed = (unsigned)time(NULL) ^ (unsigned)(uintptr_t)&seed;
	long w = attempt < 6 ? 4L << (attempt - 1) : 128;
	long ms = w / 2 + rand_r(&seed) % w;
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

int app_tx(struct app *a, int (*fn)(struct app *a, void *arg, struct err *e), void *arg,
	   struct err *e)
{
	for (int attempt = 0;; attempt++) {
		if (attempt)
			backoff(attempt);
		err_clear(e);
		if (store_begin(a->store, e))
			goto failed;
		if (fn(a, arg, e)) {
			store_rollback(a->store);
			goto failed;
		}
		if (store_commit(a->store, e)) {
			store_rollback(a->store);
			goto failed;
		}
		return 0;
failed:
		if (!retryable(e, attempt))
			return -1;
	}
}

int app_audit(struct app *a, const char *entity, id_t64 id, const char *action,
	      json_t *before, json_t *after, struct err *e)
{
	char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *x = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	int rc = -1;
	if ((before && !b) || (after && !x))
		err_set(e, 500, "internal", NULL, "audit", NULL);
	else
		rc = store_audit_add(a->store, a->me.org_id, a->me.person_id, entity, id, action,
				     b, x, e);
	free(b);
	free(x);
	json_decref(before);
	json_decref(after);
	return rc;
}
