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
#include "app/usecase.h"
#include "cli/cli.h"
#include "core/words.h"

static void pct(char *out, size_t n, double v)
{
	if (isnan(v))
		snprintf(out, n, "-");
	else
		snprintf(out, n, "%.0f %%", v * 100);
}

static void print_text(const struct objective *o, const struct measured *m, enum lang lang)
{
	char att[16], exp[16], fc[32], val[32];
	printf("#%lld %s\n", (long long)o->id, o->title);
	if (!m->ind) {
		printf("  %s\n", lang == LANG_EN ? "not measured: no indicator of the organisation has this key"
			: "non mesuré : aucun indicateur de l'organisation n'a cette clé");
		if (m->rollup >= 0)
			printf("  %s %.0f %% (%d)\n", lang == LANG_EN ? "children's attainment:" :
			       "atteinte des sous-objectifs :", m->rollup * 100, m->nchildren);
		return;
	}
	const char *name = lang == LANG_EN ? m->ind->row.name_en : m->ind->row.name_fr;
	if (m->has_value)
		snprintf(val, sizeof(val), "%.4g", m->value);
	else
		snprintf(val, sizeof(val), "-");
	printf("  %s%s %s %s", name, lang == LANG_EN ? ":" : " :", val, m->ind->row.unit);
	if (o->has_target)
		printf(" / %s %.4g", lang == LANG_EN ? "target" : "cible", o->target);
	putchar('\n');
	if (m->has_progress) {
		pct(att, sizeof(att), m->p.attainment);
		pct(exp, sizeof(exp), m->ind->prog.cumulative ? m->p.expected_working : m->p.expected);
		if (isnan(m->p.forecast))
			snprintf(fc, sizeof(fc), "-");
		else
			snprintf(fc, sizeof(fc), "%.4g", m->p.forecast);
		printf("  %s %s, %s %s, %s %s, %s %s, %s %d\n",
		       lang == LANG_EN ? "attainment" : "atteinte", att,
		       lang == LANG_EN ? "pace" : "rythme attendu", exp,
		       lang == LANG_EN ? "status" : "statut", word("ps", pstatus_name(m->p.status), lang),
		       lang == LANG_EN ? "forecast" : "prévision", fc,
		       lang == LANG_EN ? "days left" : "jours restants", m->p.days_left);
	}
	if (m->rollup >= 0)
		printf("  %s %.0f %% (%d)\n", lang == LANG_EN ? "children's attainment:" :
		       "atteinte des sous-objectifs :", m->rollup * 100, m->nchildren);
}

int cmd_progress(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "objective", required_argument, 0, 'i' }, { "person", required_argument, 0, 'p' },
		{ "unit", required_argument, 0, 'u' }, { "all", no_argument, 0, 'a' },
		{ "today", required_argument, 0, 't' }, { "by", required_argument, 0, 'b' },
		{ "lang", required_argument, 0, 'l' }, { "json", no_argument, 0, 'j' },
		{ "summary", no_argument, 0, 's' }, { 0, 0, 0, 0 } };
	const char *db = NULL, *orgflag = NULL, *person = NULL;
	id_t64 id = 0, unit = 0;
	int all = 0, as_json = 0, summary = 0, c, bk = B_MONTH;
	enum lang lang = cli_lang();
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
		case 't':
			if (date_parse_iso(optarg, &today)) {
				fprintf(stderr, "cible progress: --today takes a date YYYY-MM-DD\n");
				return 2;
			}
			break;
		case 'b':
			bk = bucket_parse(optarg);
			if (bk < 0) {
				fprintf(stderr, "cible progress: --by is day, week or month\n");
				return 2;
			}
			break;
		case 'l': lang = lang_parse(optarg); break;
		case 'j': as_json = 1; break;
		default: cli_usage("progress", 1); return 2;
		}
	}
	if (optind != argc || (!!id + !!person + !!unit + all) != 1) {
		fprintf(stderr, "cible progress: say which: --objective ID, --person KEY, --unit ID or --all\n");
		cli_usage("progress", 1);
		return 2;
	}
	struct store *s = cli_open("progress", cli_db_path(db));
	if (!s)
		return 1;
	int rc = 1;
	id_t64 org;
	struct arena a;
	arena_init(&a);
	struct err e;
	err_clear(&e);
	struct org o;
	struct mind *inds;
	size_t ninds, n = 0;
	struct objective *v = NULL;
	if (cli_org("progress", s, orgflag, &org))
		goto out;
	if (store_org_get(s, org, &a, &o, &e) || measure_indicators(s, org, &a, &inds, &ninds, &e))
		goto fail;
	if (id) {
		v = arena_alloc(&a, sizeof(*v));
		if (store_objective_get(s, org, id, &a, v, &e))
			goto fail;
		n = 1;
	} else {
		struct objective_filter f;
		memset(&f, 0, sizeof(f));
		f.level = f.status = -1;
		f.from = f.to = DAY_NONE;
		struct ids units;
		if (person && store_person_resolve(s, org, person, &f.owner_person, &e))
			goto fail;
		if (unit) {
			if (store_unit_subtree(s, org, unit, &a, &units, &e))
				goto fail;
			f.units = &units;
		}
		if (store_objective_list(s, org, &f, &a, &v, &n, NULL, &e))
			goto fail;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	json_t *arr = json_array();
	int count[PS_UNKNOWN + 2] = { 0 };
	struct measured *ms = arena_alloc(&a, (n ? n : 1) * sizeof(*ms));
	int failed = id ? measure_objective(s, &o, v, today, (enum bucket)bk, inds, ninds, &a, ms, &e)
			: measure_many(s, &o, v, n, today, (enum bucket)bk, inds, ninds, &a, ms, &e);
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
	if (summary) {
		printf("%zu objectives in %.1f ms:", n,
		       (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
		for (int k = 0; k <= PS_UNKNOWN; k++)
			printf(" %s %d,", pstatus_name((enum pstatus)k), count[k]);
		printf(" not measured %d\n", count[PS_UNKNOWN + 1]);
	}
	rc = 0;
	goto out;
fail:
	cli_error("progress", &e);
out:
	arena_free(&a);
	store_close(s);
	return rc;
}
