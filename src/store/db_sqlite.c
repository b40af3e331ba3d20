/* The SQLite driver of the seam (db.h). One connection per struct store (one
 * per server thread), in WAL mode with a 10 s busy wait, foreign keys on and
 * an 8 MiB page cache (96 MiB during a bulk load, so that a big import's
 * index pages stay in memory). cible SQL runs as written: SQLite takes ?N and
 * DB_IDS() (json_each over the JSON array db_bind_ids() binds). The schema
 * ledger is PRAGMA user_version, as it has always been, so existing
 * databases open unchanged. */
#include <time.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/buf.h"
#include "store/db_sqlite.h"

#define CACHE_NORMAL_KIB 8192
#define CACHE_BULK_KIB (96 * 1024)

static enum db_fault fault_of(sqlite3 *h)
{
	int code = sqlite3_extended_errcode(h);
	if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
		return DB_FAULT_UNIQUE;
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return DB_FAULT_CONSTRAINT;
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return DB_FAULT_RETRY;
	return DB_FAULT_OTHER;
}

int sq_fail(sqlite3 *h, struct err *e)
{
	return db_fail(fault_of(h), sqlite3_errmsg(h), e);
}

static int sq_exec(struct db *db, const char *script, struct err *e)
{
	sqlite3 *h = sq_handle(db);
	char *msg = NULL;
	if (sqlite3_exec(h, script, NULL, NULL, &msg) != SQLITE_OK) {
		db_fail(fault_of(h), msg ? msg : sqlite3_errmsg(h), e);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static void sq_close(struct db *db)
{
	struct sq_db *c = (struct sq_db *)db;
	sqlite3_close(c->h);
	free(c);
}

static void set_cache(sqlite3 *h, int kib)
{
	char sql[64];
	snprintf(sql, sizeof(sql), "PRAGMA cache_size = -%d", kib);
	sqlite3_exec(h, sql, NULL, NULL, NULL);
}

static struct db *sq_open(const char *path, struct err *e)
{
	struct sq_db *c = calloc(1, sizeof(*c));
	if (!c) {
		err_set(e, 500, "internal", NULL, "out of memory", NULL);
		return NULL;
	}
	c->base.drv = &db_sqlite;
	if (sqlite3_open_v2(path, &c->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		err_set(e, 500, "database", NULL, c->h ? sqlite3_errmsg(c->h) : path, NULL);
		goto fail;
	}
	sqlite3_busy_timeout(c->h, 10000);
	if (sq_measure_register(c->h, e))
		goto fail;
	/* Turning a database to WAL takes an exclusive lock and SQLite does not
	 * call the busy handler for it: several processes opening one older
	 * file at once got "database is locked". Wait as the busy timeout would. */
	for (int tries = 0;; tries++) {
		err_clear(e);
		if (!sq_exec(&c->base, "PRAGMA journal_mode = WAL;", e))
			break;
		if (!e->code || strcmp(e->code, "database_busy") || tries >= 1000)
			goto fail;
		struct timespec pause = { 0, 10 * 1000 * 1000 };
		nanosleep(&pause, NULL);
	}
	if (sq_exec(&c->base, db_durability_full() ? "PRAGMA synchronous = FULL;"
						       : "PRAGMA synchronous = NORMAL;", e) ||
	    sq_exec(&c->base, "PRAGMA foreign_keys = ON;", e))
		goto fail;
	set_cache(c->h, CACHE_NORMAL_KIB);
	return &c->base;
fail:
	sq_close(&c->base);
	return NULL;
}

static int sq_exists(const char *path, struct err *e)
{
	(void)e;
	return access(path, F_OK) == 0;
}

/* The file and the two SQLite keeps beside it in WAL mode. */
static int sq_destroy(const char *path, struct err *e)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < 3; i++) {
		char p[4096];
		if ((size_t)snprintf(p, sizeof(p), "%s%s", path, suffix[i]) >= sizeof(p))
			return err_set(e, 500, "database", NULL, "path too long", NULL);
		if (unlink(p) && errno != ENOENT)
			return err_set(e, 500, "database", NULL, strerror(errno), NULL);
	}
	return 0;
}

static struct db_stmt *sq_prepare(struct db *db, const char *sql, struct err *e)
{
	sqlite3 *h = sq_handle(db);
	sqlite3_stmt *raw;
	if (sqlite3_prepare_v3(h, sql, -1, SQLITE_PREPARE_PERSISTENT, &raw, NULL) != SQLITE_OK) {
		sq_fail(h, e);
		return NULL;
	}
	struct sq_stmt *st = calloc(1, sizeof(*st));
	if (!st) {
		sqlite3_finalize(raw);
		err_set(e, 500, "internal", NULL, "out of memory", NULL);
		return NULL;
	}
	st->h = raw;
	return &st->base;
}

static void sq_reset(struct db_stmt *st)
{
	sqlite3_reset(sq_stmt_handle(st));
	sqlite3_clear_bindings(sq_stmt_handle(st));
}

static void sq_finalize(struct db_stmt *st)
{
	sqlite3_finalize(sq_stmt_handle(st));
	free(st);
}

static void sq_bind_null(struct db_stmt *st, int i, enum db_type type)
{
	(void)type;  /* SQLite's values carry their own type */
	sqlite3_bind_null(sq_stmt_handle(st), i);
}

static void sq_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(sq_stmt_handle(st), i, v);
}

static void sq_bind_double(struct db_stmt *st, int i, double v)
{
	sqlite3_bind_double(sq_stmt_handle(st), i, v);
}

static void sq_bind_text(struct db_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(sq_stmt_handle(st), i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(sq_stmt_handle(st), i);
}

/* An id set as a JSON array, for json_each() (DB_IDS). */
static void sq_bind_ids(struct db_stmt *st, int i, const struct ids *set)
{
	if (!set) {
		sqlite3_bind_null(sq_stmt_handle(st), i);
		return;
	}
	struct buf j = BUF_INIT;
	buf_addc(&j, '[');
	for (size_t k = 0; k < set->n; k++)
		buf_addf(&j, "%s%lld", k ? "," : "", (long long)set->v[k]);
	buf_addc(&j, ']');
	sqlite3_bind_text(sq_stmt_handle(st), i, j.data, (int)j.len, SQLITE_TRANSIENT);
	buf_free(&j);
}

static int sq_step(struct db_stmt *st, struct err *e)
{
	int rc = sqlite3_step(sq_stmt_handle(st));
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return sq_fail(sqlite3_db_handle(sq_stmt_handle(st)), e);
}

static int64_t sq_changes(struct db_stmt *st)
{
	return sqlite3_changes(sqlite3_db_handle(sq_stmt_handle(st)));
}

static int sq_col_null(struct db_stmt *st, int i)
{
	return sqlite3_column_type(sq_stmt_handle(st), i) == SQLITE_NULL;
}

static int64_t sq_col_int64(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(sq_stmt_handle(st), i);
}

static double sq_col_double(struct db_stmt *st, int i)
{
	return sqlite3_column_double(sq_stmt_handle(st), i);
}

static const char *sq_col_text(struct db_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(sq_stmt_handle(st), i);
}

static const void *sq_col_blob(struct db_stmt *st, int i, size_t *n)
{
	const void *p = sqlite3_column_blob(sq_stmt_handle(st), i);
	*n = (size_t)sqlite3_column_bytes(sq_stmt_handle(st), i);
	return p;
}

static int sq_col_count(struct db_stmt *st)
{
	return sqlite3_column_count(sq_stmt_handle(st));
}

static const char *sq_col_name(struct db_stmt *st, int i)
{
	return sqlite3_column_name(sq_stmt_handle(st), i);
}

static enum db_kind sq_col_kind(struct db_stmt *st, int i)
{
	switch (sqlite3_column_type(sq_stmt_handle(st), i)) {
	case SQLITE_INTEGER: return DB_KIND_INT64;
	case SQLITE_FLOAT: return DB_KIND_DOUBLE;
	case SQLITE_TEXT: return DB_KIND_TEXT;
	case SQLITE_BLOB: return DB_KIND_BLOB;
	default: return DB_KIND_NULL;
	}
}

/* One INSERT prepared for the copy alone (not cached: its text is built
 * here), run once a row. SQLite gives the next rowid past the largest. */
static int sq_copy_in(struct db *db, const char *table, const char *const *cols, int ncols,
		      db_row_next_fn next, void *ctx, int64_t *n, struct err *e)
{
	sqlite3 *h = sq_handle(db);
	struct buf sql = BUF_INIT;
	buf_addf(&sql, "INSERT INTO \"%s\" (", table);
	for (int i = 0; i < ncols; i++)
		buf_addf(&sql, "%s\"%s\"", i ? ", " : "", cols[i]);
	buf_adds(&sql, ") VALUES (");
	for (int i = 0; i < ncols; i++)
		buf_addf(&sql, "%s?%d", i ? ", " : "", i + 1);
	buf_adds(&sql, ")");
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(h, sql.data, -1, &st, NULL);
	buf_free(&sql);
	if (rc != SQLITE_OK)
		return sq_fail(h, e);
	struct db_value *vals = calloc((size_t)(ncols ? ncols : 1), sizeof(*vals));
	if (!vals) {
		sqlite3_finalize(st);
		return err_set(e, 500, "internal", NULL, "out of memory", NULL);
	}
	*n = 0;
	while ((rc = next(ctx, vals, e)) > 0) {
		for (int i = 0; i < ncols; i++) {
			const struct db_value *v = &vals[i];
			if (v->kind == DB_KIND_INT64)
				sqlite3_bind_int64(st, i + 1, v->i);
			else if (v->kind == DB_KIND_DOUBLE)
				sqlite3_bind_double(st, i + 1, v->d);
			else if (v->kind == DB_KIND_TEXT && v->text)
				sqlite3_bind_text(st, i + 1, v->text, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(st, i + 1);
		}
		if (sqlite3_step(st) != SQLITE_DONE) {
			rc = sq_fail(h, e);
			break;
		}
		sqlite3_reset(st);
		++*n;
	}
	free(vals);
	sqlite3_finalize(st);
	return rc < 0 ? -1 : 0;
}

/* IMMEDIATE: the write lock at the start, so two writers queue on the busy
 * wait instead of one failing when it first writes. */
static int sq_begin(struct db *db, struct err *e)
{
	return sq_exec(db, "BEGIN IMMEDIATE", e);
}

static int sq_commit(struct db *db, struct err *e)
{
	return sq_exec(db, "COMMIT", e);
}

static void sq_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(sq_handle(db)))
		sqlite3_exec(sq_handle(db), "ROLLBACK", NULL, NULL, NULL);
}

static void sq_bulk(struct db *db, int on)
{
	set_cache(sq_handle(db), on ? CACHE_BULK_KIB : CACHE_NORMAL_KIB);
	/* a statement of many rows (store_activity_add_many) keeps its statement
	 * journal in memory rather than in a temporary file written page by page */
	sqlite3_exec(sq_handle(db), on ? "PRAGMA temp_store = MEMORY" : "PRAGMA temp_store = DEFAULT",
		     NULL, NULL, NULL);
}

static int sq_version_get(struct db *db, int *version, struct err *e)
{
	sqlite3_stmt *st;
	sqlite3 *h = sq_handle(db);
	if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return sq_fail(h, e);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : sq_fail(h, e);
}

static int sq_version_set(struct db *db, int version, const char *name, struct err *e)
{
	(void)name;  /* the ledger is a number: the migration table names it */
	char pragma[64];
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", version);
	return sq_exec(db, pragma, e);
}

/* Foreign keys off around a table's rebuild (the 12 steps of SQLite's ALTER
 * TABLE documentation): DROP TABLE would otherwise check every reference to
 * the old table. Before the commit, PRAGMA foreign_key_check must find none
 * broken. */
static int sq_rebuild(struct db *db, int phase, struct err *e)
{
	if (phase == DB_REBUILD_BEGIN)
		return sq_exec(db, "PRAGMA foreign_keys = OFF;", e);
	if (phase == DB_REBUILD_END)
		return sq_exec(db, "PRAGMA foreign_keys = ON;", e);
	sqlite3 *h = sq_handle(db);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return db_fail(DB_FAULT_OTHER, sqlite3_errmsg(h), e);
	int rc = sqlite3_step(st);
	char what[160] = "";
	if (rc == SQLITE_ROW)
		snprintf(what, sizeof(what), "a rebuild broke a reference of %s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return db_fail(DB_FAULT_CONSTRAINT, what, e);
	if (rc != SQLITE_DONE)
		return db_fail(DB_FAULT_OTHER, sqlite3_errmsg(h), e);
	return 0;
}

const struct db_driver db_sqlite = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exists = sq_exists,
	.destroy = sq_destroy,
	.prepare = sq_prepare,
	.reset = sq_reset,
	.finalize = sq_finalize,
	.bind_null = sq_bind_null,
	.bind_int64 = sq_bind_int64,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_ids = sq_bind_ids,
	.step = sq_step,
	.changes = sq_changes,
	.col_null = sq_col_null,
	.col_int64 = sq_col_int64,
	.col_double = sq_col_double,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.col_count = sq_col_count,
	.col_name = sq_col_name,
	.col_kind = sq_col_kind,
	.copy_in = sq_copy_in,
	.exec = sq_exec,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.bulk = sq_bulk,
	.rebuild = sq_rebuild,
	.version_get = sq_version_get,
	.version_set = sq_version_set,
	.month_merge = sq_month_merge,
	.month_scan = sq_month_scan,
	.month_clear = sq_month_clear,
	.backup = sq_backup,
	.verify = sq_verify,
	.restore = sq_restore,
};
