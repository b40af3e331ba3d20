/* What the SQLite driver's two files share: its connection and statement
 * (each beginning with the seam's generic half, db.h). Private to the
 * driver: nothing outside db_sqlite*.c includes sqlite3.h. */
#ifndef CIBLE_DB_SQLITE_H
#define CIBLE_DB_SQLITE_H
#include <sqlite3.h>
#include "store/db.h"

struct sq_db {
	struct db base;
	sqlite3 *h;
};

struct sq_stmt {
	struct db_stmt base;
	sqlite3_stmt *h;
};

static inline sqlite3 *sq_handle(struct db *db) { return ((struct sq_db *)db)->h; }
static inline sqlite3_stmt *sq_stmt_handle(struct db_stmt *st) { return ((struct sq_stmt *)st)->h; }

/* The failure of the connection's last call, through db_fail(). */
int sq_fail(sqlite3 *h, struct err *e);

/* db_sqlite_measure.c: the month rows and the cible_merge function */
int sq_measure_register(sqlite3 *h, struct err *e);
int sq_month_merge(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
		   day_t month, const double *days, size_t nvals, struct err *e);
int sq_month_scan(struct db *db, id_t64 indicator, enum db_owner owner, const struct ids *ids,
		  day_t from, day_t to, db_month_fn fn, void *ctx, struct err *e);
int sq_month_clear(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
		   struct err *e);
/* db_sqlite_backup.c */
int sq_backup(struct db *db, const char *path, struct err *e);
int sq_verify(const char *path, int *version, struct err *e);
int sq_restore(const char *from, const char *path, struct err *e);
#endif
