/* Logging in (login.h). */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include "app/login.h"
#include "app/secret.h"

/* A hash to verify against when the email is unknown, so that a wrong email
 * costs the same argon2id time as a wrong password and answers reveal
 * nothing about who has an account. */
static char dummy_hash[crypto_pwhash_STRBYTES];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void dummy_init(void)
{
	unsigned char raw[16];
	char pw[33];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(pw, sizeof(pw), raw, sizeof(raw));
	if (crypto_pwhash_str_alg(dummy_hash, pw, strlen(pw), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13))
		dummy_hash[0] = '\0';
}

/* Seconds the pair must still wait, 0 when it may try. */
static int login_wait(struct app *a, const char *email, const char *address, int64_t *wait,
		      struct err *e)
{
	int64_t n = 0, last = 0;
	*wait = 0;
	if (store_login_failures_since(a->store, email, address, a->clock.now - LOGIN_WINDOW, &n,
				       &last, e))
		return -1;
	if (n < LOGIN_FREE_FAILURES)
		return 0;
	int64_t w = LOGIN_FIRST_WAIT;
	for (int64_t k = LOGIN_FREE_FAILURES; k < n && w < LOGIN_MAX_WAIT; k++)
		w *= 2;
	if (w > LOGIN_MAX_WAIT)
		w = LOGIN_MAX_WAIT;
	*wait = last + w - a->clock.now;
	if (*wait < 0)
		*wait = 0;
	return 0;
}

struct attempt {
	const char *email, *address;
	int ok;
	struct login_result *out;
};

static int attempt_tx(struct app *a, void *arg, struct err *e)
{
	struct attempt *w = arg;
	if (store_login_attempt(a->store, w->email, w->address, a->clock.now, w->ok, e))
		return -1;
	if (!w->ok)
		return 0;
	char th[65];
	auth_token_hash(w->out->token, th);
	return store_session_create(a->store, th, w->out->person.org_id, w->out->person.id,
				    w->out->csrf, a->clock.now,
				    a->clock.now + LOGIN_SESSION_SECONDS, e);
}

int app_login(struct app *a, const struct login_input *in, struct login_result *out,
	      struct err *e)
{
	memset(out, 0, sizeof(*out));
	const char *address = a->client ? a->client : "?";
	if (!in->email || !in->email[0] || strlen(in->email) > 320)
		return err_set(e, 401, "bad_credentials", NULL, NULL, NULL);
	if (login_wait(a, in->email, address, &out->retry_after, e))
		return -1;
	if (out->retry_after > 0) {
		char s[24];
		snprintf(s, sizeof(s), "%lld", (long long)out->retry_after);
		return err_set(e, 429, "too_many_attempts", NULL, s, NULL);
	}
	struct person_login *v;
	size_t n;
	if (store_people_by_email(a->store, in->email, a->arena, &v, &n, e))
		return -1;
	size_t matched = 0, tried = 0, first = 0;
	out->choices = arena_alloc(a->arena, (n ? n : 1) * sizeof(*out->choices));
	for (size_t i = 0; i < n; i++) {
		if (in->org && v[i].p.org_id != in->org)
			continue;
		if (!v[i].p.active || !v[i].password_hash)
			continue;
		tried++;
		if (secret_password_check(v[i].password_hash, in->password))
			continue;
		if (!matched++)
			first = i;
		out->choices[out->nchoices].id = v[i].p.org_id;
		out->choices[out->nchoices].name = "";
		struct org o;
		struct err ignored;
		if (!store_org_get(a->store, v[i].p.org_id, a->arena, &o, &ignored))
			out->choices[out->nchoices].name = o.name;
		out->nchoices++;
	}
	if (!tried) {
		pthread_once(&dummy_once, dummy_init);
		if (dummy_hash[0])
			(void)secret_password_check(dummy_hash, in->password);
	}
	struct attempt w = { in->email, address, matched == 1, out };
	if (matched > 1)
		/* the password is right: no failure counted, nobody chosen yet */
		return err_set(e, 409, "choose_organisation", "organisation", NULL, NULL);
	out->nchoices = 0;
	if (matched == 1) {
		out->person = v[first].p;
		auth_new_secret("", out->token, sizeof(out->token));
		auth_new_secret("", out->csrf, sizeof(out->csrf));
	}
	if (app_tx(a, attempt_tx, &w, e))
		return -1;
	if (!matched)
		return err_set(e, 401, "bad_credentials", NULL, NULL, NULL);
	return 0;
}

struct unlock {
	const char *email;
	int64_t *cleared;
};

static int unlock_tx(struct app *a, void *arg, struct err *e)
{
	struct unlock *w = arg;
	if (store_login_unlock(a->store, w->email, w->cleared, e))
		return -1;
	return app_audit(a, "login", 0, "unlock", NULL,
			 json_pack("{s:s, s:I}", "email", w->email, "failures",
				   (json_int_t)*w->cleared), e);
}

int app_login_unlock(struct app *a, const char *email, int64_t *cleared, struct err *e)
{
	if (a->me.role != ROLE_ADMIN)
		return err_set(e, 403, "forbidden", NULL, "lift a login delay", NULL);
	if (!email || !email[0])
		return err_set(e, 422, "missing_field", "email", "email", NULL);
	if (a->me.person_id) {
		/* an admin, for the people of their organisation only */
		struct person_login *v;
		size_t n, mine = 0;
		if (store_people_by_email(a->store, email, a->arena, &v, &n, e))
			return -1;
		for (size_t i = 0; i < n; i++)
			mine += v[i].p.org_id == a->me.org_id;
		if (!mine)
			return err_set(e, 404, "not_found", "email", "person", NULL);
	}
	struct unlock w = { email, cleared };
	return app_tx(a, unlock_tx, &w, e);
}
