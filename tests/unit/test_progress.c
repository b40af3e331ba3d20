/* Progress math: attainment by direction, pace, status, forecast, roll-up. */
#include "t.h"
#include "core/progress.h"

static struct progress_input quarter(enum direction d, double base, double target, bool cum)
{
	struct progress_input in = { d, base, target, true, date_from_ymd(2027, 1, 1),
		date_from_ymd(2027, 3, 31), date_from_ymd(2027, 2, 14), cum, 0x1f, 0, false,
		NULL, 0, 0, false };
	return in;
}

TEST("attainment runs from the baseline to the target, downwards for a decrease")
{
	CHECK_NEAR(progress_attainment(DIR_INCREASE, 80, 90, 85), 0.5, 1e-12);
	CHECK_NEAR(progress_attainment(DIR_DECREASE, 330, 290, 310), 0.5, 1e-12);
	CHECK_NEAR(progress_attainment(DIR_DECREASE, 330, 290, 280), 1.25, 1e-12);
	CHECK_NEAR(progress_attainment(DIR_INCREASE, 80, 90, 75), -0.5, 1e-12);
	CHECK_NEAR(progress_attainment(DIR_STAY_ABOVE, 0, 90, 95), 1, 0);
	CHECK_NEAR(progress_attainment(DIR_STAY_ABOVE, 0, 90, 81), 0.9, 1e-12);
	CHECK_NEAR(progress_attainment(DIR_STAY_BELOW, 0, 20, 22), 0.9, 1e-12);
}

TEST("working days follow the organisation's week")
{
	/* January 2027: 21 weekdays, 31 days */
	CHECK_INT(progress_working_days(date_from_ymd(2027, 1, 1), date_from_ymd(2027, 1, 31), 0x1f), 21);
	CHECK_INT(progress_working_days(date_from_ymd(2027, 1, 1), date_from_ymd(2027, 1, 31), 0), 31);
	CHECK_INT(progress_working_days(date_from_ymd(2027, 1, 1), date_from_ymd(2027, 1, 31), 0x3f), 26);
	CHECK_INT(progress_working_days(date_from_ymd(2027, 1, 2), date_from_ymd(2027, 1, 3), 0x1f), 0);
	CHECK_INT(progress_working_days(date_from_ymd(2027, 1, 5), date_from_ymd(2027, 1, 4), 0x1f), 0);
}

TEST("a cumulative objective on pace is on track and its run rate lands on target")
{
	struct progress_input in = quarter(DIR_INCREASE, 0, 1000, true);
	struct progress p;
	int wd = progress_working_days(in.start, in.today, 0x1f);
	int wt = progress_working_days(in.start, in.due, 0x1f);
	in.current = 1000.0 * wd / wt;
	in.has_current = true;
	CHECK_INT(progress_compute(&in, &p), 0);
	CHECK_NEAR(p.expected_working, (double)wd / wt, 1e-12);
	CHECK_NEAR(p.forecast, 1000, 1e-9);
	CHECK_INT(p.status, PS_ON_TRACK);
	CHECK_INT(p.days_left, 45);
	in.current *= 1.2;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_AHEAD);
	in.current = 1000.0 * wd / wt * 0.85;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_AT_RISK);
	in.current = 1000.0 * wd / wt * 0.5;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_OFF_TRACK);
}

TEST("a ratio is forecast by its trend and judged on where the trend lands")
{
	struct progress_input in = quarter(DIR_INCREASE, 80, 90, false);
	struct point s[4] = { { date_from_ymd(2027, 1, 10), 81 }, { date_from_ymd(2027, 1, 20), 82 },
			      { date_from_ymd(2027, 1, 30), 83 }, { date_from_ymd(2027, 2, 9), 84 } };
	in.series = s;
	in.nseries = 4;
	in.current = 84;
	in.has_current = true;
	struct progress p;
	CHECK_INT(progress_compute(&in, &p), 0);
	/* +1 point every 10 days: 2027-03-31 is 50 days after 2027-02-09 */
	CHECK_NEAR(p.forecast, 89, 1e-9);
	CHECK_NEAR(p.attainment, 0.4, 1e-12);
	CHECK_INT(p.status, PS_AT_RISK);
	in.nseries = 1;  /* too short for a line: the current value stands */
	progress_compute(&in, &p);
	CHECK_NEAR(p.forecast, 84, 0);
	CHECK_INT(p.status, PS_OFF_TRACK);
}

TEST("a decrease in handling time reads right")
{
	struct progress_input in = quarter(DIR_DECREASE, 330, 290, false);
	in.current = 285;
	in.has_current = true;
	struct progress p;
	progress_compute(&in, &p);
	CHECK(p.attainment > 1);
	CHECK_INT(p.status, PS_AHEAD);
}

TEST("stay-within objectives are judged on the value itself, budgets on the run rate")
{
	struct progress_input in = quarter(DIR_STAY_ABOVE, 0, 90, false);
	in.current = 91;
	in.has_current = true;
	struct progress p;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_ON_TRACK);
	in.current = 86;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_AT_RISK);
	struct progress_input b = quarter(DIR_STAY_BELOW, 0, 100, true);  /* complaints */
	b.current = 30;
	b.has_current = true;
	progress_compute(&b, &p);
	CHECK(p.forecast < 100);
	CHECK_INT(p.status, PS_ON_TRACK);
	b.current = 80;
	progress_compute(&b, &p);
	CHECK_INT(p.status, PS_OFF_TRACK);
}

TEST("after the due date the objective is done or off track; without data, unknown")
{
	struct progress_input in = quarter(DIR_INCREASE, 80, 90, false);
	in.today = date_from_ymd(2027, 4, 2);
	in.current = 90.5;
	in.has_current = true;
	struct progress p;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_DONE);
	CHECK_INT(p.days_left, 0);
	CHECK_NEAR(p.expected, 1, 0);
	in.current = 85;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_OFF_TRACK);
	in.has_current = false;
	progress_compute(&in, &p);
	CHECK_INT(p.status, PS_UNKNOWN);
	in.due = DAY_NONE;
	CHECK_INT(progress_compute(&in, &p), -1);
}

TEST("roll-up is the weighted mean of children, each capped at 150 %")
{
	double a[3] = { 1.0, 0.5, 4.0 }, w[3] = { 2, 1, 1 };
	CHECK_NEAR(progress_rollup(a, w, 3), (2 * 1.0 + 0.5 + 1.5) / 4, 1e-12);
	CHECK_NEAR(progress_rollup(a, NULL, 2), 0.75, 1e-12);
	CHECK_NEAR(progress_rollup(a, w, 0), -1, 0);
}


TEST("a level with a recent value forecasts the period so far carried on at the recent level")
{
	struct progress_input in = quarter(DIR_INCREASE, 70, 80, false);
	struct progress p;
	in.current = 78;
	in.has_current = true;
	in.recent = 82;
	in.has_recent = true;
	CHECK_INT(progress_compute(&in, &p), 0);
	/* 45 of 90 days gone: 78 on them, 82 on the 45 left */
	CHECK_NEAR(p.forecast, 80, 1e-9);
	CHECK_INT(p.status, PS_ON_TRACK);
	in.recent = 79;  /* slipping: lands under the target */
	CHECK_INT(progress_compute(&in, &p), 0);
	CHECK_NEAR(p.forecast, 78.5, 1e-9);
	CHECK_INT(p.status, PS_AT_RISK);
}

T_MAIN("progress")
