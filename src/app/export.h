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
 * dates, durations are [h]:mm:ss; a bold frozen header row with filters. */
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
	enum lang lang;
};

/* The table as CSV in t->lang's conventions, appended to out. */
void export_csv(const struct export_table *t, struct buf *out);
/* The table as an XLSX workbook, appended to out; -1 with *e on failure. */
int export_xlsx(const struct export_table *t, struct buf *out, struct err *e);

/* A number in full (no exponent), at most `decimals` decimals (-1: up to 6,
 * trailing zeros dropped), with lang's decimal mark and no grouping. */
void export_number(struct buf *out, double v, int decimals, enum lang lang);

#endif
