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
#include "app/login.h"
#include "app/org.h"
#include "app/token.h"
#include "http/http.h"
#include "http/parse.h"

#define SESSION_COOKIE "cible_session"

int auth_load_principal(struct req *r, id_t64 org, id_t64 person)
{
	return app_principal_load(r->store, org, person, &r->arena, &r->me, &r->err);
}

static const char *cookie_token(struct req *r)
{
	return http_session_token(MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND,
							      SESSION_COOKIE));
}

/* ---- the kept principals ----
 * Each session's and token's principal, kept by the hash of its secret
 * with the organisation's generation it was loaded at (migration 20). A
 * request reads that one counter: when it still holds, the principal is
 * the kept one, without the person, units and objectives it is made of;
 * when it moved (a person, unit, objective, token or session changed, on
 * this server or another sharing the database) it is loaded again. The
 * generation is read before the load, so a change that commits meanwhile
 * leaves the entry older than the counter, never newer. A slot is chosen by
 * the hash; a collision replaces the older entry. */
#define KEPT_SLOTS 1024

struct kept {
	char hash[65];           /* "" when empty */
	enum auth_kind kind;
	int64_t gen;             /* 0: loaded before the generation was known */
	int64_t expires_at;      /* sessions */
	id_t64 token_id;         /* tokens */
	int64_t touched;         /* tokens: when last_used_at was last written */
	char csrf[80];           /* sessions */
	struct principal me;     /* its sets malloc'ed */
};

static struct kept kept[KEPT_SLOTS];
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t kept_slot(const char *hash)
{
	size_t h = 5381;
	for (const char *c = hash; *c; c++)
		h = h * 33 + (unsigned char)*c;
	return h % KEPT_SLOTS;
}

/* a copy of a set's ids, on the heap (kept) or in the request's arena */
static id_t64 *ids_heap(const struct idset *in)
{
	id_t64 *v = in->n ? malloc(in->n * sizeof(*v)) : NULL;
	if (v)
		memcpy(v, in->v, in->n * sizeof(*v));
	return v;
}

static id_t64 *ids_arena(struct arena *a, const struct idset *in)
{
	id_t64 *v = in->n ? arena_alloc(a, in->n * sizeof(*v)) : NULL;
	if (v)
		memcpy(v, in->v, in->n * sizeof(*v));
	return v;
}

static void kept_free(struct kept *k)
{
	free((void *)k->me.managed.v);
	free((void *)k->me.chain.v);
	free((void *)k->me.above.v);
	memset(k, 0, sizeof(*k));
}

/* copies the principal of a (whole) entry into the request; 0 when there
 * is none for hash */
static int kept_get(struct req *r, const char *hash, struct kept *out)
{
	int found = 0;
	pthread_mutex_lock(&kept_lock);
	struct kept *k = &kept[kept_slot(hash)];
	if (k->hash[0] && !strcmp(k->hash, hash)) {
		*out = *k;
		out->me.managed.v = ids_arena(&r->arena, &k->me.managed);
		out->me.chain.v = ids_arena(&r->arena, &k->me.chain);
		out->me.above.v = ids_arena(&r->arena, &k->me.above);
		found = 1;
	}
	pthread_mutex_unlock(&kept_lock);
	return found;
}

static void kept_put(const char *hash, enum auth_kind kind, int64_t gen,
		     const struct principal_row *row, const struct principal *me, int64_t touched)
{
	struct kept n;
	memset(&n, 0, sizeof(n));
	snprintf(n.hash, sizeof(n.hash), "%s", hash);
	n.kind = kind;
	n.gen = gen;
	n.expires_at = row->expires_at;
	n.token_id = row->token_id;
	n.touched = touched;
	if (row->csrf && strlen(row->csrf) >= sizeof(n.csrf))
		return;  /* not kept: longer than any this server makes */
	snprintf(n.csrf, sizeof(n.csrf), "%s", row->csrf ? row->csrf : "");
	n.me = *me;
	n.me.managed.v = ids_heap(&me->managed);
	n.me.chain.v = ids_heap(&me->chain);
	n.me.above.v = ids_heap(&me->above);
	if ((me->managed.n && !n.me.managed.v) || (me->chain.n && !n.me.chain.v) ||
	    (me->above.n && !n.me.above.v)) {
		kept_free(&n);
		return;
	}
	pthread_mutex_lock(&kept_lock);
	struct kept *k = &kept[kept_slot(hash)];
	kept_free(k);
	*k = n;
	pthread_mutex_unlock(&kept_lock);
}

static void kept_drop(const char *hash)
{
	pthread_mutex_lock(&kept_lock);
	struct kept *k = &kept[kept_slot(hash)];
	if (k->hash[0] && !strcmp(k->hash, hash))
		kept_free(k);
	pthread_mutex_unlock(&kept_lock);
}

static void kept_touched(const char *hash, int64_t now)
{
	pthread_mutex_lock(&kept_lock);
	struct kept *k = &kept[kept_slot(hash)];
	if (k->hash[0] && !strcmp(k->hash, hash))
		k->touched = now;
	pthread_mutex_unlock(&kept_lock);
}

/* The kept principal of hash when its organisation's generation still
 * holds: 1 and r filled; 0 to load it (*gen: the generation to keep it at,
 * 0 when unknown); -1 on a store error. On a first sight *gen stays 0 and
 * the entry kept is not used: the organisation is known only from the
 * session's row, and a generation read after that row could already count
 * the session's own end (a logout in between), keeping a dead session. The
 * second request reads the generation first, then the row. */
static int kept_use(struct req *r, const char *hash, enum auth_kind kind, int64_t *gen)
{
	struct kept k;
	*gen = 0;
	if (!kept_get(r, hash, &k))
		return 0;
	if (k.kind != kind)
		return 0;
	if (store_auth_generation(r->store, k.me.org_id, gen, &r->err))
		return -1;
	if (!*gen || *gen != k.gen || (kind == AUTH_COOKIE && k.expires_at < r->now))
		return 0;
	r->me = k.me;
	r->auth = kind;
	if (kind == AUTH_COOKIE) {
		r->session_hash = arena_strdup(&r->arena, hash);
		r->csrf = arena_strdup(&r->arena, k.csrf);
	} else if (k.touched < r->now - 60) {
		if (store_token_touch(r->store, k.me.org_id, k.token_id, r->now, &r->err))
			return -1;
		kept_touched(hash, r->now);
	}
	return 1;
}

int auth_resolve(struct req *r)
{
	r->auth = AUTH_NONE;
	const char *authz = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
							MHD_HTTP_HEADER_AUTHORIZATION);
	struct principal_row row;
	char hash[65];
	int64_t gen;
	int k;
	if (authz) {
		const char *bearer = http_bearer_token(authz);
		if (!bearer)
			return fail(r, 401, "unauthenticated", NULL, NULL, NULL);
		auth_token_hash(bearer, hash);
		if ((k = kept_use(r, hash, AUTH_TOKEN, &gen)))
			return k < 0 ? -1 : 0;
		if (store_token_get(r->store, hash, r->now, &row, &r->err)) {
			kept_drop(hash);
			return -1;
		}
		if (auth_load_principal(r, row.org_id, row.person_id))
			return -1;
		r->auth = AUTH_TOKEN;
		kept_put(hash, AUTH_TOKEN, gen, &row, &r->me, r->now);
		return 0;
	}
	const char *tok = cookie_token(r);
	if (!tok)
		return 0;
	auth_token_hash(tok, hash);
	if ((k = kept_use(r, hash, AUTH_COOKIE, &gen)))
		return k < 0 ? -1 : 0;
	struct err e;
	err_clear(&e);
	if (store_session_get(r->store, hash, r->now, &r->arena, &row, &e)) {
		kept_drop(hash);
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
	kept_put(hash, AUTH_COOKIE, gen, &row, &r->me, 0);
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

int auth_login(struct req *r, const struct login_input *in, struct login_result *out)
{
	struct app a;
	req_app(r, &a);
	if (app_login(&a, in, out, &r->err)) {
		if (r->err.status == 429)
			snprintf(r->retry_after, sizeof(r->retry_after), "%lld",
				 (long long)out->retry_after);
		return -1;
	}
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d", out->token,
		 LOGIN_SESSION_SECONDS);
	if (auth_load_principal(r, out->person.org_id, out->person.id))
		return -1;
	r->auth = AUTH_COOKIE;
	r->csrf = arena_strdup(&r->arena, out->csrf);
	return 0;
}

int api_login(struct req *r)
{
	static const struct jfield spec[] = {
		{ "email", J_STRING, 0 }, { "password", J_STRING, 0 }, { "organisation", J_ID, 0 },
		{ NULL, 0, 0 } };
	/* no login from another site's page (login CSRF): its Origin is foreign,
	 * or it posts a simple form or text/plain body, which needs no preflight */
	if (!req_same_origin(r))
		return fail(r, 403, "foreign_origin", NULL, NULL, NULL);
	if (!req_json_content_type(r))
		return fail(r, 415, "json_required", NULL, NULL, NULL);
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct login_input in = { NULL, NULL, 0 };
	struct login_result out;
	if (json_check_shape(body, spec, &r->err))
		goto out;
	jget_str(body, "email", &r->arena, &in.email);
	jget_str(body, "password", &r->arena, &in.password);
	jget_id(body, "organisation", &in.org);
	if (!in.email) {
		fail(r, 400, "missing_field", "email", "email", NULL);
		goto out;
	}
	if (!in.password) {
		fail(r, 400, "missing_field", "password", "password", NULL);
		goto out;
	}
	if (auth_login(r, &in, &out)) {
		if (r->err.code && !strcmp(r->err.code, "choose_organisation")) {
			/* the refusal lists where the password matched, to choose from */
			struct buf m = BUF_INIT;
			err_message(&r->err, r->lang, &m);
			json_t *orgs = json_array();
			for (size_t i = 0; i < out.nchoices; i++)
				json_array_append_new(orgs, json_pack("{s:I, s:s}", "id",
					(json_int_t)out.choices[i].id, "name", out.choices[i].name));
			json_t *er = json_pack("{s:s, s:s, s:s, s:o}", "code", r->err.code, "message",
					       m.data, "field", "organisation", "organisations", orgs);
			buf_free(&m);
			rc = reply_json(r, 409, json_pack("{s:o}", "error", er));
		}
		goto out;
	}
	rc = reply_json(r, 200, me_json(r, &out.person));
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
	struct person_input in;
	memset(&in, 0, sizeof(in));
	if (json_check_shape(body, spec, &r->err))
		goto out;
	jget_str(body, "current", &r->arena, &in.current_password);
	jget_str(body, "new", &r->arena, &in.password);
	if (!in.current_password || !in.password) {
		fail(r, 400, "missing_field", in.current_password ? "new" : "current",
		     in.current_password ? "new" : "current", NULL);
		goto out;
	}
	in.set = PERSON_PASSWORD;
	struct app a;
	req_app(r, &a);
	struct person p;
	/* the same use case as PATCH /api/people/{id}: the other sessions and
	 * every token end, this session stays */
	if (app_person_update(&a, r->me.person_id, &in, &p, &r->err)) {
		if (!strcmp(r->err.field, "current_password"))
			snprintf(r->err.field, sizeof(r->err.field), "current");
		goto out;
	}
	rc = reply_json(r, 200, json_pack("{s:b}", "ok", 1));
out:
	json_decref(body);
	return rc;
}

int api_password_reset(struct req *r)
{
	static const struct jfield spec[] = {
		{ "token", J_STRING, 0 }, { "password", J_STRING, 0 }, { NULL, 0, 0 } };
	if (!req_same_origin(r))
		return fail(r, 403, "foreign_origin", NULL, NULL, NULL);
	if (!req_json_content_type(r))
		return fail(r, 415, "json_required", NULL, NULL, NULL);
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	const char *token = NULL, *password = NULL;
	if (json_check_shape(body, spec, &r->err))
		goto out;
	jget_str(body, "token", &r->arena, &token);
	jget_str(body, "password", &r->arena, &password);
	if (!token || !password) {
		fail(r, 400, "missing_field", token ? "password" : "token", token ? "password" : "token",
		     NULL);
		goto out;
	}
	struct app a;
	req_app(r, &a);
	if (!app_reset_use(&a, token, password, &r->err))
		rc = reply_json(r, 200, json_pack("{s:b}", "ok", 1));
out:
	json_decref(body);
	return rc;
}

int api_login_unlock(struct req *r)
{
	const char *email;
	if (req_json_string(r, "email", &email))
		return -1;
	int64_t n = 0;
	struct app a;
	req_app(r, &a);
	if (app_login_unlock(&a, email, &n, &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:I}", "failures", (json_int_t)n));
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
	const char *name;
	if (req_json_string(r, "name", &name))
		return -1;
	struct app a;
	req_app(r, &a);
	struct token_made t;
	if (app_token_create(&a, 0, name, &t, &r->err))
		return -1;
	/* the secret is shown once, here, and never again */
	return reply_json(r, 201, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)t.id, "name",
					    t.name, "token", t.token));
}

int api_tokens_revoke(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_token_revoke(&a, param_id(r, 0), &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}
