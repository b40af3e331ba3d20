/* Validation rules of the cascade's entities. */
#include <string.h>
#include "t.h"
#include "core/model.h"

static struct objective valid(void)
{
	struct objective o;
	objective_init(&o);
	o.title = "Augmenter le taux de décroché de 80 % à 90 % au T1 2027";
	o.level = LEVEL_INDIVIDUAL;
	o.owner_person_id = 7;
	o.parent_id = 3;
	o.has_baseline = o.has_target = true;
	o.baseline = 80;
	o.target = 90;
	o.start = date_from_ymd(2027, 1, 1);
	o.due = date_from_ymd(2027, 3, 31);
	return o;
}

TEST("a complete individual objective is valid")
{
	struct objective o = valid();
	struct err e;
	err_clear(&e);
	CHECK_INT(objective_validate(&o, &e), 0);
}

TEST("a due date before the start is refused on the due field")
{
	struct objective o = valid();
	struct err e;
	o.due = o.start - 1;
	CHECK_INT(objective_validate(&o, &e), -1);
	CHECK_STR(e.code, "due_before_start");
	CHECK_STR(e.field, "due");
	CHECK_INT(e.status, 422);
}

TEST("a target of the wrong sign for the direction is refused")
{
	struct objective o = valid();
	struct err e;
	o.direction = DIR_DECREASE;
	CHECK_INT(objective_validate(&o, &e), -1);
	CHECK_STR(e.code, "target_direction");
	o.direction = DIR_INCREASE;
	o.target = 70;
	CHECK_INT(objective_validate(&o, &e), -1);
	o.direction = DIR_STAY_ABOVE;
	CHECK_INT(objective_validate(&o, &e), 0);
}

TEST("an objective has exactly one owner, of the kind its level needs")
{
	struct objective o = valid();
	struct err e;
	o.owner_unit_id = 2;
	CHECK_INT(objective_validate(&o, &e), -1);
	CHECK_STR(e.code, "owner_required");
	o.owner_person_id = 0;
	CHECK_INT(objective_validate(&o, &e), -1);
	o.level = LEVEL_COLLECTIVE;
	CHECK_INT(objective_validate(&o, &e), 0);
}

TEST("an objective links to a parent or an axis, and never to itself")
{
	struct objective o = valid();
	struct err e;
	o.parent_id = 0;
	CHECK_INT(objective_validate(&o, &e), -1);
	CHECK_STR(e.code, "parent_required");
	o.parent_id = 9;
	o.id = 9;
	CHECK_INT(objective_validate(&o, &e), -1);
	CHECK_STR(e.code, "cycle");
}

TEST("weight and confidence stay in range")
{
	struct objective o = valid();
	struct err e;
	o.weight = 0;
	CHECK_INT(objective_validate(&o, &e), -1);
	CHECK_STR(e.field, "weight");
	o.weight = 2;
	o.confidence = 1.5;
	CHECK_INT(objective_validate(&o, &e), -1);
	CHECK_STR(e.field, "confidence");
	o.confidence = 0.7;
	CHECK_INT(objective_validate(&o, &e), 0);
}

TEST("enumerations round-trip through their API names")
{
	for (int i = 0; i < DIR__COUNT; i++)
		CHECK_INT(direction_parse(direction_name(i)), i);
	for (int i = 0; i < ST__COUNT; i++)
		CHECK_INT(status_parse(status_name(i)), i);
	CHECK_INT(service_type_parse("call_centre"), SERVICE_CALL_CENTRE);
	CHECK_INT(level_parse("nope"), -1);
	CHECK_INT(role_parse(NULL), -1);
}

TEST("status changes follow the life of an objective")
{
	CHECK(status_transition_allowed(ST_DRAFT, ST_PROPOSED));
	CHECK(status_transition_allowed(ST_AGREED, ST_ACHIEVED));
	CHECK(!status_transition_allowed(ST_DRAFT, ST_ACHIEVED));
	CHECK(!status_transition_allowed(ST_CANCELLED, ST_AGREED));
}

TEST("working days parse from names and format back")
{
	unsigned m;
	CHECK_INT(working_days_parse("mon,tue,wed,thu,fri", &m), 0);
	CHECK_INT(m, 0x1f);
	struct buf b = BUF_INIT;
	working_days_format(m | 0x20, &b);
	CHECK_STR(b.data, "mon,tue,wed,thu,fri,sat");
	buf_free(&b);
	CHECK_INT(working_days_parse("lun", &m), -1);
	CHECK_INT(working_days_parse("", &m), -1);
}

TEST("an e-mail address needs one @, a dot after it, and no space or angle bracket")
{
	CHECK(email_plausible("marie.dupont@exemple.fr"));
	CHECK(email_plausible("a@b.c"));
	CHECK(!email_plausible("pas-une-adresse"));
	CHECK(!email_plausible("@exemple.fr"));
	CHECK(!email_plausible("marie@exemple"));
	CHECK(!email_plausible("marie@a@exemple.fr"));
	CHECK(!email_plausible("marie dupont@exemple.fr"));
	CHECK(!email_plausible("<marie@exemple.fr>"));
	char long_addr[300];
	memset(long_addr, 'a', sizeof(long_addr));
	memcpy(long_addr + 250, "@x.fr", 6);
	CHECK(!email_plausible(long_addr));
}

TEST("an indicator key is 1 to 40 lower-case letters, digits or _; a kind 1 to 32")
{
	CHECK(indicator_key_ok("calls_handled_2"));
	CHECK(!indicator_key_ok(""));
	CHECK(!indicator_key_ok("Calls"));
	CHECK(!indicator_key_ok("appels-traités"));
	CHECK(!indicator_key_ok("a b"));
	CHECK(indicator_key_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));   /* 40 */
	CHECK(!indicator_key_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")); /* 41 */
	CHECK(activity_kind_ok("call"));
	CHECK(activity_kind_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));   /* 32 */
	CHECK(!activity_kind_ok("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")); /* 33 */
	CHECK(!activity_kind_ok("call\",\"x\":\"1"));
	CHECK(!activity_kind_ok(""));
}

T_MAIN("model")
