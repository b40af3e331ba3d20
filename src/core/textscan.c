/* The text scanner (see textscan.h). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/textscan.h"

/* --- folding ------------------------------------------------------------ */

static void put(struct tx *t, char c, int at)
{
	if (t->n < TX_FMAX - 1) {
		t->f[t->n] = c;
		t->at[t->n++] = at;
	}
}

/* Latin-1 supplement letters (U+00C0..U+00FF) to their base letter */
static const char latin1[65] = "aaaaaaaceeeeiiiidnooooo ouuuuyts" "aaaaaaaceeeeiiiidnooooo ouuuuyty";

void tx_fold(struct tx *t, const char *s, size_t len)
{
	if (len > TX_MAX)
		len = TX_MAX;
	t->n = 0;
	t->orig = s;
	t->olen = len;
	put(t, ' ', 0);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		int at = (int)i;
		if (c < 0x80) {
			put(t, c == '\t' || c == '\n' || c == '\r' || c == 0 ? ' ' : c == '$' ? '#'
			       : (char)tolower(c), at);
			i++;
			continue;
		}
		if (c == 0xc3 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0xbf) {
			int k = (unsigned char)s[i + 1] - 0x80;
			char b = latin1[k];
			if ((unsigned char)s[i + 1] == 0x9f) { /* ß */
				put(t, 's', at);
				put(t, 's', at);
			} else {
				put(t, b == ' ' ? ' ' : b, at);
			}
			i += 2;
			continue;
		}
		if (c == 0xc5 && i + 1 < len && ((unsigned char)s[i + 1] == 0x93 ||
						 (unsigned char)s[i + 1] == 0x92)) {  /* œ Œ */
			put(t, 'o', at);
			put(t, 'e', at);
			i += 2;
			continue;
		}
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0) {  /* nbsp */
			put(t, ' ', at);
			i += 2;
			continue;
		}
		if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
			unsigned char d = (unsigned char)s[i + 2];
			put(t, d == 0x99 || d == 0x98 ? '\'' : ' ', at);  /* ’ ‘, thin spaces */
			i += 3;
			continue;
		}
		if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x82 &&
		    (unsigned char)s[i + 2] == 0xac) {  /* € */
			put(t, ' ', at);
			put(t, '$', at);
			put(t, ' ', at);
			i += 3;
			continue;
		}
		/* anything else, valid or not: a blank, one byte at a time */
		put(t, ' ', at);
		i++;
	}
	put(t, ' ', (int)len);
	t->f[t->n] = '\0';
}

/* --- word helpers --------------------------------------------------------- */

bool tx_letter(char c)
{
	return (c >= 'a' && c <= 'z');
}

bool tx_boundary(const struct tx *t, int i)
{
	return i <= 0 || i >= t->n || !tx_letter(t->f[i]);
}

/* Does word (may hold spaces and apostrophes) start at i, whole? */
bool tx_word(const struct tx *t, int i, const char *w)
{
	size_t n = strlen(w);
	if (i < 0 || (size_t)i + n > (size_t)t->n || strncmp(t->f + i, w, n))
		return false;
	return tx_boundary(t, i - 1) && (!tx_letter(w[n - 1]) || tx_boundary(t, i + (int)n));
}

/* Position of the first whole occurrence of w at or after from, or -1. */
int tx_find(const struct tx *t, const char *w, int from)
{
	for (const char *p = t->f + (from > 0 ? from : 0); (p = strstr(p, w)); p++) {
		int i = (int)(p - t->f);
		if (tx_word(t, i, w))
			return i;
	}
	return -1;
}

/* A word starting with prefix at or after from (conjugations): its position. */
int tx_find_prefix(const struct tx *t, const char *prefix, int from)
{
	size_t n = strlen(prefix);
	for (const char *p = t->f + (from > 0 ? from : 0); (p = strstr(p, prefix)); p++) {
		int i = (int)(p - t->f);
		if (tx_boundary(t, i - 1) && i + (int)n <= t->n)
			return i;
	}
	return -1;
}

int tx_skip(const struct tx *t, int i)
{
	while (i < t->n && t->f[i] == ' ')
		i++;
	return i;
}

int tx_word_end(const struct tx *t, int i)
{
	while (i < t->n && (tx_letter(t->f[i]) || t->f[i] == '-'))
		i++;
	return i;
}

/* --- numbers ----------------------------------------------------------------- */


static const struct { const char *w; int v; } small_fr[] = {
	{ "zero", 0 }, { "un", 1 }, { "une", 1 }, { "deux", 2 }, { "trois", 3 }, { "quatre", 4 },
	{ "cinq", 5 }, { "six", 6 }, { "sept", 7 }, { "huit", 8 }, { "neuf", 9 }, { "dix", 10 },
	{ "onze", 11 }, { "douze", 12 }, { "treize", 13 }, { "quatorze", 14 }, { "quinze", 15 },
	{ "seize", 16 }, { "vingt", 20 }, { "vingts", 20 }, { "trente", 30 }, { "quarante", 40 },
	{ "cinquante", 50 }, { "soixante", 60 }, { "septante", 70 }, { "octante", 80 },
	{ "nonante", 90 },
	{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
	{ "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
	{ "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
	{ "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
	{ "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
	{ "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
};

static int small_word(const char *w, size_t n)
{
	for (size_t k = 0; k < sizeof(small_fr) / sizeof(small_fr[0]); k++)
		if (strlen(small_fr[k].w) == n && !strncmp(small_fr[k].w, w, n))
			return small_fr[k].v;
	return -1;
}

/* Written-out numbers: "vingt-cinq", "deux mille", "one hundred fifty",
 * "soixante-dix". "un"/"une"/"one" alone are articles, not numbers. */
static bool words_number(const struct tx *t, int i, struct tx_num *out)
{
	double total = 0, cur = 0;
	int words = 0, j = i, last_end = i;
	bool only_article = true;
	for (;;) {
		j = tx_skip(t, j);
		int e = j;
		while (e < t->n && tx_letter(t->f[e]))
			e++;
		if (e == j)
			break;
		size_t n = (size_t)(e - j);
		const char *w = t->f + j;
		int v = small_word(w, n);
		if (v == 20 && (int)cur % 100 == 4 && w[0] == 'v') {
			cur += 80 - 4;  /* quatre-vingt(s): 80 */
			only_article = false;
		} else if (v >= 0) {
			cur += v;
			if (!(n <= 3 && (!strncmp(w, "un", n) || !strncmp(w, "une", n) || !strncmp(w, "one", n))))
				only_article = false;
		} else if ((n == 4 && !strncmp(w, "cent", 4)) || (n == 5 && !strncmp(w, "cents", 5)) ||
			   (n == 7 && !strncmp(w, "hundred", 7))) {
			cur = (cur ? cur : 1) * 100;
			only_article = false;
		} else if ((n == 5 && !strncmp(w, "mille", 5)) || (n == 8 && !strncmp(w, "thousand", 8))) {
			total += (cur ? cur : 1) * 1000;
			cur = 0;
			only_article = false;
		} else if ((n == 2 && !strncmp(w, "et", 2)) || (n == 3 && !strncmp(w, "and", 3))) {
			if (!words)
				break;
		} else {
			break;
		}
		words++;
		last_end = e;
		j = e;
		if (j < t->n && t->f[j] == '-')
			j++;
	}
	if (!words)
		return false;
	out->start = i;
	out->end = last_end;
	out->v = total + cur;
	out->article = only_article;
	return true;
}

/* Digits: "1 234,5" "1.234" "12,5" (French), "1,234.5" (English), "12.5". */
bool tx_digits(const struct tx *t, int i, struct tx_num *out)
{
	if (!isdigit((unsigned char)t->f[i]) || (i > 0 && (isdigit((unsigned char)t->f[i - 1]) ||
						      t->f[i - 1] == '.' || t->f[i - 1] == ',')))
		return false;
	char buf[64];
	int k = 0, j = i;
	bool grouped = false;  /* a space-separated group read: "1 200 000" */
	while (j < t->n && k < 60) {
		char c = t->f[j];
		if (isdigit((unsigned char)c)) {
			buf[k++] = c;
			j++;
			continue;
		}
		/* a group of three digits after a space, a dot (fr) or a comma (en) */
		bool three = j + 3 < t->n && isdigit((unsigned char)t->f[j + 1]) &&
			     isdigit((unsigned char)t->f[j + 2]) && isdigit((unsigned char)t->f[j + 3]) &&
			     (j + 4 >= t->n || !isdigit((unsigned char)t->f[j + 4]));
		if (c == ' ' && three && (k <= 3 || grouped) && !memchr(buf, '.', (size_t)k)) {
			grouped = true;
			j++;
			continue;
		}
		if ((c == '.' || c == ',') && j + 1 < t->n && isdigit((unsigned char)t->f[j + 1])) {
			bool thousands = three && ((c == ',' && t->lang == LANG_EN) ||
						   (c == '.' && t->lang == LANG_FR));
			if (thousands) {
				j++;
				continue;
			}
			if (memchr(buf, '.', (size_t)k))
				break;
			buf[k++] = '.';
			j++;
			continue;
		}
		break;
	}
	buf[k] = '\0';
	if (!k)
		return false;
	out->start = i;
	out->end = j;
	out->v = strtod(buf, NULL);
	out->article = false;
	return isfinite(out->v);
}

bool tx_number(const struct tx *t, int i, struct tx_num *out)
{
	if (tx_digits(t, i, out))
		return true;
	return tx_boundary(t, i - 1) && tx_letter(t->f[i]) && words_number(t, i, out);
}

