/* The pure rules of a negotiation: bounds, sides, which move may come next. */
#include <string.h>
#include "t.h"
#include "core/negotiation.h"

static struct move mv(int round, int seq, enum move_kind k, enum side s, double target)
{
	struct move m;
	memset(&m, 0, sizeof(m));
	m.round = round;
	m.seq = seq;
	m.kind = k;
	m.side = s;
	m.t.has_target = true;
	m.t.target = target;
	m.t.start = m.t.due = DAY_NONE;
	m.t.budget = m.t.time_hours = -1;
	m.low = target * 0.9;
	m.high = target * 1.1;
	return m;
}

TEST("shares of the proposal give absolute bounds; a negative target keeps low below high")
{
	struct bounds_input in = { true, true, 90, 110 };
	double lo, hi;
	struct err e;
	CHECK_INT(bounds_resolve(&in, 73, &lo, &hi, &e), 0);
	CHECK(lo > 65.69 && lo < 65.71 && hi > 80.29 && hi < 80.31);
	CHECK_INT(bounds_resolve(&in, -10, &lo, &hi, &e), 0);
	CHECK(lo < hi);
}

TEST("bounds that leave the proposal out are refused on the bound")
{
	struct bounds_input in = { true, false, 75, 80 };
	double lo, hi;
	struct err e;
	CHECK_INT(bounds_resolve(&in, 73, &lo, &hi, &e), -1);
	CHECK_STR(e.code, "bounds_exclude_target");
	CHECK_STR(e.field, "bounds.low");
	struct bounds_input pct = { true, true, 101, 110 };
	CHECK_INT(bounds_resolve(&pct, 73, &lo, &hi, &e), -1);
	CHECK_STR(e.field, "bounds.low_pct");
	struct bounds_input none = { false, false, 0, 0 };
	CHECK_INT(bounds_resolve(&none, 73, &lo, &hi, &e), -1);
	CHECK_STR(e.code, "missing_field");
}

TEST("a target outside the bounds names the bound it passes")
{
	struct err e;
	CHECK_INT(bounds_check(70, 65.7, 80.3, "target", &e), 0);
	CHECK_INT(bounds_check(90, 65.7, 80.3, "target", &e), -1);
	CHECK_STR(e.code, "out_of_bounds");
	CHECK_STR(e.variant, "out_of_bounds_high");
	CHECK_STR(e.arg[1], "80.3");
	CHECK_INT(bounds_check(60, 65.7, 80.3, "target", &e), -1);
	CHECK(e.variant == NULL);
	CHECK_STR(e.arg[1], "65.7");
}

TEST("a reopening re-applies shares, widens absolute bounds, or fixes the target")
{
	struct move prev = mv(1, 1, MV_PROPOSAL, SIDE_MANAGER, 73);
	double lo, hi;
	prev.has_pct = true;
	prev.pct_low = 90;
	prev.pct_high = 110;
	bounds_carry(&prev, 80, &lo, &hi);
	CHECK(lo > 71.99 && lo < 72.01 && hi > 87.99 && hi < 88.01);
	prev.has_pct = false;
	prev.low = 60;
	prev.high = 75;
	bounds_carry(&prev, 80, &lo, &hi);
	CHECK(lo == 60 && hi == 80);
	bounds_carry(NULL, 80, &lo, &hi);
	CHECK(lo == 80 && hi == 80);
}

TEST("means first: a target counter comes after a means counter in the same round")
{
	struct move v[3] = { mv(1, 1, MV_PROPOSAL, SIDE_MANAGER, 73),
			     mv(1, 2, MV_COUNTER_MEANS, SIDE_OWNER, 73),
			     mv(1, 3, MV_ACCEPT, SIDE_MANAGER, 73) };
	struct nego_state s;
	struct err e;
	nego_state_of(v, 1, &s);
	CHECK(s.open && s.offer == &v[0]);
	CHECK_INT(nego_move_check(&s, ST_PROPOSED, MV_COUNTER_TARGET, SIDE_OWNER, false, &e), -1);
	CHECK_STR(e.code, "means_first");
	nego_state_of(v, 2, &s);
	CHECK_INT(nego_move_check(&s, ST_PROPOSED, MV_COUNTER_TARGET, SIDE_OWNER, false, &e), 0);
	/* one's own offer is the other side's to accept */
	CHECK_INT(nego_move_check(&s, ST_PROPOSED, MV_ACCEPT, SIDE_OWNER, false, &e), -1);
	CHECK_STR(e.code, "own_offer");
	CHECK_INT(nego_move_check(&s, ST_PROPOSED, MV_ACCEPT, SIDE_MANAGER, false, &e), 0);
	nego_state_of(v, 3, &s);
	CHECK(!s.open && s.offer == NULL);
	CHECK_INT(nego_move_check(&s, ST_AGREED, MV_ACCEPT, SIDE_OWNER, false, &e), -1);
	CHECK_STR(e.code, "already_agreed");
	/* a new round forgets the last one's means counter */
	struct move w[4] = { v[0], v[1], v[2], mv(2, 1, MV_REOPEN, SIDE_MANAGER, 80) };
	nego_state_of(w, 4, &s);
	CHECK_INT(s.round, 2);
	CHECK(s.open && !s.means_countered);
}

TEST("who opens: a manager, or the owner of an objective they proposed; not twice, not when closed")
{
	struct nego_state s;
	struct err e;
	memset(&s, 0, sizeof(s));
	CHECK_INT(nego_move_check(&s, ST_DRAFT, MV_PROPOSAL, SIDE_MANAGER, false, &e), 0);
	CHECK_INT(nego_move_check(&s, ST_DRAFT, MV_PROPOSAL, SIDE_OWNER, true, &e), 0);
	CHECK_INT(nego_move_check(&s, ST_DRAFT, MV_PROPOSAL, SIDE_OWNER, false, &e), -1);
	CHECK_INT(e.status, 403);
	/* an agreed objective: either party reopens */
	CHECK_INT(nego_move_check(&s, ST_AGREED, MV_REOPEN, SIDE_OWNER, false, &e), 0);
	CHECK_INT(nego_move_check(&s, ST_CANCELLED, MV_PROPOSAL, SIDE_MANAGER, false, &e), -1);
	CHECK_STR(e.code, "invalid_status_change");
	CHECK_INT(nego_move_check(&s, ST_DRAFT, MV_ACCEPT, SIDE_OWNER, false, &e), -1);
	CHECK_STR(e.code, "no_open_round");
	struct move m = mv(1, 1, MV_PROPOSAL, SIDE_MANAGER, 73);
	nego_state_of(&m, 1, &s);
	CHECK_INT(nego_move_check(&s, ST_PROPOSED, MV_PROPOSAL, SIDE_MANAGER, false, &e), -1);
	CHECK_STR(e.code, "round_open");
}

TEST("the sides: the owner, a manager of the scope or an admin; hr and others none")
{
	id_t64 managed[] = { 5 };
	struct principal mgr = { 1, 10, 5, ROLE_MANAGER, { managed, 1 }, { NULL, 0 }, { NULL, 0 } };
	struct principal owner = { 1, 20, 5, ROLE_MEMBER, { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
	struct principal hr = { 1, 30, 1, ROLE_HR, { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
	struct principal other = { 1, 40, 5, ROLE_MEMBER, { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
	struct objective o;
	objective_init(&o);
	o.org_id = 1;
	o.owner_person_id = 20;
	o.scope_unit_id = 5;
	CHECK_INT(negotiation_side(&mgr, &o, 20), SIDE_MANAGER);
	CHECK_INT(negotiation_side(&owner, &o, 20), SIDE_OWNER);
	CHECK_INT(negotiation_side(&hr, &o, 20), SIDE_NONE);
	CHECK_INT(negotiation_side(&other, &o, 20), SIDE_NONE);
	/* a team's objective: its lead is the owner's side */
	CHECK_INT(negotiation_side(&mgr, &o, 10), SIDE_OWNER);
}

TEST("the locked terms that differ")
{
	struct move a = mv(1, 1, MV_PROPOSAL, SIDE_MANAGER, 73), b = a;
	CHECK_INT(terms_diff(&a.t, &b.t), 0);
	b.t.time_hours = 20;
	b.t.plan_json = "[]";
	CHECK_INT(terms_diff(&a.t, &b.t), TF_TIME_HOURS);
	b.t.target = 70;
	b.t.support = "";
	CHECK_INT(terms_diff(&a.t, &b.t), TF_TIME_HOURS | TF_TARGET);
}

T_MAIN("negotiation")
