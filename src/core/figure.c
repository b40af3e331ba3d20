/* Figures as a person reads them (see figure.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "core/figure.h"

#define NNBSP "\xe2\x80\xaf"  /* narrow no-break space: French thousands, "81 %" */
#define NBSP "\xc2\xa0"       /* no-break space: before a unit */

void buf_add_num(struct buf *b, double v, int decimals, unsigned flags, enum lang lang)
{
	if (!isfinite(v))
		return;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 12)
		decimals = 12;
	char s[400];  /* %f of the largest double with 12 decimals fits */
	snprintf(s, sizeof(s), "%.*f", decimals, fabs(v));
	char *dot = strchr(s, '.');
	size_t ilen = dot ? (size_t)(dot - s) : strlen(s), dlen = dot ? strlen(dot + 1) : 0;
	if (!(flags & NUM_FIXED))
		while (dlen && dot[dlen] == '0')
			dlen--;
	/* no "-0": a negative figure that rounds to zero is zero */
	if (v < 0 && (ilen > 1 || s[0] != '0' || dlen))
		buf_addc(b, '-');
	const char *group = lang == LANG_FR ? NNBSP : ",";
	for (size_t i = 0; i < ilen; i++) {
		if (i && !(flags & NUM_PLAIN) && (ilen - i) % 3 == 0)
			buf_adds(b, group);
		buf_addc(b, s[i]);
	}
	if (dlen) {
		buf_addc(b, lang == LANG_FR ? ',' : '.');
		buf_add(b, dot + 1, dlen);
	}
}

static char *to_out(struct buf *t, char *out, size_t n)
{
	if (n)
		snprintf(out, n, "%s", t->len ? t->data : "-");
	buf_free(t);
	return out;
}

char *num_format(double v, enum lang lang, char *out, size_t n)
{
	struct buf t = BUF_INIT;
	buf_add_num(&t, v, 2, 0, lang);
	return to_out(&t, out, n);
}

bool unit_is_seconds(const char *unit)
{
	static const char *const s[] = { "s", "sec", "secs", "seconde", "secondes", "second",
					 "seconds" };
	for (size_t i = 0; unit && i < sizeof(s) / sizeof(*s); i++)
		if (!strcasecmp(unit, s[i]))
			return true;
	return false;
}

bool unit_is_currency(const char *unit)
{
	static const char *const c[] = { "€", "$", "£", "EUR", "USD", "GBP" };
	for (size_t i = 0; unit && i < sizeof(c) / sizeof(*c); i++)
		if (!strcmp(unit, c[i]))
			return true;
	return false;
}

void buf_add_duration(struct buf *b, double seconds, enum lang lang)
{
	if (!isfinite(seconds))
		return;
	if (seconds < 0) {
		buf_addc(b, '-');
		seconds = -seconds;
	}
	if (round(seconds * 10) / 10 < 60) {
		buf_add_num(b, seconds, 1, 0, lang);
		buf_adds(b, NBSP "s");
		return;
	}
	long long t = (long long)round(seconds);
	if (t < 3600) {
		buf_addf(b, "%lld" NBSP "min", t / 60);
		if (t % 60)
			buf_addf(b, " %lld" NBSP "s", t % 60);
		return;
	}
	long long m = (t + 30) / 60;  /* to the minute */
	buf_add_num(b, (double)(m / 60), 0, 0, lang);
	buf_adds(b, NBSP "h");
	if (m % 60)
		buf_addf(b, " %02lld" NBSP "min", m % 60);
}

void buf_add_figure(struct buf *b, double v, const char *unit, enum lang lang)
{
	if (!isfinite(v))
		return;
	if (unit_is_seconds(unit)) {
		buf_add_duration(b, v, lang);
		return;
	}
	if (unit_is_currency(unit) && lang == LANG_EN) {
		if (v < 0 && round(fabs(v) * 100) > 0)
			buf_addc(b, '-');
		buf_adds(b, unit);
		buf_add_num(b, fabs(v), 2, 0, lang);
		return;
	}
	buf_add_num(b, v, 2, 0, lang);
	if (!unit || !*unit)
		return;
	if (!strcmp(unit, "%"))
		buf_adds(b, lang == LANG_FR ? NNBSP "%" : "%");
	else {
		buf_adds(b, NBSP);
		buf_adds(b, unit);
	}
}

char *figure_format(double v, const char *unit, enum lang lang, char *out, size_t n)
{
	struct buf t = BUF_INIT;
	buf_add_figure(&t, v, unit, lang);
	return to_out(&t, out, n);
}
