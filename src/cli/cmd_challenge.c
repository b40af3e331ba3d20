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

static void print_board(const struct board *b, size_t top, enum lang lang)
{
	bool fr = lang == LANG_FR;
	char s0[11], s1[11], d[11];
	date_format_iso(b->c.start, s0);
	date_format_iso(b->c.end, s1);
	date_format_iso(b->as_of, d);
	printf("#%lld %s (%s .. %s)\n", (long long)b->c.id, b->c.name, s0, s1);
	if (b->frozen)
		printf("  %s %d, %s %s\n", fr ? "résultat figé, calcul n°" : "frozen result, run", b->run,
		       fr ? "au" : "as of", d);
	else
		printf("  %s %s\n", fr ? "chiffres au" : "figures as of", d);
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
			if (r->rank)
				printf("  %4d  %-32s %7.3f %4s", r->rank, r->name ? r->name : "", r->score, mv);
			else
				printf("     -  %-32s       -     ", r->name ? r->name : "");
			if (r->points > 0)
				printf("  %g pts", r->points);
			if (r->prize)
				printf("  %s", r->prize);
			putchar('\n');
		}
	}
}

int cmd_challenge(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "today", required_argument, 0, 't' }, { "json", no_argument, 0, 'j' },
		{ "top", required_argument, 0, 'n' }, { 0, 0, 0, 0 } };
	const char *db = NULL, *orgflag = NULL;
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
		case 't':
			if (date_parse_iso(optarg, &today)) {
				fprintf(stderr, "cible challenge: --today takes a date YYYY-MM-DD\n");
				return 2;
			}
			break;
		case 'n':
			top = strtol(optarg, &end, 10);
			if (*end || top < 1 || top > 100000) {
				fprintf(stderr, "cible challenge: --top takes a number from 1 to 100000\n");
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
			fprintf(stderr, "cible challenge: %s takes a challenge id\n", what);
			return 2;
		}
	}
	if (!list && !board && !due) {
		cli_usage("challenge", 1);
		return 2;
	}
	struct store *s = cli_open("challenge", cli_db_path(db));
	if (!s)
		return 1;
	id_t64 org;
	int rc = 1;
	struct arena a;
	arena_init(&a);
	struct app app;
	struct err e;
	memset(&e, 0, sizeof(e));
	if (cli_org("challenge", s, orgflag, &org))
		goto out;
	app_system(&app, s, org, &a);
	app.lang = cli_lang();
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
			printf("%5lld  %s .. %s  %-6s %-10s %-11s %s\n", (long long)v[i].id, s0, s1,
			       v[i].closed ? "closed" : "open", ch_mode_name(v[i].mode),
			       rank_rule_name(v[i].rule), v[i].name);
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
		print_board(&b, (size_t)top, app.lang);
	rc = 0;
	goto out;
fail:
	cli_error("challenge", &e);
out:
	arena_free(&a);
	store_close(s);
	return rc;
}
