/* The store's connection: opened from the database setting through the
 * driver seam (db.h), brought up to the program's schema by the migrations
 * (store_migrate.c), and its transactions. Which engine sits behind it is
 * the driver's business; the resource files (store_*.c) only see db.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "store/store_int.h"

int64_t store_now(void)
{
	return (int64_t)time(NULL);
}

struct store *store_open(const char *setting, struct err *e)
{
	struct store *s = calloc(1, sizeof(*s));
	if (!s) {
		err_set(e, 500, "internal", NULL, "out of memory", NULL);
		return NULL;
	}
	s->setting = strdup(setting ? setting : "");
	if (!s->setting) {
		free(s);
		err_set(e, 500, "internal", NULL, "out of memory", NULL);
		return NULL;
	}
	if (!(s->db = db_open(setting, e)) || store_migrate(s, e)) {
		store_close(s);
		return NULL;
	}
	return s;
}

int store_exists(const char *setting, struct err *e)
{
	return db_exists(setting, e);
}

int store_destroy(const char *setting, struct err *e)
{
	return db_destroy(setting, e);
}

static int no_backups(const char *engine, struct err *e)
{
	return err_set(e, 500, "backup_engine", NULL, engine, NULL);
}

int store_backup(struct store *s, const char *path, struct err *e)
{
	if (!s->db->drv->backup)
		return no_backups(s->db->drv->name, e);
	return s->db->drv->backup(s->db, path, e);
}

/* A backup file is the default engine's (a SQLite file): the one that a
 * path, without a scheme, names. */
int store_verify_file(const char *path, int *version, struct err *e)
{
	if (db_sqlite.verify(path, version, e))
		return -1;
	if (*version > store_nmigrations) {
		char a[16], b[16];
		snprintf(a, sizeof(a), "%d", *version);
		snprintf(b, sizeof(b), "%d", store_nmigrations);
		return err_set(e, 500, "schema_too_new", NULL, a, b);
	}
	return 0;
}

int store_restore(const char *from, const char *setting, struct err *e)
{
	const struct db_driver *drv;
	const char *target;
	int version;
	if (db_resolve(setting, &drv, &target, e) || store_verify_file(from, &version, e))
		return -1;
	if (!drv->restore)
		return no_backups(drv->name, e);
	return drv->restore(from, target, e);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->db)
		db_close(s->db);
	free(s->setting);
	free(s);
}

const char *store_setting(const struct store *s)
{
	return s->setting;
}

int store_schema_version(struct store *s)
{
	int v;
	struct err e;
	return s->db->drv->version_get(s->db, &v, &e) ? -1 : v;
}

int store_schema_known(void)
{
	return store_nmigrations;
}

int store_begin(struct store *s, struct err *e)
{
	return db_begin(s->db, e);
}

int store_commit(struct store *s, struct err *e)
{
	return db_commit(s->db, e);
}

void store_rollback(struct store *s)
{
	db_rollback(s->db);
}

void store_bulk_begin(struct store *s)
{
	s->db->drv->bulk(s->db, 1);
}

void store_bulk_end(struct store *s)
{
	s->db->drv->bulk(s->db, 0);
}

long ids_index(const struct ids *set, id_t64 id)
{
	size_t lo = 0, hi = set ? set->n : 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (set->v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return set && lo < set->n && set->v[lo] == id ? (long)lo : -1;
}

int ids_contains(const struct ids *set, id_t64 id)
{
	return ids_index(set, id) >= 0;
}

static int cmp_id(const void *x, const void *y)
{
	id_t64 p = *(const id_t64 *)x, q = *(const id_t64 *)y;
	return p < q ? -1 : p > q;
}

void ids_sort(struct ids *set)
{
	if (set->n > 1)
		qsort(set->v, set->n, sizeof(id_t64), cmp_id);
}
