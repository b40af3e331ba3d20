/* The store's part for reviews (migration 0019_review): one row per
 * version of a review (store.h's conventions: 0 or -1 with *e, org-scoped,
 * arena strings). */
#ifndef CIBLE_STORE_REVIEW_H
#define CIBLE_STORE_REVIEW_H
#include "store/store.h"

struct review_row {
	id_t64 id, org_id;
	const char *subject;          /* "person" or "unit" */
	id_t64 subject_id, reviewee_id, manager_id;
	const char *reviewee_name, *manager_name, *subject_name;  /* read back */
	const char *period;           /* "quarter" or "year" */
	day_t start, end;
	int version;
	id_t64 previous_id;
	bool superseded;
	const char *worked, *not_worked, *ideas, *self_text, *manager_text;
	int64_t self_at, manager_at;  /* 0: not submitted */
	int64_t reviewee_signed_at, manager_signed_at;   /* 0: not signed */
	const char *reviewee_signed_name, *manager_signed_name;
	const char *outcomes;         /* JSON kept at the second signature; NULL before */
	const char *reopen_reason;
	id_t64 created_by;
	int64_t created_at, updated_at;
};

int store_review_create(struct store *s, const struct review_row *r, id_t64 *id,
			struct err *e);
int store_review_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
		     struct review_row *out, struct err *e);
/* writes every changeable column of r (texts, submissions, signatures,
 * outcomes, superseded) */
int store_review_update(struct store *s, const struct review_row *r, struct err *e);
/* the reviews of the organisation, newest period first (the caller filters
 * what may be read); subject NULL: every subject */
int store_review_list(struct store *s, id_t64 org, const char *subject, id_t64 subject_id,
		      struct arena *a, struct review_row **out, size_t *n, struct err *e);
/* *found 1 when a version of that subject and period is not superseded */
int store_review_current(struct store *s, id_t64 org, const char *subject, id_t64 subject_id,
			 const char *period, day_t start, id_t64 *id, int *found, struct err *e);

#endif
