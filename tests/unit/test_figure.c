/* The one number formatter: figures per locale, never in exponent form. */
#include <math.h>
#include <string.h>
#include "t.h"
#include "core/figure.h"

#define NN "\xe2\x80\xaf"
#define NB "\xc2\xa0"

static const char *num(double v, int dec, unsigned flags, enum lang lang)
{
	static char out[512];
	struct buf b = BUF_INIT;
	buf_add_num(&b, v, dec, flags, lang);
	snprintf(out, sizeof(out), "%s", b.len ? b.data : "");
	buf_free(&b);
	return out;
}

TEST("numbers grouped per locale, at most the decimals asked, trailing zeros dropped")
{
	char b[64];
	CHECK_STR(num_format(5457000, LANG_EN, b, sizeof(b)), "5,457,000");
	CHECK_STR(num_format(5457000, LANG_FR, b, sizeof(b)), "5" NN "457" NN "000");
	CHECK_STR(num_format(20200000, LANG_EN, b, sizeof(b)), "20,200,000");
	CHECK_STR(num_format(3.77, LANG_FR, b, sizeof(b)), "3,77");
	CHECK_STR(num_format(3.5, LANG_EN, b, sizeof(b)), "3.5");
	CHECK_STR(num_format(12.0, LANG_EN, b, sizeof(b)), "12");
	CHECK_STR(num_format(-1234.5, LANG_EN, b, sizeof(b)), "-1,234.5");
	CHECK_STR(num_format(-1234.5, LANG_FR, b, sizeof(b)), "-1" NN "234,5");
	CHECK_STR(num_format(999, LANG_FR, b, sizeof(b)), "999");
	CHECK_STR(num_format(100000, LANG_EN, b, sizeof(b)), "100,000");
	CHECK_STR(num_format(0, LANG_FR, b, sizeof(b)), "0");
	CHECK_STR(num_format(-0.001, LANG_EN, b, sizeof(b)), "0");
	CHECK_STR(num_format(2.005e-7, LANG_EN, b, sizeof(b)), "0");
	CHECK_STR(num_format(NAN, LANG_EN, b, sizeof(b)), "-");
	CHECK_STR(num_format(INFINITY, LANG_EN, b, sizeof(b)), "-");
	CHECK_STR(num(66.666666, 0, 0, LANG_EN), "67");
	CHECK_STR(num(3.5, 2, NUM_FIXED, LANG_FR), "3,50");
	CHECK_STR(num(1234567.891, 6, NUM_PLAIN, LANG_FR), "1234567,891");
	CHECK_STR(num(1234567.891, 6, NUM_PLAIN, LANG_EN), "1234567.891");
	CHECK_STR(num(NAN, 2, 0, LANG_EN), "");
}

TEST("no exponent form, whatever the size")
{
	const double v[] = { 1e15, 1e20, 1.5e300, -7.25e18, 1e-9, 123456789012.345 };
	for (size_t i = 0; i < sizeof(v) / sizeof(*v); i++)
		for (int l = 0; l < 2; l++) {
			const char *s = num(v[i], 2, 0, l ? LANG_EN : LANG_FR);
			CHECK(*s && !strpbrk(s, "eE"));
		}
	CHECK_STR(num(1e20, 0, 0, LANG_EN), "100,000,000,000,000,000,000");
	CHECK_INT(strlen(num(1.5e300, 12, NUM_PLAIN, LANG_EN)), 301);  /* 1500...0, zeros dropped */
}

TEST("durations in seconds read in minutes and hours")
{
	char b[64];
	CHECK_STR(figure_format(226, "s", LANG_FR, b, sizeof(b)), "3" NB "min 46" NB "s");
	CHECK_STR(figure_format(226, "s", LANG_EN, b, sizeof(b)), "3" NB "min 46" NB "s");
	CHECK_STR(figure_format(67.52, "s", LANG_EN, b, sizeof(b)), "1" NB "min 8" NB "s");
	CHECK_STR(figure_format(45, "s", LANG_EN, b, sizeof(b)), "45" NB "s");
	CHECK_STR(figure_format(4.26, "secondes", LANG_FR, b, sizeof(b)), "4,3" NB "s");
	CHECK_STR(figure_format(120, "s", LANG_EN, b, sizeof(b)), "2" NB "min");
	CHECK_STR(figure_format(59.97, "s", LANG_EN, b, sizeof(b)), "1" NB "min");
	CHECK_STR(figure_format(3725, "s", LANG_FR, b, sizeof(b)), "1" NB "h 02" NB "min");
	CHECK_STR(figure_format(7200, "s", LANG_EN, b, sizeof(b)), "2" NB "h");
	CHECK_STR(figure_format(3599.6, "s", LANG_EN, b, sizeof(b)), "1" NB "h");
	CHECK_STR(figure_format(36e5, "s", LANG_EN, b, sizeof(b)), "1,000" NB "h");
}

TEST("money, percent and other units")
{
	char b[64];
	CHECK_STR(figure_format(5457000, "€", LANG_FR, b, sizeof(b)), "5" NN "457" NN "000" NB "€");
	CHECK_STR(figure_format(5457000, "€", LANG_EN, b, sizeof(b)), "€5,457,000");
	CHECK_STR(figure_format(-12.5, "$", LANG_EN, b, sizeof(b)), "-$12.5");
	CHECK_STR(figure_format(81, "%", LANG_FR, b, sizeof(b)), "81" NN "%");
	CHECK_STR(figure_format(81, "%", LANG_EN, b, sizeof(b)), "81%");
	CHECK_STR(figure_format(1200, "appels", LANG_FR, b, sizeof(b)), "1" NN "200" NB "appels");
	CHECK_STR(figure_format(3.4036, "", LANG_EN, b, sizeof(b)), "3.4");
	CHECK_STR(figure_format(3.4036, NULL, LANG_FR, b, sizeof(b)), "3,4");
	CHECK_STR(figure_format(NAN, "€", LANG_FR, b, sizeof(b)), "-");
	CHECK(unit_is_seconds("s") && unit_is_seconds("Secondes") && !unit_is_seconds("min"));
	CHECK(unit_is_currency("€") && unit_is_currency("EUR") && !unit_is_currency("points"));
}

T_MAIN("figure")
