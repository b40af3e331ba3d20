/* iCalendar (RFC 5545) text for calendar feeds: a VCALENDAR of VEVENTs
 * (all-day events for due dates, timed ones for meetings), with the text
 * escaped (backslash, semicolon, comma, newlines), lines folded at 75 octets
 * without cutting a UTF-8 sequence, CRLF line ends, and a stable UID per
 * event so that a calendar updates an event instead of adding it twice. */
#ifndef CIBLE_ICAL_H
#define CIBLE_ICAL_H
#include <stdint.h>
#include "core/buf.h"
#include "core/date.h"

struct ical_event {
	const char *uid;          /* stable and unique, e.g. "objective-12-due@org-1.cible" */
	const char *summary;
	const char *description;  /* NULL: none */
	const char *url;          /* NULL: none */
	day_t day;                /* an all-day event on this day, when start is 0 */
	int64_t start, end;       /* unix seconds (UTC) of a timed event; 0: all-day */
	int64_t stamp;            /* DTSTAMP: when the feed was made */
	int sequence;             /* bumped when the event changes */
};

void ical_begin(struct buf *out, const char *name);  /* VCALENDAR with X-WR-CALNAME */
void ical_event(struct buf *out, const struct ical_event *ev);
void ical_end(struct buf *out);
/* A property line "NAME:value" (value escaped as TEXT), folded. */
void ical_text_prop(struct buf *out, const char *name, const char *value);

#endif
