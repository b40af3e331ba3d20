/* Calendar dates as day numbers (days since 1970-01-01, proleptic Gregorian),
 * so that comparing, subtracting and adding dates is integer arithmetic.
 * The core has no clock: "today" is always an argument. */
#ifndef CIBLE_DATE_H
#define CIBLE_DATE_H
#include <stdbool.h>

typedef int day_t;
#define DAY_NONE (-2147483647 - 1)

day_t date_from_ymd(int y, int m, int d);
void date_to_ymd(day_t day, int *y, int *m, int *d);
bool date_valid_ymd(int y, int m, int d);
int date_days_in_month(int y, int m);
/* Strict "YYYY-MM-DD"; 0 on success. Years 1900..2999. */
int date_parse_iso(const char *s, day_t *out);
/* "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format_iso(day_t day, char out[11]);
/* 1 = Monday ... 7 = Sunday (ISO 8601). */
int date_weekday(day_t day);
/* Same day n months later, clamped to the month's end (Jan 31 + 1 = Feb 28/29). */
day_t date_add_months(day_t day, int n);
day_t date_month_start(day_t day);
day_t date_month_end(day_t day);
day_t date_quarter_start(day_t day);
day_t date_quarter_end(day_t day);
day_t date_year_start(day_t day);
/* Monday of the ISO week holding day. */
day_t date_week_start(day_t day);

/* "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" or with a space instead of T, with an
 * optional "Z" or "+HH:MM"/"-HH:MM" offset (none means UTC): unix seconds.
 * 0 on success. */
int date_parse_datetime(const char *s, long long *unix_seconds);
#endif
