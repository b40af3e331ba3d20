/* Progress of an objective: attainment, the pace it should be at today, a
 * status, a forecast at the due date, and the roll-up of children. Pure: the
 * indicator's value and series come in as arguments (the measurement layer
 * computes them from activity records). The rules are written for users in
 * docs/progress.md. */
#ifndef CIBLE_PROGRESS_H
#define CIBLE_PROGRESS_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "core/model.h"

enum pstatus { PS_AHEAD, PS_ON_TRACK, PS_AT_RISK, PS_OFF_TRACK, PS_DONE, PS_UNKNOWN };
const char *pstatus_name(enum pstatus s);

struct point {
	day_t day;
	double value;  /* cumulative: the day's amount; otherwise the day's level */
};

struct progress_input {
	enum direction direction;
	double baseline, target;
	bool has_baseline;
	day_t start, due, today;
	bool cumulative;          /* counts and sums add up over the period */
	unsigned working_days;    /* mask, bit 0 = Monday; 0 = every day */
	double current;           /* value over the period so far */
	bool has_current;
	const struct point *series;  /* by day, ascending (for the trend forecast) */
	size_t nseries;
	/* A level's value over the recent weeks: when given, a level's forecast
	 * is the period's value so far carried on at the recent level for the
	 * days left (the run rate of a rate), instead of the series' trend. */
	double recent;
	bool has_recent;
};

struct progress {
	double attainment;        /* 0 at the baseline, 1 at the target (may pass 1) */
	double expected;          /* where it should be today: share of the period elapsed */
	double expected_working;  /* the same counted in working days */
	double forecast;          /* the indicator's value expected at the due date */
	double forecast_attainment;
	int days_left;
	enum pstatus status;
};

/* 0 on success; -1 when the input cannot be measured (no target, no dates). */
int progress_compute(const struct progress_input *in, struct progress *out);

/* Attainment of a value against baseline and target, by direction. */
double progress_attainment(enum direction d, double baseline, double target, double value);

/* Working days in [from, to] (both included) under mask. */
int progress_working_days(day_t from, day_t to, unsigned mask);

/* Weighted mean of children's attainment (each capped at 1.5 so one
 * runaway child cannot hide the others). 0 children: -1. */
double progress_rollup(const double *attainment, const double *weight, size_t n);

#endif
