/* The SQLite backend for challenges, their results and badges
 * (store_challenge.h). */
#include <string.h>
#include "store/sqlite_int.h"
#include "store/store_challenge.h"

#define CH_COLS "id, org_id, name, start_day, end_day, rule, mode, team_score, visibility," \
	" spec, status, created_by, created_at"

static void read_challenge(sqlite3_stmt *st, struct arena *a, struct challenge_row *c)
{
	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(st, 0);
	c->org_id = sqlite3_column_int64(st, 1);
	c->name = sq_col_text(st, 2, a);
	c->start = sq_col_day(st, 3);
	c->end = sq_col_day(st, 4);
	c->rule = sq_col_text(st, 5, a);
	c->mode = sq_col_text(st, 6, a);
	c->team_score = sq_col_text(st, 7, a);
	c->visibility = sq_col_text(st, 8, a);
	c->spec = sq_col_text(st, 9, a);
	c->status = sq_col_text(st, 10, a);
	c->created_by = sqlite3_column_int64(st, 11);
	c->created_at = sqlite3_column_int64(st, 12);
}

int store_challenge_create(struct store *s, const struct challenge_row *c, id_t64 *id,
			   struct err *e)
{
	static const char sql[] = "INSERT INTO challenge(org_id, name, start_day, end_day, rule,"
		" mode, team_score, visibility, spec, status, created_by, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?11)";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, c->org_id);
	sq_bind_text(st, 2, c->name);
	sq_bind_day(st, 3, c->start);
	sq_bind_day(st, 4, c->end);
	sq_bind_text(st, 5, c->rule);
	sq_bind_text(st, 6, c->mode);
	sq_bind_text(st, 7, c->team_score);
	sq_bind_text(st, 8, c->visibility);
	sq_bind_text(st, 9, c->spec);
	sq_bind_id(st, 10, c->created_by);
	sqlite3_bind_int64(st, 11, c->created_at);
	return sq_step_insert(s, st, id, e);
}

int store_challenge_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct challenge_row *out, struct err *e)
{
	static const char sql[] = "SELECT " CH_COLS " FROM challenge WHERE org_id = ?1 AND id = ?2";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, id);
	if (sq_one_row(s, st, "challenge", e) < 0)
		return -1;
	read_challenge(st, a, out);
	sq_done(s, st);
	return 0;
}

int store_challenge_list(struct store *s, id_t64 org, struct arena *a,
			 struct challenge_row **out, size_t *n, struct err *e)
{
	static const char sql_count[] = "SELECT count(*) FROM challenge WHERE org_id = ?1";
	static const char sql[] = "SELECT " CH_COLS " FROM challenge WHERE org_id = ?1"
		" ORDER BY end_day DESC, id DESC";
	sqlite3_stmt *st = sq_prep(s, sql_count, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	int rc = sqlite3_step(st);
	size_t total = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
	sq_done(s, st);
	if (rc != SQLITE_ROW)
		return sq_db_err(s, e);
	if (!(st = sq_prep(s, sql, e)))
		return -1;
	sqlite3_bind_int64(st, 1, org);
	struct challenge_row *v = arena_alloc(a, (total ? total : 1) * sizeof(*v));
	size_t k = 0;
	while (k < total && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_challenge(st, a, &v[k++]);
	sq_done(s, st);
	if (k < total && rc != SQLITE_DONE)
		return sq_db_err(s, e);
	*out = v;
	*n = k;
	return 0;
}

int store_challenge_set_status(struct store *s, id_t64 org, id_t64 id, const char *status,
			       struct err *e)
{
	static const char sql[] = "UPDATE challenge SET status = ?3 WHERE org_id = ?1 AND id = ?2";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, id);
	sq_bind_text(st, 3, status);
	return sq_step_update(s, st, "challenge", e);
}

int store_challenge_own_targets(struct store *s, id_t64 org, const char *key, day_t from,
				day_t to, struct arena *a, struct own_target_row **out, size_t *n,
				struct err *e)
{
	static const char sql[] = "SELECT owner_person_id, target, baseline, start, due"
		" FROM objective WHERE org_id = ?1 AND indicator = ?2 AND owner_person_id IS NOT NULL"
		" AND status <> 'cancelled' AND target IS NOT NULL AND start IS NOT NULL"
		" AND due IS NOT NULL AND start <= ?4 AND due >= ?3";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sq_bind_text(st, 2, key);
	sq_bind_day(st, 3, from);
	sq_bind_day(st, 4, to);
	struct own_target_row *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct own_target_row *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		x->person = sqlite3_column_int64(st, 0);
		x->target = sqlite3_column_double(st, 1);
		x->has_baseline = sqlite3_column_type(st, 2) != SQLITE_NULL;
		x->baseline = sqlite3_column_double(st, 2);
		x->start = sq_col_day(st, 3);
		x->due = sq_col_day(st, 4);
	}
	sq_done(s, st);
	if (rc != SQLITE_DONE)
		return sq_db_err(s, e);
	*out = v;
	*n = k;
	return 0;
}

int store_challenge_result_add(struct store *s, id_t64 org, id_t64 challenge,
			       const struct challenge_result_row *r, struct err *e)
{
	static const char sql[] = "INSERT INTO challenge_result(org_id, challenge_id, run,"
		" closed_on, closed_at, closed_by, board) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, challenge);
	sqlite3_bind_int(st, 3, r->run);
	sq_bind_day(st, 4, r->closed_on);
	sqlite3_bind_int64(st, 5, r->closed_at);
	sq_bind_id(st, 6, r->closed_by);
	sq_bind_text(st, 7, r->board);
	id_t64 id;
	return sq_step_insert(s, st, &id, e);
}

int store_challenge_results(struct store *s, id_t64 org, id_t64 challenge, struct arena *a,
			    struct challenge_result_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT id, run, closed_on, closed_at, closed_by, board"
		" FROM challenge_result WHERE org_id = ?1 AND challenge_id = ?2 ORDER BY run DESC";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, challenge);
	size_t cap = 4, k = 0;
	struct challenge_result_row *v = arena_alloc(a, cap * sizeof(*v));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			struct challenge_result_row *w = arena_alloc(a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*w));
			v = w;
			cap *= 2;
		}
		struct challenge_result_row *x = &v[k++];
		x->id = sqlite3_column_int64(st, 0);
		x->run = sqlite3_column_int(st, 1);
		x->closed_on = sq_col_day(st, 2);
		x->closed_at = sqlite3_column_int64(st, 3);
		x->closed_by = sqlite3_column_int64(st, 4);
		x->board = sq_col_text(st, 5, a);
	}
	sq_done(s, st);
	if (rc != SQLITE_DONE)
		return sq_db_err(s, e);
	*out = v;
	*n = k;
	return 0;
}

int store_badge_award(struct store *s, id_t64 org, const struct badge_row *b, int *awarded,
		      struct err *e)
{
	static const char sql[] = "INSERT INTO badge(org_id, person_id, unit_id, kind, ref,"
		" reason, awarded_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (org_id, kind, ref, person_id, unit_id) DO NOTHING";
	sqlite3_stmt *st = sq_prep(s, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int64(st, 2, b->person_id);
	sqlite3_bind_int64(st, 3, b->unit_id);
	sq_bind_text(st, 4, b->kind);
	sq_bind_text(st, 5, b->ref);
	sq_bind_text(st, 6, b->reason);
	sq_bind_day(st, 7, b->awarded_on);
	sqlite3_bind_int64(st, 8, b->created_at);
	if (sq_step_done(s, st, e))
		return -1;
	*awarded = sqlite3_changes(s->db) > 0;
	return 0;
}

int store_badge_list(struct store *s, id_t64 org, id_t64 person, const struct ids *units,
		     struct arena *a, struct badge_row **out, size_t *n, struct err *e)
{
	static const char sql_p[] = "SELECT id, person_id, unit_id, kind, ref, reason, awarded_on,"
		" created_at FROM badge WHERE org_id = ?1 AND person_id = ?2"
		" ORDER BY awarded_on, id";
	static const char sql_u[] = "SELECT b.id, b.person_id, b.unit_id, b.kind, b.ref, b.reason,"
		" b.awarded_on, b.created_at FROM badge b WHERE b.org_id = ?1 AND (b.unit_id IN"
		" (SELECT value FROM json_each(?2)) OR b.person_id IN (SELECT p.id FROM person p"
		" WHERE p.org_id = ?1 AND p.unit_id IN (SELECT value FROM json_each(?2))))"
		" ORDER BY b.awarded_on, b.id";
	sqlite3_stmt *st = sq_prep(s, person ? sql_p : sql_u, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	if (person)
		sqlite3_bind_int64(st, 2, person);
	else
		sq_bind_ids(st, 2, units);
	size_t cap = 8, k = 0;
	struct badge_row *v = arena_alloc(a, cap * sizeof(*v));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			struct badge_row *w = arena_alloc(a, 2 * cap * sizeof(*w));
			memcpy(w, v, cap * sizeof(*w));
			v = w;
			cap *= 2;
		}
		struct badge_row *x = &v[k++];
		x->id = sqlite3_column_int64(st, 0);
		x->person_id = sqlite3_column_int64(st, 1);
		x->unit_id = sqlite3_column_int64(st, 2);
		x->kind = sq_col_text(st, 3, a);
		x->ref = sq_col_text(st, 4, a);
		x->reason = sq_col_text(st, 5, a);
		x->awarded_on = sq_col_day(st, 6);
		x->created_at = sqlite3_column_int64(st, 7);
	}
	sq_done(s, st);
	if (rc != SQLITE_DONE)
		return sq_db_err(s, e);
	*out = v;
	*n = k;
	return 0;
}
