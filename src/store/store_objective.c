/* Strategic axes, objectives and the cascade between them. An objective
 * reads with its scope unit (its owning unit, or its owner's unit) joined in,
 * so that access rules and filters can work on it. A list filters and pages
 * in SQL, each filter a parameter that is NULL for "any", and can prefilter
 * what a member may see (objective_filter.visible) so that paging stays in
 * SQL; the caller still applies the access rule to what comes back. The
 * cascade's walks up (ancestors of what a person owns) are WITH RECURSIVE. */
#include <stdio.h>
#include <stdlib.h>
#include "store/store_int.h"

/* ---- axes ---- */

int store_axis_create(struct store *s, const struct axis *x, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO axis(org_id, title, description, position)"
				  " VALUES (?1, ?2, ?3, ?4) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, x->org_id);
	db_bind_text(st, 2, x->title);
	db_bind_text(st, 3, x->description ? x->description : "");
	db_bind_int64(st, 4, x->position);
	return db_insert_id(st, id, e);
}

static void read_axis(struct db_stmt *st, struct arena *a, struct axis *x)
{
	x->id = db_col_int64(st, 0);
	x->org_id = db_col_int64(st, 1);
	x->title = db_col_str(st, 2, a);
	x->description = db_col_str(st, 3, a);
	x->position = (int)db_col_int64(st, 4);
}

int store_axis_get(struct store *s, id_t64 org, id_t64 id, struct arena *a, struct axis *x,
		   struct err *e)
{
	static const char sql[] = "SELECT id, org_id, title, description, position FROM axis"
				  " WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "axis", e) < 0)
		return -1;
	read_axis(st, a, x);
	db_done(st);
	return 0;
}

int store_axis_update(struct store *s, const struct axis *x, struct err *e)
{
	static const char sql[] = "UPDATE axis SET title = ?1, description = ?2, position = ?3"
				  " WHERE org_id = ?4 AND id = ?5";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_text(st, 1, x->title);
	db_bind_text(st, 2, x->description ? x->description : "");
	db_bind_int64(st, 3, x->position);
	db_bind_int64(st, 4, x->org_id);
	db_bind_int64(st, 5, x->id);
	return db_run_update(st, "axis", e);
}

int store_axis_list(struct store *s, id_t64 org, struct arena *a, struct axis **out,
		    size_t *n, struct err *e)
{
	static const char sql[] = "SELECT id, org_id, title, description, position FROM axis"
				  " WHERE org_id = ?1 ORDER BY position, id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	size_t cap = 0, k = 0;
	struct axis *v = NULL;
	int rc;
	while ((rc = db_step(st, e)) > 0)
		read_axis(st, a, arena_push(a, &v, &k, &cap, sizeof(*v)));
	db_done(st);
	if (rc)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

/* ---- objectives ---- */

#define OBJ_COLS "o.id, o.org_id, o.parent_id, o.axis_id, o.level, o.owner_person_id," \
	" o.owner_unit_id, o.title, o.what, o.who, o.\"where\", o.why, o.how, o.indicator," \
	" o.unit_label, o.direction, o.baseline, o.target, o.start, o.due, o.weight," \
	" o.means_budget, o.means_time_hours, o.means_support, o.plan, o.skills, o.status," \
	" o.confidence, o.created_at, o.updated_at, o.created_by, o.updated_by," \
	" coalesce(o.owner_unit_id, p.unit_id), o.version"
#define OBJ_FROM " FROM objective o LEFT JOIN person p ON p.org_id = o.org_id AND p.id = o.owner_person_id"

static void read_objective(struct db_stmt *st, struct arena *a, struct objective *o)
{
	objective_init(o);
	o->id = db_col_int64(st, 0);
	o->org_id = db_col_int64(st, 1);
	o->parent_id = db_col_int64(st, 2);
	o->axis_id = db_col_int64(st, 3);
	int l = level_parse(db_col_text(st, 4));
	o->level = l < 0 ? LEVEL_INDIVIDUAL : (enum level)l;
	o->owner_person_id = db_col_int64(st, 5);
	o->owner_unit_id = db_col_int64(st, 6);
	o->title = db_col_str(st, 7, a);
	o->what = db_col_str(st, 8, a);
	o->who = db_col_str(st, 9, a);
	o->where_ = db_col_str(st, 10, a);
	o->why = db_col_str(st, 11, a);
	o->how = db_col_str(st, 12, a);
	o->indicator = db_col_str(st, 13, a);
	o->unit_label = db_col_str(st, 14, a);
	int d = direction_parse(db_col_text(st, 15));
	o->direction = d < 0 ? DIR_INCREASE : (enum direction)d;
	o->has_baseline = !db_col_null(st, 16);
	o->baseline = db_col_opt(st, 16, 0);
	o->has_target = !db_col_null(st, 17);
	o->target = db_col_opt(st, 17, 0);
	o->start = db_col_day(st, 18);
	o->due = db_col_day(st, 19);
	o->weight = db_col_double(st, 20);
	o->means_budget = db_col_opt(st, 21, -1);
	o->means_time_hours = db_col_opt(st, 22, -1);
	o->means_support = db_col_str(st, 23, a);
	o->plan_json = db_col_str(st, 24, a);
	o->skills_json = db_col_str(st, 25, a);
	int sv = status_parse(db_col_text(st, 26));
	o->status = sv < 0 ? ST_DRAFT : (enum status)sv;
	o->confidence = db_col_opt(st, 27, -1);
	o->created_at = db_col_int64(st, 28);
	o->updated_at = db_col_int64(st, 29);
	o->created_by = db_col_int64(st, 30);
	o->updated_by = db_col_int64(st, 31);
	o->scope_unit_id = db_col_int64(st, 32);
	o->version = db_col_int64(st, 33);
}

/* read_objective as db_collect_rows takes it */
static void objective_row(struct db_stmt *st, struct arena *a, void *element)
{
	read_objective(st, a, element);
}

/* Binds the 28 writable columns from ?1, in OBJ_WRITE order. */
#define OBJ_WRITE_VALUES "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14," \
	" ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28"
#define OBJ_WRITE "parent_id, axis_id, level, owner_person_id, owner_unit_id, title, what," \
	" who, \"where\", why, how, indicator, unit_label, direction, baseline, target," \
	" start, due, weight, means_budget, means_time_hours, means_support, plan, skills," \
	" status, confidence, updated_at, updated_by"
static int bind_objective(struct db_stmt *st, const struct objective *o)
{
	int i = 1;
	db_bind_id(st, i++, o->parent_id);
	db_bind_id(st, i++, o->axis_id);
	db_bind_text(st, i++, level_name(o->level));
	db_bind_id(st, i++, o->owner_person_id);
	db_bind_id(st, i++, o->owner_unit_id);
	db_bind_text(st, i++, o->title);
	db_bind_text(st, i++, o->what);
	db_bind_text(st, i++, o->who);
	db_bind_text(st, i++, o->where_);
	db_bind_text(st, i++, o->why);
	db_bind_text(st, i++, o->how);
	db_bind_text(st, i++, o->indicator);
	db_bind_text(st, i++, o->unit_label);
	db_bind_text(st, i++, direction_name(o->direction));
	db_bind_opt(st, i++, o->has_baseline, o->baseline);
	db_bind_opt(st, i++, o->has_target, o->target);
	db_bind_day(st, i++, o->start);
	db_bind_day(st, i++, o->due);
	db_bind_double(st, i++, o->weight);
	db_bind_opt(st, i++, o->means_budget >= 0, o->means_budget);
	db_bind_opt(st, i++, o->means_time_hours >= 0, o->means_time_hours);
	db_bind_text(st, i++, o->means_support);
	db_bind_text(st, i++, o->plan_json ? o->plan_json : "[]");
	db_bind_text(st, i++, o->skills_json ? o->skills_json : "[]");
	db_bind_text(st, i++, status_name(o->status));
	db_bind_opt(st, i++, o->confidence >= 0, o->confidence);
	db_bind_int64(st, i++, o->updated_at);
	db_bind_id(st, i++, o->updated_by);
	return i;
}

int store_objective_create(struct store *s, const struct objective *o, id_t64 *id,
			   struct err *e)
{
	static const char sql[] = "INSERT INTO objective(" OBJ_WRITE ", org_id, created_at,"
		" created_by) VALUES (" OBJ_WRITE_VALUES ", ?29, ?30, ?31) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	int i = bind_objective(st, o);
	db_bind_int64(st, i++, o->org_id);
	db_bind_int64(st, i++, o->created_at);
	db_bind_id(st, i, o->created_by);
	return db_insert_id(st, id, e);
}

int store_objective_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct objective *o, struct err *e)
{
	static const char sql[] = "SELECT " OBJ_COLS OBJ_FROM " WHERE o.org_id = ?1 AND o.id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "objective", e) < 0)
		return -1;
	read_objective(st, a, o);
	db_done(st);
	return 0;
}

int store_objective_update(struct store *s, struct objective *o, struct err *e)
{
	/* written only over the version read: a row changed since is not
	 * overwritten (a use case reads it in its own transaction, so this
	 * holds even if an engine let two such transactions interleave) */
	static const char sql[] = "UPDATE objective SET (" OBJ_WRITE ") = (" OBJ_WRITE_VALUES "),"
		" version = version + 1 WHERE org_id = ?29 AND id = ?30 AND version = ?31";
	static const char sql_now[] = "SELECT version FROM objective WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	int i = bind_objective(st, o);
	db_bind_int64(st, i++, o->org_id);
	db_bind_int64(st, i++, o->id);
	db_bind_int64(st, i, o->version);
	int rc = db_step(st, e);
	int64_t changed = rc >= 0 ? db_changes(st) : 0;
	db_done(st);
	if (rc < 0)
		return -1;
	if (changed > 0) {
		o->version++;
		return 0;
	}
	st = db_prep(s->db, sql_now, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, o->org_id);
	db_bind_int64(st, 2, o->id);
	if (db_one_row(st, "objective", e) < 0)
		return -1;
	char now[24], had[24];
	snprintf(now, sizeof(now), "%lld", (long long)db_col_int64(st, 0));
	snprintf(had, sizeof(had), "%lld", (long long)o->version);
	db_done(st);
	return err_set(e, 412, "stale_version", "version", now, had);
}

/* Which index leads a list: the rows it names are the candidates, and every
 * filter is still tested on them (so a candidate set may be wider than the
 * answer, never narrower). */
enum lead { LEAD_ORG, LEAD_SETS, LEAD_ORG_TESTED };

static void bind_objective_filter(struct db_stmt *st, id_t64 org, const struct objective_filter *f,
				  enum lead lead)
{
	/* no filter: every parameter still bound, as a typed NULL (PostgreSQL
	 * cannot type a parameter left unbound: "could not determine data type") */
	static const struct ids none = { NULL, 0 };
	struct objective_filter all = { 0 };
	if (!f) {
		all.level = all.status = -1;
		all.from = all.to = DAY_NONE;
		f = &all;
	}
	db_bind_int64(st, 1, org);
	db_bind_id(st, 2, f->owner_person);
	db_bind_id(st, 3, f->owner_unit);
	db_bind_text(st, 4, f->level >= 0 ? level_name(f->level) : NULL);
	db_bind_text(st, 5, f->status >= 0 ? status_name(f->status) : NULL);
	db_bind_id(st, 6, f->parent);
	db_bind_id(st, 7, f->axis);
	db_bind_day(st, 8, f->from);
	db_bind_day(st, 9, f->to);
	db_bind_ids(st, 10, f->units);
	db_bind_int64(st, 11, (int64_t)f->after);
	if (lead != LEAD_ORG) {
		/* the candidates: what the member may see, else the narrowest filter */
		struct ids owner_unit = { (id_t64 *)&f->owner_unit, 1 };
		id_t64 one = 0;
		struct ids person = { &one, 0 };
		const struct ids *people = &person;
		const struct ids *scope = &none, *owned = &none, *listed = &none;
		if (f->visible) {
			one = f->visible_person;
			person.n = 1;
			scope = f->visible_scope ? f->visible_scope : &none;
			owned = f->visible_owner_units ? f->visible_owner_units : &none;
			listed = f->visible_ids ? f->visible_ids : &none;
		} else if (f->owner_people) {
			people = f->owner_people;
		} else if (f->owner_person) {
			one = f->owner_person;
			person.n = 1;
		} else if (f->owner_unit) {
			owned = &owner_unit;
		} else {
			scope = f->units;
		}
		db_bind_ids(st, 12, people);
		db_bind_ids(st, 13, scope);
		db_bind_ids(st, 14, owned);
		db_bind_ids(st, 15, listed);
		db_bind_ids(st, 16, f->owner_people);
	}
}

#define LIMIT_AT(lead) ((lead) != LEAD_ORG ? 17 : 12)

/* Past this many units in scope (a manager of a big subtree, a big unit's
 * filter), the candidates are most of the organisation: reading them all
 * for every page costs more than walking the (org_id, id) index and testing
 * each row, which stops as soon as the page is full. */
#define SCOPE_UNITS_WIDE 32

static enum lead lead_of(const struct objective_filter *f)
{
	if (!f || !(f->visible || f->owner_people || f->owner_person || f->owner_unit || f->units))
		return LEAD_ORG;
	const struct ids *scope = f->visible ? f->visible_scope
		: f->owner_people || f->owner_person || f->owner_unit ? NULL : f->units;
	return scope && scope->n > SCOPE_UNITS_WIDE ? LEAD_ORG_TESTED : LEAD_SETS;
}

/* The filters every list tests, whatever index leads it. */
#define OBJ_WHERE " o.org_id = ?1" \
		" AND o.id > ?11" \
		" AND (?2 IS NULL OR o.owner_person_id = ?2)" \
		" AND (?3 IS NULL OR o.owner_unit_id = ?3)" \
		" AND (?4 IS NULL OR o.level = ?4)" \
		" AND (?5 IS NULL OR o.status = ?5)" \
		" AND (?6 IS NULL OR o.parent_id = ?6)" \
		" AND (?7 IS NULL OR o.axis_id = ?7)" \
		" AND (?8 IS NULL OR o.due IS NULL OR o.due >= ?8)" \
		" AND (?9 IS NULL OR o.start IS NULL OR o.start <= ?9)" \
		" AND (?10 IS NULL OR coalesce(o.owner_unit_id, p.unit_id) IN" \
		"      " DB_IDS(10) ")"
/* The candidates by index: owned by a person of ?12 (objective_owner_person),
 * scoped in the units ?13 (owned by one of them, or by one of their people:
 * person_org_unit then objective_owner_person), owned by a unit of ?14
 * (objective_owner_unit), or listed in ?15 (the primary key). "No owning
 * unit" is written coalesce(...) = 0 so that SQLite does not lead that branch
 * with the owner_unit index's NULLs (every individual objective). For a member
 * these are exactly the rows access_objective_read() lets them see. */
#define OBJ_CANDIDATES " AND o.id IN (" \
		"SELECT c.id FROM objective c WHERE c.owner_person_id IN " DB_IDS(12) \
		" UNION SELECT c.id FROM objective c WHERE c.owner_unit_id IN " DB_IDS(13) \
		" UNION SELECT c.id FROM person q JOIN objective c ON c.owner_person_id = q.id" \
		"  WHERE q.org_id = ?1 AND q.unit_id IN " DB_IDS(13) " AND coalesce(c.owner_unit_id, 0) = 0" \
		" UNION SELECT c.id FROM objective c WHERE c.owner_unit_id IN " DB_IDS(14) \
		" UNION SELECT value FROM " DB_IDS(15) " ids)" \
		" AND (?16 IS NULL OR o.owner_person_id IN " DB_IDS(16) ")"

/* The same candidates tested on each row instead (LEAD_ORG_TESTED); the
 * unary + keeps SQLite from reading them by index, which is the plan above. */
#define OBJ_TESTED " AND (+o.owner_person_id IN " DB_IDS(12) \
		"      OR coalesce(o.owner_unit_id, p.unit_id) IN " DB_IDS(13) \
		"      OR +o.owner_unit_id IN " DB_IDS(14) \
		"      OR +o.id IN " DB_IDS(15) ")" \
		" AND (?16 IS NULL OR +o.owner_person_id IN " DB_IDS(16) ")"

int store_objective_list(struct store *s, id_t64 org, const struct objective_filter *f,
			 struct arena *a, struct objective **out, size_t *n, size_t *total,
			 struct err *e)
{
	static const char sql_org[] = "SELECT " OBJ_COLS OBJ_FROM " WHERE" OBJ_WHERE
		" ORDER BY o.id LIMIT ?12 OFFSET ?13";
	static const char sql_sets[] = "SELECT " OBJ_COLS OBJ_FROM " WHERE" OBJ_WHERE OBJ_CANDIDATES
		" ORDER BY o.id LIMIT ?17 OFFSET ?18";
	static const char count_org[] = "SELECT count(*)" OBJ_FROM " WHERE" OBJ_WHERE;
	static const char count_sets[] = "SELECT count(*)" OBJ_FROM " WHERE" OBJ_WHERE OBJ_CANDIDATES;
	static const char sql_tested[] = "SELECT " OBJ_COLS OBJ_FROM " WHERE" OBJ_WHERE OBJ_TESTED
		" ORDER BY o.id LIMIT ?17 OFFSET ?18";
	static const char count_tested[] = "SELECT count(*)" OBJ_FROM " WHERE" OBJ_WHERE OBJ_TESTED;
	/* the whole organisation unfiltered: counted on the (org_id, id) index alone */
	static const char count_all[] = "SELECT count(*) FROM objective WHERE org_id = ?1";
	/* what a caller may see, unfiltered: the candidates counted as they are
	 * read, without reading each row again */
	static const char count_visible[] = "SELECT count(*) FROM ("
		"SELECT c.id FROM objective c WHERE c.owner_person_id = ?2"
		" UNION SELECT c.id FROM objective c WHERE c.owner_unit_id IN " DB_IDS(3)
		" UNION SELECT c.id FROM person q JOIN objective c ON c.owner_person_id = q.id"
		"  WHERE q.org_id = ?1 AND q.unit_id IN " DB_IDS(3) " AND coalesce(c.owner_unit_id, 0) = 0"
		" UNION SELECT c.id FROM objective c WHERE c.owner_unit_id IN " DB_IDS(4)
		" UNION SELECT value FROM " DB_IDS(5) " ids) v";
	enum lead lead = lead_of(f);
	int unfiltered = !f || (lead == LEAD_ORG && f->level < 0 && f->status < 0 && !f->parent &&
				!f->axis && f->from == DAY_NONE && f->to == DAY_NONE && !f->after);
	int visible_only = f && f->visible && !f->owner_person && !f->owner_unit && !f->units &&
		!f->owner_people && f->level < 0 && f->status < 0 && !f->parent && !f->axis &&
		f->from == DAY_NONE && f->to == DAY_NONE && !f->after;
	if (total && visible_only) {
		static const struct ids none = { NULL, 0 };
		struct db_stmt *cs = db_prep(s->db, count_visible, e);
		if (!cs)
			return -1;
		db_bind_int64(cs, 1, org);
		db_bind_int64(cs, 2, f->visible_person);
		db_bind_ids(cs, 3, f->visible_scope ? f->visible_scope : &none);
		db_bind_ids(cs, 4, f->visible_owner_units ? f->visible_owner_units : &none);
		db_bind_ids(cs, 5, f->visible_ids ? f->visible_ids : &none);
		if (db_one_row(cs, "objectives", e) < 0)
			return -1;
		*total = (size_t)db_col_int64(cs, 0);
		db_done(cs);
	} else if (total) {
		struct db_stmt *cs = db_prep(s->db, unfiltered ? count_all
					     : lead == LEAD_SETS ? count_sets
					     : lead == LEAD_ORG_TESTED ? count_tested : count_org, e);
		if (!cs)
			return -1;
		if (unfiltered)
			db_bind_int64(cs, 1, org);
		else
			bind_objective_filter(cs, org, f, lead);
		if (db_one_row(cs, "objectives", e) < 0)
			return -1;
		*total = (size_t)db_col_int64(cs, 0);
		db_done(cs);
	}
	struct db_stmt *st = db_prep(s->db, lead == LEAD_SETS ? sql_sets
				     : lead == LEAD_ORG_TESTED ? sql_tested : sql_org, e);
	if (!st)
		return -1;
	bind_objective_filter(st, org, f, lead);
	db_bind_int64(st, LIMIT_AT(lead), f && f->limit ? (int64_t)f->limit : DB_NO_LIMIT);
	db_bind_int64(st, LIMIT_AT(lead) + 1, f ? (int64_t)f->offset : 0);
	return db_collect_rows(st, a, sizeof(**out), objective_row, out, n, e);
}

static int cmp_objective_row(const void *x, const void *y)
{
	id_t64 a = ((const struct objective *)x)->id, b = ((const struct objective *)y)->id;
	return a < b ? -1 : a > b;
}

int store_objectives_of_owners(struct store *s, id_t64 org, const struct ids *people,
			       const struct ids *units, struct arena *a, struct objective **out,
			       size_t *n, struct err *e)
{
	/* two index reads, by owning person then by owning unit (an OR of the
	 * two sets, or an ORDER BY, makes SQLite walk the organisation's
	 * objectives instead), sorted by id here */
	static const char sql[] = "SELECT " OBJ_COLS OBJ_FROM " WHERE o.org_id = ?1"
		" AND o.owner_person_id IN " DB_IDS(2) " UNION ALL SELECT " OBJ_COLS OBJ_FROM
		" WHERE o.org_id = ?1 AND o.owner_unit_id IN " DB_IDS(3)
		" AND (o.owner_person_id IS NULL OR o.owner_person_id NOT IN " DB_IDS(2) ")";
	struct ids none = { NULL, 0 };
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_ids(st, 2, people ? people : &none);
	db_bind_ids(st, 3, units ? units : &none);
	if (db_collect_rows(st, a, sizeof(**out), objective_row, out, n, e))
		return -1;
	qsort(*out, *n, sizeof(**out), cmp_objective_row);
	return 0;
}

int store_objective_parent(struct store *s, id_t64 org, id_t64 id, id_t64 *parent,
			   struct err *e)
{
	static const char sql[] = "SELECT parent_id FROM objective WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "objective", e) < 0)
		return -1;
	*parent = db_col_int64(st, 0);
	db_done(st);
	return 0;
}

int store_objective_ancestors_of_owned(struct store *s, id_t64 org, id_t64 person,
				       const struct ids *units, struct arena *a,
				       struct ids *out, struct err *e)
{
	/* the owned set is small; walk up from each owned objective */
	static const char sql[] =
		"WITH RECURSIVE up(id) AS (SELECT parent_id FROM objective WHERE org_id = ?1"
		" AND parent_id IS NOT NULL AND (owner_person_id = ?2 OR owner_unit_id IN"
		" " DB_IDS(3) ")"
		" UNION SELECT o.parent_id FROM objective o JOIN up ON o.org_id = ?1 AND o.id = up.id"
		" WHERE o.parent_id IS NOT NULL) SELECT id FROM up ORDER BY id";
	static const struct ids none = { NULL, 0 };
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_ids(st, 3, units ? units : &none);
	return db_collect_ids(st, a, out, e);
}
