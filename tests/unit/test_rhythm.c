/* Cadences, the next check-in due, who reads private exchanges
 * (core/rhythm.h), and the organisation's day in its time zone. */
#include "t.h"
#include "app/rhythm.h"
#include "core/rhythm.h"

#define D(y, m, d) date_from_ymd(y, m, d)

TEST("cadence names parse both ways and nothing else is one")
{
	for (int c = 0; c < CAD__COUNT; c++)
		CHECK_INT(cadence_parse(cadence_name((enum cadence)c)), c);
	CHECK_INT(cadence_parse("daily"), -1);
	CHECK_INT(cadence_parse("Weekly"), -1);
	CHECK_INT(cadence_parse(NULL), -1);
	CHECK_INT(cadence_scope_parse("objective"), CS_OBJECTIVE);
	CHECK_INT(cadence_scope_parse("team"), -1);
}

TEST("the next check-in: a week, two weeks, or the same day next month (its last day when shorter)")
{
	CHECK_INT(cadence_next(D(2026, 12, 3), CAD_WEEKLY), D(2026, 12, 10));
	CHECK_INT(cadence_next(D(2026, 12, 3), CAD_BIWEEKLY), D(2026, 12, 17));
	CHECK_INT(cadence_next(D(2026, 12, 3), CAD_MONTHLY), D(2027, 1, 3));
	CHECK_INT(cadence_next(D(2027, 1, 31), CAD_MONTHLY), D(2027, 2, 28));
}

TEST("the nearest setting wins: objective, person, the nearest unit up, organisation, else weekly")
{
	struct cadence_setting v[] = {
		{ CS_ORG, 0, CAD_MONTHLY }, { CS_UNIT, 2, CAD_BIWEEKLY }, { CS_UNIT, 5, CAD_WEEKLY },
		{ CS_PERSON, 7, CAD_WEEKLY }, { CS_OBJECTIVE, 40, CAD_MONTHLY },
	};
	id_t64 chain[] = { 9, 5, 2, 1 };   /* team 9 under 5 under 2 under the company */
	enum cadence_scope from;
	CHECK_INT(cadence_resolve(v, 5, 40, 7, chain, 4, &from), CAD_MONTHLY);
	CHECK_INT(from, CS_OBJECTIVE);
	CHECK_INT(cadence_resolve(v, 5, 41, 7, chain, 4, &from), CAD_WEEKLY);
	CHECK_INT(from, CS_PERSON);
	CHECK_INT(cadence_resolve(v, 5, 41, 8, chain, 4, &from), CAD_WEEKLY);   /* unit 5, nearer than 2 */
	CHECK_INT(from, CS_UNIT);
	CHECK_INT(cadence_resolve(v, 5, 41, 8, chain + 2, 2, &from), CAD_BIWEEKLY);
	CHECK_INT(cadence_resolve(v, 5, 41, 8, chain + 3, 1, &from), CAD_MONTHLY);
	CHECK_INT(from, CS_ORG);
	CHECK_INT(cadence_resolve(v + 1, 0, 41, 8, chain, 4, &from), CAD_WEEKLY);
	CHECK_INT(from, CS__COUNT);
}

TEST("late when today is past the due day; nothing expected before the start or after the end")
{
	struct rhythm_state st;
	day_t start = D(2026, 11, 1), end = D(2027, 3, 31);
	rhythm_state_of(D(2026, 12, 3), start, end, DAY_NONE, D(2026, 11, 26), CAD_WEEKLY, &st);
	CHECK(st.expected && !st.late);                     /* due the 3rd: today is fine */
	CHECK_INT(st.due, D(2026, 12, 3));
	rhythm_state_of(D(2026, 12, 4), start, end, DAY_NONE, D(2026, 11, 26), CAD_WEEKLY, &st);
	CHECK(st.late);
	CHECK_INT(st.days_late, 1);
	rhythm_state_of(D(2026, 12, 4), start, end, DAY_NONE, D(2026, 11, 26), CAD_BIWEEKLY, &st);
	CHECK(!st.late);
	/* never checked in: a period after the start */
	rhythm_state_of(D(2026, 12, 3), start, end, DAY_NONE, DAY_NONE, CAD_WEEKLY, &st);
	CHECK_INT(st.due, D(2026, 11, 8));
	CHECK_INT(st.days_late, 25);
	rhythm_state_of(D(2026, 10, 3), start, end, DAY_NONE, DAY_NONE, CAD_WEEKLY, &st);
	CHECK(!st.expected && !st.late);
	rhythm_state_of(D(2027, 4, 3), start, end, DAY_NONE, DAY_NONE, CAD_WEEKLY, &st);
	CHECK(!st.expected);
	/* no start: from its creation */
	rhythm_state_of(D(2026, 12, 3), DAY_NONE, DAY_NONE, D(2026, 12, 1), DAY_NONE, CAD_WEEKLY, &st);
	CHECK_INT(st.due, D(2026, 12, 8));
}

TEST("private exchanges: the two, hr, an admin only when the organisation says so")
{
	struct principal p;
	memset(&p, 0, sizeof(p));
	p.org_id = 1;
	p.person_id = 3;
	p.role = ROLE_MEMBER;
	CHECK(access_private_read(&p, 3, 4, false));
	CHECK(access_private_read(&p, 4, 3, false));
	CHECK(!access_private_read(&p, 4, 5, true));
	p.role = ROLE_MANAGER;
	CHECK(!access_private_read(&p, 4, 5, true));     /* another team's manager */
	p.role = ROLE_HR;
	CHECK(access_private_read(&p, 4, 5, false));
	p.role = ROLE_ADMIN;
	CHECK(!access_private_read(&p, 4, 5, false));
	CHECK(access_private_read(&p, 4, 5, true));
	p.person_id = 0;                                  /* the system */
	CHECK(!access_private_read(&p, 0, 5, false));
}

TEST("the organisation's day in its time zone, and only known zones")
{
	/* 2026-12-03 23:30 UTC is the 4th in Paris, the 3rd in New York and UTC */
	int64_t t = (int64_t)D(2026, 12, 3) * 86400 + 23 * 3600 + 1800;
	CHECK_INT(app_local_day("Europe/Paris", t), D(2026, 12, 4));
	CHECK_INT(app_local_day("UTC", t), D(2026, 12, 3));
	CHECK_INT(app_local_day("America/New_York", t), D(2026, 12, 3));
	/* summer time: 22:30 UTC on 1 July is already the 2nd in Paris */
	int64_t s = (int64_t)D(2026, 7, 1) * 86400 + 22 * 3600 + 1800;
	CHECK_INT(app_local_day("Europe/Paris", s), D(2026, 7, 2));
	CHECK(app_time_zone_ok("Europe/Paris"));
	CHECK(app_time_zone_ok("UTC"));
	CHECK(!app_time_zone_ok("Mars/Olympus"));
	CHECK(!app_time_zone_ok("../../etc/passwd"));
	CHECK(!app_time_zone_ok("/etc/passwd"));
	CHECK(!app_time_zone_ok(""));
	CHECK(!app_time_zone_ok("Europe"));               /* a directory, not a zone */
}

T_MAIN("rhythm")
