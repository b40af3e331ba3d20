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
/* One of a->me's tokens, or for an admin any token of the organisation; 404
 * when there is no such token (another organisation's included). */
int app_token_revoke(struct app *a, id_t64 id, struct err *e);
/* A new password for a person of the organisation, by the system (`cible
 * user passwd`), through app_person_update (sessions and tokens revoked):
 * 403 password_not_yours for anyone else; 422 weak_password. */
int app_password_set(struct app *a, id_t64 person, const char *password, struct err *e);

/* Single-use password reset links: made by the system (`cible user reset`)
 * for an active person, valid RESET_SECONDS; only the hash of the secret is
 * stored. Used by anyone holding it (the page /reset, POST
 * /api/password-reset): the password is set, every session and token of the
 * person revoked, the link spent; 410 reset_link_invalid for a used, expired
 * or unknown one. */
#define RESET_SECONDS (24 * 3600)
struct reset_link {
	char token[80];
	int64_t expires_at;
	const char *email;
};
int app_reset_link(struct app *a, id_t64 person, struct reset_link *out, struct err *e);
int app_reset_use(struct app *a, const char *token, const char *password, struct err *e);

#endif
