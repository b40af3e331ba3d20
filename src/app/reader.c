/* The sentence reader's result for the API and the CLI: as JSON, and as a
 * draft objective the SMART analyzer can judge. */
#include <string.h>
#include "app/app.h"
#include "core/sentence.h"

static json_t *day_or_null(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char iso[11];
	date_format_iso(d, iso);
	return json_string(iso);
}

/* The reader's indicator names an organisation's ready-made key. */
static const char *catalog_key(const char *k)
{
	static const char *const map[][2] = {
		{ "calls", "calls_handled" }, { "service_level", "service_level_20s" },
		{ "response_time", "response_12h" }, { "leads", "qualified_leads" },
		{ "upsell", "upsell_revenue" } };
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(k, map[i][0]))
			return map[i][1];
	return k;
}

/* The indicator key read: the organisation's as it is, a reader's mapped. */
static const char *key_of(const struct sentence *s)
{
	return s->org_indicator ? s->indicator_key : catalog_key(s->indicator_key);
}

/* A target the form can take: a level or an amount, not a relative change
 * (points are a level when said as one: "Passer le NPS de 20 à 35"). */
static bool sentence_target(const struct sentence *s)
{
	return s->has_magnitude && s->unit != SU_PERCENT && (s->unit != SU_POINTS || s->level);
}

static const char *unit_label(const struct sentence *s)
{
	switch (s->unit) {
	case SU_PERCENT_LEVEL: return "%";
	case SU_EUR: return s->usd ? "$" : "€";
	case SU_SECONDS: return "s";
	case SU_COUNT: return "#";
	case SU_POINTS: return "pts";
	default: return "";
	}
}

json_t *app_sentence_json(const struct sentence *s)
{
	json_t *j = json_object();
	json_object_set_new(j, "direction", s->has_direction
			    ? json_string(direction_name(s->direction)) : json_null());
	json_object_set_new(j, "indicator", s->indicator_key[0]
			    ? json_string(key_of(s)) : json_null());
	json_object_set_new(j, "indicator_text", s->indicator[0] ? json_string(s->indicator)
			    : json_null());
	json_object_set_new(j, "magnitude", s->has_magnitude ? json_real(s->magnitude) : json_null());
	json_object_set_new(j, "magnitude_unit", json_string(sentence_unit_name(s->unit)));
	json_object_set_new(j, "baseline", s->has_baseline ? json_real(s->baseline) : json_null());
	/* a target the form can take: a level or an amount, not a relative change */
	bool level = sentence_target(s);
	json_object_set_new(j, "target", level ? json_real(s->magnitude) : json_null());
	const char *unit = unit_label(s);
	if (unit && (!*unit || !strcmp(unit, "#")))
		unit = NULL;  /* a count has no unit to show */
	json_object_set_new(j, "unit", unit && level ? json_string(unit) : json_null());
	if (s->has_threshold)
		json_object_set_new(j, "threshold", json_pack("{s:f, s:f, s:s}", "share",
				    s->threshold_share, "limit", s->threshold_limit, "limit_unit",
				    sentence_unit_name(s->threshold_unit)));
	json_object_set_new(j, "start", day_or_null(s->start));
	json_object_set_new(j, "due", day_or_null(s->due));
	json_object_set_new(j, "rhythm", s->rhythm ? json_string(period_rhythm_name(s->rhythm))
						   : json_null());
	json_object_set_new(j, "owner", s->owner[0] ? json_string(s->owner) : json_null());
	json_object_set_new(j, "owner_kind", json_string(owner_kind_name(s->owner_kind)));
	return j;
}

/* A change said on a known baseline: the level it makes (+10 % of 200: 220). */
static void change_target(const struct sentence *s, struct objective *o)
{
	double sign = s->has_direction && s->direction == DIR_DECREASE ? -1 : 1;
	o->has_target = true;
	o->target = s->unit == SU_PERCENT ? o->baseline * (1 + sign * o->change / 100)
					  : o->baseline + sign * o->change;
	o->has_change = false;
}

void app_sentence_objective(const struct sentence *s, const char *text, struct objective *o)
{
	objective_init(o);
	o->title = text;
	o->level = s->owner_kind == OW_TEAM || s->owner_kind == OW_WE ? LEVEL_COLLECTIVE
									: LEVEL_INDIVIDUAL;
	if (s->owner[0])
		o->who = s->owner;
	if (s->indicator_key[0])
		o->indicator = key_of(s);
	else if (s->indicator[0])
		o->indicator = s->indicator;
	if (s->has_direction)
		o->direction = s->direction;
	if (sentence_target(s)) {
		o->has_target = true;
		o->target = s->magnitude;
		o->unit_label = unit_label(s);
	} else if (s->has_magnitude) {
		/* a change ("de 10 %", "by 3 points"): a target once a baseline is known */
		o->has_change = true;
		o->change = s->magnitude;
	}
	if (s->has_baseline) {
		o->has_baseline = true;
		o->baseline = s->baseline;
	}
	if (o->has_change && o->has_baseline)
		change_target(s, o);
	o->start = s->start;
	o->due = s->due;
}

void app_sentence_fill(const struct sentence *s, struct objective *o, bool direction_given)
{
	struct objective r;
	app_sentence_objective(s, o->title, &r);
	if (!direction_given && s->has_direction)
		o->direction = r.direction;
	if ((!o->indicator || !*o->indicator) && r.indicator)
		o->indicator = r.indicator;
	if (o->due == DAY_NONE && r.due != DAY_NONE) {
		o->due = r.due;
		if (o->start == DAY_NONE)
			o->start = r.start;
	}
	if (!o->has_target && r.has_target) {
		o->has_target = true;
		o->target = r.target;
		if (!o->unit_label || !*o->unit_label)
			o->unit_label = r.unit_label;
	}
	if (!o->has_baseline && r.has_baseline) {
		o->has_baseline = true;
		o->baseline = r.baseline;
	}
	if (!o->has_target && r.has_change) {
		/* the change makes a target on the draft's own baseline */
		o->has_change = true;
		o->change = r.change;
		if (o->has_baseline)
			change_target(s, o);
	}
}

const char *app_sentence_unknown(const struct sentence *s)
{
	return !s->indicator_key[0] && s->indicator[0] ? s->indicator : NULL;
}
