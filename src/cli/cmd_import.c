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
#include "app/import.h"
#include "cli/cli.h"
#include "core/csvread.h"

static void show_progress(void *ctx, long rows, long long bytes)
{
	long long size = *(long long *)ctx;
	int pct = size > 0 ? (int)(100.0 * (double)bytes / (double)size) : -1;
	char bar[31];
	int fill = pct < 0 ? 0 : (pct > 100 ? 100 : pct) * 30 / 100;
	for (int i = 0; i < 30; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[30] = '\0';
	if (pct >= 0)
		fprintf(stderr, "\r[%s] %3d %%  %ld rows", bar, pct > 100 ? 100 : pct, rows);
	else
		fprintf(stderr, "\rimport: %ld rows", rows);
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
	struct import_spec spec;
	memset(&spec, 0, sizeof(spec));
	const char *db = NULL, *orgflag = NULL, *mapping = NULL, *format = NULL;
	int c, rc = 1;
	struct store *s = NULL;
	FILE *f = NULL;
	struct arena a;
	arena_init(&a);
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'k': spec.kind = strdup(optarg); break;
		case 'i': spec.id = strdup(optarg); break;
		case 'p': spec.person = strdup(optarg); break;
		case 'D': spec.date = strdup(optarg); break;
		case 't': spec.time = strdup(optarg); break;
		case 'f':
			if (spec.nfields == IMPORT_MAX_FIELDS ||
			    import_field_parse(optarg, &spec.fields[spec.nfields])) {
				fprintf(stderr, "cible import: --field takes NAME=COLUMN[:text|number|bool|time|date]\n");
				rc = 2;
				goto out;
			}
			spec.nfields++;
			break;
		case 'g': spec.keep_good = true; break;
		case 'x': spec.extra_ok = true; break;
		case 'm': mapping = optarg; break;
		case 'S': spec.save_as = optarg; break;
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
	id_t64 org;
	s = cli_open("import", cli_db_path(db));
	if (!s || cli_org("import", s, orgflag, &org))
		goto out;
	struct app app;
	app_system(&app, s, org, &a);
	f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		fprintf(stderr, "cible import: cannot read %s\n", path);
		goto out;
	}
	if (!format)
		spec.jsonl = ends_with(path, ".jsonl") || ends_with(path, ".ndjson");
	long long size = -1;
	struct stat sb;
	if (f != stdin && !fstat(fileno(f), &sb))
		size = (long long)sb.st_size;
	bool tty = isatty(2);
	struct import_input in = { &spec, mapping, format, f, tty ? show_progress : NULL, &size };
	struct import_report rep;
	int failed = app_import(&app, &in, &rep, &e);
	if (tty) {
		if (!failed)
			show_progress(&size, rep.read, size);
		fputc('\n', stderr);
	}
	if (failed) {
		if (mapping && e.status == 404) {
			fprintf(stderr, "cible import: no saved mapping \"%s\"\n", mapping);
		} else if (!strcmp(e.code, "missing_field")) {
			fprintf(stderr, "cible import: --kind, --person and --date are needed (or --mapping)\n");
			cli_usage("import", 1);
			rc = 2;
		} else if (!strcmp(e.code, "invalid_value")) {
			cli_error("import", &e);
			rc = 2;
		} else if (!strcmp(e.code, "unknown_column")) {
			fprintf(stderr, "cible import: %s%s: no column \"%s\" in the header\n",
				strcmp(e.field, "fields") ? "--" : "--field ", e.arg[0], e.arg[1]);
			rc = 2;
		} else {
			cli_error("import", &e);
		}
		goto out;
	}
	if (spec.jsonl)
		printf("%s: JSON lines, %s\n", path, rep.d.cp1252 ? "Windows-1252" : "UTF-8");
	else
		printf("%s: %s, %s, %s%s\n", path, rep.d.sep == ';' ? "';'-separated"
		       : rep.d.sep == '\t' ? "tab-separated" : "','-separated",
		       rep.d.cp1252 ? "Windows-1252" : "UTF-8",
		       rep.d.decimal_comma ? "decimal comma" : "decimal point", rep.d.bom ? ", BOM" : "");
	printf("read %ld rows: %ld stored, %ld duplicates, %ld rejected\n", rep.read,
	       rep.kept ? rep.stored : 0, rep.kept ? rep.duplicates : 0, rep.rejected);
	for (int i = 0; i < rep.nfirst; i++)
		printf("  line %ld, column \"%s\": %s\n", rep.first[i].line, rep.first[i].column,
		       rep.first[i].why);
	if (rep.rejected > rep.nfirst)
		printf("  ... and %ld more\n", rep.rejected - rep.nfirst);
	if (!rep.kept)
		puts("nothing was stored: fix the rows above, or keep the good rows with --keep-good");
	if (rep.kept && spec.save_as)
		printf("mapping \"%s\" saved: next time, cible import --mapping %s FILE\n", spec.save_as,
		       spec.save_as);
	rc = rep.kept ? 0 : 1;
out:
	if (f && f != stdin)
		fclose(f);
	import_spec_free(&spec);
	arena_free(&a);
	if (s)
		store_close(s);
	return rc;
}
