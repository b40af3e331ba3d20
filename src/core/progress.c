/* Progress math (see progress.h and docs/progress.md). */
#include <math.h>
#include "core/progress.h"

const char *pstatus_name(enum pstatus s)
{
	static const char *const names[] = { "ahead", "on_track", "at_risk", "off_track", "done",
					     "unknown" };
	return (int)s >= 0 && s <= PS_UNKNOWN ? names[s] : "unknown";
}

double progress_attainment(enum direction d, double baseline, double target, double value)
{
	switch (d) {
	case DIR_INCREASE:
	case DIR_DECREASE:
	case DIR_REACH:
		/* the share of the way from baseline to target; a decrease walks down */
		if (target == baseline)
			return value == target ? 1 : (d == DIR_DECREASE ? value < target : value > target);
		return (value - baseline) / (target - baseline);
	case DIR_STAY_ABOVE:
		/* a floor: met is 1; under it, how close (relative to the floor) */
		if (value >= target)
			return 1;
		return target != 0 ? fmax(0, 1 - (target - value) / fabs(target)) : 0;
	case DIR_STAY_BELOW:
		if (value <= target)
			return 1;
		return target != 0 ? fmax(0, 1 - (value - target) / fabs(target)) : 0;
	default:
		return 0;
	}
}

int progress_working_days(day_t from, day_t to, unsigned mask)
{
	if (to < from)
		return 0;
	if (!(mask & 0x7f))
		return to - from + 1;
	int n = 0;
	/* whole weeks first, then the rest day by day */
	int days = to - from + 1, weeks = days / 7, per_week = 0;
	for (int i = 0; i < 7; i++)
		per_week += (mask >> i) & 1;
	n = weeks * per_week;
	for (day_t d = from + weeks * 7; d <= to; d++)
		n += (mask >> (date_weekday(d) - 1)) & 1;
	return n;
}

double progress_rollup(const double *attainment, const double *weight, size_t n)
{
	double sum = 0, wsum = 0;
	for (size_t i = 0; i < n; i++) {
		double w = weight && weight[i] > 0 ? weight[i] : 1;
		double a = attainment[i];
		if (isnan(a))
			continue;
		sum += w * fmin(a, 1.5);
		wsum += w;
	}
	return wsum > 0 ? sum / wsum : -1;
}

/* Least-squares line through the series, read at day x. */
static int trend_at(const struct point *p, size_t n, day_t x, double *out)
{
	if (n < 2)
		return -1;
	double mx = 0, my = 0;
	for (size_t i = 0; i < n; i++) {
		mx += p[i].day;
		my += p[i].value;
	}
	mx /= (double)n;
	my /= (double)n;
	double sxy = 0, sxx = 0;
	for (size_t i = 0; i < n; i++) {
		sxy += (p[i].day - mx) * (p[i].value - my);
		sxx += (p[i].day - mx) * (p[i].day - mx);
	}
	if (sxx == 0)
		return -1;
	*out = my + sxy / sxx * (x - mx);
	return 0;
}

int progress_compute(const struct progress_input *in, struct progress *out)
{
	if (in->start == DAY_NONE || in->due == DAY_NONE || in->due < in->start)
		return -1;
	double base = in->has_baseline ? in->baseline : 0;
	day_t today = in->today < in->start ? in->start - 1 : in->today;
	day_t upto = today > in->due ? in->due : today;
	int total = in->due - in->start + 1, elapsed = upto - in->start + 1;
	if (elapsed < 0)
		elapsed = 0;
	out->expected = total > 0 ? (double)elapsed / total : 1;
	int wtotal = progress_working_days(in->start, in->due, in->working_days);
	int welapsed = progress_working_days(in->start, upto, in->working_days);
	out->expected_working = wtotal > 0 ? (double)welapsed / wtotal : out->expected;
	out->days_left = in->due > in->today ? in->due - in->today : 0;
	if (!in->has_current) {
		out->attainment = out->forecast = out->forecast_attainment = NAN;
		out->status = PS_UNKNOWN;
		return 0;
	}
	/* a cumulative indicator starts the period from zero: its baseline is a
	 * reference level, and what counts is the amount gathered so far */
	double from = in->cumulative ? 0 : base;
	out->attainment = progress_attainment(in->direction, from, in->target, in->current);

	/* forecast: run rate for amounts, trend for levels (the current value when
	 * the series is too short to draw a line) */
	if (in->cumulative) {
		double rate_base = out->expected_working > 0 ? out->expected_working : out->expected;
		out->forecast = rate_base > 0 ? in->current / rate_base : in->current;
	} else if (in->has_recent && !isnan(in->recent)) {
		double left = 1 - out->expected;
		out->forecast = in->current * out->expected + in->recent * left;
	} else if (trend_at(in->series, in->nseries, in->due, &out->forecast)) {
		out->forecast = in->current;
	}
	out->forecast_attainment = progress_attainment(in->direction, from, in->target, out->forecast);
	if (in->cumulative && (in->direction == DIR_DECREASE || in->direction == DIR_STAY_BELOW)) {
		/* an amount to keep low (complaints, returns) is a budget: judged on
		 * where the run rate lands against it */
		out->attainment = out->forecast_attainment =
			progress_attainment(DIR_STAY_BELOW, 0, in->target, out->forecast);
		out->status = in->today >= in->due ? (out->attainment >= 1 ? PS_DONE : PS_OFF_TRACK)
			    : out->attainment >= 1 ? PS_ON_TRACK
			    : out->attainment >= 0.9 ? PS_AT_RISK : PS_OFF_TRACK;
		return 0;
	}

	/* status: against the pace for amounts and "increase/decrease/reach";
	 * stay-within objectives are judged on the value itself */
	double pace = in->cumulative ? out->expected_working : out->expected;
	if (in->today >= in->due) {
		out->status = out->attainment >= 1 ? PS_DONE : PS_OFF_TRACK;
	} else if (in->direction == DIR_STAY_ABOVE || in->direction == DIR_STAY_BELOW) {
		out->status = out->attainment >= 1 ? PS_ON_TRACK
			    : out->attainment >= 0.95 ? PS_AT_RISK : PS_OFF_TRACK;
	} else if (in->cumulative ? out->attainment >= pace * 1.10 && out->attainment > 0
				  : out->forecast_attainment >= 1.10) {
		out->status = PS_AHEAD;
	} else if (in->cumulative ? out->attainment >= pace * 0.95 : out->forecast_attainment >= 1) {
		out->status = PS_ON_TRACK;
	} else if (in->cumulative ? out->attainment >= pace * 0.80
				  : out->forecast_attainment >= 0.85) {
		out->status = PS_AT_RISK;
	} else {
		out->status = PS_OFF_TRACK;
	}
	return 0;
}
