/* Calendar arithmetic. */
#include "t.h"
#include "core/date.h"

TEST("day numbers round-trip through year, month, day over four centuries")
{
	int bad = 0;
	for (day_t d = date_from_ymd(1900, 1, 1); d < date_from_ymd(2300, 1, 1); d++) {
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		if (date_from_ymd(y, m, dd) != d || !date_valid_ymd(y, m, dd))
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(date_from_ymd(1970, 1, 1), 0);
	CHECK_INT(date_from_ymd(2000, 3, 1), 11017);
}

TEST("ISO dates parse strictly and impossible dates are refused")
{
	day_t d;
	CHECK_INT(date_parse_iso("2027-03-31", &d), 0);
	char s[11];
	date_format_iso(d, s);
	CHECK_STR(s, "2027-03-31");
	CHECK_INT(date_parse_iso("2027-02-29", &d), -1);
	CHECK_INT(date_parse_iso("2028-02-29", &d), 0);
	CHECK_INT(date_parse_iso("2027-13-01", &d), -1);
	CHECK_INT(date_parse_iso("2027-1-01", &d), -1);
	CHECK_INT(date_parse_iso("2027-01-01T00", &d), -1);
	CHECK_INT(date_parse_iso("", &d), -1);
	CHECK_INT(date_parse_iso(NULL, &d), -1);
	CHECK_INT(date_parse_iso("0000-01-01", &d), -1);
}

TEST("weekdays follow ISO 8601, Monday first")
{
	CHECK_INT(date_weekday(date_from_ymd(2026, 11, 25)), 3);  /* Wednesday */
	CHECK_INT(date_weekday(date_from_ymd(1970, 1, 1)), 4);
	CHECK_INT(date_weekday(date_from_ymd(1969, 12, 28)), 7);
	CHECK_INT(date_week_start(date_from_ymd(2026, 11, 29)), date_from_ymd(2026, 11, 23));
}

TEST("adding months clamps to the end of a shorter month")
{
	CHECK_INT(date_add_months(date_from_ymd(2027, 1, 31), 1), date_from_ymd(2027, 2, 28));
	CHECK_INT(date_add_months(date_from_ymd(2027, 11, 15), 3), date_from_ymd(2028, 2, 15));
	CHECK_INT(date_add_months(date_from_ymd(2027, 3, 15), -3), date_from_ymd(2026, 12, 15));
}

TEST("month, quarter and year boundaries")
{
	day_t d = date_from_ymd(2027, 5, 17);
	CHECK_INT(date_month_start(d), date_from_ymd(2027, 5, 1));
	CHECK_INT(date_month_end(d), date_from_ymd(2027, 5, 31));
	CHECK_INT(date_quarter_start(d), date_from_ymd(2027, 4, 1));
	CHECK_INT(date_quarter_end(d), date_from_ymd(2027, 6, 30));
	CHECK_INT(date_year_start(d), date_from_ymd(2027, 1, 1));
}

TEST("date-times parse to UTC seconds, offsets included, and nonsense is refused")
{
	long long t;
	CHECK_INT(date_parse_datetime("2021-01-01", &t), 0);
	CHECK_INT(t, 1609459200);
	CHECK_INT(date_parse_datetime("2021-01-01T09:30:15Z", &t), 0);
	CHECK_INT(t, 1609459200 + 9 * 3600 + 30 * 60 + 15);
	CHECK_INT(date_parse_datetime("2021-01-01 10:30+01:00", &t), 0);
	CHECK_INT(t, 1609459200 + 9 * 3600 + 30 * 60);
	CHECK_INT(date_parse_datetime("2021-01-01T24:00", &t), -1);
	CHECK_INT(date_parse_datetime("2021-02-30T10:00", &t), -1);
	CHECK_INT(date_parse_datetime("2021-01-01T10:00+1", &t), -1);
	CHECK_INT(date_parse_datetime("2021-01-01T10:00:00 ", &t), -1);
	CHECK_INT(date_parse_datetime("2021-01", &t), -1);
	CHECK_INT(date_parse_datetime(NULL, &t), -1);
}

T_MAIN("date")
