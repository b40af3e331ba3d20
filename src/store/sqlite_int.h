/* Transitional: what the SQLite code not yet written against the driver seam
 * (db.h) shares, over the seam's connection and statement cache. Private to
 * src/store. */
#ifndef CIBLE_SQLITE_INT_H
#define CIBLE_SQLITE_INT_H
#include <sqlite3.h>
#include "store/db_sqlite.h"
#include "store/store_int.h"

static inline sqlite3 *sq_h(struct store *s) { return sq_handle(s->db); }

int sq_db_err(struct store *s, struct err *e);
sqlite3_stmt *sq_prep(struct store *s, const char *sql, struct err *e);
void sq_done(struct store *s, sqlite3_stmt *st);
void sq_bind_text(sqlite3_stmt *st, int i, const char *v);
void sq_bind_id(sqlite3_stmt *st, int i, id_t64 v);
void sq_bind_day(sqlite3_stmt *st, int i, day_t d);
void sq_bind_opt(sqlite3_stmt *st, int i, int has, double v);
const char *sq_col_text(sqlite3_stmt *st, int i, struct arena *a);
day_t sq_col_day(sqlite3_stmt *st, int i);
double sq_col_opt(sqlite3_stmt *st, int i, double none);
int sq_step_done(struct store *s, sqlite3_stmt *st, struct err *e);
int sq_step_insert(struct store *s, sqlite3_stmt *st, id_t64 *id, struct err *e);
int sq_step_update(struct store *s, sqlite3_stmt *st, const char *what, struct err *e);
int sq_exec(struct store *s, const char *sql, struct err *e);
int sq_collect_ids(struct store *s, sqlite3_stmt *st, struct arena *a, struct ids *out,
		       struct err *e);
int sq_ids_query(struct store *s, const char *sql, id_t64 org, id_t64 x, struct arena *a,
		     struct ids *out, struct err *e);
int sq_one_row(struct store *s, sqlite3_stmt *st, const char *what, struct err *e);
void sq_bind_ids(sqlite3_stmt *st, int i, const struct ids *set);
#endif
