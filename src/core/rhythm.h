/* The rhythm objectives live by (issue 11): check-in cadences and when the
 * next check-in is due, and who may read what two people say to each other
 * (feedback, one-to-ones). Pure: the day and the data are arguments.
 *
 * Cadence: weekly (the default when nothing is set), every two weeks
 * (biweekly), monthly (the same day of the next month, the month's last day
 * when it is shorter). The setting nearest the objective wins: the
 * objective's own, its owner's, the owner's unit or the nearest unit above
 * that has one, the organisation's.
 *
 * Feedback and one-to-ones are private to their two people: the two, hr
 * (who reads everything and changes nothing), and an admin only when the
 * organisation's setting admins_read_feedback says so. Anyone else is
 * answered 404, as if it did not exist. */
#ifndef CIBLE_RHYTHM_H
#define CIBLE_RHYTHM_H
#include <stdbool.h>
#include "core/access.h"
#include "core/date.h"

enum cadence { CAD_WEEKLY, CAD_BIWEEKLY, CAD_MONTHLY, CAD__COUNT };
const char *cadence_name(enum cadence c);
int cadence_parse(const char *s);           /* -1 when not one of the names */
#define CADENCE_NAMES "weekly, biweekly or monthly"
/* The day a check-in is due after one made on day. */
day_t cadence_next(day_t day, enum cadence c);

enum cadence_scope { CS_ORG, CS_UNIT, CS_PERSON, CS_OBJECTIVE, CS__COUNT };
const char *cadence_scope_name(enum cadence_scope s);
int cadence_scope_parse(const char *s);
#define CADENCE_SCOPES "org, unit, person or objective"

/* One stored setting. */
struct cadence_setting {
	enum cadence_scope scope;
	id_t64 scope_id;     /* 0 for the organisation */
	enum cadence every;
};
/* The cadence of an objective: its own setting, its owner's, the nearest
 * unit of chain (the owner's unit first, then up to the company) that has
 * one, the organisation's, else weekly. *from says which scope decided
 * (CS__COUNT: the default). */
enum cadence cadence_resolve(const struct cadence_setting *v, size_t n, id_t64 objective,
			     id_t64 person, const id_t64 *chain, size_t nchain,
			     enum cadence_scope *from);

/* Where an objective stands in its rhythm on today: due is the day after
 * the last check-in by its owner (DAY_NONE: none) by the cadence, or, with
 * none, the cadence's first period after the objective's start (its
 * creation day without a start). Late when today is past due. An objective
 * not started yet, past its due date, or closed asks for no check-in
 * (expected false). */
struct rhythm_state {
	bool expected;
	day_t last, due;
	bool late;
	int days_late;
};
void rhythm_state_of(day_t today, day_t start, day_t end, day_t created, day_t last,
		     enum cadence c, struct rhythm_state *out);

/* A private exchange between a and b (feedback, a one-to-one): read by the
 * two, hr, an admin when the organisation lets admins read them. */
bool access_private_read(const struct principal *p, id_t64 a, id_t64 b, bool admins_read);

#endif
