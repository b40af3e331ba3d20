/* Migrations, listed by name in the order they apply, each with the C hook
 * (if any) that runs after its SQL in the same transaction: the one place to
 * add a migration. The SQL is the embedded src/store/migrations/<name>.sql,
 * or <name>.<dialect>.sql where a driver's engine needs its own text. The
 * ledger (the driver's version_get/version_set) counts how many of this
 * table a database has, so the table only ever grows at its end; a database
 * that counts more than the table is refused. tests/unit/test_store.c holds
 * the table to the files. */
#include <stdio.h>
#include <string.h>
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
	{ "0010_challenge", NULL },   /* challenges, results, badges (issue 13) */
	{ "0011_negotiation", NULL },  /* rounds and agreements (issue 11) */
	{ "0012_rhythm", NULL },       /* cadence, feedback, one-to-ones (issue 11) */
	{ "0013_objective_version", NULL },  /* optimistic concurrency (issue 15) */
	{ "0014_ramp_plan", NULL },    /* ramp-up plans per job (issue 12) */
	{ "0015_auth", NULL },          /* reset links, failures by email and address (issue 16) */
	{ "0016_email_per_org", NULL },  /* an email unique per organisation (issue 16) */
	{ "0017_notify", NULL },       /* outbox, deliveries, preferences, chat places (issue 14) */
	{ "0018_calendar", NULL },     /* a secret calendar address per person (issue 14) */
	{ "0019_review", NULL },       /* reviews (issue 12, item 1) */
	{ "0020_job_lease", NULL },    /* one server runs the background jobs (issue 15) */
	{ "0021_auth_generation", NULL },  /* the callers' reach kept by generation (issue 17) */
	{ "0022_tenant_keys", NULL },  /* org_id leads the keys of tenant data (issue 15) */
	{ "0023_challenge_score", NULL },  /* challenge figures kept per participant (issue 13) */
	{ "0024_indicator_synonym", NULL },  /* the organisation's words for its indicators (issue 18) */
	{ "0025_board_generation", NULL },  /* kept boards checked by generation (issue 13) */
	{ "0026_objective_result", NULL },  /* every objective's result kept (issue 17) */
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
/* Whether the next migration's SQL rebuilds a table (db.h, rebuild). */
static int rebuilds(struct db *db, int have)
{
	if (have >= store_nmigrations || !db->drv->rebuild)
		return 0;
	const char *sql = store_migration_sql(&store_migrations[have], db->drv->name);
	return sql && strstr(sql, "-- cible: rebuilds a table") != NULL;
}

static int rebuild_end(struct db *db, int rebuild, int rc, struct err *e)
{
	struct err e2;
	err_clear(&e2);
	if (rebuild && db->drv->rebuild(db, DB_REBUILD_END, rc ? &e2 : e))
		return -1;
	return rc;
}

static int migrate_one(struct store *s, int *have, struct err *e)
{
	struct db *db = s->db;
	/* read before the write lock; read again under it below, and a
	 * migration another process ran meanwhile is not run here */
	int was = 0;
	if (db->drv->version_get(db, &was, e))
		return -1;
	int rebuild = rebuilds(db, was);
	if (rebuild && db->drv->rebuild(db, DB_REBUILD_BEGIN, e))
		return -1;
	if (db_begin(db, e))
		return rebuild_end(db, rebuild, -1, e);
	if (db->drv->version_get(db, have, e))
		goto fail;
	if (*have >= store_nmigrations || *have != was) {
		/* another process migrated meanwhile: look again from the top */
		db_rollback(db);
		if (*have > store_nmigrations)
			too_new(*have, e);
		return rebuild_end(db, rebuild, *have > store_nmigrations ? -1 : 0, e);
	}
	const struct migration *m = &store_migrations[*have];
	const char *sql = store_migration_sql(m, db->drv->name);
	if (!sql) {
		err_set(e, 500, "internal", NULL, "a migration is missing from the program", m->name);
		goto fail;
	}
	if (db_exec(db, sql, e) || (m->hook && m->hook(s, e)) ||
	    (rebuild && db->drv->rebuild(db, DB_REBUILD_CHECK, e)) ||
	    db->drv->version_set(db, *have + 1, m->name, e) || db_commit(db, e))
		goto fail;
	++*have;
	return rebuild_end(db, rebuild, 0, e);
fail:
	db_rollback(db);
	return rebuild_end(db, rebuild, -1, e);
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
