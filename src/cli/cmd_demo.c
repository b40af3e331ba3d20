/* `cible demo`: the demo organisation (app_demo_create) in a new store, and
 * what it holds printed with its logins. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app/demo.h"
#include "cli/cli.h"

int cmd_demo(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "force", no_argument, 0, 'f' },
		{ "seed", required_argument, 0, 's' }, { "people", required_argument, 0, 'n' },
		{ "today", required_argument, 0, 't' }, { "password", required_argument, 0, 'p' },
		{ "calls-per-day", required_argument, 0, 'c' }, { "lang", required_argument, 0, 'l' },
		{ 0, 0, 0, 0 } };
	const char *db = NULL, *password = "demo-cible", *langflag = NULL;
	int force = 0;
	struct demo_options opt;
	/* the one clock: $CIBLE_TODAY, or --today, sets the demo's day and its now */
	struct app_clock clock = app_clock_now();
	demo_options_default(&opt, clock.today);
	int c;
	char *end;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'f': force = 1; break;
		case 's':
			opt.seed = strtoull(optarg, &end, 10);
			if (*end || !*optarg) {
				cli_say("demo", "demo.seed", NULL, NULL);
				return 2;
			}
			break;
		case 'n':
			opt.people = (int)strtol(optarg, &end, 10);
			if (*end || opt.people < 12 || opt.people > 200000) {
				cli_say_range("demo", "--people", optarg, 12, 200000);
				return 2;
			}
			break;
		case 't':
			if (date_parse_iso(optarg, &opt.today)) {
				cli_say("demo", "cli.today", NULL, NULL);
				return 2;
			}
			break;
		case 'p': password = optarg; break;
		case 'l': langflag = optarg; break;
		case 'c':
			opt.calls_per_day = (int)strtol(optarg, &end, 10);
			if (*end || opt.calls_per_day < 0 || opt.calls_per_day > 500) {
				cli_say_range("demo", "--calls-per-day", optarg, 0, 500);
				return 2;
			}
			break;
		default: cli_usage("demo", 1); return 2;
		}
	}
	if (optind != argc) {
		cli_usage("demo", 1);
		return 2;
	}
	/* the organisation made is French: so is what is said of it, unless
	 * --lang or $CIBLE_LANG says otherwise */
	enum lang lang = LANG_FR;
	if (langflag && cli_lang_flag("demo", langflag, &lang))
		return 2;
	if (!langflag && getenv("CIBLE_LANG"))
		lang = cli_lang();
	cli_lang_set(lang);
	db = cli_db_path(db);
	struct err de;
	err_clear(&de);
	int there = store_exists(db, &de);
	if (there > 0 && !force) {
		char where[512];
		cli_say("demo", "demo.exists", store_describe(db, where, sizeof(where)), NULL);
		return 1;
	}
	if (there < 0 || (there > 0 && store_destroy(db, &de))) {
		cli_error("demo", &de);
		return 1;
	}
	struct store *s = cli_open("demo", db);
	if (!s)
		return 1;
	struct arena a;
	arena_init(&a);
	struct demo_made made;
	struct err e;
	err_clear(&e);
	int rc = 1;
	if (app_demo_create(s, &opt, clock, password, &a, &made, &e)) {
		cli_error("demo", &e);
		goto out;
	}
	const struct demo_result *res = &made.res;
	char n[6][24];
	snprintf(n[0], sizeof(n[0]), "%d", res->people);
	snprintf(n[1], sizeof(n[1]), "%d", res->units);
	snprintf(n[2], sizeof(n[2]), "%d", res->objectives);
	snprintf(n[3], sizeof(n[3]), "%ld", made.records);
	snprintf(n[4], sizeof(n[4]), "%ld", made.checkins);
	struct buf b = BUF_INIT, part = BUF_INIT;
	cli_render(&part, "demo.people", lang, n[0], n[1]);
	buf_adds(&part, ", ");
	cli_render(&part, "demo.objectives", lang, n[2], NULL);
	buf_adds(&part, ", ");
	cli_render(&part, "demo.records", lang, n[3], n[4]);
	cli_render(&b, "demo.made", lang, db, part.data);
	buf_addc(&b, '\n');
	snprintf(n[0], sizeof(n[0]), "%d", made.challenges.challenges);
	snprintf(n[1], sizeof(n[1]), "%d", made.challenges.badges);
	cli_render(&b, "demo.challenges", lang, n[0], n[1]);
	buf_addc(&b, '\n');
	snprintf(n[0], sizeof(n[0]), "%d", made.negotiations.agreed);
	snprintf(n[1], sizeof(n[1]), "%d", made.negotiations.open);
	cli_render(&b, "demo.negotiations", lang, n[0], n[1]);
	buf_addc(&b, '\n');
	snprintf(n[0], sizeof(n[0]), "%d", made.rhythm.feedback);
	snprintf(n[1], sizeof(n[1]), "%d", made.rhythm.one_to_ones);
	snprintf(n[2], sizeof(n[2]), "%d", made.rhythm.late);
	cli_render(&b, "demo.feedback", lang, n[0], n[1]);
	buf_adds(&b, ", ");
	cli_render(&b, "demo.late", lang, n[2], NULL);
	buf_addc(&b, '\n');
	cli_render(&b, "demo.ramp", lang, NULL, NULL);
	buf_addc(&b, '\n');
	snprintf(n[0], sizeof(n[0]), "%d", made.reviews.signed_);
	snprintf(n[1], sizeof(n[1]), "%d", made.reviews.in_progress);
	cli_render(&b, "demo.reviews", lang, n[0], n[1]);
	buf_addc(&b, '\n');
	cli_render(&b, "demo.logins", lang, password, NULL);
	printf("%s\n", b.data);
	buf_free(&b);
	buf_free(&part);
	for (int i = 0; i < res->nlogins; i++)
		printf("  %-45s %s\n", res->logins[i].email, res->logins[i].what);
	rc = 0;
out:
	arena_free(&a);
	store_close(s);
	return rc;
}
