/* Migrations, listed by name in the order they apply, each with the C hook
 * (if any) that runs after its SQL in the same transaction: the one place to
 * add a migration. The SQL is the embedded src/store/migrations/<name>.sql,
 * or <name>.<dialect>.sql where a driver's engine needs its own text. The
 * ledger (the driver's version_get/version_set) counts how many of this
 * table a database has, so the table only ever grows at its end; a database
 * that counts more than the table is refused. tests/unit/test_store.c holds
 * the table to the files. */
#include <stdio.h>
#include "core/embed.h"
#include "store/store_int.h"

const struct migration store_migrations[] = {
	{ "0001_cascade", NULL },
	{ "0002_objective_order", NULL },
	{ "0003_activity", NULL },
	{ "0004_indicators", store_indicator_catalog_all },     /* every org's catalog */
	{ "0005_activity_lean", NULL },
	{ "0006_measure_month", store_measure_days_to_months },  /* measure_day's rows */
	{ "0007_person_name", NULL },
	{ "0008_checkin", NULL },
	{ "0009_measure_units", store_measure_units_all },      /* every unit's rows */
	{ "0010_challenge", NULL },   /* challenges, results, badges: 0014 once 0010-0013 land */
	{ "0011_negotiation", NULL },  /* rounds and agreements (issue 11) */
	{ "0012_rhythm", NULL },       /* cadence, feedback, one-to-ones (issue 11) */
	{ "0013_review", NULL },       /* reviews (issue 12, item 1) */
};
const int store_nmigrations = (int)(sizeof(store_migrations) / sizeof(store_migrations[0]));

const char *store_migration_sql(const struct migration *m, const char *dialect)
{
	char name[128];
	snprintf(name, sizeof(name), "%s.%s.sql", m->name, dialect);
	const struct embedded_file *f = embedded_find(migrations_files, name);
	if (!f) {
		snprintf(name, sizeof(name), "%s.sql", m->name);
		f = embedded_find(migrations_files, name);
	}
	return f ? (const char *)f->data : NULL;
}

static int too_new(int have, struct err *e)
{
	char a[16], b[16];
	snprintf(a, sizeof(a), "%d", have);
	snprintf(b, sizeof(b), "%d", store_nmigrations);
	return err_set(e, 500, "schema_too_new", NULL, a, b);
}

/* One migration in its own transaction. The ledger is read again under the
 * write lock: another process may have migrated meanwhile. *have is what the
 * database counts afterwards. */
static int migrate_one(struct store *s, int *have, struct err *e)
{
	struct db *db = s->db;
	if (db_begin(db, e))
		return -1;
	if (db->drv->version_get(db, have, e))
		goto fail;
	if (*have >= store_nmigrations) {
		db_rollback(db);
		return *have > store_nmigrations ? too_new(*have, e) : 0;
	}
	const struct migration *m = &store_migrations[*have];
	const char *sql = store_migration_sql(m, db->drv->name);
	if (!sql) {
		err_set(e, 500, "internal", NULL, "a migration is missing from the program", m->name);
		goto fail;
	}
	if (db_exec(db, sql, e) || (m->hook && m->hook(s, e)) ||
	    db->drv->version_set(db, *have + 1, m->name, e) || db_commit(db, e))
		goto fail;
	++*have;
	return 0;
fail:
	db_rollback(db);
	return -1;
}

int store_migrate(struct store *s, struct err *e)
{
	int have;
	if (s->db->drv->version_get(s->db, &have, e))
		return -1;
	if (have > store_nmigrations)
		return too_new(have, e);
	while (have < store_nmigrations)
		if (migrate_one(s, &have, e))
			return -1;
	return 0;
}
