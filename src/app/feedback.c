/* Two-way feedback (feedback.h). */
#include <string.h>
#include "app/feedback.h"
#include "core/rhythm.h"

static size_t utf8_len(const char *s)
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

int app_manager_of_person(struct app *a, const struct person *x, id_t64 *out, struct err *e)
{
	*out = 0;
	if (x->manager_id && x->manager_id != x->id) {
		*out = x->manager_id;
		return 0;
	}
	id_t64 u = x->unit_id;
	for (int depth = 0; u && depth < 64; depth++) {
		struct unit un;
		if (store_unit_get(a->store, a->me.org_id, u, a->arena, &un, e))
			return -1;
		if (un.lead_id && un.lead_id != x->id) {
			*out = un.lead_id;
			return 0;
		}
		u = un.parent_id;
	}
	return 0;
}

int app_manager_of(struct app *a, id_t64 person, id_t64 *out, struct err *e)
{
	struct person p;
	if (store_person_get(a->store, a->me.org_id, person, a->arena, &p, e))
		return -1;
	return app_manager_of_person(a, &p, out, e);
}

/* Whether boss is in the manager chain above person. */
static int above(struct app *a, id_t64 person, id_t64 boss, bool *out, struct err *e)
{
	*out = false;
	id_t64 cur = person, seen[64];
	for (int depth = 0; cur && depth < 64; depth++) {
		struct person p;
		if (store_person_get(a->store, a->me.org_id, cur, a->arena, &p, e))
			return -1;
		id_t64 m;
		if (app_manager_of_person(a, &p, &m, e))
			return -1;
		if (!m)
			return 0;
		if (m == boss) {
			*out = true;
			return 0;
		}
		for (int i = 0; i < depth; i++)
			if (seen[i] == m)
				return 0;   /* a loop in the chain */
		seen[depth] = m;
		cur = m;
	}
	return 0;
}

int app_within_reach(struct app *a, id_t64 x, id_t64 y, bool *out, struct err *e)
{
	*out = false;
	if (!x || !y || x == y)
		return 0;
	if (above(a, x, y, out, e))
		return -1;
	if (!*out && above(a, y, x, out, e))
		return -1;
	return 0;
}

int app_is_manager_of(struct app *a, id_t64 boss, id_t64 person, bool *out, struct err *e)
{
	*out = false;
	if (!boss || !person || boss == person)
		return 0;
	return above(a, person, boss, out, e);
}

int app_feedback_reach(struct app *a, struct person **v, size_t *n, struct err *e)
{
	struct person_filter pf = { NULL, 1, 0, 0 };
	size_t total;
	if (store_person_list(a->store, a->me.org_id, &pf, a->arena, v, n, &total, e))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		bool in;
		if (app_within_reach(a, a->me.person_id, (*v)[i].id, &in, e))
			return -1;
		if (in)
			(*v)[k++] = (*v)[i];
	}
	*n = k;
	return 0;
}

/* ---- the JSON ---- */

json_t *app_feedback_json(const struct feedback_row *f)
{
	json_t *v = json_pack("{s:I, s:I, s:s?, s:I, s:s?, s:s, s:I}", "id", (json_int_t)f->id,
			      "from_id", (json_int_t)f->from_id, "from_name", f->from_name,
			      "to_id", (json_int_t)f->to_id, "to_name", f->to_name,
			      "text", f->body ? f->body : "", "created_at", (json_int_t)f->created_at);
	if (!json_object_get(v, "from_name"))
		json_object_set_new(v, "from_name", json_null());
	if (!json_object_get(v, "to_name"))
		json_object_set_new(v, "to_name", json_null());
	json_object_set_new(v, "thread_id", f->thread_id ? json_integer(f->thread_id) : json_null());
	json_object_set_new(v, "objective_id",
			    f->objective_id ? json_integer(f->objective_id) : json_null());
	json_object_set_new(v, "open", json_boolean(!f->closed_at));
	json_object_set_new(v, "closed_at", f->closed_at ? json_integer(f->closed_at) : json_null());
	return v;
}

/* What the audit keeps of a feedback: that it was there, who to whom, on
 * what; never its text. */
static json_t *presence(const struct feedback_row *f)
{
	json_t *v = json_pack("{s:I, s:I, s:I}", "id", (json_int_t)f->id, "from_id",
			      (json_int_t)f->from_id, "to_id", (json_int_t)f->to_id);
	json_object_set_new(v, "thread_id", f->thread_id ? json_integer(f->thread_id) : json_null());
	json_object_set_new(v, "objective_id",
			    f->objective_id ? json_integer(f->objective_id) : json_null());
	json_object_set_new(v, "open", json_boolean(!f->closed_at));
	return v;
}

/* ---- reading ---- */

static int admins_read(struct app *a, bool *out, struct err *e)
{
	struct org org;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e))
		return -1;
	*out = org.admins_read_feedback;
	return 0;
}

/* The thread (its opening row) if the caller may read it; 404 otherwise. */
static int thread_readable(struct app *a, id_t64 id, struct feedback_row *out, struct err *e)
{
	bool admins;
	struct err ignored;
	if (admins_read(a, &admins, e))
		return -1;
	if (store_feedback_get(a->store, a->me.org_id, id, a->arena, out, &ignored) ||
	    out->thread_id || !access_private_read(&a->me, out->from_id, out->to_id, admins))
		return err_set(e, 404, "not_found", NULL, "feedback", NULL);
	return 0;
}

int app_feedback_get(struct app *a, id_t64 thread, struct feedback_row *out,
		     struct feedback_row **replies, size_t *n, struct err *e)
{
	if (thread_readable(a, thread, out, e))
		return -1;
	return store_feedback_replies(a->store, a->me.org_id, out->id, a->arena, replies, n, e);
}

int app_feedback_list(struct app *a, id_t64 person, id_t64 with, bool open_only,
		      struct feedback_row **v, size_t *n, struct err *e)
{
	if (!person)
		person = a->me.person_id;
	if (person != a->me.person_id) {
		bool admins;
		if (admins_read(a, &admins, e))
			return -1;
		if (!(a->me.role == ROLE_HR || (a->me.role == ROLE_ADMIN && admins)))
			return err_set(e, 403, "forbidden", NULL, "read another person's feedback",
				       NULL);
		struct person p;
		struct err ignored;
		if (store_person_get(a->store, a->me.org_id, person, a->arena, &p, &ignored))
			return err_set(e, 404, "not_found", NULL, "person", NULL);
	}
	if (!person) {   /* the system has no feedback of its own */
		*v = arena_alloc(a->arena, sizeof(**v));
		*n = 0;
		return 0;
	}
	if (store_feedback_threads(a->store, a->me.org_id, person, a->arena, v, n, e))
		return -1;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		const struct feedback_row *f = &(*v)[i];
		id_t64 other = f->from_id == person ? f->to_id : f->from_id;
		if ((with && other != with) || (open_only && f->closed_at))
			continue;
		(*v)[k++] = *f;
	}
	*n = k;
	return 0;
}

/* ---- writing ---- */

static int check_text(const char *text, struct err *e)
{
	if (blank(text))
		return err_set(e, 422, "missing_field", "text", "text", NULL);
	if (utf8_len(text) > FEEDBACK_TEXT_MAX)
		return err_set(e, 422, "invalid_value", "text", "text", "4000 characters at most");
	return 0;
}

struct fb_tx {
	struct feedback_row *f;
	const char *action;
};

static int create_tx(struct app *a, void *arg, struct err *e)
{
	struct fb_tx *w = arg;
	if (store_feedback_create(a->store, w->f, &w->f->id, e))
		return -1;
	return app_audit(a, "feedback", w->f->thread_id ? w->f->thread_id : w->f->id, w->action,
			 NULL, presence(w->f), e);
}

static void names(struct app *a, struct feedback_row *f)
{
	struct person p;
	struct err ignored;
	if (!store_person_get(a->store, a->me.org_id, f->from_id, a->arena, &p, &ignored))
		f->from_name = p.name;
	if (!store_person_get(a->store, a->me.org_id, f->to_id, a->arena, &p, &ignored))
		f->to_name = p.name;
}

int app_feedback_create(struct app *a, const struct feedback_input *in,
			struct feedback_row *out, struct err *e)
{
	if (!a->me.person_id || a->me.role == ROLE_HR)
		return err_set(e, 403, "forbidden", NULL, "give feedback", NULL);
	if (!in->to_id)
		return err_set(e, 422, "missing_field", "to_id", "to_id", NULL);
	if (in->to_id == a->me.person_id)
		return err_set(e, 422, "invalid_value", "to_id", "to_id",
			       "someone other than oneself");
	struct person to;
	struct err ignored;
	if (store_person_get(a->store, a->me.org_id, in->to_id, a->arena, &to, &ignored) ||
	    !to.active)
		return err_set(e, 422, "unknown_reference", "to_id", "to_id", "a person");
	bool reach;
	if (app_within_reach(a, a->me.person_id, to.id, &reach, e))
		return -1;
	if (!reach)
		return err_set(e, 422, "invalid_value", "to_id", "to_id",
			       "one's manager, a manager above, or a person of one's team");
	if (in->objective_id) {
		struct objective o;
		if (store_objective_get(a->store, a->me.org_id, in->objective_id, a->arena, &o,
					&ignored) || !access_objective_read(&a->me, &o) ||
		    !(o.owner_person_id == to.id || o.owner_person_id == a->me.person_id))
			return err_set(e, 422, "invalid_value", "objective_id", "objective_id",
				       "an objective of one of the two people");
	}
	if (check_text(in->text, e))
		return -1;
	struct feedback_row f;
	memset(&f, 0, sizeof(f));
	f.org_id = a->me.org_id;
	f.from_id = a->me.person_id;
	f.to_id = to.id;
	f.objective_id = in->objective_id;
	f.body = in->text;
	f.created_at = a->clock.now;
	struct fb_tx w = { &f, "give" };
	if (app_tx(a, create_tx, &w, e))
		return -1;
	names(a, &f);
	*out = f;
	return 0;
}

int app_feedback_reply(struct app *a, id_t64 thread, const char *text,
		       struct feedback_row *out, struct err *e)
{
	struct feedback_row root;
	if (thread_readable(a, thread, &root, e))
		return -1;
	id_t64 me = a->me.person_id;
	if (!me || (me != root.from_id && me != root.to_id))
		return err_set(e, 403, "forbidden", NULL, "answer this feedback", NULL);
	if (root.closed_at)
		return err_set(e, 409, "conflict", "thread", "the thread is closed", NULL);
	if (check_text(text, e))
		return -1;
	struct feedback_row f;
	memset(&f, 0, sizeof(f));
	f.org_id = a->me.org_id;
	f.thread_id = root.id;
	f.from_id = me;
	f.to_id = me == root.from_id ? root.to_id : root.from_id;
	f.objective_id = root.objective_id;
	f.body = text;
	f.created_at = a->clock.now;
	struct fb_tx w = { &f, "answer" };
	if (app_tx(a, create_tx, &w, e))
		return -1;
	names(a, &f);
	*out = f;
	return 0;
}

static int close_tx(struct app *a, void *arg, struct err *e)
{
	struct feedback_row *f = arg;
	json_t *before = presence(f);
	f->closed_at = a->clock.now;
	f->closed_by = a->me.person_id;
	if (store_feedback_close(a->store, a->me.org_id, f->id, f->closed_at, f->closed_by, e)) {
		json_decref(before);
		return -1;
	}
	return app_audit(a, "feedback", f->id, "close", before, presence(f), e);
}

int app_feedback_close(struct app *a, id_t64 thread, struct feedback_row *out,
		       struct err *e)
{
	if (thread_readable(a, thread, out, e))
		return -1;
	id_t64 me = a->me.person_id;
	if (!me || (me != out->from_id && me != out->to_id))
		return err_set(e, 403, "forbidden", NULL, "close this feedback", NULL);
	if (out->closed_at)
		return err_set(e, 409, "conflict", "thread", "the thread is closed", NULL);
	return app_tx(a, close_tx, out, e);
}
