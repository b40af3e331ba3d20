/* Civil-date arithmetic (Howard Hinnant's days-from-civil algorithm, written
 * from its published description). */
#include <string.h>
#include "core/date.h"

bool date_valid_ymd(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= date_days_in_month(y, m);
}

int date_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

day_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(day_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yy + (*m <= 2);
}

static int digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse_iso(const char *s, day_t *out)
{
	if (!s)
		return -1;
	int y = digits(s, 4);
	if (y < 0 || s[4] != '-')
		return -1;
	int m = digits(s + 5, 2);
	if (m < 0 || s[7] != '-')
		return -1;
	int d = digits(s + 8, 2);
	if (d < 0 || s[10] != '\0')
		return -1;
	if (y < 1900 || y > 2999 || !date_valid_ymd(y, m, d))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}

void date_format_iso(day_t day, char out[11])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	unsigned yy = (unsigned)y % 10000, mm = (unsigned)m % 100, dd = (unsigned)d % 100;
	out[0] = (char)('0' + yy / 1000);
	out[1] = (char)('0' + yy / 100 % 10);
	out[2] = (char)('0' + yy / 10 % 10);
	out[3] = (char)('0' + yy % 10);
	out[4] = '-';
	out[5] = (char)('0' + mm / 10);
	out[6] = (char)('0' + mm % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = '\0';
}

int date_weekday(day_t day)
{
	/* 1970-01-01 was a Thursday (4) */
	int w = (day % 7 + 7) % 7;  /* 0 = Thursday */
	return (w + 3) % 7 + 1;
}

day_t date_add_months(day_t day, int n)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	int total = y * 12 + (m - 1) + n;
	y = total / 12;
	m = total % 12 + 1;
	int dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

day_t date_month_start(day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, 1);
}

day_t date_month_end(day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

day_t date_quarter_start(day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
}

day_t date_quarter_end(day_t day)
{
	return date_add_months(date_quarter_start(day), 3) - 1;
}

day_t date_year_start(day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, 1, 1);
}

day_t date_week_start(day_t day)
{
	return day - (date_weekday(day) - 1);
}

static int two(const char *s)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' ? (s[0] - '0') * 10 + s[1] - '0'
									    : -1;
}

int date_parse_datetime(const char *s, long long *unix_seconds)
{
	if (!s || strlen(s) < 10)
		return -1;
	char day[11];
	memcpy(day, s, 10);
	day[10] = '\0';
	day_t d;
	if (date_parse_iso(day, &d))
		return -1;
	const char *p = s + 10;
	int hh = 0, mm = 0, ss = 0;
	if (*p == 'T' || *p == ' ') {
		hh = two(p + 1);
		if (hh < 0 || hh > 23 || p[3] != ':')
			return -1;
		mm = two(p + 4);
		if (mm < 0 || mm > 59)
			return -1;
		p += 6;
		if (*p == ':') {
			ss = two(p + 1);
			if (ss < 0 || ss > 60)
				return -1;
			p += 3;
		}
	}
	long long offset = 0;
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		/* read no further than the string: each check guards the next */
		int oh = two(p + 1);
		if (oh < 0 || oh > 14 || p[3] != ':')
			return -1;
		int om = two(p + 4);
		if (om < 0 || om > 59)
			return -1;
		offset = (oh * 3600LL + om * 60LL) * (*p == '-' ? -1 : 1);
		p += 6;
	}
	if (*p)
		return -1;
	*unix_seconds = (long long)d * 86400 + hh * 3600LL + mm * 60LL + ss - offset;
	return 0;
}
