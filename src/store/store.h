/* The store: the one interface to persistent data, the same whatever engine
 * holds it. SQL lives only behind it, in one file per resource (store_*.c)
 * written against the driver seam (db.h); an engine is a driver (SQLite
 * today, db_sqlite.c; PostgreSQL is to plug in the same way, docs/HACKING.md).
 * No function here belongs to one engine (what one does for SQLite is said
 * in passing); the database is a setting given to store_open().
 *
 * Conventions: functions return 0 on success and -1 on failure with *e set
 * (404 not_found for an unknown id, 409 for a uniqueness conflict, 422 for
 * another broken constraint, 503 database_busy when the engine was busy and
 * the same transaction may succeed again, 500 for a database error). Every
 * query is scoped by org_id. Strings and arrays that a function returns are
 * allocated from the arena it is given. Writes happen inside
 * store_begin()/store_commit(); a failure is followed by store_rollback(), so
 * nothing is half-written. */
#ifndef CIBLE_STORE_H
#define CIBLE_STORE_H
#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"
#include "core/err.h"
#include "core/model.h"

struct store;

#define STORE_SCHEMA_VERSION_MAX 64

/* setting: the database, "sqlite:PATH" or a plain PATH (SQLite), a
 * postgres:// or postgresql:// URL or libpq's key=value form (PostgreSQL).
 * Applies the migrations a database lacks; refuses one newer than the
 * program (schema_too_new). */
struct store *store_open(const char *setting, struct err *e);
/* The setting as a person may read it (a message, a log): a URL's or
 * key=value's password left out. out holds n bytes. */
const char *store_describe(const char *setting, char *out, size_t n);
void store_close(struct store *s);
/* The setting s was opened with (store_open): which database, for what a
 * process keeps of it between requests (app/challenge.c's boards). */
const char *store_setting(const struct store *s);
/* Whether the setting names a database that is there (1) or not (0); -1 with
 * *e set when it cannot tell. */
int store_exists(const char *setting, struct err *e);
/* Removes the database the setting names, and what the engine keeps beside
 * it (SQLite: the -wal and -shm files); 0 also when nothing was there. */
int store_destroy(const char *setting, struct err *e);
int store_schema_version(struct store *s);
/* Latest schema this program knows (the number of its migrations). */
int store_schema_known(void);

/* Backups: an online, consistent copy of the whole database into path, a
 * file of the engine's own (SQLite: a database file, written beside path and
 * renamed into place; the server may keep writing); a file checked to be a
 * sound cible backup of a schema this program knows (*version its schema);
 * and a restore of such a file into the database a setting names. An engine
 * without them answers 500. */
int store_backup(struct store *s, const char *path, struct err *e);

int store_verify_file(const char *path, int *version, struct err *e);
int store_restore(const char *from, const char *setting, struct err *e);

/* A write transaction (SQLite: BEGIN IMMEDIATE, the write lock taken at once). */
int store_begin(struct store *s, struct err *e);
/* A bulk load (an import) comes, before its store_begin(), and is over,
 * after its commit or rollback: the engine tunes itself for it (SQLite: a
 * 96 MiB page cache, so that index pages stay in memory). */
void store_bulk_begin(struct store *s);
void store_bulk_end(struct store *s);
int store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);

/* id arrays */
struct ids {
	id_t64 *v;
	size_t n;
};
int ids_contains(const struct ids *set, id_t64 id);  /* set sorted ascending */
long ids_index(const struct ids *set, id_t64 id);    /* its position in set, or -1 */
void ids_sort(struct ids *set);                      /* ascending, for the two above */

/* `cible migrate-store` (store_copy.c): org's rows of every tenant table
 * copied from one store into another, whatever their engines, ids kept, in
 * one transaction on the target; the measure states' month rows too. A
 * target that has org already is refused (409 org_in_target) unless
 * replace, which deletes its rows of org first in the same transaction. */
struct store_copy_count {
	int tables;
	int64_t rows;    /* rows of the tenant tables */
	int64_t months;  /* measure states' month rows */
};
int store_copy_org(struct store *from, struct store *to, id_t64 org, int replace,
		   struct store_copy_count *out, struct err *e);
/* The tenant tables in the order a copy writes them, and the tables of no
 * organisation (NULL-terminated); tests/unit/test_store.c holds them to the
 * schema. */
struct store_tenant_table {
	const char *name;
	const char *late[2];  /* columns written once every table is in */
	const char *tree;     /* a column to the row's parent: parents first */
	int made_by_trigger;  /* its row is made when org's is */
	int no_id;            /* no id column: read in one go, not by pages of ids */
};
extern const struct store_tenant_table store_tenant_tables[];
extern const int store_ntenant_tables;
extern const char *const store_global_tables[];

/* organisation */
int store_org_create(struct store *s, const struct org *o, id_t64 *id, struct err *e);
int store_org_get(struct store *s, id_t64 id, struct arena *a, struct org *o, struct err *e);
int store_org_update(struct store *s, const struct org *o, struct err *e);
/* how many organisations, and the smallest id among them (0 if none) */
int store_org_count(struct store *s, int64_t *n, id_t64 *first, struct err *e);

/* units */
int store_unit_create(struct store *s, const struct unit *u, id_t64 *id, struct err *e);
int store_unit_get(struct store *s, id_t64 org, id_t64 id, struct arena *a, struct unit *u,
		   struct err *e);
int store_unit_update(struct store *s, const struct unit *u, struct err *e);
int store_unit_list(struct store *s, id_t64 org, struct arena *a, struct unit **out,
		    size_t *n, struct err *e);
/* the unit and everything under it, sorted */
int store_unit_subtree(struct store *s, id_t64 org, id_t64 unit, struct arena *a,
		       struct ids *out, struct err *e);
/* the unit and the units right under it, sorted */
int store_unit_children(struct store *s, id_t64 org, id_t64 unit, struct arena *a,
			struct ids *out, struct err *e);
/* the unit and its ancestors up to the company, sorted */
int store_unit_chain(struct store *s, id_t64 org, id_t64 unit, struct arena *a,
		     struct ids *out, struct err *e);
/* every unit under a unit led by person (the subtrees they manage), sorted */
int store_units_managed(struct store *s, id_t64 org, id_t64 person, struct arena *a,
			struct ids *out, struct err *e);

/* people */
struct person_filter {
	const struct ids *units;  /* NULL: any unit */
	int active;               /* -1 any, 0, 1 */
	size_t limit, offset;     /* limit 0: no limit */
};
int store_person_create(struct store *s, const struct person *p, id_t64 *id, struct err *e);
int store_person_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		     struct person *p, struct err *e);
/* Everyone with this email, in every organisation (an email is unique
 * within one), in organisation order, with their password hashes (NULL:
 * none): login, and the CLI's --email. */
struct person_login {
	struct person p;
	const char *password_hash;
};
int store_people_by_email(struct store *s, const char *email, struct arena *a,
			  struct person_login **out, size_t *n, struct err *e);
int store_person_update(struct store *s, const struct person *p, struct err *e);
/* Active admins of org other than person (the last admin stays one). */
int store_org_admins_besides(struct store *s, id_t64 org, id_t64 person, int64_t *n,
			     struct err *e);
/* A root unit (no parent) of org other than unit, or 0: one company root. */
int store_unit_other_root(struct store *s, id_t64 org, id_t64 unit, id_t64 *root, struct err *e);
int store_person_set_password(struct store *s, id_t64 org, id_t64 id, const char *hash,
			      struct err *e);
/* the stored argon2id hash (*hash NULL: no password); 404 for no such person */
int store_person_password_hash(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			       const char **hash, struct err *e);
int store_person_list(struct store *s, id_t64 org, const struct person_filter *f,
		      struct arena *a, struct person **out, size_t *n, size_t *total,
		      struct err *e);

/* How many objectives (not cancelled) each active person of org owns:
 * counts[i] for people[i], in person id order. */
int store_people_objective_counts(struct store *s, id_t64 org, struct arena *a,
				  struct person **people, int **counts, size_t *n, struct err *e);

/* strategic axes */
int store_axis_create(struct store *s, const struct axis *x, id_t64 *id, struct err *e);
int store_axis_get(struct store *s, id_t64 org, id_t64 id, struct arena *a, struct axis *x,
		   struct err *e);
int store_axis_update(struct store *s, const struct axis *x, struct err *e);
int store_axis_list(struct store *s, id_t64 org, struct arena *a, struct axis **out,
		    size_t *n, struct err *e);

/* objectives */
struct objective_filter {
	id_t64 owner_person;       /* 0: any */
	id_t64 owner_unit;         /* 0: any */
	const struct ids *units;   /* scope unit within this set; NULL: any */
	int level;                 /* -1: any */
	int status;                /* -1: any */
	id_t64 parent;             /* 0: any */
	id_t64 axis;               /* 0: any */
	day_t from, to;            /* period overlapping [from, to]; DAY_NONE: open */
	/* A prefilter mirroring access_objective_read(), so that paging can
	 * happen in SQL: when visible is set, only objectives owned by
	 * visible_person, scoped in visible_scope, owned by a unit of
	 * visible_owner_units, or listed in visible_ids. The caller still applies
	 * the core rule to what comes back. */
	int visible;
	id_t64 visible_person;
	const struct ids *visible_scope, *visible_owner_units, *visible_ids;
	size_t limit, offset;      /* limit 0: all */
	id_t64 after;              /* keyset: only ids above it (0: from the first) */
	const struct ids *owner_people; /* owned by one of them; NULL: any */
};
int store_objective_create(struct store *s, const struct objective *o, id_t64 *id,
			   struct err *e);
int store_objective_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct objective *o, struct err *e);
/* Writes o over the stored row of version o->version, which becomes
 * o->version + 1 (in *o too); a row at another version is left as it is:
 * 412 stale_version, arguments the stored version and o's. */
int store_objective_update(struct store *s, struct objective *o, struct err *e);
/* matching objectives ordered by id, the page [offset, offset+limit) of them;
 * *total (if not NULL) counts every match */
/* the objectives owned by these people or these units (either may be NULL), by id */
int store_objectives_of_owners(struct store *s, id_t64 org, const struct ids *people,
			       const struct ids *units, struct arena *a, struct objective **out,
			       size_t *n, struct err *e);
int store_objective_list(struct store *s, id_t64 org, const struct objective_filter *f,
			 struct arena *a, struct objective **out, size_t *n, size_t *total,
			 struct err *e);
/* parent id of an objective (0 for a root), for cycle checks */
int store_objective_parent(struct store *s, id_t64 org, id_t64 id, id_t64 *parent,
			   struct err *e);
/* ids of every ancestor of the objectives owned by person or by a unit of
 * units: what a member may read above them. Sorted. */
int store_objective_ancestors_of_owned(struct store *s, id_t64 org, id_t64 person,
				       const struct ids *units, struct arena *a,
				       struct ids *out, struct err *e);

/* activity records */
struct activity {
	id_t64 id, person_id;
	const char *kind, *source_id;
	int64_t at;           /* unix seconds, UTC */
	const char *fields;   /* JSON object text */
};
/* Finds a person of org by key: "123" (an id), an email, an employee code,
 * or an exact full name. 0 and *person set when found; 404 otherwise. */
int store_person_resolve(struct store *s, id_t64 org, const char *key, id_t64 *person,
			 struct err *e);
/* Stores a record unless one with the same (kind, source_id) is there:
 * *stored is 1 when it was new, 0 for a duplicate. */
int store_activity_add(struct store *s, id_t64 org, const struct activity *x, int64_t now,
		       int *stored, struct err *e);
/* The same for n records at once (an import's batch), in their order:
 * stored[i] is 1 for a new one, 0 for one stored before or earlier in v with
 * the same kind and source id. On PostgreSQL the batch goes through COPY
 * into a staging table, then one INSERT ... SELECT. */
int store_activity_add_many(struct store *s, id_t64 org, const struct activity *v, size_t n,
			    int64_t now, unsigned char *stored, struct err *e);
struct activity_filter {
	const struct ids *people;  /* NULL: any */
	const char *kind;          /* NULL: any */
	int64_t from, to;          /* [from, to) in unix seconds; 0: open */
	size_t limit, offset;
};
int store_activity_list(struct store *s, id_t64 org, const struct activity_filter *f,
			struct arena *a, struct activity **out, size_t *n, size_t *total,
			struct err *e);

/* indicators (expressions over activity, docs/indicators.md) */
struct indicator_row {
	id_t64 id;
	const char *key, *kind, *expr, *unit, *name_fr, *name_en;
};
/* The ready-made indicators of core/indicator.h for org (0: every org),
 * leaving alone keys the organisation already has. */
int store_indicator_install_catalog(struct store *s, id_t64 org, struct err *e);
int store_indicator_create(struct store *s, id_t64 org, const struct indicator_row *x,
			   id_t64 *id, struct err *e);
int store_indicator_update(struct store *s, id_t64 org, const struct indicator_row *x,
			   struct err *e);
int store_indicator_delete(struct store *s, id_t64 org, id_t64 id, struct err *e);
int store_indicator_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct indicator_row *out, struct err *e);
int store_indicator_by_key(struct store *s, id_t64 org, const char *key, struct arena *a,
			   struct indicator_row *out, struct err *e);
int store_indicator_list(struct store *s, id_t64 org, struct arena *a,
			 struct indicator_row **out, size_t *n, struct err *e);
/* The organisation's words for its indicators, per language (migration
 * 0024): a phrase is unique by (org, lang); put replaces its indicator. */
struct indicator_synonym {
	const char *lang, *phrase;
	id_t64 indicator_id;
	const char *indicator_key;  /* read back with the row */
	int64_t created_at;
	id_t64 created_by;
};
int store_synonym_list(struct store *s, id_t64 org, struct arena *a,
		       struct indicator_synonym **out, size_t *n, struct err *e);
int store_synonym_get(struct store *s, id_t64 org, const char *lang, const char *phrase,
		      struct arena *a, struct indicator_synonym *out, struct err *e);
int store_synonym_put(struct store *s, id_t64 org, const struct indicator_synonym *x,
		      struct err *e);
int store_synonym_delete(struct store *s, id_t64 org, const char *lang, const char *phrase,
			 struct err *e);
/* How many objectives of org measure the indicator key. */
int store_indicator_uses(struct store *s, id_t64 org, const char *key, int64_t *n,
			 struct err *e);

/* Measure states (core/indicator.h: groups of n, sum, min, max as doubles,
 * nvals per state) are kept by indicator, person and month: the month's days
 * in turn, the empty state (0, 0, inf, -inf) on a day without records.
 * merge_month adds days (one state per day of month, from its first day)
 * into the stored month. An engine may bound the ids it keeps states for
 * (SQLite packs indicator, owner and month into one key: ids below 2^23) and
 * refuses a merge beyond with a 500. */
int store_measure_merge_month(struct store *s, id_t64 indicator, id_t64 person, day_t month,
			      const double *days, size_t nvals, struct err *e);
/* A unit's states: the merge of everyone whose unit is in its subtree, kept
 * up to date by whoever merges people's states (measure_batch) and rebuilt by
 * the store when a person or a unit moves. */
int store_measure_merge_unit_month(struct store *s, id_t64 indicator, id_t64 unit, day_t month,
				   const double *days, size_t nvals, struct err *e);
/* Many month rows merged at once, as the two above do one by one; no two of
 * them with the same indicator, owner and month (PostgreSQL: COPY into a
 * staging table, then one upsert). */
struct measure_month_row {
	id_t64 indicator, owner;  /* a person's id, or a unit's */
	int unit;                 /* 1: owner is a unit */
	day_t month;
	const double *days;       /* every day of the month, nvals doubles each */
	size_t nvals;
};
int store_measure_merge_months(struct store *s, const struct measure_month_row *v, size_t n,
			       struct err *e);
int store_measure_units_rebuild(struct store *s, id_t64 org, const struct ids *units,
				struct err *e);
int store_measure_clear(struct store *s, id_t64 indicator, struct err *e);
typedef int (*measure_row_fn)(void *ctx, id_t64 person, day_t day, const double *st,
			      size_t nvals);
/* The days with records of indicator for people (NULL: everyone) in
 * [from, to]: each person's days together and in order, the people in no
 * particular order. The callback's non-zero return stops the scan. */
int store_measure_scan(struct store *s, id_t64 indicator, const struct ids *people,
		       day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e);
/* The same for units (the callback's id is the unit's). */
int store_measure_scan_units(struct store *s, id_t64 indicator, const struct ids *units,
			     day_t from, day_t to, measure_row_fn fn, void *ctx, struct err *e);
typedef int (*activity_fn)(void *ctx, const struct activity *x);
/* Records of kind for people (NULL: everyone) with at in [from, to), by time. */
int store_activity_scan(struct store *s, id_t64 org, const char *kind, const struct ids *people,
			int64_t from, int64_t to, activity_fn fn, void *ctx, struct err *e);

/* people of a set of units (active or not), sorted by id */
int store_people_of_units(struct store *s, id_t64 org, const struct ids *units,
			  struct arena *a, struct ids *out, struct err *e);
/* the distinct units of a set of people, sorted */
int store_units_of_people(struct store *s, id_t64 org, const struct ids *people,
			  struct arena *a, struct ids *out, struct err *e);

/* Check-ins: create; an objective's, newest first; the last of each of a set
 * of objectives (out[i] for objectives->v[i]; id 0 when it has none). */
int store_checkin_create(struct store *s, const struct checkin *c, id_t64 *id, struct err *e);
int store_checkin_list(struct store *s, id_t64 org, id_t64 objective, size_t limit,
		       size_t offset, struct arena *a, struct checkin **out, size_t *n,
		       size_t *total, struct err *e);
int store_checkin_last(struct store *s, id_t64 org, const struct ids *objectives,
		       struct arena *a, struct checkin **out, struct err *e);

/* saved import mappings: a name and a JSON spec */
int store_mapping_put(struct store *s, id_t64 org, const char *name, const char *spec,
		      struct err *e);
int store_mapping_get(struct store *s, id_t64 org, const char *name, struct arena *a,
		      const char **spec, struct err *e);
struct mapping_row {
	const char *name, *spec;
	int64_t created_at;
};
int store_mapping_list(struct store *s, id_t64 org, struct arena *a, struct mapping_row **out,
		       size_t *n, struct err *e);

/* audit trail */
struct audit_entry {
	id_t64 id, actor_id;
	int64_t at;
	const char *entity, *action, *before, *after;  /* before/after: JSON text or NULL */
	id_t64 entity_id;
	const char *actor_name;
};
int store_audit_add(struct store *s, id_t64 org, id_t64 actor, const char *entity,
		    id_t64 entity_id, const char *action, const char *before,
		    const char *after, struct err *e);
int store_audit_list(struct store *s, id_t64 org, const char *entity, id_t64 entity_id,
		     size_t limit, size_t offset, struct arena *a, struct audit_entry **out,
		     size_t *n, size_t *total, struct err *e);
/* limit rows older than before_id (0: from the newest), newest first (keyset
 * pages for an export) */
int store_audit_page(struct store *s, id_t64 org, const char *entity, id_t64 entity_id,
		     id_t64 before_id, size_t limit, struct arena *a, struct audit_entry **out,
		     size_t *n, struct err *e);

/* calendar feeds (migration 0013): one secret address per person, by hash */
/* makes or replaces person's feed */
int store_calendar_feed_set(struct store *s, id_t64 org, id_t64 person, const char *token_hash,
			    int64_t now, struct err *e);
/* *created_at of person's feed; 404 "calendar feed" when there is none */
int store_calendar_feed_get(struct store *s, id_t64 org, id_t64 person, int64_t *created_at,
			    struct err *e);
/* 404 "calendar feed" when there is none */
int store_calendar_feed_delete(struct store *s, id_t64 org, id_t64 person, struct err *e);
/* the feed of a token's hash, an active person's; 404 "calendar feed" otherwise */
int store_calendar_feed_find(struct store *s, const char *token_hash, id_t64 *org,
			     id_t64 *person, struct err *e);

/* sessions, API tokens, login attempts (hashes only: the secrets never reach the
 * database) */
struct principal_row {
	id_t64 org_id, person_id;
	const char *csrf;  /* sessions only */
	int64_t expires_at;  /* sessions only */
	id_t64 token_id;     /* tokens only */
};
int store_session_create(struct store *s, const char *token_hash, id_t64 org, id_t64 person,
			 const char *csrf, int64_t now, int64_t expires, struct err *e);
int store_session_get(struct store *s, const char *token_hash, int64_t now, struct arena *a,
		      struct principal_row *out, struct err *e);
int store_session_delete(struct store *s, const char *token_hash, struct err *e);
int store_token_create(struct store *s, id_t64 org, id_t64 person, const char *name,
		       const char *token_hash, int64_t now, id_t64 *id, struct err *e);
int store_token_get(struct store *s, const char *token_hash, int64_t now,
		    struct principal_row *out, struct err *e);
/* a token's last use, kept at most once a minute (store_token_get does it) */
int store_token_touch(struct store *s, id_t64 org, id_t64 token, int64_t now, struct err *e);
/* the organisation's generation of what principals are made of (migration
 * 20: bumped by triggers on people, units, objectives, tokens, sessions);
 * *gen is 0 when the organisation has none */
int store_auth_generation(struct store *s, id_t64 org, int64_t *gen, struct err *e);
struct token_row {
	id_t64 id;
	const char *name;
	int64_t created_at, last_used_at;
};
int store_token_list(struct store *s, id_t64 org, id_t64 person, struct arena *a,
		     struct token_row **out, size_t *n, struct err *e);
/* person 0: any person's token of org (an admin's revocation); 404 when none */
int store_token_revoke(struct store *s, id_t64 org, id_t64 person, id_t64 id, struct err *e);
/* Every session of a person but keep_session (a token hash; NULL: none kept)
 * deleted and every API token of theirs revoked; *sessions and *tokens say how
 * many. */
int store_person_revoke_access(struct store *s, id_t64 org, id_t64 person,
			       const char *keep_session, int64_t *sessions, int64_t *tokens,
			       struct err *e);
/* single-use password reset links (their hashes) */
int store_reset_create(struct store *s, const char *token_hash, id_t64 org, id_t64 person,
		       int64_t now, int64_t expires, struct err *e);
/* The link of token_hash, marked used at now, if it is unused and unexpired:
 * its organisation and person; 410 reset_link_invalid otherwise. */
int store_reset_take(struct store *s, const char *token_hash, int64_t now, id_t64 *org,
		     id_t64 *person, struct err *e);
/* failures are counted per email and client address together */
int store_login_attempt(struct store *s, const char *email, const char *address, int64_t now,
			int ok, struct err *e);
int store_login_failures_since(struct store *s, const char *email, const char *address,
			       int64_t since, int64_t *n, int64_t *last, struct err *e);
/* every failure of email, from every address, forgotten (`cible user unlock`) */
int store_login_unlock(struct store *s, const char *email, int64_t *cleared, struct err *e);

/* leases of the background jobs (job_lease, of no organisation): *held when
 * holder has the lease name until `until` (taken if it had expired at now,
 * renewed if holder had it); release lets another take it at once */
int store_lease_take(struct store *s, const char *name, const char *holder, int64_t now,
		     int64_t until, int *held, struct err *e);
int store_lease_release(struct store *s, const char *name, const char *holder, struct err *e);

#endif
