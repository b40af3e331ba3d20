/* The access rules, as a table: who may read and change which objective.
 * Units: 1 company > 2 direction > {3 team A, 4 team B}. People: 10 admin,
 * 11 hr, 12 manager of team A, 13 manager of team B, 14 and 15 members of team
 * A, 16 member of team B. Objective 100 is strategic (company), 101
 * operational (direction), 102/103 collective (teams A/B), 104/105 individual
 * (members 14/15), 106 individual (member 16), 107 individual of manager 12. */
#include "t.h"
#include "core/access.h"
#include "core/cascade.h"

static const id_t64 chain_a[] = { 1, 2, 3 }, chain_b[] = { 1, 2, 4 }, managed_a[] = { 3 },
		    managed_b[] = { 4 }, above_14[] = { 100, 101, 102 }, above_16[] = { 100, 101, 103 };

static struct principal who(id_t64 id)
{
	struct principal p = { 1, id, 3, ROLE_MEMBER, { 0, 0 }, { chain_a, 3 }, { 0, 0 } };
	switch (id) {
	case 10: p.role = ROLE_ADMIN; p.unit_id = 1; break;
	case 11: p.role = ROLE_HR; p.unit_id = 1; break;
	case 12: p.role = ROLE_MANAGER; p.managed = (struct idset){ managed_a, 1 };
		 p.above = (struct idset){ above_14, 3 }; break;
	case 13: p.role = ROLE_MANAGER; p.unit_id = 4; p.chain = (struct idset){ chain_b, 3 };
		 p.managed = (struct idset){ managed_b, 1 };
		 p.above = (struct idset){ above_16, 3 }; break;
	case 14: case 15: p.above = (struct idset){ above_14, 3 }; break;
	case 16: p.unit_id = 4; p.chain = (struct idset){ chain_b, 3 };
		 p.above = (struct idset){ above_16, 3 }; break;
	case 99: p.org_id = 2; p.role = ROLE_ADMIN; break;  /* another organisation */
	}
	return p;
}

static struct objective obj(id_t64 id)
{
	struct objective o;
	objective_init(&o);
	o.id = id;
	o.org_id = 1;
	o.status = ST_AGREED;
	switch (id) {
	case 100: o.owner_unit_id = o.scope_unit_id = 1; break;
	case 101: o.owner_unit_id = o.scope_unit_id = 2; break;
	case 102: o.owner_unit_id = o.scope_unit_id = 3; break;
	case 103: o.owner_unit_id = o.scope_unit_id = 4; break;
	case 104: o.owner_person_id = 14; o.scope_unit_id = 3; break;
	case 105: o.owner_person_id = 15; o.scope_unit_id = 3; break;
	case 106: o.owner_person_id = 16; o.scope_unit_id = 4; break;
	case 107: o.owner_person_id = 12; o.scope_unit_id = 3; break;
	}
	return o;
}

/* R = may read, W = may read and change, - = neither */
static const struct { id_t64 person; const char *row; } matrix[] = {
	/*            100 101 102 103 104 105 106 107 */
	{ 10, "WWWWWWWW" },
	{ 11, "RRRRRRRR" },
	{ 12, "RRW-WW-R" },
	{ 13, "RR-W--W-" },
	{ 14, "RRR-R---" },
	{ 15, "RRR--R--" },
	{ 16, "RR-R--R-" },
	{ 99, "--------" },
};

TEST("the access matrix over the cascade holds for every role")
{
	for (size_t i = 0; i < sizeof(matrix) / sizeof(matrix[0]); i++) {
		struct principal p = who(matrix[i].person);
		for (int k = 0; k < 8; k++) {
			struct objective o = obj(100 + k);
			char want = matrix[i].row[k];
			bool r = access_objective_read(&p, &o), w = access_objective_write(&p, &o);
			char got = w && r ? 'W' : r ? 'R' : w ? '?' : '-';
			if (got != want)
				fprintf(stderr, "    person %lld objective %d: got %c, want %c\n",
					(long long)matrix[i].person, 100 + k, got, want);
			CHECK(got == want);
		}
	}
}

/* C = may check in on it (write a check-in), - = may not */
static const struct { id_t64 person; const char *row; } checkins[] = {
	/*            100 101 102 103 104 105 106 107 */
	{ 10, "CCCCCCCC" },
	{ 11, "--------" },  /* hr reads, writes nothing */
	{ 12, "--C-CC-C" },  /* their team's, and their own (107) */
	{ 13, "---C--C-" },
	{ 14, "----C---" },  /* one's own, whatever its status */
	{ 15, "-----C--" },
	{ 16, "------C-" },
	{ 99, "--------" },
};

TEST("check-ins: the owner, a manager of the scope, an admin")
{
	for (size_t i = 0; i < sizeof(checkins) / sizeof(checkins[0]); i++) {
		struct principal p = who(checkins[i].person);
		for (int k = 0; k < 8; k++) {
			struct objective o = obj(100 + k);
			char got = access_checkin_write(&p, &o) ? 'C' : '-';
			if (got != checkins[i].row[k])
				fprintf(stderr, "    person %lld objective %d: got %c, want %c\n",
					(long long)checkins[i].person, 100 + k, got, checkins[i].row[k]);
			CHECK(got == checkins[i].row[k]);
			/* whoever may check in may read */
			CHECK(got == '-' || access_objective_read(&p, &o));
		}
	}
}

TEST("a member changes their own objective only while draft or proposed")
{
	struct principal p = who(14);
	struct objective o = obj(104);
	o.status = ST_DRAFT;
	CHECK(access_objective_write(&p, &o));
	o.status = ST_PROPOSED;
	CHECK(access_objective_write(&p, &o));
	o.status = ST_ACHIEVED;
	CHECK(!access_objective_write(&p, &o));
}

TEST("people: a manager sees and staffs their units, never hands out admin")
{
	struct principal m = who(12);
	struct person x = { 14, 1, 3, 12, "Léa", "lea@x.fr", "", ROLE_MEMBER, DAY_NONE, true };
	CHECK(access_person_read(&m, &x));
	CHECK(access_person_write(&m, &x));
	x.role = ROLE_ADMIN;
	CHECK(!access_person_write(&m, &x));
	x.role = ROLE_MEMBER;
	x.unit_id = 4;
	CHECK(!access_person_read(&m, &x));
	struct principal mem = who(15);
	x.unit_id = 3;
	CHECK(!access_person_read(&mem, &x));
	struct principal hr = who(11);
	CHECK(access_person_read(&hr, &x));
	CHECK(!access_person_write(&hr, &x));
	struct principal stranger = who(99);
	CHECK(!access_person_read(&stranger, &x));
}

TEST("units: a manager creates units only under a unit they manage")
{
	struct principal m = who(12);
	struct unit u = { 0, 1, 3, 0, "Cellule", UNIT_TEAM, SERVICE_NONE };
	CHECK(access_unit_write(&m, &u));
	u.parent_id = 2;
	CHECK(!access_unit_write(&m, &u));
	CHECK(access_org_write(&(struct principal){ .org_id = 1, .role = ROLE_ADMIN }));
	CHECK(!access_org_write(&m));
}

static int parent_table(void *ctx, id_t64 id, id_t64 *parent)
{
	const id_t64 *parents = ctx;  /* parents[id] */
	if (id < 0 || id > 6)
		return -1;
	*parent = parents[id];
	return 0;
}

TEST("linking an objective under its own descendant is a cycle")
{
	/* 1 <- 2 <- 3 <- 4; 5 alone */
	id_t64 parents[7] = { 0, 0, 1, 2, 3, 0, 0 };
	CHECK_INT(cascade_would_cycle(2, 4, parent_table, parents, 100), 1);
	CHECK_INT(cascade_would_cycle(1, 1, parent_table, parents, 100), 1);
	CHECK_INT(cascade_would_cycle(5, 4, parent_table, parents, 100), 0);
	CHECK_INT(cascade_would_cycle(4, 5, parent_table, parents, 100), 0);
	CHECK_INT(cascade_would_cycle(4, 6, parent_table, parents, 100), 0);
	CHECK_INT(cascade_would_cycle(4, 9, parent_table, parents, 100), -1);
}

TEST("the cascade lists children in id order under their parent")
{
	struct objective v[5];
	for (int i = 0; i < 5; i++) {
		objective_init(&v[i]);
		v[i].id = i + 1;
	}
	v[1].parent_id = 1;
	v[2].parent_id = 1;
	v[3].parent_id = 2;
	v[4].parent_id = 42;  /* parent outside the set: a root here */
	struct arena a;
	arena_init(&a);
	struct cascade c;
	cascade_build(&c, v, 5, &a);
	CHECK_INT(c.first_child[0], 1);
	CHECK_INT(c.next_sibling[1], 2);
	CHECK_INT(c.first_child[1], 3);
	CHECK_INT(cascade_find(&c, 5), 4);
	CHECK(cascade_find(&c, 6) == SIZE_MAX);
	arena_free(&a);
}

T_MAIN("access")
