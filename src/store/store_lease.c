/* Leases of the background jobs (migration 0020_job_lease): which of the
 * servers sharing a database runs a job. Of no organisation: one row per job. */
#include <string.h>
#include "store/store_int.h"

int store_lease_take(struct store *s, const char *name, const char *holder, int64_t now,
		     int64_t until, int *held, struct err *e)
{
	static const char seed[] = "INSERT INTO job_lease (name) VALUES (?1)"
		" ON CONFLICT (name) DO NOTHING";
	static const char take[] = "UPDATE job_lease SET holder = ?2, expires = ?3,"
		" taken_at = CASE WHEN holder = ?2 THEN taken_at ELSE ?4 END"
		" WHERE name = ?1 AND (holder = ?2 OR expires < ?4)";
	*held = 0;
	struct db_stmt *st = db_prep(s->db, seed, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	if (db_run(st, e))
		return -1;
	st = db_prep(s->db, take, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, holder);
	db_bind_int64(st, 3, until);
	db_bind_int64(st, 4, now);
	int rc = db_step(st, e);
	*held = rc >= 0 && db_changes(st) > 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_lease_release(struct store *s, const char *name, const char *holder, struct err *e)
{
	static const char sql[] = "UPDATE job_lease SET expires = 0"
		" WHERE name = ?1 AND holder = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, holder);
	return db_run(st, e);
}
