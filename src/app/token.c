/* API tokens and passwords set by an administrator (token.h). */
#include <string.h>
#include "app/secret.h"
#include "app/org.h"
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

struct token_revoke {
	id_t64 id, person;  /* person 0: any of the organisation's */
};

static int token_revoke_tx(struct app *a, void *arg, struct err *e)
{
	struct token_revoke *w = arg;
	if (store_token_revoke(a->store, a->me.org_id, w->person, w->id, e))
		return -1;
	return app_audit(a, "token", w->id, "revoke", NULL, NULL, e);
}

int app_token_revoke(struct app *a, id_t64 id, struct err *e)
{
	/* an admin ends any token of the organisation; others their own */
	struct token_revoke w = { id, a->me.role == ROLE_ADMIN ? 0 : a->me.person_id };
	return app_tx(a, token_revoke_tx, &w, e);
}

int app_password_set(struct app *a, id_t64 person, const char *password, struct err *e)
{
	if (!is_system(a))
		return err_set(e, 403, "password_not_yours", "password", NULL, NULL);
	struct person_input in;
	memset(&in, 0, sizeof(in));
	in.set = PERSON_PASSWORD;
	in.password = password;
	struct person p;
	return app_person_update(a, person, &in, &p, e);
}

/* ---- reset links ---- */

struct reset_write {
	id_t64 person;
	struct reset_link *out;
	char hash[65];
	const char *password;
};

static int reset_link_tx(struct app *a, void *arg, struct err *e)
{
	struct reset_write *w = arg;
	struct person p;
	if (store_person_get(a->store, a->me.org_id, w->person, a->arena, &p, e))
		return -1;
	if (!p.active)
		return err_set(e, 409, "person_inactive", "email", NULL, NULL);
	w->out->email = p.email;
	if (store_reset_create(a->store, w->hash, a->me.org_id, p.id, a->clock.now,
			       w->out->expires_at, e))
		return -1;
	return app_audit(a, "person", p.id, "reset_link", NULL,
			 json_pack("{s:I}", "expires_at", (json_int_t)w->out->expires_at), e);
}

int app_reset_link(struct app *a, id_t64 person, struct reset_link *out, struct err *e)
{
	if (!is_system(a))
		return err_set(e, 403, "forbidden", NULL, "make a password reset link", NULL);
	memset(out, 0, sizeof(*out));
	out->expires_at = a->clock.now + RESET_SECONDS;
	struct reset_write w = { person, out, { 0 }, NULL };
	auth_new_secret("rst_", out->token, sizeof(out->token));
	auth_token_hash(out->token, w.hash);
	return app_tx(a, reset_link_tx, &w, e);
}

static int reset_use_tx(struct app *a, void *arg, struct err *e)
{
	struct reset_write *w = arg;
	id_t64 org, person;
	if (store_reset_take(a->store, w->hash, a->clock.now, &org, &person, e))
		return -1;
	/* the link's holder acts as the person it was made for */
	a->me.org_id = org;
	a->me.person_id = person;
	a->session = NULL;
	struct person p;
	if (store_person_get(a->store, org, person, a->arena, &p, e))
		return -1;
	if (!p.active)
		return err_set(e, 410, "reset_link_invalid", "token", NULL, NULL);
	if (store_person_set_password(a->store, org, person, w->password, e) ||
	    app_audit(a, "person", person, "password_reset", NULL, NULL, e))
		return -1;
	return app_person_revoke_access(a, person, e);
}

int app_reset_use(struct app *a, const char *token, const char *password, struct err *e)
{
	if (!token || !token[0] || strlen(token) > 200)
		return err_set(e, 410, "reset_link_invalid", "token", NULL, NULL);
	if (!password)
		return err_set(e, 422, "missing_field", "password", "password", NULL);
	char hash[128];
	if (auth_hash_password(password, hash, e))
		return -1;
	struct reset_write w = { 0, NULL, { 0 }, hash };
	auth_token_hash(token, w.hash);
	/* the principal is the link's person inside the transaction only */
	struct app in = *a;
	return app_tx(&in, reset_use_tx, &w, e);
}
