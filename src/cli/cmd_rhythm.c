/* `cible rhythm`: who is late with their check-ins (as /api/alerts' and the
 * team page's late list), and the cadence of a scope, set or removed —
 * through the same use cases as the API, acting as the system. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/rhythm.h"
#include "cli/cli.h"

int cmd_rhythm(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "today", required_argument, 0, 't' }, { "json", no_argument, 0, 'j' },
		{ "lang", required_argument, 0, 'l' }, { 0, 0, 0, 0 } };
	const char *db = NULL, *orgflag = NULL, *langflag = NULL;
	enum lang lang;
	int json = 0, c;
	day_t today = DAY_NONE;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'j': json = 1; break;
		case 'l':
			if (cli_lang_flag("rhythm", optarg, &lang))
				return 2;
			langflag = optarg;
			break;
		case 't':
			if (date_parse_iso(optarg, &today)) {
				cli_say("rhythm", "cli.today", NULL, NULL);
				return 2;
			}
			break;
		default: cli_usage("rhythm", 1); return 2;
		}
	}
	const char *what = optind < argc ? argv[optind] : NULL;
	bool late = what && !strcmp(what, "late") && optind + 1 == argc;
	bool cadence = what && !strcmp(what, "cadence") &&
		       (optind + 3 == argc || optind + 4 == argc);
	if (!late && !cadence) {
		cli_usage("rhythm", 1);
		return 2;
	}
	struct cadence_input in = { NULL, 0, NULL };
	if (cadence) {
		/* cadence SCOPE [ID] EVERY|inherit */
		in.scope = argv[optind + 1];
		const char *every = argv[argc - 1];
		in.every = strcmp(every, "inherit") ? every : NULL;
		if (optind + 4 == argc) {
			char *end;
			long long id = strtoll(argv[optind + 2], &end, 10);
			if (*end || id < 1) {
				cli_say("rhythm", "rhythm.id", NULL, NULL);
				return 2;
			}
			in.scope_id = (id_t64)id;
		}
	}
	struct cli_app ca;
	int rc = cli_app("rhythm", db, orgflag, langflag, &ca);
	if (rc)
		return rc;
	struct app app = ca.app;
	lang = ca.lang;
	struct err e;
	memset(&e, 0, sizeof(e));
	if (today != DAY_NONE)
		app.clock = app_clock_on(app.clock, today);
	if (cadence) {
		if (app_cadence_set(&app, &in, &e)) {
			rc = cli_refused("rhythm", &e);
			goto out;
		}
		rc = 0;
		goto out;
	}
	struct person_rhythm *v;
	size_t n;
	if (app_late_checkins(&app, &v, &n, &e)) {
		rc = cli_refused("rhythm", &e);
		goto out;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		if (json) {
			json_array_append_new(arr, app_late_alert_json(&app, &v[i]));
			continue;
		}
		char due[11], last[11] = "-";
		date_format_iso(v[i].next_due, due);
		if (v[i].last != DAY_NONE)
			date_format_iso(v[i].last, last);
		printf("%s %s  %4d %s  %s %-10s  %s\n", cli_text("rhythm.due", lang), due, v[i].days_late,
		       cli_text("rhythm.late", lang), cli_text("rhythm.last", lang), last, v[i].p->name);
	}
	if (json) {
		char *t = json_dumps(arr, JSON_INDENT(1));
		if (t)
			puts(t);
		free(t);
	}
	json_decref(arr);
	rc = 0;
out:
	cli_app_close(&ca);
	return rc;
}
