/* The PostgreSQL driver of the seam (db.h), over libpq. One connection per
 * struct store (one per server thread), opened from the setting as libpq
 * takes it (a postgres:// or postgresql:// URL, or the key=value form).
 *
 * cible SQL becomes PostgreSQL's at prepare: ?N is $N and DB_IDS(N) a
 * subquery over a bigint array bound at $N. A statement is prepared on the
 * server at its first step, with the types of that run's binds (a NULL
 * carries its type), and executed with text parameters; its result is read
 * whole, so statements interleave freely on one connection.
 *
 * Transactions: db_begin() opens nothing by itself; the transaction begins
 * (SERIALIZABLE, the isolation SQLite's single writer gives) with its first
 * statement, so a lost connection is found and mended before anything is
 * sent. The schema ledger's read inside a transaction begins it READ
 * COMMITTED under an advisory lock instead, so that two servers starting at
 * once migrate one after the other.
 *
 * Outages: a statement that finds the connection lost reconnects and runs
 * again when nothing of a transaction was sent yet; otherwise it fails with
 * DB_FAULT_RETRY (503 database_busy), and the next transaction reconnects.
 *
 * The ledger is the table cible_schema (version, name, applied_at). Measure
 * month rows are measure_month keyed by (indicator_id, owner, person_id,
 * month), days a double precision[] merged in SQL by cible_merge() (both in
 * migrations/0006_measure_month.postgres.sql). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>
#include "core/buf.h"
#include "core/date.h"
#include "core/indicator.h"
#include "store/db.h"

/* pg_type's oids (catalog/pg_type_d.h is the server's header) */
#define OID_BYTEA 17
#define OID_INT8 20
#define OID_TEXT 25
#define OID_FLOAT8 701
#define OID_INT8_ARRAY 1016
#define OID_FLOAT8_ARRAY 1022

/* pg_advisory locks of this program */
#define LOCK_MIGRATE 0x63696265  /* "cibe" */

struct pg_db {
	struct db base;
	PGconn *c;
	unsigned gen;        /* bumped at each reconnection: statements prepare again */
	unsigned next_name;
	int in_tx;           /* db_begin() called, no commit or rollback yet */
	int tx_sent;         /* its BEGIN was sent */
	int tx_broken;       /* the connection was lost inside it */
	char where[160];     /* host:port/dbname, for messages (never a password) */
};

struct pg_stmt {
	struct db_stmt base;
	char *sql;           /* rewritten */
	char name[24];
	int nparams;
	unsigned gen;        /* prepared on the server in this generation (0: never) */
	Oid *types;
	char **vals;
	int *typed;          /* bound at least once: its type is known */
	PGresult *res;
	int row, nrows;
	int64_t changes;
	unsigned char *blob; /* the last col_blob() of a bytea, unescaped */
};

static struct pg_db *pgdb(struct db *db) { return (struct pg_db *)db; }
static struct pg_stmt *pgst(struct db_stmt *st) { return (struct pg_stmt *)st; }

static void *oom(struct err *e)
{
	err_set(e, 500, "internal", NULL, "out of memory", NULL);
	return NULL;
}

/* The first line of libpq's message, for an error's argument. */
static void first_line(const char *msg, char *out, size_t n)
{
	if (!msg)
		msg = "";
	while (*msg == ' ')
		msg++;
	if (!strncmp(msg, "ERROR:  ", 8))
		msg += 8;
	size_t k = 0;
	while (msg[k] && msg[k] != '\n' && k + 1 < n)
		k++;
	memcpy(out, msg, k);
	out[k] = 0;
}

static enum db_fault fault_of(const char *state)
{
	if (!state)
		return DB_FAULT_RETRY;  /* no SQLSTATE: the connection failed */
	if (!strcmp(state, "23505"))
		return DB_FAULT_UNIQUE;
	if (!strncmp(state, "23", 2))
		return DB_FAULT_CONSTRAINT;
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") || !strncmp(state, "08", 2) ||
	    !strcmp(state, "57P01") || !strcmp(state, "57P02") || !strcmp(state, "57P03") ||
	    !strcmp(state, "55P03"))
		return DB_FAULT_RETRY;
	return DB_FAULT_OTHER;
}

static int lost(struct pg_db *c)
{
	return PQstatus(c->c) != CONNECTION_OK;
}

static int unreachable(struct pg_db *c, struct err *e)
{
	char msg[160];
	first_line(PQerrorMessage(c->c), msg, sizeof(msg));
	return err_set(e, 503, "database_unreachable", NULL, c->where, msg);
}

/* A failed result (or none) through db_fail(); res is cleared. */
static int res_fail(struct pg_db *c, PGresult *res, struct err *e)
{
	/* the SQLSTATE lives in res: read it before res is cleared */
	enum db_fault fault = fault_of(res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL);
	char msg[160];
	first_line(res ? PQresultErrorMessage(res) : PQerrorMessage(c->c), msg, sizeof(msg));
	PQclear(res);
	if (lost(c)) {
		if (c->in_tx)
			c->tx_broken = 1;
		return err_set(e, 503, "database_unreachable", NULL, c->where, msg);
	}
	return db_fail(fault, msg, e);
}

/* Where the connection leads: host:port/dbname from libpq, never the
 * password a URL may hold. */
static void describe(struct pg_db *c)
{
	const char *h = PQhost(c->c), *p = PQport(c->c), *d = PQdb(c->c);
	snprintf(c->where, sizeof(c->where), "%s%s%s%s%s", h && *h ? h : "localhost",
		 p && *p ? ":" : "", p && *p ? p : "", d && *d ? "/" : "", d && *d ? d : "");
}

static PGconn *connect_to(const char *target)
{
	/* ours first: the setting's own connect_timeout (expanded) wins */
	const char *const keys[] = { "connect_timeout", "application_name", "dbname", NULL };
	const char *const vals[] = { "5", "cible", target, NULL };
	PGconn *conn = PQconnectdbParams(keys, vals, 1);
	if (conn && PQstatus(conn) == CONNECTION_OK) {
		PGresult *r = PQexec(conn, "SET client_min_messages = warning;"
				     " SET extra_float_digits = 3; SET TIME ZONE 'UTC'");
		PQclear(r);
		PQclear(PQexec(conn, db_durability_full() ? "SET synchronous_commit = on"
							  : "SET synchronous_commit = off"));
	}
	return conn;
}

/* Outside a transaction (or before its BEGIN went), a lost connection is
 * made again; inside one, nothing can be mended. */
static int ensure(struct pg_db *c, struct err *e)
{
	if (!lost(c))
		return 0;
	if (c->in_tx && c->tx_sent) {
		c->tx_broken = 1;
		return unreachable(c, e);
	}
	PQreset(c->c);
	if (lost(c))
		return unreachable(c, e);
	PGresult *r = PQexec(c->c, "SET client_min_messages = warning;"
			     " SET extra_float_digits = 3; SET TIME ZONE 'UTC'");
	PQclear(r);
	PQclear(PQexec(c->c, db_durability_full() ? "SET synchronous_commit = on"
						  : "SET synchronous_commit = off"));
	c->gen++;
	return 0;
}

static int run_cmd(struct pg_db *c, const char *sql, struct err *e)
{
	PGresult *r = PQexec(c->c, sql);
	ExecStatusType s = PQresultStatus(r);
	if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_EMPTY_QUERY) {
		PQclear(r);
		return 0;
	}
	return res_fail(c, r, e);
}

/* The pending BEGIN of a transaction, before its first statement. */
static int tx_start(struct pg_db *c, const char *begin, struct err *e)
{
	if (!c->in_tx || c->tx_sent) {
		if (c->tx_broken)
			return unreachable(c, e);
		return 0;
	}
	if (ensure(c, e))
		return -1;
	if (run_cmd(c, begin, e))
		return -1;
	c->tx_sent = 1;
	return 0;
}

static int pg_exec(struct db *db, const char *script, struct err *e)
{
	struct pg_db *c = pgdb(db);
	if (tx_start(c, "BEGIN ISOLATION LEVEL SERIALIZABLE", e) || ensure(c, e))
		return -1;
	return run_cmd(c, script, e);
}

static void pg_close(struct db *db)
{
	struct pg_db *c = pgdb(db);
	PQfinish(c->c);
	free(c);
}

/* A database cible may use: its ledger there, or nothing in its schema.
 * Another program's tables are refused, never migrated over. */
static int claim(struct pg_db *c, struct err *e)
{
	PGresult *r = PQexec(c->c,
		"SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
		" AND tablename = 'cible_schema'),"
		" (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return res_fail(c, r, e);
	int ours = atoi(PQgetvalue(r, 0, 0)), tables = atoi(PQgetvalue(r, 0, 1));
	PQclear(r);
	if (ours)
		return 0;
	if (tables)
		return err_set(e, 500, "not_cible_database", NULL, c->where, NULL);
	/* two servers may start at once on an empty database */
	char sql[512];
	snprintf(sql, sizeof(sql),
		 "SELECT pg_advisory_lock(%d);"
		 " CREATE TABLE IF NOT EXISTS cible_schema (version integer PRIMARY KEY,"
		 " name text NOT NULL, applied_at bigint NOT NULL);"
		 " SELECT pg_advisory_unlock(%d)", LOCK_MIGRATE, LOCK_MIGRATE);
	return run_cmd(c, sql, e);
}

static struct pg_db *pg_connect(const char *target, struct err *e)
{
	struct pg_db *c = calloc(1, sizeof(*c));
	if (!c)
		return oom(e);
	c->base.drv = &db_postgres;
	c->gen = 1;
	c->c = connect_to(target);
	if (!c->c) {
		free(c);
		return oom(e);
	}
	describe(c);
	if (lost(c)) {
		unreachable(c, e);
		pg_close(&c->base);
		return NULL;
	}
	return c;
}

static struct db *pg_open(const char *target, struct err *e)
{
	struct pg_db *c = pg_connect(target, e);
	if (!c)
		return NULL;
	if (claim(c, e)) {
		pg_close(&c->base);
		return NULL;
	}
	return &c->base;
}

static int pg_exists(const char *target, struct err *e)
{
	struct pg_db *c = pg_connect(target, e);
	if (!c)
		return -1;
	PGresult *r = PQexec(c->c, "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
			     " AND tablename = 'cible_schema'");
	int rc = PQresultStatus(r) == PGRES_TUPLES_OK ? atoi(PQgetvalue(r, 0, 0)) > 0
						      : res_fail(c, r, e);
	if (rc >= 0)
		PQclear(r);
	pg_close(&c->base);
	return rc;
}

/* Every table and function of cible's schema goes; a database that is not
 * cible's is left alone. */
static int pg_destroy(const char *target, struct err *e)
{
	struct pg_db *c = pg_connect(target, e);
	if (!c)
		return -1;
	int rc = claim(c, e);
	if (!rc)
		rc = run_cmd(c,
			"DO $$ DECLARE t record; BEGIN"
			" FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP"
			"  EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename);"
			" END LOOP;"
			" FOR t IN SELECT p.oid::regprocedure AS sig FROM pg_proc p"
			"  JOIN pg_namespace n ON n.oid = p.pronamespace"
			"  WHERE n.nspname = current_schema() AND p.proname LIKE 'cible\\_%' LOOP"
			"  EXECUTE 'DROP FUNCTION IF EXISTS ' || t.sig || ' CASCADE';"
			" END LOOP;"
			" END $$", e);
	pg_close(&c->base);
	return rc;
}

/* cible SQL to PostgreSQL's: DB_IDS(N) to an unnest of $N, ?N to $N. */
static char *rewrite(const char *sql, int *nparams)
{
	static const char ids_head[] = "(SELECT value FROM json_each(?";
	struct buf b = BUF_INIT;
	char quote = 0;
	int max = 0;
	for (const char *p = sql; *p;) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			buf_addc(&b, *p++);
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			buf_addc(&b, *p++);
			continue;
		}
		if (!strncmp(p, ids_head, sizeof(ids_head) - 1)) {
			const char *q = p + sizeof(ids_head) - 1;
			int n = 0;
			while (isdigit((unsigned char)*q))
				n = n * 10 + (*q++ - '0');
			if (n > 0 && q[0] == ')' && q[1] == ')') {
				buf_addf(&b, "(SELECT unnest($%d::bigint[]) AS value)", n);
				if (n > max)
					max = n;
				p = q + 2;
				continue;
			}
		}
		if (*p == '?' && isdigit((unsigned char)p[1])) {
			int n = 0;
			p++;
			while (isdigit((unsigned char)*p))
				n = n * 10 + (*p++ - '0');
			buf_addf(&b, "$%d", n);
			if (n > max)
				max = n;
			continue;
		}
		if (*p == '$' && isdigit((unsigned char)p[1])) {  /* a driver's own SQL */
			int n = 0;
			buf_addc(&b, *p++);
			while (isdigit((unsigned char)*p)) {
				n = n * 10 + (*p - '0');
				buf_addc(&b, *p++);
			}
			if (n > max)
				max = n;
			continue;
		}
		buf_addc(&b, *p++);
	}
	*nparams = max;
	char *out = strdup(b.data ? b.data : "");
	buf_free(&b);
	return out;
}

static void clear_res(struct pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	s->nrows = 0;
	PQfreemem(s->blob);
	s->blob = NULL;
}

static void pg_finalize(struct db_stmt *st)
{
	struct pg_stmt *s = pgst(st);
	clear_res(s);
	/* one beyond the cache: its server-side statement goes with it */
	if (st->db && !st->cached && s->gen == pgdb(st->db)->gen && !lost(pgdb(st->db))) {
		char sql[48];
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", s->name);
		PQclear(PQexec(pgdb(st->db)->c, sql));
	}
	for (int i = 0; i < s->nparams; i++)
		free(s->vals[i]);
	free(s->vals);
	free(s->types);
	free(s->typed);
	free(s->sql);
	free(s);
}

static struct db_stmt *pg_prepare(struct db *db, const char *sql, struct err *e)
{
	struct pg_db *c = pgdb(db);
	struct pg_stmt *s = calloc(1, sizeof(*s));
	if (!s)
		return oom(e);
	s->row = -1;
	s->sql = rewrite(sql, &s->nparams);
	int n = s->nparams ? s->nparams : 1;
	s->types = calloc((size_t)n, sizeof(*s->types));
	s->vals = calloc((size_t)n, sizeof(*s->vals));
	s->typed = calloc((size_t)n, sizeof(*s->typed));
	if (!s->sql || !s->types || !s->vals || !s->typed) {
		pg_finalize(&s->base);
		return oom(e);
	}
	snprintf(s->name, sizeof(s->name), "c%u", ++c->next_name);
	return &s->base;
}

static void pg_reset(struct db_stmt *st)
{
	struct pg_stmt *s = pgst(st);
	clear_res(s);
	s->changes = 0;
	for (int i = 0; i < s->nparams; i++) {
		free(s->vals[i]);
		s->vals[i] = NULL;
	}
}

/* value: owned text or NULL for SQL NULL; ignored beyond the statement */
static void bind(struct db_stmt *st, int i, char *value, Oid type)
{
	struct pg_stmt *s = pgst(st);
	if (i < 1 || i > s->nparams) {
		free(value);
		return;
	}
	free(s->vals[i - 1]);
	s->vals[i - 1] = value;
	if (!s->typed[i - 1]) {
		s->types[i - 1] = type;
		s->typed[i - 1] = 1;
	}
}

static Oid oid_of(enum db_type t)
{
	return t == DB_INT64 ? OID_INT8 : t == DB_DOUBLE ? OID_FLOAT8 : OID_TEXT;
}

static void pg_bind_null(struct db_stmt *st, int i, enum db_type type)
{
	bind(st, i, NULL, oid_of(type));
}

static void pg_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	char t[24];
	snprintf(t, sizeof(t), "%lld", (long long)v);
	bind(st, i, strdup(t), OID_INT8);
}

static void fmt_double(char *t, size_t n, double v)
{
	if (isnan(v))
		snprintf(t, n, "NaN");
	else if (isinf(v))
		snprintf(t, n, v > 0 ? "Infinity" : "-Infinity");
	else
		snprintf(t, n, "%.17g", v);
}

static void pg_bind_double(struct db_stmt *st, int i, double v)
{
	char t[32];
	fmt_double(t, sizeof(t), v);
	bind(st, i, strdup(t), OID_FLOAT8);
}

static void pg_bind_text(struct db_stmt *st, int i, const char *v)
{
	bind(st, i, v ? strdup(v) : NULL, OID_TEXT);
}

static void pg_bind_ids(struct db_stmt *st, int i, const struct ids *set)
{
	if (!set) {
		bind(st, i, NULL, OID_INT8_ARRAY);
		return;
	}
	struct buf b = BUF_INIT;
	buf_addc(&b, '{');
	for (size_t k = 0; k < set->n; k++)
		buf_addf(&b, "%s%lld", k ? "," : "", (long long)set->v[k]);
	buf_addc(&b, '}');
	bind(st, i, strdup(b.data), OID_INT8_ARRAY);
	buf_free(&b);
}

static PGresult *execute(struct pg_db *c, struct pg_stmt *s)
{
	if (s->gen != c->gen) {
		PGresult *r = PQprepare(c->c, s->name, s->sql, s->nparams, s->types);
		if (PQresultStatus(r) != PGRES_COMMAND_OK)
			return r;
		PQclear(r);
		s->gen = c->gen;
	}
	return PQexecPrepared(c->c, s->name, s->nparams, (const char *const *)s->vals, NULL,
			      NULL, 0);
}

static int pg_step(struct db_stmt *st, struct err *e)
{
	struct pg_stmt *s = pgst(st);
	struct pg_db *c = pgdb(st->db);
	if (s->res) {
		PQfreemem(s->blob);
		s->blob = NULL;
		return ++s->row < s->nrows ? 1 : 0;
	}
	if (tx_start(c, "BEGIN ISOLATION LEVEL SERIALIZABLE", e) || ensure(c, e))
		return -1;
	int fresh = !c->in_tx;  /* nothing of a transaction to lose: may run again */
	PGresult *r = execute(c, s);
	if (fresh && lost(c) && !ensure(c, e)) {
		PQclear(r);
		r = execute(c, s);
	}
	ExecStatusType rs = PQresultStatus(r);
	if (rs != PGRES_TUPLES_OK && rs != PGRES_COMMAND_OK)
		return res_fail(c, r, e);
	s->res = r;
	s->nrows = rs == PGRES_TUPLES_OK ? PQntuples(r) : 0;
	const char *n = PQcmdTuples(r);
	s->changes = n && *n ? strtoll(n, NULL, 10) : 0;
	s->row = 0;
	return s->nrows > 0 ? 1 : 0;
}

static int64_t pg_changes(struct db_stmt *st)
{
	return pgst(st)->changes;
}

static const char *cell(struct db_stmt *st, int i)
{
	struct pg_stmt *s = pgst(st);
	if (!s->res || s->row < 0 || s->row >= s->nrows || i < 0 || i >= PQnfields(s->res) ||
	    PQgetisnull(s->res, s->row, i))
		return NULL;
	return PQgetvalue(s->res, s->row, i);
}

static int pg_col_null(struct db_stmt *st, int i)
{
	return cell(st, i) == NULL;
}

static int64_t pg_col_int64(struct db_stmt *st, int i)
{
	const char *t = cell(st, i);
	if (!t)
		return 0;
	if (t[0] == 't' && !t[1])  /* a boolean */
		return 1;
	if (strpbrk(t, ".eE"))     /* numeric or double: as SQLite, truncated */
		return (int64_t)strtod(t, NULL);
	return strtoll(t, NULL, 10);
}

static double pg_col_double(struct db_stmt *st, int i)
{
	const char *t = cell(st, i);
	return t ? strtod(t, NULL) : 0;
}

static const char *pg_col_text(struct db_stmt *st, int i)
{
	return cell(st, i);
}

static const void *pg_col_blob(struct db_stmt *st, int i, size_t *n)
{
	struct pg_stmt *s = pgst(st);
	const char *t = cell(st, i);
	*n = 0;
	if (!t)
		return NULL;
	if (PQftype(s->res, i) != OID_BYTEA) {
		*n = strlen(t);
		return t;
	}
	PQfreemem(s->blob);
	s->blob = PQunescapeBytea((const unsigned char *)t, n);
	return s->blob;
}

static int pg_col_count(struct db_stmt *st)
{
	struct pg_stmt *s = pgst(st);
	return s->res ? PQnfields(s->res) : 0;
}

static const char *pg_col_name(struct db_stmt *st, int i)
{
	struct pg_stmt *s = pgst(st);
	return s->res ? PQfname(s->res, i) : NULL;
}

#define OID_BOOL 16
#define OID_INT2 21
#define OID_INT4 23
#define OID_OID 26
#define OID_FLOAT4 700
#define OID_NUMERIC 1700

static enum db_kind pg_col_kind(struct db_stmt *st, int i)
{
	struct pg_stmt *s = pgst(st);
	if (!cell(st, i))
		return DB_KIND_NULL;
	switch (PQftype(s->res, i)) {
	case OID_BOOL: case OID_INT2: case OID_INT4: case OID_INT8: case OID_OID:
		return DB_KIND_INT64;
	case OID_FLOAT4: case OID_FLOAT8: case OID_NUMERIC:
		return DB_KIND_DOUBLE;
	case OID_BYTEA:
		return DB_KIND_BLOB;
	default:
		return DB_KIND_TEXT;
	}
}

/* A value in COPY's text format: \N for NULL, backslash escapes. */
static void copy_value(struct buf *b, const struct db_value *v)
{
	char t[40];
	switch (v->kind) {
	case DB_KIND_INT64:
		snprintf(t, sizeof(t), "%lld", (long long)v->i);
		buf_adds(b, t);
		return;
	case DB_KIND_DOUBLE:
		fmt_double(t, sizeof(t), v->d);
		buf_adds(b, t);
		return;
	case DB_KIND_TEXT:
		if (v->text) {
			for (const char *p = v->text; *p; p++) {
				switch (*p) {
				case '\\': buf_adds(b, "\\\\"); break;
				case '\n': buf_adds(b, "\\n"); break;
				case '\r': buf_adds(b, "\\r"); break;
				case '\t': buf_adds(b, "\\t"); break;
				default: buf_addc(b, *p);
				}
			}
			return;
		}
		break;
	default:
		break;
	}
	buf_adds(b, "\\N");
}

/* COPY table (cols) FROM STDIN, rows sent in batches of about 256 KiB;
 * then the identity sequence of an id column set past the largest id. */
static int pg_copy_in(struct db *db, const char *table, const char *const *cols, int ncols,
		      db_row_next_fn next, void *ctx, int64_t *n, struct err *e)
{
	struct pg_db *c = pgdb(db);
	*n = 0;
	if (tx_start(c, "BEGIN ISOLATION LEVEL SERIALIZABLE", e) || ensure(c, e))
		return -1;
	struct buf b = BUF_INIT;
	int has_id = 0;
	buf_addf(&b, "COPY \"%s\" (", table);
	for (int i = 0; i < ncols; i++) {
		buf_addf(&b, "%s\"%s\"", i ? ", " : "", cols[i]);
		has_id |= !strcmp(cols[i], "id");
	}
	buf_adds(&b, ") FROM STDIN");
	PGresult *r = PQexec(c->c, b.data);
	buf_free(&b);
	if (PQresultStatus(r) != PGRES_COPY_IN) {
		return res_fail(c, r, e);
	}
	PQclear(r);
	struct db_value *vals = calloc((size_t)(ncols ? ncols : 1), sizeof(*vals));
	int rc = vals ? 0 : -1, sent = 0;
	if (!vals)
		err_set(e, 500, "internal", NULL, "out of memory", NULL);
	while (vals && (rc = next(ctx, vals, e)) > 0) {
		for (int i = 0; i < ncols; i++) {
			if (i)
				buf_addc(&b, '\t');
			copy_value(&b, &vals[i]);
		}
		buf_addc(&b, '\n');
		++*n;
		if (b.len >= 256 * 1024) {
			if (PQputCopyData(c->c, b.data, (int)b.len) != 1) {
				sent = -1;
				break;
			}
			b.len = 0;
			b.data[0] = 0;
		}
	}
	free(vals);
	if (rc >= 0 && sent == 0 && b.len && PQputCopyData(c->c, b.data, (int)b.len) != 1)
		sent = -1;
	buf_free(&b);
	/* a failure of ours ends the COPY with an error, so nothing of it lands */
	PQputCopyEnd(c->c, rc < 0 ? "the source failed" : NULL);
	r = PQgetResult(c->c);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok && rc >= 0) {
		rc = res_fail(c, r, e);
		r = NULL;
	}
	PQclear(r);
	while ((r = PQgetResult(c->c)))
		PQclear(r);
	if (rc < 0 || sent < 0)
		return sent < 0 && rc >= 0 ? unreachable(c, e) : -1;
	if (!has_id)
		return 0;
	char sql[256];
	snprintf(sql, sizeof(sql), "SELECT setval(s, m) FROM (SELECT pg_get_serial_sequence('\"%s\"',"
		 " 'id') AS s, (SELECT max(id) FROM \"%s\") AS m) q WHERE s IS NOT NULL AND m IS NOT NULL",
		 table, table);
	return run_cmd(c, sql, e);
}

static int pg_begin(struct db *db, struct err *e)
{
	struct pg_db *c = pgdb(db);
	(void)e;
	c->in_tx = 1;
	c->tx_sent = 0;
	c->tx_broken = 0;
	return 0;
}

static int pg_commit(struct db *db, struct err *e)
{
	struct pg_db *c = pgdb(db);
	int sent = c->tx_sent, broken = c->tx_broken;
	c->in_tx = c->tx_sent = c->tx_broken = 0;
	if (broken)
		return unreachable(c, e);
	if (!sent)
		return 0;
	PGresult *r = PQexec(c->c, "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		return res_fail(c, r, e);
	/* an aborted transaction answers COMMIT with ROLLBACK */
	int ok = !strcmp(PQcmdStatus(r), "COMMIT");
	PQclear(r);
	return ok ? 0 : db_fail(DB_FAULT_OTHER, "the transaction was rolled back", e);
}

static void pg_rollback(struct db *db)
{
	struct pg_db *c = pgdb(db);
	int sent = c->tx_sent;
	c->in_tx = c->tx_sent = c->tx_broken = 0;
	if (sent && !lost(c))
		PQclear(PQexec(c->c, "ROLLBACK"));
}

static void pg_bulk(struct db *db, int on)
{
	/* nothing to relax: synchronous_commit follows the durability setting
	 * (connect_to), a big import's commit included (db.h) */
	(void)db;
	(void)on;
}

static int pg_version_get(struct db *db, int *version, struct err *e)
{
	struct pg_db *c = pgdb(db);
	char sql[160];
	/* in a migration's transaction: READ COMMITTED, so that the ledger read
	 * after the lock sees what another server committed meanwhile */
	if (c->in_tx && !c->tx_sent) {
		snprintf(sql, sizeof(sql), "BEGIN ISOLATION LEVEL READ COMMITTED;"
			 " SELECT pg_advisory_xact_lock(%d)", LOCK_MIGRATE);
		if (ensure(c, e) || run_cmd(c, sql, e))
			return -1;
		c->tx_sent = 1;
	} else if (tx_start(c, "BEGIN", e) || ensure(c, e)) {
		return -1;
	}
	PGresult *r = PQexec(c->c, "SELECT coalesce(max(version), 0) FROM cible_schema");
	if (PQresultStatus(r) != PGRES_TUPLES_OK)
		return res_fail(c, r, e);
	*version = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}

static int pg_version_set(struct db *db, int version, const char *name, struct err *e)
{
	static const char sql[] = "INSERT INTO cible_schema(version, name, applied_at)"
		" VALUES ($1, $2, extract(epoch FROM now())::bigint)";
	struct db_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, version);
	db_bind_text(st, 2, name);
	return db_run(st, e);
}

/* Measure month rows. */

static void bind_days(struct db_stmt *st, int i, const double *v, size_t n)
{
	struct buf b = BUF_INIT;
	buf_addc(&b, '{');
	for (size_t k = 0; k < n; k++) {
		char t[32];
		fmt_double(t, sizeof(t), v[k]);
		buf_addf(&b, "%s%s", k ? "," : "", t);
	}
	buf_addc(&b, '}');
	bind(st, i, strdup(b.data), OID_FLOAT8_ARRAY);
	buf_free(&b);
}

/* "{1,2,Infinity}" into out (at most max); the count, or -1 if it overflows */
static long parse_days(const char *t, double *out, size_t max)
{
	size_t n = 0;
	if (*t++ != '{')
		return -1;
	while (*t && *t != '}') {
		char *end;
		double v = strtod(t, &end);
		if (end == t || n >= max)
			return -1;
		out[n++] = v;
		t = end;
		if (*t == ',')
			t++;
	}
	return (long)n;
}

static int pg_month_merge(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
			  day_t month, const double *days, size_t nvals, struct err *e)
{
	static const char sql[] = "INSERT INTO measure_month(indicator_id, owner, person_id, month, days)"
		" VALUES ($1, $2, $3, $4, $5) ON CONFLICT (indicator_id, owner, person_id, month)"
		" DO UPDATE SET days = cible_merge(measure_month.days, excluded.days)";
	int y, m, d;
	date_to_ymd(month, &y, &m, &d);
	struct db_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, indicator);
	db_bind_int64(st, 2, owner == DB_UNIT);
	db_bind_int64(st, 3, id);
	db_bind_int64(st, 4, date_month_start(month));
	bind_days(st, 5, days, (size_t)date_days_in_month(y, m) * nvals);
	return db_run(st, e);
}

static int pg_month_clear(struct db *db, id_t64 indicator, enum db_owner owner, id_t64 id,
			  struct err *e)
{
	static const char all[] = "DELETE FROM measure_month WHERE indicator_id = $1";
	static const char one[] = "DELETE FROM measure_month WHERE indicator_id = $1"
		" AND owner = $2 AND person_id = $3";
	struct db_stmt *st = db_prep(db, id ? one : all, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, indicator);
	if (id) {
		db_bind_int64(st, 2, owner == DB_UNIT);
		db_bind_int64(st, 3, id);
	}
	return db_run(st, e);
}

static int pg_month_scan(struct db *db, id_t64 indicator, enum db_owner owner,
			 const struct ids *ids, day_t from, day_t to, db_month_fn fn, void *ctx,
			 struct err *e)
{
	static const char sql_all[] = "SELECT person_id, month, days FROM measure_month"
		" WHERE indicator_id = $1 AND owner = $2 AND month BETWEEN $3 AND $4"
		" ORDER BY person_id, month";
	static const char sql_set[] = "SELECT person_id, month, days FROM measure_month"
		" WHERE indicator_id = $1 AND owner = $2 AND month BETWEEN $3 AND $4"
		" AND person_id = ANY ($5) ORDER BY person_id, month";
	if (from > to)
		return 0;
	struct db_stmt *st = db_prep(db, ids ? sql_set : sql_all, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, indicator);
	db_bind_int64(st, 2, owner == DB_UNIT);
	db_bind_int64(st, 3, date_month_start(from));
	db_bind_int64(st, 4, to);
	if (ids)
		db_bind_ids(st, 5, ids);
	double buf[31 * 4 * IND_MAX_SLOTS];
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		day_t month = (day_t)db_col_int64(st, 1);
		int y, m, d;
		date_to_ymd(month, &y, &m, &d);
		size_t ndays = (size_t)date_days_in_month(y, m);
		const char *t = db_col_text(st, 2);
		long n = t ? parse_days(t, buf, sizeof(buf) / sizeof(buf[0])) : -1;
		if (n <= 0 || (size_t)n % ndays || ((size_t)n / ndays) % 4)
			continue;  /* a state from another shape of the indicator: ignored */
		if (fn(ctx, db_col_int64(st, 0), month, buf, (size_t)n / ndays)) {
			db_done(st);
			return 0;
		}
	}
	db_done(st);
	return rc;
}

/* Many month rows: COPY (binary: no double is printed or parsed) into a
 * staging table of the connection, emptied at each commit, then one upsert
 * merging them into measure_month. */
static void be16(struct buf *b, uint16_t v)
{
	char t[2] = { (char)(v >> 8), (char)v };
	buf_add(b, t, 2);
}

static void be32(struct buf *b, uint32_t v)
{
	char t[4] = { (char)(v >> 24), (char)(v >> 16), (char)(v >> 8), (char)v };
	buf_add(b, t, 4);
}

static void be64(struct buf *b, uint64_t v)
{
	be32(b, (uint32_t)(v >> 32));
	be32(b, (uint32_t)v);
}

static int copy_send(struct pg_db *c, struct buf *b)
{
	if (b->len && PQputCopyData(c->c, b->data, (int)b->len) != 1)
		return -1;
	b->len = 0;
	return 0;
}

static int pg_month_merge_many(struct db *db, const struct measure_month_row *v, size_t n,
			       struct err *e)
{
	struct pg_db *c = pgdb(db);
	if (tx_start(c, "BEGIN ISOLATION LEVEL SERIALIZABLE", e) || ensure(c, e) ||
	    run_cmd(c, "CREATE TEMP TABLE IF NOT EXISTS cible_month_stage ("
		    "indicator_id bigint NOT NULL, owner smallint NOT NULL, person_id bigint NOT NULL,"
		    " month integer NOT NULL, days double precision[] NOT NULL) ON COMMIT DELETE ROWS;"
		    " TRUNCATE cible_month_stage", e))
		return -1;
	PGresult *r = PQexec(c->c, "COPY cible_month_stage (indicator_id, owner, person_id, month,"
			     " days) FROM STDIN (FORMAT binary)");
	if (PQresultStatus(r) != PGRES_COPY_IN)
		return res_fail(c, r, e);
	PQclear(r);
	struct buf b = BUF_INIT;
	buf_add(&b, "PGCOPY\n\377\r\n\0", 11);
	be32(&b, 0);  /* flags */
	be32(&b, 0);  /* no header extension */
	int sent = 0;
	for (size_t i = 0; i < n && !sent; i++) {
		const struct measure_month_row *x = &v[i];
		int y, m, d;
		date_to_ymd(x->month, &y, &m, &d);
		size_t len = (size_t)date_days_in_month(y, m) * x->nvals;
		be16(&b, 5);
		be32(&b, 8);
		be64(&b, (uint64_t)x->indicator);
		be32(&b, 2);
		be16(&b, x->unit ? 1 : 0);
		be32(&b, 8);
		be64(&b, (uint64_t)x->owner);
		be32(&b, 4);
		be32(&b, (uint32_t)date_month_start(x->month));
		/* a one-dimensional float8[] without NULLs, from 1 */
		be32(&b, (uint32_t)(20 + 12 * len));
		be32(&b, 1);
		be32(&b, 0);
		be32(&b, OID_FLOAT8);
		be32(&b, (uint32_t)len);
		be32(&b, 1);
		for (size_t k = 0; k < len; k++) {
			uint64_t bits;
			memcpy(&bits, &x->days[k], sizeof(bits));
			be32(&b, 8);
			be64(&b, bits);
		}
		if (b.len >= 256 * 1024)
			sent = copy_send(c, &b);
	}
	be16(&b, 0xffff);  /* the trailer */
	if (!sent)
		sent = copy_send(c, &b);
	buf_free(&b);
	PQputCopyEnd(c->c, NULL);
	r = PQgetResult(c->c);
	int rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : res_fail(c, r, e);
	if (!rc)
		PQclear(r);
	while ((r = PQgetResult(c->c)))
		PQclear(r);
	if (sent && !rc)
		rc = unreachable(c, e);
	if (rc)
		return -1;
	return run_cmd(c, "INSERT INTO measure_month(indicator_id, owner, person_id, month, days)"
		       " SELECT indicator_id, owner, person_id, month, days FROM cible_month_stage"
		       " ON CONFLICT (indicator_id, owner, person_id, month)"
		       " DO UPDATE SET days = cible_merge(measure_month.days, excluded.days)", e);
}

const struct db_driver db_postgres = {
	.name = "postgres",
	.open = pg_open,
	.close = pg_close,
	.exists = pg_exists,
	.destroy = pg_destroy,
	.prepare = pg_prepare,
	.reset = pg_reset,
	.finalize = pg_finalize,
	.bind_null = pg_bind_null,
	.bind_int64 = pg_bind_int64,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_ids = pg_bind_ids,
	.step = pg_step,
	.changes = pg_changes,
	.col_null = pg_col_null,
	.col_int64 = pg_col_int64,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.col_count = pg_col_count,
	.col_name = pg_col_name,
	.col_kind = pg_col_kind,
	.copy_in = pg_copy_in,
	.exec = pg_exec,
	.begin = pg_begin,
	.commit = pg_commit,
	.rollback = pg_rollback,
	.bulk = pg_bulk,
	.version_get = pg_version_get,
	.version_set = pg_version_set,
	.month_merge = pg_month_merge,
	.month_scan = pg_month_scan,
	.month_clear = pg_month_clear,
	.month_merge_many = pg_month_merge_many,
	.copy_bulk = 1,
	.backup = NULL,
	.verify = NULL,
	.restore = NULL,
};
