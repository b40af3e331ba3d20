/* Negotiation rounds and agreements (store_negotiation.h). */
#include <string.h>
#include "store/store_int.h"
#include "store/store_negotiation.h"

int store_move_add(struct store *s, const struct move *m, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO negotiation_round(org_id, objective_id, round, seq,"
		" kind, side, author_id, target, start, due, indicator, budget, time_hours, support,"
		" plan, bound_low, bound_high, bound_pct_low, bound_pct_high, reason, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		" ?18, ?19, ?20, ?21) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	const struct terms *t = &m->t;
	db_bind_int64(st, 1, m->org_id);
	db_bind_int64(st, 2, m->objective_id);
	db_bind_int64(st, 3, m->round);
	db_bind_int64(st, 4, m->seq);
	db_bind_text(st, 5, move_kind_name(m->kind));
	db_bind_text(st, 6, side_name(m->side));
	db_bind_id(st, 7, m->author_id);
	db_bind_opt(st, 8, t->has_target, t->target);
	db_bind_day(st, 9, t->start);
	db_bind_day(st, 10, t->due);
	db_bind_text(st, 11, t->indicator);
	db_bind_opt(st, 12, t->budget >= 0, t->budget);
	db_bind_opt(st, 13, t->time_hours >= 0, t->time_hours);
	db_bind_text(st, 14, t->support);
	db_bind_text(st, 15, t->plan_json);
	db_bind_double(st, 16, m->low);
	db_bind_double(st, 17, m->high);
	db_bind_opt(st, 18, m->has_pct, m->pct_low);
	db_bind_opt(st, 19, m->has_pct, m->pct_high);
	db_bind_text(st, 20, m->reason);
	db_bind_int64(st, 21, m->created_at);
	return db_insert_id(st, id, e);
}

int store_move_list(struct store *s, id_t64 org, id_t64 objective, struct arena *a,
		    struct move **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT r.id, r.org_id, r.objective_id, r.round, r.seq, r.kind,"
		" r.side, r.author_id, p.name, r.target, r.start, r.due, r.indicator, r.budget,"
		" r.time_hours, r.support, r.plan, r.bound_low, r.bound_high, r.bound_pct_low,"
		" r.bound_pct_high, r.reason, r.created_at FROM negotiation_round r"
		" LEFT JOIN person p ON p.org_id = r.org_id AND p.id = r.author_id"
		" WHERE r.org_id = ?1 AND r.objective_id = ?2 ORDER BY r.round, r.seq";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, objective);
	struct move *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct move *m = arena_push(a, &v, &k, &cap, sizeof(*m));
		memset(m, 0, sizeof(*m));
		m->id = db_col_int64(st, 0);
		m->org_id = db_col_int64(st, 1);
		m->objective_id = db_col_int64(st, 2);
		m->round = (int)db_col_int64(st, 3);
		m->seq = (int)db_col_int64(st, 4);
		int kind = move_kind_parse(db_col_text(st, 5));
		m->kind = kind < 0 ? MV_PROPOSAL : (enum move_kind)kind;
		int side = side_parse(db_col_text(st, 6));
		m->side = side < 0 ? SIDE_NONE : (enum side)side;
		m->author_id = db_col_int64(st, 7);
		m->author_name = db_col_str(st, 8, a);
		m->t.has_target = !db_col_null(st, 9);
		m->t.target = db_col_double(st, 9);
		m->t.start = db_col_day(st, 10);
		m->t.due = db_col_day(st, 11);
		m->t.indicator = db_col_str(st, 12, a);
		m->t.budget = db_col_null(st, 13) ? -1 : db_col_double(st, 13);
		m->t.time_hours = db_col_null(st, 14) ? -1 : db_col_double(st, 14);
		m->t.support = db_col_str(st, 15, a);
		m->t.plan_json = db_col_str(st, 16, a);
		m->low = db_col_double(st, 17);
		m->high = db_col_double(st, 18);
		m->has_pct = !db_col_null(st, 19);
		m->pct_low = db_col_double(st, 19);
		m->pct_high = db_col_double(st, 20);
		m->reason = db_col_str(st, 21, a);
		m->created_at = db_col_int64(st, 22);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}

int store_agreement_add(struct store *s, const struct agreement *g, id_t64 *id, struct err *e)
{
	static const char sql[] = "INSERT INTO objective_agreement(org_id, objective_id, round,"
		" owner_id, owner_name, manager_id, manager_name, agreed_on, agreed_at, terms)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, g->org_id);
	db_bind_int64(st, 2, g->objective_id);
	db_bind_int64(st, 3, g->round);
	db_bind_id(st, 4, g->owner_id);
	db_bind_text(st, 5, g->owner_name);
	db_bind_id(st, 6, g->manager_id);
	db_bind_text(st, 7, g->manager_name);
	db_bind_day(st, 8, g->agreed_on);
	db_bind_int64(st, 9, g->agreed_at);
	db_bind_text(st, 10, g->terms_json);
	return db_insert_id(st, id, e);
}

int store_agreement_list(struct store *s, id_t64 org, id_t64 objective, struct arena *a,
			 struct agreement **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT id, org_id, objective_id, round, owner_id, owner_name,"
		" manager_id, manager_name, agreed_on, agreed_at, terms FROM objective_agreement"
		" WHERE org_id = ?1 AND objective_id = ?2 ORDER BY round";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, objective);
	struct agreement *v = NULL;
	size_t k = 0, cap = 0;
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		struct agreement *g = arena_push(a, &v, &k, &cap, sizeof(*g));
		g->id = db_col_int64(st, 0);
		g->org_id = db_col_int64(st, 1);
		g->objective_id = db_col_int64(st, 2);
		g->round = (int)db_col_int64(st, 3);
		g->owner_id = db_col_int64(st, 4);
		g->owner_name = db_col_str(st, 5, a);
		g->manager_id = db_col_int64(st, 6);
		g->manager_name = db_col_str(st, 7, a);
		g->agreed_on = db_col_day(st, 8);
		g->agreed_at = db_col_int64(st, 9);
		g->terms_json = db_col_str(st, 10, a);
	}
	db_done(st);
	if (rc < 0)
		return -1;
	*out = v;
	*n = k;
	return 0;
}
