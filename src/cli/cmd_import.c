/* `cible import FILE`: activity records from a CSV file (English or French
 * dialect, UTF-8 or Windows-1252) through a column mapping given as flags.
 * One transaction: a file with errors stores nothing unless --keep-good;
 * every record carries its source id, so importing a file twice counts
 * nothing twice. The report names each rejected row by line and column. */
#include <getopt.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "core/csvread.h"

enum ftype { F_TEXT, F_NUMBER, F_BOOL, F_TIME, F_DATE };

struct fmap {
	const char *name, *column;
	enum ftype type;
	int col;
};

struct import {
	struct store *s;
	id_t64 org;
	const char *kind, *id_col, *person_col, *date_col, *time_col;
	int id_i, person_i, date_i, time_i;
	struct fmap fields[32];
	int nfields;
	struct csv_dialect d;
	size_t header_n;
	bool header_seen, keep_good, extra_ok, progress;
	long read, stored, duplicates, rejected;
	struct buf report;   /* the first rejections, one a line */
	struct err e;
	int fatal;
	const char *const *header;
	char **header_copy;
	/* the last person looked up: exports come sorted by person more often than not */
	char last_key[256];
	id_t64 last_person;
};

static int find_column(struct import *im, const struct csv_row *h, const char *name)
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
	(void)im;
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
	im->header_copy = calloc(row->n, sizeof(char *));
	for (size_t i = 0; i < row->n; i++)
		im->header_copy[i] = strdup(row->field[i]);
	im->header = (const char *const *)im->header_copy;
	struct { const char *flag, *name; int *at; } need[] = {
		{ "--person", im->person_col, &im->person_i }, { "--date", im->date_col, &im->date_i },
		{ "--id", im->id_col, &im->id_i }, { "--time", im->time_col, &im->time_i } };
	for (int k = 0; k < 4; k++) {
		*need[k].at = find_column(im, row, need[k].name);
		if (*need[k].at == -2) {
			fprintf(stderr, "cible import: %s: no column \"%s\" in the header\n", need[k].flag,
				need[k].name);
			im->fatal = 2;
			return -1;
		}
	}
	for (int k = 0; k < im->nfields; k++) {
		im->fields[k].col = find_column(im, row, im->fields[k].column);
		if (im->fields[k].col < 0) {
			fprintf(stderr, "cible import: --field %s: no column \"%s\" in the header\n",
				im->fields[k].name, im->fields[k].column);
			im->fatal = 2;
			return -1;
		}
	}
	return 0;
}

static int data_row(struct import *im, const struct csv_row *row)
{
	im->read++;
	if (im->progress && im->read % 50000 == 0)
		fprintf(stderr, "\rimport: %ld rows", im->read);
	if (row->n != im->header_n && !(im->extra_ok && row->n > im->header_n)) {
		char why[96];
		snprintf(why, sizeof(why), "%zu fields where the header has %zu", row->n, im->header_n);
		reject(im, row->line, NULL, why);
		return 0;
	}
	const char *person = row->field[im->person_i];
	day_t day;
	if (csv_date(row->field[im->date_i], &day)) {
		reject(im, row->line, im->header[im->date_i], "not a date");
		return 0;
	}
	int secs = 0;
	if (im->time_i >= 0 && csv_time(row->field[im->time_i], &secs)) {
		reject(im, row->line, im->header[im->time_i], "not a time of day");
		return 0;
	}
	json_t *fields = json_object();
	for (int k = 0; k < im->nfields; k++) {
		const char *v = row->field[im->fields[k].col];
		json_t *jv = NULL;
		double num;
		bool b;
		int t;
		day_t dd;
		if (!*v) {
			jv = json_null();  /* an empty cell is a missing value, not zero */
		} else {
			switch (im->fields[k].type) {
			case F_TEXT: jv = json_string(v); break;
			case F_NUMBER: jv = csv_number(v, im->d.decimal_comma, &num) ? NULL : json_real(num); break;
			case F_BOOL: jv = csv_bool(v, &b) ? NULL : json_boolean(b); break;
			case F_TIME: jv = csv_time(v, &t) ? NULL : json_integer(t); break;
			case F_DATE:
				if (!csv_date(v, &dd)) {
					char iso[11];
					date_format_iso(dd, iso);
					jv = json_string(iso);
				}
				break;
			}
		}
		if (!jv) {
			static const char *const what[] = { "text", "not a number", "not yes or no",
							    "not a duration hh:mm:ss", "not a date" };
			reject(im, row->line, im->fields[k].column, what[im->fields[k].type]);
			json_decref(fields);
			return 0;
		}
		json_object_set_new(fields, im->fields[k].name, jv);
	}
	struct activity x = { 0, 0, im->kind, NULL, (int64_t)day * 86400 + secs, NULL };
	if (strcmp(person, im->last_key)) {
		struct err e;
		err_clear(&e);
		if (store_person_resolve(im->s, im->org, person, &im->last_person, &e)) {
			json_decref(fields);
			if (e.status != 404) {
				im->e = e;
				return -1;
			}
			im->last_key[0] = '\0';
			reject(im, row->line, im->header[im->person_i], "no such person");
			return 0;
		}
		snprintf(im->last_key, sizeof(im->last_key), "%s", person);
	}
	x.person_id = im->last_person;
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
		json_decref(fields);
		reject(im, row->line, im->id_col, "empty source id");
		return 0;
	}
	char *text = json_dumps(fields, JSON_COMPACT);
	json_decref(fields);
	x.fields = text;
	int stored;
	int rc = store_activity_add(im->s, im->org, &x, (int64_t)time(NULL), &stored, &im->e);
	free(text);
	if (rc)
		return -1;
	if (stored)
		im->stored++;
	else
		im->duplicates++;
	return 0;
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

static int parse_field(const char *arg, struct fmap *f)
{
	/* NAME=COLUMN[:TYPE] */
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg)
		return -1;
	f->name = strndup(arg, (size_t)(eq - arg));
	const char *colon = strrchr(eq + 1, ':');
	static const char *const types[] = { "text", "number", "bool", "time", "date" };
	f->type = F_TEXT;
	if (colon) {
		int t = -1;
		for (int i = 0; i < 5; i++)
			if (!strcmp(colon + 1, types[i]))
				t = i;
		if (t < 0)
			return -1;
		f->type = (enum ftype)t;
		f->column = strndup(eq + 1, (size_t)(colon - eq - 1));
	} else {
		f->column = strdup(eq + 1);
	}
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f)
		return NULL;
	struct buf b = BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (f != stdin)
		fclose(f);
	return buf_detach(&b, len);
}

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "kind", required_argument, 0, 'k' }, { "id", required_argument, 0, 'i' },
		{ "person", required_argument, 0, 'p' }, { "date", required_argument, 0, 'D' },
		{ "time", required_argument, 0, 't' }, { "field", required_argument, 0, 'f' },
		{ "keep-good", no_argument, 0, 'g' }, { "accept-extra-fields", no_argument, 0, 'x' },
		{ 0, 0, 0, 0 } };
	struct import im;
	memset(&im, 0, sizeof(im));
	buf_init(&im.report);
	const char *db = NULL, *orgflag = NULL;
	int c, rc = 1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'k': im.kind = optarg; break;
		case 'i': im.id_col = optarg; break;
		case 'p': im.person_col = optarg; break;
		case 'D': im.date_col = optarg; break;
		case 't': im.time_col = optarg; break;
		case 'f':
			if (im.nfields == 32 || parse_field(optarg, &im.fields[im.nfields])) {
				fprintf(stderr, "cible import: --field takes NAME=COLUMN[:text|number|bool|time|date]\n");
				return 2;
			}
			im.nfields++;
			break;
		case 'g': im.keep_good = true; break;
		case 'x': im.extra_ok = true; break;
		default: cli_usage("import", 1); return 2;
		}
	}
	if (optind != argc - 1 || !im.kind || !im.person_col || !im.date_col) {
		cli_usage("import", 1);
		return 2;
	}
	const char *path = argv[optind];
	size_t len;
	char *raw = slurp(path, &len);
	if (!raw) {
		fprintf(stderr, "cible import: cannot read %s\n", path);
		return 1;
	}
	csv_sniff(raw, len, &im.d);
	struct buf text = BUF_INIT;
	struct err e;
	err_clear(&e);
	im.s = cli_open("import", cli_db_path(db));
	if (!im.s)
		goto out;
	if (cli_org("import", im.s, orgflag, &im.org))
		goto out;
	if (csv_to_utf8(raw, len, &im.d, &text, &e)) {
		cli_error("import", &e);
		goto out;
	}
	im.progress = isatty(2);
	im.id_i = im.time_i = -1;
	if (store_begin(im.s, &e)) {
		cli_error("import", &e);
		goto out;
	}
	if (csv_read(text.data, text.len, im.d.sep, on_row, &im, &e) || im.fatal || im.e.code) {
		store_rollback(im.s);
		if (im.fatal)
			rc = im.fatal;
		else
			cli_error("import", im.e.code ? &im.e : &e);
		goto out;
	}
	if (im.progress)
		fputc('\n', stderr);
	int keep = !im.rejected || im.keep_good;
	if (keep && store_audit_add(im.s, im.org, 0, "activity", 0, "import", NULL, NULL, &e)) {
		store_rollback(im.s);
		cli_error("import", &e);
		goto out;
	}
	if (keep ? store_commit(im.s, &e) : (store_rollback(im.s), 0)) {
		cli_error("import", &e);
		goto out;
	}
	printf("%s: %s, %s, %s%s\n", path, im.d.sep == ';' ? "';'-separated" : im.d.sep == '\t'
	       ? "tab-separated" : "','-separated", im.d.cp1252 ? "Windows-1252" : "UTF-8",
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
	rc = keep ? 0 : 1;
out:
	for (size_t i = 0; im.header_copy && i < im.header_n; i++)
		free(im.header_copy[i]);
	free(im.header_copy);
	for (int k = 0; k < im.nfields; k++) {
		free((void *)im.fields[k].name);
		free((void *)im.fields[k].column);
	}
	buf_free(&text);
	buf_free(&im.report);
	free(raw);
	if (im.s)
		store_close(im.s);
	return rc;
}
