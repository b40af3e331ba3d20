/* Two-way feedback as use cases: a manager to a member of their chain, a
 * member to a manager above them, about one of the member's objectives or
 * in general, answered in a thread by the two. Private: read by the two,
 * hr, and an admin only when the organisation's admins_read_feedback says
 * so (core/rhythm.h: access_private_read); 404 not_found for anyone else,
 * and never in a list but the two people's own (hr's, of a person, on
 * asking). The audit trail records that feedback was given or answered,
 * who to whom, never the text. Adapters: src/http/api_rhythm.c,
 * src/web/page_rhythm.c. */
#ifndef CIBLE_APP_FEEDBACK_H
#define CIBLE_APP_FEEDBACK_H
#include <jansson.h>
#include "app/usecase.h"
#include "store/store_rhythm.h"

#define FEEDBACK_TEXT_MAX 4000

/* Whether b is within a's reach: one is the other's manager, or a manager
 * of theirs further up (person.manager_id, else the lead of their unit or
 * of the nearest unit above with another lead). */
int app_within_reach(struct app *a, id_t64 x, id_t64 y, bool *out, struct err *e);
/* Whether boss is a manager of person (directly or further up). */
int app_is_manager_of(struct app *a, id_t64 boss, id_t64 person, bool *out, struct err *e);
/* The active people within the caller's reach, as the store lists them (the
 * pages' choice of whom to give feedback to or meet). */
int app_feedback_reach(struct app *a, struct person **v, size_t *n, struct err *e);

struct feedback_input {
	id_t64 to_id;
	id_t64 objective_id;  /* 0: in general */
	const char *text;
};
int app_feedback_create(struct app *a, const struct feedback_input *in,
			struct feedback_row *out, struct err *e);
/* An answer by one of the two (a closed thread takes none: 409). */
int app_feedback_reply(struct app *a, id_t64 thread, const char *text,
		       struct feedback_row *out, struct err *e);
/* Closes a thread (one of the two): it leaves the one-to-ones' agenda. */
int app_feedback_close(struct app *a, id_t64 thread, struct feedback_row *out,
		       struct err *e);
/* A thread and its answers, oldest first. */
int app_feedback_get(struct app *a, id_t64 thread, struct feedback_row *out,
		     struct feedback_row **replies, size_t *n, struct err *e);
/* The threads of person (0: the caller): the caller's own, or, for hr (an
 * admin when allowed), anyone's; with is not 0: only those with that
 * person (?peer=); open_only: not closed. */
int app_feedback_list(struct app *a, id_t64 person, id_t64 with, bool open_only,
		      struct feedback_row **v, size_t *n, struct err *e);
json_t *app_feedback_json(const struct feedback_row *f);

/* The manager of person: their manager_id, else the lead of their unit or
 * of the nearest unit above led by someone else; 0: none. By id, or for a
 * person already read. */
int app_manager_of(struct app *a, id_t64 person, id_t64 *out, struct err *e);
int app_manager_of_person(struct app *a, const struct person *x, id_t64 *out, struct err *e);

#endif
