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

static void say(const char *key, enum lang lang, const char *a0, const char *a1)
{
	struct buf b = BUF_INIT;
	cli_render(&b, key, lang, a0, a1);
	printf("%s\n", b.data);
	buf_free(&b);
}

/* What was read and stored, and the first rejected cells by line and column. */
static void print_report(const char *path, const struct import_spec *spec,
			 const struct import_report *rep, enum lang lang)
{
	struct buf b = BUF_INIT;
	char n0[24], n1[24];
	const char *enc = rep->d.cp1252 ? "Windows-1252" : "UTF-8";
	if (spec->jsonl)
		say("import.jsonl", lang, path, enc);
	else {
		buf_addf(&b, "%s, %s, %s%s",
			 cli_text(rep->d.sep == ';' ? "import.sep_semicolon" : rep->d.sep == '\t'
				  ? "import.sep_tab" : "import.sep_comma", lang), enc,
			 cli_text(rep->d.decimal_comma ? "import.decimal_comma" : "import.decimal_point", lang),
			 rep->d.bom ? ", BOM" : "");
		say("import.csv", lang, path, b.data);
		buf_reset(&b);
	}
	snprintf(n0, sizeof(n0), "%ld", rep->read);
	cli_render(&b, "import.read", lang, n0, NULL);
	snprintf(n0, sizeof(n0), "%ld", rep->kept ? rep->stored : 0);
	snprintf(n1, sizeof(n1), "%ld", rep->kept ? rep->duplicates : 0);
	cli_render(&b, "import.stored", lang, n0, n1);
	snprintf(n0, sizeof(n0), "%ld", rep->rejected);
	cli_render(&b, "import.rejected", lang, n0, NULL);
	printf("%s\n", b.data);
	for (int i = 0; i < rep->nfirst; i++) {
		buf_reset(&b);
		snprintf(n0, sizeof(n0), "%ld", rep->first[i].line);
		buf_adds(&b, "  ");
		cli_render(&b, "import.cell", lang, n0, rep->first[i].column);
		buf_adds(&b, lang == LANG_FR ? rep->first[i].why_fr : rep->first[i].why);
		printf("%s\n", b.data);
	}
	if (rep->rejected > rep->nfirst) {
		buf_reset(&b);
		snprintf(n0, sizeof(n0), "%ld", rep->rejected - rep->nfirst);
		buf_adds(&b, "  ");
		cli_render(&b, "import.more", lang, n0, NULL);
		printf("%s\n", b.data);
	}
	if (!rep->kept)
		say("import.nothing", lang, NULL, NULL);
	if (rep->kept && spec->save_as)
		say("import.saved", lang, spec->save_as, NULL);
	buf_free(&b);
}

/* A flag given twice: the last one counts, the first is not leaked. */
static void flag_text(char **slot, const char *value)
{
	free(*slot);
	*slot = strdup(value);
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
		{ "format", required_argument, 0, 'F' }, { "lang", required_argument, 0, 'l' },
		{ 0, 0, 0, 0 } };
	struct import_spec spec;
	memset(&spec, 0, sizeof(spec));
	const char *db = NULL, *orgflag = NULL, *mapping = NULL, *format = NULL, *langflag = NULL;
	int c, rc = 1;
	enum lang lang;
	struct cli_app ca = { 0 };
	FILE *f = NULL;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'k': flag_text(&spec.kind, optarg); break;
		case 'i': flag_text(&spec.id, optarg); break;
		case 'p': flag_text(&spec.person, optarg); break;
		case 'D': flag_text(&spec.date, optarg); break;
		case 't': flag_text(&spec.time, optarg); break;
		case 'f':
			if (spec.nfields == IMPORT_MAX_FIELDS ||
			    import_field_parse(optarg, &spec.fields[spec.nfields])) {
				cli_say("import", "import.field", NULL, NULL);
				rc = 2;
				goto out;
			}
			spec.nfields++;
			break;
		case 'g': spec.keep_good = true; break;
		case 'x': spec.extra_ok = true; break;
		case 'm': mapping = optarg; break;
		case 'S': spec.save_as = optarg; break;
		case 'l':
			if (cli_lang_flag("import", optarg, &lang)) {
				rc = 2;
				goto out;
			}
			langflag = optarg;
			break;
		case 'F':
			if (strcmp(optarg, "csv") && strcmp(optarg, "jsonl")) {
				cli_say("import", "import.format", NULL, NULL);
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
	rc = cli_app("import", db, orgflag, langflag, &ca);
	if (rc)
		goto out;
	rc = 1;
	lang = ca.lang;
	struct app app = ca.app;
	f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	if (!f) {
		cli_say("import", "cli.cannot_read", path, NULL);
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
			cli_say("import", "import.no_mapping", mapping, NULL);
		} else if (!strcmp(e.code, "missing_field")) {
			cli_say("import", "import.needed", NULL, NULL);
			cli_usage("import", 1);
			rc = 2;
		} else if (!strcmp(e.code, "invalid_value")) {
			cli_error("import", &e);
			rc = 2;
		} else if (!strcmp(e.code, "unknown_column")) {
			char flag[192];
			snprintf(flag, sizeof(flag), "%s%s", strcmp(e.field, "fields") ? "--" : "--field ",
				 e.arg[0]);
			cli_say("import", "import.no_column", flag, e.arg[1]);
			rc = 2;
		} else {
			cli_error("import", &e);
		}
		goto out;
	}
	print_report(path, &spec, &rep, lang);
	rc = rep.kept ? 0 : 1;
out:
	if (f && f != stdin)
		fclose(f);
	import_spec_free(&spec);
	cli_app_close(&ca);
	return rc;
}
