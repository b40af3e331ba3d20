/* `cible demo`: the generated demo organisation (core/demo.c) written to a
 * store in one transaction. Every demo login shares one password, hashed
 * once: argon2id is slow on purpose, and 10,000 hashes of the same demo
 * password would protect nothing more. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app/demo_challenge.h"
#include "app/demo_negotiation.h"
#include "app/demo_rhythm.h"
#include "app/share.h"
#include "app/demo_review.h"
#include "app/measure.h"
#include "app/usecase.h"
#include "cli/cli.h"
#include "core/demo.h"
#include "app/secret.h"

struct sink_ctx {
	struct store *s;
	struct err e;
	const char *hash;
	id_t64 org;
	int64_t now;
	struct arena *a;
	struct measure_batch *measure;  /* made at the first record: the org has indicators then */
	struct buf json;
	long records, checkins;
};

static int s_org(void *ctx, const struct org *o, id_t64 *id)
{
	struct sink_ctx *c = ctx;
	if (store_org_create(c->s, o, id, &c->e))
		return -1;
	c->org = *id;
	return 0;
}

static int s_unit(void *ctx, const struct unit *u, id_t64 *id)
{
	struct sink_ctx *c = ctx;
	struct unit x = *u;
	x.org_id = c->org;
	return store_unit_create(c->s, &x, id, &c->e);
}

static int s_person(void *ctx, const struct person *p, id_t64 *id)
{
	struct sink_ctx *c = ctx;
	struct person x = *p;
	x.org_id = c->org;
	if (store_person_create(c->s, &x, id, &c->e))
		return -1;
	return store_person_set_password(c->s, c->org, *id, c->hash, &c->e);
}

static int s_lead(void *ctx, id_t64 unit, id_t64 person)
{
	struct sink_ctx *c = ctx;
	struct arena a;
	arena_init(&a);
	struct unit u;
	int rc = store_unit_get(c->s, c->org, unit, &a, &u, &c->e);
	if (!rc) {
		u.lead_id = person;
		rc = store_unit_update(c->s, &u, &c->e);
	}
	arena_free(&a);
	return rc;
}

static int s_axis(void *ctx, const struct axis *x, id_t64 *id)
{
	struct sink_ctx *c = ctx;
	struct axis v = *x;
	v.org_id = c->org;
	return store_axis_create(c->s, &v, id, &c->e);
}

static int s_objective(void *ctx, const struct objective *o, id_t64 *id)
{
	struct sink_ctx *c = ctx;
	struct objective v = *o;
	v.org_id = c->org;
	return store_objective_create(c->s, &v, id ? id : &v.id, &c->e);
}

static int s_objective_update(void *ctx, const struct objective *o)
{
	struct sink_ctx *c = ctx;
	struct objective v = *o;
	v.org_id = c->org;
	return store_objective_update(c->s, &v, &c->e);
}

static int s_checkin(void *ctx, const struct checkin *k)
{
	struct sink_ctx *c = ctx;
	struct checkin v = *k;
	v.org_id = c->org;
	id_t64 id;
	c->checkins++;
	return store_checkin_create(c->s, &v, &id, &c->e);
}

static int s_activity(void *ctx, const struct demo_record *r)
{
	struct sink_ctx *c = ctx;
	if (!c->measure) {
		struct mind *inds;
		size_t n;
		if (measure_indicators(c->s, c->org, c->a, &inds, &n, &c->e))
			return -1;
		c->measure = measure_batch_new(c->s, c->org, inds, n);
	}
	struct buf *j = &c->json;
	buf_reset(j);
	buf_addc(j, '{');
	for (int i = 0; i < r->n; i++) {
		const struct ival *v = &r->vals[i];
		buf_addf(j, "%s\"%s\":", i ? "," : "", r->names[i]);
		switch (v->type) {
		case IV_NULL: buf_adds(j, "null"); break;
		case IV_BOOL: buf_adds(j, v->num ? "true" : "false"); break;
		case IV_NUM: buf_addf(j, "%.17g", v->num); break;
		case IV_STR: buf_addf(j, "\"%s\"", v->str); break;  /* the demo's own words: no quotes */
		}
	}
	buf_addc(j, '}');
	struct activity x = { 0, r->person, r->kind, r->source_id, r->at, j->data };
	int stored;
	if (store_activity_add(c->s, c->org, &x, c->now, &stored, &c->e))
		return -1;
	c->records++;
	measure_batch_fields(c->measure, r->kind, r->names, (size_t)r->n);
	return measure_batch_add(c->measure, r->person, (day_t)(r->at / 86400), r->vals, &c->e);
}

int cmd_demo(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "force", no_argument, 0, 'f' },
		{ "seed", required_argument, 0, 's' }, { "people", required_argument, 0, 'n' },
		{ "today", required_argument, 0, 't' }, { "password", required_argument, 0, 'p' },
		{ "calls-per-day", required_argument, 0, 'c' }, { 0, 0, 0, 0 } };
	const char *db = NULL, *password = "demo-cible";
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
				fprintf(stderr, "cible demo: --seed takes a number\n");
				return 2;
			}
			break;
		case 'n':
			opt.people = (int)strtol(optarg, &end, 10);
			if (*end || opt.people < 12 || opt.people > 200000) {
				fprintf(stderr, "cible demo: --people takes a number from 12 to 200000\n");
				return 2;
			}
			break;
		case 't':
			if (date_parse_iso(optarg, &opt.today)) {
				fprintf(stderr, "cible demo: --today takes a date YYYY-MM-DD\n");
				return 2;
			}
			break;
		case 'p': password = optarg; break;
		case 'c':
			opt.calls_per_day = (int)strtol(optarg, &end, 10);
			if (*end || opt.calls_per_day < 0 || opt.calls_per_day > 500) {
				fprintf(stderr, "cible demo: --calls-per-day takes a number from 0 to 500\n");
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
	db = cli_db_path(db);
	struct err de;
	err_clear(&de);
	int there = store_exists(db, &de);
	if (there > 0 && !force) {
		char where[512];
		fprintf(stderr, "cible demo: %s exists; --force replaces it\n",
			store_describe(db, where, sizeof(where)));
		return 1;
	}
	if (there < 0 || (there > 0 && store_destroy(db, &de))) {
		cli_error("demo", &de);
		return 1;
	}
	struct sink_ctx ctx;
	memset(&ctx, 0, sizeof(ctx));
	char hash[128];
	if (auth_hash_password(password, hash, &ctx.e)) {
		cli_error("demo", &ctx.e);
		return 1;
	}
	ctx.hash = hash;
	ctx.s = cli_open("demo", db);
	if (!ctx.s)
		return 1;
	struct demo_sink sink = { &ctx, s_org, s_unit, s_person, s_lead, s_axis, s_objective,
				  s_activity, s_checkin, s_objective_update };
	struct arena a;
	arena_init(&a);
	ctx.a = &a;
	ctx.now = app_clock_on(clock, opt.today).now;
	buf_init(&ctx.json);
	struct demo_result res;
	int rc = 1;
	if (store_begin(ctx.s, &ctx.e))
		goto out;
	if (demo_generate(&opt, &sink, &a, &res) ||
	    (ctx.measure && measure_batch_flush(ctx.measure, &ctx.e)) ||
	    store_audit_add(ctx.s, ctx.org, 0, "org", ctx.org, "demo", NULL, NULL, &ctx.e) ||
	    store_commit(ctx.s, &ctx.e)) {
		store_rollback(ctx.s);
		goto out;
	}
	/* the challenges and badges, through the use cases (as the system, on the
	 * demo's day), after the organisation is in */
	struct app app;
	app_system(&app, ctx.s, ctx.org, &a);
	app.clock = app_clock_on(app.clock, opt.today);
	struct demo_challenges dc;
	struct demo_negotiations dn;
	if (app_demo_challenges(&app, &dc, &ctx.e) || app_demo_negotiations(&app, &dn, &ctx.e))
		goto out;
	/* the check-in rhythm, feedback and one-to-ones, the same way */
	struct demo_rhythm dr;
	if (app_demo_rhythm(&app, &dr, &ctx.e))
		goto out;
	/* the ramp-up plans of the demo's jobs: 25, 50, 75 %, then 100 % */
	static const char *const jobs[] = { "Commercial", "Commerciale", "Téléconseiller",
					    "Téléconseillère" };
	static const double steps[] = { 25, 50, 75 };
	for (size_t i = 0; i < sizeof(jobs) / sizeof(jobs[0]); i++) {
		struct ramp_input ri = { jobs[i], steps, 3, false };
		struct ramp_plan plan;
		if (app_ramp_put(&app, &ri, &plan, &ctx.e))
			goto out;
	}
	/* a signed yearly review and one being written */
	struct demo_reviews dv;
	if (app_demo_reviews(&app, &dv, &ctx.e))
		goto out;
	printf("demo organisation in %s: %d people, %d units, %d objectives, %ld activity records,"
	       " %ld check-ins\n", db, res.people, res.units, res.objectives, ctx.records,
	       ctx.checkins);
	printf("%d challenges, %d badges earned\n", dc.challenges, dc.badges);
	printf("%d objectives agreed after a negotiation, %d negotiations open\n", dn.agreed, dn.open);
	printf("%d feedback messages, %d one-to-ones, %d people late with their check-ins\n",
	       dr.feedback, dr.one_to_ones, dr.late);
	printf("ramp-up plans for sales reps and agents: 25 %%, 50 %%, 75 %%, then 100 %%\n");
	printf("%d review signed, %d being written\n", dv.signed_, dv.in_progress);
	printf("logins (password: %s):\n", password);
	for (int i = 0; i < res.nlogins; i++)
		printf("  %-45s %s\n", res.logins[i].email, res.logins[i].what);
	rc = 0;
out:
	if (rc && ctx.e.code)
		cli_error("demo", &ctx.e);
	measure_batch_free(ctx.measure);
	buf_free(&ctx.json);
	arena_free(&a);
	store_close(ctx.s);
	return rc;
}
