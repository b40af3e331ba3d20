/* The organisation's and the indicators' use cases (src/app/org.c,
 * indicator.c) on a real SQLite file: every refusal writes nothing, every
 * change is audited with before and after, access is decided for a->me. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "t.h"
#include "app/indicator.h"
#include "app/org.h"

static char path[64];
static struct store *s;
static struct arena ar;
static struct app sys;          /* the system, as the CLI acts */
static struct org_init_result made;

static void open_fresh(void)
{
	snprintf(path, sizeof(path), "/tmp/cible-test-app-%d.db", (int)getpid());
	unlink(path);
	struct err e;
	err_clear(&e);
	s = store_open(path, &e);
	arena_init(&ar);
	app_system(&sys, s, 0, &ar);
	struct org_init_input in = { { ORG_NAME, "Verdier", NULL, NULL, NULL, NULL, NULL, false },
				     "admin@verdier.fr", "Pauline", "un mot de passe" };
	if (!s || app_org_init(&sys, &in, &made, &e))
		fprintf(stderr, "    setup: %s\n", e.code ? e.code : "store_open");
}

static void close_all(void)
{
	arena_free(&ar);
	store_close(s);
	char p[80];
	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

static size_t audit_total(void)
{
	struct audit_entry *v;
	size_t n, total = 0;
	struct err e;
	store_audit_list(s, made.org.id, NULL, 0, 1, 0, &ar, &v, &n, &total, &e);
	return total;
}

static const struct audit_entry *last_audit(void)
{
	struct audit_entry *v;
	size_t n, total;
	struct err e;
	if (store_audit_list(s, made.org.id, NULL, 0, 1, 0, &ar, &v, &n, &total, &e) || !n)
		return NULL;
	return &v[0];
}

static size_t people_total(void)
{
	struct person_filter f = { NULL, -1, 0, 0 };
	struct person *v;
	size_t n, total = 0;
	struct err e;
	store_person_list(s, made.org.id, &f, &ar, &v, &n, &total, &e);
	return n;
}

TEST("init makes the organisation, its company unit and its admin, audited as one entry")
{
	open_fresh();
	CHECK(made.org.id > 0);
	CHECK_INT(sys.me.org_id, made.org.id);
	CHECK_STR(made.org.locale, "fr");
	CHECK_INT(made.company.lead_id, made.admin.id);
	CHECK_INT(made.admin.unit_id, made.company.id);
	CHECK_INT(made.admin.role, ROLE_ADMIN);
	CHECK_INT(audit_total(), 1);
	const struct audit_entry *x = last_audit();
	CHECK(x && !strcmp(x->action, "init") && !x->before && x->after &&
	      strstr(x->after, "\"admin\":{") && strstr(x->after, "\"email\":\"admin@verdier.fr\""));
	close_all();
}

TEST("an implausible email, an unknown unit or a short password adds nobody and audits nothing")
{
	open_fresh();
	size_t people = people_total(), audits = audit_total();
	struct err e;
	struct person p;
	struct person_input in = { PERSON_NAME | PERSON_EMAIL, "Marie", "marie chez verdier", NULL,
				   NULL, 0, 0, NULL, true, NULL, NULL };
	err_clear(&e);
	CHECK_INT(app_person_create(&sys, &in, &p, &e), -1);
	CHECK_STR(e.code, "invalid_value");
	CHECK_STR(e.field, "email");
	in.email = "marie@verdier.fr";
	in.set |= PERSON_UNIT;
	in.unit_id = 999;
	err_clear(&e);
	CHECK_INT(app_person_create(&sys, &in, &p, &e), -1);
	CHECK_STR(e.code, "unknown_reference");
	CHECK_STR(e.field, "unit_id");
	/* the password is hashed after the person is written: the rollback undoes it */
	in.unit_id = made.company.id;
	in.set |= PERSON_PASSWORD;
	in.password = "court";
	err_clear(&e);
	CHECK_INT(app_person_create(&sys, &in, &p, &e), -1);
	CHECK_STR(e.code, "weak_password");
	CHECK_INT(people_total(), people);
	CHECK_INT(audit_total(), audits);
	close_all();
}

TEST("a change of role is audited with the person before and after")
{
	open_fresh();
	struct err e;
	err_clear(&e);
	struct person p, q;
	struct person_input in = { PERSON_NAME | PERSON_EMAIL | PERSON_UNIT, "Marie",
				   "marie@verdier.fr", NULL, NULL, made.company.id, 0, NULL, true,
				   NULL, NULL };
	CHECK_INT(app_person_create(&sys, &in, &p, &e), 0);
	struct person_input up = { PERSON_ROLE, NULL, NULL, NULL, "manager", 0, 0, NULL, true, NULL, NULL };
	CHECK_INT(app_person_update(&sys, p.id, &up, &q, &e), 0);
	CHECK_INT(q.role, ROLE_MANAGER);
	const struct audit_entry *x = last_audit();
	CHECK(x && !strcmp(x->action, "update") && x->entity_id == p.id);
	CHECK(x && x->before && strstr(x->before, "\"role\":\"member\""));
	CHECK(x && x->after && strstr(x->after, "\"role\":\"manager\""));
	up.role = "chef";
	CHECK_INT(app_person_update(&sys, p.id, &up, &q, &e), -1);
	CHECK_STR(e.field, "role");
	struct person_input self = { PERSON_MANAGER, NULL, NULL, NULL, NULL, 0, p.id, NULL, true,
				     NULL, NULL };
	CHECK_INT(app_person_update(&sys, p.id, &self, &q, &e), -1);
	CHECK_INT(e.status, 409);
	close_all();
}

TEST("a unit moved under its own subtree is a cycle; a manager cannot shape above their units")
{
	open_fresh();
	struct err e;
	err_clear(&e);
	struct unit dir, team, u;
	struct unit_input in = { UNIT_IN_NAME | UNIT_IN_KIND | UNIT_IN_PARENT, "Direction commerciale",
				 "direction", NULL, made.company.id, 0 };
	CHECK_INT(app_unit_create(&sys, &in, &dir, &e), 0);
	in.name = "Équipe PME";
	in.kind = "team";
	in.parent_id = dir.id;
	CHECK_INT(app_unit_create(&sys, &in, &team, &e), 0);
	struct unit_input move = { UNIT_IN_PARENT, NULL, NULL, NULL, team.id, 0 };
	CHECK_INT(app_unit_update(&sys, dir.id, &move, &u, &e), -1);
	CHECK_INT(e.status, 409);
	CHECK_STR(e.code, "cycle");
	in.kind = "escouade";
	CHECK_INT(app_unit_create(&sys, &in, &u, &e), -1);
	CHECK_STR(e.field, "kind");
	/* a manager of the team, not of the direction */
	struct app mgr = sys;
	id_t64 managed[] = { team.id };
	mgr.me.role = ROLE_MANAGER;
	mgr.me.person_id = made.admin.id;
	mgr.me.managed = (struct idset){ managed, 1 };
	size_t audits = audit_total();
	struct unit_input ren = { UNIT_IN_NAME, "Direction des ventes", NULL, NULL, 0, 0 };
	CHECK_INT(app_unit_update(&mgr, dir.id, &ren, &u, &e), -1);
	CHECK_INT(e.status, 403);
	struct org_input org = { ORG_AMBITION, NULL, NULL, NULL, "Tout", NULL, NULL, false };
	struct org o;
	CHECK_INT(app_org_update(&mgr, &org, &o, &e), -1);
	CHECK_INT(e.status, 403);
	CHECK_INT(audit_total(), audits);
	close_all();
}

TEST("the organisation's settings are checked whole and audited before and after")
{
	open_fresh();
	struct err e;
	err_clear(&e);
	struct org o;
	struct org_input bad = { ORG_LOCALE, NULL, "de", NULL, NULL, NULL, NULL, false };
	CHECK_INT(app_org_update(&sys, &bad, &o, &e), -1);
	CHECK_STR(e.field, "locale");
	struct org_input days = { ORG_WORKING_DAYS, NULL, NULL, NULL, NULL, "lun,mar", NULL, false };
	CHECK_INT(app_org_update(&sys, &days, &o, &e), -1);
	CHECK_STR(e.field, "working_days");
	struct org_input ok = { ORG_AMBITION | ORG_WORKING_DAYS, NULL, NULL, NULL, "Tout le Grand Ouest",
				"mon,tue,wed,thu,fri,sat", NULL, false };
	CHECK_INT(app_org_update(&sys, &ok, &o, &e), 0);
	const struct audit_entry *x = last_audit();
	CHECK(x && x->before && strstr(x->before, "\"working_days\":\"mon,tue,wed,thu,fri\""));
	CHECK(x && x->after && strstr(x->after, "\"ambition\":\"Tout le Grand Ouest\""));
	close_all();
}

TEST("an indicator's key and kind are checked; a change keeps what is not given")
{
	open_fresh();
	struct err e;
	err_clear(&e);
	struct mind m, m2;
	struct indicator_input in = { IND_KEY | IND_KIND | IND_EXPR | IND_NAME_FR, "Appels", "call",
				      "count()", NULL, "Appels", NULL };
	CHECK_INT(app_indicator_create(&sys, &in, &m, &e), -1);
	CHECK_STR(e.field, "key");
	in.key = "appels_pris";
	in.expr = "count(";
	CHECK_INT(app_indicator_create(&sys, &in, &m, &e), -1);
	CHECK(!strncmp(e.code, "ind_", 4));
	in.expr = "count()";
	CHECK_INT(app_indicator_create(&sys, &in, &m, &e), 0);
	CHECK_STR(m.row.name_en, "Appels");
	struct indicator_input up = { IND_EXPR, NULL, NULL, "sum(duree)", NULL, NULL, NULL };
	CHECK_INT(app_indicator_update(&sys, m.row.id, &up, &m2, &e), 0);
	CHECK_STR(m2.row.name_fr, "Appels");
	CHECK_STR(m2.row.key, "appels_pris");
	const struct audit_entry *x = last_audit();
	CHECK(x && x->before && strstr(x->before, "\"expr\":\"count()\""));
	CHECK(x && x->after && strstr(x->after, "\"expr\":\"sum(duree)\""));
	CHECK_INT(app_indicator_delete(&sys, m.row.id, &e), 0);
	x = last_audit();
	CHECK(x && !strcmp(x->action, "delete") && x->before && !x->after);
	close_all();
}

T_MAIN("app_org")
