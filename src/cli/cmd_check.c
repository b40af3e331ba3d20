/* `cible check --objective ID`: the SMART verdict of a stored objective, in
 * French (default) or English, as text or JSON. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/app.h"
#include "app/objective.h"
#include "core/sentence.h"
#include "cli/cli.h"
#include "core/words.h"

/* A sentence: what the reader understood, then the SMART verdict of the
 * draft it makes (no database needed: no history, no cascade). */
static int check_sentence(const char *text, enum lang lang, int as_json, day_t today)
{
	struct sentence sn;
	sentence_read(text, strlen(text), lang, today, &sn);
	struct objective o;
	app_sentence_objective(&sn, text, &o);
	struct smart_context ctx;
	memset(&ctx, 0, sizeof(ctx));
	ctx.today = today;
	ctx.hired_on = DAY_NONE;
	struct smart_result r;
	smart_check(&o, &ctx, &r);
	/* who, what, how much, when: as the sentence says them */
	r.questions = (r.questions & ~(unsigned)(Q_WHO | Q_WHAT | Q_HOW_MUCH | Q_WHEN)) | sn.questions;
	if (as_json) {
		json_t *v = json_pack("{s:o, s:o}", "read", app_sentence_json(&sn), "smart",
				      app_smart_json(&r, lang));
		char *out = json_dumps(v, JSON_INDENT(2));
		puts(out ? out : "{}");
		free(out);
		json_decref(v);
		return 0;
	}
	bool en = lang == LANG_EN;
	printf("%s\n%s\n", text, en ? "Read:" : "Lu :");
	if (sn.has_direction)
		printf("  %s %s\n", en ? "direction:" : "sens :",
		       word("dir", direction_name(sn.direction), lang));
	if (sn.indicator[0])
		printf(en ? "  %s \"%s\"%s%s%s\n" : "  %s « %s »%s%s%s\n", en ? "indicator:" : "indicateur :", sn.indicator,
		       sn.indicator_key[0] ? " (" : "", sn.indicator_key, sn.indicator_key[0] ? ")" : "");
	if (sn.has_baseline)
		printf("  %s %.10g\n", en ? "from:" : "de :", sn.baseline);
	if (sn.has_magnitude)
		printf("  %s %.10g %s\n", en ? "magnitude:" : "ampleur :", sn.magnitude,
		       sn.unit == SU_EUR && sn.usd ? "$" : word("su", sentence_unit_name(sn.unit), lang));
	if (sn.has_threshold)
		printf("  %s %g %% %s %g s\n", en ? "threshold:" : "seuil :", sn.threshold_share * 100,
		       en ? "within" : "en moins de", sn.threshold_limit);
	char a[11], b[11];
	if (sn.due != DAY_NONE) {
		date_format_iso(sn.start != DAY_NONE ? sn.start : today, a);
		date_format_iso(sn.due, b);
		printf("  %s %s → %s\n", en ? "period:" : "période :", a, b);
	}
	if (sn.owner[0])
		printf("  %s %s (%s)\n", en ? "owner:" : "porteur :", sn.owner,
		       word("ow", owner_kind_name(sn.owner_kind), lang));
	struct buf out = BUF_INIT;
	smart_render_text(&r, lang, &out);
	fputs(out.data, stdout);
	buf_free(&out);
	return 0;
}

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "objective", required_argument, 0, 'i' }, { "lang", required_argument, 0, 'l' },
		{ "json", no_argument, 0, 'j' }, { "today", required_argument, 0, 't' },
		{ 0, 0, 0, 0 } };
	day_t today = app_clock_now().today;  /* the one clock: $CIBLE_TODAY, or --today */
	const char *db = NULL, *orgflag = NULL;
	id_t64 id = 0;
	enum lang lang = LANG_FR;
	int as_json = 0, c;
	char *end;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'i':
			id = strtoll(optarg, &end, 10);
			if (*end || id <= 0) {
				fprintf(stderr, "cible check: --objective takes an objective id\n");
				return 2;
			}
			break;
		case 'l':
			if (strcmp(optarg, "fr") && strcmp(optarg, "en")) {
				fprintf(stderr, "cible check: --lang is fr or en\n");
				return 2;
			}
			lang = lang_parse(optarg);
			break;
		case 'j': as_json = 1; break;
		case 't':
			if (date_parse_iso(optarg, &today)) {
				fprintf(stderr, "cible check: --today takes a date YYYY-MM-DD\n");
				return 2;
			}
			break;
		default: cli_usage("check", 1); return 2;
		}
	}
	if ((!id && optind != argc - 1) || (id && optind != argc)) {
		cli_usage("check", 1);
		return 2;
	}
	if (!id)
		return check_sentence(argv[optind], lang, as_json, today);
	struct store *s = cli_open("check", cli_db_path(db));
	if (!s)
		return 1;
	id_t64 org;
	int rc = 1;
	struct arena a;
	arena_init(&a);
	struct err e;
	err_clear(&e);
	struct objective o;
	if (cli_org("check", s, orgflag, &org))
		goto out;
	if (store_objective_get(s, org, id, &a, &o, &e)) {
		cli_error("check", &e);
		goto out;
	}
	struct smart_context ctx;
	app_smart_context(s, org, &o, today, &a, &ctx);
	struct smart_result r;
	smart_check(&o, &ctx, &r);
	if (as_json) {
		json_t *v = app_smart_json(&r, lang);
		char *text = json_dumps(v, JSON_INDENT(2));
		puts(text ? text : "{}");
		free(text);
		json_decref(v);
	} else {
		struct buf b = BUF_INIT;
		buf_addf(&b, "%s\n", o.title);
		smart_render_text(&r, lang, &b);
		fputs(b.data, stdout);
		buf_free(&b);
	}
	rc = 0;
out:
	arena_free(&a);
	store_close(s);
	return rc;
}
