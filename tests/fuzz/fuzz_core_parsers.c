/* libFuzzer target for the small parsers of the core: ISO dates, working-day
 * lists, Accept-Language, message rendering. Input: arbitrary bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "core/model.h"
#include "core/msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	day_t d;
	if (date_parse_iso(s, &d) == 0) {
		char back[11];
		date_format_iso(d, back);
		if (strcmp(back, s))
			abort();  /* a parsed date must print back the same */
	}
	long long t;
	(void)date_parse_datetime(s, &t);
	unsigned mask;
	if (working_days_parse(s, &mask) == 0 && (mask == 0 || mask > 0x7f))
		abort();
	(void)lang_parse(s);
	struct buf b = BUF_INIT;
	msg_render(&b, s, "a", NULL);
	buf_add_html(&b, s);
	buf_free(&b);
	for (int i = 0; i < DIR__COUNT; i++)
		(void)direction_parse(s);
	free(s);
	return 0;
}
