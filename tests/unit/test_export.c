/* Exports: CSV in each language's spreadsheet conventions, safe from formula
 * injection, numbers never in exponent form; XLSX read back by a real reader
 * (openpyxl, Debian's python3-openpyxl) with its types and formats. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "t.h"
#include "app/export.h"

static const struct export_col cols[] = {
	{ "Objectif", COL_TEXT, -1 }, { "Valeur", COL_MONEY, 2 }, { "Atteinte", COL_PERCENT, 1 },
	{ "Échéance", COL_DATE, -1 }, { "DMT", COL_DURATION, 0 }, { "Appels", COL_NUMBER, 0 },
};
static const struct export_cell cells[] = {
	{ "CA; « T4 »", 5457000.25, DAY_NONE }, { NULL, 5457000.25, DAY_NONE },
	{ NULL, 0.815, DAY_NONE }, { NULL, NAN, 20818 /* 2026-12-31 */ },
	{ NULL, 226, DAY_NONE }, { NULL, 1200, DAY_NONE },
	{ "=HYPERLINK(\"http://x\")", NAN, DAY_NONE }, { NULL, NAN, DAY_NONE },
	{ NULL, NAN, DAY_NONE }, { NULL, NAN, DAY_NONE }, { NULL, NAN, DAY_NONE },
	{ NULL, 1e20, DAY_NONE },
};

static struct export_table table(enum lang lang)
{
	struct export_table t = { "Équipe A : objectifs/T4", cols, 6, cells, 2, "EUR", lang, NULL, NULL, NULL };
	return t;
}

TEST("French CSV: semicolons, decimal comma, dd/mm/yyyy, a BOM, quoted where needed")
{
	struct export_table t = table(LANG_FR);
	struct buf b = BUF_INIT;
	CHECK_INT(export_csv(&t, &b, NULL), 0);
	CHECK_STR(b.data, "\xEF\xBB\xBFObjectif;Valeur;Atteinte;Échéance;DMT;Appels\r\n"
		  "\"CA; « T4 »\";5457000,25;81,5;31/12/2026;226;1200\r\n"
		  "\"'=HYPERLINK(\"\"http://x\"\")\";;;;;100000000000000000000\r\n");
	buf_free(&b);
}

TEST("English CSV: commas, decimal point, ISO dates")
{
	struct export_table t = table(LANG_EN);
	t.nrows = 1;
	struct buf b = BUF_INIT;
	CHECK_INT(export_csv(&t, &b, NULL), 0);
	CHECK_STR(b.data, "\xEF\xBB\xBFObjectif,Valeur,Atteinte,Échéance,DMT,Appels\r\n"
		  "CA; « T4 »,5457000.25,81.5,2026-12-31,226,1200\r\n");
	buf_free(&b);
}

TEST("numbers in full: no exponent, trailing zeros dropped, no negative zero")
{
	static const struct { double v; int d; enum lang l; const char *out; } cases[] = {
		{ 5.457e6, -1, LANG_FR, "5457000" }, { 0.1, -1, LANG_EN, "0.1" },
		{ 3.77, -1, LANG_FR, "3,77" }, { 1e-7, -1, LANG_EN, "0" }, { -0.0, 2, LANG_EN, "0.00" },
		{ 2.5, 0, LANG_EN, "2" }, { 1234.5678, 2, LANG_FR, "1234,57" }, { -3, -1, LANG_EN, "-3" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct buf b = BUF_INIT;
		export_number(&b, cases[i].v, cases[i].d, cases[i].l);
		CHECK_STR(b.data, cases[i].out);
		buf_free(&b);
	}
}

TEST("XLSX read back by openpyxl: types, formats, the sheet's name, a frozen header")
{
	struct export_table t = table(LANG_FR);
	struct buf b = BUF_INIT;
	struct err e;
	err_clear(&e);
	CHECK_INT(export_xlsx(&t, &b, &e), 0);
	CHECK(b.len > 1000 && !memcmp(b.data, "PK", 2));
	char path[] = "/tmp/cible-test-xlsx-XXXXXX.xlsx";
	int fd = mkstemps(path, 5);
	CHECK(fd >= 0);
	CHECK(write(fd, b.data, b.len) == (ssize_t)b.len);
	close(fd);
	char cmd[512];
	snprintf(cmd, sizeof(cmd),
		 "/usr/bin/python3 -c 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); "
		 "ws=wb.active; print(ws.title); print(ws.freeze_panes); "
		 "[print(repr(c.value), c.number_format) for c in ws[2]]; print(repr(ws[\"A3\"].value))' %s",
		 path);
	FILE *p = popen(cmd, "r");
	CHECK(p != NULL);
	struct buf got = BUF_INIT;
	char line[256];
	while (p && fgets(line, sizeof(line), p))
		buf_adds(&got, line);
	CHECK_INT(p ? pclose(p) : -1, 0);
	CHECK_STR(got.data, "Équipe A   objectifs T4\n"
		  "A2\n"
		  "'CA; « T4 »' General\n"
		  "5457000.25 #,##0.00\\ \"€\"\n"
		  "0.815 0.0%\n"
		  "datetime.datetime(2026, 12, 31, 0, 0) dd/mm/yyyy\n"
		  "datetime.timedelta(seconds=226) [h]:mm:ss\n"
		  "1200 #,##0\n"
		  "'=HYPERLINK(\"http://x\")'\n");
	unlink(path);
	buf_free(&got);
	buf_free(&b);
}

/* rows made on demand: 1000 of them, each "row N" and N / 1000 */
static int gen_rows;
static int gen_row(void *ctx, size_t i, struct export_cell *c, struct err *e)
{
	(void)e;
	static char text[32];
	if (i >= 1000)
		return 0;
	snprintf(text, sizeof(text), i == 7 ? "@SUM(A1) %zu" : "row %zu", i);
	c[0].text = text;
	c[1].num = (double)i / 1000;
	c[2].num = (double)i * 86400;
	(*(int *)ctx)++;
	return 1;
}
static int gen_done_calls;
static void gen_done(void *ctx)
{
	(void)ctx;
	gen_done_calls++;
}

TEST("a stream gives, piece by piece, the bytes of the whole CSV, making rows as it goes")
{
	static const struct export_col gc[] = {
		{ "Nom", COL_TEXT, -1 }, { "Part", COL_PERCENT, 1 }, { "Quand", COL_DATETIME, -1 } };
	struct export_table t = { "g", gc, 3, NULL, 0, "EUR", LANG_FR, gen_row, &gen_rows, gen_done };
	struct buf whole = BUF_INIT, pieces = BUF_INIT;
	struct err e;
	err_clear(&e);
	t.done = NULL;
	CHECK_INT(export_csv(&t, &whole, &e), 0);
	CHECK(
	      strstr(whole.data, "\"'@SUM(A1) 7\";0,7;08/01/1970 00:00:00\r\n") != NULL);
	CHECK(strstr(whole.data, "row 999;99,9;") != NULL);
	t.done = gen_done;
	gen_rows = 0;
	struct export_stream *s = export_stream_open(&t, EXPORT_CSV, &e);
	CHECK(s != NULL);
	char piece[100];
	long k;
	int reads = 0, rows_after_first = -1;
	while ((k = export_stream_read(s, piece, sizeof(piece), &e)) > 0) {
		if (!reads++)
			rows_after_first = gen_rows;
		buf_add(&pieces, piece, (size_t)k);
	}
	CHECK_INT((int)k, 0);
	/* the first piece made a few rows, not the thousand */
	CHECK(rows_after_first >= 1 && rows_after_first < 10);
	CHECK(reads > 100);
	CHECK_INT((int)pieces.len, (int)whole.len);
	CHECK(!memcmp(pieces.data, whole.data, whole.len));
	export_stream_close(s);
	CHECK_INT(gen_done_calls, 1);
	buf_free(&whole);
	buf_free(&pieces);
}

TEST("an XLSX stream reads out a workbook written row by row")
{
	static const struct export_col gc[] = {
		{ "Nom", COL_TEXT, -1 }, { "Part", COL_PERCENT, 1 }, { "Quand", COL_DATETIME, -1 } };
	struct export_table t = { "g", gc, 3, NULL, 0, "EUR", LANG_EN, gen_row, &gen_rows, NULL };
	struct err e;
	err_clear(&e);
	struct export_stream *s = export_stream_open(&t, EXPORT_XLSX, &e);
	CHECK(s != NULL);
	struct buf b = BUF_INIT;
	char piece[4096];
	long k;
	while ((k = export_stream_read(s, piece, sizeof(piece), &e)) > 0)
		buf_add(&b, piece, (size_t)k);
	export_stream_close(s);
	CHECK(b.len > 1000 && !memcmp(b.data, "PK", 2));
	buf_free(&b);
}

T_MAIN("export")
