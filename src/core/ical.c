/* iCalendar text (see ical.h). */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "core/ical.h"

/* appends line (without CRLF) folded at 75 octets: a continuation line
 * starts with one space and the cut never falls inside a UTF-8 sequence */
static void folded(struct buf *out, const char *line, size_t len)
{
	size_t col = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)line[i];
		size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (i + n > len)
			n = len - i;
		if (col + n > 75) {
			buf_adds(out, "\r\n ");
			col = 1;
		}
		buf_add(out, line + i, n);
		col += n;
		i += n;
	}
	buf_adds(out, "\r\n");
}

static void prop_raw(struct buf *out, const char *name, const char *value)
{
	struct buf l = BUF_INIT;
	buf_adds(&l, name);
	buf_addc(&l, ':');
	buf_adds(&l, value);
	folded(out, l.data, l.len);
	buf_free(&l);
}

void ical_text_prop(struct buf *out, const char *name, const char *value)
{
	struct buf l = BUF_INIT;
	buf_adds(&l, name);
	buf_addc(&l, ':');
	for (const char *p = value ? value : ""; *p; p++) {
		switch (*p) {
		case '\\': buf_adds(&l, "\\\\"); break;
		case ';': buf_adds(&l, "\\;"); break;
		case ',': buf_adds(&l, "\\,"); break;
		case '\n': buf_adds(&l, "\\n"); break;
		case '\r': break;
		default:
			/* other control characters are not allowed in TEXT */
			if ((unsigned char)*p >= 0x20 || *p == '\t')
				buf_addc(&l, *p);
		}
	}
	folded(out, l.data, l.len);
	buf_free(&l);
}

static void utc_stamp(int64_t t, char out[17])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

void ical_begin(struct buf *out, const char *name)
{
	buf_adds(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//cible//cible objectives//FR\r\n"
		      "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	if (name)
		ical_text_prop(out, "X-WR-CALNAME", name);
}

void ical_event(struct buf *out, const struct ical_event *ev)
{
	char s[17];
	buf_adds(out, "BEGIN:VEVENT\r\n");
	ical_text_prop(out, "UID", ev->uid);
	utc_stamp(ev->stamp, s);
	prop_raw(out, "DTSTAMP", s);
	if (ev->start) {
		utc_stamp(ev->start, s);
		prop_raw(out, "DTSTART", s);
		utc_stamp(ev->end > ev->start ? ev->end : ev->start + 1800, s);
		prop_raw(out, "DTEND", s);
	} else {
		int y, m, d;
		char v[9];
		date_to_ymd(ev->day, &y, &m, &d);
		snprintf(v, sizeof(v), "%04d%02d%02d", y, m, d);
		prop_raw(out, "DTSTART;VALUE=DATE", v);
		date_to_ymd(ev->day + 1, &y, &m, &d);
		snprintf(v, sizeof(v), "%04d%02d%02d", y, m, d);
		prop_raw(out, "DTEND;VALUE=DATE", v);
		prop_raw(out, "TRANSP", "TRANSPARENT");
	}
	if (ev->sequence > 0) {
		char n[16];
		snprintf(n, sizeof(n), "%d", ev->sequence);
		prop_raw(out, "SEQUENCE", n);
	}
	ical_text_prop(out, "SUMMARY", ev->summary);
	if (ev->description)
		ical_text_prop(out, "DESCRIPTION", ev->description);
	if (ev->url)
		prop_raw(out, "URL", ev->url);
	buf_adds(out, "END:VEVENT\r\n");
}

void ical_end(struct buf *out)
{
	buf_adds(out, "END:VCALENDAR\r\n");
}
