/* Enumerations and pure validation of the cascade's entities. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/model.h"

static const char *const role_names[] = { "admin", "manager", "member", "hr" };
static const char *const kind_names[] = { "company", "direction", "service", "team" };
static const char *const service_names[] = { "none", "sales", "call_centre", "support",
					      "marketing", "other" };
static const char *const level_names[] = { "strategic", "operational", "collective",
					   "individual" };
static const char *const direction_names[] = { "increase", "decrease", "reach",
					       "stay_above", "stay_below" };
static const char *const status_names[] = { "draft", "proposed", "agreed", "achieved",
					    "missed", "cancelled" };

static int parse_in(const char *const *names, int n, const char *s)
{
	if (!s)
		return -1;
	for (int i = 0; i < n; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

#define ENUM_FNS(fn_name, fn_parse, type, names, count) \
	const char *fn_name(type v) \
	{ return (int)v >= 0 && (int)v < (count) ? names[v] : "?"; } \
	int fn_parse(const char *s) { return parse_in(names, (count), s); }

ENUM_FNS(role_name, role_parse, enum role, role_names, ROLE__COUNT)
ENUM_FNS(unit_kind_name, unit_kind_parse, enum unit_kind, kind_names, UNIT_KIND__COUNT)
ENUM_FNS(service_type_name, service_type_parse, enum service_type, service_names,
	 SERVICE__COUNT)
ENUM_FNS(level_name, level_parse, enum level, level_names, LEVEL__COUNT)
ENUM_FNS(direction_name, direction_parse, enum direction, direction_names, DIR__COUNT)
ENUM_FNS(status_name, status_parse, enum status, status_names, ST__COUNT)

static const char *const confidence_names[] = { "", "on_track", "at_risk", "off_track" };

const char *confidence_name(enum confidence c)
{
	return c > CONF_NONE && c < CONF__COUNT ? confidence_names[c] : NULL;
}

int confidence_parse(const char *s)
{
	int c = parse_in(confidence_names, CONF__COUNT, s);
	return c > CONF_NONE ? c : -1;
}

void objective_init(struct objective *o)
{
	memset(o, 0, sizeof(*o));
	o->level = LEVEL_INDIVIDUAL;
	o->direction = DIR_INCREASE;
	o->start = DAY_NONE;
	o->due = DAY_NONE;
	o->weight = 1.0;
	o->means_budget = -1;
	o->means_time_hours = -1;
	o->status = ST_DRAFT;
	o->confidence = -1;
	o->version = 1;
}

static int fmt_num(char *out, size_t n, double v)
{
	return snprintf(out, n, "%g", v);
}

int objective_validate(const struct objective *o, struct err *e)
{
	if (!o->title || !o->title[0])
		return err_set(e, 422, "missing_field", "title", "title", NULL);
	if (strlen(o->title) > 500)
		return err_set(e, 422, "invalid_value", "title", "title", "500 characters at most");
	if ((o->owner_person_id != 0) == (o->owner_unit_id != 0))
		return err_set(e, 422, "owner_required", "owner_person_id", NULL, NULL);
	if (o->level == LEVEL_INDIVIDUAL && !o->owner_person_id)
		return err_set(e, 422, "invalid_value", "owner_person_id", "owner_person_id",
			       "an individual objective is owned by a person");
	if (o->level != LEVEL_INDIVIDUAL && o->owner_person_id)
		return err_set(e, 422, "invalid_value", "owner_unit_id", "owner_unit_id",
			       "a strategic, operational or collective objective is owned by a unit");
	if (!o->parent_id && !o->axis_id)
		return err_set(e, 422, "parent_required", "parent_id", NULL, NULL);
	if (o->level == LEVEL_STRATEGIC && o->parent_id)
		return err_set(e, 422, "invalid_value", "parent_id", "parent_id",
			       "a strategic objective links to an axis, not to an objective");
	if (o->id && o->parent_id == o->id)
		return err_set(e, 409, "cycle", "parent_id", NULL, NULL);
	if (o->start != DAY_NONE && o->due != DAY_NONE && o->due <= o->start)
		return err_set(e, 422, "due_before_start", "due", NULL, NULL);
	if (!(o->weight > 0 && o->weight <= 1000) || isnan(o->weight))
		return err_set(e, 422, "invalid_value", "weight", "weight",
			       "a number above 0 and at most 1000");
	if (o->confidence >= 0 && o->confidence > 1)
		return err_set(e, 422, "invalid_value", "confidence", "confidence",
			       "a number from 0 to 1");
	if (isnan(o->confidence) || (o->confidence < 0 && o->confidence != -1))
		return err_set(e, 422, "invalid_value", "confidence", "confidence",
			       "a number from 0 to 1");
	if (o->means_budget < 0 && o->means_budget != -1)
		return err_set(e, 422, "invalid_value", "means_budget", "means_budget",
			       "a positive amount");
	if (o->means_time_hours < 0 && o->means_time_hours != -1)
		return err_set(e, 422, "invalid_value", "means_time_hours", "means_time_hours",
			       "a positive number of hours");
	if ((o->has_baseline && !isfinite(o->baseline)) || (o->has_target && !isfinite(o->target)))
		return err_set(e, 422, "invalid_value", o->has_baseline && !isfinite(o->baseline)
			       ? "baseline" : "target", "number", "a finite number");
	if (o->has_baseline && o->has_target) {
		bool ok = true;
		if (o->direction == DIR_INCREASE)
			ok = o->target > o->baseline;
		else if (o->direction == DIR_DECREASE)
			ok = o->target < o->baseline;
		if (!ok) {
			char t[32];
			fmt_num(t, sizeof(t), o->target);
			return err_set(e, 422, "target_direction", "target", t,
				       direction_name(o->direction));
		}
	}
	return 0;
}

bool status_transition_allowed(enum status from, enum status to)
{
	if (from == to)
		return true;
	switch (from) {
	case ST_DRAFT: return to == ST_PROPOSED || to == ST_AGREED || to == ST_CANCELLED;
	case ST_PROPOSED: return to == ST_DRAFT || to == ST_AGREED || to == ST_CANCELLED;
	case ST_AGREED: return to == ST_PROPOSED || to == ST_ACHIEVED || to == ST_MISSED ||
			       to == ST_CANCELLED;
	case ST_ACHIEVED:
	case ST_MISSED: return to == ST_AGREED;  /* reopen after a wrong close */
	case ST_CANCELLED: return to == ST_DRAFT;
	default: return false;
	}
}

bool level_child_allowed(enum level parent, enum level child)
{
	switch (parent) {
	case LEVEL_STRATEGIC: return child == LEVEL_OPERATIONAL || child == LEVEL_COLLECTIVE;
	case LEVEL_OPERATIONAL: return child == LEVEL_OPERATIONAL || child == LEVEL_COLLECTIVE ||
				       child == LEVEL_INDIVIDUAL;
	case LEVEL_COLLECTIVE: return child == LEVEL_COLLECTIVE || child == LEVEL_INDIVIDUAL;
	default: return false;
	}
}

static const char *const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

int working_days_parse(const char *s, unsigned *mask)
{
	unsigned m = 0;
	while (*s) {
		while (*s == ',' || *s == ' ')
			s++;
		if (!*s)
			break;
		int found = -1;
		for (int i = 0; i < 7; i++)
			if (!strncmp(s, day_names[i], 3) && (s[3] == ',' || s[3] == ' ' || !s[3]))
				found = i;
		if (found < 0)
			return -1;
		m |= 1u << found;
		s += 3;
	}
	if (!m)
		return -1;
	*mask = m;
	return 0;
}

void working_days_format(unsigned mask, struct buf *out)
{
	int first = 1;
	for (int i = 0; i < 7; i++)
		if (mask & (1u << i)) {
			if (!first)
				buf_addc(out, ',');
			buf_adds(out, day_names[i]);
			first = 0;
		}
}

bool email_plausible(const char *s)
{
	const char *at = strchr(s, '@');
	return at && at != s && strchr(at + 1, '.') && !strchr(at + 1, '@') && strlen(s) <= 254 &&
	       !strpbrk(s, " \t\r\n<>\"");
}

/* 1 to max characters, each a lower-case ASCII letter, a digit or _ */
static bool word_ok(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (!n || n > max)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

bool indicator_key_ok(const char *s)
{
	return word_ok(s, 40);
}

bool activity_kind_ok(const char *s)
{
	return word_ok(s, 32);
}
