/* The generic half of the driver seam (db.h): choosing a driver from the
 * database setting, the statement cache every driver shares, the errors a
 * failed statement becomes, and the small conveniences the resource files use
 * (bind an id or a date, copy a column into an arena, step a write to the
 * end). Nothing here knows an engine. */
#include <stdlib.h>
#include <string.h>
#include "store/db.h"

/* Settings by scheme. A driver that is known but not built answers with a
 * clear error instead of opening a file named like a URL. */
static const struct {
	const char *prefix;
	const struct db_driver *drv;  /* NULL: not built yet */
	const char *engine;
	int keep_prefix;              /* the driver gets the whole setting (a URL) */
} schemes[] = {
	{ "sqlite:", &db_sqlite, "SQLite", 0 },
	{ "postgres://", &db_postgres, "PostgreSQL", 1 },
	{ "postgresql://", &db_postgres, "PostgreSQL", 1 },
	/* libpq's key=value form, led by one of its usual keys */
	{ "host=", &db_postgres, "PostgreSQL", 1 },
	{ "hostaddr=", &db_postgres, "PostgreSQL", 1 },
	{ "dbname=", &db_postgres, "PostgreSQL", 1 },
	{ "service=", &db_postgres, "PostgreSQL", 1 },
	{ "user=", &db_postgres, "PostgreSQL", 1 },
	{ "port=", &db_postgres, "PostgreSQL", 1 },
};

int db_resolve(const char *setting, const struct db_driver **drv, const char **target,
		   struct err *e)
{
	*drv = &db_sqlite;  /* a plain path */
	*target = setting;
	if (!setting || !*setting)
		return err_set(e, 500, "database", NULL, "no database given", NULL);
	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		size_t n = strlen(schemes[i].prefix);
		if (strncmp(setting, schemes[i].prefix, n))
			continue;
		/* never the whole setting in a message: a URL may hold a password */
		if (!schemes[i].drv)
			return err_set(e, 500, "store_engine", NULL, schemes[i].engine,
				       schemes[i].prefix);
		*drv = schemes[i].drv;
		*target = schemes[i].keep_prefix ? setting : setting + n;
		break;
	}
	return 0;
}

/* user:password@ of a URL becomes user@; password=... of the key=value
 * form goes. */
const char *store_describe(const char *setting, char *out, size_t n)
{
	size_t k = 0;
	if (!n)
		return out;
	const char *s = setting ? setting : "";
	const char *scheme = strstr(s, "://");
	if (scheme) {
		const char *auth = scheme + 3, *end = auth + strcspn(auth, "/?");
		const char *at = memchr(auth, '@', (size_t)(end - auth));
		const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
		for (const char *p = s; *p && k + 1 < n; p++) {
			if (colon && p == colon)
				p = at;  /* from the password's colon to the @ */
			out[k++] = *p;
		}
	} else if (strchr(s, '=')) {
		for (const char *p = s; *p && k + 1 < n;) {
			size_t len = strcspn(p, " \t");
			if (strncmp(p, "password=", 9))
				for (size_t i = 0; i < len && k + 1 < n; i++)
					out[k++] = p[i];
			else if (k)
				k--;  /* the blank before it */
			p += len;
			while ((*p == ' ' || *p == '\t') && k + 1 < n)
				out[k++] = *p++;
		}
	} else {
		for (; s[k] && k + 1 < n; k++)
			out[k] = s[k];
	}
	out[k] = 0;
	return out;
}

struct db *db_open(const char *setting, struct err *e)
{
	const struct db_driver *drv;
	const char *target;
	return db_resolve(setting, &drv, &target, e) ? NULL : drv->open(target, e);
}

int db_exists(const char *setting, struct err *e)
{
	const struct db_driver *drv;
	const char *target;
	return db_resolve(setting, &drv, &target, e) ? -1 : drv->exists(target, e);
}

int db_destroy(const char *setting, struct err *e)
{
	const struct db_driver *drv;
	const char *target;
	return db_resolve(setting, &drv, &target, e) ? -1 : drv->destroy(target, e);
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < db->ncache; i++)
		db->drv->finalize(db->cache[i].st);
	db->ncache = 0;
	db->drv->close(db);
}

int db_fail(enum db_fault fault, const char *msg, struct err *e)
{
	switch (fault) {
	case DB_FAULT_UNIQUE:
		return err_set(e, 409, "conflict", NULL, msg, NULL);
	case DB_FAULT_CONSTRAINT:
		return err_set(e, 422, "invalid_value", NULL, "record", msg);
	case DB_FAULT_RETRY:
		return err_set(e, 503, "database_busy", NULL, msg, NULL);
	case DB_FAULT_OTHER:
		break;
	}
	return err_set(e, 500, "database", NULL, msg, NULL);
}

/* cible SQL numbers its placeholders (db.h): a bare ? outside quotes is a
 * mistake that one engine would take and another not. */
static int sql_placeholders_numbered(const char *sql)
{
	char quote = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
		} else if (*p == '?' && !(p[1] >= '1' && p[1] <= '9')) {
			return 0;
		}
	}
	return 1;
}

struct db_stmt *db_prep(struct db *db, const char *sql, struct err *e)
{
	for (int i = 0; i < db->ncache; i++)
		if (db->cache[i].sql == sql) {
			db->drv->reset(db->cache[i].st);
			return db->cache[i].st;
		}
	if (!sql_placeholders_numbered(sql)) {
		err_set(e, 500, "internal", NULL, "SQL with a bare ? placeholder (write ?N)", NULL);
		return NULL;
	}
	struct db_stmt *st = db->drv->prepare(db, sql, e);
	if (!st)
		return NULL;
	st->drv = db->drv;
	st->db = db;
	st->cached = db->ncache < DB_STMT_CACHE;
	if (st->cached) {
		db->cache[db->ncache].sql = sql;
		db->cache[db->ncache++].st = st;
	}
	return st;
}

void db_done(struct db_stmt *st)
{
	if (st->cached)
		st->drv->reset(st);
	else
		st->drv->finalize(st);
}

void db_bind_id(struct db_stmt *st, int i, id_t64 v)
{
	if (v)
		db_bind_int64(st, i, v);
	else
		db_bind_null(st, i, DB_INT64);
}

void db_bind_day(struct db_stmt *st, int i, day_t d)
{
	if (d == DAY_NONE) {
		db_bind_null(st, i, DB_TEXT);
		return;
	}
	char s[11];
	date_format_iso(d, s);
	db_bind_text(st, i, s);
}

void db_bind_opt(struct db_stmt *st, int i, int has, double v)
{
	if (has)
		db_bind_double(st, i, v);
	else
		db_bind_null(st, i, DB_DOUBLE);
}

const char *db_col_str(struct db_stmt *st, int i, struct arena *a)
{
	const char *t = db_col_text(st, i);
	return t ? arena_strndup(a, t, strlen(t)) : NULL;
}

day_t db_col_day(struct db_stmt *st, int i)
{
	day_t d;
	const char *t = db_col_text(st, i);
	return t && !date_parse_iso(t, &d) ? d : DAY_NONE;
}

double db_col_opt(struct db_stmt *st, int i, double none)
{
	return db_col_null(st, i) ? none : db_col_double(st, i);
}

int db_run(struct db_stmt *st, struct err *e)
{
	int rc;
	while ((rc = db_step(st, e)) > 0)
		;
	db_done(st);
	return rc;
}

int db_run_update(struct db_stmt *st, const char *what, struct err *e)
{
	int rc;
	while ((rc = db_step(st, e)) > 0)
		;
	int64_t n = rc ? 0 : db_changes(st);
	db_done(st);
	if (rc)
		return -1;
	return n ? 0 : err_set(e, 404, "not_found", NULL, what, NULL);
}

int db_insert_id(struct db_stmt *st, id_t64 *id, struct err *e)
{
	int rc = db_step(st, e);
	if (rc > 0 && id)
		*id = db_col_int64(st, 0);
	db_done(st);
	if (rc == 0)
		return err_set(e, 500, "database", NULL, "an insert returned no id", NULL);
	return rc > 0 ? 0 : -1;
}

int db_one_row(struct db_stmt *st, const char *what, struct err *e)
{
	int rc = db_step(st, e);
	if (rc > 0)
		return 1;
	db_done(st);
	if (rc == 0)
		err_set(e, 404, "not_found", NULL, what, NULL);
	return -1;
}

int db_collect_ids(struct db_stmt *st, struct arena *a, struct ids *out, struct err *e)
{
	size_t cap = 0, n = 0;
	id_t64 *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0)
		*(id_t64 *)arena_push(a, &v, &n, &cap, sizeof(*v)) = db_col_int64(st, 0);
	db_done(st);
	if (rc)
		return -1;
	out->v = v;
	out->n = n;
	return 0;
}

int db_collect_rows(struct db_stmt *st, struct arena *a, size_t sz, db_row_fn row, void *out_ptr,
		    size_t *n, struct err *e)
{
	size_t cap = 0, k = 0;
	void *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0)
		row(st, a, arena_push(a, &v, &k, &cap, sz));
	db_done(st);
	if (rc)
		return -1;
	*(void **)out_ptr = v ? v : arena_alloc(a, sz);
	*n = k;
	return 0;
}

static int durability = -1;  /* -1: not chosen yet (the environment, or full) */

int db_durability_set(const char *word)
{
	if (!word || !strcmp(word, "full"))
		durability = 1;
	else if (!strcmp(word, "normal"))
		durability = 0;
	else
		return -1;
	return 0;
}

int db_durability_full(void)
{
	if (durability < 0 && db_durability_set(getenv("CIBLE_DURABILITY")))
		durability = 1;  /* a wrong word in the environment: the safe side */
	return durability;
}
