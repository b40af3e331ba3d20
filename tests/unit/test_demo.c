/* The demo generator, through an in-memory sink. */
#include <stdlib.h>
#include "t.h"
#include "core/demo.h"

struct mem {
	int people, units, objectives, axes, admins, hrs, invalid, orphan, leads, bad_level;
	int sales, calls, new_hires_without;
	int checkins, checkins_bad;
	id_t64 owner_of[30000];
	enum level level[30000];
	char has_unit[30000];
	char has_objective[30000];
	day_t hired[30000];
	id_t64 next;
	uint64_t hash;
	struct arena *a;
	const char **emails;
	day_t today;
	struct objective *objs;  /* by id, as last emitted or updated */
	int updates;
};

static void mix(struct mem *m, const char *s)
{
	for (; s && *s; s++)
		m->hash = (m->hash ^ (unsigned char)*s) * 1099511628211ULL;
	m->hash = (m->hash ^ 0xff) * 1099511628211ULL;
}

static int m_org(void *ctx, const struct org *o, id_t64 *id)
{
	struct mem *m = ctx;
	mix(m, o->name);
	*id = ++m->next;
	return 0;
}

static int m_unit(void *ctx, const struct unit *u, id_t64 *id)
{
	struct mem *m = ctx;
	if (u->parent_id && !m->has_unit[u->parent_id])
		m->orphan++;
	*id = ++m->next;
	m->has_unit[*id] = 1;
	m->units++;
	m->sales += u->service == SERVICE_SALES;
	m->calls += u->service == SERVICE_CALL_CENTRE;
	mix(m, u->name);
	return 0;
}

static int m_person(void *ctx, const struct person *p, id_t64 *id)
{
	struct mem *m = ctx;
	if (!m->has_unit[p->unit_id])
		m->orphan++;
	*id = ++m->next;
	m->emails[m->people++] = p->email;
	m->admins += p->role == ROLE_ADMIN;
	m->hrs += p->role == ROLE_HR;
	m->hired[*id] = p->hired_on;
	mix(m, p->name);
	mix(m, p->email);
	return 0;
}

static int m_lead(void *ctx, id_t64 unit, id_t64 person)
{
	struct mem *m = ctx;
	m->leads += m->has_unit[unit] && person > 0;
	return 0;
}

static int m_axis(void *ctx, const struct axis *x, id_t64 *id)
{
	struct mem *m = ctx;
	*id = ++m->next;
	m->axes++;
	mix(m, x->title);
	return 0;
}

static int m_objective(void *ctx, const struct objective *o, id_t64 *id)
{
	struct mem *m = ctx;
	struct err e;
	if (objective_validate(o, &e)) {
		m->invalid++;
		fprintf(stderr, "    invalid: %s (%s)\n", o->title, e.code);
	}
	id_t64 my = ++m->next;
	if (o->parent_id && !level_child_allowed(m->level[o->parent_id], o->level))
		m->bad_level++;
	m->level[my] = o->level;
	if (o->owner_person_id)
		m->has_objective[o->owner_person_id] = 1;
	m->owner_of[my] = o->owner_person_id;
	if (id)
		*id = my;
	m->objectives++;
	if (m->objs) {
		m->objs[my] = *o;
		m->objs[my].id = my;
	}
	mix(m, o->title);
	mix(m, o->plan_json);
	return 0;
}

static int m_objective_update(void *ctx, const struct objective *o)
{
	struct mem *m = ctx;
	if (o->id <= 0 || o->id > m->next)
		return -1;
	m->updates++;
	if (m->objs)
		m->objs[o->id] = *o;
	return 0;
}

static int m_checkin(void *ctx, const struct checkin *c)
{
	struct mem *m = ctx;
	m->checkins++;
	/* on an individual objective already made, before today, with words */
	if (c->objective_id <= 0 || c->objective_id > m->next ||
	    m->level[c->objective_id] != LEVEL_INDIVIDUAL || !m->owner_of[c->objective_id] ||
	    c->created_at >= (int64_t)m->today * 86400 || !c->comment || !c->comment[0] ||
	    (c->author_id == m->owner_of[c->objective_id]) != (c->confidence != CONF_NONE))
		m->checkins_bad++;
	return 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static struct mem *run(uint64_t seed, int people)
{
	struct mem *m = calloc(1, sizeof(*m));
	struct arena *a = malloc(sizeof(*a));
	arena_init(a);
	m->a = a;
	m->emails = calloc((size_t)people + 10, sizeof(char *));
	struct demo_options opt;
	demo_options_default(&opt, date_from_ymd(2026, 11, 25));
	opt.seed = seed;
	opt.people = people;
	m->today = opt.today;
	m->objs = calloc(30000, sizeof(struct objective));
	struct demo_sink sink = { m, m_org, m_unit, m_person, m_lead, m_axis, m_objective, NULL,
				  m_checkin, m_objective_update };
	struct demo_result res;
	CHECK_INT(demo_generate(&opt, &sink, a, &res), 0);
	CHECK_INT(res.people, m->people);
	return m;
}

static void done(struct mem *m)
{
	arena_free(m->a);
	free(m->a);
	free(m->emails);
	free(m->objs);
	free(m);
}

static int unique_emails(struct mem *m)
{
	qsort(m->emails, (size_t)m->people, sizeof(char *), str_cmp);
	for (int i = 1; i < m->people; i++)
		if (!strcmp(m->emails[i - 1], m->emails[i]))
			return 0;
	return 1;
}

TEST("the default demo has a sales direction, a call centre and at least 40 people")
{
	struct mem *m = run(42, 48);
	CHECK(m->people >= 40);
	CHECK(m->sales >= 2);
	CHECK(m->calls >= 2);
	CHECK_INT(m->admins, 1);
	CHECK(m->hrs >= 1);
	CHECK_INT(m->axes, 4);
	CHECK_INT(m->leads, m->units);
	CHECK_INT(m->orphan, 0);
	CHECK(unique_emails(m));
	done(m);
}

TEST("every generated objective is valid and sits at a level its parent allows")
{
	struct mem *m = run(42, 48);
	CHECK(m->objectives > 40);
	CHECK_INT(m->invalid, 0);
	CHECK_INT(m->bad_level, 0);
	done(m);
}

TEST("most individual objectives have a recent check-in, the owner's, some with the manager's answer")
{
	struct mem *m = run(42, 48);
	CHECK(m->checkins >= 20);
	CHECK_INT(m->checkins_bad, 0);
	done(m);
}

/* Independently of cible's own check: for every objective whose children
 * measure its indicator, their targets add up to it (a volume: their sum,
 * against the parent's target prorated to their period; a rate: their
 * mean), within 0.5 %. */
static int adds_up(const struct mem *m, int *checked, int *revenue_chain)
{
	static const char *const volumes[] = { "revenue", "contracts", "calls_handled" };
	int bad = 0;
	for (id_t64 p = 1; p <= m->next; p++) {
		const struct objective *o = &m->objs[p];
		if (!o->indicator || !o->has_target)
			continue;
		bool volume = false;
		for (size_t i = 0; i < sizeof(volumes) / sizeof(volumes[0]); i++)
			volume |= !strcmp(o->indicator, volumes[i]);
		double sum = 0, expected = 0;
		int n = 0;
		for (id_t64 c = 1; c <= m->next; c++) {
			const struct objective *k = &m->objs[c];
			if (k->parent_id != p || !k->indicator || strcmp(k->indicator, o->indicator) ||
			    !k->has_target)
				continue;
			sum += k->target;
			n++;
			expected = volume ? o->target * (double)(k->due - k->start + 1) /
					    (double)(o->due - o->start + 1) : o->target;
		}
		if (!n)
			continue;
		(*checked)++;
		double total = volume ? sum : sum / n;
		if (fabs(total - expected) > 0.005 * fabs(expected)) {
			bad++;
			fprintf(stderr, "    %s: children %g, expected %g\n", o->title, total, expected);
		}
		if (!strcmp(o->indicator, "revenue") && o->level <= LEVEL_OPERATIONAL)
			(*revenue_chain)++;
	}
	return bad;
}

TEST("the demo's targets add up from the ambition down, checked by summing them here")
{
	struct mem *m = run(42, 48);
	int checked = 0, chain = 0;
	CHECK_INT(adds_up(m, &checked, &chain), 0);
	CHECK(checked >= 5);     /* the sales teams, the direction, the ambition, the rates */
	CHECK_INT(chain, 2);      /* the ambition's revenue and the direction's */
	CHECK(m->updates >= 4);
	struct mem *big = run(7, 1000);
	checked = chain = 0;
	CHECK_INT(adds_up(big, &checked, &chain), 0);
	CHECK(checked >= 20);
	done(m);
	done(big);
}

TEST("exactly one new hire is left without objectives, for cible to flag")
{
	struct mem *m = run(7, 300);
	int without = 0;
	for (id_t64 id = 1; id <= m->next; id++)
		if (m->hired[id] != 0 && m->hired[id] > m->today - 90 && !m->has_objective[id])
			without++;
	CHECK_INT(without, 1);
	done(m);
}

TEST("the same seed gives the same organisation, another seed another one")
{
	struct mem *a = run(42, 48), *b = run(42, 48), *c = run(43, 48);
	CHECK(a->hash == b->hash);
	CHECK(a->hash != c->hash);
	done(a);
	done(b);
	done(c);
}

TEST("a 10,000-person organisation has unique emails and sane teams")
{
	struct mem *m = run(1, 10000);
	CHECK_INT(m->people, 10000);
	CHECK(unique_emails(m));
	CHECK_INT(m->invalid, 0);
	CHECK_INT(m->orphan, 0);
	int teams = m->units - 3;
	CHECK(m->people / teams >= 8 && m->people / teams <= 15);
	done(m);
}

T_MAIN("demo")
