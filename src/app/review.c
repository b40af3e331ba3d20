/* Reviews (review.h). */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "app/feedback.h"
#include "app/measure.h"
#include "app/objective.h"
#include "app/notify.h"
#include "app/review.h"

static size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static bool blank(const char *s)
{
	while (s && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
		s++;
	return !s || !*s;
}

const char *review_outcome_word(const char *outcome, enum lang lang)
{
	static const struct { const char *key, *fr, *en; } w[] = {
		{ "achieved", "atteint", "achieved" },
		{ "partly", "en partie", "partly" },
		{ "missed", "manqué", "missed" },
		{ "not_measured", "non mesuré", "not measured" } };
	for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (outcome && !strcmp(outcome, w[i].key))
			return lang == LANG_FR ? w[i].fr : w[i].en;
	return outcome ? outcome : "";
}

/* ---- the objectives of the period and their outcomes ---- */

static json_t *num_or_null(bool has, double v)
{
	return has && isfinite(v) ? json_real(v) : json_null();
}

static int period_objectives(struct app *a, const struct review_row *rv, json_t **out,
			     struct err *e)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = -1;
	f.status = -1;
	f.from = rv->start;
	f.to = rv->end;
	if (!strcmp(rv->subject, "unit"))
		f.owner_unit = rv->subject_id;
	else
		f.owner_person = rv->subject_id;
	struct objective *v;
	size_t n, total;
	struct org org;
	struct mind *inds;
	size_t ni;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &n, &total, e) ||
	    store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e))
		return -1;
	day_t on = a->clock.today < rv->end ? a->clock.today : rv->end;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct objective *o = &v[i];
		if (o->status == ST_CANCELLED || o->due == DAY_NONE || o->due < rv->start ||
		    o->due > rv->end)
			continue;
		struct measured m;
		day_t day = on < o->due ? on : o->due;
		if (measure_objective(a->store, &org, o, day, B_MONTH, inds, ni, a->arena, &m, e)) {
			json_decref(items);
			return -1;
		}
		const char *outcome;
		if (o->status == ST_ACHIEVED)
			outcome = "achieved";
		else if (o->status == ST_MISSED)
			outcome = "missed";
		else if (!m.has_progress)
			outcome = "not_measured";
		else if (m.p.attainment >= 1)
			outcome = "achieved";
		else if (m.p.attainment > 0)
			outcome = "partly";
		else
			outcome = "missed";
		char due[11];
		date_format_iso(o->due, due);
		json_t *x = json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "objective_id",
				      (json_int_t)o->id, "title", o->title ? o->title : "", "indicator",
				      o->indicator ? o->indicator : "", "unit",
				      o->unit_label ? o->unit_label : "", "direction",
				      direction_name(o->direction), "outcome", outcome, "due", due);
		json_object_set_new(x, "status", json_string(status_name(o->status)));
		json_object_set_new(x, "baseline", num_or_null(o->has_baseline, o->baseline));
		json_object_set_new(x, "target", num_or_null(o->has_target, o->target));
		json_object_set_new(x, "value", num_or_null(m.has_value, m.value));
		json_object_set_new(x, "attainment",
				    num_or_null(m.has_progress, m.has_progress ? m.p.attainment : 0));
		json_array_append_new(items, x);
	}
	*out = items;
	return 0;
}

/* ---- reading ---- */

static enum review_side side_of(const struct app *a, const struct review_row *rv)
{
	if (!a->me.person_id)
		return SIDE_NONE;
	if (a->me.person_id == rv->reviewee_id)
		return SIDE_REVIEWEE;
	if (a->me.person_id == rv->manager_id)
		return SIDE_MANAGER;
	return SIDE_NONE;
}

/* The reviewee, a manager of theirs up the chain, hr (the system too). */
static int may_read(struct app *a, const struct review_row *rv, bool *out, struct err *e)
{
	*out = true;
	if (!a->me.person_id || a->me.role == ROLE_HR || side_of(a, rv) != SIDE_NONE)
		return 0;
	return app_is_manager_of(a, a->me.person_id, rv->reviewee_id, out, e);
}

static const char *status_of(const struct review_row *rv)
{
	if (rv->superseded)
		return "superseded";
	if (rv->reviewee_signed_at && rv->manager_signed_at)
		return "signed";
	if (rv->self_at && rv->manager_at)
		return "signing";
	return "writing";
}

static int fill(struct app *a, struct review *out, struct err *e)
{
	struct review_row *rv = &out->row;
	out->status = status_of(rv);
	out->me = side_of(a, rv);
	out->both_submitted = rv->self_at && rv->manager_at;
	out->objectives = NULL;
	if (rv->outcomes) {
		json_error_t je;
		out->objectives = json_loads(rv->outcomes, 0, &je);
	}
	if (!out->objectives && period_objectives(a, rv, &out->objectives, e))
		return -1;
	return 0;
}

static int readable(struct app *a, id_t64 id, struct review_row *out, struct err *e)
{
	struct err ignored;
	bool ok;
	if (store_review_get(a->store, a->me.org_id, id, a->arena, out, &ignored))
		return err_set(e, 404, "not_found", NULL, "review", NULL);
	if (may_read(a, out, &ok, e))
		return -1;
	if (!ok)
		return err_set(e, 404, "not_found", NULL, "review", NULL);
	return 0;
}

int app_review_get(struct app *a, id_t64 id, struct review *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	if (readable(a, id, &out->row, e))
		return -1;
	return fill(a, out, e);
}

int app_review_list(struct app *a, const char *subject, id_t64 subject_id, bool current_only,
		    struct review **v, size_t *n, struct err *e)
{
	struct review_row *rows;
	size_t nr;
	if (store_review_list(a->store, a->me.org_id, subject, subject_id, a->arena, &rows, &nr, e))
		return -1;
	*v = arena_alloc(a->arena, (nr ? nr : 1) * sizeof(**v));
	*n = 0;
	for (size_t i = 0; i < nr; i++) {
		bool ok;
		if (may_read(a, &rows[i], &ok, e))
			return -1;
		if (!ok || (current_only && rows[i].superseded))
			continue;
		struct review *r = &(*v)[(*n)++];
		r->row = rows[i];
		r->status = status_of(&rows[i]);
		r->me = side_of(a, &rows[i]);
		r->both_submitted = rows[i].self_at && rows[i].manager_at;
		r->objectives = NULL;   /* a list carries no outcomes */
	}
	return 0;
}

/* ---- the JSON ---- */

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *time_or_null(int64_t t)
{
	return t ? json_integer(t) : json_null();
}

static json_t *day_json(day_t d)
{
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

static const char *side_name(enum review_side s)
{
	return s == SIDE_REVIEWEE ? "reviewee" : s == SIDE_MANAGER ? "manager" : NULL;
}

json_t *app_review_json(const struct review *r)
{
	const struct review_row *rv = &r->row;
	json_t *v = json_object();
	json_object_set_new(v, "id", json_integer(rv->id));
	json_object_set_new(v, "subject", json_string(rv->subject));
	json_object_set_new(v, "subject_id", json_integer(rv->subject_id));
	json_object_set_new(v, "subject_name", str_or_null(rv->subject_name));
	json_object_set_new(v, "reviewee_id", json_integer(rv->reviewee_id));
	json_object_set_new(v, "reviewee_name", str_or_null(rv->reviewee_name));
	json_object_set_new(v, "manager_id", json_integer(rv->manager_id));
	json_object_set_new(v, "manager_name", str_or_null(rv->manager_name));
	json_object_set_new(v, "period", json_string(rv->period));
	json_object_set_new(v, "start", day_json(rv->start));
	json_object_set_new(v, "end", day_json(rv->end));
	json_object_set_new(v, "version", json_integer(rv->version));
	json_object_set_new(v, "previous_id", rv->previous_id ? json_integer(rv->previous_id)
							       : json_null());
	json_object_set_new(v, "status", json_string(r->status));
	json_object_set_new(v, "my_side", str_or_null(side_name(r->me)));
	json_object_set_new(v, "worked", json_string(rv->worked ? rv->worked : ""));
	json_object_set_new(v, "not_worked", json_string(rv->not_worked ? rv->not_worked : ""));
	json_object_set_new(v, "ideas", json_string(rv->ideas ? rv->ideas : ""));
	bool self_shown = r->both_submitted || r->me == SIDE_REVIEWEE;
	bool mgr_shown = r->both_submitted || r->me == SIDE_MANAGER;
	json_object_set_new(v, "self_assessment",
			    self_shown ? json_string(rv->self_text ? rv->self_text : "") : json_null());
	json_object_set_new(v, "manager_assessment",
			    mgr_shown ? json_string(rv->manager_text ? rv->manager_text : "")
				      : json_null());
	json_object_set_new(v, "self_submitted_at", time_or_null(rv->self_at));
	json_object_set_new(v, "manager_submitted_at", time_or_null(rv->manager_at));
	json_object_set_new(v, "reviewee_signature",
			    rv->reviewee_signed_at
				    ? json_pack("{s:s, s:I}", "name",
						rv->reviewee_signed_name ? rv->reviewee_signed_name : "",
						"at", (json_int_t)rv->reviewee_signed_at)
				    : json_null());
	json_object_set_new(v, "manager_signature",
			    rv->manager_signed_at
				    ? json_pack("{s:s, s:I}", "name",
						rv->manager_signed_name ? rv->manager_signed_name : "",
						"at", (json_int_t)rv->manager_signed_at)
				    : json_null());
	json_object_set_new(v, "reopen_reason", str_or_null(rv->reopen_reason));
	json_object_set_new(v, "created_at", json_integer(rv->created_at));
	json_object_set_new(v, "updated_at", json_integer(rv->updated_at));
	if (r->objectives)
		json_object_set(v, "objectives", r->objectives);
	return v;
}

/* What the audit keeps of a review: who, what period, where it stands;
 * never the texts. */
static json_t *presence(const struct review_row *rv)
{
	json_t *v = json_pack("{s:I, s:s, s:I, s:I, s:I, s:s, s:i}", "id", (json_int_t)rv->id,
			      "subject", rv->subject, "subject_id", (json_int_t)rv->subject_id,
			      "reviewee_id", (json_int_t)rv->reviewee_id, "manager_id",
			      (json_int_t)rv->manager_id, "period", rv->period, "version",
			      rv->version);
	json_object_set_new(v, "start", day_json(rv->start));
	json_object_set_new(v, "status", json_string(status_of(rv)));
	json_object_set_new(v, "self_submitted", json_boolean(rv->self_at != 0));
	json_object_set_new(v, "manager_submitted", json_boolean(rv->manager_at != 0));
	json_object_set_new(v, "reviewee_signed_by", str_or_null(rv->reviewee_signed_name));
	json_object_set_new(v, "manager_signed_by", str_or_null(rv->manager_signed_name));
	return v;
}

/* ---- creating ---- */

struct rv_tx {
	struct review_row *rv, *old;
	const char *action;
};

static int create_tx(struct app *a, void *arg, struct err *e)
{
	struct rv_tx *w = arg;
	id_t64 cur;
	int found;
	if (store_review_current(a->store, a->me.org_id, w->rv->subject, w->rv->subject_id,
				 w->rv->period, w->rv->start, &cur, &found, e))
		return -1;
	if (found && (!w->old || cur != w->old->id))
		return err_set(e, 409, "conflict", "period", "a review of this period exists", NULL);
	if (w->old) {
		json_t *before = presence(w->old);
		w->old->superseded = true;
		w->old->updated_at = a->clock.now;
		if (store_review_update(a->store, w->old, e)) {
			json_decref(before);
			return -1;
		}
		if (app_audit(a, "review", w->old->id, "reopen", before, presence(w->old), e))
			return -1;
	}
	if (store_review_create(a->store, w->rv, &w->rv->id, e))
		return -1;
	json_t *after = presence(w->rv);
	if (w->rv->reopen_reason)
		json_object_set_new(after, "reason", json_string(w->rv->reopen_reason));
	return app_audit(a, "review", w->rv->id, w->action, NULL, after, e);
}

int app_review_create(struct app *a, const struct review_create_input *in,
		      struct review *out, struct err *e)
{
	const char *subject = in->subject ? in->subject : "person";
	if (strcmp(subject, "person") && strcmp(subject, "unit"))
		return err_set(e, 422, "invalid_value", "subject", "subject", "person or unit");
	if (!in->subject_id)
		return err_set(e, 422, "missing_field", !strcmp(subject, "unit") ? "unit_id"
										 : "person_id",
			       !strcmp(subject, "unit") ? "unit_id" : "person_id", NULL);
	if (!in->period)
		return err_set(e, 422, "missing_field", "period", "period", NULL);
	bool year = !strcmp(in->period, "year");
	if (!year && strcmp(in->period, "quarter"))
		return err_set(e, 422, "invalid_value", "period", "period", "quarter or year");
	if (in->year < 2000 || in->year > 2100)
		return err_set(e, 422, "invalid_value", "year", "year", "a year from 2000 to 2100");
	if (!year && (in->quarter < 1 || in->quarter > 4))
		return err_set(e, 422, "invalid_value", "quarter", "quarter", "1, 2, 3 or 4");
	if (year && in->quarter)
		return err_set(e, 422, "invalid_value", "quarter", "quarter",
			       "none for a yearly review");
	struct review_row rv;
	memset(&rv, 0, sizeof(rv));
	rv.org_id = a->me.org_id;
	rv.subject = subject;
	rv.subject_id = in->subject_id;
	rv.period = year ? "year" : "quarter";
	rv.start = date_from_ymd(in->year, year ? 1 : 3 * in->quarter - 2, 1);
	rv.end = year ? date_from_ymd(in->year, 12, 31) : date_quarter_end(rv.start);
	rv.version = 1;
	struct err ignored;
	struct person reviewee;
	if (!strcmp(subject, "unit")) {
		struct unit u;
		if (store_unit_get(a->store, a->me.org_id, in->subject_id, a->arena, &u, &ignored))
			return err_set(e, 422, "unknown_reference", "unit_id", "unit_id", "a unit");
		if (!u.lead_id)
			return err_set(e, 422, "invalid_value", "unit_id", "unit_id",
				       "a team with a lead");
		rv.reviewee_id = u.lead_id;
	} else {
		rv.reviewee_id = in->subject_id;
	}
	if (store_person_get(a->store, a->me.org_id, rv.reviewee_id, a->arena, &reviewee,
			     &ignored) || !reviewee.active)
		return err_set(e, 422, "unknown_reference",
			       !strcmp(subject, "unit") ? "unit_id" : "person_id",
			       !strcmp(subject, "unit") ? "unit_id" : "person_id", "a person");
	if (app_manager_of_person(a, &reviewee, &rv.manager_id, e))
		return -1;
	if (!rv.manager_id)
		return err_set(e, 422, "invalid_value",
			       !strcmp(subject, "unit") ? "unit_id" : "person_id",
			       !strcmp(subject, "unit") ? "unit_id" : "person_id",
			       "someone with a manager");
	bool ok;
	if (may_read(a, &rv, &ok, e))
		return -1;
	if (!ok)
		return err_set(e, 404, "not_found", NULL, "person", NULL);
	rv.created_by = a->me.person_id;
	rv.created_at = rv.updated_at = a->clock.now;
	struct rv_tx w = { &rv, NULL, "create" };
	if (app_tx(a, create_tx, &w, e))
		return -1;
	memset(out, 0, sizeof(*out));
	return app_review_get(a, rv.id, out, e);
}

/* ---- writing ---- */

/* The review (read) as a party may change it: not superseded, not signed. */
static int writable(struct app *a, const struct review_row *rv, const char *verb, struct err *e)
{
	if (side_of(a, rv) == SIDE_NONE)
		return err_set(e, 403, "forbidden", NULL, verb, NULL);
	if (rv->superseded)
		return err_set(e, 409, "conflict", "version",
			       "this version was reopened: change the new one", NULL);
	if (rv->reviewee_signed_at || rv->manager_signed_at)
		return err_set(e, 409, "conflict", "signature",
			       "the review is signed: reopen it to change it", NULL);
	return 0;
}

static int check_text(const char *field, const char *text, struct err *e)
{
	if (!text)
		return err_set(e, 422, "invalid_value", field, field, "a text");
	if (utf8_len(text) > REVIEW_TEXT_MAX)
		return err_set(e, 422, "invalid_value", field, field, "10000 characters at most");
	return 0;
}

/* A change of one review: read, checked and written inside one transaction,
 * so that the two parties writing at once never lose each other's part. */
struct up_tx {
	id_t64 id;
	int (*change)(struct app *a, struct review_row *rv, const void *arg, struct err *e);
	const void *arg;
	const char *action;
	struct review_row rv;
};

static int update_tx(struct app *a, void *arg, struct err *e)
{
	struct up_tx *w = arg;
	if (readable(a, w->id, &w->rv, e))
		return -1;
	json_t *before = presence(&w->rv);
	if (w->change(a, &w->rv, w->arg, e)) {
		json_decref(before);
		return -1;
	}
	w->rv.updated_at = a->clock.now;
	if (store_review_update(a->store, &w->rv, e)) {
		json_decref(before);
		return -1;
	}
	return app_audit(a, "review", w->rv.id, w->action, before, presence(&w->rv), e);
}

static int run_update(struct app *a, id_t64 id,
		      int (*change)(struct app *, struct review_row *, const void *, struct err *),
		      const void *arg, const char *action, struct review *out, struct err *e)
{
	struct up_tx w;
	memset(&w, 0, sizeof(w));
	w.id = id;
	w.change = change;
	w.arg = arg;
	w.action = action;
	if (app_tx(a, update_tx, &w, e))
		return -1;
	memset(out, 0, sizeof(*out));
	out->row = w.rv;
	return fill(a, out, e);
}

static int write_change(struct app *a, struct review_row *rv, const void *arg, struct err *e)
{
	const struct review_input *in = arg;
	if (writable(a, rv, "write this review", e))
		return -1;
	enum review_side me = side_of(a, rv);
	if ((in->set & RV_SELF) && me != SIDE_REVIEWEE)
		return err_set(e, 403, "forbidden", "self_assessment", "write the other side's assessment",
			       NULL);
	if ((in->set & RV_MANAGER) && me != SIDE_MANAGER)
		return err_set(e, 403, "forbidden", "manager_assessment",
			       "write the other side's assessment", NULL);
	if ((in->set & RV_SELF) && rv->self_at)
		return err_set(e, 409, "conflict", "self_assessment", "the assessment is submitted",
			       NULL);
	if ((in->set & RV_MANAGER) && rv->manager_at)
		return err_set(e, 409, "conflict", "manager_assessment",
			       "the assessment is submitted", NULL);
	if (((in->set & RV_WORKED) && check_text("worked", in->worked, e)) ||
	    ((in->set & RV_NOT_WORKED) && check_text("not_worked", in->not_worked, e)) ||
	    ((in->set & RV_IDEAS) && check_text("ideas", in->ideas, e)) ||
	    ((in->set & RV_SELF) && check_text("self_assessment", in->self_assessment, e)) ||
	    ((in->set & RV_MANAGER) && check_text("manager_assessment", in->manager_assessment, e)))
		return -1;
	if (in->set & RV_WORKED)
		rv->worked = in->worked;
	if (in->set & RV_NOT_WORKED)
		rv->not_worked = in->not_worked;
	if (in->set & RV_IDEAS)
		rv->ideas = in->ideas;
	if (in->set & RV_SELF)
		rv->self_text = in->self_assessment;
	if (in->set & RV_MANAGER)
		rv->manager_text = in->manager_assessment;
	return 0;
}

int app_review_update(struct app *a, id_t64 id, const struct review_input *in,
		      struct review *out, struct err *e)
{
	return run_update(a, id, write_change, in, "write", out, e);
}

static int submit_change(struct app *a, struct review_row *rv, const void *arg, struct err *e)
{
	(void)arg;
	if (writable(a, rv, "submit an assessment of this review", e))
		return -1;
	bool self = side_of(a, rv) == SIDE_REVIEWEE;
	const char *field = self ? "self_assessment" : "manager_assessment";
	if (self ? rv->self_at : rv->manager_at)
		return err_set(e, 409, "conflict", field, "the assessment is submitted", NULL);
	if (blank(self ? rv->self_text : rv->manager_text))
		return err_set(e, 422, "missing_field", field, field, NULL);
	if (self)
		rv->self_at = a->clock.now;
	else
		rv->manager_at = a->clock.now;
	return 0;
}

int app_review_submit(struct app *a, id_t64 id, struct review *out, struct err *e)
{
	return run_update(a, id, submit_change, NULL, "submit", out, e);
}

/* One side signed: the other (to) is told, in the signature's transaction,
 * once per version and side. */
static int signature_waits(struct app *a, const struct review_row *rv, id_t64 to,
			   const char *signer, struct err *e)
{
	if (!to || to == a->me.person_id)
		return 0;
	char dedupe[96], link[48], s[11], t[11];
	snprintf(dedupe, sizeof(dedupe), "review-signature:r%lld:v%d:p%lld", (long long)rv->id,
		 rv->version, (long long)to);
	snprintf(link, sizeof(link), "/reviews/%lld", (long long)rv->id);
	date_format_iso(rv->start, s);
	date_format_iso(rv->end, t);
	const char *title = arena_printf(a->arena, "%s, %s – %s",
					 rv->subject_name ? rv->subject_name : "", s, t);
	struct notify_event_input ev = { NK_REVIEW_SIGNATURE, dedupe, rv->reviewee_id, 0, link,
		{ NK_REVIEW_SIGNATURE, signer, title, NULL, NULL }, false };
	return app_notify_emit(a, &ev, &to, 1, e);
}

static int sign_change(struct app *a, struct review_row *rv, const void *arg, struct err *e)
{
	(void)arg;
	struct err ignored;
	enum review_side me = side_of(a, rv);
	if (me == SIDE_NONE)
		return err_set(e, 403, "forbidden", NULL, "sign this review", NULL);
	if (rv->superseded)
		return err_set(e, 409, "conflict", "version",
			       "this version was reopened: change the new one", NULL);
	if (!rv->self_at || !rv->manager_at)
		return err_set(e, 409, "conflict", "signature",
			       "both assessments must be submitted first", NULL);
	if (me == SIDE_REVIEWEE ? rv->reviewee_signed_at : rv->manager_signed_at)
		return err_set(e, 409, "conflict", "signature", "already signed", NULL);
	struct person p;
	if (store_person_get(a->store, a->me.org_id, a->me.person_id, a->arena, &p, &ignored))
		return err_set(e, 404, "not_found", NULL, "person", NULL);
	if (me == SIDE_REVIEWEE) {
		rv->reviewee_signed_at = a->clock.now;
		rv->reviewee_signed_name = p.name;
	} else {
		rv->manager_signed_at = a->clock.now;
		rv->manager_signed_name = p.name;
	}
	if (!(rv->reviewee_signed_at && rv->manager_signed_at) &&
	    signature_waits(a, rv, me == SIDE_REVIEWEE ? rv->manager_id : rv->reviewee_id, p.name, e))
		return -1;
	if (rv->reviewee_signed_at && rv->manager_signed_at) {
		/* the outcomes as they stand at the second signature */
		json_t *items;
		if (period_objectives(a, rv, &items, e))
			return -1;
		char *s = json_dumps(items, JSON_COMPACT);
		json_decref(items);
		size_t len = s ? strlen(s) : 0;
		char *copy = arena_alloc(a->arena, len + 1);
		if (s)
			memcpy(copy, s, len);
		free(s);
		rv->outcomes = copy;
	}
	return 0;
}

int app_review_sign(struct app *a, id_t64 id, struct review *out, struct err *e)
{
	return run_update(a, id, sign_change, NULL, "sign", out, e);
}

int app_review_reopen(struct app *a, id_t64 id, const char *reason, struct review *out,
		      struct err *e)
{
	struct review_row old;
	if (readable(a, id, &old, e))
		return -1;
	if (side_of(a, &old) == SIDE_NONE)
		return err_set(e, 403, "forbidden", NULL, "reopen this review", NULL);
	if (old.superseded)
		return err_set(e, 409, "conflict", "version",
			       "this version was reopened: change the new one", NULL);
	if (!(old.reviewee_signed_at && old.manager_signed_at))
		return err_set(e, 409, "conflict", "status", "only a signed review is reopened", NULL);
	if (blank(reason))
		return err_set(e, 422, "missing_field", "reason", "reason", NULL);
	if (utf8_len(reason) > 2000)
		return err_set(e, 422, "invalid_value", "reason", "reason", "2000 characters at most");
	struct review_row rv = old;
	rv.id = 0;
	rv.version = old.version + 1;
	rv.previous_id = old.id;
	rv.superseded = false;
	rv.self_at = rv.manager_at = 0;
	rv.reviewee_signed_at = rv.manager_signed_at = 0;
	rv.reviewee_signed_name = rv.manager_signed_name = NULL;
	rv.outcomes = NULL;
	rv.reopen_reason = reason;
	rv.created_by = a->me.person_id;
	rv.created_at = rv.updated_at = a->clock.now;
	struct rv_tx w = { &rv, &old, "create" };
	if (app_tx(a, create_tx, &w, e))
		return -1;
	memset(out, 0, sizeof(*out));
	return app_review_get(a, rv.id, out, e);
}

/* ---- next period's drafts ---- */

struct dr_tx {
	const struct review_row *rv;
	const struct review_draft_item *items;
	size_t n;
	struct objective *out;
};

static int drafts_tx(struct app *a, void *arg, struct err *e)
{
	struct dr_tx *w = arg;
	const struct review_row *rv = w->rv;
	bool year = !strcmp(rv->period, "year");
	day_t start = rv->end + 1;
	day_t due = year ? date_add_months(start, 12) - 1 : date_quarter_end(start);
	id_t64 first_axis = 0;
	for (size_t i = 0; i < w->n; i++) {
		const struct review_draft_item *it = &w->items[i];
		struct objective_input in;
		memset(&in, 0, sizeof(in));
		in.start = start;
		in.due = due;
		in.set = OF_START | OF_DUE | OF_STATUS;
		in.status = ST_DRAFT;
		if (!strcmp(rv->subject, "unit")) {
			in.owner_unit_id = rv->subject_id;
			in.set |= OF_OWNER_UNIT;
		} else {
			in.owner_person_id = rv->subject_id;
			in.set |= OF_OWNER_PERSON;
		}
		char field[48];
		if (it->objective_id) {
			struct objective o, *up;
			size_t nup;
			id_t64 axis = 0;
			struct err ignored;
			snprintf(field, sizeof(field), "items[%zu].objective_id", i);
			if (store_objective_get(a->store, a->me.org_id, it->objective_id, a->arena, &o,
						&ignored) ||
			    (!strcmp(rv->subject, "unit") ? o.owner_unit_id : o.owner_person_id) !=
				    rv->subject_id ||
			    o.due == DAY_NONE || o.due < rv->start || o.due > rv->end)
				return err_set(e, 422, "invalid_value", field, field,
					       "an objective of the review");
			if (app_objective_chain(a, &o, &up, &nup, &axis, e))
				return -1;
			in.level = o.level;
			in.axis_id = o.axis_id ? o.axis_id : axis;
			in.title = o.title;
			in.what = o.what;
			in.who = o.who;
			in.where = o.where_;
			in.why = o.why;
			in.how = o.how;
			in.indicator = o.indicator;
			in.unit = o.unit_label;
			in.direction = o.direction;
			in.has_baseline = o.has_baseline;
			in.baseline = o.baseline;
			in.has_target = o.has_target || it->has_target;
			in.target = it->has_target ? it->target : o.target;
			in.weight = o.weight;
			in.set |= OF_LEVEL | OF_AXIS | OF_TITLE | OF_WHAT | OF_WHO | OF_WHERE | OF_WHY |
				  OF_HOW | OF_INDICATOR | OF_UNIT | OF_DIRECTION | OF_WEIGHT |
				  (in.has_baseline ? OF_BASELINE : 0) | (in.has_target ? OF_TARGET : 0);
			if (!first_axis)
				first_axis = in.axis_id;
		} else {
			snprintf(field, sizeof(field), "items[%zu].title", i);
			if (blank(it->title))
				return err_set(e, 422, "missing_field", field, field, NULL);
			in.title = it->title;
			in.indicator = it->indicator;
			in.unit = it->unit;
			in.has_target = it->has_target;
			in.target = it->target;
			in.axis_id = it->axis_id ? it->axis_id : first_axis;
			if (!in.axis_id) {
				snprintf(field, sizeof(field), "items[%zu].axis_id", i);
				return err_set(e, 422, "missing_field", field, field, NULL);
			}
			in.set |= OF_TITLE | OF_AXIS | (it->indicator ? OF_INDICATOR : 0) |
				  (it->unit ? OF_UNIT : 0) | (it->has_target ? OF_TARGET : 0);
		}
		if (app_objective_create_tx(a, &in, &w->out[i], e))
			return -1;
	}
	return app_audit(a, "review", rv->id, "draft", NULL,
			 json_pack("{s:I, s:I}", "id", (json_int_t)rv->id, "drafts",
				   (json_int_t)w->n), e);
}

int app_review_drafts(struct app *a, id_t64 id, const struct review_draft_item *items,
		      size_t n, struct objective **out, size_t *nout, struct err *e)
{
	struct review_row rv;
	if (readable(a, id, &rv, e))
		return -1;
	if (side_of(a, &rv) != SIDE_MANAGER)
		return err_set(e, 403, "forbidden", NULL, "draft objectives from this review", NULL);
	if (rv.superseded || !(rv.reviewee_signed_at && rv.manager_signed_at))
		return err_set(e, 409, "conflict", "status",
			       "only a signed review drafts the next objectives", NULL);
	if (!n)
		return err_set(e, 422, "missing_field", "items", "items", NULL);
	if (n > 50)
		return err_set(e, 422, "invalid_value", "items", "items", "50 items at most");
	struct dr_tx w = { &rv, items, n, arena_alloc(a->arena, n * sizeof(struct objective)) };
	if (app_tx(a, drafts_tx, &w, e))
		return -1;
	*out = w.out;
	*nout = n;
	return 0;
}
