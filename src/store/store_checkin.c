/* Check-ins: where an objective stands, said in turn by its owner and their
 * manager, each row keeping the measured value and attainment of that
 * moment. Rows are only added; an objective's read newest first, and the
 * last of each of a set of objectives (a dashboard) found through the
 * (objective, id) index: the greatest id of each. */
#include <string.h>
#include "store/store_int.h"

#define CHECKIN_COLS "c.id, c.org_id, c.objective_id, c.author_id, p.name, c.confidence," \
	" c.comment, c.value, c.attainment, c.created_at, c.blockers, c.next_steps, c.manual"

static void read_checkin(struct db_stmt *st, struct arena *a, struct checkin *c)
{
	memset(c, 0, sizeof(*c));
	c->id = db_col_int64(st, 0);
	c->org_id = db_col_int64(st, 1);
	c->objective_id = db_col_int64(st, 2);
	c->author_id = db_col_int64(st, 3);
	c->author_name = db_col_str(st, 4, a);
	int conf = confidence_parse(db_col_text(st, 5));
	c->confidence = conf > 0 ? (enum confidence)conf : CONF_NONE;
	c->comment = db_col_str(st, 6, a);
	c->has_value = !db_col_null(st, 7);
	c->value = db_col_double(st, 7);
	c->has_attainment = !db_col_null(st, 8);
	c->attainment = db_col_double(st, 8);
	c->created_at = db_col_int64(st, 9);
	c->blockers = db_col_null(st, 10) ? NULL : db_col_str(st, 10, a);
	c->next_steps = db_col_null(st, 11) ? NULL : db_col_str(st, 11, a);
	c->manual = db_col_int64(st, 12) != 0;
}

int store_checkin_create(struct store *s, const struct checkin *c, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO checkin(org_id, objective_id, author_id, confidence,"
		" comment, value, attainment, created_at, blockers, next_steps, manual)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
		" RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, c->org_id);
	db_bind_int64(st, 2, c->objective_id);
	db_bind_int64(st, 3, c->author_id);
	db_bind_text(st, 4, confidence_name(c->confidence));
	db_bind_text(st, 5, c->comment);
	db_bind_opt(st, 6, c->has_value, c->value);
	db_bind_opt(st, 7, c->has_attainment, c->attainment);
	db_bind_int64(st, 8, c->created_at);
	db_bind_text(st, 9, c->blockers);
	db_bind_text(st, 10, c->next_steps);
	db_bind_int64(st, 11, c->manual);
	return db_insert_id(st, id, e);
}

int store_checkin_list(struct store *s, id_t64 org, id_t64 objective, size_t limit,
		       size_t offset, struct arena *a, struct checkin **out, size_t *n,
		       size_t *total, struct err *e)
{
	static const char sql_count[] = "SELECT count(*) FROM checkin"
		" WHERE org_id = ?1 AND objective_id = ?2";
	static const char sql[] = "SELECT " CHECKIN_COLS " FROM checkin c"
		" LEFT JOIN person p ON p.id = c.author_id WHERE c.org_id = ?1"
		" AND c.objective_id = ?2 ORDER BY c.id DESC LIMIT ?3 OFFSET ?4";
	struct db_stmt *st = db_prep(s->db, sql_count, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, objective);
	if (db_one_row(st, "check-ins", e) < 0)
		return -1;
	*total = (size_t)db_col_int64(st, 0);
	db_done(st);
	if (!(st = db_prep(s->db, sql, e)))
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, objective);
	db_bind_int64(st, 3, (int64_t)limit);
	db_bind_int64(st, 4, (int64_t)offset);
	struct checkin *v = arena_alloc(a, (limit ? limit : 1) * sizeof(*v));
	size_t k = 0;
	int rc = 0;
	while (k < limit && (rc = db_step(st, e)) > 0)
		read_checkin(st, a, &v[k++]);
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_checkin_last(struct store *s, id_t64 org, const struct ids *objectives,
		       struct arena *a, struct checkin **out, struct err *e)
{
	/* the newest of each: the greatest id per objective, through the index,
	 * then each of those rows by its id */
	static const char sql[] = "SELECT " CHECKIN_COLS " FROM checkin c"
		" LEFT JOIN person p ON p.id = c.author_id WHERE c.org_id = ?1 AND c.id IN"
		" (SELECT (SELECT max(x.id) FROM checkin x WHERE x.objective_id = o.value)"
		" FROM " DB_IDS(2) " o)";
	struct checkin *v = arena_alloc(a, (objectives->n ? objectives->n : 1) * sizeof(*v));
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
		struct checkin c;
		read_checkin(st, a, &c);
		for (size_t i = 0; i < objectives->n; i++)
			if (objectives->v[i] == c.objective_id)
				v[i] = c;
	}
	db_done(st);
	return rc ? -1 : 0;
}
