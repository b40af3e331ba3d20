/* Reading activity files: the dialect of a CSV (separator, BOM, Windows-1252
 * as French Excel writes it, decimal comma), its rows with the physical line
 * each starts on (quoted fields may hold newlines), and the value forms real
 * exports use. Tokenising is libcsv's; this module adds what it does not do. */
#ifndef CIBLE_CSVREAD_H
#define CIBLE_CSVREAD_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"

struct csv_dialect {
	char sep;            /* ',' ';' or '\t' */
	bool bom;            /* UTF-8 byte-order mark at the start */
	bool cp1252;         /* not UTF-8: Windows-1252 */
	bool decimal_comma;  /* "2,38" */
};

/* Guesses the dialect from the first kilobytes. */
void csv_sniff(const char *data, size_t len, struct csv_dialect *d);

/* The text as UTF-8 (converted from Windows-1252 when d says so, BOM
 * dropped) into out. */
int csv_to_utf8(const char *data, size_t len, const struct csv_dialect *d, struct buf *out,
		struct err *e);

struct csv_row {
	const char *const *field;  /* NUL-terminated */
	size_t n;
	long line;                 /* 1-based physical line where the row starts */
};
/* Calls fn for every row (the header included) of UTF-8 text; fn returns 0
 * to go on, -1 to stop. A malformed file (an unclosed quote) is an error
 * naming its line. */
int csv_read(const char *text, size_t len, char sep,
	     int (*fn)(void *ctx, const struct csv_row *row), void *ctx, struct err *e);

/* The same, fed chunk by chunk (a file bigger than memory): chunks may cut
 * rows anywhere, but not UTF-8 characters (cut after a newline). */
struct csv_stream;
struct csv_stream *csv_stream_new(char sep, int (*fn)(void *ctx, const struct csv_row *row),
				  void *ctx);
int csv_stream_feed(struct csv_stream *cs, const char *text, size_t len, struct err *e);
bool csv_stream_stopped(const struct csv_stream *cs);
/* Ends the file (a last row without newline) and frees the stream; e may be
 * NULL when an error is already set. */
int csv_stream_end(struct csv_stream *cs, struct err *e);

/* Values: 0 when s reads as one, -1 otherwise. */
int csv_number(const char *s, bool decimal_comma, double *out);  /* "1 234,5" "12.5" */
int csv_date(const char *s, day_t *out);        /* 2021-01-31, 31/01/2021, Excel serial */
int csv_time(const char *s, int *seconds);      /* 09:12:58, 9:12 */
int csv_bool(const char *s, bool *out);         /* Y/N, Oui/Non, yes/no, true/false, 1/0 */
/* A duration in seconds: "mm:ss" ("03:46"; the minutes may pass 59),
 * "h:mm:ss" ("1:02:03"), or a plain number with a decimal comma or point
 * ("3,77", "3.77", "45") counted in minutes when `minutes`, else in
 * seconds. No sign, no exponent, no thousands groups; the seconds (and
 * the minutes of h:mm:ss) below 60. Exact to the digits written: 3,77 min
 * is 226.2 s. */
int csv_duration(const char *s, bool minutes, double *seconds);
/* A column header that says its durations are in minutes: "durée (min)",
 * "Durée en minutes", "talk time (min)", "temps (mn)". */
bool csv_header_minutes(const char *header);

#endif
