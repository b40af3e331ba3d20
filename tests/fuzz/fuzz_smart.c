/* libFuzzer target for the SMART analyzer: an objective built from the
 * input (its texts split from the bytes, its numbers, dates, direction and
 * history drawn from them), judged and rendered in both languages. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/smart.h"

static uint32_t take(const uint8_t **p, size_t *n)
{
	uint32_t v = 0;
	for (int i = 0; i < 4 && *n; i++, (*p)++, (*n)--)
		v = v << 8 | **p;
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data;
	size_t n = size;
	uint32_t a = take(&p, &n), b = take(&p, &n), c = take(&p, &n), d = take(&p, &n);
	/* the rest: up to five NUL-separated texts */
	char *text = malloc(n + 1);
	if (!text)
		return 0;
	memcpy(text, p, n);
	text[n] = '\0';
	const char *parts[5] = { "", "", "", "", "" };
	char *q = text;
	for (int i = 0; i < 5 && q <= text + n; i++) {
		parts[i] = q;
		q += strlen(q) + 1;
	}
	struct objective o;
	objective_init(&o);
	o.title = parts[0];
	o.what = parts[1];
	o.who = parts[2];
	o.indicator = parts[3];
	o.unit_label = parts[4];
	o.level = (enum level)(a % 4);
	o.direction = (enum direction)(a / 4 % DIR__COUNT);
	o.has_target = b & 1;
	o.target = (double)(int32_t)b / 7.0;
	o.has_baseline = b & 2;
	o.baseline = (double)(int32_t)c / 3.0;
	o.start = (b & 4) ? (day_t)(c % 40000) : DAY_NONE;
	o.due = (b & 8) ? (day_t)(c % 40000 + (int)(d % 5000) - 1000) : DAY_NONE;
	o.owner_person_id = (d & 16) ? 7 : 0;
	o.owner_unit_id = (d & 32) ? 3 : 0;
	double own[8], peer[8];
	for (int i = 0; i < 8; i++) {
		own[i] = (double)(int8_t)(a >> i) * 1.5;
		peer[i] = (double)(int8_t)(d >> i) / 2.0;
	}
	const char *siblings[2] = { parts[1], parts[0] };
	struct smart_context ctx = { (day_t)(d % 40000), (enum service_type)(a % 3),
		(a & 64) ? (day_t)(d % 40000 - 30) : DAY_NONE, (c & 1) != 0, siblings, (c >> 1) % 3,
		own, (c >> 3) % 9, peer, (c >> 7) % 9 };
	struct smart_result r;
	smart_check(&o, &ctx, &r);
	if (r.score < 0 || r.score > 100 || r.nreasons > SMART_MAX_REASONS)
		abort();
	for (int l = 0; l < 2; l++) {
		struct buf out = BUF_INIT;
		smart_render_text(&r, l ? LANG_EN : LANG_FR, &out);
		buf_free(&out);
	}
	free(text);
	return 0;
}
