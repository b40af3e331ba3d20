/* The period reader: the table of tests/data/periods.tsv (expressions, the
 * fiscal year's first month, the start, due and rhythm expected on the
 * reference day 2026-12-02, computed by tests/data/gen_periods.py), each
 * expression read alone and inside a sentence; misses are printed. */
#include <stdlib.h>
#include "t.h"
#include "core/period.h"
#include "core/sentence.h"

static bool day_is(const char *want, day_t got)
{
	if (!strcmp(want, "-"))
		return got == DAY_NONE;
	day_t d;
	return !date_parse_iso(want, &d) && d == got;
}

static int table(bool in_sentence, int *rows)
{
	FILE *f = fopen("tests/data/periods.tsv", "r");
	if (!f)
		return -1;
	char line[512];
	int n = 0, miss = 0;
	day_t ref = date_from_ymd(2026, 12, 2);
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || !strncmp(line, "expression\t", 11) || !line[0])
			continue;
		char *c[6];
		int k = 0;
		for (char *p = line; k < 6; k++) {
			c[k] = p;
			char *tab = strchr(p, '\t');
			if (!tab) {
				k++;
				break;
			}
			*tab = '\0';
			p = tab + 1;
		}
		if (k != 6)
			continue;
		enum lang lang = strcmp(c[1], "en") ? LANG_FR : LANG_EN;
		struct period p;
		char text[256];
		/* inside a sentence: its numbers are not the period's */
		if (in_sentence)
			snprintf(text, sizeof(text), lang == LANG_FR ? "Augmenter le chiffre d'affaires de 7 %% %s"
				 : "Grow revenue by 7%% %s", c[0]);
		else
			snprintf(text, sizeof(text), "%s", c[0]);
		period_read(text, strlen(text), lang, ref, atoi(c[2]), &p);
		const char *rh = period_rhythm_name(p.rhythm);
		bool ok = day_is(c[3], p.found ? p.start : DAY_NONE) && day_is(c[4], p.found ? p.due : DAY_NONE) &&
			  (!strcmp(c[5], "-") ? p.rhythm == PR_NONE : !strcmp(c[5], rh));
		n++;
		if (!ok) {
			char a[11] = "-", b[11] = "-";
			if (p.found) {
				date_format_iso(p.start, a);
				date_format_iso(p.due, b);
			}
			printf("    want %s %s %-9s got %s %s %-9s fy %s  %s\n", c[3], c[4], c[5], a, b,
			       p.rhythm ? rh : "-", c[2], text);
			miss++;
		}
	}
	fclose(f);
	*rows = n;
	printf("period table%s: %d/%d read right\n", in_sentence ? " (in sentences)" : "", n - miss, n);
	return miss;
}

TEST("the period table reads right, every row")
{
	int n = 0;
	CHECK_INT(table(false, &n), 0);
	CHECK(n >= 300);
}

TEST("the period table reads right inside a sentence, every row")
{
	int n = 0;
	CHECK_INT(table(true, &n), 0);
	CHECK(n >= 300);
}

TEST("the sentence reader takes its period from the period reader")
{
	struct sentence s;
	const char *t = "Augmenter le CA de 10 % d'ici fin 2026";
	sentence_read(t, strlen(t), LANG_FR, date_from_ymd(2026, 12, 2), &s);
	struct period p;
	period_read(t, strlen(t), LANG_FR, date_from_ymd(2026, 12, 2), 1, &p);
	CHECK(p.found);
	CHECK_INT(s.start, p.start);
	CHECK_INT(s.due, p.due);
	CHECK_INT(s.due, date_from_ymd(2026, 12, 31));
}

T_MAIN("period")
