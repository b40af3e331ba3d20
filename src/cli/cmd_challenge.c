/* `cible challenge`: the organisation's challenges, a board as text or JSON
 * (the API's shape), and the close of a finished one — through the same use
 * cases as the API, acting as the system. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/challenge.h"
#include "cli/cli.h"
#include "core/figure.h"
#include "core/words.h"

/* "  <key's text>" (indent spaces first) on stdout. */
static void say(int indent, const char *key, enum lang lang, const char *a0, const char *a1)
{
	struct buf b = BUF_INIT;
	cli_render(&b, key, lang, a0, a1);
	printf("%*s%s\n", indent, "", b.data);
	buf_free(&b);
}

static void print_board(const struct board *b, size_t top, enum lang lang)
{
	char s0[11], s1[11], d[11], run[16];
	date_format_iso(b->c.start, s0);
	date_format_iso(b->c.end, s1);
	date_format_iso(b->as_of, d);
	printf("#%lld %s (%s .. %s)\n", (long long)b->c.id, b->c.name, s0, s1);
	snprintf(run, sizeof(run), "%d", b->run);
	if (b->frozen)
		say(2, "challenge.frozen", lang, run, d);
	else
		say(2, "challenge.as_of", lang, d, NULL);
	struct buf line = BUF_INIT, num = BUF_INIT;
	for (int l = 0; l < b->nleagues; l++) {
		printf("  %s\n", b->league_names[l]);
		size_t shown = 0;
		for (size_t i = 0; i < b->n && shown < top; i++) {
			const struct board_row *r = &b->rows[i];
			if (r->league != l)
				continue;
			shown++;
			char mv[16] = "";
			if (r->rank && r->prev_rank && r->prev_rank != r->rank)
				snprintf(mv, sizeof(mv), "%+d", r->prev_rank - r->rank);
			buf_reset(&num);
			if (r->rank)
				buf_add_num(&num, r->score, 3, NUM_FIXED, lang);
			else
				buf_adds(&num, "-");
			buf_reset(&line);
			if (r->rank)
				buf_addf(&line, "  %4d  %-32s %9s %4s", r->rank, r->name ? r->name : "",
					 num.data, mv);
			else
				buf_addf(&line, "     -  %-32s %9s     ", r->name ? r->name : "", num.data);
			if (r->points > 0) {
				buf_reset(&num);
				buf_add_num(&num, r->points, 2, 0, lang);
				buf_adds(&line, "  ");
				cli_render(&line, "challenge.points", lang, num.data, NULL);
			}
			if (r->prize)
				buf_addf(&line, "  %s", r->prize);
			printf("%s\n", line.data);
		}
	}
	buf_free(&line);
	buf_free(&num);
}

int cmd_challenge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "today", required_argument, 0, 't' }, { "json", no_argument, 0, 'j' },
		{ "top", required_argument, 0, 'n' }, { "lang", required_argument, 0, 'l' },
		{ 0, 0, 0, 0 } };
	const char *db = NULL, *orgflag = NULL, *langflag = NULL;
	enum lang lang;
	int json = 0;
	long top = 10;
	day_t today = DAY_NONE;
	int c;
	char *end;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'j': json = 1; break;
		case 'l':
			if (cli_lang_flag("challenge", optarg, &lang))
				return 2;
			langflag = optarg;
			break;
		case 't':
			if (date_parse_iso(optarg, &today)) {
				cli_say("challenge", "cli.today", NULL, NULL);
				return 2;
			}
			break;
		case 'n':
			top = strtol(optarg, &end, 10);
			if (*end || top < 1 || top > 100000) {
				cli_say("challenge", "challenge.top", NULL, NULL);
				return 2;
			}
			break;
		default: cli_usage("challenge", 1); return 2;
		}
	}
	const char *what = optind < argc ? argv[optind] : NULL;
	bool list = what && !strcmp(what, "list") && optind + 1 == argc;
	bool due = what && !strcmp(what, "close-due") && optind + 1 == argc;
	bool board = what && (!strcmp(what, "board") || !strcmp(what, "close")) && optind + 2 == argc;
	id_t64 id = 0;
	if (board) {
		id = (id_t64)strtoll(argv[optind + 1], &end, 10);
		if (*end || id < 1) {
			cli_say("challenge", "challenge.id", what, NULL);
			return 2;
		}
	}
	if (!list && !board && !due) {
		cli_usage("challenge", 1);
		return 2;
	}
	struct cli_app ca;
	int rc = cli_app("challenge", db, orgflag, langflag, &ca);
	if (rc)
		return rc;
	rc = 1;
	struct app app = ca.app;
	lang = ca.lang;
	struct err e;
	memset(&e, 0, sizeof(e));
	if (today != DAY_NONE)
		app.clock = app_clock_on(app.clock, today);
	if (due) {
		int closed;
		if (app_challenges_close_due(&app, &closed, &e))
			goto fail;
		printf("%d\n", closed);
		rc = 0;
		goto out;
	}
	if (list) {
		struct challenge *v;
		size_t n;
		if (app_challenge_list(&app, &v, &n, &e))
			goto fail;
		for (size_t i = 0; i < n; i++) {
			char s0[11], s1[11];
			date_format_iso(v[i].start, s0);
			date_format_iso(v[i].end, s1);
			printf("%5lld  %s .. %s  %-6s  %-11s  %-24s  %s\n", (long long)v[i].id, s0, s1,
			       cli_text(v[i].closed ? "challenge.closed" : "challenge.open", lang),
			       word("chmode", ch_mode_name(v[i].mode), lang),
			       word("rule", rank_rule_name(v[i].rule), lang), v[i].name);
		}
		rc = 0;
		goto out;
	}
	struct board b;
	if (!strcmp(what, "close") ? app_challenge_close(&app, id, &b, &e)
				   : app_challenge_board(&app, id, &b, &e))
		goto fail;
	if (json) {
		json_t *j = board_json(&b, (size_t)top, app.lang);
		char *t = json_dumps(j, JSON_INDENT(1) | JSON_REAL_PRECISION(15));
		json_decref(j);
		if (t)
			puts(t);
		free(t);
	} else
		print_board(&b, (size_t)top, lang);
	rc = 0;
	goto out;
fail:
	cli_error("challenge", &e);
out:
	cli_app_close(&ca);
	return rc;
}
