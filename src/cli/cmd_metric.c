/* `cible metric`: the organisation's indicators — list them, add or change
 * one (its states are recomputed from the stored records), and try an
 * expression on the stored data, grouped by person, day, week or month. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/indicator.h"
#include "app/measure.h"
#include "cli/cli.h"
#include "core/figure.h"

/* An expression error with a caret under its position. */
static void show_expr_error(const char *expr, const struct err *e)
{
	cli_error("metric", e);
	int pos = atoi(e->arg[0]);
	fprintf(stderr, "  %s\n  %*s^\n", expr, pos > 0 ? pos - 1 : 0, "");
}

static int list(struct store *s, id_t64 org, enum lang lang)
{
	struct arena a;
	arena_init(&a);
	struct err e;
	struct mind *v;
	size_t n;
	if (measure_indicators(s, org, &a, &v, &n, &e)) {
		cli_error("metric", &e);
		arena_free(&a);
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		printf("%-20s %-12s %-10s %s\n  %s\n", v[i].row.key, v[i].row.kind, v[i].row.unit,
		       lang == LANG_EN ? v[i].row.name_en : v[i].row.name_fr, v[i].row.expr);
	arena_free(&a);
	return 0;
}

struct group {
	char key[80];
	struct ind_raw raw;
};

struct try {
	struct mind m;
	int by;  /* 0 none, 1 person, 2 day, 3 week, 4 month */
	struct group *g;
	size_t ng, capg;
	struct store *s;
	id_t64 org;
	struct arena *a;
	long records;
};

static struct group *group_of(struct try *t, const char *key)
{
	for (size_t i = 0; i < t->ng; i++)
		if (!strcmp(t->g[i].key, key))
			return &t->g[i];
	if (t->ng == t->capg) {
		t->capg = t->capg ? 2 * t->capg : 16;
		t->g = realloc(t->g, t->capg * sizeof(*t->g));
		if (!t->g)
			abort();
	}
	struct group *g = &t->g[t->ng++];
	snprintf(g->key, sizeof(g->key), "%s", key);
	indicator_raw_init(&t->m.prog, &g->raw);
	return g;
}

static int on_record(void *ctx, const struct activity *x)
{
	struct try *t = ctx;
	char key[80] = "";
	day_t d = (day_t)(x->at >= 0 ? x->at / 86400 : -((-x->at + 86399) / 86400));
	if (t->by == 1) {
		struct person p;
		struct err e;
		if (!store_person_get(t->s, t->org, x->person_id, t->a, &p, &e))
			snprintf(key, sizeof(key), "%s", p.name);
	} else if (t->by >= 2) {
		day_t b = t->by == 4 ? date_month_start(d) : t->by == 3 ? date_week_start(d) : d;
		date_format_iso(b, key);
		if (t->by == 4)
			key[7] = '\0';
	}
	json_error_t je;
	json_t *f = json_loads(x->fields, 0, &je);
	struct ival rec[IND_MAX_FIELDS];
	for (int i = 0; i < t->m.prog.nfields; i++) {
		json_t *v = json_object_get(f, indicator_field(&t->m.prog, i));
		rec[i] = (struct ival){ IV_NULL, 0, NULL };
		if (json_is_string(v))
			rec[i] = (struct ival){ IV_STR, 0, json_string_value(v) };
		else if (json_is_number(v))
			rec[i] = (struct ival){ IV_NUM, json_number_value(v), NULL };
		else if (json_is_boolean(v))
			rec[i] = (struct ival){ IV_BOOL, json_is_true(v), NULL };
	}
	indicator_raw_add(&t->m.prog, &group_of(t, key)->raw, rec);
	json_decref(f);
	t->records++;
	return 0;
}

static int cmp_group(const void *a, const void *b)
{
	return strcmp(((const struct group *)a)->key, ((const struct group *)b)->key);
}

static int try_expr(struct store *s, id_t64 org, const char *expr, const char *kind,
		    const char *person, const char *from, const char *to, const char *by)
{
	struct try t;
	memset(&t, 0, sizeof(t));
	struct err e;
	err_clear(&e);
	if (indicator_parse(expr, &t.m.prog, &e)) {
		show_expr_error(expr, &e);
		return 1;
	}
	static const char *const bys[] = { "", "person", "day", "week", "month" };
	for (int i = 1; by && i < 5; i++)
		if (!strcmp(by, bys[i]))
			t.by = i;
	if (by && !t.by) {
		cli_say("metric", "metric.by", NULL, NULL);
		return 2;
	}
	day_t f = DAY_NONE, u = DAY_NONE;
	if ((from && date_parse_iso(from, &f)) || (to && date_parse_iso(to, &u))) {
		cli_say("metric", "metric.dates", NULL, NULL);
		return 2;
	}
	struct arena a;
	arena_init(&a);
	t.s = s;
	t.org = org;
	t.a = &a;
	t.m.ok = true;
	struct ids one = { NULL, 0 };
	id_t64 pid;
	int rc = 1;
	if (person) {
		if (store_person_resolve(s, org, person, &pid, &e)) {
			cli_error("metric", &e);
			goto out;
		}
		one.v = &pid;
		one.n = 1;
	}
	if (store_activity_scan(s, org, kind, person ? &one : NULL,
				f == DAY_NONE ? 0 : (int64_t)f * 86400,
				u == DAY_NONE ? 0 : ((int64_t)u + 1) * 86400, on_record, &t, &e)) {
		cli_error("metric", &e);
		goto out;
	}
	qsort(t.g, t.ng, sizeof(*t.g), cmp_group);
	for (size_t i = 0; i < t.ng; i++) {
		double v = indicator_raw_value(&t.m.prog, &t.g[i].raw);
		if (t.by)
			printf("%s\t", t.g[i].key);
		/* a data cell, as a spreadsheet reads it back: a point, no groups,
		 * never an exponent */
		struct buf b = BUF_INIT;
		buf_add_num(&b, v, 10, NUM_PLAIN, LANG_EN);
		printf("%s\n", b.len ? b.data : "-");
		buf_free(&b);
	}
	if (!t.ng)
		printf("%s\n", t.m.prog.cumulative ? "0" : "-");
	char count[24];
	snprintf(count, sizeof(count), "%ld", t.records);
	struct buf m = BUF_INIT;
	cli_render(&m, "metric.records", cli_lang(), count, kind);
	fprintf(stderr, "%s\n", m.data);
	buf_free(&m);
	rc = 0;
out:
	for (size_t i = 0; i < t.ng; i++)
		indicator_raw_free(&t.g[i].raw);
	free(t.g);
	arena_free(&a);
	return rc;
}

/* Defines the indicator KEY, or changes it when the organisation has it
 * (the flags not given keep their value): the API's use cases, so the same
 * checks and the same audit (before and after). */
static int add(struct app *ap, const char *key, const char *kind, const char *expr,
	       const char *unit, const char *name_fr, const char *name_en)
{
	struct err e;
	err_clear(&e);
	struct store *s = ap->store;
	id_t64 org = ap->me.org_id;
	struct arena ar;
	arena_init(&ar);
	struct app a = *ap;
	a.arena = &ar;
	struct indicator_input in = { IND_KEY | IND_KIND | IND_EXPR, key, kind, expr, unit, name_fr,
				      name_en };
	in.set |= (unit ? IND_UNIT : 0) | (name_fr ? IND_NAME_FR : 0) | (name_en ? IND_NAME_EN : 0);
	struct indicator_row old;
	struct mind m;
	int rc = 1, found = 0;
	if (indicator_key_ok(key) && !store_indicator_by_key(s, org, key, &ar, &old, &e)) {
		found = 1;
		rc = app_indicator_update(&a, old.id, &in, &m, &e);
	} else if (e.code && e.status != 404) {
		rc = -1;
	} else {
		err_clear(&e);
		if (!name_fr) {
			in.set |= IND_NAME_FR;
			in.name_fr = key;
		}
		rc = app_indicator_create(&a, &in, &m, &e);
	}
	if (rc) {
		if (!strncmp(e.code, "ind_", 4))
			show_expr_error(expr, &e);
		else
			rc = cli_refused("metric", &e);
		rc = rc == 2 ? 2 : 1;
	} else {
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)m.row.id);
		struct buf b = BUF_INIT;
		cli_render(&b, found ? "metric.updated" : "metric.added", a.lang, key, id);
		cli_render(&b, "metric.measured", a.lang, kind, NULL);
		printf("%s\n", b.data);
		buf_free(&b);
	}
	arena_free(&ar);
	return rc;
}

int cmd_metric(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "kind", required_argument, 0, 'k' }, { "person", required_argument, 0, 'p' },
		{ "from", required_argument, 0, 'f' }, { "to", required_argument, 0, 't' },
		{ "by", required_argument, 0, 'b' }, { "expr", required_argument, 0, 'x' },
		{ "unit", required_argument, 0, 'u' }, { "name-fr", required_argument, 0, 'F' },
		{ "name-en", required_argument, 0, 'E' }, { "lang", required_argument, 0, 'l' },
		{ 0, 0, 0, 0 } };
	const char *db = NULL, *orgflag = NULL, *kind = NULL, *person = NULL, *from = NULL,
		   *to = NULL, *by = NULL, *expr = NULL, *unit = NULL, *nfr = NULL, *nen = NULL;
	const char *langflag = NULL;
	enum lang lang;
	int c;
	optind = 1;
	/* the subcommand first: `cible metric try EXPR --kind call` */
	if (argc < 2) {
		cli_usage("metric", 1);
		return 2;
	}
	const char *sub = argv[1];
	argc--;
	argv++;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': orgflag = optarg; break;
		case 'k': kind = optarg; break;
		case 'p': person = optarg; break;
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'b': by = optarg; break;
		case 'x': expr = optarg; break;
		case 'u': unit = optarg; break;
		case 'F': nfr = optarg; break;
		case 'E': nen = optarg; break;
		case 'l':
			if (cli_lang_flag("metric", optarg, &lang))
				return 2;
			langflag = optarg;
			break;
		default: cli_usage("metric", 1); return 2;
		}
	}
	const char *arg = optind < argc ? argv[optind] : NULL;
	bool list_cmd = !strcmp(sub, "list"), try_cmd = !strcmp(sub, "try"), add_cmd = !strcmp(sub, "add");
	if ((!list_cmd && !try_cmd && !add_cmd) || (list_cmd && arg) ||
	    (try_cmd && (!arg || !kind || optind + 1 != argc)) ||
	    (add_cmd && (!arg || !kind || !expr || optind + 1 != argc))) {
		cli_usage("metric", 1);
		return 2;
	}
	struct cli_app ca;
	int rc = cli_app("metric", db, orgflag, langflag, &ca);
	if (rc)
		return rc;
	if (list_cmd)
		rc = list(ca.s, ca.org_id, ca.lang);
	else if (try_cmd)
		rc = try_expr(ca.s, ca.org_id, arg, kind, person, from, to, by);
	else
		rc = add(&ca.app, arg, kind, expr, unit, nfr, nen);
	cli_app_close(&ca);
	return rc;
}
