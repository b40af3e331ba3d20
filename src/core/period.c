/* The period reader (see period.h). Each form is looked for in turn, the
 * named periods first (fiscal years, half-years, seasons, year spans, year
 * ends, months), then quarters, relative spans, month and year ends, dates,
 * this/next/last spans and bare years; the first found wins. */
#include <ctype.h>
#include <string.h>
#include "core/period.h"

static void read_period(const struct tx *t, struct period *p);

static bool starts(const struct tx *t, int i, const char *w)
{
	return tx_word(t, i, w);
}

/* --- dates --------------------------------------------------------------------- */

static const char *const months_fr[] = { "janvier", "fevrier", "mars", "avril", "mai", "juin",
					 "juillet", "aout", "septembre", "octobre", "novembre",
					 "decembre" };
static const char *const months_en[] = { "january", "february", "march", "april", "may", "june",
					 "july", "august", "september", "october", "november",
					 "december" };

static unsigned lead_in(const struct tx *t, int at);

static int today_year(const struct tx *t)
{
	int y, m, d;
	date_to_ymd(t->today, &y, &m, &d);
	return y;
}

static int today_month(const struct tx *t)
{
	int y, m, d;
	date_to_ymd(t->today, &y, &m, &d);
	return m;
}

/* A month's name at i, whole or short ("janv.", "sept", "Feb"): its number,
 * and in *end where it ends (past a dot). 0 when none. */
static int month_word(const struct tx *t, int i, int *end)
{
	static const struct { const char *w; int m; } shortf[] = {
		{ "janv", 1 }, { "fevr", 2 }, { "fev", 2 }, { "avr", 4 }, { "juil", 7 }, { "sept", 9 },
		{ "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 }, { "jul", 7 },
		{ "aug", 8 }, { "sep", 9 }, { "oct", 10 }, { "nov", 11 }, { "dec", 12 } };
	if (!tx_boundary(t, i - 1) || !tx_letter(t->f[i]))
		return 0;
	int m = 0, e = i;
	for (int k = 0; k < 12 && !m; k++) {
		if (starts(t, i, months_fr[k]))
			m = k + 1, e = i + (int)strlen(months_fr[k]);
		else if (starts(t, i, months_en[k]))
			m = k + 1, e = i + (int)strlen(months_en[k]);
	}
	for (size_t k = 0; k < sizeof(shortf) / sizeof(shortf[0]) && !m; k++)
		if (starts(t, i, shortf[k].w))
			m = shortf[k].m, e = i + (int)strlen(shortf[k].w);
	/* "mar", "jun", "may": only with a day or a year next to them, or after
	 * "by", "d'ici"..., never a word alone */
	bool whole = m && (!strncmp(t->f + i, months_fr[m - 1], strlen(months_fr[m - 1])) ||
			   !strncmp(t->f + i, months_en[m - 1], strlen(months_en[m - 1])));
	if (whole && !strncmp(t->f + i, "may", 3)) {
		int j = tx_skip(t, e);
		if (!isdigit((unsigned char)t->f[j]) && !lead_in(t, i))
			return 0;
	} else if (m && !whole && e - i == 3 && strncmp(t->f + i, "dec", 3) && strncmp(t->f + i, "oct", 3) &&
	    strncmp(t->f + i, "nov", 3) && strncmp(t->f + i, "jan", 3) && strncmp(t->f + i, "feb", 3) &&
	    strncmp(t->f + i, "aug", 3) && strncmp(t->f + i, "sep", 3) && strncmp(t->f + i, "apr", 3)) {
		int j = tx_skip(t, e + (t->f[e] == '.'));
		if (!isdigit((unsigned char)t->f[j]))
			return 0;
	}
	if (m && t->f[e] == '.')
		e++;
	*end = e;
	return m;
}

static int month_at(const struct tx *t, int i)
{
	int e;
	return month_word(t, i, &e);
}

int period_year_at(const struct tx *t, int i)
{
	struct tx_num n;
	if (tx_digits(t, i, &n) && n.end - n.start == 4 && n.v >= 1990 && n.v <= 2100)
		return (int)n.v;
	return 0;
}

static void quarter_of(const struct tx *t, int q, int y, day_t *start, day_t *due)
{
	int ty, tm, td;
	date_to_ymd(t->today, &ty, &tm, &td);
	if (!y)
		y = (tm - 1) / 3 + 1 > q ? ty + 1 : ty;
	*start = date_from_ymd(y, 3 * q - 2, 1);
	*due = date_quarter_end(*start);
}


static void set_period(struct period *p, day_t start, day_t due, int pos)
{
	if (p->found)
		return;
	if (start > due)
		start = due;  /* a deadline already passed: a day, never a reversed period */
	p->found = true;
	p->start = start;
	p->due = due;
	p->pos = pos;
}

/* past ", " and "." */
static int skip_punct(const struct tx *t, int i)
{
	while (i < t->n && (t->f[i] == ' ' || t->f[i] == ',' || t->f[i] == '.'))
		i++;
	return i;
}

/* past an ordinal's ending: "1er", "2e", "15th", "1st", "2nd", "3rd" */
static int skip_ordinal(const struct tx *t, int i)
{
	static const char *const suf[] = { "er", "eme", "e", "th", "st", "nd", "rd" };
	for (size_t k = 0; k < sizeof(suf) / sizeof(suf[0]); k++) {
		size_t n = strlen(suf[k]);
		if (!strncmp(t->f + i, suf[k], n) && !tx_letter(t->f[i + (int)n]))
			return i + (int)n;
	}
	return i;
}

/* day dd of month mm, in year y, or (y 0) the next one on or after today */
static bool make_day(const struct tx *t, int y, int mm, int dd, day_t *d)
{
	if (!y) {
		y = today_year(t);
		if (mm >= 1 && mm <= 12 && date_valid_ymd(y, mm, dd) && date_from_ymd(y, mm, dd) < t->today)
			y++;
	}
	if (!date_valid_ymd(y, mm, dd))
		return false;
	*d = date_from_ymd(y, mm, dd);
	return true;
}

/* A day written at i: "2027-06-30", "30/06", "30/06/2027", "5/3/27" (day
 * first; month first when the first cannot be a month, "06/30/2027"; in
 * English, both under 13 is not read), "30 juin 2027", "1er avril", "15th
 * March", "the 15th of March", "June 30, 2027", "March 15th". */
static int prev_word(const struct tx *t, int i, int *end);

/* "4/5", "8/10" with no year and no word that brings a date before it
 * ("le", "avant", "d'ici", "by", "on"...): a score on a scale, not a day. */
static bool score_not_day(const struct tx *t, int i, double num, double den)
{
	if (!(den == 5 || den == 10) || num > den)
		return false;
	static const char *const intro[] = { "le", "du", "au", "avant", "d'ici", "jusqu'au", "pour",
					     "by", "before", "on", "until", "from", "the", "till",
					     "than", "entre", "et", "and", "between", "apres", "after" };
	int e, b = prev_word(t, i, &e);
	if (b < 0)
		return true;
	for (size_t k = 0; k < sizeof(intro) / sizeof(intro[0]); k++)
		if ((int)strlen(intro[k]) == e - b && !strncmp(t->f + b, intro[k], (size_t)(e - b)))
			return false;
	return true;
}

static bool date_at(const struct tx *t, int i, day_t *d)
{
	struct tx_num a;
	if (!tx_digits(t, i, &a)) {
		int me, m = month_word(t, i, &me);
		if (!m)
			return false;
		int j = tx_skip(t, me);
		if (starts(t, j, "the"))
			j = tx_skip(t, j + 3);
		if (!tx_digits(t, j, &a) || a.v < 1 || a.v > 31 || a.end - a.start > 2 ||
		    t->f[a.end] == '/' || t->f[a.end] == '%')
			return false;
		int k = skip_ordinal(t, a.end);
		if (tx_letter(t->f[k]))
			return false;
		return make_day(t, period_year_at(t, skip_punct(t, k)), m, (int)a.v, d);
	}
	/* ISO */
	if (a.end - a.start == 4 && t->f[a.end] == '-') {
		struct tx_num b, c;
		if (tx_digits(t, a.end + 1, &b) && t->f[b.end] == '-' && tx_digits(t, b.end + 1, &c) &&
		    b.end - b.start == 2 && c.end - c.start == 2)
			return make_day(t, (int)a.v, (int)b.v, (int)c.v, d);
		return false;
	}
	if (a.v < 1 || a.v > 31 || a.end - a.start > 2)
		return false;
	if (t->f[a.end] == '/' || (t->f[a.end] == '.' && isdigit((unsigned char)t->f[a.end + 1]) &&
				   t->lang == LANG_FR && 0)) {
		struct tx_num b, c;
		if (!tx_digits(t, a.end + 1, &b) || b.end - b.start > 2 || b.v < 1 || b.v > 31)
			return false;
		int y = 0;
		if (t->f[b.end] == '/' && tx_digits(t, b.end + 1, &c) &&
		    (c.end - c.start == 2 || c.end - c.start == 4))
			y = c.v < 100 ? 2000 + (int)c.v : (int)c.v;
		else if (t->f[b.end] == '/')
			return false;
		if (!y && score_not_day(t, i, a.v, b.v))
			return false;
		int dd = (int)a.v, mm = (int)b.v;
		if (mm > 12 && dd <= 12) {
			int x = dd;
			dd = mm;
			mm = x;
		} else if (mm > 12 || (t->lang == LANG_EN && dd <= 12 && mm <= 12 && dd != mm)) {
			return false;  /* "03/04" in English: March 4 or 3 April, not guessed */
		}
		return make_day(t, y, mm, dd, d);
	}
	int j = tx_skip(t, skip_ordinal(t, a.end));
	if (starts(t, j, "of"))
		j = tx_skip(t, j + 2);
	int me, m = month_word(t, j, &me);
	if (!m)
		return false;
	return make_day(t, period_year_at(t, skip_punct(t, me)), m, (int)a.v, d);
}

/* --- named periods: years, months, seasons, halves, fiscal years ---------- */

/* The word ending just before i: its start (-1 when none). */
static int prev_word(const struct tx *t, int i, int *end)
{
	int e = i;
	while (e > 0 && (t->f[e - 1] == ' ' || t->f[e - 1] == ','))
		e--;
	int b = e;
	while (b > 0 && (tx_letter(t->f[b - 1]) || t->f[b - 1] == '\'' || t->f[b - 1] == '-'))
		b--;
	*end = e;
	return b < e ? b : -1;
}

static bool is_w(const struct tx *t, int b, int e, const char *w)
{
	return (int)strlen(w) == e - b && !strncmp(t->f + b, w, (size_t)(e - b));
}

static bool is_any(const struct tx *t, int b, int e, const char *const *ws)
{
	for (; *ws; ws++)
		if (is_w(t, b, e, *ws))
			return true;
	return false;
}

enum { LEAD_DEADLINE = 1, LEAD_END = 2, LEAD_START = 4, LEAD_SPAN = 8 };

/* What the words just before at say of what follows: a deadline ("d'ici",
 * "avant", "by", "before", "au plus tard", "no later than", "until"), its end
 * ("fin", "end", "clôture"), its start ("début", "start", "early"), a span
 * ("en", "in", "sur", "during", "au cours de", "throughout"). Fillers (le,
 * la, du, de, the, of) are skipped; any other word stops the look. */
static unsigned lead_in(const struct tx *t, int at)
{
	static const char *const fill[] = { "le", "la", "les", "l'", "du", "de", "d'", "des", "the",
					    "of", "a", "au", "cette", "ce", "cet", "this", NULL };
	static const char *const dl[] = { "d'ici", "avant", "by", "before", "until", "till",
					  "jusqu'au", "jusqu'a", "jusqu'en", "jusqu'", "ahead", "pour",
					  "prior", NULL };
	static const char *const endw[] = { "fin", "end", "cloture", "close", "closing", "year-end",
					    NULL };
	static const char *const startw[] = { "debut", "start", "early", "beginning", "commencement",
					      "opening", NULL };
	static const char *const span[] = { "en", "in", "sur", "over", "during", "durant", "pendant",
					    "throughout", "within", NULL };
	unsigned f = 0;
	int i = at;
	for (int n = 0; n < 8; n++) {
		int e, b = prev_word(t, i, &e);
		if (b < 0)
			break;
		if (is_any(t, b, e, endw)) {
			f |= LEAD_END;
		} else if (is_any(t, b, e, startw)) {
			f |= LEAD_START;
		} else if (is_any(t, b, e, dl)) {
			if (!is_w(t, b, e, "pour"))
				f |= LEAD_DEADLINE;
			if (is_w(t, b, e, "pour") && !(f & (LEAD_END | LEAD_START)))
				f |= LEAD_SPAN;
			else if (is_w(t, b, e, "pour"))
				f |= LEAD_DEADLINE;
			break;
		} else if (is_w(t, b, e, "tard") || is_w(t, b, e, "than")) {
			int e2, b2 = prev_word(t, b, &e2);
			if (b2 >= 0 && (is_w(t, b2, e2, "plus") || is_w(t, b2, e2, "later")))
				f |= LEAD_DEADLINE;
			break;
		} else if (is_w(t, b, e, "cours") || is_w(t, b, e, "long")) {
			f |= LEAD_SPAN;  /* "au cours de", "tout au long de" */
			break;
		} else if (is_any(t, b, e, span)) {
			f |= LEAD_SPAN;
			break;
		} else if (!is_any(t, b, e, fill)) {
			break;
		}
		i = b;
	}
	return f;
}

static bool deadline_before(const struct tx *t, int at)
{
	return lead_in(t, at) & LEAD_DEADLINE;
}

static bool end_before(const struct tx *t, int at)
{
	return lead_in(t, at) & LEAD_END;
}

/* A year said after i, skipping "de", "of", "de l'annee": 0 when none. */
static int year_after(const struct tx *t, int i)
{
	int j = tx_skip(t, i);
	if (starts(t, j, "de l'annee") || starts(t, j, "of the year"))
		j = tx_skip(t, j + 10);
	else if (starts(t, j, "de") || starts(t, j, "of"))
		j = tx_skip(t, j + 2);
	if (t->f[j] == '\'' )
		j++;
	return period_year_at(t, j);
}

/* A deadline when said so (start today), else the span itself. */
static void deadline_or_span(const struct tx *t, struct period *p, int at, day_t s, day_t d)
{
	unsigned l = lead_in(t, at);
	if (l & LEAD_START)
		set_period(p, t->today, s, at);
	else
		set_period(p, l & (LEAD_DEADLINE | LEAD_END) ? t->today : s, d, at);
}

/* "fin 2026", "by the end of 2027", "avant fin 2027" */
static bool year_end(const struct tx *t, struct period *p)
{
	static const char *const endof[] = { "fin", "the end of", "end of", "year end", "year-end" };
	for (size_t k = 0; k < sizeof(endof) / sizeof(endof[0]); k++)
		for (int at = tx_find(t, endof[k], 0); at >= 0; at = tx_find(t, endof[k], at + 1)) {
			int j = tx_skip(t, at + (int)strlen(endof[k]));
			int y = k >= 3 ? today_year(t) : period_year_at(t, j);
			if (!y || (k >= 3 && at >= 7 && !strncmp(t->f + at - 7, "fiscal ", 7)))
				continue;
			set_period(p, t->today, date_from_ymd(y, 12, 31), at);
			return true;
		}
	return false;
}

/* "toute l'année", "all year", "mi-année", "by mid-year", "mid-2027" */
static bool year_spans(const struct tx *t, struct period *p)
{
	static const char *const all[] = { "toute l'annee", "all year", "tout au long de l'annee",
					   "throughout the year", "the whole year", "l'annee entiere",
					   "the full year", "full year" };
	for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++) {
		int at = tx_find(t, all[k], 0);
		if (at < 0)
			continue;
		int y = year_after(t, at + (int)strlen(all[k]));
		if (!y)
			y = today_year(t);
		set_period(p, date_from_ymd(y, 1, 1), date_from_ymd(y, 12, 31), at);
		return true;
	}
	static const char *const mid[] = { "mi-annee", "mi annee", "mid-year", "mid year", "midyear",
					   "milieu d'annee", "milieu de l'annee", "the middle of the year",
					   "mi-", "mid-" };
	for (size_t k = 0; k < sizeof(mid) / sizeof(mid[0]); k++) {
		int at = tx_find(t, mid[k], 0);
		if (at < 0)
			continue;
		int e = at + (int)strlen(mid[k]);
		int y = year_after(t, k >= 8 ? e : e);
		if (k >= 8 && !y)
			continue;
		if (!y)
			y = today_month(t) <= 6 ? today_year(t) : today_year(t) + 1;
		set_period(p, t->today, date_from_ymd(y, 6, 30), at);
		return true;
	}
	return false;
}

/* "en mars prochain", "next March", "en mars", "in March 2027": the month;
 * "d'ici décembre", "by December 2027", "avant juin": its end. */
static bool named_month(const struct tx *t, struct period *p)
{
	for (int at = 1; at < t->n; at++) {
		if (!tx_boundary(t, at - 1) || !tx_letter(t->f[at]))
			continue;
		int m = month_at(t, at);
		if (!m)
			continue;
		int e = tx_skip(t, tx_word_end(t, at));
		struct tx_num dn;
		if (tx_digits(t, e, &dn) && dn.end - dn.start <= 2)
			continue;  /* "june 30": a date */
		int pb = at - 1;
		while (pb > 0 && t->f[pb] == ' ')
			pb--;
		if (pb > 1 && (isdigit((unsigned char)t->f[pb]) || (t->f[pb] == 'r' && t->f[pb - 1] == 'e' &&
								    isdigit((unsigned char)t->f[pb - 2]))))
			continue;  /* "15 mars", "1er mai": a date */
		bool next = starts(t, e, "prochain");
		int back = at - 6 > 0 ? at - 6 : 0;
		int nx = tx_find(t, "next", back);
		next = next || (nx >= 0 && nx < at);
		int y = period_year_at(t, next ? tx_skip(t, tx_word_end(t, e)) : e);
		if (!y) {
			y = today_year(t);
			if (m < today_month(t) || (next && m == today_month(t)))
				y++;
		}
		day_t s = date_from_ymd(y, m, 1), d = date_from_ymd(y, m, date_days_in_month(y, m));
		unsigned l = lead_in(t, at);
		if (l & LEAD_START) {
			set_period(p, t->today, s, at);
			return true;
		}
		if (l & (LEAD_DEADLINE | LEAD_END)) {
			set_period(p, t->today, d, at);
			return true;
		}
		static const char *const in[] = { "en", "in", "au mois de", "durant", "during", "pour",
						  "for", "sur" };
		bool said = next;
		for (size_t k = 0; k < sizeof(in) / sizeof(in[0]) && !said; k++) {
			int b = at - (int)strlen(in[k]) - 1;
			said = b >= 0 && starts(t, b, in[k]);
		}
		if (!said)
			continue;
		set_period(p, s, d, at);
		return true;
	}
	return false;
}

/* seasons, meteorological: spring March-May, summer June-August, autumn
 * September-November, winter December-February. "d'ici l'été", "by summer":
 * the eve of the next summer; "fin de l'été": its end; "cet été": the span. */
static bool season(const struct tx *t, struct period *p)
{
	static const struct { const char *w; int m; } sn[] = {
		{ "l'ete", 6 }, { "ete", 6 }, { "summer", 6 }, { "l'hiver", 12 }, { "hiver", 12 },
		{ "winter", 12 }, { "printemps", 3 }, { "spring", 3 }, { "l'automne", 9 },
		{ "automne", 9 }, { "autumn", 9 }, { "fall", 9 } };
	for (size_t k = 0; k < sizeof(sn) / sizeof(sn[0]); k++)
		for (int at = tx_find(t, sn[k].w, 0); at >= 0; at = tx_find(t, sn[k].w, at + 1)) {
			int e = at + (int)strlen(sn[k].w);
			if (!strcmp(sn[k].w, "fall") && !lead_in(t, at) &&
			    tx_find(t, "this fall", at - 5) != at - 5 && tx_find(t, "next fall", at - 5) != at - 5)
				continue;
			int sm = sn[k].m, y = year_after(t, e);
			int ty = today_year(t);
			day_t s, d;
			if (y) {
				s = date_from_ymd(y, sm, 1);
			} else {
				/* the season now or the next one */
				s = date_from_ymd(ty, sm, 1);
				day_t end = date_add_months(s, 3) - 1;
				day_t prev = date_from_ymd(ty - 1, sm, 1);
				if (date_add_months(prev, 3) - 1 >= t->today)
					s = prev;
				else if (end < t->today)
					s = date_from_ymd(ty + 1, sm, 1);
				int bk = at - 6 > 0 ? at - 6 : 0, nx = tx_find(t, "next", bk);
				if ((nx >= 0 && nx < at) || starts(t, tx_skip(t, e), "prochain"))
					if (s <= t->today)
						s = date_add_months(s, 12);
			}
			d = date_add_months(s, 3) - 1;
			if (end_before(t, at)) {
				set_period(p, t->today, d, at);
			} else if (deadline_before(t, at)) {
				if (s <= t->today)
					s = date_add_months(s, 12);
				set_period(p, t->today, s - 1, at);
			} else {
				set_period(p, s, d, at);
			}
			return true;
		}
	return false;
}

/* half-years: "premier semestre", "S1 2027", "H1", "first half of 2027",
 * "ce semestre"; a half already past is next year's. */
static bool half_year(const struct tx *t, struct period *p)
{
	static const struct { const char *w; int h; } hs[] = {
		{ "premier semestre", 1 }, { "1er semestre", 1 }, { "second semestre", 2 },
		{ "deuxieme semestre", 2 }, { "2e semestre", 2 }, { "2eme semestre", 2 },
		{ "first half", 1 }, { "second half", 2 }, { "h1", 1 }, { "h2", 2 }, { "s1", 1 },
		{ "s2", 2 }, { "ce semestre", 0 }, { "du semestre", 0 }, { "sur le semestre", 0 },
		{ "this half", 0 }, { "semestre prochain", 3 }, { "prochain semestre", 3 },
		{ "next half", 3 } };
	for (size_t k = 0; k < sizeof(hs) / sizeof(hs[0]); k++) {
		int at = tx_find(t, hs[k].w, 0);
		if (at < 0)
			continue;
		int ty = today_year(t), cur = today_month(t) <= 6 ? 1 : 2;
		int h = hs[k].h, y = year_after(t, at + (int)strlen(hs[k].w));
		if (h == 0 || h == 3) {
			h = cur;
			y = ty;
			if (hs[k].h == 3 && ++h == 3) {
				h = 1;
				y++;
			}
		} else if (!y) {
			y = cur > h ? ty + 1 : ty;
		}
		day_t s = date_from_ymd(y, h == 1 ? 1 : 7, 1);
		deadline_or_span(t, p, at, s, date_add_months(s, 6) - 1);
		return true;
	}
	return false;
}

/* The named periods, looked for before the other forms. */
static bool named_period(const struct tx *t, struct period *p)
{
	return half_year(t, p) || season(t, p) || year_spans(t, p) ||
	       year_end(t, p) || named_month(t, p);
}

void period_scan(const struct tx *t, struct period *p)
{
	memset(p, 0, sizeof(*p));
	p->start = p->due = DAY_NONE;
	read_period(t, p);
}

/* the fiscal year holding day d: the year it ends in */
static int fiscal_of(const struct tx *t, day_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return t->fy_start > 1 && m >= t->fy_start ? y + 1 : y;
}

static void fiscal_span(const struct tx *t, int n, day_t *s, day_t *d)
{
	if (t->fy_start > 1) {
		*s = date_from_ymd(n - 1, t->fy_start, 1);
		*d = date_from_ymd(n, t->fy_start, 1) - 1;
	} else {
		*s = date_from_ymd(n, 1, 1);
		*d = date_from_ymd(n, 12, 31);
	}
}

/* The result of a span said at pos: to its start ("d'ici début"), to its
 * end ("d'ici la fin", "by"), or the span itself. */
static void lead_span(const struct tx *t, struct period *p, int pos, day_t s, day_t d)
{
	unsigned l = lead_in(t, pos);
	if (l & LEAD_START)
		set_period(p, t->today, s, pos);
	else if ((l & (LEAD_END | LEAD_DEADLINE)) && d >= t->today)
		set_period(p, t->today, d, pos);
	else
		set_period(p, s, d, pos);  /* a span, or a deadline already past: its span */
}

enum unit_kind { UK_MONTH, UK_WEEK, UK_QUARTER, UK_YEAR, UK_FISCAL };

/* "ce mois-ci", "le mois prochain", "last quarter", "la fin de l'année
 * prochaine", "by the end of next week", "l'exercice 2027", "this fiscal
 * year", "FY27", "d'ici le début du mois prochain". */
static bool unit_span(const struct tx *t, struct period *p)
{
	static const struct { const char *w; enum unit_kind k; } units[] = {
		{ "fiscal year", UK_FISCAL }, { "l'exercice", UK_FISCAL }, { "exercice", UK_FISCAL },
		{ "mois", UK_MONTH }, { "month", UK_MONTH }, { "semaine", UK_WEEK }, { "week", UK_WEEK },
		{ "trimestre", UK_QUARTER }, { "quarter", UK_QUARTER }, { "l'annee", UK_YEAR },
		{ "annee", UK_YEAR }, { "l'an", UK_YEAR }, { "year", UK_YEAR } };
	static const char *const nextw[] = { "prochain", "prochaine", "suivant", "suivante", NULL };
	static const char *const lastw[] = { "dernier", "derniere", "passe", "passee", "precedent",
					     "precedente", NULL };
	static const char *const rhythm[] = { "par", "per", "chaque", "every", "les", "tous", "a",
					      "each", NULL };
	int best = -1;
	day_t bs = 0, bd = 0;
	int bpos = 0;
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		for (int at = tx_find(t, units[k].w, 0); at >= 0; at = tx_find(t, units[k].w, at + 1)) {
			if (best >= 0 && at >= best)
				break;
			int e = tx_word_end(t, at + (int)strlen(units[k].w) - 1);
			if (units[k].k == UK_FISCAL && !strcmp(units[k].w, "fiscal year"))
				e = at + 11;
			int after = tx_skip(t, e);
			int pe, pb = prev_word(t, at, &pe);
			/* "dans 3 mois", "20 appels par mois": not a span said here */
			if (at >= 2 && isdigit((unsigned char)t->f[tx_skip(t, at - 1) - 1 >= 0 ? at - 2 : 0]) &&
			    t->f[at - 1] == ' ')
				continue;
			if (pb >= 0 && is_any(t, pb, pe, rhythm))
				continue;
			if (units[k].k == UK_YEAR && pb >= 0 && (is_w(t, pb, pe, "toute") || is_w(t, pb, pe, "all")))
				continue;
			int off = 0, pos = at;
			bool said = false;
			if (tx_letter(t->f[after])) {
				int we = tx_word_end(t, after);
				if (is_any(t, after, we, nextw))
					off = 1, said = true;
				else if (is_any(t, after, we, lastw))
					off = -1, said = true;
				else if (starts(t, after, "en cours") || starts(t, after, "courant"))
					said = true;
			}
			if (!strncmp(t->f + at, "mois-ci", 7))
				said = true;
			if (pb >= 0) {
				if (is_w(t, pb, pe, "next") || is_w(t, pb, pe, "prochain") ||
				    is_w(t, pb, pe, "prochaine") || is_w(t, pb, pe, "coming"))
					off = 1, said = true, pos = pb;
				else if (is_w(t, pb, pe, "last") || is_w(t, pb, pe, "previous") ||
					 is_w(t, pb, pe, "past"))
					off = -1, said = true, pos = pb;
				else if (is_w(t, pb, pe, "this") || is_w(t, pb, pe, "ce") || is_w(t, pb, pe, "cette") ||
					 is_w(t, pb, pe, "cet") || is_w(t, pb, pe, "current") ||
					 is_w(t, pb, pe, "du") || is_w(t, pb, pe, "au"))
					said = true, pos = pb;
				if (pos == pb) {
					/* "le prochain trimestre", "the next quarter", "over this month" */
					int e2, b2 = prev_word(t, pb, &e2);
					if (b2 >= 0 && (is_w(t, b2, e2, "le") || is_w(t, b2, e2, "la") ||
							is_w(t, b2, e2, "the")))
						pos = b2;
				}
			}
			if (off < 0) {
				/* "plus que l'an dernier", "more than last year": a comparison */
				int e3, b3 = prev_word(t, pos, &e3);
				if (b3 >= 0 && (is_w(t, b3, e3, "que") || is_w(t, b3, e3, "than")))
					continue;
			}
			int year = 0;
			struct tx_num yn;
			if (units[k].k == UK_YEAR || units[k].k == UK_FISCAL) {
				year = period_year_at(t, after);
				if (!year && units[k].k == UK_FISCAL && tx_digits(t, after, &yn) &&
				    yn.end - yn.start == 2)
					year = 2000 + (int)yn.v;
				if (year)
					said = true;
			}
			unsigned l = lead_in(t, pos);
			if (!said && !(l & (LEAD_END | LEAD_START | LEAD_SPAN | LEAD_DEADLINE)))
				continue;
			if (!said && units[k].k == UK_MONTH && starts(t, after, "de"))
				continue;  /* "au mois de mai": the month's name says it */
			day_t today = t->today, s, d;
			switch (units[k].k) {
			case UK_MONTH:
				s = date_add_months(date_month_start(today), off);
				d = date_month_end(s);
				break;
			case UK_WEEK:
				s = date_week_start(today) + 7 * off;
				d = s + 6;
				break;
			case UK_QUARTER:
				s = date_add_months(date_quarter_start(today), 3 * off);
				d = date_quarter_end(s);
				break;
			case UK_YEAR:
				s = year ? date_from_ymd(year, 1, 1)
					 : date_add_months(date_year_start(today), 12 * off);
				d = date_add_months(s, 12) - 1;
				break;
			default:
				fiscal_span(t, year ? year : fiscal_of(t, today) + off, &s, &d);
			}
			best = at;
			bs = s;
			bd = d;
			bpos = pos;
		}
	/* "FY2027", "FY27", "FY 2027" */
	for (int at = tx_find_prefix(t, "fy", 0); at >= 0; at = tx_find_prefix(t, "fy", at + 1)) {
		if (best >= 0 && at >= best)
			break;
		int j = tx_skip(t, at + 2);
		struct tx_num n;
		if ((j > at + 3) || !tx_digits(t, j, &n) || tx_letter(t->f[n.end]))
			continue;
		int y = n.end - n.start == 2 ? 2000 + (int)n.v : n.end - n.start == 4 ? (int)n.v : 0;
		if (y < 1990 || y > 2100)
			continue;
		fiscal_span(t, y, &bs, &bd);
		best = bpos = at;
	}
	if (best < 0)
		return false;
	lead_span(t, p, bpos, bs, bd);
	return true;
}

/* "d'ici vendredi", "by Monday", "avant mardi prochain": the next such day */
static bool weekday_deadline(const struct tx *t, struct period *p)
{
	static const char *const fr[] = { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
					  "dimanche" };
	static const char *const en[] = { "monday", "tuesday", "wednesday", "thursday", "friday",
					  "saturday", "sunday" };
	for (int k = 0; k < 7; k++)
		for (int v = 0; v < 2; v++) {
			const char *w = v ? en[k] : fr[k];
			for (int at = tx_find(t, w, 0); at >= 0; at = tx_find(t, w, at + 1)) {
				int pos = at, e, b = prev_word(t, at, &e);
				if (b >= 0 && is_w(t, b, e, "next"))
					pos = b;
				if (!(lead_in(t, pos) & LEAD_DEADLINE))
					continue;
				int wd = date_weekday(t->today), ahead = (k + 1 - wd + 7) % 7;
				set_period(p, t->today, t->today + (ahead ? ahead : 7), pos);
				return true;
			}
		}
	return false;
}

/* "chaque semaine", "every month", "par trimestre", "daily": a rhythm */
static enum period_rhythm read_rhythm(const struct tx *t, int *pos)
{
	static const struct { const char *w; enum period_rhythm r; } rh[] = {
		{ "chaque jour", PR_DAILY }, { "tous les jours", PR_DAILY }, { "par jour", PR_DAILY },
		{ "per day", PR_DAILY }, { "every day", PR_DAILY }, { "daily", PR_DAILY },
		{ "quotidiennement", PR_DAILY }, { "au quotidien", PR_DAILY },
		{ "chaque semaine", PR_WEEKLY }, { "toutes les semaines", PR_WEEKLY },
		{ "par semaine", PR_WEEKLY }, { "per week", PR_WEEKLY }, { "every week", PR_WEEKLY },
		{ "each week", PR_WEEKLY }, { "weekly", PR_WEEKLY },
		{ "hebdomadaire", PR_WEEKLY }, { "hebdomadaires", PR_WEEKLY },
		{ "chaque mois", PR_MONTHLY }, { "tous les mois", PR_MONTHLY }, { "par mois", PR_MONTHLY },
		{ "per month", PR_MONTHLY }, { "every month", PR_MONTHLY }, { "each month", PR_MONTHLY },
		{ "monthly", PR_MONTHLY }, { "mensuellement", PR_MONTHLY },
		{ "mensuel", PR_MONTHLY }, { "mensuelle", PR_MONTHLY }, { "mensuels", PR_MONTHLY },
		{ "chaque trimestre", PR_QUARTERLY }, { "tous les trimestres", PR_QUARTERLY },
		{ "par trimestre", PR_QUARTERLY }, { "per quarter", PR_QUARTERLY },
		{ "every quarter", PR_QUARTERLY }, { "each quarter", PR_QUARTERLY },
		{ "quarterly", PR_QUARTERLY }, { "trimestriel", PR_QUARTERLY },
		{ "trimestrielle", PR_QUARTERLY }, { "chaque annee", PR_YEARLY },
		{ "tous les ans", PR_YEARLY }, { "par an", PR_YEARLY }, { "per year", PR_YEARLY },
		{ "every year", PR_YEARLY }, { "yearly", PR_YEARLY }, { "annually", PR_YEARLY } };
	for (size_t k = 0; k < sizeof(rh) / sizeof(rh[0]); k++) {
		int at = tx_find(t, rh[k].w, 0);
		if (at >= 0) {
			*pos = at;
			return rh[k].r;
		}
	}
	return PR_NONE;
}

/* "d'ici 6 mois", "dans 3 semaines", "within 90 days", "within a year" */
static bool relative_span(const struct tx *t, struct period *p)
{
	static const char *const within[] = { "d'ici", "dans", "within", "in the next", "in",
					      "sous", "en", "over the next", "sur les", "in the coming",
					      "au cours des", "under" };
	day_t today = t->today;
	for (size_t k = 0; k < sizeof(within) / sizeof(within[0]); k++) {
		for (int at = tx_find(t, within[k], 0); at >= 0; at = tx_find(t, within[k], at + 1)) {
			int j = tx_skip(t, at + (int)strlen(within[k]));
			struct tx_num n;
			if (starts(t, j, "a") || starts(t, j, "an") || starts(t, j, "one")) {
				n.v = 1;
				n.end = tx_word_end(t, j);
			} else if (!tx_number(t, j, &n) || n.v <= 0 || n.v > 120) {
				continue;
			}
			int u = tx_skip(t, n.end);
			int days = 0, months = 0;
			if (starts(t, u, "mois") || starts(t, u, "months") || starts(t, u, "month"))
				months = (int)n.v;
			else if (starts(t, u, "semaines") || starts(t, u, "semaine") ||
				 starts(t, u, "weeks") || starts(t, u, "week"))
				days = 7 * (int)n.v;
			else if (starts(t, u, "jours") || starts(t, u, "days") || starts(t, u, "jour") ||
				 starts(t, u, "day"))
				days = (int)n.v;
			else if (starts(t, u, "ans") || starts(t, u, "years") || starts(t, u, "an") ||
				 starts(t, u, "year") || starts(t, u, "annees"))
				months = 12 * (int)n.v;
			else
				continue;
			/* "under 12 hours" is a duration, "under 3 months" a deadline */
			set_period(p, today, months ? date_add_months(today, months) : today + days, at);
			return true;
		}
	}
	return false;
}

/* quarters: "T1 2027", "Q2", "au 1er trimestre 2027", "in the fourth quarter of 2027" */
static bool quarter(const struct tx *t, struct period *p)
{
	for (int i = 1; i < t->n - 1; i++) {
		char c = t->f[i];
		if ((c == 't' || c == 'q') && tx_boundary(t, i - 1) && t->f[i + 1] >= '1' &&
		    t->f[i + 1] <= '4' && !isdigit((unsigned char)t->f[i + 2]) && !tx_letter(t->f[i + 2])) {
			day_t s, d;
			quarter_of(t, t->f[i + 1] - '0', year_after(t, i + 2), &s, &d);
			lead_span(t, p, i, s, d);
			return true;
		}
	}
	static const char *const ords[] = { "premier", "deuxieme", "troisieme", "quatrieme", "1er",
					    "2e", "3e", "4e", "first", "second", "third", "fourth",
					    "1st", "2nd", "3rd", "4th", "2eme", "3eme", "4eme", "dernier",
					    "last" };
	static const int ordq[] = { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 2, 3, 4, 4, 4 };
	for (size_t k = 0; k < sizeof(ords) / sizeof(ords[0]); k++)
		for (int at = tx_find(t, ords[k], 0); at >= 0; at = tx_find(t, ords[k], at + 1)) {
			int j = tx_skip(t, at + (int)strlen(ords[k]));
			if (!starts(t, j, "trimestre") && !starts(t, j, "quarter"))
				continue;
			int y = year_after(t, tx_word_end(t, j));
			if (k >= 19 && !y)
				continue;  /* "le trimestre dernier" is read as a span */
			day_t s, d;
			quarter_of(t, ordq[k], y, &s, &d);
			lead_span(t, p, at, s, d);
			return true;
		}
	return false;
}

/* a day anywhere: "avant le 30/06", "by 30 June 2027", "no later than June 30" */
static bool any_date(const struct tx *t, struct period *p)
{
	for (int i = 1; i < t->n; i++) {
		if (!tx_boundary(t, i - 1) || (i > 0 && (t->f[i - 1] == '/' || t->f[i - 1] == '-' ||
							 t->f[i - 1] == '.' || t->f[i - 1] == ',')))
			continue;
		if (!isdigit((unsigned char)t->f[i]) && !tx_letter(t->f[i]))
			continue;
		day_t d;
		if (date_at(t, i, &d)) {
			set_period(p, t->today, d, i);
			return true;
		}
	}
	return false;
}

/* a year: "en 2027", "d'ici 2027", "by 2028", "throughout 2027", "début 2027" */
static bool bare_year(const struct tx *t, struct period *p)
{
	for (int i = 1; i < t->n; i++) {
		if (!isdigit((unsigned char)t->f[i]) || isdigit((unsigned char)t->f[i - 1]))
			continue;
		int y = period_year_at(t, i);
		if (!y)
			continue;
		unsigned l = lead_in(t, i);
		if (!l) {
			int e, b = prev_word(t, i, &e);
			if (b < 0 || !(is_w(t, b, e, "for") || is_w(t, b, e, "pour")))
				continue;
			l = LEAD_SPAN;
		}
		lead_span(t, p, i, date_from_ymd(y, 1, 1), date_from_ymd(y, 12, 31));
		return true;
	}
	return false;
}

static void read_period(const struct tx *t, struct period *p)
{
	int rpos = 0;
	p->rhythm = read_rhythm(t, &rpos);
	if (named_period(t, p) || quarter(t, p) || relative_span(t, p) || any_date(t, p) ||
	    weekday_deadline(t, p) || unit_span(t, p))
		return;
	/* "20 par mois en 2027": the year said is the period, the rhythm only a rhythm */
	if (bare_year(t, p))
		return;
	day_t today = t->today, s;
	switch (p->rhythm) {
	case PR_MONTHLY:
		set_period(p, date_month_start(today), date_month_end(today), rpos);
		return;
	case PR_QUARTERLY:
		set_period(p, date_quarter_start(today), date_quarter_end(today), rpos);
		return;
	case PR_YEARLY:
		s = date_year_start(today);
		set_period(p, s, date_add_months(s, 12) - 1, rpos);
		return;
	default:
		break;
	}
}

bool period_read(const char *text, size_t len, enum lang lang, day_t today, int fy_start,
		 struct period *out)
{
	static __thread struct tx t;
	t.today = today;
	t.fy_start = fy_start >= 1 && fy_start <= 12 ? fy_start : 1;
	t.lang = lang;
	tx_fold(&t, text ? text : "", text ? len : 0);
	period_scan(&t, out);
	return out->found;
}

const char *period_rhythm_name(enum period_rhythm r)
{
	static const char *const n[] = { "none", "daily", "weekly", "monthly", "quarterly", "yearly" };
	return (int)r >= 0 && r <= PR_YEARLY ? n[r] : "none";
}
