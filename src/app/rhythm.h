/* The check-in rhythm as use cases (core/rhythm.h has the rules): the
 * cadence settings, when each person's next check-in is due and who is
 * late, on the organisation's day (its time zone). Adapters: the JSON API
 * (src/http/api_rhythm.c: /api/cadences, the dashboards, /api/alerts), the
 * pages (src/web/page_rhythm.c, page_team.c). */
#ifndef CIBLE_APP_RHYTHM_H
#define CIBLE_APP_RHYTHM_H
#include <jansson.h>
#include "app/usecase.h"
#include "core/rhythm.h"

/* Whether name is a time zone the system knows ("UTC", or a file under
 * /usr/share/zoneinfo named with letters, digits, _ + - and /). */
bool app_time_zone_ok(const char *name);
/* The day of unix time t in time zone tz (NULL: Europe/Paris). */
day_t app_local_day(const char *tz, int64_t t);
/* The local time of day of unix time t in time zone tz (NULL: Europe/Paris). */
void app_local_time(const char *tz, int64_t t, int *hour, int *minute, int *second);
/* Called once by main before any thread: the process's TZ is set (to UTC
 * when unset) so that app_local_day's later changes replace it in place. */
void app_tz_init(void);

/* Set (every given) or remove (every NULL) the cadence of a scope: the
 * organisation (an admin), a unit (an admin or a manager of it), a person
 * (an admin or a manager of their unit), an objective (an admin or a
 * manager of its scope). every is weekly, biweekly or monthly; 422 naming
 * "every", "scope" or "scope_id" otherwise; audited as "cadence". */
struct cadence_input {
	const char *scope;
	id_t64 scope_id;      /* 0 for the organisation */
	const char *every;    /* NULL: back to the inherited cadence */
};
int app_cadence_set(struct app *a, const struct cadence_input *in, struct err *e);
int app_cadence_list(struct app *a, struct cadence_setting **v, size_t *n, struct err *e);
json_t *app_cadence_json(const struct cadence_setting *c);

/* Each person's rhythm on the organisation's day: for each of their open
 * individual objectives (draft, proposed or agreed, within its period) the
 * cadence that applies and when the owner's next check-in is due; the
 * person's next due day is the earliest, and they are late when it has
 * passed. */
struct objective_rhythm {
	id_t64 objective_id;
	const char *title;
	enum cadence cadence;
	enum cadence_scope from;     /* CS__COUNT: the default */
	struct rhythm_state st;
};
struct person_rhythm {
	const struct person *p;
	day_t today, last, next_due; /* DAY_NONE: none */
	bool late;
	int days_late;
	struct objective_rhythm *objectives;
	size_t n, nlate;
};
int app_rhythm_people(struct app *a, const struct person *people, size_t n,
		      struct person_rhythm *out, struct err *e);
json_t *app_rhythm_json(const struct person_rhythm *r);

/* The people the caller may see (access_person_read) who are late, the
 * latest first: /api/alerts' late_checkin items and the late list page. */
int app_late_checkins(struct app *a, struct person_rhythm **v, size_t *n, struct err *e);
/* The alert for a late person, in the caller's language: {kind:
 * "late_checkin", person_id, name, last_checkin, next_due, days_late,
 * late_objectives, message, suggestion}. */
json_t *app_late_alert_json(const struct app *a, const struct person_rhythm *r);

#endif
