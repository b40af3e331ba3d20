/* A CSV cell's number read exactly or refused (defect 6 of issue 16: a
 * figure longer than 63 characters was cut, and stored as 5e62 or 0). */
#include "core/csvread.h"
#include "t.h"

TEST("numbers as people write them in each dialect")
{
	static const struct { const char *in; int comma; double want; } ok[] = {
		{ "12", 0, 12 }, { "12.5", 0, 12.5 }, { "1,234.5", 0, 1234.5 }, { "-3", 0, -3 },
		{ "1 234,5", 1, 1234.5 }, { "1\xc2\xa0" "234,5", 1, 1234.5 },
		{ "1\xe2\x80\xaf" "234,5", 1, 1234.5 }, { "  7", 1, 7 }, { "2e3", 0, 2000 },
		/* 63 digits once the separators are gone: still whole */
		{ "100000000000000000000000000000000000000000000000000000000000000", 0, 1e62 },
		{ "100 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000", 1, 1e62 },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		double v = -1;
		CHECK_INT(csv_number(ok[i].in, ok[i].comma, &v), 0);
		CHECK_NEAR(v, ok[i].want, 1e-9 * (ok[i].want < 0 ? -ok[i].want : ok[i].want + 1));
	}
}

TEST("what does not parse exactly is refused, never cut or guessed")
{
	static const char *const bad[] = {
		"", "  ", "abc", "12abc", "nan", "NaN", "inf", "-Infinity", "0x10", "1e999",
		/* 64 digits: the old reader kept 63 of them and stored 1e62 */
		"1000000000000000000000000000000000000000000000000000000000000000",
		"5000000000000000000000000000000000000000000000000000000000000000000000",
		"12 €", "3 %",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		double v = 42;
		int rc = csv_number(bad[i], 0, &v);
		if (rc == 0)
			fprintf(stderr, "    accepted \"%s\" as %g\n", bad[i], v);
		CHECK_INT(rc, -1);
		CHECK_NEAR(v, 42, 0);
	}
}

T_MAIN("csvnumber")
