/* Sessions, API tokens and login attempts: what authentication keeps in the
 * database rather than in a process, so any server of several can answer any
 * request. Only hashes of the secrets are stored. A session or a token of a
 * deactivated person stops working at once (the look-ups join the person);
 * expired sessions are purged when a new one is made, and the failures of an
 * email from an address are cleared by its next success from there. */
#include "store/store_int.h"

int store_session_create(struct store *s, const char *token_hash, id_t64 org, id_t64 person,
			 const char *csrf, int64_t now, int64_t expires, struct err *e)
{
	static const char sql[] = "INSERT INTO session(token_hash, org_id, person_id, csrf,"
				  " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	static const char purge[] = "DELETE FROM session WHERE expires_at < ?1";
	struct db_stmt *st = db_prep(s->db, purge, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, now);
	if (db_run(st, e))
		return -1;
	if (!(st = db_prep(s->db, sql, e)))
		return -1;
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, org);
	db_bind_int64(st, 3, person);
	db_bind_text(st, 4, csrf);
	db_bind_int64(st, 5, now);
	db_bind_int64(st, 6, expires);
	return db_run(st, e);
}

int store_session_get(struct store *s, const char *token_hash, int64_t now, struct arena *a,
		      struct principal_row *out, struct err *e)
{
	static const char sql[] = "SELECT s.org_id, s.person_id, s.csrf, s.expires_at FROM session s"
		" JOIN person p ON p.org_id = s.org_id AND p.id = s.person_id AND p.active <> 0"
		" WHERE s.token_hash = ?1 AND s.expires_at >= ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, now);
	int rc = db_step(st, e);
	if (rc > 0) {
		out->org_id = db_col_int64(st, 0);
		out->person_id = db_col_int64(st, 1);
		out->csrf = db_col_str(st, 2, a);
		out->expires_at = db_col_int64(st, 3);
		out->token_id = 0;
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, 401, "unauthenticated", NULL, NULL, NULL);
	return rc > 0 ? 0 : -1;
}

int store_session_delete(struct store *s, const char *token_hash, struct err *e)
{
	static const char sql[] = "DELETE FROM session WHERE token_hash = ?1";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, token_hash);
	return db_run(st, e);
}

int store_token_create(struct store *s, id_t64 org, id_t64 person, const char *name,
		       const char *token_hash, int64_t now, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO api_token(org_id, person_id, name, token_hash,"
				  " created_at) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_text(st, 3, name);
	db_bind_text(st, 4, token_hash);
	db_bind_int64(st, 5, now);
	return db_insert_id(st, id, e);
}

int store_token_get(struct store *s, const char *token_hash, int64_t now,
		    struct principal_row *out, struct err *e)
{
	static const char sql[] = "SELECT t.org_id, t.person_id, t.id FROM api_token t"
		" JOIN person p ON p.org_id = t.org_id AND p.id = t.person_id AND p.active <> 0"
		" WHERE t.token_hash = ?1 AND t.revoked = 0";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, token_hash);
	int rc = db_step(st, e);
	id_t64 tid = 0;
	if (rc > 0) {
		out->org_id = db_col_int64(st, 0);
		out->person_id = db_col_int64(st, 1);
		out->csrf = NULL;
		out->expires_at = 0;
		tid = out->token_id = db_col_int64(st, 2);
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, 401, "unauthenticated", NULL, NULL, NULL);
	if (rc < 0)
		return -1;
	return store_token_touch(s, out->org_id, tid, now, e);
}

int store_token_touch(struct store *s, id_t64 org, id_t64 tid, int64_t now, struct err *e)
{
	static const char touch[] = "UPDATE api_token SET last_used_at = ?1 WHERE org_id = ?4"
				    " AND id = ?2 AND coalesce(last_used_at, 0) < ?3";
	/* last use, at most once a minute: a read-mostly API stays read-mostly */
	struct db_stmt *st = db_prep(s->db, touch, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, tid);
	db_bind_int64(st, 3, now - 60);
	db_bind_int64(st, 4, org);
	return db_run(st, e);
}

int store_auth_generation(struct store *s, id_t64 org, int64_t *gen, struct err *e)
{
	static const char sql[] = "SELECT gen FROM auth_generation WHERE org_id = ?1";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	int rc = db_step(st, e);
	*gen = rc > 0 ? db_col_int64(st, 0) : 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_token_list(struct store *s, id_t64 org, id_t64 person, struct arena *a,
		     struct token_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT id, name, created_at, coalesce(last_used_at, 0)"
		" FROM api_token WHERE org_id = ?1 AND person_id = ?2 AND revoked = 0 ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	size_t cap = 0, k = 0;
	struct token_row *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct token_row *t = arena_push(a, &v, &k, &cap, sizeof(*v));
		t->id = db_col_int64(st, 0);
		t->name = db_col_str(st, 1, a);
		t->created_at = db_col_int64(st, 2);
		t->last_used_at = db_col_int64(st, 3);
	}
	db_done(st);
	if (rc)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_token_revoke(struct store *s, id_t64 org, id_t64 person, id_t64 id, struct err *e)
{
	static const char sql[] = "UPDATE api_token SET revoked = 1 WHERE org_id = ?1"
				  " AND (?2 = 0 OR person_id = ?2) AND id = ?3 AND revoked = 0";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_int64(st, 3, id);
	return db_run_update(st, "token", e);
}

int store_person_revoke_access(struct store *s, id_t64 org, id_t64 person,
			       const char *keep_session, int64_t *sessions, int64_t *tokens,
			       struct err *e)
{
	static const char del[] = "DELETE FROM session WHERE org_id = ?1 AND person_id = ?2"
				  " AND token_hash <> ?3";
	static const char rev[] = "UPDATE api_token SET revoked = 1 WHERE org_id = ?1"
				  " AND person_id = ?2 AND revoked = 0";
	struct db_stmt *st = db_prep(s->db, del, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_text(st, 3, keep_session ? keep_session : "");
	if (db_step(st, e) < 0) {
		db_done(st);
		return -1;
	}
	*sessions = db_changes(st);
	db_done(st);
	if (!(st = db_prep(s->db, rev, e)))
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	if (db_step(st, e) < 0) {
		db_done(st);
		return -1;
	}
	*tokens = db_changes(st);
	db_done(st);
	return 0;
}

int store_reset_create(struct store *s, const char *token_hash, id_t64 org, id_t64 person,
		       int64_t now, int64_t expires, struct err *e)
{
	static const char purge[] = "DELETE FROM password_reset WHERE expires_at < ?1";
	static const char sql[] = "INSERT INTO password_reset(token_hash, org_id, person_id,"
				  " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)";
	struct db_stmt *st = db_prep(s->db, purge, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, now - 86400);
	if (db_run(st, e) || !(st = db_prep(s->db, sql, e)))
		return -1;
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, org);
	db_bind_int64(st, 3, person);
	db_bind_int64(st, 4, now);
	db_bind_int64(st, 5, expires);
	return db_run(st, e);
}

int store_reset_take(struct store *s, const char *token_hash, int64_t now, id_t64 *org,
		     id_t64 *person, struct err *e)
{
	static const char sql[] = "UPDATE password_reset SET used_at = ?2 WHERE token_hash = ?1"
				  " AND used_at IS NULL AND expires_at >= ?2"
				  " RETURNING org_id, person_id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, now);
	int rc = db_step(st, e);
	if (rc > 0) {
		*org = db_col_int64(st, 0);
		*person = db_col_int64(st, 1);
	}
	db_done(st);
	if (rc == 0)
		return err_set(e, 410, "reset_link_invalid", "token", NULL, NULL);
	return rc > 0 ? 0 : -1;
}

int store_login_attempt(struct store *s, const char *email, const char *address, int64_t now,
			int ok, struct err *e)
{
	static const char sql[] = "INSERT INTO login_attempt(email, address, at, ok)"
				  " VALUES (?1, ?2, ?3, 0)";
	static const char clear[] = "DELETE FROM login_attempt WHERE (email = ?1 AND address = ?2)"
				    " OR at < ?3";
	struct db_stmt *st;
	if (ok) {
		/* a success clears the failures of this email from this address only:
		 * the limit is on guessing, not on use */
		if (!(st = db_prep(s->db, clear, e)))
			return -1;
		db_bind_text(st, 1, email);
		db_bind_text(st, 2, address);
		db_bind_int64(st, 3, now - 86400);
		return db_run(st, e);
	}
	if (!(st = db_prep(s->db, sql, e)))
		return -1;
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, address);
	db_bind_int64(st, 3, now);
	return db_run(st, e);
}

int store_login_failures_since(struct store *s, const char *email, const char *address,
			       int64_t since, int64_t *n, int64_t *last, struct err *e)
{
	static const char sql[] = "SELECT count(*), coalesce(max(at), 0) FROM login_attempt"
				  " WHERE email = ?1 AND address = ?2 AND at >= ?3 AND ok = 0";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, email);
	db_bind_text(st, 2, address);
	db_bind_int64(st, 3, since);
	if (db_one_row(st, "login attempts", e) < 0)
		return -1;
	*n = db_col_int64(st, 0);
	*last = db_col_int64(st, 1);
	db_done(st);
	return 0;
}

int store_login_unlock(struct store *s, const char *email, int64_t *cleared, struct err *e)
{
	static const char sql[] = "DELETE FROM login_attempt WHERE email = ?1 AND ok = 0";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, email);
	if (db_step(st, e) < 0) {
		db_done(st);
		return -1;
	}
	*cleared = db_changes(st);
	db_done(st);
	return 0;
}
