/* The SQLite driver's backups (db.h: backup, verify, restore): an online,
 * consistent copy made with SQLite's backup API while the server keeps
 * writing (in WAL mode readers and the copy never block writers: the copy
 * reads one snapshot), written beside its destination and renamed into place
 * so that a crash never leaves half a backup under the final name; and the
 * restore of a file the store has verified (a sound SQLite file with cible's
 * tables), copied into the destination through the same API (other
 * connections on the destination see all of it or none). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "store/db_sqlite.h"

static int copy_db(sqlite3 *from, sqlite3 *to, struct err *e)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b)
		return err_set(e, 500, "database", NULL, sqlite3_errmsg(to), NULL);
	int rc;
	do {
		rc = sqlite3_backup_step(b, -1);  /* all pages, one snapshot */
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return err_set(e, 500, "database", NULL, sqlite3_errstr(rc), NULL);
	return 0;
}

static int fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

int sq_backup(struct db *db, const char *path, struct err *e)
{
	char tmp[4096];
	if (snprintf(tmp, sizeof(tmp), "%s.partial", path) >= (int)sizeof(tmp))
		return err_set(e, 400, "invalid_value", "to", "to", "a shorter path");
	unlink(tmp);
	sqlite3 *to = NULL;
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		err_set(e, 500, "database", NULL, to ? sqlite3_errmsg(to) : tmp, NULL);
		sqlite3_close(to);
		return -1;
	}
	int rc = copy_db(sq_handle(db), to, e);
	/* a backup is one self-contained file: no WAL beside it */
	if (!rc && sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		rc = err_set(e, 500, "database", NULL, sqlite3_errmsg(to), NULL);
	sqlite3_close(to);
	if (!rc && fsync_path(tmp))
		rc = err_set(e, 500, "database", NULL, "fsync of the backup failed", NULL);
	if (!rc && rename(tmp, path))
		rc = err_set(e, 500, "database", NULL, "cannot rename the backup into place", NULL);
	if (rc)
		unlink(tmp);
	return rc;
}

int sq_verify(const char *path, int *version, struct err *e)
{
	sqlite3 *db = NULL;
	if (access(path, R_OK))
		return err_set(e, 404, "not_found", "from", path, NULL);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		err_set(e, 422, "not_cible_database", "from", path, NULL);
		sqlite3_close(db);
		return -1;
	}
	int rc = -1, have_org = 0;
	sqlite3_stmt *st = NULL;
	*version = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok")) {
		err_set(e, 422, "not_cible_database", "from", path, NULL);
		goto done;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
			       " AND name IN ('org', 'objective', 'person')", -1, &st, NULL) ==
		    SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		have_org = sqlite3_column_int(st, 0) == 3;
	sqlite3_finalize(st);
	st = NULL;
	if (!have_org) {
		err_set(e, 422, "not_cible_database", "from", path, NULL);
		goto done;
	}
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	rc = 0;
done:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}

int sq_restore(const char *from, const char *path, struct err *e)
{
	sqlite3 *src = NULL, *dst = NULL;
	int rc = -1;
	if (sqlite3_open_v2(from, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
		    SQLITE_OK) {
		err_set(e, 500, "database", NULL, dst ? sqlite3_errmsg(dst) : path, NULL);
		goto done;
	}
	sqlite3_busy_timeout(dst, 10000);
	rc = copy_db(src, dst, e);
	if (!rc && sqlite3_exec(dst, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
		rc = err_set(e, 500, "database", NULL, sqlite3_errmsg(dst), NULL);
done:
	sqlite3_close(src);
	sqlite3_close(dst);
	return rc;
}
