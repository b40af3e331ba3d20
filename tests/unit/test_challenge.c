/* Challenges, the pure part: names of modes, visibility and leagues, who may
 * see, create, close and re-run a challenge, and the rule in words (fr/en). */
#include "t.h"
#include "core/challenge.h"

static struct principal who(enum role role, id_t64 person, const id_t64 *managed, size_t nm)
{
	struct principal p;
	memset(&p, 0, sizeof(p));
	p.org_id = 1;
	p.person_id = person;
	p.role = role;
	p.managed.v = managed;
	p.managed.n = nm;
	return p;
}

TEST("mode, visibility and league names read back, unknown ones are refused")
{
	CHECK_INT(ch_mode_parse("team"), CH_TEAM);
	CHECK_STR(ch_mode_name(CH_INDIVIDUAL), "individual");
	CHECK_INT(ch_vis_parse("managers"), VIS_MANAGERS);
	CHECK_STR(ch_vis_name(VIS_PARTICIPANTS), "participants");
	CHECK_INT(ch_league_parse("seniority"), LG_SENIORITY);
	CHECK_INT(ch_league_parse("age"), -1);
	CHECK_INT(ch_vis_parse(NULL), -1);
}

TEST("everyone: any member reads it; participants: only they, the creator and their managers")
{
	struct principal m = who(ROLE_MEMBER, 7, NULL, 0);
	CHECK(access_challenge_read(&m, VIS_EVERYONE, false, false, 1));
	CHECK(access_challenge_read(&m, VIS_PARTICIPANTS, true, false, 1));
	CHECK(!access_challenge_read(&m, VIS_PARTICIPANTS, false, false, 1));
	CHECK(access_challenge_read(&m, VIS_PARTICIPANTS, false, false, 7));  /* their own */
	CHECK(!access_challenge_read(&m, VIS_MANAGERS, true, false, 1));
	id_t64 units[] = { 3 };
	struct principal mg = who(ROLE_MANAGER, 8, units, 1);
	CHECK(access_challenge_read(&mg, VIS_MANAGERS, false, true, 1));
	CHECK(!access_challenge_read(&mg, VIS_MANAGERS, false, false, 1));
	struct principal hr = who(ROLE_HR, 9, NULL, 0);
	CHECK(access_challenge_read(&hr, VIS_MANAGERS, false, false, 1));
}

TEST("admins and managers create; a manager reaches only the units they manage")
{
	id_t64 units[] = { 3, 4 };
	struct principal mg = who(ROLE_MANAGER, 8, units, 2);
	struct principal ad = who(ROLE_ADMIN, 1, NULL, 0);
	struct principal hr = who(ROLE_HR, 9, NULL, 0);
	struct principal m = who(ROLE_MEMBER, 7, NULL, 0);
	CHECK(access_challenge_create(&ad) && access_challenge_create(&mg));
	CHECK(!access_challenge_create(&hr) && !access_challenge_create(&m));
	CHECK(access_challenge_reach_unit(&mg, 4));
	CHECK(!access_challenge_reach_unit(&mg, 5));
	CHECK(access_challenge_reach_unit(&ad, 5));
}

TEST("the admin or the creator closes; only an admin re-runs a frozen result")
{
	struct principal mg = who(ROLE_MANAGER, 8, NULL, 0);
	struct principal ad = who(ROLE_ADMIN, 1, NULL, 0);
	CHECK(access_challenge_close(&mg, 8));
	CHECK(!access_challenge_close(&mg, 2));
	CHECK(access_challenge_close(&ad, 2));
	CHECK(access_challenge_rerun(&ad));
	CHECK(!access_challenge_rerun(&mg));
}

TEST("the rule in words says what a score is, in French and in English")
{
	struct buf fr = BUF_INIT, en = BUF_INIT;
	challenge_rule_words(&fr, RANK_ATTAINMENT, CH_INDIVIDUAL, TEAM_AVG, true, true, LANG_FR);
	challenge_rule_words(&en, RANK_ATTAINMENT, CH_INDIVIDUAL, TEAM_AVG, true, true, LANG_EN);
	CHECK(strstr(fr.data, "propre objectif") != NULL);
	CHECK(strstr(fr.data, "moins vaut mieux") != NULL);
	CHECK(strstr(fr.data, "plafonné à 1,5") != NULL);
	CHECK(strstr(en.data, "own objective") != NULL);
	CHECK(strstr(en.data, "lower-is-better") != NULL);
	buf_free(&fr);
	buf_free(&en);
	struct buf t = BUF_INIT, one = BUF_INIT;
	challenge_rule_words(&t, RANK_RAW, CH_TEAM, TEAM_SUM, false, false, LANG_EN);
	CHECK(strstr(t.data, "sum of its members") != NULL);
	CHECK(strstr(t.data, "lower-is-better") == NULL);
	CHECK(strstr(t.data, "capped") == NULL);  /* one indicator: no cap to explain */
	challenge_tie_words(&one, LANG_FR);
	CHECK(strstr(one.data, "1, 1, 3") != NULL);
	buf_free(&t);
	buf_free(&one);
}

T_MAIN("challenge")
