/* Exports as CSV and XLSX (see export.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "app/export.h"

void export_number(struct buf *out, double v, int decimals, enum lang lang)
{
	if (isnan(v) || isinf(v))
		return;
	char tmp[400];
	int d = decimals < 0 ? 6 : decimals;
	if (d > 12)
		d = 12;
	snprintf(tmp, sizeof(tmp), "%.*f", d, v);
	if (decimals < 0 && strchr(tmp, '.')) {
		char *end = tmp + strlen(tmp) - 1;
		while (*end == '0')
			*end-- = '\0';
		if (*end == '.')
			*end = '\0';
	}
	if (tmp[0] == '-' && !tmp[strspn(tmp + 1, "0.") + 1])
		memmove(tmp, tmp + 1, strlen(tmp));  /* no negative zero */
	for (char *p = tmp; *p; p++)
		if (*p == '.' && lang == LANG_FR)
			*p = ',';
	buf_adds(out, tmp);
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

void export_csv(const struct export_table *t, struct buf *out)
{
	char sep = t->lang == LANG_FR ? ';' : ',';
	buf_adds(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			buf_addc(out, sep);
		csv_text(out, t->cols[c].title, sep);
	}
	buf_adds(out, "\r\n");
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const struct export_cell *x = &t->cells[r * t->ncols + c];
			if (c)
				buf_addc(out, sep);
			switch (t->cols[c].type) {
			case COL_TEXT: csv_text(out, x->text, sep); break;
			case COL_DATE: csv_date(out, x->day, t->lang); break;
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
}

/* an Excel number format for a column */
static void num_format(const struct export_table *t, const struct export_col *col, char *out,
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
	default: snprintf(out, n, "#,##0%s", col->decimals < 0 ? ".##" : dec); break;
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

int export_xlsx(const struct export_table *t, struct buf *out, struct err *e)
{
	char path[] = "/tmp/cible-export-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return err_set(e, 500, "internal", NULL, "export: no temporary file", NULL);
	close(fd);
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = 0 };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		unlink(path);
		return err_set(e, 500, "internal", NULL, "export: workbook", NULL);
	}
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
		num_format(t, &t->cols[c], f, sizeof(f));
		fmt[c] = workbook_add_format(wb);
		format_set_num_format(fmt[c], f);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
				     t->cols[c].type == COL_DATE ? 12 : 14, NULL);
	}
	for (size_t c = 0; c < t->ncols; c++) {
		if (t->cols[c].type == COL_TEXT)
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, 32, NULL);
		worksheet_write_string(ws, 0, (lxw_col_t)c, t->cols[c].title ? t->cols[c].title : "",
				       head);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		lxw_row_t row = (lxw_row_t)(r + 1);
		for (size_t c = 0; c < t->ncols; c++) {
			const struct export_cell *x = &t->cells[r * t->ncols + c];
			lxw_col_t col = (lxw_col_t)c;
			lxw_format *f = c < 64 ? fmt[c] : NULL;
			switch (t->cols[c].type) {
			case COL_TEXT:
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
			default:
				if (!isnan(x->num) && !isinf(x->num))
					worksheet_write_number(ws, row, col, x->num, f);
				break;
			}
		}
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (t->ncols)
		worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows, (lxw_col_t)(t->ncols - 1));
	lxw_error rc = workbook_close(wb);
	int ret = 0;
	if (rc != LXW_NO_ERROR) {
		ret = err_set(e, 500, "internal", NULL, lxw_strerror(rc), NULL);
	} else {
		FILE *f = fopen(path, "rb");
		char chunk[65536];
		size_t k;
		if (!f)
			ret = err_set(e, 500, "internal", NULL, "export: reading the workbook", NULL);
		while (f && (k = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(out, chunk, k);
		if (f)
			fclose(f);
	}
	unlink(path);
	return ret;
}
