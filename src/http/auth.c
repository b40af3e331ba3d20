/* Authentication: argon2id password hashes (libsodium), session cookies
 * (HttpOnly, SameSite=Strict) with a CSRF token, API bearer tokens, limited
 * login attempts; and the principal (who is asking, what they manage) that
 * the access rules need. Secrets never reach the database: only their
 * BLAKE2b hashes do. */
#include <microhttpd.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/token.h"
#include "http/http.h"
#include "http/parse.h"

#define SESSION_COOKIE "cible_session"
#define SESSION_SECONDS (12 * 3600)
#define LOGIN_WINDOW 900     /* seconds */
#define LOGIN_MAX_FAILURES 5

int auth_load_principal(struct req *r, id_t64 org, id_t64 person)
{
	return app_principal_load(r->store, org, person, &r->arena, &r->me, &r->err);
}

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

static const char *cookie_token(struct req *r)
{
	return http_session_token(MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND,
							      SESSION_COOKIE));
}

int auth_resolve(struct req *r)
{
	r->auth = AUTH_NONE;
	const char *authz = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
							MHD_HTTP_HEADER_AUTHORIZATION);
	struct principal_row row;
	char hash[65];
	if (authz) {
		const char *bearer = http_bearer_token(authz);
		if (!bearer)
			return fail(r, 401, "unauthenticated", NULL, NULL, NULL);
		auth_token_hash(bearer, hash);
		if (store_token_get(r->store, hash, r->now, &row, &r->err))
			return -1;
		if (auth_load_principal(r, row.org_id, row.person_id))
			return -1;
		r->auth = AUTH_TOKEN;
		return 0;
	}
	const char *tok = cookie_token(r);
	if (!tok)
		return 0;
	auth_token_hash(tok, hash);
	struct err e;
	err_clear(&e);
	if (store_session_get(r->store, hash, r->now, &r->arena, &row, &e)) {
		if (e.status == 401)
			return 0;  /* a stale cookie is just no session */
		r->err = e;
		return -1;
	}
	if (auth_load_principal(r, row.org_id, row.person_id))
		return -1;
	r->auth = AUTH_COOKIE;
	r->session_hash = arena_strdup(&r->arena, hash);
	r->csrf = row.csrf;
	return 0;
}

int audit_write(struct req *r, const char *entity, id_t64 id, const char *action,
		json_t *before, json_t *after)
{
	char *b = before ? json_dumps(before, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	char *a = after ? json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	int rc = store_audit_add(r->store, r->me.org_id, r->me.person_id, entity, id, action, b, a,
				 &r->err);
	free(b);
	free(a);
	json_decref(before);
	json_decref(after);
	return rc;
}

/* ---- handlers ---- */

static json_t *me_json(struct req *r, const struct person *p)
{
	json_t *v = json_person(p);
	json_object_set_new(v, "org_id", json_integer(p->org_id));
	/* the principal of an admin carries no unit set (their rules need none):
	 * what they lead is looked up for this answer only */
	struct ids led = { (id_t64 *)r->me.managed.v, r->me.managed.n };
	struct err e;
	if (p->role == ROLE_ADMIN &&
	    store_units_managed(r->store, p->org_id, p->id, &r->arena, &led, &e))
		led.n = 0;
	json_t *mu = json_array();
	for (size_t i = 0; i < led.n; i++)
		json_array_append_new(mu, json_integer(led.v[i]));
	json_object_set_new(v, "managed_units", mu);
	if (r->csrf)
		json_object_set_new(v, "csrf_token", json_string(r->csrf));
	return v;
}

/* *wait: seconds before key may try again once it failed max times in the
 * window; 0 while it may. */
static int too_many(struct req *r, const char *key, int64_t max, int64_t *wait)
{
	int64_t n = 0, last = 0;
	if (store_login_failures_since(r->store, key, r->now - LOGIN_WINDOW, &n, &last, &r->err))
		return -1;
	*wait = n >= max ? last + LOGIN_WINDOW - r->now : 0;
	if (*wait < 1 && n >= max)
		*wait = 1;
	return 0;
}

/* The login's writes, each one transaction that app_tx() runs again on a
 * serialisation failure (PostgreSQL: many logins at once conflict on
 * login_attempt), so that none is a 503 for the engine's reasons. */
struct login_write {
	const char *email, *ipkey;
	int64_t now;
	int ok;
	const char *token_hash, *csrf;
	const struct person *p;
};

static int login_write_tx(struct app *a, void *arg, struct err *e)
{
	struct login_write *w = arg;
	if (!w->ok)
		return store_login_attempt(a->store, w->email, w->now, 0, e) ||
		       store_login_attempt(a->store, w->ipkey, w->now, 0, e) ? -1 : 0;
	return store_login_attempt(a->store, w->email, w->now, 1, e) ||
	       store_session_create(a->store, w->token_hash, w->p->org_id, w->p->id, w->csrf,
				    w->now, w->now + SESSION_SECONDS, e) ? -1 : 0;
}

int auth_login(struct req *r, const char *email, const char *password, struct person *out)
{
	char ipkey[80];
	snprintf(ipkey, sizeof(ipkey), "ip:%s", r->client_ip ? r->client_ip : "?");
	int64_t wait_email, wait_ip;
	/* per address the bar is higher: a team shares a NAT */
	if (too_many(r, email, LOGIN_MAX_FAILURES, &wait_email) ||
	    too_many(r, ipkey, LOGIN_MAX_FAILURES * 4, &wait_ip))
		return -1;
	if (wait_email > 0 || wait_ip > 0) {
		int64_t w = wait_email > wait_ip ? wait_email : wait_ip;
		snprintf(r->retry_after, sizeof(r->retry_after), "%lld", (long long)w);
		return fail(r, 429, "too_many_attempts", NULL, r->retry_after, NULL);
	}
	const char *hash = NULL;
	struct err e;
	err_clear(&e);
	int found = !store_person_by_email(r->store, email, &r->arena, out, &hash, &e);
	if (!found && e.status != 404) {
		r->err = e;
		return -1;
	}
	if (!found || !hash) {
		pthread_once(&dummy_once, dummy_init);
		if (dummy_hash[0] &&
		    secret_password_check(dummy_hash, password) == 0)
			found = 0;  /* a random 32-hex password: never guessed */
	}
	int ok = found && out->active && hash &&
		 secret_password_check(hash, password) == 0;
	struct app a;
	req_app(r, &a);
	struct login_write w = { email, ipkey, r->now, ok, NULL, NULL, out };
	if (!ok) {
		if (app_tx(&a, login_write_tx, &w, &r->err))
			return -1;
		return fail(r, 401, "bad_credentials", NULL, NULL, NULL);
	}
	char token[80], csrf[80], th[65];
	auth_new_secret("", token, sizeof(token));
	auth_new_secret("", csrf, sizeof(csrf));
	auth_token_hash(token, th);
	w.token_hash = th;
	w.csrf = csrf;
	if (app_tx(&a, login_write_tx, &w, &r->err))
		return -1;
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", token,
		 SESSION_SECONDS);
	if (auth_load_principal(r, out->org_id, out->id))
		return -1;
	r->auth = AUTH_COOKIE;
	r->csrf = arena_strdup(&r->arena, csrf);
	return 0;
}

int api_login(struct req *r)
{
	static const struct jfield spec[] = {
		{ "email", J_STRING, 0 }, { "password", J_STRING, 0 }, { NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	const char *email = NULL, *password = NULL;
	struct person p;
	if (json_check_shape(body, spec, &r->err))
		goto out;
	jget_str(body, "email", &r->arena, &email);
	jget_str(body, "password", &r->arena, &password);
	if (!email) {
		fail(r, 400, "missing_field", "email", "email", NULL);
		goto out;
	}
	if (!password) {
		fail(r, 400, "missing_field", "password", "password", NULL);
		goto out;
	}
	if (auth_login(r, email, password, &p))
		goto out;
	rc = reply_json(r, 200, me_json(r, &p));
out:
	json_decref(body);
	return rc;
}

int api_logout(struct req *r)
{
	if (r->auth == AUTH_COOKIE && store_session_delete(r->store, r->session_hash, &r->err))
		return -1;
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

int api_me(struct req *r)
{
	struct person p;
	if (store_person_get(r->store, r->me.org_id, r->me.person_id, &r->arena, &p, &r->err))
		return -1;
	return reply_json(r, 200, me_json(r, &p));
}

int api_me_password(struct req *r)
{
	static const struct jfield spec[] = {
		{ "current", J_STRING, 0 }, { "new", J_STRING, 0 }, { NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	const char *cur = NULL, *nw = NULL, *hash = NULL;
	struct person p;
	char h[128];
	if (json_check_shape(body, spec, &r->err))
		goto out;
	jget_str(body, "current", &r->arena, &cur);
	jget_str(body, "new", &r->arena, &nw);
	if (!cur || !nw) {
		fail(r, 400, "missing_field", cur ? "new" : "current", cur ? "new" : "current", NULL);
		goto out;
	}
	struct person self;
	if (store_person_get(r->store, r->me.org_id, r->me.person_id, &r->arena, &self, &r->err) ||
	    store_person_by_email(r->store, self.email, &r->arena, &p, &hash, &r->err))
		goto out;
	if (!hash || secret_password_check(hash, cur)) {
		fail(r, 403, "bad_credentials", "current", NULL, NULL);
		goto out;
	}
	if (auth_hash_password(nw, h, &r->err))
		goto out;
	if (store_begin(r->store, &r->err))
		goto out;
	if (store_person_set_password(r->store, r->me.org_id, r->me.person_id, h, &r->err) ||
	    audit_write(r, "person", r->me.person_id, "password", NULL, NULL) ||
	    store_commit(r->store, &r->err)) {
		store_rollback(r->store);
		goto out;
	}
	rc = reply_json(r, 200, json_pack("{s:b}", "ok", 1));
out:
	json_decref(body);
	return rc;
}

int api_tokens_list(struct req *r)
{
	struct token_row *v;
	size_t n;
	if (store_token_list(r->store, r->me.org_id, r->me.person_id, &r->arena, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:I, s:o}", "id",
			(json_int_t)v[i].id, "name", v[i].name, "created_at",
			(json_int_t)v[i].created_at, "last_used_at",
			v[i].last_used_at ? json_integer(v[i].last_used_at) : json_null()));
	return reply_page(r, items, n, n, 0);
}

int api_tokens_create(struct req *r)
{
	static const struct jfield spec[] = { { "name", J_STRING, 0 }, { NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	const char *name = NULL;
	struct token_made t;
	if (!json_check_shape(body, spec, &r->err)) {
		jget_str(body, "name", &r->arena, &name);
		/* the secret is shown once, here, and never again */
		if (!app_token_create(&a, 0, name, &t, &r->err))
			rc = reply_json(r, 201, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)t.id,
							  "name", t.name, "token", t.token));
	}
	json_decref(body);
	return rc;
}

int api_tokens_revoke(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_token_revoke(&a, param_id(r, 0), &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}
