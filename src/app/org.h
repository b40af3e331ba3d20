/* The organisation's use cases: its settings, its first steps (init), its
 * units, its people and its strategic axes. Each is one function taking a
 * typed input (what an adapter parsed from JSON, a form or argv), running
 * every validation and the access decision, and writing the change and its
 * audit entry (before and after) in one transaction (usecase.h). Field names
 * in errors are the API's ("parent_id", "email"...).
 *
 * Inputs say which fields are given with a bit per field (`set`): a field
 * not given keeps its value (an update) or its default (a creation); a
 * given text field that is NULL is a JSON null (nullable fields only). */
#ifndef CIBLE_APP_ORG_H
#define CIBLE_APP_ORG_H
#include "app/usecase.h"

/* 403 forbidden (what: "change the organisation"...) unless a->me may
 * change the organisation's settings, axes and indicators. The adapters
 * that refuse before reading a body ask it first; the use cases ask again. */
int app_org_write_check(struct app *a, const char *what, struct err *e);

/* ---- the organisation ---- */

enum { ORG_NAME = 1, ORG_LOCALE = 2, ORG_CURRENCY = 4, ORG_AMBITION = 8, ORG_WORKING_DAYS = 16,
       ORG_TIME_ZONE = 32, ORG_ADMINS_READ_FEEDBACK = 64 };
struct org_input {
	unsigned set;
	const char *name, *locale, *currency, *ambition;
	const char *working_days;  /* "mon,tue,wed,thu,fri" */
	const char *time_zone;     /* an IANA name the system knows ("Europe/Paris", "UTC") */
	bool admins_read_feedback; /* admins read feedback and one-to-ones (hr always does) */
};
int app_org_update(struct app *a, const struct org_input *in, struct org *out, struct err *e);

/* A new organisation (`cible init`): the organisation, its company unit and
 * its first admin (who leads it), with the org's validation and the
 * person's (email, password), audited as "org init" with the three records
 * as after. a->me.org_id is set to the new organisation. */
struct org_init_input {
	struct org_input org;          /* name required; locale fr (default) or en */
	const char *admin_email, *admin_name, *admin_password;
};
struct org_init_result {
	struct org org;
	struct unit company;
	struct person admin;
};
int app_org_init(struct app *a, const struct org_init_input *in, struct org_init_result *out,
		 struct err *e);

/* ---- units ---- */

enum { UNIT_IN_NAME = 1, UNIT_IN_KIND = 2, UNIT_IN_SERVICE = 4, UNIT_IN_PARENT = 8,
       UNIT_IN_LEAD = 16 };
struct unit_input {
	unsigned set;
	const char *name;
	const char *kind;      /* company, direction, service or team (default team) */
	const char *service;   /* none, sales, call_centre, support, marketing or other */
	id_t64 parent_id, lead_id;  /* 0: none */
};
int app_unit_create(struct app *a, const struct unit_input *in, struct unit *out,
		    struct err *e);
int app_unit_update(struct app *a, id_t64 id, const struct unit_input *in, struct unit *out,
		    struct err *e);

/* ---- people ---- */

enum { PERSON_NAME = 1, PERSON_EMAIL = 2, PERSON_JOB = 4, PERSON_ROLE = 8, PERSON_UNIT = 16,
       PERSON_MANAGER = 32, PERSON_HIRED_ON = 64, PERSON_ACTIVE = 128, PERSON_PASSWORD = 256 };
struct person_input {
	unsigned set;
	const char *name, *email, *job;
	const char *role;       /* admin, manager, member (default) or hr */
	id_t64 unit_id, manager_id;  /* 0: none */
	const char *hired_on;   /* YYYY-MM-DD; NULL: unknown */
	bool active;            /* default true */
	const char *password;   /* 8 characters at least; NULL: none set */
	const char *current_password;  /* one's own change: the password it replaces */
};
int app_person_create(struct app *a, const struct person_input *in, struct person *out,
		      struct err *e);
/* A change of role, of active or of password revokes, in the same
 * transaction, every session and API token of the person (audited as
 * "revoke_access"), but the session making the change when the person is
 * a->me. A password is set only by the person themself, giving the current
 * one (403 bad_credentials "current_password"), or by the system (`cible user
 * passwd`); for anyone else 403 password_not_yours: others go through a reset
 * link (app_reset_link). */
int app_person_update(struct app *a, id_t64 id, const struct person_input *in,
		      struct person *out, struct err *e);
/* Inside a transaction: every session and token of person (of a->me's
 * organisation) ends, but a->session when person is a->me; audited. */
int app_person_revoke_access(struct app *a, id_t64 person, struct err *e);

/* ---- strategic axes ---- */

enum { AXIS_TITLE = 1, AXIS_DESCRIPTION = 2, AXIS_POSITION = 4 };
struct axis_input {
	unsigned set;
	const char *title, *description;
	int position;
};
int app_axis_create(struct app *a, const struct axis_input *in, struct axis *out,
		    struct err *e);
int app_axis_update(struct app *a, id_t64 id, const struct axis_input *in, struct axis *out,
		    struct err *e);

#endif
