/* `cible progress`: where objectives stand — value, attainment, pace, status,
 * forecast and days left — for one objective, a person, a unit or everyone,
 * as text or JSON (the API's shape). */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/measure.h"
#include "app/result.h"
#include "app/usecase.h"
#include "cli/cli.h"
#include "core/figure.h"
#include "core/words.h"

/* A share as the pages print it: "81 %" / "81%", "-" when unknown. */
static void pct(char *out, size_t n, double v, enum lang lang)
{
	figure_format(isnan(v) ? v : round(v * 100), "%", lang, out, n);
}

static void print_children(const struct measured *m, enum lang lang)
{
	char att[32], count[16];
	pct(att, sizeof(att), m->rollup, lang);
	snprintf(count, sizeof(count), "%d", m->nchildren);
	struct buf b = BUF_INIT;
	cli_render(&b, "progress.children", lang, att, count);
	printf("  %s\n", b.data);
	buf_free(&b);
}

/* Every figure through figure.c, in the unit of the indicator: "5 524 000 €"
 * / "€5,524,000", a duration as "3 min 46 s". */
static void print_text(const struct objective *o, const struct measured *m, enum lang lang)
{
	printf("#%lld %s\n", (long long)o->id, o->title);
	if (!m->ind) {
		printf("  %s\n", cli_text("progress.not_measured", lang));
		if (m->rollup >= 0)
			print_children(m, lang);
		return;
	}
	const char *name = lang == LANG_EN ? m->ind->row.name_en : m->ind->row.name_fr;
	const char *unit = m->ind->row.unit;
	char val[64], fig[64];
	figure_format(m->has_value ? m->value : NAN, unit, lang, val, sizeof(val));
	struct buf b = BUF_INIT;
	buf_adds(&b, "  ");
	cli_render(&b, "progress.value", lang, name, val);
	if (o->has_target) {
		figure_format(o->target, unit, lang, fig, sizeof(fig));
		cli_render(&b, "progress.target", lang, fig, NULL);
	}
	printf("%s\n", b.data);
	buf_reset(&b);
	if (m->has_progress) {
		char att[32], exp[32], left[16];
		pct(att, sizeof(att), m->p.attainment, lang);
		pct(exp, sizeof(exp), m->ind->prog.cumulative ? m->p.expected_working : m->p.expected, lang);
		figure_format(m->p.forecast, unit, lang, fig, sizeof(fig));
		snprintf(left, sizeof(left), "%d", m->p.days_left);
		const char *part[][2] = { { "progress.attainment", att }, { "progress.pace", exp },
			{ "progress.status", word("ps", pstatus_name(m->p.status), lang) },
			{ "progress.forecast", fig }, { "progress.days_left", left } };
		buf_adds(&b, "  ");
		for (size_t i = 0; i < sizeof(part) / sizeof(*part); i++) {
			if (i)
				buf_adds(&b, ", ");
			cli_render(&b, part[i][0], lang, part[i][1], NULL);
		}
		printf("%s\n", b.data);
	}
	buf_free(&b);
	if (m->rollup >= 0)
		print_children(m, lang);
}

/* "48 objectives in 1.2 ms: ahead 3, on track 20, ..., not measured 2" */
static void print_summary(size_t n, const int *count, double ms, enum lang lang)
{
	char num[32], t[32];
	snprintf(num, sizeof(num), "%zu", n);
	struct buf b = BUF_INIT, f = BUF_INIT;
	buf_add_num(&f, ms, 1, NUM_FIXED, lang);
	snprintf(t, sizeof(t), "%s", f.data ? f.data : "0");
	cli_render(&b, "progress.summary", lang, num, t);
	for (int k = 0; k <= PS_UNKNOWN + 1; k++) {
		snprintf(num, sizeof(num), "%d", count[k]);
		buf_adds(&b, k ? ", " : " ");
		/* PS_UNKNOWN + 1 counts the objectives with no indicator; PS_UNKNOWN
		 * those measured without a progress yet */
		cli_render(&b, "progress.summary_count", lang,
			   k <= PS_UNKNOWN ? word("ps", pstatus_name((enum pstatus)k), lang)
					   : cli_text("progress.no_indicator", lang), num);
	}
	printf("%s\n", b.data);
	buf_free(&b);
	buf_free(&f);
}

int cmd_progress(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "objective", required_argument, 0, 'i' }, { "person", required_argument, 0, 'p' },
		{ "unit", required_argument, 0, 'u' }, { "all", no_argument, 0, 'a' },
		{ "today", required_argument, 0, 't' }, { "by", required_argument, 0, 'b' },
		{ "lang", required_argument, 0, 'l' }, { "json", no_argument, 0, 'j' },
		{ "summary", no_argument, 0, 's' }, { "recompute", no_argument, 0, 'r' },
		{ 0, 0, 0, 0 } };
	const char *db = NULL, *orgflag = NULL, *person = NULL, *langflag = NULL;
	id_t64 id = 0, unit = 0;
	int all = 0, as_json = 0, summary = 0, recompute = 0, c, bk = B_MONTH;
	enum lang lang;
	day_t today = app_clock_now().today;  /* the one clock: $CIBLE_TODAY */
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'i': id = strtoll(optarg, NULL, 10); break;
		case 'p': person = optarg; break;
		case 'u': unit = strtoll(optarg, NULL, 10); break;
		case 'a': all = 1; break;
		case 's': summary = 1; break;
		case 'r': recompute = 1; break;
		case 't':
			if (date_parse_iso(optarg, &today)) {
				cli_say("progress", "cli.today", NULL, NULL);
				return 2;
			}
			break;
		case 'b':
			bk = bucket_parse(optarg);
			if (bk < 0) {
				cli_say("progress", "progress.by", NULL, NULL);
				return 2;
			}
			break;
		case 'l':
			if (cli_lang_flag("progress", optarg, &lang))
				return 2;
			langflag = optarg;
			break;
		case 'j': as_json = 1; break;
		default: cli_usage("progress", 1); return 2;
		}
	}
	if (optind != argc || (!!id + !!person + !!unit + all) != 1) {
		cli_say("progress", "progress.which", NULL, NULL);
		cli_usage("progress", 1);
		return 2;
	}
	struct cli_app ca;
	int rc = cli_app("progress", db, orgflag, langflag, &ca);
	if (rc)
		return rc;
	rc = 1;
	struct store *s = ca.s;
	struct arena *a = &ca.arena;
	lang = ca.lang;
	struct err e;
	err_clear(&e);
	struct mind *inds;
	size_t ninds, n = 0;
	struct objective *v = NULL;
	if (recompute) {
		/* every result computed and kept for the day, then read back */
		struct app sys = ca.app;
		sys.clock = app_clock_on(sys.clock, today);
		if (app_results_rebuild(&sys, NULL, &e))
			goto fail;
	}
	if (measure_indicators(s, ca.org_id, a, &inds, &ninds, &e))
		goto fail;
	if (id) {
		v = arena_alloc(a, sizeof(*v));
		if (store_objective_get(s, ca.org_id, id, a, v, &e))
			goto fail;
		n = 1;
	} else {
		struct objective_filter f;
		memset(&f, 0, sizeof(f));
		f.level = f.status = -1;
		f.from = f.to = DAY_NONE;
		struct ids units;
		if (person && store_person_resolve(s, ca.org_id, person, &f.owner_person, &e))
			goto fail;
		if (unit) {
			if (store_unit_subtree(s, ca.org_id, unit, a, &units, &e))
				goto fail;
			f.units = &units;
		}
		if (store_objective_list(s, ca.org_id, &f, a, &v, &n, NULL, &e))
			goto fail;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	json_t *arr = json_array();
	int count[PS_UNKNOWN + 2] = { 0 };
	struct measured *ms = arena_alloc(a, (n ? n : 1) * sizeof(*ms));
	int failed = id ? measure_objective(s, &ca.org, v, today, (enum bucket)bk, inds, ninds, a, ms, &e)
			: measure_kept(s, &ca.org, v, n, today, (enum bucket)bk, inds, ninds, a, ms, &e);
	if (failed) {
		json_decref(arr);
		goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		if (v[i].status == ST_CANCELLED)
			continue;
		const struct measured *m = &ms[i];
		count[m->has_progress ? (int)m->p.status : PS_UNKNOWN + 1]++;
		if (summary)
			continue;
		if (as_json)
			json_array_append_new(arr, measured_json(&v[i], m, lang));
		else
			print_text(&v[i], m, lang);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (as_json && !summary) {
		json_dumpf(id ? json_array_get(arr, 0) : arr, stdout, JSON_INDENT(2));
		putchar('\n');
	}
	json_decref(arr);
	if (summary)
		print_summary(n, count, (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
			      (double)(t1.tv_nsec - t0.tv_nsec) / 1e6, lang);
	rc = 0;
	goto out;
fail:
	cli_error("progress", &e);
out:
	cli_app_close(&ca);
	return rc;
}
