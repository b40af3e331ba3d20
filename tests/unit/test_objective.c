/* The objective use cases (src/app/objective.c) on a real SQLite file, as the
 * CLI's system principal and as a member: the cascade's rules, the checks of
 * the plan, access, and that a refused operation writes nothing while an
 * accepted one writes its audit entry with before and after. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "t.h"
#include "app/objective.h"

static char path[64];
static struct store *s;
static struct arena arena;
static id_t64 org, company, alice, bob, carla, axis;

static void setup(void)
{
	snprintf(path, sizeof(path), "/tmp/cible-test-objective-%d.db", (int)getpid());
	unlink(path);
	struct err e;
	err_clear(&e);
	s = store_open(path, &e);
	arena_init(&arena);
	struct org o = { 0, "Essais", "fr", "EUR", "Être la référence", 0x1f, NULL, false };
	store_org_create(s, &o, &org, &e);
	struct unit u = { 0, org, 0, 0, "Essais", UNIT_COMPANY, SERVICE_OTHER };
	store_unit_create(s, &u, &company, &e);
	struct person p = { 0, org, company, 0, "Alice", "alice@essais.test", "", ROLE_MEMBER,
			    DAY_NONE, true };
	store_person_create(s, &p, &alice, &e);
	p.name = "Bob";
	p.email = "bob@essais.test";
	store_person_create(s, &p, &bob, &e);
	p.name = "Carla";
	p.email = "carla@essais.test";
	p.role = ROLE_ADMIN;
	store_person_create(s, &p, &carla, &e);
	struct axis x = { 0, org, "Satisfaction", "", 1 };
	store_axis_create(s, &x, &axis, &e);
}

static void teardown(void)
{
	store_close(s);
	arena_free(&arena);
	char p[80];
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

static size_t audit_count(id_t64 id)
{
	struct audit_entry *v;
	size_t n, total = 0;
	struct err e;
	store_audit_list(s, org, "objective", id, 100, 0, &arena, &v, &n, &total, &e);
	return total;
}

static struct objective_input draft(enum level level, id_t64 parent)
{
	struct objective_input in;
	memset(&in, 0, sizeof(in));
	in.set = OF_LEVEL | OF_TITLE | OF_OWNER_UNIT | OF_PARENT | OF_AXIS;
	in.level = level;
	in.title = "Réduire le délai de réponse";
	in.owner_unit_id = company;
	in.parent_id = parent;
	in.axis_id = parent ? 0 : axis;
	return in;
}

TEST("create writes the objective and its audit entry (after, no before) in one go")
{
	setup();
	struct app a;
	app_system(&a, s, org, &arena);
	struct objective_input in = draft(LEVEL_STRATEGIC, 0);
	struct objective o;
	struct err e;
	err_clear(&e);
	CHECK_INT(app_objective_create(&a, &in, &o, &e), 0);
	CHECK(o.id > 0);
	CHECK_INT(o.created_at, a.clock.now);
	struct audit_entry *v;
	size_t n, total;
	store_audit_list(s, org, "objective", o.id, 10, 0, &arena, &v, &n, &total, &e);
	CHECK_INT(n, 1);
	if (n) {
		CHECK_STR(v[0].action, "create");
		CHECK(v[0].before == NULL);
		CHECK(v[0].after && strstr(v[0].after, "\"title\":\"Réduire le délai de réponse\""));
	}
	teardown();
}

TEST("update keeps before and after in the audit; cancel is audited as cancel")
{
	setup();
	struct app a;
	app_system(&a, s, org, &arena);
	struct objective_input in = draft(LEVEL_STRATEGIC, 0);
	struct objective o, u, c;
	struct err e;
	err_clear(&e);
	app_objective_create(&a, &in, &o, &e);
	struct objective_input ch;
	memset(&ch, 0, sizeof(ch));
	ch.set = OF_TITLE;
	ch.title = "Répondre en moins de 20 s";
	CHECK_INT(app_objective_update(&a, o.id, &ch, &u, &e), 0);
	CHECK_STR(u.title, "Répondre en moins de 20 s");
	CHECK_INT(app_objective_cancel(&a, o.id, NULL, &c, &e), 0);
	CHECK_INT(c.status, ST_CANCELLED);
	struct audit_entry *v;
	size_t n, total;
	store_audit_list(s, org, "objective", o.id, 10, 0, &arena, &v, &n, &total, &e);
	CHECK_INT(n, 3);
	int seen = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].action, "update")) {
			seen = 1;
			CHECK(v[i].before && strstr(v[i].before, "Réduire le délai"));
			CHECK(v[i].after && strstr(v[i].after, "moins de 20 s"));
		}
	CHECK(seen);
	teardown();
}

TEST("a level that does not fit under the parent's, or a cancelled parent, is refused and writes nothing")
{
	setup();
	struct app a;
	app_system(&a, s, org, &arena);
	struct objective_input in = draft(LEVEL_COLLECTIVE, 0);
	struct objective top, kid;
	struct err e;
	err_clear(&e);
	app_objective_create(&a, &in, &top, &e);
	struct objective_input under = draft(LEVEL_OPERATIONAL, top.id);
	CHECK_INT(app_objective_create(&a, &under, &kid, &e), -1);
	CHECK_STR(e.code, "invalid_value");
	CHECK_STR(e.field, "level");
	struct objective dummy;
	struct objective_input ok = draft(LEVEL_INDIVIDUAL, top.id);
	ok.set |= OF_OWNER_PERSON;
	ok.owner_person_id = alice;
	ok.owner_unit_id = 0;
	app_objective_cancel(&a, top.id, NULL, &dummy, &e);
	err_clear(&e);
	CHECK_INT(app_objective_create(&a, &ok, &kid, &e), -1);
	CHECK_STR(e.code, "invalid_value");
	CHECK_STR(e.field, "parent_id");
	struct objective *v;
	size_t n;
	store_objective_list(s, org, NULL, &arena, &v, &n, NULL, &e);
	CHECK_INT(n, 1);
	teardown();
}

TEST("a parent that would make a cycle is a 409 and the stored parent stays")
{
	setup();
	struct app a;
	app_system(&a, s, org, &arena);
	struct objective_input in = draft(LEVEL_OPERATIONAL, 0);
	struct objective p, c, after;
	struct err e;
	err_clear(&e);
	app_objective_create(&a, &in, &p, &e);
	struct objective_input kid = draft(LEVEL_OPERATIONAL, p.id);
	CHECK_INT(app_objective_create(&a, &kid, &c, &e), 0);
	size_t before = audit_count(p.id);
	struct objective_input loop;
	memset(&loop, 0, sizeof(loop));
	loop.set = OF_PARENT;
	loop.parent_id = c.id;
	CHECK_INT(app_objective_update(&a, p.id, &loop, &after, &e), -1);
	CHECK_INT(e.status, 409);
	CHECK_STR(e.code, "cycle");
	struct objective stored;
	store_objective_get(s, org, p.id, &arena, &stored, &e);
	CHECK_INT(stored.parent_id, 0);
	CHECK_INT(audit_count(p.id), before);
	teardown();
}

TEST("the plan is checked step by step, with the API's field names")
{
	setup();
	struct app a;
	app_system(&a, s, org, &arena);
	struct objective_input in = draft(LEVEL_STRATEGIC, 0);
	struct objective o;
	struct err e;
	err_clear(&e);
	in.set |= OF_PLAN;
	in.plan_json = "[{\"title\":\"Former l'équipe\",\"due\":\"2026-02-30\"}]";
	CHECK_INT(app_objective_create(&a, &in, &o, &e), -1);
	CHECK_STR(e.code, "invalid_date");
	CHECK_STR(e.field, "plan[0].due");
	err_clear(&e);
	in.plan_json = "[{\"title\":\"x\"},{\"done\":true}]";
	CHECK_INT(app_objective_create(&a, &in, &o, &e), -1);
	CHECK_STR(e.code, "missing_field");
	CHECK_STR(e.field, "plan[1].title");
	err_clear(&e);
	in.plan_json = "[{\"title\":\"x\",\"owner\":\"me\"}]";
	CHECK_INT(app_objective_create(&a, &in, &o, &e), -1);
	CHECK_STR(e.code, "unknown_field");
	CHECK_STR(e.field, "plan[0].owner");
	err_clear(&e);
	in.set |= OF_BUDGET;
	in.has_budget = true;
	in.budget = -5;
	in.plan_json = "[]";
	CHECK_INT(app_objective_create(&a, &in, &o, &e), -1);
	CHECK_STR(e.field, "means.budget");
	teardown();
}

TEST("a member may not set an objective for someone else, nor check in on it")
{
	setup();
	struct app sys, me;
	app_system(&sys, s, org, &arena);
	me = sys;
	memset(&me.me, 0, sizeof(me.me));
	me.me.org_id = org;
	me.me.person_id = alice;
	me.me.unit_id = company;
	me.me.role = ROLE_MEMBER;
	struct objective o;
	struct err e;
	err_clear(&e);
	struct objective_input theirs = draft(LEVEL_INDIVIDUAL, 0);
	theirs.set |= OF_OWNER_PERSON;
	theirs.owner_person_id = bob;
	theirs.owner_unit_id = 0;
	CHECK_INT(app_objective_create(&me, &theirs, &o, &e), -1);
	CHECK_INT(e.status, 403);
	CHECK_INT(app_objective_create(&sys, &theirs, &o, &e), 0);
	struct checkin_input ck = { "Ça avance", "on_track", NULL, NULL, false, 0 };
	struct checkin c;
	err_clear(&e);
	CHECK_INT(app_checkin_create(&me, o.id, &ck, &c, &e), -1);
	CHECK(e.status == 403 || e.status == 404);
	teardown();
}

TEST("a check-in needs a comment and a known confidence, and is dated on the app's clock")
{
	setup();
	struct app a;
	app_system(&a, s, org, &arena);
	a.me.person_id = carla;  /* a check-in has an author */
	struct objective_input in = draft(LEVEL_STRATEGIC, 0);
	struct objective o;
	struct err e;
	err_clear(&e);
	app_objective_create(&a, &in, &o, &e);
	struct checkin c;
	struct checkin_input blank = { "  \n", "", NULL, NULL, false, 0 };
	CHECK_INT(app_checkin_create(&a, o.id, &blank, &c, &e), -1);
	CHECK_STR(e.field, "comment");
	struct checkin_input odd = { "Point d'étape", "sure", NULL, NULL, false, 0 };
	err_clear(&e);
	CHECK_INT(app_checkin_create(&a, o.id, &odd, &c, &e), -1);
	CHECK_STR(e.field, "confidence");
	a.clock = app_clock_on(a.clock, 22000);
	struct checkin_input fine = { "Point d'étape", "at_risk", NULL, NULL, false, 0 };
	err_clear(&e);
	CHECK_INT(app_checkin_create(&a, o.id, &fine, &c, &e), 0);
	CHECK_INT(c.created_at / 86400, 22000);
	CHECK_INT(c.confidence, CONF_AT_RISK);
	teardown();
}

T_MAIN("objective")
