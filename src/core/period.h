/* Periods and deadlines as people write them, in French and English, read
 * against a reference day (the organisation's day in its time zone) and the
 * month its fiscal year starts in: absolute dates ("30/06/2027", "15 mars",
 * "June 30, 2027"), deadlines ("d'ici", "avant", "au plus tard", "by",
 * "before", "no later than": from the reference day), month, quarter
 * (T1-T4, Q1-Q4), half-year, season, fiscal year and year, their ends and
 * starts, relative spans ("dans trois mois", "within 90 days", "next
 * quarter", "la semaine prochaine", "en mars prochain", "mid-year"), spans
 * ("all year", "sur le semestre") and rhythms ("chaque semaine", "every
 * month"). A period already past is read as the next one when that is what
 * people mean ("d'ici mars" in December: next March).
 *
 * Fiscal year N is the twelve months ending in year N: with a start in
 * April, "l'exercice 2027" runs 2026-04-01..2027-03-31 (start in January:
 * the calendar year). Pure, no allocation. */
#ifndef CIBLE_PERIOD_H
#define CIBLE_PERIOD_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "core/msg.h"
#include "core/textscan.h"

enum period_rhythm { PR_NONE, PR_DAILY, PR_WEEKLY, PR_MONTHLY, PR_QUARTERLY, PR_YEARLY };

struct period {
	bool found;
	day_t start, due;           /* DAY_NONE when not found */
	int pos;                    /* where it was said in the folded text */
	enum period_rhythm rhythm;  /* "chaque semaine": a rhythm, not a span */
};

/* Reads the period of a folded text (t->today, t->fy_start, t->lang). */
void period_scan(const struct tx *t, struct period *out);

/* Folds text (len bytes) and reads it. fy_start 1..12 (other values: 1).
 * Returns out->found. */
bool period_read(const char *text, size_t len, enum lang lang, day_t today, int fy_start,
		 struct period *out);

/* A year 1990..2100 written in four digits at i, else 0. */
int period_year_at(const struct tx *t, int i);

const char *period_rhythm_name(enum period_rhythm r);  /* "weekly"... */
#endif
