/* Negotiating an objective: the use cases (negotiation.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "app/feedback.h"
#include "app/negotiation.h"
#include "app/result.h"
#include "app/notify.h"

#define REASON_MAX 2000

/* ---- documents ---- */

static json_t *j_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *j_date(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

static json_t *j_amount(double x)
{
	return x >= 0 ? json_real(x) : json_null();
}

static json_t *j_person(id_t64 id, const char *name)
{
	if (!id)
		return json_null();
	return json_pack("{s:I, s:o}", "id", (json_int_t)id, "name", j_str(name));
}

json_t *app_terms_json(const struct terms *t)
{
	json_t *plan = t->plan_json ? json_loads(t->plan_json, 0, NULL) : NULL;
	return json_pack("{s:o, s:o, s:o, s:o, s:{s:o, s:o, s:o}, s:o}",
		"target", t->has_target ? json_real(t->target) : json_null(),
		"start", j_date(t->start), "due", j_date(t->due), "indicator", j_str(t->indicator),
		"means", "budget", j_amount(t->budget), "time_hours", j_amount(t->time_hours),
		"support", j_str(t->support), "plan", plan ? plan : json_array());
}

static const struct { unsigned bit; const char *name; } changed_names[] = {
	{ TF_TARGET, "target" }, { TF_START, "start" }, { TF_DUE, "due" },
	{ TF_INDICATOR, "indicator" }, { TF_BUDGET, "means.budget" },
	{ TF_TIME_HOURS, "means.time_hours" }, { TF_SUPPORT, "means.support" },
	{ TF_PLAN, "plan" } };

static json_t *move_json(const struct move *m, const struct move *prev)
{
	json_t *v = app_terms_json(&m->t);
	json_object_set_new(v, "id", json_integer(m->id));
	json_object_set_new(v, "round", json_integer(m->round));
	json_object_set_new(v, "seq", json_integer(m->seq));
	json_object_set_new(v, "kind", json_string(move_kind_name(m->kind)));
	json_object_set_new(v, "side", json_string(side_name(m->side)));
	json_object_set_new(v, "author_id", m->author_id ? json_integer(m->author_id) : json_null());
	json_object_set_new(v, "author_name", j_str(m->author_name));
	json_object_set_new(v, "bounds", json_pack("{s:f, s:f, s:o, s:o}", "low", m->low, "high",
		m->high, "low_pct", m->has_pct ? json_real(m->pct_low) : json_null(),
		"high_pct", m->has_pct ? json_real(m->pct_high) : json_null()));
	json_object_set_new(v, "reason", j_str(m->reason));
	json_t *changed = json_array();
	unsigned d = prev && m->kind != MV_ACCEPT ? terms_diff(&prev->t, &m->t) : 0;
	for (size_t i = 0; i < sizeof(changed_names) / sizeof(changed_names[0]); i++)
		if (d & changed_names[i].bit)
			json_array_append_new(changed, json_string(changed_names[i].name));
	json_object_set_new(v, "changed", changed);
	json_object_set_new(v, "created_at", json_integer(m->created_at));
	return v;
}

json_t *app_negotiation_json(const struct negotiation *n)
{
	json_t *rounds = json_array();
	const struct move *prev = NULL;
	for (size_t i = 0; i < n->n; i++) {
		json_array_append_new(rounds, move_json(&n->moves[i], prev));
		if (n->moves[i].kind != MV_ACCEPT)
			prev = &n->moves[i];
	}
	json_t *agreements = json_array();
	for (size_t i = 0; i < n->nagreements; i++) {
		const struct agreement *g = &n->agreements[i];
		json_t *terms = g->terms_json ? json_loads(g->terms_json, 0, NULL) : NULL;
		json_array_append_new(agreements, json_pack("{s:i, s:o, s:o, s:o, s:I, s:o}",
			"round", g->round, "owner", j_person(g->owner_id, g->owner_name),
			"manager", j_person(g->manager_id, g->manager_name),
			"agreed_on", j_date(g->agreed_on), "agreed_at", (json_int_t)g->agreed_at,
			"terms", terms ? terms : json_object()));
	}
	json_t *offer = json_null();
	if (n->state.open && n->state.offer) {
		const struct move *m = n->state.offer;
		offer = app_terms_json(&m->t);
		json_object_set_new(offer, "side", json_string(side_name(m->side)));
		json_object_set_new(offer, "author_name", j_str(m->author_name));
		json_object_set_new(offer, "bounds", json_pack("{s:f, s:f}", "low", m->low,
							       "high", m->high));
	}
	json_t *next = json_array();
	for (int k = 0; k < MV__COUNT; k++)
		if (n->next & (1u << k))
			json_array_append_new(next, json_string(move_kind_name((enum move_kind)k)));
	json_t *totals = json_null();
	if (n->totals.shown) {
		const struct nego_totals *t = &n->totals;
		totals = json_pack("{s:I, s:s?, s:o, s:s?, s:f, s:f, s:f, s:i, s:i, s:i}",
			"parent_id", (json_int_t)t->parent.id, "parent_title", t->parent.title,
			"parent_target", t->parent.has_target ? json_real(t->parent.target) : json_null(),
			"unit", t->parent.unit_label, "agreed", t->agreed, "proposed", t->proposed,
			"total", t->agreed + t->proposed, "count_agreed", t->nagreed,
			"count_proposed", t->nproposed, "count_draft", t->ndraft);
		if (!json_object_get(totals, "parent_title"))
			json_object_set_new(totals, "parent_title", json_null());
		if (!json_object_get(totals, "unit"))
			json_object_set_new(totals, "unit", json_null());
	}
	return json_pack("{s:I, s:s, s:o, s:o, s:b, s:i, s:o, s:o, s:o, s:o, s:o, s:o}",
		"objective_id", (json_int_t)n->o.id, "status", status_name(n->o.status),
		"my_side", n->me ? json_string(side_name(n->me)) : json_null(),
		"owner", j_person(n->owner_party, n->owner_party_name),
		"open", (int)n->state.open, "round", n->state.round, "offer", offer,
		"agreed", n->has_agreed ? app_terms_json(&n->agreed) : json_null(),
		"next", next, "rounds", rounds, "agreements", agreements, "totals", totals);
}

/* ---- reading ---- */

static const char *person_name(struct app *a, id_t64 id)
{
	struct person p;
	struct err ignored;
	if (!id || store_person_get(a->store, a->me.org_id, id, a->arena, &p, &ignored))
		return NULL;
	return p.name;
}

/* The person on the owner's side: the owner, or the lead of the owning unit. */
static id_t64 owner_party_of(struct app *a, const struct objective *o)
{
	if (o->owner_person_id)
		return o->owner_person_id;
	struct unit u;
	struct err ignored;
	if (o->owner_unit_id &&
	    !store_unit_get(a->store, a->me.org_id, o->owner_unit_id, a->arena, &u, &ignored))
		return u.lead_id;
	return 0;
}

/* The offer's target of a child objective: its open round's, else its own. */
static int child_target(struct app *a, const struct objective *c, bool *has, double *target,
			struct err *e)
{
	struct move *v;
	size_t n;
	struct nego_state s;
	*has = c->has_target;
	*target = c->target;
	if (store_move_list(a->store, a->me.org_id, c->id, a->arena, &v, &n, e))
		return -1;
	nego_state_of(v, n, &s);
	if (s.open && s.offer && s.offer->t.has_target) {
		*has = true;
		*target = s.offer->t.target;
	}
	return 0;
}

static int load_totals(struct app *a, struct negotiation *n, struct err *e)
{
	struct nego_totals *t = &n->totals;
	memset(t, 0, sizeof(*t));
	struct err ignored;
	if (!n->o.parent_id ||
	    store_objective_get(a->store, a->me.org_id, n->o.parent_id, a->arena, &t->parent,
				&ignored) ||
	    !access_unit_dashboard(&a->me, t->parent.scope_unit_id))
		return 0;
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.parent = t->parent.id;
	f.from = f.to = DAY_NONE;
	struct objective *v;
	size_t nv;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &nv, NULL, e))
		return -1;
	for (size_t i = 0; i < nv; i++) {
		bool has;
		double x;
		switch (v[i].status) {
		case ST_AGREED: case ST_ACHIEVED: case ST_MISSED:
			t->nagreed++;
			t->agreed += v[i].has_target ? v[i].target : 0;
			break;
		case ST_PROPOSED:
			if (child_target(a, &v[i], &has, &x, e))
				return -1;
			t->nproposed++;
			t->proposed += has ? x : 0;
			break;
		case ST_DRAFT:
			t->ndraft++;
			break;
		default:
			break;
		}
	}
	t->shown = true;
	return 0;
}

/* Everything but the totals (the writes need no totals). */
static int load(struct app *a, id_t64 id, struct negotiation *n, struct err *e)
{
	memset(n, 0, sizeof(*n));
	if (app_objective_get(a, id, &n->o, e) ||
	    store_move_list(a->store, a->me.org_id, n->o.id, a->arena, &n->moves, &n->n, e) ||
	    store_agreement_list(a->store, a->me.org_id, n->o.id, a->arena, &n->agreements,
				 &n->nagreements, e))
		return -1;
	nego_state_of(n->moves, n->n, &n->state);
	if (n->o.status != ST_DRAFT && n->o.status != ST_PROPOSED) {
		/* agreed, closed or cancelled: no round waits */
		n->state.open = false;
		n->state.offer = n->state.first = NULL;
	}
	n->owner_party = owner_party_of(a, &n->o);
	n->owner_party_name = person_name(a, n->owner_party);
	n->me = negotiation_side(&a->me, &n->o, n->owner_party);
	bool self = n->owner_party && n->o.created_by == n->owner_party;
	struct err ignored;
	for (int k = 0; n->me && k < MV__COUNT; k++)
		if (k != MV_REOPEN && !nego_move_check(&n->state, n->o.status, (enum move_kind)k,
						       n->me, self, &ignored))
			n->next |= 1u << k;
	if (!n->owner_party)
		n->next &= ~(1u << MV_PROPOSAL);
	bool reopened = n->state.open && n->state.first && n->state.first->kind == MV_REOPEN;
	if (n->o.status == ST_AGREED || n->o.status == ST_ACHIEVED || n->o.status == ST_MISSED ||
	    reopened) {
		n->has_agreed = true;
		terms_of(&n->o, &n->agreed);
	}
	return 0;
}

int app_negotiation_get(struct app *a, id_t64 objective, struct negotiation *out,
			struct err *e)
{
	return load(a, objective, out, e) || load_totals(a, out, e) ? -1 : 0;
}

int app_negotiation_open(struct app *a, const struct objective *o, bool *open, struct err *e)
{
	struct move *v;
	size_t n;
	struct nego_state s;
	if (store_move_list(a->store, a->me.org_id, o->id, a->arena, &v, &n, e))
		return -1;
	nego_state_of(v, n, &s);
	*open = s.open && (o->status == ST_DRAFT || o->status == ST_PROPOSED);
	return 0;
}

/* ---- moves ---- */

static void put_terms(struct objective *o, const struct terms *t)
{
	o->has_target = t->has_target;
	o->target = t->target;
	o->start = t->start;
	o->due = t->due;
	o->indicator = t->indicator;
	o->means_budget = t->budget;
	o->means_time_hours = t->time_hours;
	o->means_support = t->support;
	o->plan_json = t->plan_json;
}

/* The last round's opening move (its bounds carry into a reopening). */
static const struct move *last_opening(const struct negotiation *n)
{
	for (size_t i = n->n; i-- > 0;)
		if (n->moves[i].kind == MV_PROPOSAL || n->moves[i].kind == MV_REOPEN)
			return &n->moves[i];
	return NULL;
}

static int write_move(struct app *a, struct move *m, json_t *before_terms, struct err *e)
{
	if (store_move_add(a->store, m, &m->id, e))
		return -1;
	m->author_name = person_name(a, m->author_id);
	return app_audit(a, "objective", m->objective_id, "round", before_terms,
			 move_json(m, NULL), e);
}

/* The objective as the move leaves it, audited when it changed. */
static int write_objective(struct app *a, const struct objective *before, struct objective *o,
			   struct err *e)
{
	o->updated_at = a->clock.now;
	o->updated_by = a->me.person_id;
	if (store_objective_update(a->store, o, e) || app_results_keep_one_tx(a, o, e))
		return -1;
	return app_audit(a, "objective", o->id, "update", app_objective_json(before),
			 app_objective_json(o), e);
}

static int record_agreement(struct app *a, struct negotiation *n, const struct move *offer,
			    const struct move *acc, struct err *e)
{
	struct agreement g;
	memset(&g, 0, sizeof(g));
	g.org_id = a->me.org_id;
	g.objective_id = n->o.id;
	g.round = acc->round;
	const struct move *own = offer->side == SIDE_OWNER ? offer : acc,
			  *mgr = offer->side == SIDE_OWNER ? acc : offer;
	g.owner_id = own->author_id;
	g.owner_name = person_name(a, own->author_id);
	g.manager_id = mgr->author_id;
	g.manager_name = person_name(a, mgr->author_id);
	g.agreed_on = a->clock.today;
	g.agreed_at = a->clock.now;
	json_t *t = app_terms_json(&offer->t);
	char *text = json_dumps(t, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(t);
	g.terms_json = text ? arena_strdup(a->arena, text) : "{}";
	free(text);
	id_t64 id;
	if (store_agreement_add(a->store, &g, &id, e))
		return -1;
	return app_audit(a, "objective", n->o.id, "agree", NULL,
			 json_pack("{s:i, s:o, s:o, s:o}", "round", g.round,
				   "owner", j_person(g.owner_id, g.owner_name),
				   "manager", j_person(g.manager_id, g.manager_name),
				   "terms", json_loads(g.terms_json, 0, NULL)), e);
}

/* What a kind of move may carry. */
static int check_shape(const struct round_input *in, struct err *e)
{
	uint32_t s = in->terms.set;
	const uint32_t allowed = OF_TARGET | OF_START | OF_DUE | OF_INDICATOR | OF_BUDGET |
				 OF_TIME_HOURS | OF_SUPPORT | OF_PLAN;
	if (s & ~allowed)
		return err_set(e, 422, "invalid_value", "kind", "kind",
			       "target, dates, indicator and means only");
	switch (in->kind) {
	case MV_ACCEPT:
		if (s & OF_TARGET)
			return err_set(e, 422, "invalid_value", "target", "target",
				       "nothing but a reason in an acceptance");
		if (s || in->bounds.given) {
			const char *f = s ? "means" : "bounds";
			return err_set(e, 422, "invalid_value", f, f,
				       "nothing but a reason in an acceptance");
		}
		return 0;
	case MV_COUNTER_MEANS:
	case MV_COUNTER_TARGET:
		if (in->bounds.given)
			return err_set(e, 422, "invalid_value", "bounds", "bounds",
				       "set by the proposal, before anyone answers");
		if (s & (OF_START | OF_DUE | OF_INDICATOR)) {
			const char *f = s & OF_START ? "start" : s & OF_DUE ? "due" : "indicator";
			return err_set(e, 422, "invalid_value", f, f,
				       "the dates and indicator are the proposal's");
		}
		if (in->kind == MV_COUNTER_MEANS && (s & OF_TARGET))
			return err_set(e, 422, "invalid_value", "target", "target",
				       "a target comes in a counter_target, after the means");
		if (in->kind == MV_COUNTER_TARGET && !(s & OF_TARGET))
			return err_set(e, 422, "missing_field", "target", "target", NULL);
		return 0;
	default:
		return 0;
	}
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static bool blank(const char *s)
{
	while (s && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
		s++;
	return !s || !*s;
}

/* The move m waits for the other side's answer: they are told (in the
 * move's transaction). The owner's side is the owner party; the manager's,
 * the objective's creator when not the owner, else the owner's manager. */
static int waiting(struct app *a, const struct negotiation *n, const struct move *m,
		   struct err *e)
{
	id_t64 to = 0;
	if (m->side == SIDE_MANAGER)
		to = n->owner_party;
	else if (n->o.created_by && n->o.created_by != n->owner_party)
		to = n->o.created_by;
	else if (n->owner_party && app_manager_of(a, n->owner_party, &to, e))
		return -1;
	if (!to || to == a->me.person_id)
		return 0;
	char dedupe[80], link[64];
	snprintf(dedupe, sizeof(dedupe), "negotiation:o%lld:r%d:s%d", (long long)m->objective_id,
		 m->round, m->seq);
	snprintf(link, sizeof(link), "/objectives/%lld", (long long)m->objective_id);
	struct notify_event_input ev = { NK_NEGOTIATION_WAITING, dedupe, to, m->objective_id, link,
		{ NK_NEGOTIATION_WAITING, NULL, n->o.title, NULL, NULL }, false };
	return app_notify_emit(a, &ev, &to, 1, e);
}

struct round_tx {
	id_t64 id;
	const struct round_input *in;
	struct negotiation n;
};

static int round_tx(struct app *a, void *arg, struct err *e)
{
	struct round_tx *w = arg;
	const struct round_input *in = w->in;
	struct negotiation *n = &w->n;
	if (load(a, w->id, n, e))
		return -1;
	if (!n->me)
		return err_set(e, 403, "forbidden", NULL, "negotiate this objective", NULL);
	enum move_kind kind = in->kind;
	if (kind == MV_PROPOSAL || kind == MV_REOPEN)
		kind = n->o.status == ST_AGREED ? MV_REOPEN : MV_PROPOSAL;
	struct round_input shaped = *in;
	shaped.kind = kind;
	bool self = n->owner_party && n->o.created_by == n->owner_party;
	if (check_shape(&shaped, e) ||
	    nego_move_check(&n->state, n->o.status, kind, n->me, self, e))
		return -1;
	if (kind == MV_PROPOSAL && !n->owner_party)
		return err_set(e, 422, "invalid_value", "owner_unit_id", "owner_unit_id",
			       "a unit with a lead to negotiate with");
	if ((kind == MV_COUNTER_MEANS || kind == MV_COUNTER_TARGET) && blank(in->reason))
		return err_set(e, 422, "missing_field", "reason", "reason", NULL);
	if (in->reason && utf8_chars(in->reason) > REASON_MAX)
		return err_set(e, 422, "invalid_value", "reason", "reason", "2000 characters at most");

	/* the terms after the move: the input over the offer on the table (or,
	 * for an opening, over the objective's), checked as the objective's */
	const struct move *offer = n->state.open ? n->state.offer : NULL;
	struct terms base;
	if (offer)
		base = offer->t;
	else
		terms_of(&n->o, &base);
	struct objective next = n->o;
	put_terms(&next, &base);
	if (kind != MV_ACCEPT &&
	    (app_objective_apply(&in->terms, &next, e) || objective_validate(&next, e)))
		return -1;
	struct move m;
	memset(&m, 0, sizeof(m));
	terms_of(&next, &m.t);
	if (!m.t.has_target)
		return err_set(e, 422, "missing_field", "target", "target", NULL);
	unsigned diff = terms_diff(&base, &m.t);
	m.org_id = a->me.org_id;
	m.objective_id = n->o.id;
	m.kind = kind;
	m.side = n->me;
	m.author_id = a->me.person_id;
	m.reason = blank(in->reason) ? NULL : in->reason;
	m.created_at = a->clock.now;
	m.round = offer ? n->state.round : n->state.round + 1;
	m.seq = offer ? n->state.seq + 1 : 1;
	switch (kind) {
	case MV_PROPOSAL:
	case MV_REOPEN:
		if (kind == MV_REOPEN && !in->bounds.given) {
			bounds_carry(last_opening(n), m.t.target, &m.low, &m.high);
			const struct move *prev = last_opening(n);
			if (prev && prev->has_pct) {
				m.has_pct = true;
				m.pct_low = prev->pct_low;
				m.pct_high = prev->pct_high;
			}
		} else {
			if (bounds_resolve(&in->bounds, m.t.target, &m.low, &m.high, e))
				return -1;
			m.has_pct = in->bounds.pct;
			m.pct_low = in->bounds.low;
			m.pct_high = in->bounds.high;
		}
		break;
	default:
		m.low = n->state.first->low;
		m.high = n->state.first->high;
		m.has_pct = n->state.first->has_pct;
		m.pct_low = n->state.first->pct_low;
		m.pct_high = n->state.first->pct_high;
		break;
	}
	if (kind == MV_COUNTER_MEANS && !(diff & TF_MEANS))
		return err_set(e, 422, "no_change", "means", "means", NULL);
	if (kind == MV_COUNTER_TARGET) {
		if (!(diff & TF_TARGET))
			return err_set(e, 422, "no_change", "target", "target", NULL);
		if (bounds_check(m.t.target, m.low, m.high, "target", e))
			return -1;
	}

	json_t *before = offer ? app_terms_json(&offer->t) : app_terms_json(&base);
	if (write_move(a, &m, before, e) || (kind != MV_ACCEPT && waiting(a, n, &m, e)))
		return -1;
	struct objective was = n->o, *o = &n->o;
	bool first_round = kind == MV_PROPOSAL ||
			   (n->state.first && n->state.first->kind == MV_PROPOSAL);
	if (kind == MV_ACCEPT) {
		if (record_agreement(a, n, offer, &m, e))
			return -1;
		put_terms(o, &offer->t);
		o->status = ST_AGREED;
	} else if (kind == MV_REOPEN) {
		o->status = ST_PROPOSED;   /* the agreed terms stay in force */
	} else if (first_round) {
		put_terms(o, &m.t);        /* nothing binds yet: the offer is the objective */
		o->status = ST_PROPOSED;
	} else {
		return 0;
	}
	return write_objective(a, &was, o, e);
}

int app_round_add(struct app *a, id_t64 objective, const struct round_input *in,
		  struct negotiation *out, struct err *e)
{
	struct round_tx w;
	memset(&w, 0, sizeof(w));
	w.id = objective;
	w.in = in;
	if (app_tx(a, round_tx, &w, e))
		return -1;
	return app_negotiation_get(a, objective, out, e);
}

int app_round_add_tx(struct app *a, id_t64 objective, const struct round_input *in,
		     struct err *e)
{
	struct round_tx w;
	memset(&w, 0, sizeof(w));
	w.id = objective;
	w.in = in;
	return round_tx(a, &w, e);
}

int app_negotiation_reopen(struct app *a, const struct objective *stored,
			   const struct terms *proposed, const char *reason, struct err *e)
{
	struct negotiation n;
	if (load(a, stored->id, &n, e))
		return -1;
	struct move m;
	memset(&m, 0, sizeof(m));
	m.org_id = a->me.org_id;
	m.objective_id = stored->id;
	m.kind = MV_REOPEN;
	m.side = n.me ? n.me : SIDE_MANAGER;
	m.author_id = a->me.person_id;
	m.t = *proposed;
	m.reason = blank(reason) ? NULL : reason;
	m.created_at = a->clock.now;
	m.round = n.state.round + 1;
	m.seq = 1;
	const struct move *prev = last_opening(&n);
	bounds_carry(prev, proposed->has_target ? proposed->target : 0, &m.low, &m.high);
	if (prev && prev->has_pct) {
		m.has_pct = true;
		m.pct_low = prev->pct_low;
		m.pct_high = prev->pct_high;
	}
	struct terms agreed;
	terms_of(stored, &agreed);
	return write_move(a, &m, app_terms_json(&agreed), e);
}
