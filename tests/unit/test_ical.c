/* iCalendar text: escaping, folding without cutting UTF-8, all-day and timed
 * events. */
#include "t.h"
#include "core/ical.h"

TEST("an all-day due date: DATE values, the next day as its end, escaped text")
{
	struct buf b = BUF_INIT;
	struct ical_event ev = { "objective-12-due@org-1.cible", "Échéance : CA T4, équipe A",
		"Cible ; 468 000 €\nvoir cible", NULL, date_from_ymd(2026, 12, 31), 0, 0,
		1796083200 /* 2026-12-01T00:00:00Z */, 0 };
	ical_event(&b, &ev);
	CHECK_STR(b.data, "BEGIN:VEVENT\r\nUID:objective-12-due@org-1.cible\r\n"
		  "DTSTAMP:20261201T000000Z\r\nDTSTART;VALUE=DATE:20261231\r\n"
		  "DTEND;VALUE=DATE:20270101\r\nTRANSP:TRANSPARENT\r\n"
		  "SUMMARY:Échéance : CA T4\\, équipe A\r\n"
		  "DESCRIPTION:Cible \\; 468 000 €\\nvoir cible\r\nEND:VEVENT\r\n");
	buf_free(&b);
}

TEST("a timed meeting in UTC with a sequence")
{
	struct buf b = BUF_INIT;
	struct ical_event ev = { "one-to-one-3@org-1.cible", "Entretien", NULL, "https://x/1",
		DAY_NONE, 1796119200, 1796121000, 1796083200, 2 };
	ical_event(&b, &ev);
	CHECK(strstr(b.data, "DTSTART:20261201T100000Z\r\nDTEND:20261201T103000Z\r\n") != NULL);
	CHECK(strstr(b.data, "SEQUENCE:2\r\n") != NULL);
	CHECK(strstr(b.data, "URL:https://x/1\r\n") != NULL);
	buf_free(&b);
}

TEST("long lines fold at 75 octets, never inside a UTF-8 sequence")
{
	struct buf b = BUF_INIT;
	char text[400] = "";
	for (int i = 0; i < 60; i++)
		strcat(text, "é");  /* 120 octets */
	ical_text_prop(&b, "SUMMARY", text);
	const char *p = b.data;
	int lines = 0;
	while (*p) {
		const char *e = strstr(p, "\r\n");
		CHECK(e != NULL);
		if (!e)
			break;
		CHECK(e - p <= 75);
		/* a continuation starts with a space then a whole character */
		if (lines)
			CHECK(p[0] == ' ' && ((unsigned char)p[1] & 0xC0) != 0x80);
		lines++;
		p = e + 2;
	}
	CHECK_INT(lines, 2);
	/* unfolded, the text is whole */
	struct buf u = BUF_INIT;
	for (const char *q = b.data; *q; q++) {
		if (q[0] == '\r' && q[1] == '\n' && q[2] == ' ') {
			q += 2;
			continue;
		}
		buf_addc(&u, *q);
	}
	CHECK(strstr(u.data, text) != NULL);
	buf_free(&u);
	buf_free(&b);
}

TEST("a calendar wraps its events; control characters are dropped")
{
	struct buf b = BUF_INIT;
	ical_begin(&b, "cible — Marie");
	ical_text_prop(&b, "SUMMARY", "a\x01" "b\rc");
	ical_end(&b);
	CHECK(!strncmp(b.data, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30));
	CHECK(strstr(b.data, "X-WR-CALNAME:cible — Marie\r\n") != NULL);
	CHECK(strstr(b.data, "SUMMARY:abc\r\n") != NULL);
	CHECK(strstr(b.data, "END:VCALENDAR\r\n") != NULL);
	buf_free(&b);
}

T_MAIN("ical")
