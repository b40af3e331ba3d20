/* The store's part of notifications (migration 0017_notify): the outbox of
 * events, their deliveries and attempts, preferences and chat places
 * (store.h's conventions: 0 or -1 with *e, org-scoped, arena strings). */
#ifndef CIBLE_STORE_NOTIFY_H
#define CIBLE_STORE_NOTIFY_H
#include "store/store.h"

struct notify_event_row {
	id_t64 id, org_id, person_id, objective_id;
	const char *kind, *dedupe, *link, *data;  /* data: JSON text */
	int64_t created_at;
};
/* *created 0 (and *id the existing one's) when the org already has an
 * event of that dedupe: the same happening is written once. */
int store_notify_event_add(struct store *s, const struct notify_event_row *ev, id_t64 *id,
			   int *created, struct err *e);

struct notify_delivery_row {
	id_t64 id, org_id, event_id, person_id, target_id;
	const char *channel, *idem_key, *state, *last_error;
	int attempts;
	int64_t not_before, lease_until, sent_at, read_at, created_at;
	/* joined, when read */
	struct notify_event_row ev;
	const char *person_name, *person_email;
};
/* A new delivery; nothing when its idempotency key is there already
 * (*created 0). */
int store_notify_delivery_add(struct store *s, const struct notify_delivery_row *d,
			      int *created, struct err *e);

/* preferences: channels[k] for each kind with a row, has bit k set */
int store_notify_prefs(struct store *s, id_t64 org, id_t64 person, unsigned *channels,
		       unsigned *has, int nkinds, const char *const *kind_names, struct err *e);
int store_notify_pref_set(struct store *s, id_t64 org, id_t64 person, const char *kind,
			  unsigned channels, struct err *e);
/* the person's language; NULL when not chosen */
int store_notify_lang(struct store *s, id_t64 org, id_t64 person, struct arena *a,
		      const char **lang, struct err *e);
int store_notify_lang_set(struct store *s, id_t64 org, id_t64 person, const char *lang,
			  struct err *e);

/* in-app notifications of a person, newest first */
int store_notify_inbox(struct store *s, id_t64 org, id_t64 person, bool unread_only,
		       size_t limit, size_t offset, struct arena *a,
		       struct notify_delivery_row **out, size_t *n, size_t *total, size_t *unread,
		       struct err *e);
/* marks one in-app notification of person read (404 when not theirs) */
int store_notify_read(struct store *s, id_t64 org, id_t64 person, id_t64 id, int64_t at,
		      struct err *e);
int store_notify_read_all(struct store *s, id_t64 org, id_t64 person, int64_t at,
			  struct err *e);

/* deliveries of an org (state NULL: all but in-app), newest first; for the admin */
int store_notify_deliveries(struct store *s, id_t64 org, const char *state, size_t limit,
			    size_t offset, struct arena *a, struct notify_delivery_row **out,
			    size_t *n, size_t *total, struct err *e);
int store_notify_delivery_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			      struct notify_delivery_row *out, struct err *e);
/* put a failed delivery back to pending, its attempts counted from 0 */
int store_notify_retry(struct store *s, id_t64 org, id_t64 id, int64_t now, struct err *e);

/* the sender: deliveries due at now, of every organisation (pending and
 * not_before <= now, or sending with an expired lease), oldest first */
int store_notify_due(struct store *s, int64_t now, size_t limit, struct arena *a,
		     struct notify_delivery_row **out, size_t *n, struct err *e);
/* takes d for sending until lease_until (one attempt more); *got 0 when
 * someone else took it or it is no longer due */
int store_notify_claim(struct store *s, id_t64 org, id_t64 id, int64_t now, int64_t lease_until,
		       int *got, struct err *e);
/* the end of an attempt: sent, failed for good, or pending again at
 * not_before; the attempt recorded */
int store_notify_finish(struct store *s, id_t64 org, id_t64 id, const char *state,
			int64_t now, int64_t not_before, const char *detail, struct err *e);

struct notify_attempt_row {
	int64_t at;
	bool ok;
	const char *detail;
};
int store_notify_attempts(struct store *s, id_t64 org, id_t64 delivery, struct arena *a,
			  struct notify_attempt_row **out, size_t *n, struct err *e);

/* chat places */
struct notify_channel_row {
	id_t64 id, org_id, unit_id, created_by;
	const char *kind, *name, *url, *secret;
	int64_t created_at;
};
int store_notify_channel_add(struct store *s, const struct notify_channel_row *c, id_t64 *id,
			     struct err *e);
int store_notify_channel_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			     struct notify_channel_row *out, struct err *e);
int store_notify_channel_delete(struct store *s, id_t64 org, id_t64 id, struct err *e);
int store_notify_channels(struct store *s, id_t64 org, struct arena *a,
			  struct notify_channel_row **out, size_t *n, struct err *e);

/* every organisation's id (the sender's scan) */
int store_org_ids(struct store *s, struct arena *a, struct ids *out, struct err *e);

#endif
