/* The lists a manager exports, as tables (see export_lists.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "app/export_lists.h"
#include "app/measure.h"
#include "app/result.h"
#include "app/objective.h"
#include "app/rhythm.h"
#include "core/words.h"

/* --- objectives with their progress ---------------------------------------- */

struct orow {
	const struct objective *o;
	const struct measured *m;
	const struct checkin *last;  /* id 0: none */
};

struct orows {
	struct orow *v;
	size_t n;
	struct person *people;  /* the organisation's, by id: owners' names */
	size_t np;
	struct unit *units;     /* by id */
	size_t nu;
	const char *tz;
	enum lang lang;         /* words */
};

static const char *person_name(const struct orows *x, id_t64 id)
{
	size_t lo = 0, hi = x->np;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (x->people[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->np && x->people[lo].id == id ? x->people[lo].name : NULL;
}

static const char *unit_name(const struct orows *x, id_t64 id)
{
	size_t lo = 0, hi = x->nu;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (x->units[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->nu && x->units[lo].id == id ? x->units[lo].name : NULL;
}


static const struct export_col *objective_cols(struct app *a)
{
	bool fr = a->lang == LANG_FR;
	struct export_col *c = arena_alloc(a->arena, OC_N * sizeof(*c));
	c[OC_ID] = (struct export_col){ "ID", COL_NUMBER, 0 };
	c[OC_TITLE] = (struct export_col){ fr ? "Objectif" : "Objective", COL_TEXT, -1 };
	c[OC_LEVEL] = (struct export_col){ fr ? "Niveau" : "Level", COL_TEXT, -1 };
	c[OC_OWNER] = (struct export_col){ fr ? "Porteur" : "Owner", COL_TEXT, -1 };
	c[OC_UNIT] = (struct export_col){ fr ? "Unité" : "Unit", COL_TEXT, -1 };
	c[OC_STATUS] = (struct export_col){ fr ? "Statut" : "Status", COL_TEXT, -1 };
	c[OC_INDICATOR] = (struct export_col){ fr ? "Indicateur" : "Indicator", COL_TEXT, -1 };
	c[OC_MEASURE_UNIT] = (struct export_col){ fr ? "Unité de mesure" : "Measured in",
						  COL_TEXT, -1 };
	c[OC_BASELINE] = (struct export_col){ fr ? "Référence" : "Baseline", COL_NUMBER, -1 };
	c[OC_TARGET] = (struct export_col){ fr ? "Cible" : "Target", COL_NUMBER, -1 };
	c[OC_VALUE] = (struct export_col){ fr ? "Valeur mesurée" : "Measured value", COL_NUMBER, -1 };
	c[OC_ATTAINMENT] = (struct export_col){ fr ? "Atteinte (%)" : "Attainment (%)",
						COL_PERCENT, 1 };
	c[OC_EXPECTED] = (struct export_col){ fr ? "Attendu à date (%)" : "Expected to date (%)",
					      COL_PERCENT, 1 };
	c[OC_FORECAST] = (struct export_col){ fr ? "Atteinte prévue (%)" : "Forecast attainment (%)",
					      COL_PERCENT, 1 };
	c[OC_PSTATUS] = (struct export_col){ fr ? "Avancement" : "Progress", COL_TEXT, -1 };
	c[OC_START] = (struct export_col){ fr ? "Début" : "Start", COL_DATE, -1 };
	c[OC_DUE] = (struct export_col){ fr ? "Échéance" : "Due", COL_DATE, -1 };
	c[OC_DAYS_LEFT] = (struct export_col){ fr ? "Jours restants" : "Days left", COL_NUMBER, 0 };
	c[OC_WEIGHT] = (struct export_col){ fr ? "Poids" : "Weight", COL_NUMBER, -1 };
	c[OC_LAST] = (struct export_col){ fr ? "Dernier point d'étape" : "Last check-in", COL_DATE,
					  -1 };
	c[OC_CONFIDENCE] = (struct export_col){ fr ? "Confiance" : "Confidence", COL_TEXT, -1 };
	return c;
}

static double num_or_nan(double v)
{
	return isfinite(v) ? v : NAN;
}

static int orow_cells(void *ctx, size_t i, struct export_cell *c, struct err *e)
{
	(void)e;
	const struct orows *x = ctx;
	if (i >= x->n)
		return 0;
	const struct objective *o = x->v[i].o;
	const struct measured *m = x->v[i].m;
	const struct checkin *last = x->v[i].last;
	c[OC_ID].num = (double)o->id;
	c[OC_TITLE].text = o->title;
	c[OC_LEVEL].text = word("level", level_name(o->level), x->lang);
	c[OC_OWNER].text = o->owner_person_id ? person_name(x, o->owner_person_id)
					      : unit_name(x, o->owner_unit_id);
	c[OC_UNIT].text = unit_name(x, o->scope_unit_id);
	c[OC_STATUS].text = word("status", status_name(o->status), x->lang);
	c[OC_INDICATOR].text = m && m->ind ? (x->lang == LANG_EN ? m->ind->row.name_en
								 : m->ind->row.name_fr)
					   : o->indicator;
	/* the objective's own unit, else its indicator's: what the value counts */
	c[OC_MEASURE_UNIT].text = o->unit_label && *o->unit_label ? o->unit_label
				  : m && m->ind && m->ind->row.unit && *m->ind->row.unit
				  ? m->ind->row.unit : NULL;
	if (o->has_baseline)
		c[OC_BASELINE].num = o->baseline;
	if (o->has_target)
		c[OC_TARGET].num = o->target;
	if (m && m->has_value)
		c[OC_VALUE].num = num_or_nan(m->value);
	if (m && m->has_progress) {
		c[OC_ATTAINMENT].num = num_or_nan(m->p.attainment);
		c[OC_EXPECTED].num = num_or_nan(m->p.expected);
		c[OC_FORECAST].num = num_or_nan(m->p.forecast_attainment);
		c[OC_DAYS_LEFT].num = m->p.days_left;
		c[OC_PSTATUS].text = word("ps", pstatus_name(m->p.status), x->lang);
	} else {
		c[OC_PSTATUS].text = word("ps", "unknown", x->lang);
	}
	c[OC_START].day = o->start;
	c[OC_DUE].day = o->due;
	c[OC_WEIGHT].num = o->weight;
	if (last && last->id) {
		c[OC_LAST].day = app_local_day(x->tz, last->created_at);
		const char *cf = confidence_name(last->confidence);
		c[OC_CONFIDENCE].text = cf ? word("conf", cf, x->lang) : NULL;
	}
	return 1;
}

/* The table of v (n objectives), measured together on a's day, with their
 * last check-ins and their owners' names. */
static int objective_table(struct app *a, const struct objective *v, size_t n, const char *title,
			   struct export_table *t, struct err *e)
{
	struct org org;
	struct mind *inds;
	size_t ni;
	struct orows *x = arena_alloc(a->arena, sizeof(*x));
	struct measured *ms = arena_alloc(a->arena, (n + 1) * sizeof(*ms));
	struct checkin *last;
	struct ids ids = { arena_alloc(a->arena, (n + 1) * sizeof(id_t64)), n };
	for (size_t i = 0; i < n; i++)
		ids.v[i] = v[i].id;
	struct person_filter pf = { NULL, -1, 0, 0 };
	size_t total;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	    measure_kept(a->store, &org, v, n, a->clock.today, B_MONTH, inds, ni, a->arena, ms, e) ||
	    store_checkin_last(a->store, a->me.org_id, &ids, a->arena, &last, e) ||
	    store_person_list(a->store, a->me.org_id, &pf, a->arena, &x->people, &x->np, &total, e) ||
	    store_unit_list(a->store, a->me.org_id, a->arena, &x->units, &x->nu, e))
		return -1;
	x->v = arena_alloc(a->arena, (n + 1) * sizeof(*x->v));
	x->n = n;
	for (size_t i = 0; i < n; i++)
		x->v[i] = (struct orow){ &v[i], &ms[i], &last[i] };
	x->tz = org.time_zone;
	x->lang = a->lang;
	memset(t, 0, sizeof(*t));
	t->title = title;
	t->cols = objective_cols(a);
	t->ncols = OC_N;
	t->currency = org.currency;
	t->lang = a->lang;
	t->row = orow_cells;
	t->ctx = x;
	return 0;
}

int app_export_objectives(struct app *a, const struct objective_filter *f,
			  struct export_table *t, struct err *e)
{
	struct objective_filter g = *f;
	/* the access rule as the list's SQL prefilter (api_objectives_list);
	 * the rule itself still judges every row */
	struct ids managed = { (id_t64 *)a->me.managed.v, a->me.managed.n },
		   chain = { (id_t64 *)a->me.chain.v, a->me.chain.n },
		   above = { (id_t64 *)a->me.above.v, a->me.above.n };
	g.visible = 0;
	if (a->me.role != ROLE_ADMIN && a->me.role != ROLE_HR) {
		g.visible = 1;
		g.visible_person = a->me.person_id;
		g.visible_scope = a->me.role == ROLE_MANAGER ? &managed : NULL;
		g.visible_owner_units = &chain;
		g.visible_ids = &above;
	}
	struct objective *v;
	size_t n, k = 0;
	if (store_objective_list(a->store, a->me.org_id, &g, a->arena, &v, &n, NULL, e))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (access_objective_read(&a->me, &v[i]))
			v[k++] = v[i];
	return objective_table(a, v, k, a->lang == LANG_FR ? "Objectifs" : "Objectives", t, e);
}

int app_export_unit(struct app *a, id_t64 unit, struct export_table *t, struct err *e)
{
	struct dashboard_query q = { unit, DAY_NONE, DAY_NONE, B_MONTH, 0, 0, false };
	struct unit_dashboard d;
	if (app_unit_dashboard(a, &q, &d, e))
		return -1;
	/* the members' objectives in the dashboard's order, then the collective ones */
	struct objective *v = arena_alloc(a->arena, (d.nall + 1) * sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < d.nmembers; i++)
		for (size_t j = 0; j < d.members[i].n; j++)
			v[k++] = *d.members[i].items[j].o;
	for (size_t i = 0; i < d.ncollective; i++)
		v[k++] = *d.collective[i].o;
	return objective_table(a, v, k, d.unit.name, t, e);
}

/* objectives owned by person or unit, not cancelled, that a->me may read */
static int owned(struct app *a, id_t64 person, id_t64 unit, struct objective **v, size_t *n,
		 struct err *e)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.owner_person = person;
	f.owner_unit = unit;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, v, n, NULL, e))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++)
		if ((*v)[i].status != ST_CANCELLED && access_objective_read(&a->me, &(*v)[i]))
			(*v)[k++] = (*v)[i];
	*n = k;
	return 0;
}

int app_export_person(struct app *a, id_t64 person, struct export_table *t, struct err *e)
{
	struct person p;
	if (store_person_get(a->store, a->me.org_id, person, a->arena, &p, e))
		return -1;
	if (!access_person_read(&a->me, &p))
		return err_set(e, 404, "not_found", NULL, "person", NULL);
	struct objective *mine, *team = NULL;
	size_t nm, nt = 0;
	if (owned(a, p.id, 0, &mine, &nm, e) || (p.unit_id && owned(a, 0, p.unit_id, &team, &nt, e)))
		return -1;
	struct objective *v = arena_alloc(a->arena, (nm + nt + 1) * sizeof(*v));
	memcpy(v, mine, nm * sizeof(*v));
	if (nt)
		memcpy(v + nm, team, nt * sizeof(*v));
	return objective_table(a, v, nm + nt, p.name, t, e);
}

/* --- check-ins --------------------------------------------------------------- */

struct crows {
	struct checkin *v;
	size_t n;
	const char *tz;
	enum lang lang;
};

enum { CC_AT, CC_AUTHOR, CC_CONFIDENCE, CC_VALUE, CC_ATTAINMENT, CC_COMMENT, CC_BLOCKERS,
       CC_NEXT, CC_N };

static int crow_cells(void *ctx, size_t i, struct export_cell *c, struct err *e)
{
	(void)e;
	const struct crows *x = ctx;
	if (i >= x->n)
		return 0;
	const struct checkin *k = &x->v[i];
	c[CC_AT].num = (double)k->created_at;
	c[CC_AUTHOR].text = k->author_name;
	const char *cf = confidence_name(k->confidence);
	c[CC_CONFIDENCE].text = cf ? word("conf", cf, x->lang) : NULL;
	if (k->has_value)
		c[CC_VALUE].num = num_or_nan(k->value);
	if (k->has_attainment)
		c[CC_ATTAINMENT].num = num_or_nan(k->attainment);
	c[CC_COMMENT].text = k->comment;
	c[CC_BLOCKERS].text = k->blockers;
	c[CC_NEXT].text = k->next_steps;
	return 1;
}

int app_export_checkins(struct app *a, id_t64 objective, struct export_table *t, struct err *e)
{
	bool fr = a->lang == LANG_FR;
	struct objective o;
	struct org org;
	struct crows *x = arena_alloc(a->arena, sizeof(*x));
	size_t total;
	if (app_objective_get(a, objective, &o, e) ||
	    store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    store_checkin_list(a->store, a->me.org_id, o.id, 1, 0, a->arena, &x->v, &x->n, &total,
			       e) ||
	    (total > 1 && store_checkin_list(a->store, a->me.org_id, o.id, total, 0, a->arena,
					     &x->v, &x->n, &total, e)))
		return -1;
	x->tz = org.time_zone;
	x->lang = a->lang;
	struct export_col *c = arena_alloc(a->arena, CC_N * sizeof(*c));
	c[CC_AT] = (struct export_col){ fr ? "Date (UTC)" : "Date (UTC)", COL_DATETIME, -1 };
	c[CC_AUTHOR] = (struct export_col){ fr ? "Auteur" : "Author", COL_TEXT, -1 };
	c[CC_CONFIDENCE] = (struct export_col){ fr ? "Confiance" : "Confidence", COL_TEXT, -1 };
	c[CC_VALUE] = (struct export_col){ fr ? "Valeur" : "Value", COL_NUMBER, -1 };
	c[CC_ATTAINMENT] = (struct export_col){ fr ? "Atteinte (%)" : "Attainment (%)",
						COL_PERCENT, 1 };
	c[CC_COMMENT] = (struct export_col){ fr ? "Commentaire" : "Comment", COL_TEXT, -1 };
	c[CC_BLOCKERS] = (struct export_col){ fr ? "Obstacles" : "Blockers", COL_TEXT, -1 };
	c[CC_NEXT] = (struct export_col){ fr ? "Prochaines étapes" : "Next steps", COL_TEXT, -1 };
	memset(t, 0, sizeof(*t));
	t->title = fr ? "Points d'étape" : "Check-ins";
	t->cols = c;
	t->ncols = CC_N;
	t->currency = org.currency;
	t->lang = a->lang;
	t->row = crow_cells;
	t->ctx = x;
	return 0;
}

/* --- the audit trail, a page at a time ----------------------------------------- */

#define AUDIT_PAGE 500

struct arows {
	struct store *store;
	id_t64 org, entity_id;
	char *entity;
	struct arena arena;        /* the page being sent */
	struct audit_entry *v;
	size_t n, at, base;        /* rows base .. base+n of the trail are in v */
	id_t64 before;             /* the last id read */
	int ended;
};

enum { AC_ID, AC_AT, AC_ACTOR, AC_ENTITY, AC_ENTITY_ID, AC_ACTION, AC_BEFORE, AC_AFTER, AC_N };

static int arow_cells(void *ctx, size_t i, struct export_cell *c, struct err *e)
{
	struct arows *x = ctx;
	if (i >= x->base + x->n) {
		if (x->ended)
			return 0;
		x->base += x->n;
		arena_free(&x->arena);
		arena_init(&x->arena);
		if (store_audit_page(x->store, x->org, x->entity, x->entity_id, x->before, AUDIT_PAGE,
				     &x->arena, &x->v, &x->n, e))
			return -1;
		if (x->n < AUDIT_PAGE)
			x->ended = 1;
		if (!x->n)
			return 0;
		x->before = x->v[x->n - 1].id;
	}
	const struct audit_entry *r = &x->v[i - x->base];
	c[AC_ID].num = (double)r->id;
	c[AC_AT].num = (double)r->at;
	c[AC_ACTOR].text = r->actor_name;
	c[AC_ENTITY].text = r->entity;
	c[AC_ENTITY_ID].num = (double)r->entity_id;
	c[AC_ACTION].text = r->action;
	c[AC_BEFORE].text = r->before;
	c[AC_AFTER].text = r->after;
	return 1;
}

static void arows_done(void *ctx)
{
	struct arows *x = ctx;
	arena_free(&x->arena);
	free(x->entity);
	free(x);
}

int app_export_audit(struct app *a, const char *entity, id_t64 entity_id,
		     struct export_table *t, struct err *e)
{
	if (!access_audit_all(&a->me))
		return err_set(e, 403, "forbidden", NULL, "read the whole audit trail", NULL);
	bool fr = a->lang == LANG_FR;
	struct org org;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e))
		return -1;
	struct export_col *c = arena_alloc(a->arena, AC_N * sizeof(*c));
	c[AC_ID] = (struct export_col){ "ID", COL_NUMBER, 0 };
	c[AC_AT] = (struct export_col){ "Date (UTC)", COL_DATETIME, -1 };
	c[AC_ACTOR] = (struct export_col){ fr ? "Auteur" : "Actor", COL_TEXT, -1 };
	c[AC_ENTITY] = (struct export_col){ fr ? "Objet" : "Entity", COL_TEXT, -1 };
	c[AC_ENTITY_ID] = (struct export_col){ fr ? "ID de l'objet" : "Entity ID", COL_NUMBER, 0 };
	c[AC_ACTION] = (struct export_col){ "Action", COL_TEXT, -1 };
	c[AC_BEFORE] = (struct export_col){ fr ? "Avant" : "Before", COL_TEXT, -1 };
	c[AC_AFTER] = (struct export_col){ fr ? "Après" : "After", COL_TEXT, -1 };
	struct arows *x = calloc(1, sizeof(*x));
	if (!x)
		abort();
	x->store = a->store;
	x->org = a->me.org_id;
	x->entity = entity ? strdup(entity) : NULL;
	x->entity_id = entity_id;
	arena_init(&x->arena);
	memset(t, 0, sizeof(*t));
	t->title = fr ? "Journal d'audit" : "Audit trail";
	t->cols = c;
	t->ncols = AC_N;
	t->currency = org.currency;
	t->lang = a->lang;
	t->row = arow_cells;
	t->ctx = x;
	t->done = arows_done;
	return 0;
}
