/* Exports as CSV and XLSX (see export.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "app/export.h"
#include "core/figure.h"

void export_number(struct buf *out, double v, int decimals, enum lang lang)
{
	/* a number cell stays a number in the dialect: no thousands groups */
	buf_add_num(out, v, decimals < 0 ? 6 : decimals, NUM_PLAIN | (decimals < 0 ? 0 : NUM_FIXED),
		    lang);
}

static void csv_text(struct buf *out, const char *s, char sep)
{
	if (!s)
		return;
	int formula = strchr("=+-@\t\r", s[0]) && s[0];
	int quote = formula || strchr(s, sep) || strchr(s, '"') || strchr(s, '\n') ||
		    strchr(s, '\r');
	if (quote)
		buf_addc(out, '"');
	if (formula)
		buf_addc(out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_addc(out, '"');
		buf_addc(out, *p);
	}
	if (quote)
		buf_addc(out, '"');
}

static void csv_date(struct buf *out, day_t d, enum lang lang)
{
	if (d == DAY_NONE)
		return;
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	if (lang == LANG_FR)
		buf_addf(out, "%02d/%02d/%04d", dd, m, y);
	else
		buf_addf(out, "%04d-%02d-%02d", y, m, dd);
}

static void csv_datetime(struct buf *out, double t, enum lang lang)
{
	if (isnan(t))
		return;
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char s[32];
	strftime(s, sizeof(s), lang == LANG_FR ? "%d/%m/%Y %H:%M:%S" : "%Y-%m-%d %H:%M:%S", &tm);
	buf_adds(out, s);
}

/* row i of t into cells: 1, 0 after the last, -1 with *e */
static int table_row(const struct export_table *t, size_t i, struct export_cell *cells,
		     struct err *e)
{
	if (t->row) {
		for (size_t c = 0; c < t->ncols; c++)
			cells[c] = (struct export_cell){ NULL, NAN, DAY_NONE };
		return t->row(t->ctx, i, cells, e);
	}
	if (!t->cells || i >= t->nrows)
		return 0;
	memcpy(cells, &t->cells[i * t->ncols], t->ncols * sizeof(*cells));
	return 1;
}

static void csv_header(const struct export_table *t, struct buf *out)
{
	char sep = t->lang == LANG_FR ? ';' : ',';
	buf_adds(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			buf_addc(out, sep);
		csv_text(out, t->cols[c].title, sep);
	}
	buf_adds(out, "\r\n");
}

static void csv_row(const struct export_table *t, const struct export_cell *row, struct buf *out)
{
	char sep = t->lang == LANG_FR ? ';' : ',';
	for (size_t c = 0; c < t->ncols; c++) {
		const struct export_cell *x = &row[c];
		if (c)
			buf_addc(out, sep);
		switch (t->cols[c].type) {
		case COL_TEXT: csv_text(out, x->text, sep); break;
		case COL_DATE: csv_date(out, x->day, t->lang); break;
		case COL_DATETIME: csv_datetime(out, x->num, t->lang); break;
		case COL_PERCENT:
			/* in percent, as a person reads it: 81,5 for 0.815 */
			if (!isnan(x->num))
				export_number(out, x->num * 100,
					      t->cols[c].decimals < 0 ? 2 : t->cols[c].decimals,
					      t->lang);
			break;
		default: export_number(out, x->num, t->cols[c].decimals, t->lang); break;
		}
	}
	buf_adds(out, "\r\n");
}

int export_csv(const struct export_table *t, struct buf *out, struct err *e)
{
	struct export_cell *cells = calloc(t->ncols + 1, sizeof(*cells));
	if (!cells)
		abort();
	csv_header(t, out);
	int rc;
	for (size_t r = 0; (rc = table_row(t, r, cells, e)) > 0; r++)
		csv_row(t, cells, out);
	free(cells);
	return rc < 0 ? -1 : 0;
}

/* an Excel number format for a column */
static void xlsx_num_format(const struct export_table *t, const struct export_col *col, char *out,
		       size_t n)
{
	char dec[16] = "";
	int d = col->decimals < 0 ? 2 : col->decimals;
	if (d > 0 && d < 10) {
		dec[0] = '.';
		memset(dec + 1, '0', (size_t)d);
		dec[d + 1] = '\0';
	}
	const char *cur = t->currency ? t->currency : "EUR";
	const char *sym = !strcmp(cur, "EUR") ? "€" : !strcmp(cur, "USD") ? "$"
			  : !strcmp(cur, "GBP") ? "£" : cur;
	switch (col->type) {
	case COL_PERCENT: snprintf(out, n, "0%s%%", col->decimals < 0 ? ".0" : dec); break;
	case COL_MONEY:
		if (t->lang == LANG_FR)
			snprintf(out, n, "#,##0%s\\ \"%s\"", dec, sym);
		else
			snprintf(out, n, "\"%s\"#,##0%s", sym, dec);
		break;
	case COL_DATE: snprintf(out, n, "%s", t->lang == LANG_FR ? "dd/mm/yyyy" : "yyyy-mm-dd"); break;
	case COL_DURATION: snprintf(out, n, "[h]:mm:ss"); break;
	case COL_DATETIME:
		snprintf(out, n, "%s", t->lang == LANG_FR ? "dd/mm/yyyy hh:mm:ss" : "yyyy-mm-dd hh:mm:ss");
		break;
	default:
		if (col->decimals < 0)
			snprintf(out, n, "General");
		else
			snprintf(out, n, "#,##0%s", dec);
		break;
	}
}

/* a sheet name Excel accepts: at most 31 characters, none of []:*?/\ */
static void sheet_name(const char *title, char out[32])
{
	size_t k = 0;
	for (const char *p = title ? title : "cible"; *p && k < 31; p++) {
		/* keep whole UTF-8 sequences: stop before one that would not fit */
		unsigned char c = (unsigned char)*p;
		size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
		if (k + len > 31)
			break;
		if (strchr("[]:*?/\\", *p)) {
			out[k++] = ' ';
			continue;
		}
		memcpy(out + k, p, len);
		k += len;
		p += len - 1;
	}
	out[k] = '\0';
	if (!k)
		strcpy(out, "cible");
}

/* The workbook of t into the file at path; rows go to disk as they are
 * written (constant memory). */
static int xlsx_write(const struct export_table *t, const char *path, struct err *e)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = 0 };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb)
		return err_set(e, 500, "internal", NULL, "export: workbook", NULL);
	char name[32];
	sheet_name(t->title, name);
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bottom(head, LXW_BORDER_THIN);
	lxw_format *fmt[64] = { 0 };
	for (size_t c = 0; c < t->ncols && c < 64; c++) {
		if (t->cols[c].type == COL_TEXT)
			continue;
		char f[64];
		xlsx_num_format(t, &t->cols[c], f, sizeof(f));
		fmt[c] = workbook_add_format(wb);
		if (strcmp(f, "General"))
			format_set_num_format(fmt[c], f);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
				     t->cols[c].type == COL_DATE ? 12
				     : t->cols[c].type == COL_DATETIME ? 20 : 14, NULL);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->cols[c].type == COL_TEXT)
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, 32, NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)c, t->cols[c].title ? t->cols[c].title : "",
				       head);
	}
	/* the header row frozen; the panes before any row below it is written */
	worksheet_freeze_panes(ws, 1, 0);
	struct export_cell *cells = calloc(t->ncols + 1, sizeof(*cells));
	if (!cells)
		abort();
	size_t r = 0;
	int got;
	while ((got = table_row(t, r, cells, e)) > 0) {
		lxw_row_t row = (lxw_row_t)(r + 1);
		for (size_t c = 0; c < t->ncols; c++) {
			const struct export_cell *x = &cells[c];
			lxw_col_t col = (lxw_col_t)c;
			lxw_format *f = c < 64 ? fmt[c] : NULL;
			switch (t->cols[c].type) {
			case COL_TEXT:
				/* a string cell: "=1+1" stays text, never a formula */
				if (x->text && *x->text)
					worksheet_write_string(ws, row, col, x->text, NULL);
				break;
			case COL_DATE:
				if (x->day != DAY_NONE)
					worksheet_write_number(ws, row, col, x->day + 25569.0, f);
				break;
			case COL_DURATION:
				if (!isnan(x->num))
					worksheet_write_number(ws, row, col, x->num / 86400.0, f);
				break;
			case COL_DATETIME:
				if (!isnan(x->num))
					worksheet_write_number(ws, row, col,
							       x->num / 86400.0 + 25569.0, f);
				break;
			default:
				if (!isnan(x->num) && !isinf(x->num))
					worksheet_write_number(ws, row, col, x->num, f);
				break;
			}
		}
		r++;
	}
	free(cells);
	if (t->ncols)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)r, (lxw_col_t)(t->ncols - 1));
	lxw_error rc = workbook_close(wb);
	if (got < 0)
		return -1;
	if (rc != LXW_NO_ERROR)
		return err_set(e, 500, "internal", NULL, lxw_strerror(rc), NULL);
	return 0;
}

/* A workbook of t in an unlinked temporary file, open for reading from its
 * start; NULL with *e. */
static FILE *xlsx_file(const struct export_table *t, struct err *e)
{
	const char *dir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof(path), "%s/cible-export-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		err_set(e, 500, "internal", NULL, "export: no temporary file", NULL);
		return NULL;
	}
	close(fd);
	FILE *f = NULL;
	if (!xlsx_write(t, path, e)) {
		f = fopen(path, "rb");
		if (!f)
			err_set(e, 500, "internal", NULL, "export: reading the workbook", NULL);
	}
	unlink(path);
	return f;
}

int export_xlsx(const struct export_table *t, struct buf *out, struct err *e)
{
	FILE *f = xlsx_file(t, e);
	if (!f)
		return -1;
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(out, chunk, k);
	fclose(f);
	return 0;
}

/* --- streaming ------------------------------------------------------------ */

int export_format_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "csv"))
		return EXPORT_CSV;
	if (!strcmp(s, "xlsx"))
		return EXPORT_XLSX;
	return -1;
}

enum lang export_dialect_of_locale(const char *locale)
{
	return locale && (locale[0] == 'f' || locale[0] == 'F') &&
		       (locale[1] == 'r' || locale[1] == 'R') &&
		       (!locale[2] || locale[2] == '-' || locale[2] == '_')
		       ? LANG_FR : LANG_EN;
}

const char *export_media_type(enum export_format f)
{
	return f == EXPORT_XLSX ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				: "text/csv; charset=utf-8";
}

struct export_stream {
	struct export_table tab;    /* a copy: the caller's may be on its stack */
	const struct export_table *t;
	enum export_format f;
	FILE *file;                 /* XLSX: the workbook */
	struct export_cell *cells;  /* CSV: one row */
	size_t next;                /* CSV: the next row to make */
	int header, ended;
	struct buf pend;            /* CSV: made, not yet read */
	size_t pos;
	void (*done)(void *ctx);
	void *ctx;
};

struct export_stream *export_stream_open(const struct export_table *t, enum export_format f,
					 struct err *e)
{
	struct export_stream *s = calloc(1, sizeof(*s));
	if (!s)
		abort();
	s->tab = *t;
	s->t = &s->tab;
	t = s->t;
	s->f = f;
	s->done = t->done;
	s->ctx = t->ctx;
	buf_init(&s->pend);
	if (f == EXPORT_XLSX) {
		s->file = xlsx_file(t, e);
		if (!s->file) {
			export_stream_close(s);
			return NULL;
		}
	} else {
		s->cells = calloc(t->ncols + 1, sizeof(*s->cells));
		if (!s->cells)
			abort();
	}
	return s;
}

long export_stream_read(struct export_stream *s, char *out, size_t max, struct err *e)
{
	if (!max)
		return 0;
	if (s->file) {
		size_t k = fread(out, 1, max, s->file);
		if (!k && ferror(s->file))
			return err_set(e, 500, "internal", NULL, "export: reading the workbook", NULL);
		return (long)k;
	}
	/* rows are made until max bytes wait (a row at least): what is held is
	 * one piece of the answer, never the answer */
	while (!s->ended && s->pend.len - s->pos < max) {
		if (!s->header) {
			csv_header(s->t, &s->pend);
			s->header = 1;
			continue;
		}
		int got = table_row(s->t, s->next, s->cells, e);
		if (got < 0)
			return -1;
		if (!got) {
			s->ended = 1;
			break;
		}
		s->next++;
		csv_row(s->t, s->cells, &s->pend);
	}
	size_t k = s->pend.len - s->pos;
	if (k > max)
		k = max;
	memcpy(out, s->pend.data + s->pos, k);
	s->pos += k;
	if (s->pos == s->pend.len) {
		buf_reset(&s->pend);
		s->pos = 0;
	}
	return (long)k;
}

void export_stream_close(struct export_stream *s)
{
	if (!s)
		return;
	if (s->file)
		fclose(s->file);
	free(s->cells);
	buf_free(&s->pend);
	if (s->done)
		s->done(s->ctx);
	free(s);
}
