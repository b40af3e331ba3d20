/* libFuzzer target for the CSV reader: dialect sniffing, Windows-1252
 * conversion, rows with line numbers, and every value parser on every field.
 * Input: arbitrary bytes (invalid UTF-8, no NUL, unclosed quotes...). */
#include <stdint.h>
#include <stdlib.h>
#include "core/csvread.h"

static int on_row(void *ctx, const struct csv_row *row)
{
	long *last = ctx;
	if (row->line < *last)
		abort();  /* rows come in file order */
	*last = row->line;
	for (size_t i = 0; i < row->n; i++) {
		double d;
		day_t day;
		int t;
		bool b;
		(void)csv_number(row->field[i], true, &d);
		(void)csv_number(row->field[i], false, &d);
		(void)csv_date(row->field[i], &day);
		(void)csv_time(row->field[i], &t);
		(void)csv_bool(row->field[i], &b);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_dialect d;
	csv_sniff((const char *)data, size, &d);
	struct buf text = BUF_INIT;
	struct err e;
	err_clear(&e);
	if (!csv_to_utf8((const char *)data, size, &d, &text, &e)) {
		long last = 0;
		(void)csv_read(text.data, text.len, d.sep, on_row, &last, &e);
	}
	buf_free(&text);
	return 0;
}
