/* The demo organisation written into a store (demo.h). Every demo login
 * shares one password, hashed once: argon2id is slow on purpose, and 10,000
 * hashes of the same demo password would protect nothing more. */
#include <string.h>
#include "app/demo.h"
#include "app/measure.h"
#include "app/secret.h"
#include "app/share.h"

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

/* The generated company, in the transaction app_tx runs (again from the
 * start if the store asks: nothing of a failed attempt is kept). */
struct gen_tx {
	struct sink_ctx *ctx;
	const struct demo_options *opt;
	struct demo_result *res;
};

static int generate_tx(struct app *a, void *arg, struct err *e)
{
	struct gen_tx *g = arg;
	struct sink_ctx *c = g->ctx;
	measure_batch_free(c->measure);
	c->measure = NULL;
	c->org = 0;
	c->records = c->checkins = 0;
	err_clear(&c->e);
	struct demo_sink sink = { c, s_org, s_unit, s_person, s_lead, s_axis, s_objective,
				  s_activity, s_checkin, s_objective_update };
	if (demo_generate(g->opt, &sink, a->arena, g->res) ||
	    (c->measure && measure_batch_flush(c->measure, &c->e)) ||
	    store_audit_add(c->s, c->org, 0, "org", c->org, "demo", NULL, NULL, &c->e)) {
		*e = c->e;
		return -1;
	}
	return 0;
}

/* the ramp-up plans of the demo's jobs: 25, 50, 75 %, then 100 % */
static int ramp_plans(struct app *a, struct err *e)
{
	static const char *const jobs[] = { "Commercial", "Commerciale", "Téléconseiller",
					    "Téléconseillère" };
	static const double steps[] = { 25, 50, 75 };
	for (size_t i = 0; i < sizeof(jobs) / sizeof(jobs[0]); i++) {
		struct ramp_input ri = { jobs[i], steps, 3, false };
		struct ramp_plan plan;
		if (app_ramp_put(a, &ri, &plan, e))
			return -1;
	}
	return 0;
}

int app_demo_create(struct store *s, const struct demo_options *opt, struct app_clock clock,
		    const char *password, struct arena *a, struct demo_made *out,
		    struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct sink_ctx ctx;
	memset(&ctx, 0, sizeof(ctx));
	char hash[128];
	if (auth_hash_password(password, hash, e))
		return -1;
	ctx.hash = hash;
	ctx.s = s;
	ctx.a = a;
	ctx.now = app_clock_on(clock, opt->today).now;
	buf_init(&ctx.json);
	struct app app;
	app_system(&app, s, 0, a);
	app.clock = app_clock_on(clock, opt->today);
	struct gen_tx g = { &ctx, opt, &out->res };
	int rc = app_tx(&app, generate_tx, &g, e);
	measure_batch_free(ctx.measure);
	buf_free(&ctx.json);
	if (rc)
		return -1;
	out->records = ctx.records;
	out->checkins = ctx.checkins;
	/* the rest through the use cases, as the system of the organisation now in */
	app_system(&app, s, ctx.org, a);
	app.clock = app_clock_on(clock, opt->today);
	if (app_demo_challenges(&app, &out->challenges, e) ||
	    app_demo_negotiations(&app, &out->negotiations, e) ||
	    app_demo_rhythm(&app, &out->rhythm, e) || ramp_plans(&app, e) ||
	    app_demo_reviews(&app, &out->reviews, e))
		return -1;
	return 0;
}
