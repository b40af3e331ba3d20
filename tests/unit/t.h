/* A minimal test harness: each case is a sentence, each file a runner that
 * ends with "N passed, N failed" and exits non-zero on any failure. A case
 * that makes no check fails: a test that cannot fail is not a test.
 *
 *   TEST("an empty buffer reads as an empty string") { CHECK(...); }
 *   int main(void) { return t_main(); }   (from T_MAIN)
 */
#ifndef CIBLE_T_H
#define CIBLE_T_H
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef void (*t_fn)(void);
struct t_case { const char *name; t_fn fn; };
static struct t_case t_cases[1024];
static int t_ncases, t_failed_now, t_checks;

#define T_CAT2(a, b) a##b
#define T_CAT(a, b) T_CAT2(a, b)
#define TEST(t_title) \
	static void T_CAT(t_fn_, __LINE__)(void); \
	__attribute__((constructor)) static void T_CAT(t_reg_, __LINE__)(void) \
	{ t_cases[t_ncases].name = t_title; t_cases[t_ncases++].fn = T_CAT(t_fn_, __LINE__); } \
	static void T_CAT(t_fn_, __LINE__)(void)

#define CHECK(cond) do { t_checks++; if (!(cond)) { t_failed_now = 1; \
	fprintf(stderr, "    %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_INT(a, b) do { long long t_a = (a), t_b = (b); t_checks++; if (t_a != t_b) { \
	t_failed_now = 1; fprintf(stderr, "    %s:%d: %s == %lld, expected %lld\n", \
	__FILE__, __LINE__, #a, t_a, t_b); } } while (0)
#define CHECK_STR(a, b) do { const char *t_a = (a), *t_b = (b); t_checks++; \
	if (!t_a || !t_b || strcmp(t_a, t_b)) { t_failed_now = 1; \
	fprintf(stderr, "    %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
	#a, t_a ? t_a : "(null)", t_b ? t_b : "(null)"); } } while (0)
#define CHECK_NEAR(a, b, eps) do { double t_a = (a), t_b = (b); t_checks++; \
	if (!(fabs(t_a - t_b) <= (eps))) { t_failed_now = 1; \
	fprintf(stderr, "    %s:%d: %s == %.6g, expected %.6g\n", __FILE__, __LINE__, \
	#a, t_a, t_b); } } while (0)

static int t_main(const char *suite)
{
	int passed = 0, failed = 0;
	for (int i = 0; i < t_ncases; i++) {
		t_failed_now = 0;
		int checks_before = t_checks;
		t_cases[i].fn();
		if (t_checks == checks_before) {
			t_failed_now = 1;
			fprintf(stderr, "    the case made no check\n");
		}
		if (t_failed_now) {
			failed++;
			fprintf(stderr, "  FAIL %s: %s\n", suite, t_cases[i].name);
		} else {
			passed++;
		}
	}
	if (t_ncases == 0) {
		fprintf(stderr, "  FAIL %s: no test case\n", suite);
		failed = 1;
	}
	printf("%s: %d passed, %d failed\n", suite, passed, failed);
	return failed ? 1 : 0;
}
#define T_MAIN(suite) int main(void) { return t_main(suite); }
#endif
