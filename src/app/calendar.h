/* A calendar feed per person (issue 14, item 5): an iCalendar (RFC 5545)
 * document at a secret address, /api/calendar/<token>.ics, that a calendar
 * application subscribes to: the person's due dates, the check-ins they owe
 * (the rhythm of core/rhythm.c) and their one-to-ones, each event with a UID
 * that stays the same from one fetch to the next (objective-12-due@org-1.cible,
 * objective-12-checkin@..., one-to-one-3@...), so that a calendar updates an
 * event instead of adding it twice. Only the token's hash is stored: the
 * address is shown once, when made; making another replaces it (the old one
 * answers 404), revoking removes it (404 too).
 *
 * Who: one makes one's own feed (nobody may learn another's secret);
 * one reads the state of, and revokes, one's own, and an admin anyone's in
 * their organisation. A person one may not read is 404; one readable but not
 * one's own, 403. Audited as "calendar_feed" (entity id: the person), never
 * with the token. */
#ifndef CIBLE_APP_CALENDAR_H
#define CIBLE_APP_CALENDAR_H
#include <stdbool.h>
#include "app/usecase.h"
#include "core/buf.h"

struct calendar_feed_info {
	bool active;
	int64_t created_at;   /* 0 when none */
	char token[80];       /* app_calendar_feed_make only: the secret, once */
	char path[128];       /* its address: /api/calendar/<token>.ics */
};
int app_calendar_feed_get(struct app *a, id_t64 person, struct calendar_feed_info *out,
			  struct err *e);
/* makes the feed, or a new address for it (the old one stops answering) */
int app_calendar_feed_make(struct app *a, id_t64 person, struct calendar_feed_info *out,
			   struct err *e);
int app_calendar_feed_revoke(struct app *a, id_t64 person, struct err *e);

/* The feed a token opens (404 for an unknown or revoked one, or a person who
 * left), as its person sees things on clock's day, in the organisation's
 * language, appended to out. arena holds what it reads. */
int app_calendar_ics(struct store *s, const char *token, struct app_clock clock,
		     struct arena *arena, struct buf *out, struct err *e);

#endif
