/* The store's part for challenges, their frozen results and badges (see
 * store.h for the conventions: 0 or -1 with *e, org-scoped, arena strings).
 * A challenge's configuration beyond its scalar fields (indicators,
 * participants, leagues, rewards) is kept as one JSON document, spec, that
 * src/app/challenge.c writes and reads. */
#ifndef CIBLE_STORE_CHALLENGE_H
#define CIBLE_STORE_CHALLENGE_H
#include "store/store.h"

struct challenge_row {
	id_t64 id, org_id;
	const char *name;
	day_t start, end;
	const char *rule, *mode, *team_score, *visibility, *spec, *status;
	id_t64 created_by;
	int64_t created_at;
	day_t kept_on;   /* the day its kept figures are for; DAY_NONE: none */
};
int store_challenge_create(struct store *s, const struct challenge_row *c, id_t64 *id,
			   struct err *e);
int store_challenge_get(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			struct challenge_row *out, struct err *e);
/* every challenge of org, newest period first */
int store_challenge_list(struct store *s, id_t64 org, struct arena *a,
			 struct challenge_row **out, size_t *n, struct err *e);
/* the open challenges of org whose period ended before today: what is due
 * to close (the writes' transactions ask this each time; it reads no other) */
int store_challenge_list_due(struct store *s, id_t64 org, day_t today, struct arena *a,
			     struct challenge_row **out, size_t *n, struct err *e);
int store_challenge_set_status(struct store *s, id_t64 org, id_t64 id, const char *status,
			       struct err *e);

/* Kept figures (migration 0023): per participant, for each indicator slot
 * (0..CH_SLOTS-1), the value over the period up to kept_on (v) and up to the
 * day before (y); NaN for no figure (NULL in the table). */
#define CH_SLOTS 8
struct challenge_score_row {
	id_t64 person;
	double v[CH_SLOTS], y[CH_SLOTS];
};
/* challenge.kept_on: day, or DAY_NONE (none kept: computed at each read) */
int store_challenge_set_kept(struct store *s, id_t64 org, id_t64 id, day_t day, struct err *e);
/* Every challenge of org forgets its kept figures (an indicator redefined). */
int store_challenge_unkeep_all(struct store *s, id_t64 org, struct err *e);
int store_challenge_scores_clear(struct store *s, id_t64 org, id_t64 id, struct err *e);
/* Writes the n rows, many to a statement: inserted or replaced (upsert),
 * or, with only_kept, only the rows already there (a write touching people
 * who take no part). */
int store_challenge_scores_put(struct store *s, id_t64 org, id_t64 id,
			       const struct challenge_score_row *rows, size_t n, bool only_kept,
			       struct err *e);
/* Every kept row of the challenge, by person id. */
int store_challenge_scores(struct store *s, id_t64 org, id_t64 id, struct arena *a,
			   struct challenge_score_row **out, size_t *n, struct err *e);
/* The kept rows of people (sorted ids), unordered. */
int store_challenge_scores_of(struct store *s, id_t64 org, id_t64 id, const struct ids *people,
			      struct arena *a, struct challenge_score_row **out, size_t *n,
			      struct err *e);
/* Logs that the write of seq (store_board_seq_next) kept the figures of
 * people (migration 0025's board_change); the last 64 writes are kept. */
int store_board_change_add(struct store *s, id_t64 org, id_t64 id, int64_t seq,
			   const struct ids *people, struct err *e);
/* The people logged by the writes after seq `after`, in people (repeats
 * possible); *last the last seq read when they run without a gap from
 * after + 1 to at least upto, else -1 (some were pruned: read them all). */
int store_board_changes(struct store *s, id_t64 org, id_t64 id, int64_t after, int64_t upto,
			struct arena *a, struct ids *people, int64_t *last, struct err *e);
/* The challenge's board generation and the seq of its last write of kept
 * figures (migration 0025); both 0 when it has no row. */
int store_board_generation(struct store *s, id_t64 org, id_t64 id, int64_t *gen, int64_t *seq,
			   struct err *e);
/* The next seq of the challenge's kept figures, in the writer's transaction:
 * the row stays locked until it commits, so seqs show in their order. */
int store_board_seq_next(struct store *s, id_t64 org, id_t64 id, int64_t *seq, struct err *e);

/* The individual objectives (not cancelled, with a target and dates) on
 * indicator key whose period overlaps [from, to]: what the attainment rule
 * reads, without the rest of each objective. */
struct own_target_row {
	id_t64 person;
	double target, baseline;
	bool has_baseline;
	day_t start, due;
};
int store_challenge_own_targets(struct store *s, id_t64 org, const char *key, day_t from,
				day_t to, struct arena *a, struct own_target_row **out, size_t *n,
				struct err *e);

struct challenge_result_row {
	id_t64 id;
	int run;
	day_t closed_on;
	int64_t closed_at;
	id_t64 closed_by;
	const char *board;  /* JSON text */
};
int store_challenge_result_add(struct store *s, id_t64 org, id_t64 challenge,
			       const struct challenge_result_row *r, struct err *e);
/* every run, the latest first */
int store_challenge_results(struct store *s, id_t64 org, id_t64 challenge, struct arena *a,
			    struct challenge_result_row **out, size_t *n, struct err *e);

struct badge_row {
	id_t64 id, person_id, unit_id;  /* one of the two, the other 0 */
	const char *kind, *ref, *reason;  /* reason: JSON text */
	day_t awarded_on;
	int64_t created_at;
};
/* Awards the badge unless (kind, ref, person, unit) already has it:
 * *awarded 1 when new, 0 when it was there. */
int store_badge_award(struct store *s, id_t64 org, const struct badge_row *b, int *awarded,
		      struct err *e);
/* The badges of kinds held by these people (person_id in people) or these
 * units (unit_id in units): what an award checks in one read before it
 * writes only the new ones. Rows carry kind, ref, person_id and unit_id. */
int store_badges_held(struct store *s, id_t64 org, const struct ids *people,
		      const struct ids *units, struct arena *a, struct badge_row **out, size_t *n,
		      struct err *e);
/* a person's badges (person_id != 0) or a set of units' (units), oldest first */
int store_badge_list(struct store *s, id_t64 org, id_t64 person, const struct ids *units,
		     struct arena *a, struct badge_row **out, size_t *n, struct err *e);

#endif
