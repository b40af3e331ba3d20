/* The audit trail: one row per change (who, when, which entity, the action,
 * the JSON before and after), written in the transaction of the change it
 * records, so the trail and the data never disagree. Rows are only ever
 * added; a page of them reads newest first with its author's name. */
#include <stdint.h>
#include "store/store_int.h"

int store_audit_add(struct store *s, id_t64 org, id_t64 actor, const char *entity,
		    id_t64 entity_id, const char *action, const char *before,
		    const char *after, struct err *e)
{
	static const char sql[] = "INSERT INTO audit(org_id, at, actor_id, entity, entity_id,"
				  " action, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, store_now());
	db_bind_id(st, 3, actor);
	db_bind_text(st, 4, entity);
	db_bind_int64(st, 5, entity_id);
	db_bind_text(st, 6, action);
	db_bind_text(st, 7, before);
	db_bind_text(st, 8, after);
	return db_run(st, e);
}

int store_audit_list(struct store *s, id_t64 org, const char *entity, id_t64 entity_id,
		     size_t limit, size_t offset, struct arena *a, struct audit_entry **out,
		     size_t *n, size_t *total, struct err *e)
{
	static const char sql_count[] = "SELECT count(*) FROM audit WHERE org_id = ?1"
		" AND (?2 IS NULL OR entity = ?2) AND (?3 IS NULL OR entity_id = ?3)";
	static const char sql[] = "SELECT a.id, a.at, a.actor_id, p.name, a.entity, a.entity_id,"
		" a.action, a.before, a.after FROM audit a LEFT JOIN person p ON p.org_id = a.org_id AND p.id = a.actor_id"
		" WHERE a.org_id = ?1 AND (?2 IS NULL OR a.entity = ?2)"
		" AND (?3 IS NULL OR a.entity_id = ?3) ORDER BY a.id DESC LIMIT ?4 OFFSET ?5";
	struct db_stmt *st = db_prep(s->db, sql_count, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, entity);
	db_bind_id(st, 3, entity_id);
	if (db_one_row(st, "audit", e) < 0)
		return -1;
	*total = (size_t)db_col_int64(st, 0);
	db_done(st);
	int rc = 0;
	if (!(st = db_prep(s->db, sql, e)))
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, entity);
	db_bind_id(st, 3, entity_id);
	db_bind_int64(st, 4, (int64_t)limit);
	db_bind_int64(st, 5, (int64_t)offset);
	struct audit_entry *v = arena_alloc(a, (limit ? limit : 1) * sizeof(*v));
	size_t k = 0;
	while (k < limit && (rc = db_step(st, e)) > 0) {
		struct audit_entry *x = &v[k++];
		x->id = db_col_int64(st, 0);
		x->at = db_col_int64(st, 1);
		x->actor_id = db_col_int64(st, 2);
		x->actor_name = db_col_str(st, 3, a);
		x->entity = db_col_str(st, 4, a);
		x->entity_id = db_col_int64(st, 5);
		x->action = db_col_str(st, 6, a);
		x->before = db_col_str(st, 7, a);
		x->after = db_col_str(st, 8, a);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

/* The rows older than before_id (0: from the newest), newest first, limit
 * of them: an export reads the whole trail a page at a time, each page from
 * where the last ended, so that rows added meanwhile neither repeat nor
 * shift it. */
int store_audit_page(struct store *s, id_t64 org, const char *entity, id_t64 entity_id,
		     id_t64 before_id, size_t limit, struct arena *a, struct audit_entry **out,
		     size_t *n, struct err *e)
{
	static const char sql[] = "SELECT a.id, a.at, a.actor_id, p.name, a.entity, a.entity_id,"
		" a.action, a.before, a.after FROM audit a LEFT JOIN person p ON p.org_id = a.org_id AND p.id = a.actor_id"
		" WHERE +a.org_id = ?1 AND (?2 IS NULL OR a.entity = ?2)"
		" AND (?3 IS NULL OR a.entity_id = ?3) AND a.id < ?4"
		" ORDER BY a.id DESC LIMIT ?5";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, entity);
	db_bind_id(st, 3, entity_id);
	/* a plain bound on the key, so that each page starts where the last
	 * ended; "+a.org_id" keeps the planner on the key's order (the entity
	 * index would sort every row of the organisation for each page) */
	db_bind_int64(st, 4, before_id ? before_id : INT64_MAX);
	db_bind_int64(st, 5, (int64_t)limit);
	struct audit_entry *v = arena_alloc(a, (limit ? limit : 1) * sizeof(*v));
	size_t k = 0;
	int rc = 0;
	while (k < limit && (rc = db_step(st, e)) > 0) {
		struct audit_entry *x = &v[k++];
		x->id = db_col_int64(st, 0);
		x->at = db_col_int64(st, 1);
		x->actor_id = db_col_int64(st, 2);
		x->actor_name = db_col_str(st, 3, a);
		x->entity = db_col_str(st, 4, a);
		x->entity_id = db_col_int64(st, 5);
		x->action = db_col_str(st, 6, a);
		x->before = db_col_str(st, 7, a);
		x->after = db_col_str(st, 8, a);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}
