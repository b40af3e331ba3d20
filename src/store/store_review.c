/* Reviews (store_review.h). */
#include <string.h>
#include "store/store_int.h"
#include "store/store_review.h"

#define REVIEW_COLS "r.id, r.org_id, r.subject, r.subject_id, r.reviewee_id, r.manager_id," \
	" pa.name, pb.name, COALESCE(ps.name, us.name), r.period, r.start, r.end_day, r.version," \
	" r.previous_id, r.superseded, r.worked, r.not_worked, r.ideas, r.self_text," \
	" r.manager_text, r.self_at, r.manager_at, r.reviewee_signed_at, r.manager_signed_at," \
	" r.reviewee_signed_name, r.manager_signed_name, r.outcomes, r.reopen_reason," \
	" r.created_by, r.created_at, r.updated_at"
#define REVIEW_FROM " FROM review r" \
	" LEFT JOIN person pa ON pa.org_id = r.org_id AND pa.id = r.reviewee_id" \
	" LEFT JOIN person pb ON pb.org_id = r.org_id AND pb.id = r.manager_id" \
	" LEFT JOIN person ps ON r.subject = 'person' AND ps.org_id = r.org_id AND ps.id = r.subject_id" \
	" LEFT JOIN unit us ON r.subject = 'unit' AND us.org_id = r.org_id AND us.id = r.subject_id"

static void read_review(struct db_stmt *st, struct arena *a, void *element)
{
	struct review_row *r = element;
	memset(r, 0, sizeof(*r));
	r->id = db_col_int64(st, 0);
	r->org_id = db_col_int64(st, 1);
	r->subject = db_col_str(st, 2, a);
	r->subject_id = db_col_int64(st, 3);
	r->reviewee_id = db_col_int64(st, 4);
	r->manager_id = db_col_int64(st, 5);
	r->reviewee_name = db_col_str(st, 6, a);
	r->manager_name = db_col_str(st, 7, a);
	r->subject_name = db_col_str(st, 8, a);
	r->period = db_col_str(st, 9, a);
	r->start = db_col_day(st, 10);
	r->end = db_col_day(st, 11);
	r->version = (int)db_col_int64(st, 12);
	r->previous_id = db_col_int64(st, 13);
	r->superseded = db_col_int64(st, 14) != 0;
	r->worked = db_col_str(st, 15, a);
	r->not_worked = db_col_str(st, 16, a);
	r->ideas = db_col_str(st, 17, a);
	r->self_text = db_col_str(st, 18, a);
	r->manager_text = db_col_str(st, 19, a);
	r->self_at = db_col_int64(st, 20);
	r->manager_at = db_col_int64(st, 21);
	r->reviewee_signed_at = db_col_int64(st, 22);
	r->manager_signed_at = db_col_int64(st, 23);
	r->reviewee_signed_name = db_col_str(st, 24, a);
	r->manager_signed_name = db_col_str(st, 25, a);
	r->outcomes = db_col_str(st, 26, a);
	r->reopen_reason = db_col_str(st, 27, a);
	r->created_by = db_col_int64(st, 28);
	r->created_at = db_col_int64(st, 29);
	r->updated_at = db_col_int64(st, 30);
}

static void bind_time(struct db_stmt *st, int i, int64_t t)
{
	if (t)
		db_bind_int64(st, i, t);
	else
		db_bind_null(st, i, DB_INT64);
}

int store_review_create(struct store *s, const struct review_row *r, id_t64 *id,
			struct err *e)
{
	static const char sql[] = "INSERT INTO review(org_id, subject, subject_id, reviewee_id,"
		" manager_id, period, start, end_day, version, previous_id, worked, not_worked, ideas,"
		" self_text, manager_text, reopen_reason, created_by, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		" ?18, ?18) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, r->org_id);
	db_bind_text(st, 2, r->subject);
	db_bind_int64(st, 3, r->subject_id);
	db_bind_int64(st, 4, r->reviewee_id);
	db_bind_int64(st, 5, r->manager_id);
	db_bind_text(st, 6, r->period);
	db_bind_day(st, 7, r->start);
	db_bind_day(st, 8, r->end);
	db_bind_int64(st, 9, r->version);
	db_bind_id(st, 10, r->previous_id);
	db_bind_text(st, 11, r->worked ? r->worked : "");
	db_bind_text(st, 12, r->not_worked ? r->not_worked : "");
	db_bind_text(st, 13, r->ideas ? r->ideas : "");
	db_bind_text(st, 14, r->self_text ? r->self_text : "");
	db_bind_text(st, 15, r->manager_text ? r->manager_text : "");
	if (r->reopen_reason)
		db_bind_text(st, 16, r->reopen_reason);
	else
		db_bind_null(st, 16, DB_TEXT);
	db_bind_id(st, 17, r->created_by);
	db_bind_int64(st, 18, r->created_at);
	return db_insert_id(st, id, e);
}

int store_review_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		     struct review_row *out, struct err *e)
{
	static const char sql[] = "SELECT " REVIEW_COLS REVIEW_FROM
		" WHERE r.org_id = ?1 AND r.id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "review", e) < 0)
		return -1;
	read_review(st, a, out);
	db_done(st);
	return 0;
}

int store_review_update(struct store *s, const struct review_row *r, struct err *e)
{
	static const char sql[] = "UPDATE review SET worked = ?3, not_worked = ?4, ideas = ?5,"
		" self_text = ?6, manager_text = ?7, self_at = ?8, manager_at = ?9,"
		" reviewee_signed_at = ?10, reviewee_signed_name = ?11, manager_signed_at = ?12,"
		" manager_signed_name = ?13, outcomes = ?14, superseded = ?15, updated_at = ?16"
		" WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, r->org_id);
	db_bind_int64(st, 2, r->id);
	db_bind_text(st, 3, r->worked ? r->worked : "");
	db_bind_text(st, 4, r->not_worked ? r->not_worked : "");
	db_bind_text(st, 5, r->ideas ? r->ideas : "");
	db_bind_text(st, 6, r->self_text ? r->self_text : "");
	db_bind_text(st, 7, r->manager_text ? r->manager_text : "");
	bind_time(st, 8, r->self_at);
	bind_time(st, 9, r->manager_at);
	bind_time(st, 10, r->reviewee_signed_at);
	if (r->reviewee_signed_name)
		db_bind_text(st, 11, r->reviewee_signed_name);
	else
		db_bind_null(st, 11, DB_TEXT);
	bind_time(st, 12, r->manager_signed_at);
	if (r->manager_signed_name)
		db_bind_text(st, 13, r->manager_signed_name);
	else
		db_bind_null(st, 13, DB_TEXT);
	if (r->outcomes)
		db_bind_text(st, 14, r->outcomes);
	else
		db_bind_null(st, 14, DB_TEXT);
	db_bind_int64(st, 15, r->superseded ? 1 : 0);
	db_bind_int64(st, 16, r->updated_at);
	return db_run_update(st, "review", e);
}

static int read_reviews(struct db_stmt *st, struct arena *a, struct review_row **out,
			size_t *n, struct err *e)
{
	return db_collect_rows(st, a, sizeof(**out), read_review, out, n, e);
}

int store_review_list(struct store *s, id_t64 org, const char *subject, id_t64 subject_id,
		      struct arena *a, struct review_row **out, size_t *n, struct err *e)
{
	static const char all[] = "SELECT " REVIEW_COLS REVIEW_FROM
		" WHERE r.org_id = ?1 ORDER BY r.start DESC, r.id DESC";
	static const char one[] = "SELECT " REVIEW_COLS REVIEW_FROM
		" WHERE r.org_id = ?1 AND r.subject = ?2 AND r.subject_id = ?3"
		" ORDER BY r.start DESC, r.id DESC";
	struct db_stmt *st = db_prep(s->db, subject ? one : all, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	if (subject) {
		db_bind_text(st, 2, subject);
		db_bind_int64(st, 3, subject_id);
	}
	return read_reviews(st, a, out, n, e);
}

int store_review_current(struct store *s, id_t64 org, const char *subject, id_t64 subject_id,
			 const char *period, day_t start, id_t64 *id, int *found, struct err *e)
{
	static const char sql[] = "SELECT id FROM review WHERE org_id = ?1 AND subject = ?2"
		" AND subject_id = ?3 AND period = ?4 AND start = ?5 AND superseded = 0";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, subject);
	db_bind_int64(st, 3, subject_id);
	db_bind_text(st, 4, period);
	db_bind_day(st, 5, start);
	int rc = db_step(st, e);
	*found = rc == 1;
	*id = rc == 1 ? db_col_int64(st, 0) : 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}
