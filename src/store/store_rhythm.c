/* The rhythm of objectives in the store (store_rhythm.h): cadence settings,
 * the owners' last check-ins, feedback threads, one-to-ones, their private
 * notes and actions. */
#include <string.h>
#include "store/store_int.h"
#include "store/store_rhythm.h"

/* ---- cadence ---- */

int store_cadence_list(struct store *s, id_t64 org, struct arena *a,
		       struct cadence_setting **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT scope, scope_id, every FROM cadence WHERE org_id = ?1"
		" ORDER BY scope, scope_id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	struct cadence_setting *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		int sc = cadence_scope_parse(db_col_text(st, 0));
		int ev = cadence_parse(db_col_text(st, 2));
		if (sc < 0 || ev < 0)
			continue;
		*(struct cadence_setting *)arena_push(a, &v, &k, &cap, sizeof(*v)) =
			(struct cadence_setting){ (enum cadence_scope)sc, db_col_int64(st, 1),
						   (enum cadence)ev };
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v ? v : arena_alloc(a, sizeof(*v));
	*n = k;
	return 0;
}

int store_cadence_set(struct store *s, id_t64 org, const struct cadence_setting *c,
		      int64_t now, id_t64 by, struct err *e)
{
	static const char sql[] = "INSERT INTO cadence(org_id, scope, scope_id, every, updated_at,"
		" updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (org_id, scope, scope_id)"
		" DO UPDATE SET every = excluded.every, updated_at = excluded.updated_at,"
		" updated_by = excluded.updated_by";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, cadence_scope_name(c->scope));
	db_bind_int64(st, 3, c->scope_id);
	db_bind_text(st, 4, cadence_name(c->every));
	db_bind_int64(st, 5, now);
	db_bind_id(st, 6, by);
	return db_run(st, e);
}

int store_cadence_delete(struct store *s, id_t64 org, enum cadence_scope scope, id_t64 id,
			 int *removed, struct err *e)
{
	static const char sql[] = "DELETE FROM cadence WHERE org_id = ?1 AND scope = ?2"
		" AND scope_id = ?3";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, cadence_scope_name(scope));
	db_bind_int64(st, 3, id);
	int rc = db_step(st, e);
	*removed = rc >= 0 && db_changes(st) > 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* ---- the owners' check-ins ---- */

int store_checkin_last_own(struct store *s, id_t64 org, const struct ids *objectives,
			   struct arena *a, int64_t **out, struct err *e)
{
	static const char sql[] = "SELECT c.objective_id, max(c.created_at) FROM checkin c"
		" JOIN objective o ON o.org_id = c.org_id AND o.id = c.objective_id AND o.owner_person_id = c.author_id"
		" WHERE c.org_id = ?1 AND c.objective_id IN " DB_IDS(2)
		" GROUP BY c.objective_id";
	int64_t *v = arena_alloc(a, (objectives->n + 1) * sizeof(*v));
	memset(v, 0, (objectives->n + 1) * sizeof(*v));
	*out = v;
	if (!objectives->n)
		return 0;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, objectives);
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		id_t64 id = db_col_int64(st, 0);
		for (size_t i = 0; i < objectives->n; i++)
			if (objectives->v[i] == id)
				v[i] = db_col_int64(st, 1);
	}
	db_done(st);
	return rc ? -1 : 0;
}

int store_checkin_since(struct store *s, id_t64 org, const struct ids *objectives,
			int64_t since, size_t limit, struct arena *a, struct checkin **out,
			size_t *n, struct err *e)
{
	static const char sql[] = "SELECT c.id, c.objective_id, c.author_id, p.name, c.confidence,"
		" c.comment, c.value, c.attainment, c.created_at, c.blockers, c.next_steps, c.manual"
		" FROM checkin c LEFT JOIN person p ON p.id = c.author_id WHERE c.org_id = ?1"
		" AND c.objective_id IN " DB_IDS(2) " AND c.created_at >= ?3"
		" ORDER BY c.id DESC LIMIT ?4";
	struct checkin *v = arena_alloc(a, (limit ? limit : 1) * sizeof(*v));
	*out = v;
	*n = 0;
	if (!objectives->n)
		return 0;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, objectives);
	db_bind_int64(st, 3, since);
	db_bind_int64(st, 4, (int64_t)limit);
	int rc = 0;
	size_t k = 0;
	while (k < limit && (rc = db_step(st, e)) > 0) {
		struct checkin *c = &v[k++];
		memset(c, 0, sizeof(*c));
		c->org_id = org;
		c->id = db_col_int64(st, 0);
		c->objective_id = db_col_int64(st, 1);
		c->author_id = db_col_int64(st, 2);
		c->author_name = db_col_str(st, 3, a);
		int conf = confidence_parse(db_col_text(st, 4));
		c->confidence = conf > 0 ? (enum confidence)conf : CONF_NONE;
		c->comment = db_col_str(st, 5, a);
		c->has_value = !db_col_null(st, 6);
		c->value = db_col_double(st, 6);
		c->has_attainment = !db_col_null(st, 7);
		c->attainment = db_col_double(st, 7);
		c->created_at = db_col_int64(st, 8);
		c->blockers = db_col_str(st, 9, a);
		c->next_steps = db_col_str(st, 10, a);
		c->manual = db_col_int64(st, 11) != 0;
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*n = k;
	return 0;
}

/* ---- feedback ---- */

#define FEEDBACK_COLS "f.id, f.org_id, f.thread_id, f.from_id, f.to_id, f.objective_id," \
	" pf.name, pt.name, f.body, f.closed_at, f.closed_by, f.created_at"
#define FEEDBACK_FROM " FROM feedback f LEFT JOIN person pf ON pf.org_id = f.org_id AND pf.id = f.from_id" \
	" LEFT JOIN person pt ON pt.org_id = f.org_id AND pt.id = f.to_id"

static void read_feedback(struct db_stmt *st, struct arena *a, void *element)
{
	struct feedback_row *f = element;
	memset(f, 0, sizeof(*f));
	f->id = db_col_int64(st, 0);
	f->org_id = db_col_int64(st, 1);
	f->thread_id = db_col_int64(st, 2);
	f->from_id = db_col_int64(st, 3);
	f->to_id = db_col_int64(st, 4);
	f->objective_id = db_col_int64(st, 5);
	f->from_name = db_col_str(st, 6, a);
	f->to_name = db_col_str(st, 7, a);
	f->body = db_col_str(st, 8, a);
	f->closed_at = db_col_int64(st, 9);
	f->closed_by = db_col_int64(st, 10);
	f->created_at = db_col_int64(st, 11);
}

static int read_feedbacks(struct db_stmt *st, struct arena *a, struct feedback_row **out,
			  size_t *n, struct err *e)
{
	return db_collect_rows(st, a, sizeof(**out), read_feedback, out, n, e);
}

int store_feedback_create(struct store *s, const struct feedback_row *f, id_t64 *id,
			  struct err *e)
{
	static const char sql[] = "INSERT INTO feedback(org_id, thread_id, from_id, to_id,"
		" objective_id, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, f->org_id);
	db_bind_id(st, 2, f->thread_id);
	db_bind_int64(st, 3, f->from_id);
	db_bind_int64(st, 4, f->to_id);
	db_bind_id(st, 5, f->objective_id);
	db_bind_text(st, 6, f->body);
	db_bind_int64(st, 7, f->created_at);
	return db_insert_id(st, id, e);
}

int store_feedback_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		       struct feedback_row *out, struct err *e)
{
	static const char sql[] = "SELECT " FEEDBACK_COLS FEEDBACK_FROM
		" WHERE f.org_id = ?1 AND f.id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "feedback", e) < 0)
		return -1;
	read_feedback(st, a, out);
	db_done(st);
	return 0;
}

int store_feedback_replies(struct store *s, id_t64 org, id_t64 thread, struct arena *a,
			   struct feedback_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " FEEDBACK_COLS FEEDBACK_FROM
		" WHERE f.org_id = ?1 AND f.thread_id = ?2 ORDER BY f.id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, thread);
	return read_feedbacks(st, a, out, n, e);
}

int store_feedback_threads(struct store *s, id_t64 org, id_t64 person, struct arena *a,
			   struct feedback_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " FEEDBACK_COLS FEEDBACK_FROM
		" WHERE f.org_id = ?1 AND f.thread_id IS NULL AND (f.from_id = ?2 OR f.to_id = ?2)"
		" ORDER BY f.id DESC";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	return read_feedbacks(st, a, out, n, e);
}

int store_feedback_close(struct store *s, id_t64 org, id_t64 id, int64_t at, id_t64 by,
			 struct err *e)
{
	static const char sql[] = "UPDATE feedback SET closed_at = ?3, closed_by = ?4"
		" WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, at);
	db_bind_id(st, 4, by);
	return db_run_update(st, "feedback", e);
}

/* ---- one-to-ones ---- */

#define ONEONONE_COLS "m.id, m.org_id, m.manager_id, m.member_id, pa.name, pb.name, m.day," \
	" m.shared_notes, m.created_by, m.created_at, m.updated_at"
#define ONEONONE_FROM " FROM one_to_one m LEFT JOIN person pa ON pa.org_id = m.org_id AND pa.id = m.manager_id" \
	" LEFT JOIN person pb ON pb.org_id = m.org_id AND pb.id = m.member_id"

static void read_oneonone(struct db_stmt *st, struct arena *a, void *element)
{
	struct oneonone_row *m = element;
	memset(m, 0, sizeof(*m));
	m->id = db_col_int64(st, 0);
	m->org_id = db_col_int64(st, 1);
	m->manager_id = db_col_int64(st, 2);
	m->member_id = db_col_int64(st, 3);
	m->manager_name = db_col_str(st, 4, a);
	m->member_name = db_col_str(st, 5, a);
	m->day = db_col_day(st, 6);
	m->shared_notes = db_col_str(st, 7, a);
	m->created_by = db_col_int64(st, 8);
	m->created_at = db_col_int64(st, 9);
	m->updated_at = db_col_int64(st, 10);
}

int store_oneonone_create(struct store *s, const struct oneonone_row *m, id_t64 *id,
			  struct err *e)
{
	static const char sql[] = "INSERT INTO one_to_one(org_id, manager_id, member_id, day,"
		" shared_notes, created_by, created_at, updated_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, m->org_id);
	db_bind_int64(st, 2, m->manager_id);
	db_bind_int64(st, 3, m->member_id);
	db_bind_day(st, 4, m->day);
	db_bind_text(st, 5, m->shared_notes ? m->shared_notes : "");
	db_bind_id(st, 6, m->created_by);
	db_bind_int64(st, 7, m->created_at);
	return db_insert_id(st, id, e);
}

int store_oneonone_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		       struct oneonone_row *out, struct err *e)
{
	static const char sql[] = "SELECT " ONEONONE_COLS ONEONONE_FROM
		" WHERE m.org_id = ?1 AND m.id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "one-to-one", e) < 0)
		return -1;
	read_oneonone(st, a, out);
	db_done(st);
	return 0;
}

int store_oneonone_update(struct store *s, const struct oneonone_row *m, struct err *e)
{
	static const char sql[] = "UPDATE one_to_one SET day = ?3, shared_notes = ?4,"
		" updated_at = ?5 WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, m->org_id);
	db_bind_int64(st, 2, m->id);
	db_bind_day(st, 3, m->day);
	db_bind_text(st, 4, m->shared_notes ? m->shared_notes : "");
	db_bind_int64(st, 5, m->updated_at);
	return db_run_update(st, "one-to-one", e);
}

static int read_oneonones(struct db_stmt *st, struct arena *a, struct oneonone_row **out,
			  size_t *n, struct err *e)
{
	return db_collect_rows(st, a, sizeof(**out), read_oneonone, out, n, e);
}

int store_oneonone_list(struct store *s, id_t64 org, id_t64 person, struct arena *a,
			struct oneonone_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " ONEONONE_COLS ONEONONE_FROM
		" WHERE m.org_id = ?1 AND (m.manager_id = ?2 OR m.member_id = ?2)"
		" ORDER BY m.day DESC, m.id DESC";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	return read_oneonones(st, a, out, n, e);
}

int store_oneonone_previous(struct store *s, const struct oneonone_row *m, struct arena *a,
			    struct oneonone_row *out, int *found, struct err *e)
{
	static const char sql[] = "SELECT " ONEONONE_COLS ONEONONE_FROM
		" WHERE m.org_id = ?1 AND m.manager_id = ?2 AND m.member_id = ?3"
		" AND (m.day < ?4 OR (m.day = ?4 AND m.id < ?5)) ORDER BY m.day DESC, m.id DESC"
		" LIMIT 1";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, m->org_id);
	db_bind_int64(st, 2, m->manager_id);
	db_bind_int64(st, 3, m->member_id);
	db_bind_day(st, 4, m->day);
	db_bind_int64(st, 5, m->id);
	int rc = db_step(st, e);
	*found = rc > 0;
	if (rc > 0)
		read_oneonone(st, a, out);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_oneonone_note_get(struct store *s, id_t64 org, id_t64 meeting, id_t64 author,
			    struct arena *a, const char **body, struct err *e)
{
	static const char sql[] = "SELECT body FROM one_to_one_note WHERE org_id = ?1"
		" AND meeting_id = ?2 AND author_id = ?3";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, meeting);
	db_bind_int64(st, 3, author);
	int rc = db_step(st, e);
	*body = rc > 0 ? db_col_str(st, 0, a) : NULL;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_oneonone_note_set(struct store *s, id_t64 org, id_t64 meeting, id_t64 author,
			    const char *body, int64_t now, struct err *e)
{
	static const char sql[] = "INSERT INTO one_to_one_note(org_id, meeting_id, author_id, body,"
		" updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (org_id, meeting_id, author_id)"
		" DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, meeting);
	db_bind_int64(st, 3, author);
	db_bind_text(st, 4, body ? body : "");
	db_bind_int64(st, 5, now);
	return db_run(st, e);
}

/* ---- actions ---- */

#define ACTION_COLS "x.id, x.org_id, x.meeting_id, x.owner_id, p.name, x.title, x.due," \
	" x.done, x.done_at, x.created_at, m.day"
#define ACTION_FROM " FROM one_to_one_action x JOIN one_to_one m ON m.org_id = x.org_id AND m.id = x.meeting_id" \
	" LEFT JOIN person p ON p.org_id = x.org_id AND p.id = x.owner_id"

static void read_action(struct db_stmt *st, struct arena *a, void *element)
{
	struct action_row *x = element;
	memset(x, 0, sizeof(*x));
	x->id = db_col_int64(st, 0);
	x->org_id = db_col_int64(st, 1);
	x->meeting_id = db_col_int64(st, 2);
	x->owner_id = db_col_int64(st, 3);
	x->owner_name = db_col_str(st, 4, a);
	x->title = db_col_str(st, 5, a);
	x->due = db_col_day(st, 6);
	x->done = db_col_int64(st, 7) != 0;
	x->done_at = db_col_int64(st, 8);
	x->created_at = db_col_int64(st, 9);
	x->meeting_day = db_col_day(st, 10);
}

static int read_actions(struct db_stmt *st, struct arena *a, struct action_row **out,
			size_t *n, struct err *e)
{
	return db_collect_rows(st, a, sizeof(**out), read_action, out, n, e);
}

int store_action_create(struct store *s, const struct action_row *x, id_t64 *id,
			struct err *e)
{
	static const char sql[] = "INSERT INTO one_to_one_action(org_id, meeting_id, owner_id,"
		" title, due, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, x->org_id);
	db_bind_int64(st, 2, x->meeting_id);
	db_bind_int64(st, 3, x->owner_id);
	db_bind_text(st, 4, x->title);
	db_bind_day(st, 5, x->due);
	db_bind_int64(st, 6, x->created_at);
	return db_insert_id(st, id, e);
}

int store_action_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		     struct action_row *out, struct err *e)
{
	static const char sql[] = "SELECT " ACTION_COLS ACTION_FROM
		" WHERE x.org_id = ?1 AND x.id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "action", e) < 0)
		return -1;
	read_action(st, a, out);
	db_done(st);
	return 0;
}

int store_action_set_done(struct store *s, id_t64 org, id_t64 id, bool done, int64_t at,
			  struct err *e)
{
	static const char sql[] = "UPDATE one_to_one_action SET done = ?3, done_at = ?4"
		" WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, done);
	if (done)
		db_bind_int64(st, 4, at);
	else
		db_bind_null(st, 4, DB_INT64);
	return db_run_update(st, "action", e);
}

int store_action_list(struct store *s, id_t64 org, id_t64 meeting, struct arena *a,
		      struct action_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " ACTION_COLS ACTION_FROM
		" WHERE x.org_id = ?1 AND x.meeting_id = ?2 ORDER BY x.id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, meeting);
	return read_actions(st, a, out, n, e);
}

int store_action_open_before(struct store *s, const struct oneonone_row *m, struct arena *a,
			     struct action_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " ACTION_COLS ACTION_FROM
		" WHERE x.org_id = ?1 AND m.manager_id = ?2 AND m.member_id = ?3 AND x.done = 0"
		" AND (m.day < ?4 OR (m.day = ?4 AND m.id < ?5)) ORDER BY m.day, x.id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, m->org_id);
	db_bind_int64(st, 2, m->manager_id);
	db_bind_int64(st, 3, m->member_id);
	db_bind_day(st, 4, m->day);
	db_bind_int64(st, 5, m->id);
	return read_actions(st, a, out, n, e);
}
