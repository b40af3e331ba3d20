/* Notifications in the store (store_notify.h). */
#include <string.h>
#include "store/store_int.h"
#include "store/store_notify.h"

int store_notify_event_add(struct store *s, const struct notify_event_row *ev, id_t64 *id,
			   int *created, struct err *e)
{
	static const char ins[] = "INSERT INTO notify_event(org_id, kind, dedupe, person_id,"
		" objective_id, link, data, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (org_id, dedupe) DO NOTHING RETURNING id";
	static const char old[] = "SELECT id FROM notify_event WHERE org_id = ?1 AND dedupe = ?2";
	struct db_stmt *st = db_prep(s->db, ins, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, ev->org_id);
	db_bind_text(st, 2, ev->kind);
	db_bind_text(st, 3, ev->dedupe);
	db_bind_id(st, 4, ev->person_id);
	db_bind_id(st, 5, ev->objective_id);
	db_bind_text(st, 6, ev->link);
	db_bind_text(st, 7, ev->data);
	db_bind_int64(st, 8, ev->created_at);
	int rc = db_step(st, e);
	if (rc > 0)
		*id = db_col_int64(st, 0);
	db_done(st);
	if (rc < 0)
		return -1;
	*created = rc > 0;
	if (rc > 0)
		return 0;
	st = db_prep(s->db, old, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, ev->org_id);
	db_bind_text(st, 2, ev->dedupe);
	if (db_one_row(st, "event", e) < 0)
		return -1;
	*id = db_col_int64(st, 0);
	db_done(st);
	return 0;
}

int store_notify_delivery_add(struct store *s, const struct notify_delivery_row *d,
			      int *created, struct err *e)
{
	static const char sql[] = "INSERT INTO notify_delivery(org_id, event_id, person_id, channel,"
		" target_id, idem_key, state, not_before, sent_at, created_at) VALUES"
		" (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (org_id, idem_key) DO NOTHING";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, d->org_id);
	db_bind_int64(st, 2, d->event_id);
	db_bind_id(st, 3, d->person_id);
	db_bind_text(st, 4, d->channel);
	db_bind_int64(st, 5, d->target_id);
	db_bind_text(st, 6, d->idem_key);
	db_bind_text(st, 7, d->state);
	db_bind_int64(st, 8, d->not_before);
	if (d->sent_at)
		db_bind_int64(st, 9, d->sent_at);
	else
		db_bind_null(st, 9, DB_INT64);
	db_bind_int64(st, 10, d->created_at);
	int rc = db_step(st, e);
	*created = rc >= 0 && db_changes(st) > 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

/* ---- preferences ---- */

int store_notify_prefs(struct store *s, id_t64 org, id_t64 person, unsigned *channels,
		       unsigned *has, int nkinds, const char *const *kind_names, struct err *e)
{
	static const char sql[] = "SELECT kind, channels FROM notify_pref WHERE org_id = ?1"
		" AND person_id = ?2";
	*has = 0;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	int rc;
	while ((rc = db_step(st, e)) > 0) {
		const char *k = db_col_text(st, 0);
		for (int i = 0; i < nkinds; i++)
			if (k && !strcmp(k, kind_names[i])) {
				channels[i] = (unsigned)db_col_int64(st, 1);
				*has |= 1u << i;
			}
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_notify_pref_set(struct store *s, id_t64 org, id_t64 person, const char *kind,
			  unsigned channels, struct err *e)
{
	static const char sql[] = "INSERT INTO notify_pref(org_id, person_id, kind, channels)"
		" VALUES (?1, ?2, ?3, ?4) ON CONFLICT (org_id, person_id, kind)"
		" DO UPDATE SET channels = excluded.channels";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_text(st, 3, kind);
	db_bind_int64(st, 4, channels);
	return db_run(st, e);
}

int store_notify_lang(struct store *s, id_t64 org, id_t64 person, struct arena *a,
		      const char **lang, struct err *e)
{
	static const char sql[] = "SELECT lang FROM notify_person WHERE org_id = ?1"
		" AND person_id = ?2";
	*lang = NULL;
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	int rc = db_step(st, e);
	if (rc > 0)
		*lang = db_col_str(st, 0, a);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_notify_lang_set(struct store *s, id_t64 org, id_t64 person, const char *lang,
			  struct err *e)
{
	static const char sql[] = "INSERT INTO notify_person(org_id, person_id, lang)"
		" VALUES (?1, ?2, ?3) ON CONFLICT (org_id, person_id) DO UPDATE SET lang = excluded.lang";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_text(st, 3, lang);
	return db_run(st, e);
}

/* ---- deliveries ---- */

#define DELIVERY_COLS "d.id, d.org_id, d.event_id, d.person_id, d.target_id, d.channel," \
	" d.idem_key, d.state, d.last_error, d.attempts, d.not_before, d.lease_until," \
	" d.sent_at, d.read_at, d.created_at, v.kind, v.dedupe, v.person_id, v.objective_id," \
	" v.link, v.data, v.created_at, p.name, p.email"
#define DELIVERY_FROM " FROM notify_delivery d JOIN notify_event v ON v.org_id = d.org_id AND v.id = d.event_id" \
	" LEFT JOIN person p ON p.org_id = d.org_id AND p.id = d.person_id"

static void read_delivery(struct db_stmt *st, struct arena *a, void *element)
{
	struct notify_delivery_row *d = element;
	memset(d, 0, sizeof(*d));
	d->id = db_col_int64(st, 0);
	d->org_id = db_col_int64(st, 1);
	d->event_id = db_col_int64(st, 2);
	d->person_id = db_col_int64(st, 3);
	d->target_id = db_col_int64(st, 4);
	d->channel = db_col_str(st, 5, a);
	d->idem_key = db_col_str(st, 6, a);
	d->state = db_col_str(st, 7, a);
	d->last_error = db_col_str(st, 8, a);
	d->attempts = (int)db_col_int64(st, 9);
	d->not_before = db_col_int64(st, 10);
	d->lease_until = db_col_int64(st, 11);
	d->sent_at = db_col_int64(st, 12);
	d->read_at = db_col_int64(st, 13);
	d->created_at = db_col_int64(st, 14);
	d->ev.id = d->event_id;
	d->ev.org_id = d->org_id;
	d->ev.kind = db_col_str(st, 15, a);
	d->ev.dedupe = db_col_str(st, 16, a);
	d->ev.person_id = db_col_int64(st, 17);
	d->ev.objective_id = db_col_int64(st, 18);
	d->ev.link = db_col_str(st, 19, a);
	d->ev.data = db_col_str(st, 20, a);
	d->ev.created_at = db_col_int64(st, 21);
	d->person_name = db_col_str(st, 22, a);
	d->person_email = db_col_str(st, 23, a);
}

static int collect(struct db_stmt *st, struct arena *a, struct notify_delivery_row **out,
		   size_t *n, struct err *e)
{
	return db_collect_rows(st, a, sizeof(**out), read_delivery, out, n, e);
}

static int count(struct db_stmt *st, size_t *out, struct err *e)
{
	int rc = db_step(st, e);
	if (rc > 0)
		*out = (size_t)db_col_int64(st, 0);
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_notify_inbox(struct store *s, id_t64 org, id_t64 person, bool unread_only,
		       size_t limit, size_t offset, struct arena *a,
		       struct notify_delivery_row **out, size_t *n, size_t *total, size_t *unread,
		       struct err *e)
{
	static const char sql[] = "SELECT " DELIVERY_COLS DELIVERY_FROM " WHERE d.org_id = ?1"
		" AND d.person_id = ?2 AND d.channel = 'inapp' AND (?3 = 0 OR d.read_at IS NULL)"
		" ORDER BY d.id DESC LIMIT ?4 OFFSET ?5";
	static const char cnt[] = "SELECT count(*), sum(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END)"
		" FROM notify_delivery WHERE org_id = ?1 AND person_id = ?2 AND channel = 'inapp'";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_int64(st, 3, unread_only ? 1 : 0);
	db_bind_int64(st, 4, (int64_t)limit);
	db_bind_int64(st, 5, (int64_t)offset);
	if (collect(st, a, out, n, e))
		return -1;
	st = db_prep(s->db, cnt, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	int rc = db_step(st, e);
	if (rc > 0) {
		size_t all = (size_t)db_col_int64(st, 0), un = (size_t)db_col_int64(st, 1);
		*unread = un;
		*total = unread_only ? un : all;
	}
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_notify_read(struct store *s, id_t64 org, id_t64 person, id_t64 id, int64_t at,
		      struct err *e)
{
	static const char sql[] = "UPDATE notify_delivery SET read_at = coalesce(read_at, ?4)"
		" WHERE org_id = ?1 AND person_id = ?2 AND id = ?3 AND channel = 'inapp'";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_int64(st, 3, id);
	db_bind_int64(st, 4, at);
	return db_run_update(st, "notification", e);
}

int store_notify_read_all(struct store *s, id_t64 org, id_t64 person, int64_t at,
			  struct err *e)
{
	static const char sql[] = "UPDATE notify_delivery SET read_at = ?3 WHERE org_id = ?1"
		" AND person_id = ?2 AND channel = 'inapp' AND read_at IS NULL";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, person);
	db_bind_int64(st, 3, at);
	return db_run(st, e);
}

int store_notify_deliveries(struct store *s, id_t64 org, const char *state, size_t limit,
			    size_t offset, struct arena *a, struct notify_delivery_row **out,
			    size_t *n, size_t *total, struct err *e)
{
	static const char sql[] = "SELECT " DELIVERY_COLS DELIVERY_FROM " WHERE d.org_id = ?1"
		" AND d.channel <> 'inapp' AND (?2 = '' OR d.state = ?2)"
		" ORDER BY d.id DESC LIMIT ?3 OFFSET ?4";
	static const char cnt[] = "SELECT count(*) FROM notify_delivery WHERE org_id = ?1"
		" AND channel <> 'inapp' AND (?2 = '' OR state = ?2)";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, state ? state : "");
	db_bind_int64(st, 3, (int64_t)limit);
	db_bind_int64(st, 4, (int64_t)offset);
	if (collect(st, a, out, n, e))
		return -1;
	st = db_prep(s->db, cnt, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_text(st, 2, state ? state : "");
	return count(st, total, e);
}

int store_notify_delivery_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			      struct notify_delivery_row *out, struct err *e)
{
	static const char sql[] = "SELECT " DELIVERY_COLS DELIVERY_FROM " WHERE d.org_id = ?1"
		" AND d.id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "delivery", e) < 0)
		return -1;
	read_delivery(st, a, out);
	db_done(st);
	return 0;
}

int store_notify_retry(struct store *s, id_t64 org, id_t64 id, int64_t now, struct err *e)
{
	static const char sql[] = "UPDATE notify_delivery SET state = 'pending', attempts = 0,"
		" not_before = ?3, lease_until = 0 WHERE org_id = ?1 AND id = ?2 AND state = 'failed'";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, now);
	return db_run_update(st, "delivery", e);
}

int store_notify_due(struct store *s, int64_t now, size_t limit, struct arena *a,
		     struct notify_delivery_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " DELIVERY_COLS DELIVERY_FROM
		" WHERE (d.state = 'pending' AND d.not_before <= ?1)"
		" OR (d.state = 'sending' AND d.lease_until < ?1) ORDER BY d.not_before, d.id LIMIT ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, (int64_t)limit);
	return collect(st, a, out, n, e);
}

int store_notify_claim(struct store *s, id_t64 org, id_t64 id, int64_t now, int64_t lease_until,
		       int *got, struct err *e)
{
	static const char sql[] = "UPDATE notify_delivery SET state = 'sending', lease_until = ?4,"
		" attempts = attempts + 1 WHERE org_id = ?1 AND id = ?2 AND ((state = 'pending'"
		" AND not_before <= ?3) OR (state = 'sending' AND lease_until < ?3))";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, now);
	db_bind_int64(st, 4, lease_until);
	int rc = db_step(st, e);
	*got = rc >= 0 && db_changes(st) > 0;
	db_done(st);
	return rc < 0 ? -1 : 0;
}

int store_notify_finish(struct store *s, id_t64 org, id_t64 id, const char *state,
			int64_t now, int64_t not_before, const char *detail, struct err *e)
{
	static const char upd[] = "UPDATE notify_delivery SET state = ?3, not_before = ?4,"
		" lease_until = 0, last_error = ?5, sent_at = CASE WHEN ?3 = 'sent' THEN ?6 ELSE sent_at END"
		" WHERE org_id = ?1 AND id = ?2";
	static const char att[] = "INSERT INTO notify_attempt(org_id, delivery_id, at, ok, detail)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	bool ok = !strcmp(state, "sent");
	struct db_stmt *st = db_prep(s->db, upd, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_text(st, 3, state);
	db_bind_int64(st, 4, not_before);
	if (ok || !detail)
		db_bind_null(st, 5, DB_TEXT);
	else
		db_bind_text(st, 5, detail);
	db_bind_int64(st, 6, now);
	if (db_run(st, e))
		return -1;
	st = db_prep(s->db, att, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, now);
	db_bind_int64(st, 4, ok ? 1 : 0);
	if (detail)
		db_bind_text(st, 5, detail);
	else
		db_bind_null(st, 5, DB_TEXT);
	return db_run(st, e);
}

static void read_attempt(struct db_stmt *st, struct arena *a, void *element)
{
	*(struct notify_attempt_row *)element = (struct notify_attempt_row){
		db_col_int64(st, 0), db_col_int64(st, 1) != 0, db_col_str(st, 2, a) };
}

int store_notify_attempts(struct store *s, id_t64 org, id_t64 delivery, struct arena *a,
			  struct notify_attempt_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT at, ok, detail FROM notify_attempt WHERE org_id = ?1"
		" AND delivery_id = ?2 ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, delivery);
	return db_collect_rows(st, a, sizeof(**out), read_attempt, out, n, e);
}

/* ---- chat places ---- */

#define CHANNEL_COLS "id, org_id, unit_id, created_by, kind, name, url, secret, created_at"

static void read_channel(struct db_stmt *st, struct arena *a, void *element)
{
	struct notify_channel_row *c = element;
	c->id = db_col_int64(st, 0);
	c->org_id = db_col_int64(st, 1);
	c->unit_id = db_col_int64(st, 2);
	c->created_by = db_col_int64(st, 3);
	c->kind = db_col_str(st, 4, a);
	c->name = db_col_str(st, 5, a);
	c->url = db_col_str(st, 6, a);
	c->secret = db_col_str(st, 7, a);
	c->created_at = db_col_int64(st, 8);
}

int store_notify_channel_add(struct store *s, const struct notify_channel_row *c, id_t64 *id,
			     struct err *e)
{
	static const char sql[] = "INSERT INTO notify_channel(org_id, unit_id, kind, name, url,"
		" secret, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, c->org_id);
	db_bind_id(st, 2, c->unit_id);
	db_bind_text(st, 3, c->kind);
	db_bind_text(st, 4, c->name);
	db_bind_text(st, 5, c->url);
	if (c->secret)
		db_bind_text(st, 6, c->secret);
	else
		db_bind_null(st, 6, DB_TEXT);
	db_bind_id(st, 7, c->created_by);
	db_bind_int64(st, 8, c->created_at);
	return db_insert_id(st, id, e);
}

int store_notify_channel_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			     struct notify_channel_row *out, struct err *e)
{
	static const char sql[] = "SELECT " CHANNEL_COLS " FROM notify_channel WHERE org_id = ?1"
		" AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	if (db_one_row(st, "channel", e) < 0)
		return -1;
	read_channel(st, a, out);
	db_done(st);
	return 0;
}

int store_notify_channel_delete(struct store *s, id_t64 org, id_t64 id, struct err *e)
{
	static const char sql[] = "DELETE FROM notify_channel WHERE org_id = ?1 AND id = ?2";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	db_bind_int64(st, 2, id);
	return db_run_update(st, "channel", e);
}

int store_notify_channels(struct store *s, id_t64 org, struct arena *a,
			  struct notify_channel_row **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT " CHANNEL_COLS " FROM notify_channel WHERE org_id = ?1"
		" ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	db_bind_int64(st, 1, org);
	return db_collect_rows(st, a, sizeof(**out), read_channel, out, n, e);
}

int store_org_ids(struct store *s, struct arena *a, struct ids *out, struct err *e)
{
	static const char sql[] = "SELECT id FROM org ORDER BY id";
	struct db_stmt *st = db_prep(s->db, sql, e);
	if (!st)
		return -1;
	return db_collect_ids(st, a, out, e);
}
