/* The domain model of the objective cascade: organisation, units, people,
 * strategic axes and objectives, with their enumerations and the validation
 * rules that need no database (dates, directions, ranges). Identifiers are
 * int64 row ids; 0 means "none". Strings belong to whoever allocated the
 * struct (normally a request arena). */
#ifndef CIBLE_MODEL_H
#define CIBLE_MODEL_H
#include <stdbool.h>
#include <stdint.h>
#include "core/date.h"
#include "core/err.h"

typedef int64_t id_t64;

enum role { ROLE_ADMIN, ROLE_MANAGER, ROLE_MEMBER, ROLE_HR, ROLE__COUNT };
enum unit_kind { UNIT_COMPANY, UNIT_DIRECTION, UNIT_SERVICE, UNIT_TEAM, UNIT_KIND__COUNT };
enum service_type { SERVICE_NONE, SERVICE_SALES, SERVICE_CALL_CENTRE, SERVICE_SUPPORT,
		    SERVICE_MARKETING, SERVICE_OTHER, SERVICE__COUNT };
enum level { LEVEL_STRATEGIC, LEVEL_OPERATIONAL, LEVEL_COLLECTIVE, LEVEL_INDIVIDUAL,
	     LEVEL__COUNT };
enum direction { DIR_INCREASE, DIR_DECREASE, DIR_REACH, DIR_STAY_ABOVE, DIR_STAY_BELOW,
		 DIR__COUNT };
enum status { ST_DRAFT, ST_PROPOSED, ST_AGREED, ST_ACHIEVED, ST_MISSED, ST_CANCELLED,
	      ST__COUNT };
/* how sure a check-in's author is that the objective will land */
enum confidence { CONF_NONE, CONF_ON_TRACK, CONF_AT_RISK, CONF_OFF_TRACK, CONF__COUNT };

/* Enum <-> stable API string ("call_centre", "stay_above"...). Parsing returns
 * -1 for an unknown string. */
const char *role_name(enum role r);
int role_parse(const char *s);
const char *unit_kind_name(enum unit_kind k);
int unit_kind_parse(const char *s);
const char *service_type_name(enum service_type s);
int service_type_parse(const char *s);
const char *level_name(enum level l);
int level_parse(const char *s);
const char *direction_name(enum direction d);
int direction_parse(const char *s);
const char *status_name(enum status s);
int status_parse(const char *s);
const char *confidence_name(enum confidence c);  /* CONF_NONE: NULL */
int confidence_parse(const char *s);             /* "on_track"... */

struct org {
	id_t64 id;
	const char *name, *locale, *currency, *ambition;
	unsigned working_days;  /* bit 0 = Monday ... bit 6 = Sunday */
	const char *time_zone;  /* an IANA name ("Europe/Paris"); NULL: that one */
	bool admins_read_feedback;  /* admins read feedback and one-to-ones too */
};

struct unit {
	id_t64 id, org_id, parent_id, lead_id;
	const char *name;
	enum unit_kind kind;
	enum service_type service;
};

struct person {
	id_t64 id, org_id, unit_id, manager_id;
	const char *name, *email, *job;
	enum role role;
	day_t hired_on;   /* DAY_NONE when unknown */
	bool active;
};

struct axis {
	id_t64 id, org_id;
	const char *title, *description;
	int position;
};

struct objective {
	id_t64 id, org_id;
	id_t64 parent_id;        /* parent objective, or 0 */
	id_t64 axis_id;          /* strategic axis, or 0 (at least one of the two) */
	enum level level;
	id_t64 owner_person_id;  /* exactly one of owner_person_id / owner_unit_id */
	id_t64 owner_unit_id;
	const char *title;       /* the statement as one sentence */
	const char *what, *who, *where_, *why, *how;
	const char *indicator;   /* indicator key or free phrase */
	const char *unit_label;  /* "%", "€", "calls", "s"... */
	enum direction direction;
	double baseline, target;
	bool has_baseline, has_target;
	/* a draft's change said in its title with no baseline to make it a
	 * target ("de 10 %", "by 3 points"): judged, never stored */
	bool has_change;
	double change;
	day_t start, due;        /* DAY_NONE when unset */
	double weight;           /* relative weight among siblings, > 0 */
	double means_budget;     /* money, in the org currency; < 0 = unset */
	double means_time_hours; /* < 0 = unset */
	const char *means_support;
	const char *plan_json;   /* JSON array of steps {"title","due","done"} */
	const char *skills_json; /* JSON array of strings */
	enum status status;
	double confidence;       /* 0..1, < 0 = unset */
	int64_t created_at, updated_at;  /* unix seconds */
	id_t64 created_by, updated_by;
	id_t64 scope_unit_id;    /* derived: the owner unit, or the owner person's unit */
	int64_t version;         /* 1 when made, +1 at every change: the ETag */
};

/* A check-in on an objective: its owner's or a manager's word on where it
 * stands, with the measured value and attainment of that moment. */
#define CHECKIN_COMMENT_MAX 2000
struct checkin {
	id_t64 id, org_id, objective_id, author_id;
	const char *author_name;   /* read back with the check-in */
	enum confidence confidence;
	const char *comment;
	const char *blockers, *next_steps;  /* NULL: none said */
	bool has_value, has_attainment;
	bool manual;               /* the value was given by hand (no measured indicator) */
	double value, attainment;
	int64_t created_at;        /* unix seconds */
};

void objective_init(struct objective *o);  /* every field "unset" */

/* Checks what needs no database: dates, owner, link, direction vs target,
 * ranges. 0 when valid; else fills *e (status 422 or 400) and returns -1. */
int objective_validate(const struct objective *o, struct err *e);

/* Status changes a manager may make: draft -> proposed -> agreed -> achieved
 * or missed; any non-final -> cancelled; agreed -> proposed to renegotiate. */
bool status_transition_allowed(enum status from, enum status to);

/* Levels a child may have under a parent of the given level: a strategic
 * objective holds operational ones, operational holds collective or
 * individual ones, collective holds individual ones. */
bool level_child_allowed(enum level parent, enum level child);

/* A working-days mask from "mon,tue,wed,thu,fri"; -1 on an unknown name. */
int working_days_parse(const char *s, unsigned *mask);
void working_days_format(unsigned mask, struct buf *out);

/* Plausible shapes of what people type, checked by every surface (through
 * src/app): an e-mail address (one @, a dot after it, no space or <>",
 * 254 characters at most); an indicator's key (1 to 40 of a-z, 0-9, _);
 * an activity kind (1 to 32 of a-z, 0-9, _: call, sale, ticket...). */
bool email_plausible(const char *s);
bool indicator_key_ok(const char *s);
bool activity_kind_ok(const char *s);

#endif
