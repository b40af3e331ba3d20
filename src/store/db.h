/* The driver seam: what the store asks of a database engine. The store's
 * resource files (store_*.c) are written only against this header, in one SQL
 * dialect that every driver accepts; what cannot be shared (SQLite's packed
 * measure rows, its PRAGMAs and page cache, the schema ledger, backups) is a
 * named operation of the driver. Private to src/store.
 *
 * The SQL the store writes ("cible SQL"):
 *   - placeholders are ?N only (1-based; a number may repeat): db_prep()
 *     refuses a bare ?. A PostgreSQL driver rewrites ?N to $N.
 *   - x IN DB_IDS(N) tests x against the id set bound at ?N by db_bind_ids()
 *     (NULL binds SQL NULL: write "?N IS NULL OR x IN DB_IDS(N)" for "any").
 *     DB_IDS(N) is a one-column subquery named value, so "FROM DB_IDS(N) o"
 *     works too. The SQLite driver runs it as written (json_each over a JSON
 *     array); another driver binds the set its own way and rewrites exactly
 *     this text.
 *   - the shared subset: ON CONFLICT ... DO NOTHING / DO UPDATE, RETURNING id
 *     for a new row's id, WITH RECURSIVE, coalesce, row-value UPDATE SET
 *     (a, b) = (?1, ?2), LIMIT/OFFSET with bound integers (no limit is
 *     DB_NO_LIMIT, never -1 or NULL), integers 0/1 for flags compared as
 *     "x <> 0" (never "WHERE x" or "NOT x"), times as unix seconds bound from
 *     C (never strftime or now()), dates as ISO text.
 *   - parameters carry their type from the bind call, a NULL too (int64,
 *     double, text, an id set): the SQL does not cast them. A driver whose
 *     engine types parameters (libpq: PQprepare's paramTypes) takes the types
 *     from the binds of a statement's first run, which is what makes
 *     "(?2 IS NULL OR x = ?2)" work there: PostgreSQL cannot infer a type from
 *     an IS NULL that comes first. Each parameter of a statement is always
 *     bound through the same function, so its type never changes; one left
 *     unbound is NULL of the type the server infers from where it is used.
 *   - binding an index the statement does not use is ignored.
 *
 * Statements are cached by the address of their SQL text (a string literal),
 * so each is prepared once per connection. db_prep() hands it back reset
 * with its bindings cleared; db_done() releases it (a reset for a cached one,
 * which ends its read, a finalize for one that did not fit the cache).
 * Several statements may be open at once on one connection (a scan's
 * callback writes), and a statement is only used by its connection's thread. */
#ifndef CIBLE_DB_H
#define CIBLE_DB_H
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"
#include "core/date.h"
#include "core/err.h"
#include "core/model.h"
#include "store/store.h"

#define DB_IDS(n) "(SELECT value FROM json_each(?" #n "))"
#define DB_NO_LIMIT INT64_MAX
#define DB_STMT_CACHE 192

struct db;
struct db_stmt;

/* How a statement failed; db_fail() turns it into the store's errors. */
enum db_fault {
	DB_FAULT_OTHER,       /* 500 database */
	DB_FAULT_UNIQUE,      /* 409 conflict: a unique key or primary key */
	DB_FAULT_CONSTRAINT,  /* 422 invalid_value: another constraint (check, foreign key) */
	DB_FAULT_RETRY,       /* 503 database_busy: locked, busy, a serialisation failure;
			       * the same transaction again may succeed */
};

/* What a bound NULL stands for (db_bind_null): an engine that types its
 * parameters (PostgreSQL) must know, as it does for a value. */
enum db_type { DB_INT64, DB_DOUBLE, DB_TEXT };

/* What a column of the current row holds (db_driver.col_kind): the whole-row
 * copy of `cible migrate-store` (store_copy.c) reads rows it does not know
 * the shape of. */
enum db_kind { DB_KIND_NULL, DB_KIND_INT64, DB_KIND_DOUBLE, DB_KIND_TEXT, DB_KIND_BLOB };

/* One value of a copied row: text is valid until the source's next step. */
struct db_value {
	enum db_kind kind;
	int64_t i;
	double d;
	const char *text;
};

/* Gives the next row of a copy in vals (ncols of them): 1 a row, 0 the
 * end, -1 a failure with *e set. */
typedef int (*db_row_next_fn)(void *ctx, struct db_value *vals, struct err *e);

/* Measure states' month rows belong to a person or to a unit (store.h). */
enum db_owner { DB_PERSON, DB_UNIT };

/* One month row: the state of each day of month in turn, nvals doubles a day
 * (aligned, valid during the call). Non-zero stops the scan. */
typedef int (*db_month_fn)(void *ctx, id_t64 id, day_t month, const double *days,
			   size_t nvals);

/* What a driver implements. Statement functions get the driver's own
 * statement (which begins with struct db_stmt), connection functions its own
 * connection (which begins with struct db). */
enum { DB_REBUILD_BEGIN, DB_REBUILD_CHECK, DB_REBUILD_END };
struct db_driver {
	/* the dialect: migrations/NNNN_name.<name>.sql replaces NNNN_name.sql */
	const char *name;
	/* target: what follows the setting's scheme (a path for SQLite) */
	struct db *(*open)(const char *target, struct err *e);
	void (*close)(struct db *db);
	/* whether target names a database that exists (1) or not (0), -1 on a
	 * failure; destroy removes it and what it keeps beside it */
	int (*exists)(const char *target, struct err *e);
	int (*destroy)(const char *target, struct err *e);

	struct db_stmt *(*prepare)(struct db *db, const char *sql, struct err *e);
	void (*reset)(struct db_stmt *st);     /* bindings cleared, ready to step */
	void (*finalize)(struct db_stmt *st);
	void (*bind_null)(struct db_stmt *st, int i, enum db_type type);
	void (*bind_int64)(struct db_stmt *st, int i, int64_t v);
	void (*bind_double)(struct db_stmt *st, int i, double v);
	/* copied; NULL is a NULL of text */
	void (*bind_text)(struct db_stmt *st, int i, const char *v);
	/* NULL is a NULL of the set's type */
	void (*bind_ids)(struct db_stmt *st, int i, const struct ids *set);
	/* 1: a row is ready; 0: done; -1: failed, *e set through db_fail() */
	int (*step)(struct db_stmt *st, struct err *e);
	int64_t (*changes)(struct db_stmt *st);  /* rows written by its last step */
	int (*col_null)(struct db_stmt *st, int i);
	int64_t (*col_int64)(struct db_stmt *st, int i);  /* NULL reads 0 */
	double (*col_double)(struct db_stmt *st, int i);
	const char *(*col_text)(struct db_stmt *st, int i);  /* NULL for NULL; valid until
							      * the next step */
	const void *(*col_blob)(struct db_stmt *st, int i, size_t *n);
	/* the current result's columns: how many, each one's name, and what the
	 * current row holds there (for a row copied whole, store_copy.c) */
	int (*col_count)(struct db_stmt *st);
	const char *(*col_name)(struct db_stmt *st, int i);
	enum db_kind (*col_kind)(struct db_stmt *st, int i);
	/* Rows into table's columns cols (trusted names: the store's own list),
	 * each row from next() until it gives 0, inside the open transaction;
	 * *n the rows written. A column whose id values were given keeps them,
	 * and whatever gives the next id (PostgreSQL's identity sequence) moves
	 * past them. SQLite: one prepared INSERT; PostgreSQL: COPY FROM STDIN. */
	int (*copy_in)(struct db *db, const char *table, const char *const *cols, int ncols,
		       db_row_next_fn next, void *ctx, int64_t *n, struct err *e);

	int (*exec)(struct db *db, const char *script, struct err *e);  /* no parameters */
	int (*begin)(struct db *db, struct err *e);  /* a write transaction */
	int (*commit)(struct db *db, struct err *e);
	void (*rollback)(struct db *db);             /* nothing when none is open */
	/* a bulk load starts (1) or ends (0): page cache, COPY, whatever helps */
	void (*bulk)(struct db *db, int on);
	/* Optional. A migration that rebuilds a table others reference (its
	 * SQL holds the line "-- cible: rebuilds a table"): DB_REBUILD_BEGIN
	 * before its transaction, DB_REBUILD_CHECK inside it before the commit
	 * (every reference must hold again: -1 with *e otherwise), DB_REBUILD_END
	 * after it, committed or not. SQLite turns foreign keys off around it,
	 * which it cannot do inside a transaction; an engine that alters
	 * constraints in place has none. */
	int (*rebuild)(struct db *db, int phase, struct err *e);

	/* the schema ledger: how many migrations of the table in store_migrate.c
	 * a database has (0 for a new one); set inside the migration's
	 * transaction, with its name */
	int (*version_get)(struct db *db, int *version, struct err *e);
	int (*version_set)(struct db *db, int version, const char *name, struct err *e);

	/* Measure states (store.h), one row per indicator, owner and month.
	 * merge: days (every day of month's month, nvals doubles each) merged
	 * into the stored row: n and sum added, min and max kept.
	 * scan: the rows of indicator for ids of that owner kind (NULL: all of
	 * them) whose month meets [from, to]: each id's rows together, its months
	 * in order, the ids in no particular order; rows of another shape skipped.
	 * clear: the rows of indicator (id 0: every owner's; else owner id's). */
	int (*month_merge)(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
			   day_t month, const double *days, size_t nvals, struct err *e);
	int (*month_scan)(struct db *db, id_t64 indicator, enum db_owner owner,
			  const struct ids *ids, day_t from, day_t to, db_month_fn fn, void *ctx,
			  struct err *e);
	int (*month_clear)(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
			   struct err *e);
	/* Optional (NULL: month_merge for each). n rows merged as month_merge
	 * does, their keys distinct. */
	int (*month_merge_many)(struct db *db, const struct measure_month_row *v, size_t n,
				struct err *e);
	/* 1 when copy_in is the engine's bulk path (COPY), so that a batch of
	 * writes is best staged through it (store_activity_add_many); 0 when a
	 * prepared statement a row is as fast (SQLite). */
	int copy_bulk;

	/* Backups in the engine's own form (optional: NULL answers 500).
	 * backup: an online, consistent copy of the database into path.
	 * verify: path is a sound backup with cible's tables; *version its
	 * ledger (the store refuses one newer than the program).
	 * restore: a verified backup into target's database. */
	int (*backup)(struct db *db, const char *path, struct err *e);
	int (*verify)(const char *path, int *version, struct err *e);
	int (*restore)(const char *from, const char *target, struct err *e);
};

/* The generic half of a connection: a driver's connection begins with it. */
struct db {
	const struct db_driver *drv;
	int ncache;
	struct {
		const char *sql;
		struct db_stmt *st;
	} cache[DB_STMT_CACHE];
};

/* The generic half of a statement: a driver's statement begins with it. */
struct db_stmt {
	const struct db_driver *drv;
	struct db *db;
	int cached;
};

extern const struct db_driver db_sqlite;
extern const struct db_driver db_postgres;

/* The database setting: "sqlite:PATH", a PostgreSQL URL (postgres://,
 * postgresql://) or libpq's key=value form (host=..., dbname=...), or a
 * plain path (SQLite). */
struct db *db_open(const char *setting, struct err *e);
void db_close(struct db *db);
int db_exists(const char *setting, struct err *e);
int db_destroy(const char *setting, struct err *e);
/* The driver a setting names, and what it gets of the setting. */
int db_resolve(const char *setting, const struct db_driver **drv, const char **target,
	       struct err *e);

/* Sets *e for a failed statement and returns -1 (drivers call it). */
int db_fail(enum db_fault fault, const char *msg, struct err *e);

struct db_stmt *db_prep(struct db *db, const char *sql, struct err *e);
void db_done(struct db_stmt *st);

static inline int db_step(struct db_stmt *st, struct err *e) { return st->drv->step(st, e); }
static inline int64_t db_changes(struct db_stmt *st) { return st->drv->changes(st); }
static inline void db_bind_null(struct db_stmt *st, int i, enum db_type type)
{
	st->drv->bind_null(st, i, type);
}
static inline void db_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	st->drv->bind_int64(st, i, v);
}
static inline void db_bind_double(struct db_stmt *st, int i, double v)
{
	st->drv->bind_double(st, i, v);
}
static inline void db_bind_text(struct db_stmt *st, int i, const char *v)
{
	st->drv->bind_text(st, i, v);
}
static inline void db_bind_ids(struct db_stmt *st, int i, const struct ids *set)
{
	st->drv->bind_ids(st, i, set);
}
static inline int db_col_null(struct db_stmt *st, int i) { return st->drv->col_null(st, i); }
static inline int64_t db_col_int64(struct db_stmt *st, int i)
{
	return st->drv->col_int64(st, i);
}
static inline double db_col_double(struct db_stmt *st, int i)
{
	return st->drv->col_double(st, i);
}
static inline const char *db_col_text(struct db_stmt *st, int i)
{
	return st->drv->col_text(st, i);
}
static inline const void *db_col_blob(struct db_stmt *st, int i, size_t *n)
{
	return st->drv->col_blob(st, i, n);
}

/* Conveniences over the above, the same for every driver. */
void db_bind_id(struct db_stmt *st, int i, id_t64 v);          /* 0 binds NULL */
void db_bind_day(struct db_stmt *st, int i, day_t d);          /* ISO text; DAY_NONE: NULL */
void db_bind_opt(struct db_stmt *st, int i, int has, double v);  /* !has: NULL */
const char *db_col_str(struct db_stmt *st, int i, struct arena *a);  /* copied; NULL: NULL */
day_t db_col_day(struct db_stmt *st, int i);                   /* NULL or bad: DAY_NONE */
double db_col_opt(struct db_stmt *st, int i, double none);     /* NULL: none */
/* Steps to the end (rows ignored) and releases st. */
int db_run(struct db_stmt *st, struct err *e);
/* The same for a write that must touch a row: 404 naming what otherwise. */
int db_run_update(struct db_stmt *st, const char *what, struct err *e);
/* An INSERT ... RETURNING id: the new id in *id (if not NULL); releases st. */
int db_insert_id(struct db_stmt *st, id_t64 *id, struct err *e);
/* Steps a statement expected to give one row: 1 with the row ready (the
 * caller then calls db_done()), or -1 with *e set (404 naming what, or the
 * failure) and st released. */
int db_one_row(struct db_stmt *st, const char *what, struct err *e);
/* Runs st and collects column 0 as an id set, in the order of the rows;
 * releases st. */
int db_collect_ids(struct db_stmt *st, struct arena *a, struct ids *out, struct err *e);
/* Runs st and reads every row, in order, into an array of elements of size
 * sz in the arena: row() fills one element (a struct of the caller's) from
 * the current row. out_ptr points to the caller's array pointer, as in
 * arena_push; the array is never NULL (no row: an empty one), *n its length;
 * releases st. */
typedef void (*db_row_fn)(struct db_stmt *st, struct arena *a, void *element);
int db_collect_rows(struct db_stmt *st, struct arena *a, size_t sz, db_row_fn row, void *out_ptr,
		    size_t *n, struct err *e);

static inline int db_exec(struct db *db, const char *script, struct err *e)
{
	return db->drv->exec(db, script, e);
}
static inline int db_begin(struct db *db, struct err *e) { return db->drv->begin(db, e); }
static inline int db_commit(struct db *db, struct err *e) { return db->drv->commit(db, e); }
static inline void db_rollback(struct db *db) { db->drv->rollback(db); }
/* Durability, one setting for the process (before the first open):
 * "full" (the default) keeps every acknowledged commit across a power loss
 * (SQLite synchronous=FULL, PostgreSQL synchronous_commit=on, big imports
 * included); "normal" may lose the last commits of a power loss (never
 * corrupts): SQLite synchronous=NORMAL, PostgreSQL synchronous_commit=off.
 * CIBLE_DURABILITY sets it when nothing else has. -1 on another word. */
int db_durability_set(const char *word);
int db_durability_full(void);

#endif
