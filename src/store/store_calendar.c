/* Calendar feeds (migration 0018_calendar): one secret address per person,
 * kept as the hash of its token. */
#include "store/store_int.h"

int store_calendar_feed_set(struct store *s, id_t64 org, id_t64 person, const char *token_hash,
			    int64_t now, struct err *e)
{
	static const char sql[] = "INSERT INTO calendar_feed(org_id, person_id, token_hash,"
		" created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (org_id, person_id) DO UPDATE"
		" SET token_hash = excluded.token_hash, created_at = excluded.created_at";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_text(st, 3, token_hash);
	db_bind_int64(st, 4, now);
	return db_run(st, e);
}

int store_calendar_feed_get(struct store *s, id_t64 org, id_t64 person, int64_t *created_at,
			    struct err *e)
{
	static const char sql[] = "SELECT created_at FROM calendar_feed WHERE org_id = ?1"
				  " AND person_id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	if (db_one_row(st, "calendar feed", e) < 0)
		return -1;
	*created_at = db_col_int64(st, 0);
	db_done(st);
	return 0;
}

int store_calendar_feed_delete(struct store *s, id_t64 org, id_t64 person, struct err *e)
{
	static const char sql[] = "DELETE FROM calendar_feed WHERE org_id = ?1 AND person_id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	return db_run_update(st, "calendar feed", e);
}

int store_calendar_feed_find(struct store *s, const char *token_hash, id_t64 *org,
			     id_t64 *person, struct err *e)
{
	static const char sql[] = "SELECT f.org_id, f.person_id FROM calendar_feed f"
		" JOIN person p ON p.org_id = f.org_id AND p.id = f.person_id AND p.active <> 0 WHERE f.token_hash = ?1";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, token_hash);
	if (db_one_row(st, "calendar feed", e) < 0)
		return -1;
	*org = db_col_int64(st, 0);
	*person = db_col_int64(st, 1);
	db_done(st);
	return 0;
}
