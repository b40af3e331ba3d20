/* Durations as call logs write them (issue 18, item 6): decimal minutes with
 * a comma or a point, mm:ss, h:mm:ss, read exactly into seconds, or refused;
 * and the headers that say "minutes". */
#include "core/csvread.h"
#include "t.h"

TEST("a duration cell reads exactly into seconds, in minutes when the column says so")
{
	static const struct { const char *in; int minutes; double want; } ok[] = {
		{ "3,77", 1, 226.2 },  /* the French call log: decimal comma */
		{ "3.77", 1, 226.2 },
		{ "2,38", 1, 142.8 },
		{ "4,03", 1, 241.8 },
		{ "0,5", 1, 30 },
		{ "12", 1, 720 },
		{ "12", 0, 12 },
		{ "65,5", 0, 65.5 },
		{ "03:46", 1, 226 },   /* mm:ss whatever the plain unit */
		{ "03:46", 0, 226 },
		{ "75:30", 0, 4530 },  /* the minutes of mm:ss may pass 59 */
		{ "1:02:03", 0, 3723 },
		{ "00:02:23", 1, 143 }, /* the English call log */
		{ "0:00", 0, 0 },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		double v = -1;
		int rc = csv_duration(ok[i].in, ok[i].minutes, &v);
		if (rc || v != ok[i].want)
			fprintf(stderr, "    \"%s\" (%s): rc %d, %.17g, want %.17g\n", ok[i].in,
				ok[i].minutes ? "minutes" : "seconds", rc, v, ok[i].want);
		CHECK_INT(rc, 0);
		CHECK(v == ok[i].want);  /* exact: 377 * 60 / 100, not 3.77 * 60 */
	}
}

TEST("what is not a duration is refused and leaves the value alone")
{
	static const char *const bad[] = { "", "abc", "1e3", "3:75", "3:7", "1:60:00", "1:02:03:04",
		"-3", "+3", "3,", ",5", "3,7,7", "3.77 min", " 3", "1 234", "12:", ":12", "3:4a",
		"0x10", "inf", "nan", "1234567890" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		for (int minutes = 0; minutes < 2; minutes++) {
			double v = 42;
			int rc = csv_duration(bad[i], minutes, &v);
			if (rc == 0)
				fprintf(stderr, "    accepted \"%s\" as %g\n", bad[i], v);
			CHECK_INT(rc, -1);
			CHECK(v == 42);
		}
	}
}

TEST("a header naming minutes says its durations are minutes; others do not")
{
	static const struct { const char *h; int minutes; } cases[] = {
		{ "durée (min)", 1 }, { "Durée en minutes", 1 }, { "talk time (min)", 1 },
		{ "Durée de communication (min)", 1 }, { "temps (mn)", 1 }, { "Talk minutes", 1 },
		{ "AvgTalkDuration", 0 }, { "Durée de communication", 0 }, { "Speed of answer in seconds", 0 },
		{ "administration", 0 }, { "minimum", 0 }, { "", 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool got = csv_header_minutes(cases[i].h);
		if (got != (bool)cases[i].minutes)
			fprintf(stderr, "    \"%s\": %d\n", cases[i].h, got);
		CHECK(got == (bool)cases[i].minutes);
	}
}

T_MAIN("duration")
