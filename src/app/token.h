/* API tokens and passwords set by an administrator: the use cases the API
 * (POST /api/tokens, DELETE /api/tokens/{id}), the admin page and `cible
 * user token|passwd` share. A token is a person's: one makes one's own; the
 * system (the CLI, app_system) makes one for anyone of its organisation. The
 * secret is shown once (out->token) and only its hash is stored. */
#ifndef CIBLE_APP_TOKEN_H
#define CIBLE_APP_TOKEN_H
#include "app/usecase.h"

struct token_made {
	id_t64 id;
	const char *name;
	char token[80];
};
/* person 0: a->me's own. 422 invalid_value "name" unless 1 to 100 characters. */
int app_token_create(struct app *a, id_t64 person, const char *name, struct token_made *out,
		     struct err *e);
/* One of a->me's tokens; 404 when there is no such token of theirs. */
int app_token_revoke(struct app *a, id_t64 id, struct err *e);
/* A new password for a person of the organisation, by the system (`cible
 * user passwd`): 403 for anyone else; 422 weak_password. */
int app_password_reset(struct app *a, id_t64 person, const char *password, struct err *e);

#endif
