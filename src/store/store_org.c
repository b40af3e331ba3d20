/* The organisation, its units and its people. Units form a tree (parent_id)
 * walked with WITH RECURSIVE: a unit's subtree, its chain up to the company,
 * the subtrees a person leads. A person or a unit that moves changes which
 * units they count in, so an update here also has the measure states of
 * those units rebuilt (store_measure_moved), in the caller's transaction.
 * People are found for imports by an id, an email, a code or a name, each
 * through its own index. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "store/store_int.h"

/* ---- organisation ---- */

int store_org_create(struct store *s, const struct org *o, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO org(name, locale, currency, ambition, working_days,"
				  " created_at, time_zone, admins_read_feedback)"
				  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, o->name);
	db_bind_text(st, 2, o->locale ? o->locale : "fr");
	db_bind_text(st, 3, o->currency ? o->currency : "EUR");
	db_bind_text(st, 4, o->ambition ? o->ambition : "");
	db_bind_int64(st, 5, (int64_t)(o->working_days ? o->working_days : 0x1f));
	db_bind_int64(st, 6, store_now());
	db_bind_text(st, 7, o->time_zone ? o->time_zone : "Europe/Paris");
	db_bind_int64(st, 8, o->admins_read_feedback);
	if (db_insert_id(st, id, e))
		return -1;
	return store_indicator_install_catalog(s, *id, e);
}

int store_org_get(struct store *s, id_t64 id, struct arena *a, struct org *o, struct err *e)
{
	static const char sql[] = "SELECT id, name, locale, currency, ambition, working_days,"
				  " time_zone, admins_read_feedback FROM org WHERE id = ?1";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, id);
	if (db_one_row(st, "organisation", e) < 0)
		return -1;
	o->id = db_col_int64(st, 0);
	o->name = db_col_str(st, 1, a);
	o->locale = db_col_str(st, 2, a);
	o->currency = db_col_str(st, 3, a);
	o->ambition = db_col_str(st, 4, a);
	o->working_days = (unsigned)db_col_int64(st, 5);
	o->time_zone = db_col_str(st, 6, a);
	o->admins_read_feedback = db_col_int64(st, 7) != 0;
	db_done(st);
	return 0;
}

int store_org_update(struct store *s, const struct org *o, struct err *e)
{
	static const char sql[] = "UPDATE org SET name = ?1, locale = ?2, currency = ?3,"
				  " ambition = ?4, working_days = ?5, time_zone = ?7,"
				  " admins_read_feedback = ?8 WHERE id = ?6";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, o->name);
	db_bind_text(st, 2, o->locale);
	db_bind_text(st, 3, o->currency);
	db_bind_text(st, 4, o->ambition ? o->ambition : "");
	db_bind_int64(st, 5, (int64_t)o->working_days);
	db_bind_int64(st, 6, o->id);
	db_bind_text(st, 7, o->time_zone ? o->time_zone : "Europe/Paris");
	db_bind_int64(st, 8, o->admins_read_feedback);
	return db_run_update(st, "organisation", e);
}

int store_org_count(struct store *s, int64_t *n, id_t64 *first, struct err *e)
{
	static const char sql[] = "SELECT count(*), coalesce(min(id), 0) FROM org";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	if (db_one_row(st, "organisation", e) < 0)
		return -1;
	*n = db_col_int64(st, 0);
	if (first)
		*first = db_col_int64(st, 1);
	db_done(st);
	return 0;
}

/* ---- units ---- */

#define UNIT_COLS "id, org_id, parent_id, lead_id, name, kind, service"

static void read_unit(struct db_stmt *st, struct arena *a, struct unit *u)
{
	u->id = db_col_int64(st, 0);
	u->org_id = db_col_int64(st, 1);
	u->parent_id = db_col_int64(st, 2);
	u->lead_id = db_col_int64(st, 3);
	u->name = db_col_str(st, 4, a);
	int k = unit_kind_parse(db_col_text(st, 5));
	u->kind = k < 0 ? UNIT_TEAM : (enum unit_kind)k;
	int sv = service_type_parse(db_col_text(st, 6));
	u->service = sv < 0 ? SERVICE_NONE : (enum service_type)sv;
}

int store_unit_create(struct store *s, const struct unit *u, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO unit(org_id, parent_id, lead_id, name, kind, service)"
				  " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, u->org_id);
	db_bind_id(st, 2, u->parent_id);
	db_bind_id(st, 3, u->lead_id);
	db_bind_text(st, 4, u->name);
	db_bind_text(st, 5, unit_kind_name(u->kind));
	db_bind_text(st, 6, service_type_name(u->service));
	return db_insert_id(st, id, e);
}

int store_unit_get(struct store *s, id_t64 org, id_t64 id, struct arena *a, struct unit *u,
		   struct err *e)
{
	static const char sql[] = "SELECT " UNIT_COLS " FROM unit WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "unit", e) < 0)
		return -1;
	read_unit(st, a, u);
	db_done(st);
	return 0;
}

/* The unit or parent a person or unit hangs from now, before a change (0
 * for none, or for a row that is not there: the update then says 404). */
static int current_parent(struct store *s, const char *sql, id_t64 org, id_t64 id, id_t64 *out,
			  struct err *e)
{
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	int rc = db_step(st, e);
	*out = rc > 0 ? db_col_int64(st, 0) : 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_org_admins_besides(struct store *s, id_t64 org, id_t64 person, int64_t *n,
			     struct err *e)
{
	static const char sql[] = "SELECT COUNT(*) FROM person WHERE org_id = ?1 AND id <> ?2"
				  " AND role = 'admin' AND active = 1";
	id_t64 v;
	if (current_parent(s, sql, org, person, &v, e))
		return -1;
	*n = v;
	return 0;
}

int store_unit_other_root(struct store *s, id_t64 org, id_t64 unit, id_t64 *root, struct err *e)
{
	static const char sql[] = "SELECT id FROM unit WHERE org_id = ?1 AND id <> ?2"
				  " AND parent_id IS NULL ORDER BY id LIMIT 1";
	return current_parent(s, sql, org, unit, root, e);
}

int store_unit_update(struct store *s, const struct unit *u, struct err *e)
{
	static const char sql[] = "UPDATE unit SET parent_id = ?1, lead_id = ?2, name = ?3,"
				  " kind = ?4, service = ?5 WHERE org_id = ?6 AND id = ?7";
	static const char sql_was[] = "SELECT parent_id FROM unit WHERE org_id = ?1 AND id = ?2";
	id_t64 was;
	if (current_parent(s, sql_was, u->org_id, u->id, &was, e))
		return -1;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_id(st, 1, u->parent_id);
	db_bind_id(st, 2, u->lead_id);
	db_bind_text(st, 3, u->name);
	db_bind_text(st, 4, unit_kind_name(u->kind));
	db_bind_text(st, 5, service_type_name(u->service));
	db_bind_int64(st, 6, u->org_id);
	db_bind_int64(st, 7, u->id);
	if (db_run_update(st, "unit", e))
		return -1;
	/* moved under another parent: the units above gain or lose its people */
	return store_measure_moved(s, u->org_id, was, u->parent_id, e);
}

int store_unit_list(struct store *s, id_t64 org, struct arena *a, struct unit **out,
		    size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " UNIT_COLS " FROM unit WHERE org_id = ?1 ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	size_t cap = 0, k = 0;
	struct unit *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0)
		read_unit(st, a, arena_push(a, &v, &k, &cap, sizeof(*v)));
	db_done(st);
	if (rc)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

/* An id-set query bound with (org, x). */
static int ids_query(struct store *s, const char *sql, id_t64 org, id_t64 x, struct arena *a,
		     struct ids *out, struct err *e)
{
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, x);
	return db_collect_ids(st, a, out, e);
}

int store_unit_subtree(struct store *s, id_t64 org, id_t64 unit, struct arena *a,
		       struct ids *out, struct err *e)
{
	static const char sql[] =
		"WITH RECURSIVE t(id) AS (SELECT id FROM unit WHERE org_id = ?1 AND id = ?2"
		" UNION SELECT u.id FROM unit u JOIN t ON u.parent_id = t.id WHERE u.org_id = ?1)"
		" SELECT id FROM t ORDER BY id";
	return ids_query(s, sql, org, unit, a, out, e);
}

int store_unit_children(struct store *s, id_t64 org, id_t64 unit, struct arena *a,
			struct ids *out, struct err *e)
{
	static const char sql[] = "SELECT id FROM unit WHERE org_id = ?1 AND (id = ?2 OR parent_id = ?2)"
				  " ORDER BY id";
	return ids_query(s, sql, org, unit, a, out, e);
}

int store_unit_chain(struct store *s, id_t64 org, id_t64 unit, struct arena *a,
		     struct ids *out, struct err *e)
{
	static const char sql[] =
		"WITH RECURSIVE t(id, parent) AS (SELECT id, parent_id FROM unit"
		" WHERE org_id = ?1 AND id = ?2 UNION SELECT u.id, u.parent_id FROM unit u"
		" JOIN t ON u.id = t.parent WHERE u.org_id = ?1) SELECT id FROM t ORDER BY id";
	return ids_query(s, sql, org, unit, a, out, e);
}

int store_units_managed(struct store *s, id_t64 org, id_t64 person, struct arena *a,
			struct ids *out, struct err *e)
{
	static const char sql[] =
		"WITH RECURSIVE t(id) AS (SELECT id FROM unit WHERE org_id = ?1 AND lead_id = ?2"
		" UNION SELECT u.id FROM unit u JOIN t ON u.parent_id = t.id WHERE u.org_id = ?1)"
		" SELECT id FROM t ORDER BY id";
	return ids_query(s, sql, org, person, a, out, e);
}

/* ---- people ---- */

#define PERSON_COLS "id, org_id, unit_id, manager_id, name, email, job, role, hired_on, active"

static void read_person(struct db_stmt *st, struct arena *a, struct person *p)
{
	p->id = db_col_int64(st, 0);
	p->org_id = db_col_int64(st, 1);
	p->unit_id = db_col_int64(st, 2);
	p->manager_id = db_col_int64(st, 3);
	p->name = db_col_str(st, 4, a);
	p->email = db_col_str(st, 5, a);
	p->job = db_col_str(st, 6, a);
	int r = role_parse(db_col_text(st, 7));
	p->role = r < 0 ? ROLE_MEMBER : (enum role)r;
	p->hired_on = db_col_day(st, 8);
	p->active = db_col_int64(st, 9) != 0;
}

int store_person_create(struct store *s, const struct person *p, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO person(org_id, unit_id, manager_id, name, email, job,"
		" role, hired_on, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, p->org_id);
	db_bind_id(st, 2, p->unit_id);
	db_bind_id(st, 3, p->manager_id);
	db_bind_text(st, 4, p->name);
	db_bind_text(st, 5, p->email);
	db_bind_text(st, 6, p->job ? p->job : "");
	db_bind_text(st, 7, role_name(p->role));
	db_bind_day(st, 8, p->hired_on);
	db_bind_int64(st, 9, p->active);
	if (db_insert_id(st, id, e)) {
		if (e->status == 409)
			err_set(e, 409, "email_taken", "email", p->email, NULL);
		return -1;
	}
	return 0;
}

int store_person_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		     struct person *p, struct err *e)
{
	static const char sql[] = "SELECT " PERSON_COLS " FROM person WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "person", e) < 0)
		return -1;
	read_person(st, a, p);
	db_done(st);
	return 0;
}

int store_people_by_email(struct store *s, const char *email, struct arena *a,
			  struct person_login **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " PERSON_COLS ", password_hash FROM person"
				  " WHERE email = ?1 ORDER BY org_id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, email);
	size_t cap = 0, k = 0;
	struct person_login *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct person_login *x = arena_push(a, &v, &k, &cap, sizeof(*v));
		read_person(st, a, &x->p);
		x->password_hash = db_col_str(st, 10, a);
	}
	db_done(st);
	if (rc)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_person_password_hash(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			       const char **hash, struct err *e)
{
	static const char sql[] = "SELECT password_hash FROM person WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "person", e) < 0)
		return -1;
	*hash = db_col_str(st, 0, a);
	db_done(st);
	return 0;
}

int store_person_update(struct store *s, const struct person *p, struct err *e)
{
	static const char sql[] = "UPDATE person SET unit_id = ?1, manager_id = ?2, name = ?3,"
				  " email = ?4, job = ?5, role = ?6, hired_on = ?7, active = ?8"
				  " WHERE org_id = ?9 AND id = ?10";
	static const char sql_was[] = "SELECT unit_id FROM person WHERE org_id = ?1 AND id = ?2";
	id_t64 was;
	if (current_parent(s, sql_was, p->org_id, p->id, &was, e))
		return -1;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_id(st, 1, p->unit_id);
	db_bind_id(st, 2, p->manager_id);
	db_bind_text(st, 3, p->name);
	db_bind_text(st, 4, p->email);
	db_bind_text(st, 5, p->job ? p->job : "");
	db_bind_text(st, 6, role_name(p->role));
	db_bind_day(st, 7, p->hired_on);
	db_bind_int64(st, 8, p->active);
	db_bind_int64(st, 9, p->org_id);
	db_bind_int64(st, 10, p->id);
	if (db_run_update(st, "person", e)) {
		if (e->status == 409)
			err_set(e, 409, "email_taken", "email", p->email, NULL);
		return -1;
	}
	/* another unit: the units that gained or lost them are measured again */
	return store_measure_moved(s, p->org_id, was, p->unit_id, e);
}

int store_person_set_password(struct store *s, id_t64 org, id_t64 id, const char *hash,
			      struct err *e)
{
	static const char sql[] = "UPDATE person SET password_hash = ?1 WHERE org_id = ?2"
				  " AND id = ?3";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, hash);
	db_bind_int64(st, 2, org);
	db_bind_int64(st, 3, id);
	return db_run_update(st, "person", e);
}

int store_person_list(struct store *s, id_t64 org, const struct person_filter *f,
		      struct arena *a, struct person **out, size_t *n, size_t *total,
		      struct err *e)
{
	static const char sql[] = "SELECT " PERSON_COLS " FROM person WHERE org_id = ?1"
				  " AND (?2 < 0 OR active = ?2) ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, f ? f->active : -1);
	size_t cap = 0, k = 0, seen = 0;
	struct person *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		if (f && f->units && !ids_contains(f->units, db_col_int64(st, 2)))
			continue;
		seen++;
		if (f && (seen <= f->offset || (f->limit && k >= f->limit)))
			continue;
		read_person(st, a, arena_push(a, &v, &k, &cap, sizeof(*v)));
	}
	db_done(st);
	if (rc)
		return -1;
	*out = v;
	*n = k;
	if (total)
		*total = seen;
	return 0;
}

int store_people_objective_counts(struct store *s, id_t64 org, struct arena *a,
				  struct person **people, int **counts, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " PERSON_COLS ", (SELECT count(*) FROM objective o"
		" WHERE o.owner_person_id = person.id AND o.status <> 'cancelled')"
		" FROM person WHERE org_id = ?1 AND active <> 0 ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	size_t cap = 0, k = 0, ccap = 0, ck = 0;
	struct person *v = NULL;
	int *c = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		read_person(st, a, arena_push(a, &v, &k, &cap, sizeof(*v)));
		*(int *)arena_push(a, &c, &ck, &ccap, sizeof(*c)) = (int)db_col_int64(st, 10);
	}
	db_done(st);
	if (rc)
		return -1;
	*people = v;
	*counts = c;
	*n = k;
	return 0;
}

int store_people_of_units(struct store *s, id_t64 org, const struct ids *units,
			  struct arena *a, struct ids *out, struct err *e)
{
	static const char sql[] = "SELECT id FROM person WHERE org_id = ?1 AND unit_id IN"
		DB_IDS(2) " ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, units);
	return db_collect_ids(st, a, out, e);
}

int store_units_of_people(struct store *s, id_t64 org, const struct ids *people,
			  struct arena *a, struct ids *out, struct err *e)
{
	static const char sql[] = "SELECT DISTINCT unit_id FROM person WHERE org_id = ?1"
		" AND id IN " DB_IDS(2) " AND unit_id IS NOT NULL ORDER BY unit_id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, people);
	return db_collect_ids(st, a, out, e);
}

/* The id a key names when it reads as a whole number, as SQLite compared a
 * text key with the integer id column before (numeric affinity): spaces
 * around, a sign, leading zeros, "12.0" or "1e1" all name a person by id;
 * hexadecimal, "12abc" or "12.5" do not. */
static int key_as_id(const char *key, int64_t *id)
{
	const char *p = key, *end = key + strlen(key);
	while (p < end && isspace((unsigned char)*p))
		p++;
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	if (p == end || end - p > 64)
		return 0;
	char num[72];
	size_t n = (size_t)(end - p);
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789+-.eE", p[i]))
			return 0;
	memcpy(num, p, n);
	num[n] = 0;
	char *stop;
	double v = strtod(num, &stop);
	if (*stop || !isfinite(v) || v != floor(v) || fabs(v) >= 9.2e18)
		return 0;
	*id = (int64_t)v;
	return 1;
}

int store_person_resolve(struct store *s, id_t64 org, const char *key, id_t64 *person,
			 struct err *e)
{
	/* an id, then an email, an employee code, a full name: the first that
	 * names a person wins; each a look-up in an index */
	static const char sql[] = "SELECT id, 0 FROM person WHERE id = ?3 AND org_id = ?1"
		" UNION ALL SELECT id, 1 FROM person WHERE email = ?2 AND org_id = ?1"
		" UNION ALL SELECT id, 2 FROM person WHERE org_id = ?1 AND code = ?2"
		" UNION ALL SELECT id, 3 FROM person WHERE org_id = ?1 AND name = ?2"
		" ORDER BY 2 LIMIT 1";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	int64_t id;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, key);
	if (key && key_as_id(key, &id))
		db_bind_int64(st, 3, id);
	else
		db_bind_null(st, 3, DB_INT64);
	if (db_one_row(st, "person", e) < 0)
		return -1;
	*person = db_col_int64(st, 0);
	db_done(st);
	return 0;
}
