/* Figures as a person reads them (figure.c): the one number formatter of
 * the program. Pages, the CLI, PDFs, the exports' CSV cells and the texts
 * the core writes all go through buf_add_num; no other code turns a number
 * into text for a reader. Never in exponent form. */
#ifndef CIBLE_FIGURE_H
#define CIBLE_FIGURE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/msg.h"

enum {
	NUM_PLAIN = 1,  /* no thousands groups: a data cell a spreadsheet reads back */
	NUM_FIXED = 2,  /* keep the trailing zeros of the decimals asked ("3,50") */
};

/* v rounded to `decimals` (0 to 12) decimals, the trailing zeros dropped
 * unless NUM_FIXED; thousands grouped with a narrow no-break space and a
 * decimal comma in French ("5 457 000", "3,77"), a comma and a point in
 * English ("5,457,000", "3.77"); no "-0". A NaN or an infinity appends
 * nothing. */
void buf_add_num(struct buf *b, double v, int decimals, unsigned flags, enum lang lang);
/* The same into out, with at most two decimals; "-" when v is not finite.
 * Returns out. */
char *num_format(double v, enum lang lang, char *out, size_t n);

/* A unit that counts seconds ("s", "sec", "secondes", "seconds"). */
bool unit_is_seconds(const char *unit);
/* A currency sign or code written before the amount in English ("€", "$",
 * "£", "EUR", "USD", "GBP"): "€5,457,000" but "5 457 000 €". */
bool unit_is_currency(const char *unit);
/* A duration in seconds: "45 s", "3 min 46 s", "1 h 05 min" (at most one
 * decimal under a minute). */
void buf_add_duration(struct buf *b, double seconds, enum lang lang);
/* A figure with its unit: money as "5 457 000 €" / "€5,457,000", seconds
 * as a duration, "%" as "81 %" / "81%", any other unit after the number
 * ("812 appels"). NULL or "" unit: the number alone. The space before a
 * unit is a no-break one. */
void buf_add_figure(struct buf *b, double v, const char *unit, enum lang lang);
char *figure_format(double v, const char *unit, enum lang lang, char *out, size_t n);

#endif
