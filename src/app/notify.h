/* Notifications as use cases (core/notify.h has the rules, store_notify.h
 * the tables of migration 0017_notify). An event is emitted by the use case
 * whose change caused it, inside its transaction (app_notify_emit): the
 * outbox row and one delivery per recipient and channel the recipient
 * chose, each with its idempotency key. The sender (app/sender.h) delivers
 * them. Adapters: src/http/api_notify.c (/api/notifications...),
 * src/web/page_notify.c (/settings/notifications), src/cli/cmd_send.c. */
#ifndef CIBLE_APP_NOTIFY_H
#define CIBLE_APP_NOTIFY_H
#include <jansson.h>
#include "app/usecase.h"
#include "core/notify.h"
#include "store/store_notify.h"

/* ---- emitting (inside app_tx) ---- */
struct notify_event_input {
	enum notify_kind kind;
	const char *dedupe;       /* the happening, unique in the org ("late:p4:2026-12-01") */
	id_t64 about_person;      /* whom it is about (0: none); chooses the signed webhooks */
	id_t64 objective_id;      /* 0: none */
	const char *link;         /* the page: a path ("/objectives/4") */
	struct notify_text text;  /* the values of its message */
	bool created;             /* out: false when the event was there already */
};
/* Writes the event (nothing when its dedupe is there already) and, for each
 * recipient, their in-app notification and the email and chat deliveries
 * they chose (chat: each Slack or Teams place of the organisation or of a
 * unit above the recipient, once per place); every signed webhook of the
 * organisation (or of a unit above about_person) gets the event once.
 * Email and chat wait for the day hours in the organisation's time zone. */
int app_notify_emit(struct app *a, struct notify_event_input *ev,
		    const id_t64 *recipients, size_t n, struct err *e);

/* The rhythm's scan, as the system, on the organisation's day: every
 * person late with a check-in gets a checkin_late event (once per due
 * day), every owner of an objective agreed and due within 7 days a
 * due_soon (once per objective and due day). *emitted counts new events. */
int app_notify_scan(struct app *a, size_t *emitted, struct err *e);

/* ---- preferences ---- */
struct notify_prefs {
	unsigned channels[NK__COUNT];
	unsigned chosen;          /* bit k: kind k has the person's own choice */
	enum lang lang;
	bool lang_chosen;
};
/* The caller's (a person; the system has none: 422) */
int app_notify_prefs_get(struct app *a, struct notify_prefs *out, struct err *e);
struct notify_prefs_input {
	const char *lang;         /* NULL: unchanged; "fr" or "en" */
	size_t n;
	struct {
		const char *kind;
		int inapp, email, chat;   /* -1: unchanged, 0, 1 */
	} v[NK__COUNT * 2];
};
int app_notify_prefs_set(struct app *a, const struct notify_prefs_input *in,
			 struct notify_prefs *out, struct err *e);
json_t *app_notify_prefs_json(const struct notify_prefs *p);

/* ---- the in-app inbox ---- */
int app_notify_inbox(struct app *a, bool unread_only, size_t limit, size_t offset,
		     struct notify_delivery_row **v, size_t *n, size_t *total, size_t *unread,
		     struct err *e);
int app_notify_read(struct app *a, id_t64 id, struct notify_delivery_row *out, struct err *e);
int app_notify_read_all(struct app *a, struct err *e);
/* {id, kind, text, link, created_at, read} in a->lang */
json_t *app_notify_item_json(const struct app *a, const struct notify_delivery_row *d);
/* the line of a delivery's event in lang */
void app_notify_line(const struct notify_delivery_row *d, enum lang lang, struct buf *out);
/* the values of an event's data */
void app_notify_text_of(const struct notify_delivery_row *d, struct arena *ar,
			struct notify_text *t);

/* ---- the admin's view: deliveries, failed ones, retry ---- */
int app_notify_deliveries(struct app *a, const char *state, size_t limit, size_t offset,
			  struct notify_delivery_row **v, size_t *n, size_t *total, struct err *e);
int app_notify_retry(struct app *a, id_t64 id, struct notify_delivery_row *out, struct err *e);
/* {id, event_id, kind, channel, recipient_id, target_id, idempotency_key, state,
 * attempts, last_error, not_before, sent_at, created_at, attempts_log?} */
json_t *app_notify_delivery_json(struct app *a, const struct notify_delivery_row *d,
				 bool with_attempts);

/* ---- chat places (an admin) ---- */
struct notify_channel_input {
	const char *kind;         /* slack, teams, webhook */
	const char *name;
	const char *url;
	const char *secret;       /* webhook: the signing key; NULL: one is made */
	id_t64 unit_id;           /* 0: the whole organisation */
};
int app_notify_channel_add(struct app *a, const struct notify_channel_input *in,
			   struct notify_channel_row *out, struct err *e);
int app_notify_channel_delete(struct app *a, id_t64 id, struct err *e);
int app_notify_channels(struct app *a, struct notify_channel_row **v, size_t *n,
			struct err *e);
/* with_secret: the signing key (only in the answer of its creation) */
json_t *app_notify_channel_json(const struct notify_channel_row *c, bool with_secret);

#endif
