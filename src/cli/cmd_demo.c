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
#include "cli/cli.h"
#include "core/demo.h"
#include "http/http.h"

struct sink_ctx {
	struct store *s;
	struct err e;
	const char *hash;
	id_t64 org;
	int64_t now;
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

static void remove_db(const char *db)
{
	char p[4096];
	unlink(db);
	snprintf(p, sizeof(p), "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db);
	unlink(p);
}

int cmd_demo(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "force", no_argument, 0, 'f' },
		{ "seed", required_argument, 0, 's' }, { "people", required_argument, 0, 'n' },
		{ "today", required_argument, 0, 't' }, { "password", required_argument, 0, 'p' },
		{ 0, 0, 0, 0 } };
	const char *db = NULL, *password = "demo-cible";
	int force = 0;
	struct demo_options opt;
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	demo_options_default(&opt, date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday));
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
		default: cli_usage("demo", 1); return 2;
		}
	}
	if (optind != argc) {
		cli_usage("demo", 1);
		return 2;
	}
	db = cli_db_path(db);
	if (!access(db, F_OK)) {
		if (!force) {
			fprintf(stderr, "cible demo: %s exists; --force replaces it\n", db);
			return 1;
		}
		remove_db(db);
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
	struct demo_sink sink = { &ctx, s_org, s_unit, s_person, s_lead, s_axis, s_objective };
	struct arena a;
	arena_init(&a);
	struct demo_result res;
	int rc = 1;
	if (store_begin(ctx.s, &ctx.e))
		goto out;
	if (demo_generate(&opt, &sink, &a, &res) ||
	    store_audit_add(ctx.s, ctx.org, 0, "org", ctx.org, "demo", NULL, NULL, &ctx.e) ||
	    store_commit(ctx.s, &ctx.e)) {
		store_rollback(ctx.s);
		goto out;
	}
	printf("demo organisation in %s: %d people, %d units, %d objectives\n", db, res.people,
	       res.units, res.objectives);
	printf("logins (password: %s):\n", password);
	for (int i = 0; i < res.nlogins; i++)
		printf("  %-45s %s\n", res.logins[i].email, res.logins[i].what);
	rc = 0;
out:
	if (rc && ctx.e.code)
		cli_error("demo", &ctx.e);
	arena_free(&a);
	store_close(ctx.s);
	return rc;
}
