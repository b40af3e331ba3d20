/* What the store's resource files share: the store is a connection of the
 * driver seam (db.h), and a few functions one resource calls in another.
 * Private to src/store. */
#ifndef CIBLE_STORE_INT_H
#define CIBLE_STORE_INT_H
#include "store/db.h"
#include "store/store.h"

struct store {
	struct db *db;
	char *setting;  /* what it was opened with: the database's name */
};

/* unix seconds now: the times the store stamps itself (created_at, audit) */
int64_t store_now(void);

/* store_migrate.c: the migrations, by name, each with an optional hook run
 * after its SQL in the same transaction */
struct migration {
	const char *name;  /* migrations/<name>.sql, and <name>.<dialect>.sql if any */
	int (*hook)(struct store *s, struct err *e);
};
extern const struct migration store_migrations[];
extern const int store_nmigrations;
/* The SQL of m for a driver: its dialect's file if there is one, else the
 * shared one; NULL if neither is embedded. */
const char *store_migration_sql(const struct migration *m, const char *dialect);
int store_migrate(struct store *s, struct err *e);

/* store_measure.c */
/* a person or unit moved from under old_unit to under new_unit (0: none):
 * the measure rows of the units whose subtree changed, made again */
int store_measure_moved(struct store *s, id_t64 org, id_t64 old_unit, id_t64 new_unit,
			struct err *e);
/* migration hooks */
int store_measure_days_to_months(struct store *s, struct err *e);  /* 0006 */
int store_measure_units_all(struct store *s, struct err *e);       /* 0009 */
int store_indicator_catalog_all(struct store *s, struct err *e);   /* 0004 */
#endif
