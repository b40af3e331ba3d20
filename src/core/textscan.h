/* The text scanner shared by the sentence reader and the period reader: a
 * text folded once to lower-case ASCII (accents dropped, typographic
 * apostrophes and spaces made plain, "€" as '$', "$" as '#', anything else
 * a blank), with a map back to the original bytes; whole-word look-ups and
 * numbers as people write them (digits in both notations, or in words). */
#ifndef CIBLE_TEXTSCAN_H
#define CIBLE_TEXTSCAN_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "core/msg.h"

#define TX_MAX 1024                 /* bytes of the original read at most */
#define TX_FMAX (TX_MAX * 2 + 8)

struct tx {
	char f[TX_FMAX];     /* folded, with a blank at both ends */
	int at[TX_FMAX];     /* offset in the original of each folded byte */
	int n;
	const char *orig;
	size_t olen;
	day_t today;         /* the reference day periods are read against */
	int fy_start;        /* the month (1..12) the fiscal year starts in */
	enum lang lang;      /* decides "1,234" (en) against "1,5" (fr) */
};

struct tx_num {
	int start, end;  /* span in the folded text */
	double v;
	bool article;    /* "un", "one": a number only if a unit follows */
};

/* Folds s (len bytes, at most TX_MAX read) into t; t->today, fy_start and
 * lang are left as they are. */
void tx_fold(struct tx *t, const char *s, size_t len);
bool tx_letter(char c);
/* Is i outside a word (or past either end)? */
bool tx_boundary(const struct tx *t, int i);
/* Does w (may hold spaces and apostrophes) start at i as whole words? */
bool tx_word(const struct tx *t, int i, const char *w);
/* The first whole occurrence of w at or after from, or -1. */
int tx_find(const struct tx *t, const char *w, int from);
/* A word starting with prefix at or after from (conjugations), or -1. */
int tx_find_prefix(const struct tx *t, const char *prefix, int from);
int tx_skip(const struct tx *t, int i);        /* past blanks */
int tx_word_end(const struct tx *t, int i);    /* past letters and hyphens */
/* Digits at i: "1 234,5" "1.234" "12,5" (fr), "1,234.5" (en), "12.5". */
bool tx_digits(const struct tx *t, int i, struct tx_num *out);
/* Digits, or a number in words ("quatre-vingt-quinze", "two hundred"). */
bool tx_number(const struct tx *t, int i, struct tx_num *out);
#endif
