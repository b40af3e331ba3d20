/* The SMART analyzer: an objective judged on the five criteria — Specific,
 * Measurable, Achievable, Relevant, Time-bound — each with a verdict, reasons
 * as stable codes with French and English messages, a suggestion, and the
 * questions still to ask. Pure: the history the "achievable" check compares
 * with comes in the context (the measurement layer supplies it; tests
 * construct it). Fast: no allocation; one check is a few microseconds. */
#ifndef CIBLE_SMART_H
#define CIBLE_SMART_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/model.h"

enum smart_criterion { SMART_S, SMART_M, SMART_A, SMART_R, SMART_T, SMART__COUNT };
enum smart_verdict { SV_PASS, SV_WARN, SV_FAIL };
const char *smart_criterion_name(enum smart_criterion c);  /* "specific"... */
const char *smart_verdict_name(enum smart_verdict v);      /* "pass"... */

struct smart_context {
	day_t today;
	enum service_type service;  /* the owner's service (a unit's, or a person's unit's) */
	day_t hired_on;             /* a person owner's hire date, or DAY_NONE */
	bool aligned;               /* the parent chain reaches a strategic axis */
	const char *const *siblings;  /* titles of the objectives beside it */
	size_t nsiblings;
	/* History of the indicator: changes achieved before over a period as
	 * long as this one, in the indicator's unit (e.g. +4 points). */
	const double *own_changes;  /* the owner's */
	size_t nown;
	const double *peer_changes; /* the team's and same-seniority peers' */
	size_t npeer;
	/* Levels: the indicator's value over each past period as long as this
	 * one (newest first for the owner's). A cumulative (volume) indicator is
	 * judged on them (34, 38, 40 k€ a month make 25 k€ achievable), and so is
	 * a rate with no baseline (its latest level stands for the baseline). */
	bool cumulative;
	const double *own_levels;
	size_t nown_levels;
	const double *peer_levels;
	size_t npeer_levels;
	/* The value measured so far: at or past the target, it is achievable. */
	bool has_current;
	double current;
	/* The siblings' owners, parallel to siblings (NULL: not known, taken as
	 * the same owner): the same words for another owner are no duplicate. */
	const id_t64 *sibling_person, *sibling_unit;
	/* A parent's children on its own indicator: their targets' sum (their
	 * mean for a rate) against what they should make (the target, prorated
	 * for children on shorter periods). */
	bool has_children, children_rate;
	/* The share of the standard target the owner's ramp-up plan gives at
	 * the objective's start (0: no plan applies; the usual curve then). */
	double ramp_plan;
	double children_total, children_expected;
};

#define SMART_MAX_REASONS 12

struct smart_reason {
	enum smart_criterion criterion;
	enum smart_verdict verdict;
	const char *code;  /* stable, e.g. "vague_verb"; a key of the catalog */
};

struct smart_result {
	enum smart_verdict verdict[SMART__COUNT];
	struct smart_reason reasons[SMART_MAX_REASONS];
	int nreasons;
	int score;               /* 0..100 */
	unsigned questions;      /* bits of enum smart_question */
	/* children_gap: the children's total, what it should be, the unit */
	double gap_total, gap_expected;
	const char *gap_unit;
	/* indicator_unknown, Q_WHICH: the words taken for the indicator that
	 * match none (smart_ask_indicator) */
	const char *indicator_words;
};

enum smart_question { Q_WHO = 1, Q_WHAT = 2, Q_HOW_MUCH = 4, Q_WHEN = 8, Q_WHY = 16, Q_HOW = 32,
		      Q_WHERE = 64, Q_WHICH = 128 };
#define Q_LAST Q_WHICH

void smart_check(const struct objective *o, const struct smart_context *ctx,
		 struct smart_result *out);

/* The seeds: a new hire is never left without objectives. True when someone
 * hired within the last 90 days has none. */
bool smart_new_hire_without_objective(day_t hired_on, day_t today, int objectives);

/* The words a reader took for the indicator match no indicator: a warning
 * on Measurable naming them and the question "which indicator do these
 * words mean?" instead of a guess; the score follows. words must outlive r. */
void smart_ask_indicator(struct smart_result *r, const char *words);

/* A question in lang, with the indicator's words for Q_WHICH. */
void smart_question_render(const struct smart_result *r, enum smart_question q, enum lang lang,
			   struct buf *out);

/* Message and suggestion of a reason code, and the text of a question. */
const char *smart_message(const char *code, enum lang lang);
const char *smart_suggestion(const char *code, enum lang lang);
const char *smart_question_text(enum smart_question q, enum lang lang);

/* A reason's message in lang, with its figures (children_gap names the
 * children's total, the target and the gap). */
void smart_reason_message(const struct smart_result *r, const struct smart_reason *x,
			  enum lang lang, struct buf *out);

/* Human-readable report (the CLI). */
void smart_render_text(const struct smart_result *r, enum lang lang, struct buf *out);

extern const struct msg smart_messages[], smart_suggestions[];

#endif
