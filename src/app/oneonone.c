/* One-to-ones (oneonone.h). */
#include <string.h>
#include "app/feedback.h"
#include "app/measure.h"
#include "app/result.h"
#include "app/objective.h"
#include "app/oneonone.h"
#include "app/rhythm.h"
#include "core/rhythm.h"

static size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static json_t *j_day(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

static json_t *j_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* ---- the JSON ---- */

json_t *app_action_json(const struct action_row *x)
{
	json_t *v = json_pack("{s:I, s:I, s:I, s:o, s:s, s:o, s:b, s:o, s:o}", "id",
			      (json_int_t)x->id, "one_to_one_id", (json_int_t)x->meeting_id,
			      "owner_id", (json_int_t)x->owner_id, "owner_name", j_str(x->owner_name),
			      "title", x->title ? x->title : "", "due", j_day(x->due), "done", x->done,
			      "done_at", x->done_at ? json_integer(x->done_at) : json_null(),
			      "one_to_one_day", j_day(x->meeting_day));
	return v;
}

json_t *app_oneonone_row_json(const struct oneonone_row *m, day_t today)
{
	return json_pack("{s:I, s:I, s:o, s:I, s:o, s:o, s:b, s:I, s:I}", "id", (json_int_t)m->id,
			 "manager_id", (json_int_t)m->manager_id, "manager_name",
			 j_str(m->manager_name), "member_id", (json_int_t)m->member_id,
			 "member_name", j_str(m->member_name), "day", j_day(m->day), "upcoming",
			 m->day >= today, "created_at", (json_int_t)m->created_at, "updated_at",
			 (json_int_t)m->updated_at);
}

json_t *app_oneonone_json(const struct oneonone *o, day_t today)
{
	json_t *v = app_oneonone_row_json(&o->m, today);
	json_object_set_new(v, "shared_notes", json_string(o->m.shared_notes ? o->m.shared_notes : ""));
	json_object_set_new(v, "private_notes", j_str(o->private_notes));
	json_t *acts = json_array();
	for (size_t i = 0; i < o->nactions; i++)
		json_array_append_new(acts, app_action_json(&o->actions[i]));
	json_object_set_new(v, "actions", acts);
	json_t *risk = json_array(), *cks = json_array(), *fb = json_array(), *open = json_array();
	for (size_t i = 0; i < o->nrisk; i++)
		json_array_append_new(risk, json_pack("{s:I, s:s, s:s, s:s}", "objective_id",
			(json_int_t)o->at_risk[i].o->id, "title", o->at_risk[i].o->title,
			"status", o->at_risk[i].status, "why", o->at_risk[i].why));
	for (size_t i = 0; i < o->ncheckins; i++)
		json_array_append_new(cks, app_checkin_json(&o->checkins[i]));
	for (size_t i = 0; i < o->nfeedback; i++)
		json_array_append_new(fb, app_feedback_json(&o->feedback[i]));
	for (size_t i = 0; i < o->nopen; i++)
		json_array_append_new(open, app_action_json(&o->open_actions[i]));
	json_object_set_new(v, "agenda", json_pack("{s:o, s:o, s:o, s:o, s:o}", "previous_day",
		o->has_previous ? j_day(o->previous_day) : json_null(), "at_risk", risk,
		"checkins", cks, "feedback", fb, "open_actions", open));
	return v;
}

/* What the audit keeps of a one-to-one: who, when; not the notes. */
static json_t *presence(const struct oneonone_row *m)
{
	return json_pack("{s:I, s:I, s:I, s:o}", "id", (json_int_t)m->id, "manager_id",
			 (json_int_t)m->manager_id, "member_id", (json_int_t)m->member_id, "day",
			 j_day(m->day));
}

/* ---- reading ---- */

static int readable(struct app *a, id_t64 id, struct oneonone_row *out, struct err *e)
{
	struct org org;
	struct err ignored;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e))
		return -1;
	if (store_oneonone_get(a->store, a->me.org_id, id, a->arena, out, &ignored) ||
	    !access_private_read(&a->me, out->manager_id, out->member_id, org.admins_read_feedback))
		return err_set(e, 404, "not_found", NULL, "one-to-one", NULL);
	return 0;
}

static bool party(const struct app *a, const struct oneonone_row *m)
{
	return a->me.person_id && (a->me.person_id == m->manager_id ||
				   a->me.person_id == m->member_id);
}

/* The member's objectives at risk: by their measured progress, else by
 * what their last check-in said. */
static int at_risk(struct app *a, const struct oneonone_row *m, struct oneonone *out,
		   struct err *e)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.owner_person = m->member_id;
	struct objective *v;
	size_t n;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &n, NULL, e))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if ((v[i].status == ST_DRAFT || v[i].status == ST_PROPOSED ||
		     v[i].status == ST_AGREED) && access_objective_read(&a->me, &v[i]))
			v[k++] = v[i];
	n = k;
	struct org org;
	struct mind *inds;
	size_t ni;
	struct measured *ms = arena_alloc(a->arena, (n + 1) * sizeof(*ms));
	struct checkin *last;
	struct ids ids = { arena_alloc(a->arena, (n + 1) * sizeof(id_t64)), n };
	for (size_t i = 0; i < n; i++)
		ids.v[i] = v[i].id;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e) ||
	    measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	    measure_kept(a->store, &org, v, n, a->clock.today, B_MONTH, inds, ni, a->arena, ms, e) ||
	    store_checkin_last(a->store, a->me.org_id, &ids, a->arena, &last, e))
		return -1;
	out->at_risk = arena_alloc(a->arena, (n + 1) * sizeof(*out->at_risk));
	out->nrisk = 0;
	for (size_t i = 0; i < n; i++) {
		struct agenda_item it = { &v[i], NULL, NULL };
		if (ms[i].has_progress && (ms[i].p.status == PS_AT_RISK ||
					   ms[i].p.status == PS_OFF_TRACK)) {
			it.why = "measured";
			it.status = pstatus_name(ms[i].p.status);
		} else if (last[i].id && (last[i].confidence == CONF_AT_RISK ||
					  last[i].confidence == CONF_OFF_TRACK)) {
			it.why = "checkin";
			it.status = confidence_name(last[i].confidence);
		}
		if (it.why)
			out->at_risk[out->nrisk++] = it;
	}
	/* the check-ins since the last one-to-one, on every one of their objectives */
	int64_t since = out->has_previous ? (int64_t)out->previous_day * 86400 : 0;
	return store_checkin_since(a->store, a->me.org_id, &ids, since, 50, a->arena,
				   &out->checkins, &out->ncheckins, e);
}

static int fill(struct app *a, struct oneonone *out, struct err *e)
{
	const struct oneonone_row *m = &out->m;
	struct oneonone_row prev;
	int found;
	out->private_notes = NULL;
	if ((a->me.person_id &&
	     store_oneonone_note_get(a->store, a->me.org_id, m->id, a->me.person_id, a->arena,
				     &out->private_notes, e)) ||
	    store_action_list(a->store, a->me.org_id, m->id, a->arena, &out->actions,
			      &out->nactions, e) ||
	    store_oneonone_previous(a->store, m, a->arena, &prev, &found, e))
		return -1;
	out->has_previous = found;
	out->previous_day = found ? prev.day : DAY_NONE;
	struct feedback_row *fb;
	size_t nfb;
	if (at_risk(a, m, out, e) ||
	    store_feedback_threads(a->store, a->me.org_id, m->member_id, a->arena, &fb, &nfb, e) ||
	    store_action_open_before(a->store, m, a->arena, &out->open_actions, &out->nopen, e))
		return -1;
	out->feedback = fb;
	out->nfeedback = 0;
	for (size_t i = 0; i < nfb; i++) {
		id_t64 other = fb[i].from_id == m->member_id ? fb[i].to_id : fb[i].from_id;
		if (other == m->manager_id && !fb[i].closed_at)
			out->feedback[out->nfeedback++] = fb[i];
	}
	return 0;
}

int app_oneonone_get(struct app *a, id_t64 id, struct oneonone *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	if (readable(a, id, &out->m, e))
		return -1;
	return fill(a, out, e);
}

int app_oneonone_list(struct app *a, id_t64 person, struct oneonone_row **v, size_t *n,
		      struct err *e)
{
	if (!person)
		person = a->me.person_id;
	if (person != a->me.person_id) {
		struct org org;
		if (store_org_get(a->store, a->me.org_id, a->arena, &org, e))
			return -1;
		if (!(a->me.role == ROLE_HR || (a->me.role == ROLE_ADMIN && org.admins_read_feedback)))
			return err_set(e, 403, "forbidden", NULL,
				       "read another person's one-to-ones", NULL);
	}
	if (!person) {
		*v = arena_alloc(a->arena, sizeof(**v));
		*n = 0;
		return 0;
	}
	return store_oneonone_list(a->store, a->me.org_id, person, a->arena, v, n, e);
}

/* ---- writing ---- */

static int check_notes(const char *field, const char *s, struct err *e)
{
	if (s && utf8_len(s) > NOTES_MAX)
		return err_set(e, 422, "invalid_value", field, field, "10000 characters at most");
	return 0;
}

struct oo_tx {
	struct oneonone_row *m;
	const struct oneonone_input *in;
	json_t *before;
};

static int create_tx(struct app *a, void *arg, struct err *e)
{
	struct oo_tx *w = arg;
	if (store_oneonone_create(a->store, w->m, &w->m->id, e))
		return -1;
	if ((w->in->set & OO_PRIVATE) &&
	    store_oneonone_note_set(a->store, a->me.org_id, w->m->id, a->me.person_id,
				    w->in->private_notes, a->clock.now, e))
		return -1;
	return app_audit(a, "one_to_one", w->m->id, "create", NULL, presence(w->m), e);
}

int app_oneonone_create(struct app *a, const struct oneonone_input *in, struct oneonone *out,
			struct err *e)
{
	id_t64 me = a->me.person_id;
	if (!me)
		return err_set(e, 403, "forbidden", NULL, "plan this one-to-one", NULL);
	id_t64 manager = (in->set & OO_MANAGER) ? in->manager_id : 0;
	id_t64 member = (in->set & OO_MEMBER) ? in->member_id : 0;
	if (!member && manager && manager != me)
		member = me;
	if (!manager && member && member != me)
		manager = me;
	if (!member)
		return err_set(e, 422, "missing_field", "member_id", "member_id", NULL);
	if (!manager)
		return err_set(e, 422, "missing_field", "manager_id", "manager_id", NULL);
	if (member == manager)
		return err_set(e, 422, "invalid_value", "member_id", "member_id",
			       "someone other than the manager: a one-to-one is between two people");
	struct person pm, pg;
	struct err ignored;
	if (store_person_get(a->store, a->me.org_id, member, a->arena, &pm, &ignored) || !pm.active)
		return err_set(e, 422, "unknown_reference", "member_id", "member_id", "a person");
	if (store_person_get(a->store, a->me.org_id, manager, a->arena, &pg, &ignored) || !pg.active)
		return err_set(e, 422, "unknown_reference", "manager_id", "manager_id", "a person");
	if (me != member && me != manager)
		return err_set(e, 403, "forbidden", NULL, "plan this one-to-one", NULL);
	bool reach;
	if (app_within_reach(a, member, manager, &reach, e))
		return -1;
	if (!reach)
		return err_set(e, 422, "invalid_value", "manager_id", "manager_id",
			       "a manager of the member's chain");
	if (!(in->set & OO_DAY) || in->day == DAY_NONE)
		return err_set(e, 422, "missing_field", "day", "day", NULL);
	if (check_notes("shared_notes", in->shared_notes, e) ||
	    check_notes("private_notes", in->private_notes, e))
		return -1;
	memset(out, 0, sizeof(*out));
	struct oneonone_row *m = &out->m;
	m->org_id = a->me.org_id;
	m->manager_id = manager;
	m->member_id = member;
	m->day = in->day;
	m->shared_notes = (in->set & OO_SHARED) && in->shared_notes ? in->shared_notes : "";
	m->created_by = me;
	m->created_at = m->updated_at = a->clock.now;
	struct oo_tx w = { m, in, NULL };
	if (app_tx(a, create_tx, &w, e))
		return -1;
	return app_oneonone_get(a, m->id, out, e);
}

static int update_tx(struct app *a, void *arg, struct err *e)
{
	struct oo_tx *w = arg;
	if ((w->in->set & (OO_DAY | OO_SHARED)) && store_oneonone_update(a->store, w->m, e))
		goto fail;
	if ((w->in->set & OO_PRIVATE) &&
	    store_oneonone_note_set(a->store, a->me.org_id, w->m->id, a->me.person_id,
				    w->in->private_notes, a->clock.now, e))
		goto fail;
	json_t *after = presence(w->m);
	json_object_set_new(after, "shared_notes_changed", json_boolean(w->in->set & OO_SHARED));
	json_object_set_new(after, "private_notes_changed", json_boolean(w->in->set & OO_PRIVATE));
	return app_audit(a, "one_to_one", w->m->id, "update", w->before, after, e);
fail:
	json_decref(w->before);
	return -1;
}

int app_oneonone_update(struct app *a, id_t64 id, const struct oneonone_input *in,
			struct oneonone *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct oneonone_row *m = &out->m;
	if (readable(a, id, m, e))
		return -1;
	if (!party(a, m))
		return err_set(e, 403, "forbidden", NULL, "change this one-to-one", NULL);
	if ((in->set & OO_DAY) && in->day == DAY_NONE)
		return err_set(e, 422, "missing_field", "day", "day", NULL);
	if (check_notes("shared_notes", in->shared_notes, e) ||
	    check_notes("private_notes", in->private_notes, e))
		return -1;
	struct oo_tx w = { m, in, presence(m) };
	if (in->set & OO_DAY)
		m->day = in->day;
	if (in->set & OO_SHARED)
		m->shared_notes = in->shared_notes ? in->shared_notes : "";
	m->updated_at = a->clock.now;
	if (!(in->set & (OO_DAY | OO_SHARED | OO_PRIVATE))) {
		json_decref(w.before);
		return app_oneonone_get(a, id, out, e);
	}
	if (app_tx(a, update_tx, &w, e))
		return -1;
	return app_oneonone_get(a, id, out, e);
}

struct action_tx {
	struct action_row *x;
	json_t *before;
};

static int action_create_tx(struct app *a, void *arg, struct err *e)
{
	struct action_tx *w = arg;
	if (store_action_create(a->store, w->x, &w->x->id, e))
		return -1;
	return app_audit(a, "one_to_one", w->x->meeting_id, "action", NULL,
			 json_pack("{s:I, s:I, s:o}", "id", (json_int_t)w->x->id, "owner_id",
				   (json_int_t)w->x->owner_id, "due", j_day(w->x->due)), e);
}

int app_action_create(struct app *a, id_t64 meeting, const struct action_input *in,
		      struct action_row *out, struct err *e)
{
	struct oneonone_row m;
	if (readable(a, meeting, &m, e))
		return -1;
	if (!party(a, &m))
		return err_set(e, 403, "forbidden", NULL, "change this one-to-one", NULL);
	if (!in->owner_id)
		return err_set(e, 422, "missing_field", "owner_id", "owner_id", NULL);
	if (in->owner_id != m.manager_id && in->owner_id != m.member_id)
		return err_set(e, 422, "invalid_value", "owner_id", "owner_id",
			       "one of the two people of the one-to-one");
	const char *p = in->title;
	while (p && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
		p++;
	if (!p || !*p)
		return err_set(e, 422, "missing_field", "title", "title", NULL);
	if (utf8_len(in->title) > 200)
		return err_set(e, 422, "invalid_value", "title", "title", "1 to 200 characters");
	struct action_row x;
	memset(&x, 0, sizeof(x));
	x.org_id = a->me.org_id;
	x.meeting_id = m.id;
	x.owner_id = in->owner_id;
	x.owner_name = in->owner_id == m.manager_id ? m.manager_name : m.member_name;
	x.title = in->title;
	x.due = in->due;
	x.meeting_day = m.day;
	x.created_at = a->clock.now;
	struct action_tx w = { &x, NULL };
	if (app_tx(a, action_create_tx, &w, e))
		return -1;
	*out = x;
	return 0;
}

static int action_done_tx(struct app *a, void *arg, struct err *e)
{
	struct action_tx *w = arg;
	if (store_action_set_done(a->store, a->me.org_id, w->x->id, w->x->done, w->x->done_at, e)) {
		json_decref(w->before);
		return -1;
	}
	return app_audit(a, "one_to_one", w->x->meeting_id, w->x->done ? "action_done"
		: "action_reopen", w->before, json_pack("{s:I, s:b}", "id", (json_int_t)w->x->id,
							"done", w->x->done), e);
}

int app_action_set_done(struct app *a, id_t64 id, bool done, struct action_row *out,
			struct err *e)
{
	struct err ignored;
	struct oneonone_row m;
	if (store_action_get(a->store, a->me.org_id, id, a->arena, out, &ignored))
		return err_set(e, 404, "not_found", NULL, "action", NULL);
	if (readable(a, out->meeting_id, &m, e)) {
		err_clear(e);
		return err_set(e, 404, "not_found", NULL, "action", NULL);
	}
	if (!party(a, &m))
		return err_set(e, 403, "forbidden", NULL, "change this one-to-one", NULL);
	if (out->done == done)
		return 0;
	struct action_tx w = { out, json_pack("{s:I, s:b}", "id", (json_int_t)out->id, "done",
					      out->done) };
	out->done = done;
	out->done_at = done ? a->clock.now : 0;
	return app_tx(a, action_done_tx, &w, e);
}
