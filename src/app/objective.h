/* Objectives and check-ins as use cases (app/usecase.h): create, change and
 * cancel an objective with the cascade's rules (a level that fits under the
 * parent's, no cancelled parent, no cycle), check in, read one, its chain up
 * to the ambition, its SMART verdict; a unit's dashboard. The JSON API
 * (src/http/api_objectives.c, api_checkins.c, api_measure.c), the pages
 * (src/web/page_form.c, page_objectives.c, page_team.c) and the CLI call these
 * and only render. An objective the caller may not read is 404 not_found, as
 * if it did not exist; one they may read but not change is 403 forbidden. */
#ifndef CIBLE_APP_OBJECTIVE_H
#define CIBLE_APP_OBJECTIVE_H
#include <jansson.h>
#include <stdint.h>
#include "app/measure.h"
#include "app/usecase.h"
#include "core/smart.h"

/* The fields an objective_input gives (set): on create the others take their
 * defaults, on update they keep their stored value. */
enum objective_field {
	OF_PARENT = 1u << 0, OF_AXIS = 1u << 1, OF_LEVEL = 1u << 2,
	OF_OWNER_PERSON = 1u << 3, OF_OWNER_UNIT = 1u << 4, OF_TITLE = 1u << 5,
	OF_WHAT = 1u << 6, OF_WHO = 1u << 7, OF_WHERE = 1u << 8, OF_WHY = 1u << 9,
	OF_HOW = 1u << 10, OF_INDICATOR = 1u << 11, OF_UNIT = 1u << 12,
	OF_DIRECTION = 1u << 13, OF_BASELINE = 1u << 14, OF_TARGET = 1u << 15,
	OF_START = 1u << 16, OF_DUE = 1u << 17, OF_WEIGHT = 1u << 18,
	OF_BUDGET = 1u << 19, OF_TIME_HOURS = 1u << 20, OF_SUPPORT = 1u << 21,
	OF_PLAN = 1u << 22, OF_SKILLS = 1u << 23, OF_STATUS = 1u << 24,
	OF_CONFIDENCE = 1u << 25,
};

/* The versions a writer saw (HTTP If-Match): a change is made only if the
 * stored objective is at one of them, else 412 stale_version naming the
 * current one (no change is written over one its writer never saw). on 0:
 * no condition; on with n 0: none can match (a weak or foreign tag). */
#define VERSION_MATCH_MAX 8
struct version_match {
	bool on;
	size_t n;
	int64_t v[VERSION_MATCH_MAX];
};

/* What a person gives to create or change an objective, typed; the values
 * of the fields in `set` only. Validation names the fields as the API does
 * (parent_id, owner_unit_id, means.budget, plan[2].title...). */
struct objective_input {
	uint32_t set;                       /* OF_* */
	id_t64 parent_id, axis_id;          /* 0: none */
	id_t64 owner_person_id, owner_unit_id;  /* 0: none */
	enum level level;
	enum direction direction;
	enum status status;
	const char *title, *what, *who, *where, *why, *how;  /* NULL: none */
	const char *indicator, *unit;       /* an indicator's key, the target's unit */
	bool has_baseline, has_target;
	double baseline, target;
	day_t start, due;                   /* DAY_NONE: none */
	double weight;                      /* above 0, at most 1000 */
	bool has_budget, has_time_hours;    /* false: none (null) */
	double budget, time_hours;          /* 0 or more */
	const char *support;
	/* the action plan and the skills as the API stores and shows them: a JSON
	 * array of {title, due, done} steps (100 at most), of strings (50 at
	 * most, 200 characters each); checked here */
	const char *plan_json, *skills_json;
	bool has_confidence;
	double confidence;                  /* 0 to 1 */
	/* a change's written reason (PATCH only): required to close an objective
	 * before its due date or against its measured outcome; kept in the
	 * audit, and with the round a change of an agreed objective opens */
	const char *reason;
	struct version_match if_match;      /* update only */
};

/* A new objective: defaults (a unit owner makes it collective, else
 * individual, when no level is given), every check, the caller's right to
 * set it, one transaction with its audit entry. */
int app_objective_create(struct app *a, const struct objective_input *in, struct objective *out,
			 struct err *e);
/* The same inside a transaction the caller runs (app_tx): a use case that
 * creates objectives with its own writes (a share-out's drafts, a review's). */
int app_objective_create_tx(struct app *a, const struct objective_input *in,
			    struct objective *out, struct err *e);
/* Changes objective id: the fields in in->set, the status change allowed
 * (invalid_status_change otherwise), the same checks as create; only if it
 * is at a version of in->if_match (412 stale_version otherwise: the version
 * read and the one written are in one transaction, and the store writes over
 * that version only). The negotiation's locks (app/negotiation.h): while a
 * round is open, its target, dates, indicator, means and status are the
 * round's (409 in_negotiation); on an agreed objective, a change of them (or
 * the status back to "proposed") opens a new round with the change as its
 * offer and the agreed version stays. Closing as achieved or missed follows
 * the outcome measured at the due date: before it, or against it, only with a
 * written reason (422 close_early, close_against_outcome naming "reason"), by
 * a manager of its scope (403), audited as "close". */
int app_objective_update(struct app *a, id_t64 id, const struct objective_input *in,
			 struct objective *out, struct err *e);
/* The input's fields onto o, each value checked alone (the names of the
 * API: means.budget, plan[2].title...): what a negotiation's move offers. */
int app_objective_apply(const struct objective_input *in, struct objective *o, struct err *e);
/* Cancels objective id (audited as "cancel"), if it is at a version of
 * if_match (NULL: any). */
int app_objective_cancel(struct app *a, id_t64 id, const struct version_match *if_match,
			 struct objective *out, struct err *e);
/* An objective the caller may read; 404 not_found otherwise. */
int app_objective_get(struct app *a, id_t64 id, struct objective *out, struct err *e);
/* A draft being typed, for the live SMART check: the input's values over an
 * empty objective, checked for shape and range (not completeness), with the
 * owner's unit resolved when it can be. */
int app_objective_draft(struct app *a, const struct objective_input *in, struct objective *out,
			struct err *e);

/* The chain above o, nearest parent first (up[0] is o's parent), and the axis
 * it serves: the one named highest in the chain, else o's own (0: none).
 * Shown whole to whoever may read o: why an objective exists is no secret. */
#define APP_CHAIN_MAX 1000
int app_objective_chain(struct app *a, const struct objective *o, struct objective **up,
			size_t *n, id_t64 *axis, struct err *e);

/* The SMART verdict of o on a's day as the API renders it: {score, criteria:
 * {specific: {verdict, reasons: [{code, verdict, message, suggestion}]}...},
 * questions: [...]} in lang. */
json_t *app_smart_json(const struct smart_result *r, enum lang lang);
json_t *app_objective_smart(struct app *a, const struct objective *o);
/* The same, asking which indicator `unknown` (the words a title gives for an
 * indicator no one knows) means, when not NULL. */
json_t *app_objective_smart_asking(struct app *a, const struct objective *o, const char *unknown);

/* The objective's document as the API returns it and the audit keeps it. */
json_t *app_objective_json(const struct objective *o);

/* A check-in by the caller on objective id: its owner's or a manager's
 * (access_checkin_write), not on a cancelled objective, a comment of 1 to
 * 2000 characters, a confidence "" (unsaid) or on_track, at_risk, off_track;
 * kept with the measured value and attainment of the moment, in one
 * transaction with its audit entry. */
struct checkin_input {
	const char *comment;
	const char *confidence;  /* a name as the API spells it; NULL or "": unsaid */
	/* what stands in the way, what comes next: NULL or "": unsaid; 2000
	 * characters each at most */
	const char *blockers, *next_steps;
	/* the indicator's value, given by hand: only on an objective whose
	 * indicator is not measured from activity (422 naming "value" otherwise);
	 * kept with its attainment against baseline and target */
	bool has_value;
	double value;
};
int app_checkin_create(struct app *a, id_t64 objective, const struct checkin_input *in,
		       struct checkin *out, struct err *e);
/* The check-ins of an objective the caller may read, newest first. */
int app_checkin_list(struct app *a, id_t64 objective, size_t limit, size_t offset,
		     struct checkin **v, size_t *n, size_t *total, struct err *e);
json_t *app_checkin_json(const struct checkin *c);

/* A unit's dashboard: everyone in its subtree with their individual
 * objectives, and the subtree's collective objectives, each measured on
 * a's day (a->clock.today) by `bucket` with its last check-in; cancelled objectives and those
 * the caller may not read are left out. from/to (DAY_NONE: open) keep the
 * objectives whose period meets [from, to]. access_unit_dashboard decides. */
struct dash_item {
	const struct objective *o;
	const struct measured *m;
	const struct checkin *last;   /* id 0: none */
};
struct dash_member {
	const struct person *p;
	struct dash_item *items;      /* their objectives, by id */
	size_t n;
};
struct unit_dashboard {
	struct unit unit;
	day_t today;
	struct dash_item *all;        /* every objective shown, by id */
	size_t nall;
	struct dash_member *members;  /* as the store lists the people */
	size_t nmembers;
	struct dash_item *collective; /* owned by a unit */
	size_t ncollective;
	size_t members_total;         /* everyone in the subtree, paged or not */
};
/* limit 0: everyone in the subtree and all its collective objectives. A
 * limit pages the members (offset, limit: in person id order, only their
 * objectives measured) and keeps the collective objectives of the unit and
 * the units right under it, each of which has its own dashboard: what a
 * first screen of a big unit shows. */
struct dashboard_query {
	id_t64 unit;
	day_t from, to;
	enum bucket bucket;
	size_t limit, offset;
	bool fresh;  /* every result computed, none of the kept ones read (admin) */
};
int app_unit_dashboard(struct app *a, const struct dashboard_query *q, struct unit_dashboard *out,
		       struct err *e);

#endif
