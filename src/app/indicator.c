/* The indicators' use cases (indicator.h). */
#include <math.h>
#include <string.h>
#include "app/indicator.h"
#include "app/org.h"
#include "store/store_challenge.h"

json_t *app_indicator_json(const struct mind *m)
{
	json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:b}", "id",
			      (json_int_t)m->row.id, "key", m->row.key, "kind", m->row.kind,
			      "expr", m->row.expr, "unit", m->row.unit, "name_fr", m->row.name_fr,
			      "name_en", m->row.name_en, "valid", m->ok);
	if (m->ok) {
		json_object_set_new(j, "cumulative", json_boolean(m->prog.cumulative));
		json_t *fields = json_array();
		for (int i = 0; i < m->prog.nfields; i++)
			json_array_append_new(fields, json_string(indicator_field(&m->prog, i)));
		json_object_set_new(j, "fields", fields);
	}
	return j;
}

/* The stored indicator id with its compiled expression (ok: it compiles). */
static int indicator_load(struct app *a, id_t64 id, struct mind *m, struct err *e)
{
	memset(m, 0, sizeof(*m));
	if (store_indicator_get(a->store, a->me.org_id, id, a->arena, &m->row, e))
		return -1;
	struct err pe;
	m->ok = !indicator_parse(m->row.expr, &m->prog, &pe);
	return 0;
}

/* Applies in over m, checks it and compiles the expression. */
static int indicator_apply(const struct indicator_input *in, struct mind *m, struct err *e)
{
	if (in->set & IND_KEY)
		m->row.key = in->key;
	if (in->set & IND_KIND)
		m->row.kind = in->kind;
	if (in->set & IND_EXPR)
		m->row.expr = in->expr;
	if (in->set & IND_UNIT)
		m->row.unit = in->unit;
	if (in->set & IND_NAME_FR)
		m->row.name_fr = in->name_fr;
	if (in->set & IND_NAME_EN)
		m->row.name_en = in->name_en;
	static const char *const need[] = { "key", "kind", "expr", "name_fr" };
	const char *have[] = { m->row.key, m->row.kind, m->row.expr, m->row.name_fr };
	for (int i = 0; i < 4; i++)
		if (!have[i] || !*have[i])
			return err_set(e, 422, "missing_field", need[i], need[i], NULL);
	if (!indicator_key_ok(m->row.key))
		return err_set(e, 422, "invalid_value", "key", "key",
			       "1 to 40 lower-case letters, digits or _");
	if (!indicator_key_ok(m->row.kind))
		return err_set(e, 422, "invalid_value", "kind", "kind",
			       "1 to 40 lower-case letters, digits or _ (call, sale...)");
	if (!m->row.name_en || !*m->row.name_en)
		m->row.name_en = m->row.name_fr;
	if (!m->row.unit)
		m->row.unit = "";
	if (indicator_parse(m->row.expr, &m->prog, e))
		return -1;
	m->ok = true;
	return 0;
}

struct indicator_write {
	struct mind *m, before;
	bool create;
};

static int indicator_write_tx(struct app *a, void *arg, struct err *e)
{
	struct indicator_write *w = arg;
	struct mind *m = w->m;
	if (!w->create && strcmp(m->row.key, w->before.row.key)) {
		/* objectives name indicators by key: a used key stays */
		int64_t uses;
		if (store_indicator_uses(a->store, a->me.org_id, w->before.row.key, &uses, e))
			return -1;
		if (uses)
			return err_set(e, 409, "conflict", "key",
				       "objectives measure this indicator by its key", NULL);
	}
	if (w->create) {
		if (store_indicator_create(a->store, a->me.org_id, &m->row, &m->row.id, e))
			return -1;
	} else if (store_indicator_update(a->store, a->me.org_id, &m->row, e)) {
		return -1;
	}
	/* the figures follow the expression: recomputed from the stored records */
	if ((w->create || strcmp(w->before.row.expr, m->row.expr) ||
	     strcmp(w->before.row.kind, m->row.kind)) &&
	    measure_backfill(a->store, a->me.org_id, m, e))
		return -1;
	/* the challenges' kept figures were measured with the old definition */
	if (!w->create && store_challenge_unkeep_all(a->store, a->me.org_id, e))
		return -1;
	return app_audit(a, "indicator", m->row.id, w->create ? "create" : "update",
			 w->create ? NULL : app_indicator_json(&w->before), app_indicator_json(m), e);
}

int app_indicator_create(struct app *a, const struct indicator_input *in, struct mind *out,
			 struct err *e)
{
	if (app_org_write_check(a, "define indicators", e))
		return -1;
	memset(out, 0, sizeof(*out));
	if (indicator_apply(in, out, e))
		return -1;
	struct indicator_write w;
	memset(&w, 0, sizeof(w));
	w.m = out;
	w.create = true;
	return app_tx(a, indicator_write_tx, &w, e);
}

int app_indicator_update(struct app *a, id_t64 id, const struct indicator_input *in,
			 struct mind *out, struct err *e)
{
	if (app_org_write_check(a, "define indicators", e))
		return -1;
	struct indicator_write w;
	memset(&w, 0, sizeof(w));
	w.m = out;
	if (indicator_load(a, id, &w.before, e))
		return -1;
	memset(out, 0, sizeof(*out));
	out->row = w.before.row;
	if (indicator_apply(in, out, e))
		return -1;
	return app_tx(a, indicator_write_tx, &w, e);
}

static int indicator_delete_tx(struct app *a, void *arg, struct err *e)
{
	struct mind *m = arg;
	int64_t uses;
	if (store_indicator_uses(a->store, a->me.org_id, m->row.key, &uses, e))
		return -1;
	if (uses)
		return err_set(e, 409, "conflict", NULL, "objectives measure this indicator", NULL);
	if (store_indicator_delete(a->store, a->me.org_id, m->row.id, e))
		return -1;
	return app_audit(a, "indicator", m->row.id, "delete", app_indicator_json(m), NULL, e);
}

int app_indicator_delete(struct app *a, id_t64 id, struct err *e)
{
	if (app_org_write_check(a, "define indicators", e))
		return -1;
	struct mind m;
	if (indicator_load(a, id, &m, e))
		return -1;
	return app_tx(a, indicator_delete_tx, &m, e);
}

int app_indicator_try(struct app *a, const struct indicator_try *in,
		      struct indicator_tried *out, struct err *e)
{
	struct mind m;
	memset(&m, 0, sizeof(m));
	if (!in->expr || !in->kind)
		return err_set(e, 422, "missing_field", in->expr ? "kind" : "expr",
			       in->expr ? "kind" : "expr", NULL);
	m.row.expr = in->expr;
	m.row.kind = in->kind;
	if (indicator_parse(m.row.expr, &m.prog, e))
		return -1;
	m.ok = true;
	m.row.key = "try";
	struct ids one = { NULL, 0 }, *people = NULL;
	id_t64 pid;
	if (in->person) {
		struct person p;
		if (store_person_resolve(a->store, a->me.org_id, in->person, &pid, e) ||
		    store_person_get(a->store, a->me.org_id, pid, a->arena, &p, e))
			return -1;
		if (!access_person_read(&a->me, &p))
			return err_set(e, 404, "not_found", "person", "person", NULL);
		one.v = &pid;
		one.n = 1;
		people = &one;
	} else if (!access_audit_all(&a->me)) {
		return err_set(e, 422, "missing_field", "person", "person", NULL);
	}
	/* a try reads the records themselves: the expression is not stored */
	m.prog.mergeable = false;
	out->cumulative = m.prog.cumulative;
	return measure_value(a->store, a->me.org_id, &m, people,
			     in->from == DAY_NONE ? -1000000 : in->from,
			     in->to == DAY_NONE ? 1000000 : in->to, &out->value, e);
}
