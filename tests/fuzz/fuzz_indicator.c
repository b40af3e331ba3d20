/* libFuzzer target for the indicator language: any bytes as an expression;
 * what compiles is evaluated on a few records (missing values, text, yes/no)
 * through both the mergeable and the raw paths, which must agree. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/indicator.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = malloc(size + 1);
	if (!src)
		return 0;
	memcpy(src, data, size);
	src[size] = '\0';
	struct indicator ind;
	struct err e;
	err_clear(&e);
	if (indicator_parse(src, &ind, &e)) {
		if (!e.code || strcmp(e.field, "expr"))
			abort();  /* every failure names its reason */
		free(src);
		return 0;
	}
	static const struct ival samples[] = {
		{ IV_NULL, 0, NULL }, { IV_NUM, 3.5, NULL }, { IV_NUM, -2, NULL },
		{ IV_BOOL, 1, NULL }, { IV_BOOL, 0, NULL }, { IV_STR, 0, "Y" },
		{ IV_STR, 0, "Payment" }, { IV_STR, 0, "" }, { IV_NUM, 0, NULL },
	};
	double st[4 * IND_MAX_SLOTS];
	struct ind_raw r;
	indicator_state_init(&ind, st);
	indicator_raw_init(&ind, &r);
	for (int k = 0; k < 7; k++) {
		struct ival rec[IND_MAX_FIELDS];
		for (int i = 0; i < ind.nfields; i++)
			rec[i] = samples[(size_t)(k * 7 + i * 3) % (sizeof(samples) / sizeof(samples[0]))];
		indicator_state_add(&ind, st, rec);
		indicator_raw_add(&ind, &r, rec);
	}
	double a = indicator_raw_value(&ind, &r);
	if (ind.mergeable) {
		double b = indicator_value(&ind, st);
		if (!(isnan(a) && isnan(b)) && !(a == b) && !(fabs(a - b) <= 1e-9 * fabs(a)))
			abort();  /* the two paths disagree */
	}
	indicator_raw_free(&r);
	free(src);
	return 0;
}
