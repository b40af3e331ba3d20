/* Exports: what a manager looks at (a list of objectives, a dashboard, a
 * leaderboard...) as a table of typed columns, written as CSV or as an Excel
 * workbook. Adapters build the table (titles in the reader's language, the
 * cells from a use case's result) and send the bytes.
 *
 * CSV follows the reader's spreadsheet: in French ';' between fields, a
 * decimal comma and dates as 31/12/2026; in English ',' and a decimal point
 * and ISO dates; UTF-8 with a byte-order mark so that Excel reads accents;
 * RFC 4180 quoting; numbers in full, never in exponent form. A text cell that
 * a spreadsheet would take for a formula (= + - @, tab, CR) is prefixed with
 * an apostrophe (CSV injection).
 *
 * XLSX (libxlsxwriter) keeps types: numbers are numbers, percentages are
 * formatted as such, money carries the organisation's currency, dates are
 * dates, durations are [h]:mm:ss; a bold frozen header row with filters.
 * A text cell is written as text, never as a formula.
 *
 * Streaming: a table either holds its cells (cells, nrows) or makes its rows
 * on demand (row, ctx), so that an export of a 10,000-person organisation is
 * never held whole. export_stream_open() then gives the bytes a piece at a
 * time: CSV rows are made as the reader asks for them; an XLSX workbook is
 * written row by row through libxlsxwriter's constant-memory mode into an
 * unlinked temporary file, which is then read out. */
#ifndef CIBLE_APP_EXPORT_H
#define CIBLE_APP_EXPORT_H
#include <stdbool.h>
#include <stddef.h>
#include "core/buf.h"
#include "core/date.h"
#include "core/err.h"
#include "core/msg.h"

enum col_type {
	COL_TEXT,
	COL_NUMBER,
	COL_PERCENT,   /* a fraction: 0.815 is 81.5 % */
	COL_MONEY,     /* in the table's currency */
	COL_DATE,      /* cell.day */
	COL_DURATION,  /* seconds */
	COL_DATETIME,  /* unix seconds, shown in UTC */
};

struct export_col {
	const char *title;
	enum col_type type;
	int decimals;  /* numbers: how many decimals to show (-1: as needed) */
};

struct export_cell {
	const char *text;  /* COL_TEXT (NULL: empty) */
	double num;        /* numbers; NaN: empty */
	day_t day;         /* COL_DATE; DAY_NONE: empty */
};

struct export_table {
	const char *title;         /* the sheet's name */
	const struct export_col *cols;
	size_t ncols;
	const struct export_cell *cells;  /* nrows * ncols, row by row */
	size_t nrows;
	const char *currency;      /* "EUR", "USD"...: money columns */
	enum lang lang;            /* the dialect: separators, decimal mark, date formats */
	/* Rows made on demand (when cells is NULL): fills the ncols cells of row
	 * i (0, 1, 2... in turn); 1 when it did, 0 after the last row, -1 with *e.
	 * Text it points to lives until the next call. It may run while the
	 * answer is being sent, after the function that made the table returned. */
	int (*row)(void *ctx, size_t i, struct export_cell *cells, struct err *e);
	void *ctx;
	/* Releases ctx once the export is sent or abandoned (NULL: nothing to do).
	 * The table itself may be gone by then: done reads only ctx. */
	void (*done)(void *ctx);
};

/* EXPORT_PDF: the report of a team's or a person's objectives only
 * (export_lists.h: export_objectives_pdf), not a table's stream */
enum export_format { EXPORT_CSV, EXPORT_XLSX, EXPORT_PDF };
/* "csv", "xlsx" -> the format; -1 otherwise */
int export_format_parse(const char *s);
/* The CSV dialect a locale asks for: "fr", "fr-FR", "fr_CA"... French; any
 * other English. */
enum lang export_dialect_of_locale(const char *locale);
/* The media type of a format's answer. */
const char *export_media_type(enum export_format f);

struct export_stream;
/* Starts an export of t (copied; what it points to, its columns and ctx,
 * must live until the last export_stream_read);
 * NULL with *e on failure. An XLSX workbook is written whole here (to a
 * temporary file, not to memory), so its errors come before any byte. */
struct export_stream *export_stream_open(const struct export_table *t, enum export_format f,
					 struct err *e);
/* The next bytes, at most max, into out: how many (> 0), 0 at the end, -1
 * with *e when a row could not be made. */
long export_stream_read(struct export_stream *s, char *out, size_t max, struct err *e);
/* Ends the export (sent or not) and calls the table's done. */
void export_stream_close(struct export_stream *s);

/* The table as CSV in t->lang's conventions, appended to out (the whole
 * of it: for tests and small tables; an answer streams). -1 with *e when a
 * row could not be made. */
int export_csv(const struct export_table *t, struct buf *out, struct err *e);
/* The table as an XLSX workbook, appended to out; -1 with *e on failure. */
int export_xlsx(const struct export_table *t, struct buf *out, struct err *e);

/* A number in full (no exponent), at most `decimals` decimals (-1: up to 6,
 * trailing zeros dropped), with lang's decimal mark and no grouping. */
void export_number(struct buf *out, double v, int decimals, enum lang lang);

#endif
