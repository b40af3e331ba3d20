/* Challenges, their frozen results and badges (store_challenge.h), in cible
 * SQL over the driver seam (db.h). A challenge's configuration beyond its
 * scalar fields is one JSON document (spec); a frozen result is the whole
 * board as JSON; a badge is unique by (org, kind, ref, person, unit), 0
 * standing for "none" so that the unique index holds. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_challenge.h"
#include "store/store_int.h"

#define CH_COLS "id, org_id, name, start_day, end_day, rule, mode, team_score, visibility," \
	" spec, status, created_by, created_at, kept_on"

static void read_challenge(struct db_stmt *st, struct arena *a, void *element)
{
	struct challenge_row *c = element;
	memset(c, 0, sizeof(*c));
	c->id = db_col_int64(st, 0);
	c->org_id = db_col_int64(st, 1);
	c->name = db_col_str(st, 2, a);
	c->start = db_col_day(st, 3);
	c->end = db_col_day(st, 4);
	c->rule = db_col_str(st, 5, a);
	c->mode = db_col_str(st, 6, a);
	c->team_score = db_col_str(st, 7, a);
	c->visibility = db_col_str(st, 8, a);
	c->spec = db_col_str(st, 9, a);
	c->status = db_col_str(st, 10, a);
	c->created_by = db_col_int64(st, 11);
	c->created_at = db_col_int64(st, 12);
	c->kept_on = db_col_null(st, 13) ? DAY_NONE : db_col_day(st, 13);
}

int store_challenge_create(struct store *s, const struct challenge_row *c, id_t64 *id,
			   struct err *e)
{
	static const char sql[] = "INSERT INTO challenge(org_id, name, start_day, end_day, rule,"
		" mode, team_score, visibility, spec, status, created_by, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?11) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, c->org_id);
	db_bind_text(st, 2, c->name);
	db_bind_day(st, 3, c->start);
	db_bind_day(st, 4, c->end);
	db_bind_text(st, 5, c->rule);
	db_bind_text(st, 6, c->mode);
	db_bind_text(st, 7, c->team_score);
	db_bind_text(st, 8, c->visibility);
	db_bind_text(st, 9, c->spec);
	db_bind_id(st, 10, c->created_by);
	db_bind_int64(st, 11, c->created_at);
	return db_insert_id(st, id, e);
}

int store_challenge_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct challenge_row *out, struct err *e)
{
	static const char sql[] = "SELECT " CH_COLS " FROM challenge WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "challenge", e) < 0)
		return -1;
	read_challenge(st, a, out);
	db_done(st);
	return 0;
}

int store_challenge_list(struct store *s, id_t64 org, struct arena *a,
			 struct challenge_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " CH_COLS " FROM challenge WHERE org_id = ?1"
		" ORDER BY end_day DESC, id DESC";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	return db_collect_rows(st, a, sizeof(**out), read_challenge, out, n, e);
}

int store_challenge_list_due(struct store *s, id_t64 org, day_t today, struct arena *a,
			     struct challenge_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " CH_COLS " FROM challenge WHERE org_id = ?1"
		" AND end_day < ?2 AND status = 'open' ORDER BY end_day, id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_day(st, 2, today);
	return db_collect_rows(st, a, sizeof(**out), read_challenge, out, n, e);
}

int store_challenge_set_status(struct store *s, id_t64 org, id_t64 id, const char *status,
			       struct err *e)
{
	static const char sql[] = "UPDATE challenge SET status = ?3 WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_text(st, 3, status);
	return db_run_update(st, "challenge", e);
}

int store_challenge_set_kept(struct store *s, id_t64 org, id_t64 id, day_t day, struct err *e)
{
	static const char sql[] = "UPDATE challenge SET kept_on = ?3 WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (day == DAY_NONE)
		db_bind_null(st, 3, DB_TEXT);
	else
		db_bind_day(st, 3, day);
	return db_run_update(st, "challenge", e);
}

int store_challenge_unkeep_all(struct store *s, id_t64 org, struct err *e)
{
	static const char sql[] = "UPDATE challenge SET kept_on = NULL"
		" WHERE org_id = ?1 AND kept_on IS NOT NULL";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	return db_run(st, e) < 0 ? -1 : 0;
}

int store_challenge_scores_clear(struct store *s, id_t64 org, id_t64 id, struct err *e)
{
	static const char sql[] = "DELETE FROM challenge_score WHERE org_id = ?1 AND challenge_id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	return db_run(st, e) < 0 ? -1 : 0;
}

#define SCORE_COLS "v0, v1, v2, v3, v4, v5, v6, v7, y0, y1, y2, y3, y4, y5, y6, y7"

/* Rows are written SCORE_BATCH at a time (one statement of many rows), the
 * rest one at a time. ?1 org, ?2 challenge; row r's person and 16 figures
 * from ?(3 + 17 r). The statements' texts are made once (db_prep
 * keeps a prepared statement by its text's address). */
#define SCORE_BATCH 32
#define SCORE_PARAMS 17
static char sql_upsert[2][SCORE_BATCH * 200 + 1024], sql_update[2][SCORE_BATCH * 200 + 1024];
static pthread_once_t sql_once = PTHREAD_ONCE_INIT;

static void values(struct buf *b, int rows, bool keys)
{
	for (int r = 0; r < rows; r++) {
		int base = 3 + r * SCORE_PARAMS;
		buf_adds(b, r ? ", (" : "(");
		if (keys)
			buf_adds(b, "?1, ?2, ");
		for (int k = 0; k < SCORE_PARAMS; k++)
			buf_addf(b, "%s%c%d", k ? ", " : "", '?', base + k);  /* ?N */
		buf_adds(b, ")");
	}
}

static void make_sql(void)
{
	for (int i = 0; i < 2; i++) {
		int rows = i ? SCORE_BATCH : 1;
		struct buf b = BUF_INIT;
		buf_adds(&b, "INSERT INTO challenge_score(org_id, challenge_id, person_id, " SCORE_COLS
			 ") VALUES ");
		values(&b, rows, true);
		buf_adds(&b, " ON CONFLICT (org_id, challenge_id, person_id) DO UPDATE SET"
			 " v0 = excluded.v0, v1 = excluded.v1, v2 = excluded.v2, v3 = excluded.v3,"
			 " v4 = excluded.v4, v5 = excluded.v5, v6 = excluded.v6, v7 = excluded.v7,"
			 " y0 = excluded.y0, y1 = excluded.y1, y2 = excluded.y2, y3 = excluded.y3,"
			 " y4 = excluded.y4, y5 = excluded.y5, y6 = excluded.y6, y7 = excluded.y7");
		snprintf(sql_upsert[i], sizeof(sql_upsert[i]), "%s", b.data);
		buf_free(&b);
		/* only the rows already there: an update joined with the values
		 * (named column1..column17 by both engines) */
		buf_init(&b);
		buf_adds(&b, "UPDATE challenge_score SET v0 = x.column2, v1 = x.column3,"
			 " v2 = x.column4, v3 = x.column5, v4 = x.column6, v5 = x.column7,"
			 " v6 = x.column8, v7 = x.column9, y0 = x.column10, y1 = x.column11,"
			 " y2 = x.column12, y3 = x.column13, y4 = x.column14, y5 = x.column15,"
			 " y6 = x.column16, y7 = x.column17 FROM (VALUES ");
		values(&b, rows, false);
		buf_adds(&b, ") AS x WHERE challenge_score.org_id = ?1 AND challenge_score.challenge_id = ?2"
			 " AND challenge_score.person_id = x.column1");
		snprintf(sql_update[i], sizeof(sql_update[i]), "%s", b.data);
		buf_free(&b);
	}
}

static void bind_row(struct db_stmt *st, int base, const struct challenge_score_row *r)
{
	db_bind_int64(st, base, r->person);
	for (int j = 0; j < CH_SLOTS; j++) {
		const double v = r->v[j], y = r->y[j];
		if (isnan(v))
			db_bind_null(st, base + 1 + j, DB_DOUBLE);
		else
			db_bind_double(st, base + 1 + j, v);
		if (isnan(y))
			db_bind_null(st, base + 1 + CH_SLOTS + j, DB_DOUBLE);
		else
			db_bind_double(st, base + 1 + CH_SLOTS + j, y);
	}
}

int store_challenge_scores_put(struct store *s, id_t64 org, id_t64 id,
			       const struct challenge_score_row *rows, size_t n, bool only_kept,
			       struct err *e)
{
	pthread_once(&sql_once, make_sql);
	for (size_t i = 0; i < n;) {
		int batch = n - i >= SCORE_BATCH;
		int rows_in = batch ? SCORE_BATCH : 1;
		struct db_stmt *st = db_prep(s->db, only_kept ? sql_update[batch] : sql_upsert[batch], e);
		if (!st)
			return -1;
		db_bind_int64(st, 1, org);
		db_bind_int64(st, 2, id);
		for (int r = 0; r < rows_in; r++)
			bind_row(st, 3 + r * SCORE_PARAMS, &rows[i + (size_t)r]);
		if (db_run(st, e) < 0)
			return -1;
		i += (size_t)rows_in;
	}
	return 0;
}

static int read_scores(struct db_stmt *st, struct arena *a, struct challenge_score_row **out,
		       size_t *n, struct err *e)
{
	struct challenge_score_row *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct challenge_score_row *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		x->person = db_col_int64(st, 0);
		for (int j = 0; j < CH_SLOTS; j++) {
			x->v[j] = db_col_null(st, 1 + j) ? NAN : db_col_double(st, 1 + j);
			x->y[j] = db_col_null(st, 1 + CH_SLOTS + j) ? NAN
				  : db_col_double(st, 1 + CH_SLOTS + j);
		}
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v ? v : arena_alloc(a, sizeof(*v));
	*n = k;
	return 0;
}

int store_challenge_scores(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			   struct challenge_score_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT person_id, " SCORE_COLS " FROM challenge_score"
		" WHERE org_id = ?1 AND challenge_id = ?2 ORDER BY person_id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	return read_scores(st, a, out, n, e);
}

int store_challenge_scores_of(struct store *s, id_t64 org, id_t64 id, const struct ids *people,
			      struct arena *a, struct challenge_score_row **out, size_t *n,
			      struct err *e)
{
	static const char sql[] = "SELECT person_id, " SCORE_COLS " FROM challenge_score"
		" WHERE org_id = ?1 AND challenge_id = ?2 AND person_id IN " DB_IDS(3);
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_ids(st, 3, people);
	return read_scores(st, a, out, n, e);
}

#define BOARD_CHANGES_KEPT 64

int store_board_change_add(struct store *s, id_t64 org, id_t64 id, int64_t seq,
			   const struct ids *people, struct err *e)
{
	static const char add[] = "INSERT INTO board_change(org_id, challenge_id, seq, people)"
		" VALUES (?1, ?2, ?3, ?4)";
	static const char prune[] = "DELETE FROM board_change"
		" WHERE org_id = ?1 AND challenge_id = ?2 AND seq <= ?3";
	struct buf b = BUF_INIT;
	for (size_t i = 0; i < people->n; i++)
		buf_addf(&b, "%s%lld", i ? "," : "", (long long)people->v[i]);
	struct db_stmt *st = db_prep(s->db, add, e);
	if (!st) {
		buf_free(&b);
		return -1;
	}
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, seq);
	db_bind_text(st, 4, b.data);
	int rc = db_run(st, e);
	buf_free(&b);
	if (rc < 0 || !(st = db_prep(s->db, prune, e)))
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, seq - BOARD_CHANGES_KEPT);
	return db_run(st, e) < 0 ? -1 : 0;
}

int store_board_changes(struct store *s, id_t64 org, id_t64 id, int64_t after, int64_t upto,
			struct arena *a, struct ids *people, int64_t *last, struct err *e)
{
	static const char sql[] = "SELECT seq, people FROM board_change"
		" WHERE org_id = ?1 AND challenge_id = ?2 AND seq > ?3 ORDER BY seq";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, after);
	people->v = NULL;
	people->n = 0;
	size_t cap = 0;
	int64_t next = after + 1;
	bool whole = true;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		int64_t q = db_col_int64(st, 0);
		if (q != next)
			whole = false;  /* a gap: rows pruned since */
		next = q + 1;
		const char *t = db_col_str(st, 1, a);
		while (t && *t) {
			char *end;
			long long v = strtoll(t, &end, 10);
			if (end == t)
				break;
			*(id_t64 *)arena_push(a, (void **)&people->v, &people->n, &cap, sizeof(id_t64)) = v;
			t = *end == ',' ? end + 1 : end;
		}
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*last = whole && next - 1 >= upto ? next - 1 : -1;
	return 0;
}

int store_board_generation(struct store *s, id_t64 org, id_t64 id, int64_t *gen, int64_t *seq,
			   struct err *e)
{
	static const char sql[] = "SELECT gen, seq FROM board_generation"
		" WHERE org_id = ?1 AND challenge_id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	*gen = *seq = 0;
	int rc = db_step(st, e);
	if (rc > 0) {
		*gen = db_col_int64(st, 0);
		*seq = db_col_int64(st, 1);
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_board_seq_next(struct store *s, id_t64 org, id_t64 id, int64_t *seq, struct err *e)
{
	static const char bump[] = "UPDATE board_generation SET seq = seq + 1"
		" WHERE org_id = ?1 AND challenge_id = ?2";
	struct db_stmt *st = db_prep(s->db, bump, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_run(st, e) < 0)
		return -1;
	int64_t gen;
	return store_board_generation(s, org, id, &gen, seq, e);
}

int store_challenge_own_targets(struct store *s, id_t64 org, const char *key, day_t from,
				day_t to, struct arena *a, struct own_target_row **out, size_t *n,
				struct err *e)
{
	static const char sql[] = "SELECT owner_person_id, target, baseline, start, due"
		" FROM objective WHERE org_id = ?1 AND indicator = ?2 AND owner_person_id IS NOT NULL"
		" AND status <> 'cancelled' AND target IS NOT NULL AND start IS NOT NULL"
		" AND due IS NOT NULL AND start <= ?4 AND due >= ?3";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, key);
	db_bind_day(st, 3, from);
	db_bind_day(st, 4, to);
	struct own_target_row *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct own_target_row *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		x->person = db_col_int64(st, 0);
		x->target = db_col_double(st, 1);
		x->has_baseline = !db_col_null(st, 2);
		x->baseline = db_col_double(st, 2);
		x->start = db_col_day(st, 3);
		x->due = db_col_day(st, 4);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_challenge_result_add(struct store *s, id_t64 org, id_t64 challenge,
			       const struct challenge_result_row *r, struct err *e)
{
	static const char sql[] = "INSERT INTO challenge_result(org_id, challenge_id, run,"
		" closed_on, closed_at, closed_by, board) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
		" RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, challenge);
	db_bind_int64(st, 3, r->run);
	db_bind_day(st, 4, r->closed_on);
	db_bind_int64(st, 5, r->closed_at);
	db_bind_id(st, 6, r->closed_by);
	db_bind_text(st, 7, r->board);
	return db_insert_id(st, NULL, e);
}

int store_challenge_results(struct store *s, id_t64 org, id_t64 challenge, struct arena *a,
			    struct challenge_result_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT id, run, closed_on, closed_at, closed_by, board"
		" FROM challenge_result WHERE org_id = ?1 AND challenge_id = ?2 ORDER BY run DESC";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, challenge);
	struct challenge_result_row *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct challenge_result_row *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		x->id = db_col_int64(st, 0);
		x->run = (int)db_col_int64(st, 1);
		x->closed_on = db_col_day(st, 2);
		x->closed_at = db_col_int64(st, 3);
		x->closed_by = db_col_int64(st, 4);
		x->board = db_col_str(st, 5, a);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v ? v : arena_alloc(a, sizeof(*v));
	*n = k;
	return 0;
}

int store_badge_award(struct store *s, id_t64 org, const struct badge_row *b, int *awarded,
		      struct err *e)
{
	static const char sql[] = "INSERT INTO badge(org_id, person_id, unit_id, kind, ref,"
		" reason, awarded_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (org_id, kind, ref, person_id, unit_id) DO NOTHING";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, b->person_id);
	db_bind_int64(st, 3, b->unit_id);
	db_bind_text(st, 4, b->kind);
	db_bind_text(st, 5, b->ref);
	db_bind_text(st, 6, b->reason);
	db_bind_day(st, 7, b->awarded_on);
	db_bind_int64(st, 8, b->created_at);
	int rc = db_step(st, e);
	int64_t changed = rc >= 0 ? db_changes(st) : 0;
	db_done(st);
	if (rc < 0)
		return -1;
	*awarded = changed > 0;
	return 0;
}

int store_badges_held(struct store *s, id_t64 org, const struct ids *people,
		      const struct ids *units, struct arena *a, struct badge_row **out, size_t *n,
		      struct err *e)
{
	static const char sql[] = "SELECT person_id, unit_id, kind, ref FROM badge"
		" WHERE org_id = ?1 AND ((person_id <> 0 AND person_id IN " DB_IDS(2) ")"
		" OR (unit_id <> 0 AND unit_id IN " DB_IDS(3) "))";
	struct ids none = { NULL, 0 };
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, people ? people : &none);
	db_bind_ids(st, 3, units ? units : &none);
	struct badge_row *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct badge_row *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		memset(x, 0, sizeof(*x));
		x->person_id = db_col_int64(st, 0);
		x->unit_id = db_col_int64(st, 1);
		x->kind = db_col_str(st, 2, a);
		x->ref = db_col_str(st, 3, a);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v ? v : arena_alloc(a, sizeof(*v));
	*n = k;
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
		" " DB_IDS(2) " OR b.person_id IN (SELECT p.id FROM person p"
		" WHERE p.org_id = ?1 AND p.unit_id IN " DB_IDS(2) "))"
		" ORDER BY b.awarded_on, b.id";
	struct db_stmt *st = db_prep(s->db, person ? sql_p : sql_u, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	if (person)
		db_bind_int64(st, 2, person);
	else
		db_bind_ids(st, 2, units);
	struct badge_row *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct badge_row *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		x->id = db_col_int64(st, 0);
		x->person_id = db_col_int64(st, 1);
		x->unit_id = db_col_int64(st, 2);
		x->kind = db_col_str(st, 3, a);
		x->ref = db_col_str(st, 4, a);
		x->reason = db_col_str(st, 5, a);
		x->awarded_on = db_col_day(st, 6);
		x->created_at = db_col_int64(st, 7);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v ? v : arena_alloc(a, sizeof(*v));
	*n = k;
	return 0;
}
