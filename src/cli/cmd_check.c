/* `cible check --objective ID`: the SMART verdict of a stored objective, in
 * French (default) or English, as text or JSON. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/app.h"
#include "cli/cli.h"

static json_t *result_json(const struct smart_result *r, enum lang lang)
{
	json_t *crit = json_object();
	for (int k = 0; k < SMART__COUNT; k++) {
		json_t *reasons = json_array();
		for (int i = 0; i < r->nreasons; i++)
			if ((int)r->reasons[i].criterion == k)
				json_array_append_new(reasons, json_pack("{s:s, s:s, s:s, s:s}",
					"code", r->reasons[i].code,
					"verdict", smart_verdict_name(r->reasons[i].verdict),
					"message", smart_message(r->reasons[i].code, lang),
					"suggestion", smart_suggestion(r->reasons[i].code, lang)));
		json_object_set_new(crit, smart_criterion_name(k), json_pack("{s:s, s:o}",
			"verdict", smart_verdict_name(r->verdict[k]), "reasons", reasons));
	}
	json_t *q = json_array();
	for (unsigned b = 1; b <= Q_WHERE; b <<= 1)
		if (r->questions & b)
			json_array_append_new(q, json_string(smart_question_text(b, lang)));
	return json_pack("{s:i, s:o, s:o}", "score", r->score, "criteria", crit, "questions", q);
}

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "objective", required_argument, 0, 'i' }, { "lang", required_argument, 0, 'l' },
		{ "json", no_argument, 0, 'j' }, { 0, 0, 0, 0 } };
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
		default: cli_usage("check", 1); return 2;
		}
	}
	if (!id || optind != argc) {
		/* free sentences come with the sentence reader */
		cli_usage("check", 1);
		return 2;
	}
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
	time_t now = time(NULL);
	struct smart_context ctx;
	app_smart_context(s, org, &o, (day_t)(now / 86400), &a, &ctx);
	struct smart_result r;
	smart_check(&o, &ctx, &r);
	if (as_json) {
		json_t *v = result_json(&r, lang);
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
