/* Logging in (issue 16, defects 4 and 10): the use case behind POST /api/login
 * and the /login form, and lifting a login delay (`cible user unlock`).
 *
 * Failures are counted by email AND client address together: after
 * LOGIN_FREE_FAILURES failures of one email from one address, each further
 * try from there waits LOGIN_FIRST_WAIT seconds, doubled at every failure
 * (at most LOGIN_MAX_WAIT): 429 too_many_attempts with the seconds left.
 * Failures from another address, or for another email, change nothing for
 * this pair; a success clears the pair's failures.
 *
 * An email is unique within an organisation, not across them: when the
 * password matches the accounts of one email in several organisations and no
 * organisation was chosen, 409 choose_organisation lists the organisations
 * where it matched (and only those); in->org chooses. */
#ifndef CIBLE_APP_LOGIN_H
#define CIBLE_APP_LOGIN_H
#include "app/usecase.h"

#define LOGIN_SESSION_SECONDS (12 * 3600)
#define LOGIN_FREE_FAILURES 5
#define LOGIN_FIRST_WAIT 30
#define LOGIN_MAX_WAIT 3600
#define LOGIN_WINDOW 86400  /* failures older than this are forgotten */

struct login_input {
	const char *email, *password;
	id_t64 org;  /* 0: not chosen */
};
struct login_choice {
	id_t64 id;
	const char *name;
};
struct login_result {
	struct person person;
	char token[80], csrf[80];  /* the new session's secrets, for the cookie */
	int64_t retry_after;       /* 429: seconds to wait */
	struct login_choice *choices;  /* 409 choose_organisation: where it matched */
	size_t nchoices;
};
/* a->client is the address the failures are counted for. 401
 * bad_credentials, 429 too_many_attempts, 409 choose_organisation. */
int app_login(struct app *a, const struct login_input *in, struct login_result *out,
	      struct err *e);

/* The system, or an admin for an email of their organisation (404
 * otherwise), lifts every delay of email, from every address; audited in
 * a->me's organisation. *cleared: how many failures were forgotten. 403 for
 * anyone else. */
int app_login_unlock(struct app *a, const char *email, int64_t *cleared, struct err *e);

#endif
