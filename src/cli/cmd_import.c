/* `cible import FILE`: activity records from a CSV file (English or French
 * dialect, UTF-8 or Windows-1252) or JSON lines, through a column mapping
 * given as flags or saved under a name. The file is streamed in chunks, so
 * memory stays bounded whatever its size. One transaction: a file with errors
 * stores nothing unless --keep-good; every record carries its source id, so
 * importing a file twice counts nothing twice. Indicator states are updated
 * in the same transaction. The report names each rejected row by line and
 * column. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "app/measure.h"
#include "cli/cli.h"
#include "core/csvread.h"

enum ftype { F_TEXT, F_NUMBER, F_BOOL, F_TIME, F_DATE };
static const char *const ftypes[] = { "text", "number", "bool", "time", "date" };

struct fmap {
	char *name, *column;
	enum ftype type;
	int col;
};

#define MAX_FIELDS 32
#define CHUNK (1 << 20)

/* people by the key the file uses: an open-addressing table */
struct pcache {
	struct { char *key; id_t64 id; } *v;  /* id 0: no such person */
	size_t cap, n;
};

struct import {
	struct store *s;
	id_t64 org;
	char *kind, *id_col, *person_col, *date_col, *time_col;
	int id_i, person_i, date_i, time_i;
	struct fmap fields[MAX_FIELDS];
	int nfields;
	struct csv_dialect d;
	size_t header_n;
	bool header_seen, keep_good, extra_ok, progress, jsonl;
	long read, stored, duplicates, rejected;
	struct buf report;   /* the first rejections, one a line */
	struct err e;
	int fatal;
	char **header;
	struct pcache people;
	struct measure_batch *measure;
	const char *names[MAX_FIELDS];  /* field names, for the measure batch */
	struct buf json;     /* the fields of the current record */
	int64_t now;
	/* progress */
	off_t size, done;
	int shown;
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

static void reject(struct import *im, long line, const char *column, const char *why)
{
	im->rejected++;
	if (im->rejected <= 20)
		buf_addf(&im->report, "  line %ld, column \"%s\": %s\n", line, column ? column : "-", why);
}

static int header_row(struct import *im, const struct csv_row *row)
{
	im->header_n = row->n;
	im->header = calloc(row->n + 1, sizeof(char *));
	for (size_t i = 0; i < row->n; i++)
		im->header[i] = strdup(row->field[i]);
	struct { const char *flag, *name; int *at; } need[] = {
		{ "--person", im->person_col, &im->person_i }, { "--date", im->date_col, &im->date_i },
		{ "--id", im->id_col, &im->id_i }, { "--time", im->time_col, &im->time_i } };
	for (int k = 0; k < 4; k++) {
		*need[k].at = find_column(row, need[k].name);
		if (*need[k].at == -2) {
			fprintf(stderr, "cible import: %s: no column \"%s\" in the header\n", need[k].flag,
				need[k].name);
			im->fatal = 2;
			return -1;
		}
	}
	for (int k = 0; k < im->nfields; k++) {
		im->fields[k].col = find_column(row, im->fields[k].column);
		if (im->fields[k].col < 0) {
			fprintf(stderr, "cible import: --field %s: no column \"%s\" in the header\n",
				im->fields[k].name, im->fields[k].column);
			im->fatal = 2;
			return -1;
		}
		im->names[k] = im->fields[k].name;
	}
	measure_batch_fields(im->measure, im->kind, im->names, (size_t)im->nfields);
	return 0;
}

static uint64_t hash_key(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* The person a key names: 0 and *id, or 404 in *e. Cached: a file names the
 * same people again and again. */
static int person_of(struct import *im, const char *key, id_t64 *id, struct err *e)
{
	struct pcache *c = &im->people;
	if (c->n * 2 >= c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		__typeof__(c->v) nv = calloc(ncap, sizeof(*nv));
		if (!nv)
			abort();
		for (size_t i = 0; i < c->cap; i++)
			if (c->v[i].key) {
				size_t j = hash_key(c->v[i].key) & (ncap - 1);
				while (nv[j].key)
					j = (j + 1) & (ncap - 1);
				nv[j] = c->v[i];
			}
		free(c->v);
		c->v = nv;
		c->cap = ncap;
	}
	size_t j = hash_key(key) & (c->cap - 1);
	while (c->v[j].key) {
		if (!strcmp(c->v[j].key, key)) {
			*id = c->v[j].id;
			return *id ? 0 : err_set(e, 404, "not_found", NULL, "person", NULL);
		}
		j = (j + 1) & (c->cap - 1);
	}
	id_t64 found = 0;
	if (store_person_resolve(im->s, im->org, key, &found, e)) {
		if (e->status != 404)
			return -1;
		found = 0;
	}
	c->v[j].key = strdup(key);
	c->v[j].id = found;
	c->n++;
	*id = found;
	return found ? 0 : err_set(e, 404, "not_found", NULL, "person", NULL);
}

static void json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c < 0x20) {
			buf_addf(b, "\\u%04x", c);
		} else {
			buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

static void progress_show(struct import *im)
{
	if (!im->progress)
		return;
	int pct = im->size > 0 ? (int)(100.0 * (double)im->done / (double)im->size) : -1;
	if (pct == im->shown && im->read % 100000)
		return;
	im->shown = pct;
	char bar[31];
	int fill = pct < 0 ? 0 : pct * 30 / 100;
	for (int i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = '\0';
	if (pct >= 0)
		fprintf(stderr, "\r[%s] %3d %%  %ld rows", bar, pct, im->read);
	else
		fprintf(stderr, "\rimport: %ld rows", im->read);
}

static int data_row(struct import *im, const struct csv_row *row)
{
	im->read++;
	if (im->progress && im->read % 65536 == 0)
		progress_show(im);
	if (row->n != im->header_n && !(im->extra_ok && row->n > im->header_n)) {
		char why[96];
		snprintf(why, sizeof(why), "%zu fields where the header has %zu", row->n, im->header_n);
		reject(im, row->line, NULL, why);
		return 0;
	}
	const char *person = row->field[im->person_i];
	const char *date = row->field[im->date_i];
	day_t day;
	int64_t at;
	long long secs_dt;
	if (!csv_date(date, &day)) {
		at = (int64_t)day * 86400;
	} else if (!date_parse_datetime(date, &secs_dt)) {
		at = secs_dt;
		day = (day_t)(at >= 0 ? at / 86400 : -((-at + 86399) / 86400));
	} else {
		reject(im, row->line, im->header[im->date_i], "not a date");
		return 0;
	}
	int secs = 0;
	if (im->time_i >= 0) {
		if (csv_time(row->field[im->time_i], &secs)) {
			reject(im, row->line, im->header[im->time_i], "not a time of day");
			return 0;
		}
		at += secs;
	}
	struct ival vals[MAX_FIELDS];
	struct buf *j = &im->json;
	buf_reset(j);
	buf_addc(j, '{');
	for (int k = 0; k < im->nfields; k++) {
		const char *v = row->field[im->fields[k].col];
		struct ival *x = &vals[k];
		bool ok = true, b;
		int t;
		day_t dd;
		x->type = IV_NULL;
		x->str = NULL;
		if (k)
			buf_addc(j, ',');
		json_str(j, im->fields[k].name);
		buf_addc(j, ':');
		if (!*v) {
			buf_add(j, "null", 4);  /* an empty cell is a missing value, not zero */
			continue;
		}
		switch (im->fields[k].type) {
		case F_TEXT:
			x->type = IV_STR;
			x->str = v;
			json_str(j, v);
			break;
		case F_NUMBER:
			ok = !csv_number(v, im->d.decimal_comma, &x->num) && isfinite(x->num);
			x->type = IV_NUM;
			if (ok)
				buf_addf(j, "%.17g", x->num);
			break;
		case F_BOOL:
			ok = !csv_bool(v, &b);
			x->type = IV_BOOL;
			x->num = b;
			buf_adds(j, b ? "true" : "false");
			break;
		case F_TIME:
			ok = !csv_time(v, &t);
			x->type = IV_NUM;
			x->num = t;
			buf_addf(j, "%d", t);
			break;
		case F_DATE:
			ok = !csv_date(v, &dd);
			if (ok) {
				char iso[11];
				date_format_iso(dd, iso);
				x->type = IV_NUM;
				x->num = dd;  /* days: comparable, and differences in days */
				buf_addf(j, "\"%s\"", iso);
			}
			break;
		}
		if (!ok) {
			static const char *const what[] = { "text", "not a number", "not yes or no",
							    "not a duration hh:mm:ss", "not a date" };
			reject(im, row->line, im->fields[k].column, what[im->fields[k].type]);
			return 0;
		}
	}
	buf_addc(j, '}');
	struct activity x = { 0, 0, im->kind, NULL, at, j->data };
	struct err e;
	err_clear(&e);
	if (person_of(im, person, &x.person_id, &e)) {
		if (e.status != 404) {
			im->e = e;
			return -1;
		}
		reject(im, row->line, im->header[im->person_i], "no such person");
		return 0;
	}
	char idbuf[80];
	if (im->id_i >= 0) {
		x.source_id = row->field[im->id_i];
	} else {
		/* no id column: the row itself, hashed, is its identity */
		unsigned char h[16];
		crypto_generichash_state st;
		crypto_generichash_init(&st, NULL, 0, sizeof(h));
		for (size_t i = 0; i < row->n; i++)
			crypto_generichash_update(&st, (const unsigned char *)row->field[i],
						  strlen(row->field[i]) + 1);
		crypto_generichash_final(&st, h, sizeof(h));
		sodium_bin2hex(idbuf, sizeof(idbuf), h, sizeof(h));
		x.source_id = idbuf;
	}
	if (!*x.source_id) {
		reject(im, row->line, im->id_col, "empty source id");
		return 0;
	}
	int stored;
	if (store_activity_add(im->s, im->org, &x, im->now, &stored, &im->e))
		return -1;
	if (!stored) {
		im->duplicates++;
		return 0;
	}
	im->stored++;
	return measure_batch_add(im->measure, x.person_id, day, vals, &im->e);
}

static int on_row(void *ctx, const struct csv_row *row)
{
	struct import *im = ctx;
	if (!im->header_seen) {
		im->header_seen = true;
		return header_row(im, row);
	}
	return data_row(im, row);
}

/* --- JSON lines: each object's keys are the columns; the API's record shape
 * {"source_id", "person", "at", "fields": {...}} is read flat. */

static const char *jsonl_text(json_t *v, char *tmp, size_t n)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		snprintf(tmp, n, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_real(v))
		snprintf(tmp, n, "%.17g", json_real_value(v));
	else if (json_is_true(v))
		snprintf(tmp, n, "true");
	else if (json_is_false(v))
		snprintf(tmp, n, "false");
	else
		tmp[0] = '\0';
	return tmp;
}

static int jsonl_header(struct import *im)
{
	/* the columns are the keys the mapping names */
	const char *cols[4 + MAX_FIELDS];
	size_t n = 0;
	const char *fixed[] = { im->person_col, im->date_col, im->id_col, im->time_col };
	for (int k = 0; k < 4; k++)
		if (fixed[k])
			cols[n++] = fixed[k];
	for (int k = 0; k < im->nfields; k++)
		cols[n++] = im->fields[k].column;
	struct csv_row h = { cols, n, 0 };
	im->header_seen = true;
	return header_row(im, &h);
}

static int jsonl_line(struct import *im, const char *line, size_t len, long lineno)
{
	while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
		len--;
	if (!len)
		return 0;
	json_error_t je;
	json_t *o = json_loadb(line, len, 0, &je);
	if (!json_is_object(o)) {
		im->read++;
		char why[200];
		snprintf(why, sizeof(why), "not a JSON object: %s", o ? "another JSON value" : je.text);
		reject(im, lineno, NULL, why);
		json_decref(o);
		return 0;
	}
	json_t *inner = json_object_get(o, "fields");
	char tmp[MAX_FIELDS + 4][48];
	const char *vals[MAX_FIELDS + 4];
	for (size_t i = 0; i < im->header_n; i++) {
		json_t *v = json_object_get(o, im->header[i]);
		if (!v && json_is_object(inner))
			v = json_object_get(inner, im->header[i]);
		vals[i] = jsonl_text(v, tmp[i], sizeof(tmp[i]));
	}
	struct csv_row row = { vals, im->header_n, lineno };
	int rc = data_row(im, &row);
	json_decref(o);
	return rc;
}

/* --- the file, chunk by chunk ------------------------------------------- */

static int run_file(struct import *im, FILE *f, struct err *e)
{
	char *chunk = malloc(CHUNK + 1);
	struct buf carry = BUF_INIT, text = BUF_INIT;
	struct csv_stream *cs = NULL;
	long lineno = 1;
	int rc = 0;
	bool first = true;
	if (!chunk)
		abort();
	if (im->jsonl && jsonl_header(im))
		rc = -1;
	for (;;) {
		if (rc)
			break;
		size_t n = fread(chunk, 1, CHUNK, f);
		bool eof = n < CHUNK;
		im->done += (off_t)n;
		/* whole lines only: a character or a number is never cut in two */
		buf_add(&carry, chunk, n);
		size_t take = carry.len;
		if (!eof) {
			take = carry.len;
			while (take && carry.data[take - 1] != '\n')
				take--;
			if (!take && carry.len < (size_t)64 << 20)
				continue;  /* no newline yet: read on (a 64 MiB line is taken as is) */
			if (!take)
				take = carry.len;
		}
		if (first) {
			csv_sniff(carry.data, take, &im->d);
			if (im->jsonl)
				im->d.sep = ',', im->d.decimal_comma = false;
		}
		struct csv_dialect d = im->d;
		d.bom = first && im->d.bom;
		first = false;
		buf_reset(&text);
		if (csv_to_utf8(carry.data, take, &d, &text, e)) {
			rc = -1;
			break;
		}
		if (im->jsonl) {
			size_t pos = 0;
			while (pos < text.len && !rc) {
				const char *nl = memchr(text.data + pos, '\n', text.len - pos);
				size_t end = nl ? (size_t)(nl - text.data) : text.len;
				rc = jsonl_line(im, text.data + pos, end - pos, lineno++);
				pos = end + 1;
			}
		} else {
			if (!cs)
				cs = csv_stream_new(im->d.sep, on_row, im);
			if (csv_stream_feed(cs, text.data, text.len, e) || csv_stream_stopped(cs))
				rc = -1;
		}
		memmove(carry.data, carry.data + take, carry.len - take);
		carry.len -= take;
		if (eof)
			break;
	}
	if (cs) {
		int rc2 = csv_stream_end(cs, rc ? NULL : e);
		if (!rc)
			rc = rc2;
	}
	if (!rc && ferror(f))
		rc = err_set(e, 500, "internal", NULL, "read error", NULL);
	free(chunk);
	buf_free(&carry);
	buf_free(&text);
	return rc;
}

/* --- mappings ------------------------------------------------------------ */

static int parse_field(const char *arg, struct fmap *f)
{
	/* NAME=COLUMN[:TYPE] */
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg)
		return -1;
	const char *colon = strrchr(eq + 1, ':');
	f->type = F_TEXT;
	size_t clen = strlen(eq + 1);
	if (colon) {
		int t = -1;
		for (int i = 0; i < 5; i++)
			if (!strcmp(colon + 1, ftypes[i]))
				t = i;
		if (t < 0)
			return -1;
		f->type = (enum ftype)t;
		clen = (size_t)(colon - eq - 1);
	}
	if (!clen)
		return -1;
	f->name = strndup(arg, (size_t)(eq - arg));
	f->column = strndup(eq + 1, clen);
	return 0;
}

static char *mapping_json(const struct import *im)
{
	json_t *fields = json_array();
	for (int k = 0; k < im->nfields; k++)
		json_array_append_new(fields, json_pack("{s:s, s:s, s:s}", "name", im->fields[k].name,
			"column", im->fields[k].column, "type", ftypes[im->fields[k].type]));
	json_t *o = json_pack("{s:s, s:s, s:s, s:o}", "kind", im->kind, "person", im->person_col,
			      "date", im->date_col, "fields", fields);
	if (im->time_col)
		json_object_set_new(o, "time", json_string(im->time_col));
	if (im->id_col)
		json_object_set_new(o, "id", json_string(im->id_col));
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

static void take(char **dst, json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	if (!*dst && v)
		*dst = strdup(v);
}

/* What the saved mapping says, where the command line is silent. */
static int mapping_load(struct import *im, const char *spec)
{
	json_error_t je;
	json_t *o = json_loads(spec, 0, &je);
	if (!json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	take(&im->kind, o, "kind");
	take(&im->person_col, o, "person");
	take(&im->date_col, o, "date");
	take(&im->time_col, o, "time");
	take(&im->id_col, o, "id");
	if (!im->nfields) {
		size_t i;
		json_t *f;
		json_array_foreach(json_object_get(o, "fields"), i, f) {
			const char *name = json_string_value(json_object_get(f, "name"));
			const char *col = json_string_value(json_object_get(f, "column"));
			const char *type = json_string_value(json_object_get(f, "type"));
			if (!name || !col || im->nfields == MAX_FIELDS)
				continue;
			struct fmap *m = &im->fields[im->nfields++];
			m->name = strdup(name);
			m->column = strdup(col);
			m->type = F_TEXT;
			for (int t = 0; type && t < 5; t++)
				if (!strcmp(type, ftypes[t]))
					m->type = (enum ftype)t;
		}
	}
	json_decref(o);
	return 0;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcasecmp(s + a - b, suffix);
}

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "kind", required_argument, 0, 'k' }, { "id", required_argument, 0, 'i' },
		{ "person", required_argument, 0, 'p' }, { "date", required_argument, 0, 'D' },
		{ "time", required_argument, 0, 't' }, { "field", required_argument, 0, 'f' },
		{ "keep-good", no_argument, 0, 'g' }, { "accept-extra-fields", no_argument, 0, 'x' },
		{ "mapping", required_argument, 0, 'm' }, { "save-mapping", required_argument, 0, 'S' },
		{ "format", required_argument, 0, 'F' }, { 0, 0, 0, 0 } };
	struct import im;
	memset(&im, 0, sizeof(im));
	buf_init(&im.report);
	buf_init(&im.json);
	const char *db = NULL, *orgflag = NULL, *mapping = NULL, *save = NULL, *format = NULL;
	int c, rc = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'k': im.kind = strdup(optarg); break;
		case 'i': im.id_col = strdup(optarg); break;
		case 'p': im.person_col = strdup(optarg); break;
		case 'D': im.date_col = strdup(optarg); break;
		case 't': im.time_col = strdup(optarg); break;
		case 'f':
			if (im.nfields == MAX_FIELDS || parse_field(optarg, &im.fields[im.nfields])) {
				fprintf(stderr, "cible import: --field takes NAME=COLUMN[:text|number|bool|time|date]\n");
				rc = 2;
				goto out;
			}
			im.nfields++;
			break;
		case 'g': im.keep_good = true; break;
		case 'x': im.extra_ok = true; break;
		case 'm': mapping = optarg; break;
		case 'S': save = optarg; break;
		case 'F':
			if (strcmp(optarg, "csv") && strcmp(optarg, "jsonl")) {
				fprintf(stderr, "cible import: --format is csv or jsonl\n");
				rc = 2;
				goto out;
			}
			format = optarg;
			break;
		default: cli_usage("import", 1); rc = 2; goto out;
		}
	}
	if (optind != argc - 1) {
		cli_usage("import", 1);
		rc = 2;
		goto out;
	}
	const char *path = argv[optind];
	struct err e;
	err_clear(&e);
	struct arena a;
	arena_init(&a);
	im.s = cli_open("import", cli_db_path(db));
	if (!im.s || cli_org("import", im.s, orgflag, &im.org))
		goto out_arena;
	if (mapping) {
		const char *spec;
		if (store_mapping_get(im.s, im.org, mapping, &a, &spec, &e)) {
			if (e.status == 404)
				fprintf(stderr, "cible import: no saved mapping \"%s\"\n", mapping);
			else
				cli_error("import", &e);
			goto out_arena;
		}
		mapping_load(&im, spec);
	}
	if (!im.kind || !im.person_col || !im.date_col) {
		fprintf(stderr, "cible import: --kind, --person and --date are needed (or --mapping)\n");
		cli_usage("import", 1);
		rc = 2;
		goto out_arena;
	}
	im.jsonl = format ? !strcmp(format, "jsonl") : ends_with(path, ".jsonl") ||
		   ends_with(path, ".ndjson");
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		fprintf(stderr, "cible import: cannot read %s\n", path);
		goto out_arena;
	}
	struct stat sb;
	if (f != stdin && !fstat(fileno(f), &sb))
		im.size = sb.st_size;
	struct mind *inds;
	size_t ninds;
	if (measure_indicators(im.s, im.org, &a, &inds, &ninds, &e)) {
		cli_error("import", &e);
		goto out_file;
	}
	im.measure = measure_batch_new(im.s, inds, ninds);
	im.progress = isatty(2);
	im.id_i = im.time_i = -1;
	im.now = (int64_t)time(NULL);
	if (store_begin(im.s, &e)) {
		cli_error("import", &e);
		goto out_file;
	}
	if (run_file(&im, f, &e) || im.fatal || im.e.code ||
	    measure_batch_flush(im.measure, &im.e)) {
		store_rollback(im.s);
		if (im.progress)
			fputc('\n', stderr);
		if (im.fatal)
			rc = im.fatal;
		else
			cli_error("import", im.e.code ? &im.e : &e);
		goto out_file;
	}
	if (im.progress) {
		im.done = im.size;
		im.shown = -2;
		progress_show(&im);
		fputc('\n', stderr);
	}
	int keep = !im.rejected || im.keep_good;
	char *spec = save ? mapping_json(&im) : NULL;
	if (keep && ((spec && store_mapping_put(im.s, im.org, save, spec, &e)) ||
		     store_audit_add(im.s, im.org, 0, "activity", 0, "import", NULL, NULL, &e))) {
		free(spec);
		store_rollback(im.s);
		cli_error("import", &e);
		goto out_file;
	}
	free(spec);
	if (keep ? store_commit(im.s, &e) : (store_rollback(im.s), 0)) {
		cli_error("import", &e);
		goto out_file;
	}
	if (im.jsonl)
		printf("%s: JSON lines, %s\n", path, im.d.cp1252 ? "Windows-1252" : "UTF-8");
	else
		printf("%s: %s, %s, %s%s\n", path, im.d.sep == ';' ? "';'-separated"
		       : im.d.sep == '\t' ? "tab-separated" : "','-separated",
		       im.d.cp1252 ? "Windows-1252" : "UTF-8",
		       im.d.decimal_comma ? "decimal comma" : "decimal point", im.d.bom ? ", BOM" : "");
	printf("read %ld rows: %ld stored, %ld duplicates, %ld rejected\n", im.read,
	       keep ? im.stored : 0, keep ? im.duplicates : 0, im.rejected);
	if (im.rejected) {
		fputs(im.report.data, stdout);
		if (im.rejected > 20)
			printf("  ... and %ld more\n", im.rejected - 20);
		if (!keep)
			puts("nothing was stored: fix the rows above, or keep the good rows with --keep-good");
	}
	if (keep && save)
		printf("mapping \"%s\" saved: next time, cible import --mapping %s FILE\n", save, save);
	rc = keep ? 0 : 1;
out_file:
	if (f != stdin)
		fclose(f);
out_arena:
	arena_free(&a);
out:
	for (size_t i = 0; im.header && i < im.header_n; i++)
		free(im.header[i]);
	free(im.header);
	for (int k = 0; k < im.nfields; k++) {
		free(im.fields[k].name);
		free(im.fields[k].column);
	}
	for (size_t i = 0; i < im.people.cap; i++)
		free(im.people.v[i].key);
	free(im.people.v);
	free(im.kind);
	free(im.id_col);
	free(im.person_col);
	free(im.date_col);
	free(im.time_col);
	measure_batch_free(im.measure);
	buf_free(&im.json);
	buf_free(&im.report);
	if (im.s)
		store_close(im.s);
	return rc;
}
