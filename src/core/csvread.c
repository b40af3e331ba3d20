/* CSV dialects and values (see csvread.h); rows come from libcsv, fed one
 * physical line at a time so that each row knows the line it starts on. */
#include <math.h>
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include "core/csvread.h"

static bool valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t k = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2
			 : (c & 0xf8) == 0xf0 ? 3 : 9;
		if (k == 9 || (k == 1 && c < 0xc2))
			return false;
		if (i + k >= n && k) {
			/* a sample may cut a character in two: that is not an error */
			return true;
		}
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xc0) != 0x80)
				return false;
		i += k + 1;
	}
	return true;
}

void csv_sniff(const char *data, size_t len, struct csv_dialect *d)
{
	memset(d, 0, sizeof(*d));
	size_t n = len < 65536 ? len : 65536;
	d->bom = n >= 3 && !memcmp(data, "\xef\xbb\xbf", 3);
	d->cp1252 = !valid_utf8((const unsigned char *)data, n);
	/* the separator: the candidate seen most often outside quotes on the
	 * first line, ties to the comma */
	size_t count[3] = { 0, 0, 0 };
	const char seps[3] = { ',', ';', '\t' };
	bool quoted = false;
	for (size_t i = 0; i < n && (quoted || (data[i] != '\n' && data[i] != '\r')); i++) {
		if (data[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			for (int k = 0; k < 3; k++)
				count[k] += data[i] == seps[k];
	}
	int best = 0;
	for (int k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	d->sep = seps[best];
	/* a decimal comma is only possible when the comma does not separate */
	if (d->sep != ',') {
		for (size_t i = 1; i + 1 < n; i++)
			if (data[i] == ',' && isdigit((unsigned char)data[i - 1]) &&
			    isdigit((unsigned char)data[i + 1])) {
				d->decimal_comma = true;
				break;
			}
	}
}

int csv_to_utf8(const char *data, size_t len, const struct csv_dialect *d, struct buf *out,
		struct err *e)
{
	if (d->bom && len >= 3) {
		data += 3;
		len -= 3;
	}
	if (!d->cp1252) {
		buf_add(out, data, len);
		return 0;
	}
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	if (cd == (iconv_t)-1)
		return err_set(e, 500, "internal", NULL, "no Windows-1252 converter", NULL);
	buf_grow(out, len * 2 + 16);
	char *in = (char *)data;
	size_t inleft = len;
	while (inleft) {
		buf_grow(out, inleft * 3 + 16);
		char *o = out->data + out->len;
		size_t oleft = out->cap - out->len - 1;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		out->len = (size_t)(o - out->data);
		out->data[out->len] = '\0';
		if (r == (size_t)-1 && errno != E2BIG) {
			/* bytes Windows-1252 leaves undefined (0x81...): shown as "?" */
			buf_addc(out, '?');
			in++;
			inleft--;
		}
	}
	iconv_close(cd);
	return 0;
}

struct reader {
	char **field;
	size_t n, cap;
	long line, start_line;
	bool in_row;
	int (*fn)(void *, const struct csv_row *);
	void *ctx;
	int stop;
	struct buf store;   /* field texts, one after another */
	size_t *offset;     /* start of each field in store */
	size_t ocap;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (!r->in_row) {
		r->in_row = true;
		r->start_line = r->line;
		r->n = 0;
		buf_reset(&r->store);
	}
	if (r->n == r->ocap) {
		r->ocap = r->ocap ? r->ocap * 2 : 32;
		size_t *no = realloc(r->offset, r->ocap * sizeof(*no));
		if (!no)
			abort();
		r->offset = no;
	}
	r->offset[r->n++] = r->store.len;
	buf_add(&r->store, s ? s : "", s ? len : 0);
	buf_addc(&r->store, '\0');
}

static void on_row(int c, void *data)
{
	(void)c;
	struct reader *r = data;
	if (!r->in_row) {
		return;  /* a blank line */
	}
	r->in_row = false;
	if (r->stop)
		return;
	if (r->n > r->cap) {
		r->cap = r->n * 2;
		char **nf = realloc(r->field, r->cap * sizeof(*nf));
		if (!nf)
			abort();
		r->field = nf;
	}
	for (size_t i = 0; i < r->n; i++)
		r->field[i] = r->store.data + r->offset[i];
	struct csv_row row = { (const char *const *)r->field, r->n, r->start_line };
	if (r->fn(r->ctx, &row))
		r->stop = 1;
}

struct csv_stream {
	struct csv_parser p;
	struct reader r;
	bool failed;
};

struct csv_stream *csv_stream_new(char sep, int (*fn)(void *ctx, const struct csv_row *row),
				  void *ctx)
{
	struct csv_stream *cs = calloc(1, sizeof(*cs));
	if (!cs)
		abort();
	if (csv_init(&cs->p, CSV_APPEND_NULL) != 0)
		abort();  /* only fails for want of memory */
	csv_set_delim(&cs->p, (unsigned char)sep);
	buf_init(&cs->r.store);
	cs->r.fn = fn;
	cs->r.ctx = ctx;
	cs->r.line = 1;
	return cs;
}

/* Fed line by line so that each row knows the physical line it starts on. */
int csv_stream_feed(struct csv_stream *cs, const char *text, size_t len, struct err *e)
{
	struct reader *r = &cs->r;
	size_t pos = 0;
	while (pos < len && !r->stop) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) + 1 : len;
		if (csv_parse(&cs->p, text + pos, end - pos, on_field, on_row, r) != end - pos) {
			char l[32];
			snprintf(l, sizeof(l), "%ld", r->line);
			cs->failed = true;
			return err_set(e, 422, "csv_malformed", NULL, l, csv_strerror(csv_error(&cs->p)));
		}
		pos = end;
		if (nl)
			r->line++;
	}
	return 0;
}

bool csv_stream_stopped(const struct csv_stream *cs)
{
	return cs->r.stop;
}

int csv_stream_end(struct csv_stream *cs, struct err *e)
{
	struct err ignored;
	int rc = 0;
	if (!e)
		e = &ignored;
	if (!cs->failed && !cs->r.stop && csv_fini(&cs->p, on_field, on_row, &cs->r) != 0) {
		char l[32];
		snprintf(l, sizeof(l), "%ld", cs->r.start_line);
		rc = err_set(e, 422, "csv_malformed", NULL, l, "a quoted field is never closed");
	}
	csv_free(&cs->p);
	free(cs->r.field);
	free(cs->r.offset);
	buf_free(&cs->r.store);
	free(cs);
	return rc;
}

int csv_read(const char *text, size_t len, char sep,
	     int (*fn)(void *ctx, const struct csv_row *row), void *ctx, struct err *e)
{
	struct csv_stream *cs = csv_stream_new(sep, fn, ctx);
	int rc = csv_stream_feed(cs, text, len, e);
	int rc2 = csv_stream_end(cs, rc ? NULL : e);
	return rc ? rc : rc2;
}

int csv_number(const char *s, bool decimal_comma, double *out)
{
	char tmp[64];
	size_t j = 0;
	while (isspace((unsigned char)*s))
		s++;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s == ' ' || (unsigned char)*s == 0xa0 || !strncmp(s, "\xe2\x80\xaf", 3) ||
		    !strncmp(s, "\xc2\xa0", 2)) {
			/* thousands separators: space, no-break space, narrow no-break space */
			if ((unsigned char)*s == 0xe2)
				s += 2;
			else if ((unsigned char)*s == 0xc2)
				s += 1;
			continue;
		}
		if (j + 1 >= sizeof(tmp))
			return -1;  /* never cut: a figure longer than the buffer is refused */
		if (*s == ',' && decimal_comma)
			tmp[j++] = '.';
		else if (*s == ',')
			continue;  /* 1,234.5 */
		else if (isdigit((unsigned char)*s) || strchr("+-.eE", *s))
			tmp[j++] = *s;
		else
			return -1;  /* strtod would take "nan", "inf", "0x1p3": a cell does not */
	}
	tmp[j] = '\0';
	char *end;
	errno = 0;
	double v = strtod(tmp, &end);
	if (end == tmp || *end || errno || !isfinite(v))
		return -1;
	*out = v;
	return 0;
}

int csv_date(const char *s, day_t *out)
{
	int y, m, d;
	char c1, c2;
	if (strlen(s) >= 10 && s[4] == '-') {
		char day[11];
		memcpy(day, s, 10);
		day[10] = '\0';
		return date_parse_iso(day, out);
	}
	if (sscanf(s, "%2d%c%2d%c%4d", &d, &c1, &m, &c2, &y) == 5 && c1 == c2 &&
	    (c1 == '/' || c1 == '.' || c1 == '-') && y >= 1900 && date_valid_ymd(y, m, d)) {
		*out = date_from_ymd(y, m, d);
		return 0;
	}
	/* an Excel serial day: 1 = 1900-01-01, with Excel's phantom 1900-02-29 */
	double serial;
	if (!csv_number(s, false, &serial) && serial >= 61 && serial < 2958466) {
		*out = date_from_ymd(1899, 12, 30) + (day_t)serial;
		return 0;
	}
	return -1;
}

/* "h:mm", "hh:mm:ss"...: one or two plain digits each, nothing else, read
 * as the sscanf below reads them (the usual case, without its cost); 0 when
 * s is of that form. */
static int time_plain(const char *s, int *h, int *m, int *sec)
{
	int v[3] = { 0, 0, 0 }, k = 0;
	for (;; k++) {
		if (!(*s >= '0' && *s <= '9'))
			return -1;
		v[k] = *s++ - '0';
		if (*s >= '0' && *s <= '9')
			v[k] = v[k] * 10 + (*s++ - '0');
		if (!*s)
			break;
		if (*s++ != ':' || k == 2)
			return -1;
	}
	if (k == 0)
		return -1;
	*h = v[0];
	*m = v[1];
	*sec = v[2];
	return 0;
}

int csv_time(const char *s, int *seconds)
{
	int h, m, sec = 0, n = 0;
	if (!time_plain(s, &h, &m, &sec)) {
		if (h > 23 || m > 59 || sec > 59)
			return -1;
		*seconds = h * 3600 + m * 60 + sec;
		return 0;
	}
	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2)
		return -1;
	if (s[n] == ':') {
		int n2 = 0;
		if (sscanf(s + n + 1, "%2d%n", &sec, &n2) != 1)
			return -1;
		n += 1 + n2;
	}
	if (s[n] || h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 59)
		return -1;
	*seconds = h * 3600 + m * 60 + sec;
	return 0;
}

/* Digits at *p (at least one, at most max): their value, *p moved past them;
 * -1 when there are none or too many. */
static long long digits(const char **p, int max)
{
	long long v = 0;
	int n = 0;
	while (**p >= '0' && **p <= '9') {
		if (++n > max)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return n ? v : -1;
}

int csv_duration(const char *s, bool minutes, double *seconds)
{
	const char *p = s;
	long long a = digits(&p, 9);
	if (a < 0)
		return -1;
	if (*p == ':') {
		/* mm:ss or h:mm:ss: two digits after each colon */
		long long part[3] = { a, 0, 0 };
		int n = 1;
		while (*p == ':' && n < 3) {
			p++;
			const char *q = p;
			long long v = digits(&p, 2);
			if (v < 0 || p - q != 2 || v > 59)
				return -1;
			part[n++] = v;
		}
		if (*p)
			return -1;
		*seconds = n == 2 ? (double)(part[0] * 60 + part[1])
				  : (double)(part[0] * 3600 + part[1] * 60 + part[2]);
		return 0;
	}
	long long frac = 0, scale = 1;
	if (*p == ',' || *p == '.') {
		p++;
		const char *q = p;
		frac = digits(&p, 9);
		if (frac < 0)
			return -1;
		for (; q < p; q++)
			scale *= 10;
	}
	if (*p)
		return -1;
	/* one division at the end: 377 * 60 / 100, not 3.77 * 60 */
	long long whole = a * scale + frac;
	*seconds = (double)(whole * (minutes ? 60 : 1)) / (double)scale;
	return 0;
}

bool csv_header_minutes(const char *header)
{
	static const char *const words[] = { "min", "mn", "minute", "minutes", "mins", NULL };
	for (const char *p = header; p && *p; ) {
		while (*p && !isalpha((unsigned char)*p))
			p++;
		const char *w = p;
		while (isalpha((unsigned char)*p))
			p++;
		size_t n = (size_t)(p - w);
		for (int i = 0; n && words[i]; i++)
			if (strlen(words[i]) == n && !strncasecmp(w, words[i], n))
				return true;
	}
	return false;
}

int csv_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "y", "yes", "o", "oui", "true", "vrai", "1" };
	static const char *const no[] = { "n", "no", "non", "false", "faux", "0" };
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!strcasecmp(s, yes[i])) {
			*out = true;
			return 0;
		}
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (!strcasecmp(s, no[i])) {
			*out = false;
			return 0;
		}
	return -1;
}
