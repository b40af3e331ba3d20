/* Notifications' use cases (notify.h). */
#include <stdio.h>
#include <string.h>
#include "app/notify.h"
#include "app/rhythm.h"
#include "app/secret.h"

static const char *const *kind_names(void)
{
	static const char *v[NK__COUNT];
	for (int k = 0; k < NK__COUNT; k++)
		v[k] = notify_kind_name((enum notify_kind)k);
	return v;
}

static int load_prefs(struct store *s, id_t64 org, id_t64 person, unsigned *ch,
		      unsigned *chosen, struct err *e)
{
	for (int k = 0; k < NK__COUNT; k++)
		ch[k] = notify_default_channels((enum notify_kind)k);
	return store_notify_prefs(s, org, person, ch, chosen, NK__COUNT, kind_names(), e);
}

/* ---- emitting ---- */

static char *event_data(const struct notify_text *t)
{
	json_t *d = json_object();
	if (t->person)
		json_object_set_new(d, "person", json_string(t->person));
	if (t->title)
		json_object_set_new(d, "title", json_string(t->title));
	if (t->day)
		json_object_set_new(d, "day", json_string(t->day));
	if (t->extra)
		json_object_set_new(d, "extra", json_string(t->extra));
	char *s = json_dumps(d, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(d);
	return s;
}

static bool in_chain(const struct ids *chain, id_t64 unit)
{
	for (size_t i = 0; i < chain->n; i++)
		if (chain->v[i] == unit)
			return true;
	return false;
}

static int add(struct app *a, id_t64 event, id_t64 person, const char *channel, id_t64 target,
	       int64_t not_before, struct err *e)
{
	char key[96];
	if (target)
		snprintf(key, sizeof(key), "e%lld:%s:c%lld", (long long)event, channel,
			 (long long)target);
	else
		snprintf(key, sizeof(key), "e%lld:%s:p%lld", (long long)event, channel,
			 (long long)person);
	bool inapp = !strcmp(channel, "inapp");
	struct notify_delivery_row d;
	memset(&d, 0, sizeof(d));
	d.org_id = a->me.org_id;
	d.event_id = event;
	d.person_id = person;
	d.channel = channel;
	d.target_id = target;
	d.idem_key = key;
	d.state = inapp ? "sent" : "pending";
	d.not_before = inapp ? a->clock.now : not_before;
	d.sent_at = inapp ? a->clock.now : 0;
	d.created_at = a->clock.now;
	int created;
	return store_notify_delivery_add(a->store, &d, &created, e);
}

int app_notify_emit(struct app *a, struct notify_event_input *ev,
		    const id_t64 *recipients, size_t n, struct err *e)
{
	id_t64 org = a->me.org_id;
	char *data = event_data(&ev->text);
	struct notify_event_row row = { 0, org, ev->about_person, ev->objective_id,
					notify_kind_name(ev->kind), ev->dedupe, ev->link,
					data ? data : "{}", a->clock.now };
	id_t64 id;
	int created;
	int rc = store_notify_event_add(a->store, &row, &id, &created, e);
	free(data);
	if (rc)
		return -1;
	ev->created = created;
	if (!created)
		return 0;
	struct org o;
	struct notify_channel_row *places;
	size_t np;
	if (store_org_get(a->store, org, a->arena, &o, e) ||
	    store_notify_channels(a->store, org, a->arena, &places, &np, e))
		return -1;
	int h, m, s;
	app_local_time(o.time_zone, a->clock.now, &h, &m, &s);
	int64_t by_day = a->clock.now + notify_wait_for_day(h, m, s);

	for (size_t i = 0; i < n; i++) {
		id_t64 who = recipients[i];
		bool dup = false;
		for (size_t j = 0; j < i; j++)
			dup |= recipients[j] == who;
		struct person p;
		struct err pe;
		if (dup || !who || store_person_get(a->store, org, who, a->arena, &p, &pe) ||
		    !p.active)
			continue;
		unsigned ch[NK__COUNT], chosen;
		if (load_prefs(a->store, org, who, ch, &chosen, e))
			return -1;
		unsigned want = ch[ev->kind];
		if ((want & NCH_INAPP) && add(a, id, who, "inapp", 0, 0, e))
			return -1;
		if ((want & NCH_EMAIL) && p.email && *p.email && add(a, id, who, "email", 0, by_day, e))
			return -1;
		if (!(want & NCH_CHAT) || !np)
			continue;
		struct ids chain = { NULL, 0 };
		if (p.unit_id && store_unit_chain(a->store, org, p.unit_id, a->arena, &chain, e))
			return -1;
		for (size_t k = 0; k < np; k++)
			if (strcmp(places[k].kind, "webhook") &&
			    (!places[k].unit_id || in_chain(&chain, places[k].unit_id)) &&
			    add(a, id, 0, places[k].kind, places[k].id, by_day, e))
				return -1;
	}
	/* the integrations: every event once, at once (no day hours for a machine) */
	struct ids about = { NULL, 0 };
	if (ev->about_person) {
		struct person p;
		struct err pe;
		if (!store_person_get(a->store, org, ev->about_person, a->arena, &p, &pe) && p.unit_id &&
		    store_unit_chain(a->store, org, p.unit_id, a->arena, &about, e))
			return -1;
	}
	for (size_t k = 0; k < np; k++)
		if (!strcmp(places[k].kind, "webhook") &&
		    (!places[k].unit_id || in_chain(&about, places[k].unit_id)) &&
		    add(a, id, 0, "webhook", places[k].id, a->clock.now, e))
			return -1;
	return 0;
}

/* ---- the scan ---- */

struct scan_ctx {
	size_t emitted;
};

/* The scan reads a page of people, then of objectives, at a time, each page
 * with what its emissions read (the person, their unit chain, the places) in
 * an arena of its own, released before the next: at 10,000 people it emits
 * thousands of events in one transaction, in bounded memory. */
#define SCAN_PAGE 500

struct scan_page {
	struct app a;           /* the scan's app on the page's arena */
	struct arena arena;
};

static void page_open(struct scan_page *pg, const struct app *a)
{
	arena_init(&pg->arena);
	pg->a = *a;
	pg->a.arena = &pg->arena;
}

static int emit_counted(struct app *a, struct notify_event_input *ev, id_t64 who,
			size_t *emitted, struct err *e)
{
	if (app_notify_emit(a, ev, &who, 1, e))
		return -1;
	*emitted += ev->created;
	return 0;
}

static int emit_late(struct app *a, const struct person_rhythm *r, size_t *emitted,
		     struct err *e)
{
	char due[11], dedupe[64], link[48];
	date_format_iso(r->next_due, due);
	snprintf(dedupe, sizeof(dedupe), "checkin_late:p%lld:%s", (long long)r->p->id, due);
	id_t64 obj = 0;
	for (size_t k = 0; k < r->n && !obj; k++)
		if (r->objectives[k].st.late)
			obj = r->objectives[k].objective_id;
	if (obj)
		snprintf(link, sizeof(link), "/objectives/%lld", (long long)obj);
	else
		snprintf(link, sizeof(link), "/me");
	struct notify_event_input ev = { NK_CHECKIN_LATE, dedupe, r->p->id, obj, link,
		{ NK_CHECKIN_LATE, r->p->name, NULL, due, NULL }, false };
	return emit_counted(a, &ev, r->p->id, emitted, e);
}

/* Late check-ins of one page of the active people; *more when it was full. */
static int scan_late_page(struct app *a, size_t offset, size_t *emitted, bool *more,
			  struct err *e)
{
	struct person_filter pf = { NULL, 1, SCAN_PAGE, offset };
	struct person *people;
	size_t np, total;
	if (store_person_list(a->store, a->me.org_id, &pf, a->arena, &people, &np, &total, e))
		return -1;
	*more = np == SCAN_PAGE;
	size_t k = 0;
	for (size_t i = 0; i < np; i++)
		if (access_person_read(&a->me, &people[i]))
			people[k++] = people[i];
	struct person_rhythm *r = arena_alloc(a->arena, (k + 1) * sizeof(*r));
	if (app_rhythm_people(a, people, k, r, e))
		return -1;
	for (size_t i = 0; i < k; i++)
		if (r[i].late && emit_late(a, &r[i], emitted, e))
			return -1;
	return 0;
}

/* Agreed individual objectives due within a week, one keyset page after
 * *after; *after 0 when none is left. */
static int scan_due_page(struct app *a, id_t64 *after, size_t *emitted, struct err *e)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = -1;
	f.status = ST_AGREED;
	f.from = a->clock.today;
	f.to = a->clock.today;
	f.limit = SCAN_PAGE;
	f.after = *after;
	struct objective *v;
	size_t nv;
	if (store_objective_list(a->store, a->me.org_id, &f, a->arena, &v, &nv, NULL, e))
		return -1;
	*after = nv == SCAN_PAGE ? v[nv - 1].id : 0;
	for (size_t i = 0; i < nv; i++) {
		if (!v[i].owner_person_id || v[i].due < a->clock.today ||
		    v[i].due > a->clock.today + 7)
			continue;
		char due[11], dedupe[64], link[48];
		date_format_iso(v[i].due, due);
		snprintf(dedupe, sizeof(dedupe), "due_soon:o%lld:%s", (long long)v[i].id, due);
		snprintf(link, sizeof(link), "/objectives/%lld", (long long)v[i].id);
		struct notify_event_input ev = { NK_DUE_SOON, dedupe, v[i].owner_person_id, v[i].id,
			link, { NK_DUE_SOON, NULL, v[i].title, due, NULL }, false };
		if (emit_counted(a, &ev, v[i].owner_person_id, emitted, e))
			return -1;
	}
	return 0;
}

static int scan_tx(struct app *a, void *arg, struct err *e)
{
	struct scan_ctx *x = arg;
	struct org o;
	if (store_org_get(a->store, a->me.org_id, a->arena, &o, e))
		return -1;
	/* the organisation's day, not UTC's */
	struct app local = *a;
	local.clock.today = app_local_day(o.time_zone, a->clock.now);
	if (a->clock.today != (day_t)(a->clock.now / 86400))
		local.clock.today = a->clock.today;   /* a day asked for ($CIBLE_TODAY) */
	struct scan_page pg;
	int rc = 0;
	bool more = true;
	for (size_t off = 0; !rc && more; off += SCAN_PAGE) {
		page_open(&pg, &local);
		rc = scan_late_page(&pg.a, off, &x->emitted, &more, e);
		arena_free(&pg.arena);
	}
	id_t64 after = 0;
	do {
		page_open(&pg, &local);
		rc = rc ? rc : scan_due_page(&pg.a, &after, &x->emitted, e);
		arena_free(&pg.arena);
	} while (!rc && after);
	return rc;
}

int app_notify_scan(struct app *a, size_t *emitted, struct err *e)
{
	struct scan_ctx x = { 0 };
	int rc = app_tx(a, scan_tx, &x, e);
	*emitted = rc ? 0 : x.emitted;
	return rc;
}

/* ---- preferences ---- */

static int person_only(struct app *a, struct err *e)
{
	if (!a->me.person_id)
		return err_set(e, 403, "forbidden", NULL, "choose notifications", NULL);
	return 0;
}

int app_notify_prefs_get(struct app *a, struct notify_prefs *out, struct err *e)
{
	if (person_only(a, e))
		return -1;
	memset(out, 0, sizeof(*out));
	if (load_prefs(a->store, a->me.org_id, a->me.person_id, out->channels, &out->chosen, e))
		return -1;
	const char *lang;
	if (store_notify_lang(a->store, a->me.org_id, a->me.person_id, a->arena, &lang, e))
		return -1;
	if (lang) {
		out->lang = lang_parse(lang);
		out->lang_chosen = true;
	} else {
		struct org o;
		if (store_org_get(a->store, a->me.org_id, a->arena, &o, e))
			return -1;
		out->lang = lang_parse(o.locale);
	}
	return 0;
}

struct prefs_tx {
	const struct notify_prefs_input *in;
};

static int prefs_tx(struct app *a, void *arg, struct err *e)
{
	const struct notify_prefs_input *in = ((struct prefs_tx *)arg)->in;
	struct notify_prefs before;
	if (app_notify_prefs_get(a, &before, e))
		return -1;
	if (in->lang && store_notify_lang_set(a->store, a->me.org_id, a->me.person_id, in->lang, e))
		return -1;
	unsigned ch[NK__COUNT];
	memcpy(ch, before.channels, sizeof(ch));
	for (size_t i = 0; i < in->n; i++) {
		int k = notify_kind_parse(in->v[i].kind);
		unsigned c = ch[k];
		if (in->v[i].inapp >= 0)
			c = in->v[i].inapp ? c | NCH_INAPP : c & ~(unsigned)NCH_INAPP;
		if (in->v[i].email >= 0)
			c = in->v[i].email ? c | NCH_EMAIL : c & ~(unsigned)NCH_EMAIL;
		if (in->v[i].chat >= 0)
			c = in->v[i].chat ? c | NCH_CHAT : c & ~(unsigned)NCH_CHAT;
		ch[k] = c;
		if (store_notify_pref_set(a->store, a->me.org_id, a->me.person_id, in->v[i].kind, c, e))
			return -1;
	}
	struct notify_prefs after;
	if (app_notify_prefs_get(a, &after, e))
		return -1;
	return app_audit(a, "person", a->me.person_id, "notify_prefs",
			 app_notify_prefs_json(&before), app_notify_prefs_json(&after), e);
}

int app_notify_prefs_set(struct app *a, const struct notify_prefs_input *in,
			 struct notify_prefs *out, struct err *e)
{
	if (person_only(a, e))
		return -1;
	if (in->lang && strcmp(in->lang, "fr") && strcmp(in->lang, "en"))
		return err_set(e, 422, "invalid_value", "lang", "lang", "fr or en");
	for (size_t i = 0; i < in->n; i++)
		if (notify_kind_parse(in->v[i].kind) < 0)
			return err_set(e, 422, "invalid_value", "kinds.kind", "kind",
				       "a kind of notification");
	struct prefs_tx x = { in };
	if (app_tx(a, prefs_tx, &x, e))
		return -1;
	return app_notify_prefs_get(a, out, e);
}

json_t *app_notify_prefs_json(const struct notify_prefs *p)
{
	json_t *kinds = json_array();
	for (int k = 0; k < NK__COUNT; k++)
		json_array_append_new(kinds, json_pack("{s:s, s:b, s:b, s:b, s:b}", "kind",
			notify_kind_name((enum notify_kind)k), "inapp", (p->channels[k] & NCH_INAPP) != 0,
			"email", (p->channels[k] & NCH_EMAIL) != 0, "chat", (p->channels[k] & NCH_CHAT) != 0,
			"default", !(p->chosen & (1u << k))));
	return json_pack("{s:s, s:b, s:o}", "lang", lang_code(p->lang), "lang_default",
			 !p->lang_chosen, "kinds", kinds);
}

/* ---- the inbox ---- */

void app_notify_text_of(const struct notify_delivery_row *d, struct arena *ar,
			struct notify_text *t)
{
	memset(t, 0, sizeof(*t));
	int k = notify_kind_parse(d->ev.kind);
	t->kind = k < 0 ? NK_CHECKIN_LATE : (enum notify_kind)k;
	json_error_t je;
	json_t *v = d->ev.data ? json_loads(d->ev.data, 0, &je) : NULL;
	const char *fields[] = { "person", "title", "day", "extra" };
	const char **dst[] = { &t->person, &t->title, &t->day, &t->extra };
	for (int i = 0; i < 4; i++) {
		const char *s = json_string_value(json_object_get(v, fields[i]));
		*dst[i] = s ? arena_strdup(ar, s) : NULL;
	}
	json_decref(v);
}

void app_notify_line(const struct notify_delivery_row *d, enum lang lang, struct buf *out)
{
	struct arena ar;
	arena_init(&ar);
	struct notify_text t;
	app_notify_text_of(d, &ar, &t);
	notify_line(out, &t, lang);
	arena_free(&ar);
}

json_t *app_notify_item_json(const struct app *a, const struct notify_delivery_row *d)
{
	struct buf b = BUF_INIT;
	app_notify_line(d, a->lang, &b);
	json_t *v = json_pack("{s:I, s:s, s:s, s:s, s:I, s:b}", "id", (json_int_t)d->id, "kind",
			      d->ev.kind, "text", b.data, "link", d->ev.link, "created_at",
			      (json_int_t)d->created_at, "read", d->read_at != 0);
	json_object_set_new(v, "objective_id",
			    d->ev.objective_id ? json_integer(d->ev.objective_id) : json_null());
	buf_free(&b);
	return v;
}

int app_notify_inbox(struct app *a, bool unread_only, size_t limit, size_t offset,
		     struct notify_delivery_row **v, size_t *n, size_t *total, size_t *unread,
		     struct err *e)
{
	*total = *unread = 0;
	if (!a->me.person_id) {
		*v = arena_alloc(a->arena, sizeof(**v));
		*n = 0;
		return 0;
	}
	return store_notify_inbox(a->store, a->me.org_id, a->me.person_id, unread_only, limit,
				  offset, a->arena, v, n, total, unread, e);
}

struct read_tx {
	id_t64 id;
	struct notify_delivery_row *out;
};

static int read_tx(struct app *a, void *arg, struct err *e)
{
	struct read_tx *x = arg;
	if (!x->id)
		return store_notify_read_all(a->store, a->me.org_id, a->me.person_id, a->clock.now, e);
	struct err ne;
	if (store_notify_delivery_get(a->store, a->me.org_id, x->id, a->arena, x->out, &ne) ||
	    x->out->person_id != a->me.person_id || strcmp(x->out->channel, "inapp"))
		return err_set(e, 404, "not_found", NULL, "notification", NULL);
	if (store_notify_read(a->store, a->me.org_id, a->me.person_id, x->id, a->clock.now, e))
		return -1;
	if (!x->out->read_at)
		x->out->read_at = a->clock.now;
	return 0;
}

int app_notify_read(struct app *a, id_t64 id, struct notify_delivery_row *out, struct err *e)
{
	if (!a->me.person_id)
		return err_set(e, 404, "not_found", NULL, "notification", NULL);
	struct read_tx x = { id, out };
	return app_tx(a, read_tx, &x, e);
}

int app_notify_read_all(struct app *a, struct err *e)
{
	if (!a->me.person_id)
		return 0;
	struct read_tx x = { 0, NULL };
	return app_tx(a, read_tx, &x, e);
}

/* ---- the admin's view ---- */

static int admin_only(struct app *a, const char *what, struct err *e)
{
	if (a->me.role != ROLE_ADMIN)
		return err_set(e, 403, "forbidden", NULL, what, NULL);
	return 0;
}

int app_notify_deliveries(struct app *a, const char *state, size_t limit, size_t offset,
			  struct notify_delivery_row **v, size_t *n, size_t *total, struct err *e)
{
	if (admin_only(a, "read the notifications' deliveries", e))
		return -1;
	if (state && strcmp(state, "pending") && strcmp(state, "sending") && strcmp(state, "sent") &&
	    strcmp(state, "failed"))
		return err_set(e, 400, "invalid_query", "state", "state",
			       "pending, sending, sent or failed");
	return store_notify_deliveries(a->store, a->me.org_id, state, limit, offset, a->arena, v, n,
				       total, e);
}

struct retry_tx {
	id_t64 id;
	struct notify_delivery_row *out;
};

static int retry_tx(struct app *a, void *arg, struct err *e)
{
	struct retry_tx *x = arg;
	if (store_notify_delivery_get(a->store, a->me.org_id, x->id, a->arena, x->out, e))
		return -1;
	if (strcmp(x->out->state, "failed"))
		return err_set(e, 409, "not_failed", NULL, NULL, NULL);
	if (store_notify_retry(a->store, a->me.org_id, x->id, a->clock.now, e))
		return -1;
	json_t *before = json_pack("{s:s, s:i}", "state", "failed", "attempts", x->out->attempts);
	json_t *after = json_pack("{s:s, s:i}", "state", "pending", "attempts", 0);
	if (app_audit(a, "notify_delivery", x->id, "retry", before, after, e))
		return -1;
	return store_notify_delivery_get(a->store, a->me.org_id, x->id, a->arena, x->out, e);
}

int app_notify_retry(struct app *a, id_t64 id, struct notify_delivery_row *out, struct err *e)
{
	if (admin_only(a, "retry a delivery", e))
		return -1;
	struct retry_tx x = { id, out };
	return app_tx(a, retry_tx, &x, e);
}

json_t *app_notify_delivery_json(struct app *a, const struct notify_delivery_row *d,
				 bool with_attempts)
{
	json_t *v = json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:i, s:I, s:I}", "id",
			      (json_int_t)d->id, "event_id", (json_int_t)d->event_id, "kind",
			      d->ev.kind, "channel", d->channel, "idempotency_key", d->idem_key,
			      "state", d->state, "attempts", d->attempts, "not_before",
			      (json_int_t)d->not_before, "created_at", (json_int_t)d->created_at);
	json_object_set_new(v, "recipient_id", d->person_id ? json_integer(d->person_id) : json_null());
	json_object_set_new(v, "channel_id", d->target_id ? json_integer(d->target_id) : json_null());
	json_object_set_new(v, "last_error", d->last_error ? json_string(d->last_error) : json_null());
	json_object_set_new(v, "sent_at", d->sent_at ? json_integer(d->sent_at) : json_null());
	struct buf b = BUF_INIT;
	app_notify_line(d, a->lang, &b);
	json_object_set_new(v, "text", json_string(b.data));
	buf_free(&b);
	if (with_attempts) {
		struct notify_attempt_row *at;
		size_t n;
		struct err e;
		json_t *log = json_array();
		if (!store_notify_attempts(a->store, a->me.org_id, d->id, a->arena, &at, &n, &e))
			for (size_t i = 0; i < n; i++)
				json_array_append_new(log, json_pack("{s:I, s:b, s:o}", "at",
					(json_int_t)at[i].at, "ok", at[i].ok, "detail",
					at[i].detail ? json_string(at[i].detail) : json_null()));
		json_object_set_new(v, "attempts_log", log);
	}
	return v;
}

/* ---- chat places ---- */

json_t *app_notify_channel_json(const struct notify_channel_row *c, bool with_secret)
{
	json_t *v = json_pack("{s:I, s:s, s:s, s:s, s:I}", "id", (json_int_t)c->id, "kind", c->kind,
			      "name", c->name, "url", c->url, "created_at", (json_int_t)c->created_at);
	json_object_set_new(v, "unit_id", c->unit_id ? json_integer(c->unit_id) : json_null());
	if (with_secret)
		json_object_set_new(v, "secret", c->secret ? json_string(c->secret) : json_null());
	return v;
}

static json_t *channel_audit(const struct notify_channel_row *c)
{
	return app_notify_channel_json(c, false);   /* never the secret */
}

struct channel_tx {
	const struct notify_channel_input *in;
	struct notify_channel_row *out;
	id_t64 del;
};

static int channel_tx(struct app *a, void *arg, struct err *e)
{
	struct channel_tx *x = arg;
	if (x->del) {
		struct notify_channel_row c;
		if (store_notify_channel_get(a->store, a->me.org_id, x->del, a->arena, &c, e) ||
		    store_notify_channel_delete(a->store, a->me.org_id, x->del, e))
			return -1;
		return app_audit(a, "notify_channel", c.id, "delete", channel_audit(&c), NULL, e);
	}
	const struct notify_channel_input *in = x->in;
	struct notify_channel_row *c = x->out;
	memset(c, 0, sizeof(*c));
	c->org_id = a->me.org_id;
	c->unit_id = in->unit_id;
	c->kind = in->kind;
	c->name = in->name;
	c->url = in->url;
	c->created_by = a->me.person_id;
	c->created_at = a->clock.now;
	if (!strcmp(in->kind, "webhook")) {
		if (in->secret)
			c->secret = in->secret;
		else {
			char *s = arena_alloc(a->arena, 80);
			if (auth_new_secret("whsec_", s, 80))
				return err_set(e, 500, "internal", NULL, "channel", NULL);
			c->secret = s;
		}
	}
	if (store_notify_channel_add(a->store, c, &c->id, e))
		return -1;
	return app_audit(a, "notify_channel", c->id, "create", NULL, channel_audit(c), e);
}

static size_t utf8_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int app_notify_channel_add(struct app *a, const struct notify_channel_input *in,
			   struct notify_channel_row *out, struct err *e)
{
	if (admin_only(a, "configure the chat channels", e))
		return -1;
	if (!in->kind || (strcmp(in->kind, "slack") && strcmp(in->kind, "teams") &&
			  strcmp(in->kind, "webhook")))
		return err_set(e, 422, "invalid_value", "kind", "kind", "slack, teams or webhook");
	if (!in->name || !*in->name || utf8_len(in->name) > 100)
		return err_set(e, 422, "invalid_value", "name", "name", "1 to 100 characters");
	if (!in->url)
		return err_set(e, 422, "missing_field", "url", "url", NULL);
	if (!notify_url_ok(in->url))
		return err_set(e, 422, "invalid_url", "url", in->url, NULL);
	if (in->secret && (strcmp(in->kind, "webhook") || strlen(in->secret) < 16 ||
			   strlen(in->secret) > 200))
		return err_set(e, 422, "invalid_value", "secret", "secret",
			       "16 to 200 characters, for a webhook only");
	if (in->unit_id) {
		struct unit u;
		struct err ue;
		if (store_unit_get(a->store, a->me.org_id, in->unit_id, a->arena, &u, &ue))
			return err_set(e, 422, "invalid_value", "unit_id", "unit_id", "a unit");
	}
	struct channel_tx x = { in, out, 0 };
	return app_tx(a, channel_tx, &x, e);
}

int app_notify_channel_delete(struct app *a, id_t64 id, struct err *e)
{
	if (admin_only(a, "configure the chat channels", e))
		return -1;
	struct channel_tx x = { NULL, NULL, id };
	return app_tx(a, channel_tx, &x, e);
}

int app_notify_channels(struct app *a, struct notify_channel_row **v, size_t *n,
			struct err *e)
{
	if (admin_only(a, "configure the chat channels", e))
		return -1;
	return store_notify_channels(a->store, a->me.org_id, a->arena, v, n, e);
}
