/* One-to-ones as use cases: a meeting of a member and a manager of their
 * chain (app_within_reach), on a day, with an agenda made when it is read
 * (the member's objectives at risk, the check-ins since the pair's last
 * one-to-one, their open feedback, the actions of earlier meetings not yet
 * done, which come back until they are), shared notes, one private note
 * per author (read by its author alone), and actions with an owner (one of
 * the two) and a due day. Read by the two, hr, an admin when the
 * organisation allows (as feedback); written by the two; 404 otherwise.
 * A one-to-one with oneself is a 422 naming member_id. */
#ifndef CIBLE_APP_ONEONONE_H
#define CIBLE_APP_ONEONONE_H
#include <jansson.h>
#include "app/usecase.h"
#include "store/store_rhythm.h"

#define NOTES_MAX 10000

struct oneonone_input {
	unsigned set;              /* OO_* given */
	id_t64 manager_id, member_id;
	day_t day;
	const char *shared_notes, *private_notes;
};
enum { OO_MANAGER = 1, OO_MEMBER = 2, OO_DAY = 4, OO_SHARED = 8, OO_PRIVATE = 16 };

/* A one-to-one in full, as the caller may see it. */
struct agenda_item {
	const struct objective *o;
	const char *why;           /* "measured" (progress status) or "checkin" (last said) */
	const char *status;        /* at_risk, off_track */
};
struct oneonone {
	struct oneonone_row m;
	const char *private_notes;  /* the caller's own; NULL: none */
	struct action_row *actions;
	size_t nactions;
	/* the agenda */
	bool has_previous;
	day_t previous_day;
	struct agenda_item *at_risk;
	size_t nrisk;
	struct checkin *checkins;
	size_t ncheckins;
	struct feedback_row *feedback;
	size_t nfeedback;
	struct action_row *open_actions;
	size_t nopen;
};

int app_oneonone_create(struct app *a, const struct oneonone_input *in, struct oneonone *out,
			struct err *e);
int app_oneonone_get(struct app *a, id_t64 id, struct oneonone *out, struct err *e);
int app_oneonone_update(struct app *a, id_t64 id, const struct oneonone_input *in,
			struct oneonone *out, struct err *e);
/* The one-to-ones of person (0: the caller; hr or an allowed admin: anyone),
 * latest day first. */
int app_oneonone_list(struct app *a, id_t64 person, struct oneonone_row **v, size_t *n,
		      struct err *e);
json_t *app_oneonone_row_json(const struct oneonone_row *m, day_t today);
json_t *app_oneonone_json(const struct oneonone *o, day_t today);

struct action_input {
	id_t64 owner_id;
	const char *title;
	day_t due;                 /* DAY_NONE: none */
};
int app_action_create(struct app *a, id_t64 meeting, const struct action_input *in,
		      struct action_row *out, struct err *e);
int app_action_set_done(struct app *a, id_t64 id, bool done, struct action_row *out,
			struct err *e);
json_t *app_action_json(const struct action_row *x);

#endif
