/* libFuzzer target for an import upload, up to the store: the first line of
 * the input is the mapping, as `cible import` takes it ("NAME=COLUMN[:TYPE]"
 * words, import_field_parse; kind/person/date/time/id name the fixed
 * columns), the rest is the file. A mapping that passes the import's checks
 * (import_spec_check) goes to JSON and back (a saved mapping,
 * import_spec_json/import_spec_load) and must come back the same;
 * the file is sniffed, converted to UTF-8 and read as the import reads it,
 * through csv_stream in chunks cut at newlines (the import's rule) at places
 * the input chooses, and the rows must be the ones csv_read gives for the
 * whole text; each row is then read through the mapping: its columns found
 * by name or #N as the import finds them, each typed cell parsed as the
 * import does (csv_number with the dialect's decimal comma, finite only;
 * csv_bool, csv_time, csv_date; the date column also as a date-time). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "app/import.h"
#include "core/csvread.h"

struct rows {
	struct buf flat;   /* every row, fields separated by \x1f, rows by \x1e */
	long n;
	const struct import_spec *spec;
	const struct csv_dialect *d;
	int col[4 + IMPORT_MAX_FIELDS];
	bool header;
};

static int find_column(const struct csv_row *h, const char *name)
{
	if (!name)
		return -1;
	if (name[0] == '#') {
		int i = atoi(name + 1);
		return i >= 1 && (size_t)i <= h->n ? i - 1 : -2;
	}
	for (size_t i = 0; i < h->n; i++)
		if (!strcasecmp(h->field[i], name))
			return (int)i;
	return -2;
}

static void typed(const char *v, enum import_ftype t, const struct csv_dialect *d)
{
	double x;
	bool b;
	int secs;
	day_t day;
	long long at;
	switch (t) {
	case F_TEXT: break;
	case F_NUMBER:
		if (!csv_number(v, d->decimal_comma, &x) && isfinite(x) && x != x)
			abort();
		break;
	case F_BOOL: (void)csv_bool(v, &b); break;
	case F_TIME:
		if (!csv_time(v, &secs) && secs < 0)
			abort();
		break;
	case F_DATE:
		if (!csv_date(v, &day)) {
			char iso[11];
			date_format_iso(day, iso);
		}
		(void)date_parse_datetime(v, &at);
		break;
	}
}

static int on_row(void *ctx, const struct csv_row *row)
{
	struct rows *r = ctx;
	for (size_t i = 0; i < row->n; i++) {
		buf_adds(&r->flat, row->field[i]);
		buf_addc(&r->flat, 0x1f);
	}
	buf_addf(&r->flat, "%ld\x1e", row->line);
	r->n++;
	if (!r->spec)
		return 0;
	const struct import_spec *s = r->spec;
	if (!r->header) {
		r->header = true;
		const char *fixed[4] = { s->person, s->date, s->time, s->id };
		for (int k = 0; k < 4; k++)
			r->col[k] = find_column(row, fixed[k]);
		for (int k = 0; k < s->nfields; k++)
			r->col[4 + k] = find_column(row, s->fields[k].column);
		return 0;
	}
	if (r->col[1] >= 0 && (size_t)r->col[1] < row->n)
		typed(row->field[r->col[1]], F_DATE, r->d);
	if (r->col[2] >= 0 && (size_t)r->col[2] < row->n)
		typed(row->field[r->col[2]], F_TIME, r->d);
	for (int k = 0; k < s->nfields; k++) {
		int c = r->col[4 + k];
		if (c >= 0 && (size_t)c < row->n)
			typed(row->field[c], s->fields[k].type, r->d);
	}
	return 0;
}

static void mapping(const char *line, size_t len, struct import_spec *spec)
{
	char *text = strndup(line, len), *save = NULL;
	if (!text)
		abort();
	for (char *w = strtok_r(text, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		struct import_field f;
		if (import_field_parse(w, &f))
			continue;
		char **fixed = !strcmp(f.name, "kind") ? &spec->kind
			     : !strcmp(f.name, "person") ? &spec->person
			     : !strcmp(f.name, "date") ? &spec->date
			     : !strcmp(f.name, "time") ? &spec->time
			     : !strcmp(f.name, "id") ? &spec->id : NULL;
		if (fixed && !*fixed) {
			*fixed = f.column;
			free(f.name);
		} else if (!fixed && spec->nfields < IMPORT_MAX_FIELDS) {
			spec->fields[spec->nfields++] = f;
		} else {
			free(f.name);
			free(f.column);
		}
	}
	free(text);
}

static void round_trip(const struct import_spec *spec)
{
	struct err e;
	err_clear(&e);
	if (import_spec_check(spec, &e)) {
		if (e.status != 422)
			abort();
		return;  /* the import refuses it before any file or JSON */
	}
	char *json = import_spec_json(spec);
	if (!json)
		abort();
	struct import_spec back;
	memset(&back, 0, sizeof(back));
	if (import_spec_load(&back, json))
		abort();
	if (strcmp(back.kind, spec->kind) || strcmp(back.person, spec->person) ||
	    strcmp(back.date, spec->date) || (!spec->time) != (!back.time) ||
	    (!spec->id) != (!back.id) || back.nfields != spec->nfields)
		abort();
	for (int k = 0; k < spec->nfields; k++)
		if (strcmp(back.fields[k].name, spec->fields[k].name) ||
		    strcmp(back.fields[k].column, spec->fields[k].column) ||
		    back.fields[k].type != spec->fields[k].type)
			abort();
	import_spec_free(&back);
	free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 256 * 1024)
		return 0;
	const char *in = (const char *)data;
	const char *nl = memchr(in, '\n', size);
	size_t mlen = nl ? (size_t)(nl - in) : size;
	struct import_spec spec;
	memset(&spec, 0, sizeof(spec));
	mapping(in, mlen, &spec);
	round_trip(&spec);
	const char *file = nl ? nl + 1 : in + size;
	size_t flen = size - (size_t)(file - in);
	/* where to cut: the mapping line's length, hashed */
	unsigned cut = 1 + (unsigned)(mlen * 2654435761u % 97);

	struct csv_dialect d;
	csv_sniff(file, flen, &d);
	struct buf text = BUF_INIT;
	struct err e;
	err_clear(&e);
	if (csv_to_utf8(file, flen, &d, &text, &e)) {
		buf_free(&text);
		import_spec_free(&spec);
		return 0;
	}
	struct rows whole = { BUF_INIT, 0, NULL, &d, { 0 }, false };
	struct err ew;
	err_clear(&ew);
	int rw = csv_read(text.data, text.len, d.sep, on_row, &whole, &ew);

	struct rows chunked = { BUF_INIT, 0, &spec, &d, { 0 }, false };
	struct err ec;
	err_clear(&ec);
	struct csv_stream *cs = csv_stream_new(d.sep, on_row, &chunked);
	int rc = 0;
	size_t pos = 0;
	while (pos < text.len && !rc) {
		/* a chunk ends after a newline (the import never cuts a line's
		 * UTF-8 characters): the first newline at or after pos + cut */
		size_t end = pos + cut < text.len ? pos + cut : text.len;
		while (end < text.len && text.data[end - 1] != '\n')
			end++;
		rc = csv_stream_feed(cs, text.data + pos, end - pos, &ec);
		pos = end;
	}
	int rc2 = csv_stream_end(cs, rc ? NULL : &ec);
	if (!rc)
		rc = rc2;
	if ((rw != 0) != (rc != 0))
		abort();  /* whole and chunked disagree on whether the file reads */
	if (!rw && (whole.n != chunked.n || whole.flat.len != chunked.flat.len ||
		    memcmp(whole.flat.data, chunked.flat.data, whole.flat.len)))
		abort();  /* ... or on its rows */
	buf_free(&whole.flat);
	buf_free(&chunked.flat);
	buf_free(&text);
	import_spec_free(&spec);
	return 0;
}
