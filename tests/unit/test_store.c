/* The SQLite store on a real file: migrations, round trips, scoping by
 * organisation, rollbacks. */
#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "t.h"
#include "core/embed.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/db.h"
#include "store/store_int.h"

static char path[64];

static struct store *fresh(void)
{
	snprintf(path, sizeof(path), "/tmp/cible-test-store-%d.db", (int)getpid());
	unlink(path);
	struct err e;
	err_clear(&e);
	struct store *s = store_open(path, &e);
	if (!s)
		fprintf(stderr, "    store_open: %s\n", e.code);
	return s;
}

static void cleanup(struct store *s)
{
	store_close(s);
	char p[80];
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

static void raw_exec(const char *sql)
{
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
}

TEST("a new database gets every migration")
{
	struct store *s = fresh();
	CHECK(s != NULL);
	CHECK_INT(store_schema_version(s), store_schema_known());
	CHECK(store_schema_known() >= 1);
	cleanup(s);
}

TEST("an older database upgrades itself when opened")
{
	int known = store_schema_known();
	for (int k = 0; k < known; k++) {
		snprintf(path, sizeof(path), "/tmp/cible-test-store-%d.db", (int)getpid());
		unlink(path);
		for (int i = 0; i < k; i++)
			raw_exec(store_migration_sql(&store_migrations[i], "sqlite"));
		char pragma[64];
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", k);
		raw_exec(pragma);
		struct err e;
		struct store *s = store_open(path, &e);
		CHECK(s != NULL);
		if (s)
			CHECK_INT(store_schema_version(s), known);
		cleanup(s);
	}
}

TEST("several processes opening an older database at once each find it migrated")
{
	snprintf(path, sizeof(path), "/tmp/cible-test-store-%d.db", (int)getpid());
	for (int round = 0; round < 3; round++) {
		cleanup(NULL);
		for (int i = 0; i < 5; i++)
			raw_exec(store_migration_sql(&store_migrations[i], "sqlite"));
		raw_exec("PRAGMA user_version = 5");
		pid_t kids[4];
		for (int k = 0; k < 4; k++)
			if ((kids[k] = fork()) == 0) {
				struct err e;
				struct store *s = store_open(path, &e);
				int ok = s && store_schema_version(s) == store_schema_known();
				if (!ok)
					fprintf(stderr, "    child: %s %s %s\n", s ? "opened" : "not opened",
						e.code ? e.code : "", e.arg[0]);
				store_close(s);
				_exit(ok ? 0 : 1);
			}
		for (int k = 0; k < 4; k++) {
			int status = -1;
			waitpid(kids[k], &status, 0);
			CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		}
	}
	cleanup(NULL);
}

TEST("a database newer than the program is refused with a clear error")
{
	struct store *s = fresh();
	store_close(s);
	char pragma[64];
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", store_schema_known() + 1);
	raw_exec(pragma);
	struct err e;
	err_clear(&e);
	s = store_open(path, &e);
	CHECK(s == NULL);
	CHECK_STR(e.code, "schema_too_new");
	struct buf m = BUF_INIT;
	err_message(&e, LANG_EN, &m);
	CHECK(strstr(m.data, "upgrade cible") != NULL);
	buf_free(&m);
	cleanup(NULL);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

TEST("the migration table lists every file of src/store/migrations, by name, in order")
{
	/* the shared files (NNNN_name.sql), not the dialect ones (NNNN_name.x.sql) */
	char *names[256];
	int n = 0;
	DIR *d = opendir("src/store/migrations");
	CHECK(d != NULL);
	struct dirent *de;
	while (d && (de = readdir(d)) && n < 256) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".sql"))
			continue;
		char *base = strndup(de->d_name, len - 4);
		char *dot = strchr(base, '.');
		if (dot) {
			/* a dialect's version of a listed migration, never one of its own */
			*dot = 0;
			int listed = 0;
			for (int i = 0; i < store_nmigrations; i++)
				listed |= !strcmp(store_migrations[i].name, base);
			if (!listed)
				fprintf(stderr, "    %s: no migration %s in the table\n", de->d_name, base);
			CHECK(listed);
			free(base);
			continue;
		}
		names[n++] = base;
	}
	if (d)
		closedir(d);
	qsort(names, (size_t)n, sizeof(names[0]), cmp_str);
	CHECK_INT(store_nmigrations, n);
	CHECK_INT(store_schema_known(), n);
	for (int i = 0; i < n && i < store_nmigrations; i++) {
		CHECK_STR(store_migrations[i].name, names[i]);
		/* numbered from 0001 without a gap, and embedded in the program */
		char num[16];
		snprintf(num, sizeof(num), "%04d_", i + 1);
		CHECK(!strncmp(store_migrations[i].name, num, 5));
		CHECK(store_migration_sql(&store_migrations[i], "sqlite") != NULL);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
}

/* s without its SQL comments, upper-cased, spaces folded: what a migration
 * says, not what its comments mention. */
static char *sql_words(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;
	while (out && *s) {
		if (s[0] == '-' && s[1] == '-') {
			while (*s && *s != '\n')
				s++;
			continue;
		}
		char ch = (char)toupper((unsigned char)*s++);
		if (isspace((unsigned char)ch) || ch == '(' || ch == ')' || ch == ',')
			ch = ' ';
		if (ch != ' ' || (o > out && o[-1] != ' '))
			*o++ = ch;
	}
	if (out)
		*o = 0;
	return out;
}

TEST("a migration with SQLite-only DDL has its PostgreSQL file (NNNN_name.postgres.sql)")
{
	/* the shared file is what PostgreSQL runs when there is no dialect file:
	 * 0010 once shipped INTEGER PRIMARY KEY alone and every challenge insert
	 * failed there on a null id */
	static const char *const sqlite_only[] = {
		"INTEGER PRIMARY KEY", "AUTOINCREMENT", " BLOB", " REAL", "NOCASE",
		"WITHOUT ROWID", "PRAGMA", "INSERT OR", "STRFTIME", "JSON_EACH",
	};
	for (int i = 0; i < store_nmigrations; i++) {
		const char *shared = store_migration_sql(&store_migrations[i], "sqlite");
		const char *pg = store_migration_sql(&store_migrations[i], "postgres");
		CHECK(shared != NULL && pg != NULL);
		if (!shared || !pg || pg != shared)
			continue;  /* PostgreSQL has a file of its own */
		char *w = sql_words(shared);
		CHECK(w != NULL);
		for (size_t k = 0; w && k < sizeof(sqlite_only) / sizeof(sqlite_only[0]); k++)
			if (strstr(w, sqlite_only[k])) {
				fprintf(stderr, "    %s.sql: '%s' and no %s.postgres.sql\n",
					store_migrations[i].name, sqlite_only[k], store_migrations[i].name);
				CHECK(0);
			}
		free(w);
	}
}

TEST("a database is named by a path or sqlite:PATH; a PostgreSQL URL is refused clearly")
{
	snprintf(path, sizeof(path), "/tmp/cible-test-store-%d.db", (int)getpid());
	unlink(path);
	char setting[80];
	snprintf(setting, sizeof(setting), "sqlite:%s", path);
	struct err e;
	err_clear(&e);
	struct store *s = store_open(setting, &e);
	CHECK(s != NULL);
	if (s)
		CHECK_INT(store_schema_version(s), store_schema_known());
	CHECK(access(path, F_OK) == 0);  /* the file is the path after the scheme */
	CHECK_INT(store_exists(setting, &e), 1);
	CHECK_INT(store_exists(path, &e), 1);
	store_close(s);
	char wal[96];
	snprintf(wal, sizeof(wal), "%s-wal", path);
	FILE *f = fopen(wal, "w");  /* as a crash leaves it */
	if (f)
		fclose(f);
	CHECK_INT(store_destroy(setting, &e), 0);
	CHECK(access(path, F_OK) != 0);
	CHECK(access(wal, F_OK) != 0);
	CHECK_INT(store_exists(setting, &e), 0);
	CHECK_INT(store_destroy(setting, &e), 0);  /* nothing there: nothing to do */
	/* PostgreSQL where none listens: a clear 503 naming the host, never the
	 * URL's password */
	CHECK_INT(store_exists("postgres://127.0.0.1:1/db", &e), -1);
	err_clear(&e);
	s = store_open("postgres://cible:secret@127.0.0.1:1/cible", &e);
	CHECK(s == NULL);
	CHECK_STR(e.code, "database_unreachable");
	CHECK_INT(e.status, 503);
	struct buf m = BUF_INIT;
	err_message(&e, LANG_EN, &m);
	CHECK(strstr(m.data, "cannot reach the PostgreSQL database at 127.0.0.1:1/cible") != NULL);
	CHECK(strstr(m.data, "secret") == NULL);  /* a URL's password is never repeated */
	buf_free(&m);
	err_message(&e, LANG_FR, &m);
	CHECK(strstr(m.data, "impossible de joindre la base PostgreSQL") != NULL);
	buf_free(&m);
	err_clear(&e);
	s = store_open("host=127.0.0.1 port=1 dbname=x password=secret", &e);
	CHECK(s == NULL);
	CHECK_STR(e.code, "database_unreachable");
	CHECK(strstr(e.arg[0], "127.0.0.1:1/x") != NULL);
	CHECK(access("postgres:", F_OK) != 0);  /* no file made of the URL */
}

TEST("a setting as a person may read it leaves any password out")
{
	char out[128];
	CHECK_STR(store_describe("postgres://cible:s3cret@db.example:5433/cible?sslmode=require",
				 out, sizeof(out)),
		  "postgres://cible@db.example:5433/cible?sslmode=require");
	CHECK_STR(store_describe("postgresql://db.example/cible", out, sizeof(out)),
		  "postgresql://db.example/cible");
	CHECK_STR(store_describe("host=db user=cible password=s3cret dbname=cible", out, sizeof(out)),
		  "host=db user=cible dbname=cible");
	CHECK_STR(store_describe("/var/lib/cible/cible.db", out, sizeof(out)), "/var/lib/cible/cible.db");
	CHECK_STR(store_describe("postgres://u:p@h/d", out, 6), "postg");
}

/* A source file without its comments; string literals kept apart. */
static char *read_code(const char *file, char *lits, size_t litcap)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return NULL;
	static char src[1 << 17];
	size_t n = fread(src, 1, sizeof(src) - 1, f);
	fclose(f);
	src[n] = 0;
	char *code = malloc(n + 1), *c = code;
	size_t l = 0;
	for (size_t i = 0; i < n; i++) {
		if (src[i] == '/' && src[i + 1] == '*') {
			char *end = strstr(src + i + 2, "*/");
			i = end ? (size_t)(end - src) + 1 : n;
		} else if (src[i] == '/' && src[i + 1] == '/') {
			while (i < n && src[i] != '\n')
				i++;
		} else if (src[i] == '\'') {
			*c++ = src[i++];
			while (i < n && src[i] != '\'')
				*c++ = src[i] == '\\' ? src[i++] : src[i], i++;
			*c++ = '\'';
		} else if (src[i] == '"') {
			*c++ = src[i++];
			while (i < n && src[i] != '"') {
				if (src[i] == '\\')
					*c++ = src[i++];
				if (l + 2 < litcap)
					lits[l++] = src[i];
				*c++ = src[i++];
			}
			*c++ = '"';
			if (l + 2 < litcap)
				lits[l++] = '\n';  /* literals end: "?" and "1" never join */
		} else {
			*c++ = src[i];
		}
	}
	*c = 0;
	lits[l] = 0;
	return code;
}

TEST("the store's resource files hold only cible SQL, on the driver seam")
{
	/* what one engine takes and another not, kept to the drivers (db.h) */
	static const char *const banned[] = {
		"sqlite3", "SQLITE_", "json_each", "strftime", "datetime(", "julianday(",
		"INSERT OR", "REPLACE INTO", "PRAGMA", "CROSS JOIN", "WITHOUT ROWID",
		"last_insert_rowid", "changes()", "LIMIT -1", "GLOB", "group_concat", "ifnull(",
		"AUTOINCREMENT", "rowid", "COLLATE NOCASE",
	};
	DIR *d = opendir("src/store");
	CHECK(d != NULL);
	struct dirent *de;
	int files = 0;
	while (d && (de = readdir(d))) {
		if (strncmp(de->d_name, "store", 5) || !strchr(de->d_name, '.'))
			continue;
		char file[300];
		snprintf(file, sizeof(file), "src/store/%s", de->d_name);
		static char lits[1 << 17];
		char *code = read_code(file, lits, sizeof(lits));
		CHECK(code != NULL);
		if (!code)
			continue;
		files++;
		for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
			if (strstr(code, banned[i])) {
				fprintf(stderr, "    %s: %s\n", file, banned[i]);
				CHECK(!strstr(code, banned[i]));
			}
		for (const char *q = strchr(lits, '?'); q; q = strchr(q + 1, '?'))
			if (!(q[1] >= '1' && q[1] <= '9')) {
				fprintf(stderr, "    %s: a bare ? in \"%.40s\"\n", file, q);
				CHECK(0);
			}
		free(code);
	}
	if (d)
		closedir(d);
	CHECK(files >= 8);  /* store.c, store_int.h, store_migrate.c and the resources */
}

/* cible migrate-store walks store_tenant_tables: a table the migrations make
 * that the list lacks would not be copied, silently. */
static int in_list(const char *name)
{
	for (int i = 0; i < store_ntenant_tables; i++)
		if (!strcmp(store_tenant_tables[i].name, name))
			return 1;
	for (const char *const *g = store_global_tables; *g; g++)
		if (!strcmp(*g, name))
			return 2;
	return 0;
}

static int has_column(sqlite3 *db, const char *table, const char *col)
{
	sqlite3_stmt *st;
	int found = 0;
	sqlite3_prepare_v2(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", -1, &st, NULL);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

TEST("the copy's table list (store_copy.c) names every table the migrations make, tenant or not")
{
	struct store *s = fresh();
	CHECK(s != NULL);
	sqlite3 *db;
	sqlite3_open(path, &db);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'"
			   " AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &st, NULL);
	int tables = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		tables++;
		int where = in_list(t);
		if (!where)
			fprintf(stderr, "    table %s is in neither list of store_copy.c\n", t);
		CHECK(where != 0);
		/* a tenant table is one with org_id (org itself aside) */
		if (where == 1 && strcmp(t, "org"))
			CHECK(has_column(db, t, "org_id"));
		if (where == 2)
			CHECK(!has_column(db, t, "org_id"));
	}
	sqlite3_finalize(st);
	CHECK_INT(tables, store_ntenant_tables + 3);
	/* every table of the list is made, its late and tree columns are its own */
	for (int i = 0; i < store_ntenant_tables; i++) {
		const struct store_tenant_table *t = &store_tenant_tables[i];
		CHECK(has_column(db, t->name, t->name[0] == 'o' && !strcmp(t->name, "org") ? "id"
										      : "org_id"));
		for (int l = 0; l < 2; l++)
			if (t->late[l])
				CHECK(has_column(db, t->name, t->late[l]));
		if (t->tree)
			CHECK(has_column(db, t->name, t->tree));
		/* read by pages of ids unless it has none */
		if (t->no_id == has_column(db, t->name, "id"))
			fprintf(stderr, "    %s: no_id is %d\n", t->name, t->no_id);
		CHECK(t->no_id != has_column(db, t->name, "id"));
	}
	sqlite3_close(db);
	cleanup(s);
}

static id_t64 mkorg(struct store *s, const char *name)
{
	struct org o = { 0, name, "fr", "EUR", "Être la référence", 0x1f, NULL, false };
	struct err e;
	id_t64 id = 0;
	CHECK_INT(store_org_create(s, &o, &id, &e), 0);
	return id;
}

TEST("units, people and objectives round-trip, scoped by organisation")
{
	struct store *s = fresh();
	struct arena a;
	arena_init(&a);
	struct err e;
	id_t64 org = mkorg(s, "Alpha"), other = mkorg(s, "Beta");
	struct unit co = { 0, org, 0, 0, "Alpha", UNIT_COMPANY, SERVICE_NONE };
	CHECK_INT(store_unit_create(s, &co, &co.id, &e), 0);
	struct unit team = { 0, org, co.id, 0, "Équipe A", UNIT_TEAM, SERVICE_CALL_CENTRE };
	CHECK_INT(store_unit_create(s, &team, &team.id, &e), 0);
	struct person p = { 0, org, team.id, 0, "Léa Martin", "lea@alpha.fr", "Téléconseillère",
			    ROLE_MEMBER, date_from_ymd(2026, 9, 1), true };
	CHECK_INT(store_person_create(s, &p, &p.id, &e), 0);
	struct person dup = p;
	CHECK_INT(store_person_create(s, &dup, &dup.id, &e), -1);
	CHECK_STR(e.code, "email_taken");

	struct unit got;
	CHECK_INT(store_unit_get(s, org, team.id, &a, &got, &e), 0);
	CHECK_STR(got.name, "Équipe A");
	CHECK_INT(got.service, SERVICE_CALL_CENTRE);
	CHECK_INT(store_unit_get(s, other, team.id, &a, &got, &e), -1);
	CHECK_INT(e.status, 404);

	struct objective o;
	objective_init(&o);
	o.org_id = org;
	o.title = "Décrocher 90 % des appels";
	o.level = LEVEL_INDIVIDUAL;
	o.owner_person_id = p.id;
	o.axis_id = 0;
	o.parent_id = 0;
	o.has_baseline = o.has_target = true;
	o.baseline = 80;
	o.target = 90;
	o.due = date_from_ymd(2027, 3, 31);
	o.plan_json = "[{\"title\":\"Former l'équipe\"}]";
	/* the schema itself refuses an objective linked to nothing */
	CHECK_INT(store_objective_create(s, &o, &o.id, &e), -1);
	struct axis x = { 0, org, "Satisfaction client", "", 1 };
	CHECK_INT(store_axis_create(s, &x, &x.id, &e), 0);
	o.axis_id = x.id;
	CHECK_INT(store_objective_create(s, &o, &o.id, &e), 0);
	struct objective back;
	CHECK_INT(store_objective_get(s, org, o.id, &a, &back, &e), 0);
	CHECK_STR(back.title, o.title);
	CHECK_NEAR(back.target, 90, 0);
	CHECK(back.has_baseline);
	CHECK_INT(back.due, o.due);
	CHECK_INT(back.start, DAY_NONE);
	CHECK_INT(back.scope_unit_id, team.id);
	CHECK_STR(back.plan_json, o.plan_json);
	CHECK_INT(store_objective_get(s, other, o.id, &a, &back, &e), -1);

	struct ids sub, chain;
	CHECK_INT(store_unit_subtree(s, org, co.id, &a, &sub, &e), 0);
	CHECK_INT(sub.n, 2);
	CHECK_INT(store_unit_chain(s, org, team.id, &a, &chain, &e), 0);
	CHECK_INT(chain.n, 2);
	CHECK(ids_contains(&chain, co.id));
	arena_free(&a);
	cleanup(s);
}

/* What SQLite made of a text key compared with the integer id column. */
static id_t64 affinity_id(const char *key)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	id_t64 id = 0;
	sqlite3_open(path, &db);
	sqlite3_prepare_v2(db, "SELECT id FROM person WHERE id = ?1", -1, &st, NULL);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return id;
}

TEST("a person is resolved by id, email, code or name, an id read as SQLite's affinity did")
{
	struct store *s = fresh();
	struct err e;
	id_t64 org = mkorg(s, "Alpha");
	struct person p = { 0, org, 0, 0, "Léa Martin", "lea@alpha.fr", "", ROLE_MEMBER,
			    DAY_NONE, true };
	CHECK_INT(store_person_create(s, &p, &p.id, &e), 0);
	struct person q = { 0, org, 0, 0, "12", "q@alpha.fr", "", ROLE_MEMBER, DAY_NONE, true };
	CHECK_INT(store_person_create(s, &q, &q.id, &e), 0);
	id_t64 got = 0;
	CHECK_INT(store_person_resolve(s, org, "LEA@alpha.fr", &got, &e), 0);
	CHECK_INT(got, p.id);
	CHECK_INT(store_person_resolve(s, org, "Léa Martin", &got, &e), 0);
	CHECK_INT(got, p.id);
	CHECK_INT(store_person_resolve(s, org, "nobody", &got, &e), -1);
	CHECK_INT(e.status, 404);
	char key[32];
	snprintf(key, sizeof(key), "%lld", (long long)p.id);
	CHECK_INT(store_person_resolve(s, org, key, &got, &e), 0);
	CHECK_INT(got, p.id);
	CHECK_INT(store_person_resolve(s, org + 1, key, &got, &e), -1);  /* another org's */
	/* the id wins over a name; odd spellings of a number as SQLite took them */
	const char *keys[] = { "1", "01", " 1", "1 ", "+1", "1.0", "1e0", "1.", "0x1", "1.5",
			       "1abc", "-1", "", "2", "002", "2.000", "12", "9223372036854775808" };
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		id_t64 want = affinity_id(keys[i]);
		got = 0;
		int rc = store_person_resolve(s, org, keys[i], &got, &e);
		if (!want && !strcmp(keys[i], "12"))
			want = q.id;  /* no id 12: the name */
		if (want != (rc ? 0 : got))
			fprintf(stderr, "    key \"%s\": %lld, SQLite %lld\n", keys[i],
				(long long)(rc ? 0 : got), (long long)want);
		CHECK_INT(rc ? 0 : got, want);
	}
	cleanup(s);
}

TEST("a rolled-back transaction leaves nothing behind")
{
	struct store *s = fresh();
	struct err e;
	id_t64 org = mkorg(s, "Alpha");
	CHECK_INT(store_begin(s, &e), 0);
	struct axis x = { 0, org, "Croissance", "", 1 };
	CHECK_INT(store_axis_create(s, &x, &x.id, &e), 0);
	store_rollback(s);
	struct arena a;
	arena_init(&a);
	struct axis *v;
	size_t n;
	CHECK_INT(store_axis_list(s, org, &a, &v, &n, &e), 0);
	CHECK_INT(n, 0);
	arena_free(&a);
	cleanup(s);
}

TEST("login failures are counted per email and address, cleared by a success from there")
{
	struct store *s = fresh();
	struct err e;
	int64_t n, last;
	for (int i = 0; i < 3; i++)
		CHECK_INT(store_login_attempt(s, "x@y.fr", "10.0.0.1", 1000 + i, 0, &e), 0);
	CHECK_INT(store_login_attempt(s, "x@y.fr", "10.0.0.2", 1005, 0, &e), 0);
	CHECK_INT(store_login_failures_since(s, "X@Y.FR", "10.0.0.1", 900, &n, &last, &e), 0);
	CHECK_INT(n, 3);
	CHECK_INT(last, 1002);
	/* another address's failures are its own */
	CHECK_INT(store_login_failures_since(s, "x@y.fr", "10.0.0.3", 900, &n, &last, &e), 0);
	CHECK_INT(n, 0);
	CHECK_INT(store_login_attempt(s, "x@y.fr", "10.0.0.1", 1003, 1, &e), 0);
	CHECK_INT(store_login_failures_since(s, "x@y.fr", "10.0.0.1", 900, &n, &last, &e), 0);
	CHECK_INT(n, 0);
	CHECK_INT(store_login_failures_since(s, "x@y.fr", "10.0.0.2", 900, &n, &last, &e), 0);
	CHECK_INT(n, 1);
	/* unlocking forgets every address's */
	int64_t cleared;
	CHECK_INT(store_login_unlock(s, "X@y.fr", &cleared, &e), 0);
	CHECK_INT(cleared, 1);
	CHECK_INT(store_login_failures_since(s, "x@y.fr", "10.0.0.2", 900, &n, &last, &e), 0);
	CHECK_INT(n, 0);
	cleanup(s);
}

struct seen {
	int n;
	day_t day[64];
	double count[64];
};

static int on_seen(void *ctx, id_t64 person, day_t day, const double *st, size_t nvals)
{
	struct seen *x = ctx;
	(void)person;
	if (x->n < 64 && nvals == 4) {
		x->day[x->n] = day;
		x->count[x->n++] = st[0];
	}
	return 0;
}

static void one_day(double *month, day_t ms, day_t d, double n, double sum)
{
	for (int i = 0; i < 31; i++) {
		month[4 * i] = month[4 * i + 1] = 0;
		month[4 * i + 2] = INFINITY;
		month[4 * i + 3] = -INFINITY;
	}
	month[4 * (d - ms)] = n;
	month[4 * (d - ms) + 1] = sum;
	month[4 * (d - ms) + 2] = month[4 * (d - ms) + 3] = sum / n;
}

TEST("measure states merge by month and scan by day, within the range asked")
{
	struct store *s = fresh();
	struct err e;
	id_t64 org = mkorg(s, "Acme");
	(void)org;
	double m[31 * 4];
	day_t jan = date_from_ymd(2026, 1, 1), feb = date_from_ymd(2026, 2, 1);
	one_day(m, jan, jan + 30, 2, 10);  /* 31 January */
	CHECK_INT(store_measure_merge_month(s, 1, 7, jan, m, 4, &e), 0);
	CHECK_INT(store_measure_merge_month(s, 1, 7, jan + 12, m, 4, &e), 0);  /* merged in */
	one_day(m, feb, feb, 1, 3);  /* 1 February */
	CHECK_INT(store_measure_merge_month(s, 1, 7, feb, m, 4, &e), 0);
	CHECK_INT(store_measure_merge_month(s, 1, 8, feb, m, 4, &e), 0);
	CHECK_INT(store_measure_merge_month(s, 2, 7, feb, m, 4, &e), 0);
	struct seen x = { 0 };
	struct ids one = { (id_t64[]){ 7 }, 1 };
	CHECK_INT(store_measure_scan(s, 1, &one, jan, feb + 27, on_seen, &x, &e), 0);
	CHECK_INT(x.n, 2);
	CHECK_INT(x.day[0], jan + 30);
	CHECK(x.count[0] == 4);
	CHECK_INT(x.day[1], feb);
	memset(&x, 0, sizeof(x));
	CHECK_INT(store_measure_scan(s, 1, &one, feb + 1, feb + 27, on_seen, &x, &e), 0);
	CHECK_INT(x.n, 0);
	memset(&x, 0, sizeof(x));
	CHECK_INT(store_measure_scan(s, 1, NULL, jan + 30, feb, on_seen, &x, &e), 0);
	CHECK_INT(x.n, 3);  /* person 7's two days, person 8's one; not indicator 2's */
	CHECK_INT(store_measure_clear(s, 1, &e), 0);
	memset(&x, 0, sizeof(x));
	CHECK_INT(store_measure_scan(s, 1, NULL, jan, feb + 27, on_seen, &x, &e), 0);
	CHECK_INT(x.n, 0);
	CHECK_INT(store_measure_scan(s, 2, NULL, jan, feb + 27, on_seen, &x, &e), 0);
	CHECK_INT(x.n, 1);
	CHECK(store_measure_merge_month(s, 1, 1 << 24, jan, m, 4, &e) != 0);
	cleanup(s);
}

TEST("migration 6 moves per-day measure states into month rows")
{
	snprintf(path, sizeof(path), "/tmp/cible-test-store-%d.db", (int)getpid());
	unlink(path);
	for (int i = 0; i < 5; i++)  /* a database of schema 5, with per-day states */
		raw_exec(store_migration_sql(&store_migrations[i], "sqlite"));
	raw_exec(/* 20454 = 2026-01-01; states of 4 doubles: n, sum, min, max */
		 "INSERT INTO measure_day VALUES"
		 " (3, 5, 20454, X'000000000000F03F0000000000002440000000000000244000000000000024400000'),"
		 " (3, 5, 20484, X'0000000000000040000000000000344000000000000024400000000000002440'),"
		 " (3, 5, 20485, X'000000000000F03F000000000000F03F000000000000F03F000000000000F03F');"
		 "PRAGMA user_version = 5");
	struct err e;
	struct store *s = store_open(path, &e);
	CHECK(s != NULL);
	if (s) {
		struct seen x = { 0 };
		CHECK_INT(store_measure_scan(s, 3, NULL, 20454, 20500, on_seen, &x, &e), 0);
		/* the first row has a bad length and is left out; the others keep their day */
		CHECK_INT(x.n, 2);
		CHECK_INT(x.day[0], 20484);
		CHECK(x.count[0] == 2);
		CHECK_INT(x.day[1], 20485);
		CHECK(x.count[1] == 1);
	}
	cleanup(s);
}

static int64_t synchronous_of(struct store *s)
{
	struct err e;
	struct db_stmt *st = db_prep(s->db, "PRAGMA synchronous", &e);
	int64_t v = -1;
	if (st && db_step(st, &e) > 0)
		v = db_col_int64(st, 0);
	if (st)
		db_done(st);
	return v;
}

TEST("durability: full by default (synchronous=FULL, 2), normal when chosen (1); a wrong word is refused")
{
	snprintf(path, sizeof(path), "/tmp/cible-test-store-%d.db", (int)getpid());
	cleanup(NULL);
	struct err e;
	unsetenv("CIBLE_DURABILITY");
	struct store *s = store_open(path, &e);
	CHECK(s != NULL);
	if (s)
		CHECK_INT(synchronous_of(s), 2);
	cleanup(s);
	CHECK_INT(db_durability_set("normal"), 0);
	s = store_open(path, &e);
	if (s)
		CHECK_INT(synchronous_of(s), 1);
	cleanup(s);
	CHECK_INT(db_durability_set("fast"), -1);
	CHECK_INT(db_durability_set("full"), 0);
	CHECK_INT(db_durability_full(), 1);
}

T_MAIN("store")
