/* The store's part for the rhythm of objectives (migration 0011_rhythm):
 * cadence settings, the owners' last check-ins, feedback threads,
 * one-to-ones with their private notes and actions (store.h's conventions:
 * 0 or -1 with *e, org-scoped, arena strings). */
#ifndef CIBLE_STORE_RHYTHM_H
#define CIBLE_STORE_RHYTHM_H
#include "core/rhythm.h"
#include "store/store.h"

/* cadence settings */
int store_cadence_list(struct store *s, id_t64 org, struct arena *a,
		       struct cadence_setting **out, size_t *n, struct err *e);
int store_cadence_set(struct store *s, id_t64 org, const struct cadence_setting *c,
		      int64_t now, id_t64 by, struct err *e);
/* *removed: 1 when there was a setting */
int store_cadence_delete(struct store *s, id_t64 org, enum cadence_scope scope, id_t64 id,
			 int *removed, struct err *e);

/* The time of the last check-in written by each objective's owner (out[i]
 * for objectives->v[i]; 0: none). */
int store_checkin_last_own(struct store *s, id_t64 org, const struct ids *objectives,
			   struct arena *a, int64_t **out, struct err *e);
/* Check-ins on a set of objectives made at or after since, newest first, at
 * most limit. */
int store_checkin_since(struct store *s, id_t64 org, const struct ids *objectives,
			int64_t since, size_t limit, struct arena *a, struct checkin **out,
			size_t *n, struct err *e);

/* feedback: a thread is its opening row (thread_id 0) and its answers */
struct feedback_row {
	id_t64 id, org_id, thread_id, from_id, to_id, objective_id;
	const char *from_name, *to_name, *body;
	int64_t closed_at, created_at;   /* closed_at 0: open */
	id_t64 closed_by;
};
int store_feedback_create(struct store *s, const struct feedback_row *f, id_t64 *id,
			  struct err *e);
int store_feedback_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		       struct feedback_row *out, struct err *e);
/* the answers of a thread, oldest first */
int store_feedback_replies(struct store *s, id_t64 org, id_t64 thread, struct arena *a,
			   struct feedback_row **out, size_t *n, struct err *e);
/* the threads person opened or received, newest first */
int store_feedback_threads(struct store *s, id_t64 org, id_t64 person, struct arena *a,
			   struct feedback_row **out, size_t *n, struct err *e);
int store_feedback_close(struct store *s, id_t64 org, id_t64 id, int64_t at, id_t64 by,
			 struct err *e);

/* one-to-ones */
struct oneonone_row {
	id_t64 id, org_id, manager_id, member_id, created_by;
	const char *manager_name, *member_name, *shared_notes;
	day_t day;
	int64_t created_at, updated_at;
};
int store_oneonone_create(struct store *s, const struct oneonone_row *m, id_t64 *id,
			  struct err *e);
int store_oneonone_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		       struct oneonone_row *out, struct err *e);
int store_oneonone_update(struct store *s, const struct oneonone_row *m, struct err *e);
/* the one-to-ones person takes part in, latest day first */
int store_oneonone_list(struct store *s, id_t64 org, id_t64 person, struct arena *a,
			struct oneonone_row **out, size_t *n, struct err *e);
/* the pair's one-to-one just before m (by day, then id); *found 0: none */
int store_oneonone_previous(struct store *s, const struct oneonone_row *m, struct arena *a,
			    struct oneonone_row *out, int *found, struct err *e);
/* a private note: the author's, of a meeting; NULL when none */
int store_oneonone_note_get(struct store *s, id_t64 org, id_t64 meeting, id_t64 author,
			    struct arena *a, const char **body, struct err *e);
int store_oneonone_note_set(struct store *s, id_t64 org, id_t64 meeting, id_t64 author,
			    const char *body, int64_t now, struct err *e);

struct action_row {
	id_t64 id, org_id, meeting_id, owner_id;
	const char *owner_name, *title;
	day_t due, meeting_day;
	bool done;
	int64_t done_at, created_at;
};
int store_action_create(struct store *s, const struct action_row *x, id_t64 *id,
			struct err *e);
int store_action_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		     struct action_row *out, struct err *e);
int store_action_set_done(struct store *s, id_t64 org, id_t64 id, bool done, int64_t at,
			  struct err *e);
/* a meeting's actions, by id */
int store_action_list(struct store *s, id_t64 org, id_t64 meeting, struct arena *a,
		      struct action_row **out, size_t *n, struct err *e);
/* the actions not done of the pair's meetings before m (by day, then id) */
int store_action_open_before(struct store *s, const struct oneonone_row *m, struct arena *a,
			     struct action_row **out, size_t *n, struct err *e);

#endif
