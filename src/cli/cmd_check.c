/* `cible check`: what the reader takes from a sentence (French unless --lang
 * en), or the SMART verdict of a stored objective (in the organisation's
 * language unless --lang), as text or JSON. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/app.h"
#include "app/objective.h"
#include "app/synonym.h"
#include "core/figure.h"
#include "core/sentence.h"
#include "cli/cli.h"
#include "core/words.h"

/* "  <key's text>" on stdout. */
static void say(enum lang lang, const char *key, const char *a0, const char *a1)
{
	struct buf b = BUF_INIT;
	cli_render(&b, key, lang, a0, a1);
	printf("  %s\n", b.data);
	buf_free(&b);
}

/* An amount the reader took, through figure.c: money in its currency
 * ("1 200 000 $", "$1,200,000"), seconds as a duration ("5 min 30 s"), any
 * other number followed by the words of its kind when `kind` ("90 %
 * (niveau à atteindre)", "35 points"). */
static const char *amount(double v, enum sentence_unit u, bool usd, int kind, enum lang lang,
			  char *out, size_t n)
{
	if (u == SU_EUR)
		return figure_format(v, usd ? "$" : "€", lang, out, n);
	if (u == SU_SECONDS)
		return figure_format(v, "s", lang, out, n);
	struct buf b = BUF_INIT;
	buf_add_num(&b, v, 2, 0, lang);
	if (kind) {
		buf_addc(&b, ' ');
		buf_adds(&b, word("su", sentence_unit_name(u), lang));
	}
	snprintf(out, n, "%s", b.data ? b.data : "-");
	buf_free(&b);
	return out;
}

/* A sentence: what the reader understood, then the SMART verdict of the
 * draft it makes (no database needed: no history, no cascade). */
static int check_sentence(const char *text, enum lang lang, int as_json, day_t today,
			  struct app *org)
{
	struct sentence sn;
	if (org)
		app_sentence_read(org, text, lang, &sn);  /* with the organisation's words */
	else
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
	if (o.has_change)
		r.questions &= ~(unsigned)Q_HOW_MUCH;
	smart_ask_indicator(&r, app_sentence_unknown(&sn));
	if (as_json) {
		json_t *v = json_pack("{s:o, s:o}", "read", app_sentence_json(&sn), "smart",
				      app_smart_json(&r, lang));
		char *out = json_dumps(v, JSON_INDENT(2));
		puts(out ? out : "{}");
		free(out);
		json_decref(v);
		return 0;
	}
	printf("%s\n%s\n", text, cli_text("check.read", lang));
	char a[64], b[64];
	if (sn.has_direction)
		say(lang, "check.direction", word("dir", direction_name(sn.direction), lang), NULL);
	if (sn.indicator[0])
		say(lang, sn.indicator_key[0] ? "check.indicator_key" : "check.indicator", sn.indicator,
		    sn.org_indicator ? sn.indicator_key : word("ind", sn.indicator_key, lang));
	if (sn.has_baseline)
		say(lang, "check.baseline", amount(sn.baseline, sn.unit, sn.usd, 0, lang, a, sizeof(a)), NULL);
	if (sn.has_magnitude && sn.scale > 0 && sn.unit == SU_NONE) {
		/* a score as it was said: "4,2/5" */
		struct buf sc = BUF_INIT;
		buf_add_num(&sc, sn.magnitude, 2, 0, lang);
		buf_addc(&sc, '/');
		buf_add_num(&sc, sn.scale, 0, 0, lang);
		say(lang, "check.magnitude", sc.data, NULL);
		buf_free(&sc);
	} else if (sn.has_magnitude) {
		say(lang, "check.magnitude", amount(sn.magnitude, sn.unit, sn.usd, 1, lang, a, sizeof(a)),
		    NULL);
	}
	if (sn.has_threshold) {
		figure_format(sn.threshold_share * 100, "%", lang, a, sizeof(a));
		say(lang, "check.threshold", a,
		    amount(sn.threshold_limit, SU_SECONDS, false, 0, lang, b, sizeof(b)));
	}
	if (sn.due != DAY_NONE) {
		date_format_iso(sn.start != DAY_NONE ? sn.start : today, a);
		date_format_iso(sn.due, b);
		say(lang, "check.period", a, b);
	}
	if (sn.owner[0])
		say(lang, "check.owner", sn.owner, word("ow", owner_kind_name(sn.owner_kind), lang));
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
	const char *db = NULL, *orgflag = NULL, *langflag = NULL;
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
				cli_say("check", "check.objective", NULL, NULL);
				return 2;
			}
			break;
		case 'l':
			if (cli_lang_flag("check", optarg, &lang))
				return 2;
			langflag = optarg;
			break;
		case 'j': as_json = 1; break;
		case 't':
			if (date_parse_iso(optarg, &today)) {
				cli_say("check", "cli.today", NULL, NULL);
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
	if (!id && !orgflag) {
		if (!db)
			return check_sentence(argv[optind], lang, as_json, today, NULL);
		/* --db alone: its organisation's words when it holds one organisation */
		struct store *one = cli_open("check", cli_db_path(db));
		if (!one)
			return 1;
		int64_t n = 0;
		id_t64 first = 0;
		struct err e1;
		err_clear(&e1);
		bool single = !store_org_count(one, &n, &first, &e1) && n == 1;
		store_close(one);
		if (!single)
			return check_sentence(argv[optind], lang, as_json, today, NULL);
	}
	/* an organisation's: in its language unless --lang */
	struct cli_app ca;
	int rc = cli_app("check", db, orgflag, langflag, &ca);
	if (rc)
		return rc;
	if (!id) {
		/* a sentence read with the organisation's words (its synonyms, its
		 * indicators' names and keys) */
		ca.app.clock.today = today;
		rc = check_sentence(argv[optind], ca.lang, as_json, today, &ca.app);
		cli_app_close(&ca);
		return rc;
	}
	rc = 1;
	lang = ca.lang;
	struct store *s = ca.s;
	struct arena *a = &ca.arena;
	struct err e;
	err_clear(&e);
	struct objective o;
	if (store_objective_get(s, ca.org_id, id, a, &o, &e)) {
		cli_error("check", &e);
		goto out;
	}
	struct smart_context ctx;
	app_smart_context(s, ca.org_id, &o, today, a, &ctx);
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
	cli_app_close(&ca);
	return rc;
}
