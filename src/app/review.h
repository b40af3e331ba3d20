/* Reviews as use cases: a quarter's or a year's look back on the objectives
 * of a person (their individual objectives) or of a team (its collective
 * objectives; the team's lead answers for it), written by two parties: the
 * person's side (the reviewee: the person, or the team's lead) and the
 * manager's side (the reviewee's manager: person.manager_id, else the lead
 * of the nearest unit above). Each objective due in the period comes with
 * its outcome as measured at min(today, the period's end): achieved (the
 * objective closed as achieved, or attainment >= 100 %), partly (above the
 * baseline: the attainment is given), missed (closed as missed, or not
 * above the baseline), not_measured (no indicator the organisation
 * measures). Texts: what worked, what did not and why, ideas (either party
 * writes them); the self-assessment (the reviewee only) and the manager's
 * assessment (the manager only), each hidden from everyone but its author
 * until both are submitted. Both sign, in either order, once both are
 * submitted; the names and times are kept, and the outcomes as they stood
 * at the second signature. A signed review is read-only: a party reopens
 * it as a new version (with a reason; audited), the old one is kept,
 * superseded. From a signed review, the manager's side drafts the next
 * period's objectives (kept, raised, new) as drafts that enter negotiation.
 *
 * Readers: the reviewee, their managers up the chain, hr; 404 for anyone
 * else. Writers: the two parties only (403 for the other readers). Every
 * write is one transaction with its audit row ("review"). Adapters:
 * src/http/api_review.c, src/web/page_review.c, the PDF: app/review_pdf.h. */
#ifndef CIBLE_APP_REVIEW_H
#define CIBLE_APP_REVIEW_H
#include <jansson.h>
#include "app/usecase.h"
#include "store/store_review.h"

#define REVIEW_TEXT_MAX 10000

enum review_side { SIDE_NONE, SIDE_REVIEWEE, SIDE_MANAGER };

/* A review as the caller sees it. */
struct review {
	struct review_row row;
	const char *status;     /* writing, signing, signed, superseded */
	enum review_side me;    /* the caller's side */
	bool both_submitted;
	/* the objectives of the period with their outcomes: an array of
	 * {objective_id, title, indicator, unit, direction, baseline, target,
	 * value, attainment, outcome, status, due} (owned by the caller of
	 * app_review_get: json_decref) */
	json_t *objectives;
};

struct review_create_input {
	const char *subject;    /* "person" (default) or "unit" */
	id_t64 subject_id;      /* the person or the unit */
	const char *period;     /* "quarter" or "year" */
	int year, quarter;      /* quarter 1-4 for a quarterly review */
};
int app_review_create(struct app *a, const struct review_create_input *in,
		      struct review *out, struct err *e);

enum { RV_WORKED = 1, RV_NOT_WORKED = 2, RV_IDEAS = 4, RV_SELF = 8, RV_MANAGER = 16 };
struct review_input {
	unsigned set;           /* RV_* */
	const char *worked, *not_worked, *ideas, *self_assessment, *manager_assessment;
};
int app_review_update(struct app *a, id_t64 id, const struct review_input *in,
		      struct review *out, struct err *e);
/* Submits the caller's assessment (a party; not blank). */
int app_review_submit(struct app *a, id_t64 id, struct review *out, struct err *e);
/* Signs as the caller's side (a party; both assessments submitted). */
int app_review_sign(struct app *a, id_t64 id, struct review *out, struct err *e);
/* A signed review opened again as a new version (a party; a reason). */
int app_review_reopen(struct app *a, id_t64 id, const char *reason, struct review *out,
		      struct err *e);
int app_review_get(struct app *a, id_t64 id, struct review *out, struct err *e);
/* The reviews the caller may read, newest period first; subject NULL: all
 * (person_id/unit_id filters); current_only: not superseded. */
int app_review_list(struct app *a, const char *subject, id_t64 subject_id, bool current_only,
		    struct review **v, size_t *n, struct err *e);

/* Next period's objectives drafted from a signed review. */
struct review_draft_item {
	id_t64 objective_id;    /* a kept or raised objective of the review; 0: new */
	bool has_target;        /* raised (or a new one's target) */
	double target;
	const char *title, *indicator, *unit;  /* a new objective's */
	id_t64 axis_id;         /* a new objective's axis (0: the first kept one's) */
};
int app_review_drafts(struct app *a, id_t64 id, const struct review_draft_item *items,
		      size_t n, struct objective **out, size_t *nout, struct err *e);

/* The review as the API renders it (the hidden assessments null). */
json_t *app_review_json(const struct review *r);
/* The review's outcome words: "achieved" -> "atteint"... in lang */
const char *review_outcome_word(const char *outcome, enum lang lang);

#endif
