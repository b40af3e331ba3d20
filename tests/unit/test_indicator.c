/* The indicator language: parsing, errors with positions, evaluation on
 * records (missing values, yes/no text, three-valued conditions), merging of
 * states, raw aggregates, and the ready-made catalog. */
#include "t.h"
#include "core/indicator.h"

/* A small call log: answered, resolved, speed, topic */
struct call { int answered, resolved; double speed; const char *topic; };
static const struct call calls[] = {
	{ 1, 1, 10, "Payment" }, { 1, 0, 30, "Payment" }, { 0, 0, -1, "Streaming" },
	{ 1, 1, 50, "Streaming" }, { 1, 1, 20, "Payment" }, { 0, 0, -1, "Payment" },
};
#define NCALLS (sizeof(calls) / sizeof(calls[0]))

static double run(const char *expr, bool raw)
{
	struct indicator ind;
	struct err e;
	err_clear(&e);
	if (indicator_parse(expr, &ind, &e)) {
		fprintf(stderr, "    parse failed: %s %s %s\n", e.code, e.arg[0], e.arg[1]);
		return -12345;
	}
	const char *names[] = { "answered", "resolved", "speed", "topic" };
	int map[IND_MAX_FIELDS];
	indicator_bind(&ind, names, 4, map);
	double st[4 * IND_MAX_SLOTS];
	struct ind_raw r;
	indicator_state_init(&ind, st);
	indicator_raw_init(&ind, &r);
	for (size_t k = 0; k < NCALLS; k++) {
		struct ival all[4] = {
			{ IV_BOOL, calls[k].answered, NULL }, { IV_BOOL, calls[k].resolved, NULL },
			{ calls[k].speed < 0 ? IV_NULL : IV_NUM, calls[k].speed, NULL },
			{ IV_STR, 0, calls[k].topic } };
		struct ival rec[IND_MAX_FIELDS];
		for (int i = 0; i < ind.nfields; i++)
			rec[i] = map[i] >= 0 ? all[map[i]] : (struct ival){ IV_NULL, 0, NULL };
		indicator_state_add(&ind, st, rec);
		indicator_raw_add(&ind, &r, rec);
	}
	double v = raw ? indicator_raw_value(&ind, &r) : indicator_value(&ind, st);
	indicator_raw_free(&r);
	return v;
}

static const char *error_of(const char *expr, char *pos)
{
	struct indicator ind;
	static struct err e;
	err_clear(&e);
	if (!indicator_parse(expr, &ind, &e))
		return "ok";
	if (pos)
		strcpy(pos, e.arg[0]);
	return e.code;
}

TEST("counts, sums, averages, minimum and maximum over records")
{
	CHECK_NEAR(run("count()", false), 6, 0);
	CHECK_NEAR(run("count(*)", false), 6, 0);
	CHECK_NEAR(run("count(speed)", false), 4, 0);  /* missing values are not counted */
	CHECK_NEAR(run("sum(speed)", false), 110, 0);
	CHECK_NEAR(run("avg(speed)", false), 27.5, 1e-12);
	CHECK_NEAR(run("min(speed)", false), 10, 0);
	CHECK_NEAR(run("MAX(speed)", false), 50, 0);
}

TEST("where filters the aggregate it follows, with and, or, not, in and comparisons")
{
	CHECK_NEAR(run("count() where answered", false), 4, 0);
	CHECK_NEAR(run("count() where answered = 'Y' and topic = 'Payment'", false), 3, 0);
	CHECK_NEAR(run("count() where not answered", false), 2, 0);
	CHECK_NEAR(run("count() where topic in ('Streaming', 'Admin')", false), 2, 0);
	CHECK_NEAR(run("count() where topic not in ('Streaming')", false), 4, 0);
	CHECK_NEAR(run("count() where speed is null", false), 2, 0);
	CHECK_NEAR(run("count() where speed >= 20 or topic = 'Streaming'", false), 4, 0);
	CHECK_NEAR(run("avg(speed) where topic = 'Payment'", false), 20, 1e-12);
	/* a comparison with a missing value is unknown: the record is left out */
	CHECK_NEAR(run("count() where speed < 100", false), 4, 0);
	CHECK_NEAR(run("count() where not (speed < 100)", false), 0, 0);
	CHECK_NEAR(run("count() where (speed + 10) * 2 > 50", false), 3, 0);
}

TEST("share, ratio and arithmetic give rates, with the call-centre definitions")
{
	CHECK_NEAR(run("100 * share(answered)", false), 400.0 / 6, 1e-9);
	CHECK_NEAR(run("100 * share(resolved) where answered", false), 75, 1e-12);
	CHECK_NEAR(run("100 * share(answered and speed <= 20)", false), 200.0 / 6, 1e-9);
	CHECK_NEAR(run("ratio(count() where resolved, count() where answered)", false), 0.75, 1e-12);
	CHECK_NEAR(run("sum(speed) / count(speed)", false), 27.5, 1e-12);
	CHECK_NEAR(run("-count() + 10", false), 4, 0);
	CHECK(isnan(run("avg(speed) where topic = 'None'", false)));
	CHECK(isnan(run("count() / (count() - 6)", false)));
	CHECK_NEAR(run("sum(speed) where topic = 'None'", false), 0, 0);
}

TEST("distinct over no values is 0 (fuzz_indicator: qsort was given NULL, UBSan in make asan)")
{
	CHECK_NEAR(run("distinct(nosuch)", true), 0, 0);
	CHECK_NEAR(run("distinct(nosuch) + count()", true), 6, 0);
}

TEST("distinct and percentile are computed from the records")
{
	CHECK_NEAR(run("distinct(topic)", true), 2, 0);
	CHECK_NEAR(run("distinct(speed)", true), 4, 0);
	CHECK_NEAR(run("percentile(speed, 50)", true), 25, 1e-12);
	CHECK_NEAR(run("percentile(speed, 100)", true), 50, 0);
	CHECK_NEAR(run("percentile(speed, 0) where topic = 'Payment'", true), 10, 0);
	CHECK_NEAR(run("100 * share(resolved) where answered", true), 75, 1e-12);
}

TEST("an expression knows whether it adds up over time and whether states merge")
{
	struct indicator ind;
	struct err e;
	CHECK_INT(indicator_parse("count() where answered", &ind, &e), 0);
	CHECK(ind.cumulative && ind.mergeable);
	CHECK_INT(indicator_parse("sum(amount) - 2 * sum(refund)", &ind, &e), 0);
	CHECK(ind.cumulative);
	CHECK_INT(indicator_parse("100 * share(answered)", &ind, &e), 0);
	CHECK(!ind.cumulative && ind.mergeable);
	CHECK_INT(indicator_parse("percentile(speed, 90)", &ind, &e), 0);
	CHECK(!ind.cumulative && !ind.mergeable);
	CHECK_INT(ind.nfields, 1);
	CHECK_STR(indicator_field(&ind, 0), "speed");
	CHECK_INT(indicator_parse("avg(\"Speed of answer\")", &ind, &e), 0);
	CHECK_STR(indicator_field(&ind, 0), "Speed of answer");
}

TEST("merging two days' states equals one state over both days")
{
	struct indicator ind;
	struct err e;
	CHECK_INT(indicator_parse("avg(speed) + max(speed) + count()", &ind, &e), 0);
	double a[4 * IND_MAX_SLOTS], b[4 * IND_MAX_SLOTS], all[4 * IND_MAX_SLOTS];
	indicator_state_init(&ind, a);
	indicator_state_init(&ind, b);
	indicator_state_init(&ind, all);
	double speeds[] = { 3, 9, 4, 12, 1 };
	for (int i = 0; i < 5; i++) {
		struct ival v = { IV_NUM, speeds[i], NULL };
		indicator_state_add(&ind, i < 2 ? a : b, &v);
		indicator_state_add(&ind, all, &v);
	}
	indicator_state_merge(&ind, a, b);
	CHECK_NEAR(indicator_value(&ind, a), indicator_value(&ind, all), 1e-12);
	CHECK_NEAR(indicator_value(&ind, all), 29.0 / 5 + 12 + 5, 1e-12);
}

TEST("a wrong expression is reported with its position and the reason")
{
	char pos[32] = "";
	CHECK_STR(error_of("", NULL), "ind_empty");
	CHECK_STR(error_of("cont()", pos), "ind_unknown_function");
	CHECK_STR(pos, "1");
	CHECK_STR(error_of("sum(amount", pos), "ind_expected");
	CHECK_STR(pos, "11");
	CHECK_STR(error_of("sum(amount) where", pos), "ind_expected_value");
	CHECK_STR(error_of("answered + 1", pos), "ind_outside_aggregate");
	CHECK_STR(pos, "1");
	CHECK_STR(error_of("count() where topic = 'Pay", pos), "ind_unterminated_string");
	CHECK_STR(pos, "23");
	CHECK_STR(error_of("sum(count())", pos), "ind_nested_aggregate");
	CHECK_STR(error_of("percentile(speed, 120)", pos), "ind_bad_percentile");
	CHECK_STR(pos, "19");
	CHECK_STR(error_of("12 * 3", NULL), "ind_no_aggregate");
	CHECK_STR(error_of("count() > 3", pos), "ind_outside_aggregate");
	CHECK_STR(pos, "9");
	CHECK_STR(error_of("count() count()", pos), "ind_unexpected");
	CHECK_STR(error_of("sum()", NULL), "ind_expected_field");
	CHECK_STR(error_of("count() where a = 1 where b", NULL), "ind_where_placement");
	char deep[400];
	memset(deep, '(', 300);
	strcpy(deep + 300, "count()");
	CHECK_STR(error_of(deep, NULL), "ind_too_complex");
}

TEST("every ready-made indicator compiles and has names in both languages")
{
	int n = 0;
	for (const struct indicator_def *d = indicator_catalog; d->key; d++, n++) {
		struct indicator ind;
		struct err e;
		CHECK_INT(indicator_parse(d->expr, &ind, &e), 0);
		CHECK(d->name_fr && d->name_en && d->kind && d->unit);
	}
	CHECK(n >= 15);
	CHECK(indicator_catalog_find("fcr") != NULL);
	CHECK(indicator_catalog_find("nope") == NULL);
}

T_MAIN("indicator")
