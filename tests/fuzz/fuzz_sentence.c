/* libFuzzer target for the sentence reader: any bytes (invalid UTF-8, NUL,
 * a megabyte) read in both languages against two reference days; the result
 * must hold together (a quoted indicator is NUL-terminated valid text, a due
 * date has a start on or before it); with and without an organisation's
 * words. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/sentence.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int days[2][3] = { { 2026, 11, 25 }, { 2027, 12, 31 } };
	/* an organisation's words: its synonyms and its indicators' names */
	static const struct sentence_word words[] = {
		{ "temps de garde", "hold_time", LANG_FR, true }, { "hold time", "hold_time", LANG_EN, true },
		{ "Durée moyenne de traitement (DMT)", "aht", LANG_FR, false },
		{ "x", "too_short", LANG_FR, true }, { "calls_handled", "calls_handled", LANG_EN, false } };
	static const struct sentence_lexicon lex = { words, sizeof(words) / sizeof(words[0]) };
	for (int l = 0; l < 4; l++) {
		struct sentence s;
		day_t today = date_from_ymd(days[l & 1][0], days[l & 1][1], days[l & 1][2]);
		sentence_read_with((const char *)data, size, (l & 1) ? LANG_EN : LANG_FR, today,
				   l >= 2 ? &lex : NULL, &s);
		if (strlen(s.indicator) >= sizeof(s.indicator) || strlen(s.owner) >= sizeof(s.owner) ||
		    strlen(s.indicator_key) >= sizeof(s.indicator_key))
			abort();
		if (s.due != DAY_NONE && s.start != DAY_NONE && s.start > s.due + 366)
			abort();
		(void)sentence_unit_name(s.unit);
		(void)owner_kind_name(s.owner_kind);
	}
	return 0;
}
