/* API tokens and passwords set by an administrator (token.h). */
#include <string.h>
#include "app/secret.h"
#include "app/token.h"

/* The system: the CLI's principal, an admin who is nobody. */
static bool is_system(const struct app *a)
{
	return a->me.person_id == 0 && a->me.role == ROLE_ADMIN;
}

struct token_write {
	id_t64 person;
	struct token_made *out;
	char hash[65];
};

static int token_create_tx(struct app *a, void *arg, struct err *e)
{
	struct token_write *w = arg;
	if (store_token_create(a->store, a->me.org_id, w->person, w->out->name, w->hash,
			       a->clock.now, &w->out->id, e))
		return -1;
	return app_audit(a, "token", w->out->id, "create", NULL,
			 json_pack("{s:s}", "name", w->out->name), e);
}

int app_token_create(struct app *a, id_t64 person, const char *name, struct token_made *out,
		     struct err *e)
{
	if (!person)
		person = a->me.person_id;
	if (person != a->me.person_id && !is_system(a))
		return err_set(e, 403, "forbidden", NULL, "make a token for someone else", NULL);
	if (!person)
		return err_set(e, 422, "missing_field", "person", "person", NULL);
	if (!name || !name[0] || strlen(name) > 100)
		return err_set(e, 422, "invalid_value", "name", "name", "1 to 100 characters");
	memset(out, 0, sizeof(*out));
	out->name = name;
	struct token_write w = { person, out, { 0 } };
	auth_new_secret("cbl_", out->token, sizeof(out->token));
	auth_token_hash(out->token, w.hash);
	return app_tx(a, token_create_tx, &w, e);
}

static int token_revoke_tx(struct app *a, void *arg, struct err *e)
{
	id_t64 id = *(id_t64 *)arg;
	if (store_token_revoke(a->store, a->me.org_id, a->me.person_id, id, e))
		return -1;
	return app_audit(a, "token", id, "revoke", NULL, NULL, e);
}

int app_token_revoke(struct app *a, id_t64 id, struct err *e)
{
	return app_tx(a, token_revoke_tx, &id, e);
}

struct password_write {
	id_t64 person;
	char hash[128];
};

static int password_tx(struct app *a, void *arg, struct err *e)
{
	struct password_write *w = arg;
	if (store_person_set_password(a->store, a->me.org_id, w->person, w->hash, e))
		return -1;
	return app_audit(a, "person", w->person, "password", NULL, NULL, e);
}

int app_password_reset(struct app *a, id_t64 person, const char *password, struct err *e)
{
	if (!is_system(a))
		return err_set(e, 403, "forbidden", NULL, "set someone else's password", NULL);
	struct password_write w = { person, { 0 } };
	if (auth_hash_password(password, w.hash, e))
		return -1;
	return app_tx(a, password_tx, &w, e);
}
