/* The sentence reader: the seed texts, number and duration forms, periods,
 * owners, what it leaves unread, bad bytes; and the corpus of
 * tests/data/sentences.tsv, whose share of fields read right is printed. */
#include <math.h>
#include <stdlib.h>
#include "t.h"
#include "core/sentence.h"
#include "core/smart.h"
#include "core/words.h"

static day_t today(void)
{
	return date_from_ymd(2026, 11, 25);
}

static struct sentence rd(const char *text)
{
	struct sentence s;
	sentence_read(text, strlen(text), LANG_FR, today(), &s);
	return s;
}

static day_t D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

TEST("the seed texts read right")
{
	struct sentence s = rd("L'équipe A doit augmenter le trafic du site internet de 20% sur le mois !");
	CHECK(s.has_direction && s.direction == DIR_INCREASE);
	CHECK_STR(s.indicator_key, "traffic");
	CHECK_STR(s.indicator, "trafic du site internet");
	CHECK(s.has_magnitude && s.magnitude == 20 && s.unit == SU_PERCENT);
	CHECK_INT(s.start, D(2026, 11, 1));
	CHECK_INT(s.due, D(2026, 11, 30));
	CHECK_INT(s.owner_kind, OW_TEAM);
	CHECK_STR(s.owner, "L'équipe A");
	s = rd("Nous devons augmenter notre fidélisation client de 30%.");
	CHECK_STR(s.indicator_key, "retention");
	CHECK(s.magnitude == 30 && s.unit == SU_PERCENT && s.direction == DIR_INCREASE);
	CHECK_INT(s.owner_kind, OW_WE);
	CHECK_INT(s.due, DAY_NONE);
	CHECK(s.questions & Q_WHEN);
	s = rd("Tenir un délai de réponse en moins de 12h");
	CHECK_STR(s.indicator_key, "response_time");
	CHECK(s.direction == DIR_STAY_BELOW && s.magnitude == 43200 && s.unit == SU_SECONDS);
}

TEST("a relative change, a change in points and a level are told apart")
{
	CHECK_INT(rd("Augmenter le CA de 20 % en 2027").unit, SU_PERCENT);
	CHECK_INT(rd("Augmenter le taux de conversion de 20 points en 2027").unit, SU_POINTS);
	CHECK_INT(rd("Atteindre 20 % de taux de conversion en 2027").unit, SU_PERCENT_LEVEL);
	struct sentence s = rd("Porter la résolution au premier contact de 70 % à 78 % au T1 2027");
	CHECK(s.has_baseline && s.baseline == 70 && s.magnitude == 78);
	CHECK_INT(s.unit, SU_PERCENT_LEVEL);
	CHECK_INT(s.direction, DIR_INCREASE);
}

TEST("numbers in both notations, written out, in euros and durations")
{
	CHECK_NEAR(rd("Réaliser 1 234,5 € de CA").magnitude, 1234.5, 1e-9);
	struct sentence e;
	sentence_read("Reach €1,234.5 of revenue", 25, LANG_EN, today(), &e);
	CHECK_NEAR(e.magnitude, 1234.5, 1e-9);
	CHECK_NEAR(rd("Réaliser 250 k€ de CA").magnitude, 250000, 0);
	CHECK_NEAR(rd("Réaliser 1,2 M€ de CA").magnitude, 1200000, 1e-6);
	CHECK_NEAR(rd("Signer vingt-cinq contrats").magnitude, 25, 0);
	CHECK_NEAR(rd("Traiter mille deux cents appels").magnitude, 1200, 0);
	CHECK_NEAR(rd("Réduire la DMT à 4 min 30").magnitude, 270, 0);
	CHECK_NEAR(rd("Réduire la DMT à 4min30").magnitude, 270, 0);
	CHECK_NEAR(rd("Répondre en moins de 12 h").magnitude, 43200, 0);
	CHECK_NEAR(rd("Décrocher en 90 secondes").magnitude, 90, 0);
	CHECK_INT(rd("Signer un contrat").has_magnitude, 0);  /* an article, not a number */
}

TEST("periods and deadlines resolve against the reference day")
{
	CHECK_INT(rd("Signer 10 contrats au T1 2027").start, D(2027, 1, 1));
	CHECK_INT(rd("Signer 10 contrats au T1 2027").due, D(2027, 3, 31));
	CHECK_INT(rd("Signer 10 contrats d'ici fin mars").due, D(2027, 3, 31));
	CHECK_INT(rd("Signer 10 contrats d'ici fin mars").start, today());
	CHECK_INT(rd("Signer 10 contrats avant le 30/06").due, D(2027, 6, 30));
	CHECK_INT(rd("Signer 10 contrats en 2027").start, D(2027, 1, 1));
	CHECK_INT(rd("Signer 10 contrats ce trimestre").due, D(2026, 12, 31));
	CHECK_INT(rd("Signer 10 contrats cette semaine").start, D(2026, 11, 23));
	CHECK_INT(rd("Signer 10 contrats d'ici 6 mois").due, D(2027, 5, 25));
	struct sentence s;
	sentence_read("Sign 10 contracts by the end of Q2", 34, LANG_EN, today(), &s);
	CHECK_INT(s.due, D(2027, 6, 30));
	sentence_read("Sign 10 contracts within 6 months", 33, LANG_EN, today(), &s);
	CHECK_INT(s.due, D(2027, 5, 25));
	CHECK_INT(rd("Signer 10 contrats le 31/02").due, DAY_NONE);  /* no such day */
	/* a deadline already passed is its own period, never a reversed one
	 * (found by fuzz_sentence) */
	CHECK_INT(rd("Signer 10 contrats d'ici la fin du T2 2010").start, D(2010, 4, 1));
	CHECK_INT(rd("Signer 10 contrats d'ici la fin du T2 2010").due, D(2010, 6, 30));
	CHECK_INT(rd("Signer 10 contrats avant le 30/06/2010").start, D(2010, 6, 30));
	CHECK_INT(rd("Signer 10 contrats avant le 30/06/2010").due, D(2010, 6, 30));
}

/* Deadlines and periods of issue 18, on 2026-12-02, both languages. */
TEST("deadlines: year ends, months, seasons, halves, fiscal years, spans")
{
	static const struct { const char *s; enum lang l; int sy, sm, sd, dy, dm, dd; } c[] = {
		{ "Augmenter le CA de 10 % d'ici fin 2026", LANG_FR, 2026, 12, 2, 2026, 12, 31 },
		{ "Raise revenue by 10% by the end of 2027", LANG_EN, 2026, 12, 2, 2027, 12, 31 },
		{ "Sign 40 contracts by December 2027", LANG_EN, 2026, 12, 2, 2027, 12, 31 },
		{ "Signer 40 contrats d'ici décembre", LANG_FR, 2026, 12, 2, 2026, 12, 31 },
		{ "Signer 40 contrats d'ici juin", LANG_FR, 2026, 12, 2, 2027, 6, 30 },
		{ "Signer 40 contrats d'ici l'été", LANG_FR, 2026, 12, 2, 2027, 5, 31 },
		{ "Sign 40 contracts by summer", LANG_EN, 2026, 12, 2, 2027, 5, 31 },
		{ "Signer 40 contrats d'ici la fin de l'été", LANG_FR, 2026, 12, 2, 2027, 8, 31 },
		{ "Signer 40 contrats cet hiver", LANG_FR, 2026, 12, 1, 2027, 2, 28 },
		{ "Sign 40 contracts this summer", LANG_EN, 2027, 6, 1, 2027, 8, 31 },
		{ "Signer 40 contrats au premier semestre", LANG_FR, 2027, 1, 1, 2027, 6, 30 },
		{ "Sign 40 contracts in H1 2027", LANG_EN, 2027, 1, 1, 2027, 6, 30 },
		{ "Sign 40 contracts in the second half of 2027", LANG_EN, 2027, 7, 1, 2027, 12, 31 },
		{ "Signer 40 contrats sur l'exercice 2027", LANG_FR, 2027, 1, 1, 2027, 12, 31 },
		{ "Sign 40 contracts in FY2027", LANG_EN, 2027, 1, 1, 2027, 12, 31 },
		{ "Sign 40 contracts in FY27", LANG_EN, 2027, 1, 1, 2027, 12, 31 },
		{ "Keep the answer rate above 90% all year", LANG_EN, 2026, 1, 1, 2026, 12, 31 },
		{ "Maintenir le taux de décroché à 90 % toute l'année", LANG_FR, 2026, 1, 1, 2026, 12, 31 },
		{ "Close 25 deals before year end", LANG_EN, 2026, 12, 2, 2026, 12, 31 },
		{ "Signer 25 contrats avant la fin de l'année", LANG_FR, 2026, 12, 2, 2026, 12, 31 },
		{ "Sign 25 contracts by mid-year", LANG_EN, 2026, 12, 2, 2027, 6, 30 },
		{ "Signer 25 contrats d'ici mi-année", LANG_FR, 2026, 12, 2, 2027, 6, 30 },
		{ "Signer 25 contrats d'ici mi-2028", LANG_FR, 2026, 12, 2, 2028, 6, 30 },
		{ "Sign 25 contracts next quarter", LANG_EN, 2027, 1, 1, 2027, 3, 31 },
		{ "Signer 25 contrats le trimestre prochain", LANG_FR, 2027, 1, 1, 2027, 3, 31 },
		{ "Signer 25 contrats la semaine prochaine", LANG_FR, 2026, 12, 7, 2026, 12, 13 },
		{ "Sign 25 contracts next week", LANG_EN, 2026, 12, 7, 2026, 12, 13 },
		{ "Signer 25 contrats en mars prochain", LANG_FR, 2027, 3, 1, 2027, 3, 31 },
		{ "Sign 25 contracts next March", LANG_EN, 2027, 3, 1, 2027, 3, 31 },
		{ "Sign 25 contracts in March 2028", LANG_EN, 2028, 3, 1, 2028, 3, 31 },
		{ "Signer 12 contrats d'ici le 15 mars 2027", LANG_FR, 2026, 12, 2, 2027, 3, 15 },
	};
	for (size_t k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		struct sentence s;
		sentence_read(c[k].s, strlen(c[k].s), c[k].l, D(2026, 12, 2), &s);
		if (s.start != D(c[k].sy, c[k].sm, c[k].sd) || s.due != D(c[k].dy, c[k].dm, c[k].dd))
			printf("    period of: %s\n", c[k].s);
		CHECK_INT(s.start, D(c[k].sy, c[k].sm, c[k].sd));
		CHECK_INT(s.due, D(c[k].dy, c[k].dm, c[k].dd));
	}
}

/* Amounts, kinds and indicators of issue 18, both languages. */
TEST("amounts and kinds: index points, dollars, fractions, doubling, at least")
{
	static const struct { const char *s; enum lang l; const char *key; double m; enum sentence_unit u;
			      int dir; } c[] = {
		{ "Passer le NPS de 20 à 35", LANG_FR, "nps", 35, SU_POINTS, DIR_INCREASE },
		{ "Raise the NPS from 20 to 35", LANG_EN, "nps", 35, SU_POINTS, DIR_INCREASE },
		{ "Generate $1.2M of revenue", LANG_EN, "revenue", 1200000, SU_EUR, DIR_REACH },
		{ "Réaliser 1,2 M€ de CA", LANG_FR, "revenue", 1200000, SU_EUR, DIR_REACH },
		{ "Cut complaints by a third", LANG_EN, "complaints", 100.0 / 3, SU_PERCENT, DIR_DECREASE },
		{ "Réduire les réclamations d'un tiers", LANG_FR, "complaints", 100.0 / 3, SU_PERCENT, DIR_DECREASE },
		{ "Réduire les réclamations de moitié", LANG_FR, "complaints", 50, SU_PERCENT, DIR_DECREASE },
		{ "Cut complaints by half", LANG_EN, "complaints", 50, SU_PERCENT, DIR_DECREASE },
		{ "Doubler le trafic du site", LANG_FR, "traffic", 100, SU_PERCENT, DIR_INCREASE },
		{ "Double website traffic", LANG_EN, "traffic", 100, SU_PERCENT, DIR_INCREASE },
		{ "Tripler les ventes additionnelles", LANG_FR, "upsell", 200, SU_PERCENT, DIR_INCREASE },
		{ "Triple upsell revenue", LANG_EN, "upsell", 200, SU_PERCENT, DIR_INCREASE },
		{ "Obtenir une note de satisfaction d'au moins 4,2", LANG_FR, "csat", 4.2, SU_NONE, DIR_STAY_ABOVE },
		{ "Get a customer satisfaction of at least 4.2", LANG_EN, "csat", 4.2, SU_NONE, DIR_STAY_ABOVE },
	};
	for (size_t k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		struct sentence s;
		sentence_read(c[k].s, strlen(c[k].s), c[k].l, D(2026, 12, 2), &s);
		if (strcmp(s.indicator_key, c[k].key) || fabs(s.magnitude - c[k].m) > 1e-9 ||
		    s.unit != c[k].u || (int)s.direction != c[k].dir)
			printf("    amount of: %s\n", c[k].s);
		CHECK_STR(s.indicator_key, c[k].key);
		CHECK_NEAR(s.magnitude, c[k].m, 1e-9);
		CHECK_INT(s.unit, c[k].u);
		CHECK_INT(s.direction, c[k].dir);
	}
	struct sentence s;
	sentence_read("Generate $1.2M of revenue", 25, LANG_EN, D(2026, 12, 2), &s);
	CHECK(s.usd);
	CHECK(!rd("Réaliser 1,2 M€ de CA").usd);
	CHECK(rd("Passer le NPS de 20 à 35").level);
	CHECK(!rd("Augmenter le NPS de 10 points").level);
}

TEST("indicators in everyday words")
{
	static const struct { const char *s; enum lang l; const char *key; enum sentence_unit u; } c[] = {
		{ "Réduire le temps d'attente moyen à 30 secondes", LANG_FR, "asa", SU_SECONDS },
		{ "Lower the average waiting time to 30 seconds", LANG_EN, "asa", SU_SECONDS },
		{ "Atteindre 5 000 abonnés à la newsletter", LANG_FR, "subscribers", SU_COUNT },
		{ "Reach 5,000 newsletter subscribers", LANG_EN, "subscribers", SU_COUNT },
		{ "Porter le taux de participation aux enquêtes à 60 %", LANG_FR, "participation", SU_PERCENT_LEVEL },
		{ "Raise the survey participation rate to 60%", LANG_EN, "participation", SU_PERCENT_LEVEL },
		{ "Book 40 meetings", LANG_EN, "appointments", SU_COUNT },
		{ "Décrocher 40 rendez-vous", LANG_FR, "appointments", SU_COUNT },
		{ "Traiter 2 000 demandes clients", LANG_FR, "tickets", SU_COUNT },
		{ "Answer 2,000 customer requests", LANG_EN, "tickets", SU_COUNT },
		{ "Atteindre 100 % de l'objectif de vente", LANG_FR, "revenue", SU_PERCENT_LEVEL },
		{ "Hit 110% of the sales target", LANG_EN, "revenue", SU_PERCENT_LEVEL },
	};
	for (size_t k = 0; k < sizeof(c) / sizeof(c[0]); k++) {
		struct sentence s;
		sentence_read(c[k].s, strlen(c[k].s), c[k].l, D(2026, 12, 2), &s);
		if (strcmp(s.indicator_key, c[k].key) || s.unit != c[k].u)
			printf("    indicator of: %s\n", c[k].s);
		CHECK_STR(s.indicator_key, c[k].key);
		CHECK_INT(s.unit, c[k].u);
	}
}

TEST("an organisation's own words: its synonyms win at equal length, its names only when longer")
{
	static const struct sentence_word w[] = {
		{ "Temps de mise en attente", "hold_time", LANG_FR, true },
		{ "zorglubs", "zorg", LANG_FR, true },
		{ "flurbs", "zorg", LANG_EN, true },
		{ "Réclamations", "complaints_org", LANG_FR, true },
		{ "Appels traités", "calls_handled", LANG_FR, false },
		{ "Durée moyenne de traitement (DMT)", "aht", LANG_FR, false },
	};
	struct sentence_lexicon lex = { w, sizeof(w) / sizeof(w[0]) };
	struct sentence s;
	const char *t = "Réduire le temps de mise en attente à 30 secondes";
	sentence_read_with(t, strlen(t), LANG_FR, today(), &lex, &s);
	CHECK_STR(s.indicator_key, "hold_time");
	CHECK(s.org_indicator);
	CHECK_INT(s.unit, SU_SECONDS);
	/* without the lexicon the reader takes the shorter "temps d'attente"-less words */
	sentence_read(t, strlen(t), LANG_FR, today(), &s);
	CHECK(strcmp(s.indicator_key, "hold_time") != 0);
	t = "Augmenter les zorglub de 10 % en 2027";  /* a typo in a long word still reads */
	sentence_read_with(t, strlen(t), LANG_FR, today(), &lex, &s);
	CHECK_STR(s.indicator_key, "zorg");
	t = "Increase the flurbs by 10% in 2027";
	sentence_read_with(t, strlen(t), LANG_EN, today(), &lex, &s);
	CHECK_STR(s.indicator_key, "zorg");
	t = "Augmenter les flurbs de 10 % en 2027";  /* an English word, a French sentence */
	sentence_read_with(t, strlen(t), LANG_FR, today(), &lex, &s);
	CHECK_STR(s.indicator_key, "");
	t = "Réduire les réclamations de 10 % en 2027";  /* strong: wins at equal length */
	sentence_read_with(t, strlen(t), LANG_FR, today(), &lex, &s);
	CHECK_STR(s.indicator_key, "complaints_org");
	t = "Traiter 500 appels traités en 2027";  /* a name as long as the reader's: the reader's */
	sentence_read_with(t, strlen(t), LANG_FR, today(), &lex, &s);
	CHECK_STR(s.indicator_key, "calls");
	CHECK(!s.org_indicator);
	t = "Réduire la durée moyenne de traitement de 20 s";  /* cut at its parenthesis */
	sentence_read_with(t, strlen(t), LANG_FR, today(), &lex, &s);
	CHECK_STR(s.indicator_key, "aht");
}

TEST("every indicator the reader knows has a name in both languages, not its code")
{
	const char *keys[64];
	size_t n = sentence_keys(keys, 64);
	CHECK(n >= 20 && n < 64);
	for (size_t i = 0; i < n; i++) {
		char key[64];
		snprintf(key, sizeof(key), "ind.%s", keys[i]);
		const char *fr = msg_text(words_catalog, key, LANG_FR),
			   *en = msg_text(words_catalog, key, LANG_EN);
		if (!fr || !en)
			printf("    no name for %s\n", keys[i]);
		CHECK(fr && en);
		if (!fr || !en)
			continue;
		CHECK(!strchr(fr, '_') && !strchr(en, '_'));
	}
}

TEST("owners: a team, each agent, a person, we")
{
	CHECK_INT(rd("L'équipe de Lyon doit signer 10 contrats").owner_kind, OW_TEAM);
	CHECK_STR(rd("L'équipe de Lyon doit signer 10 contrats").owner, "L'équipe de Lyon");
	CHECK_INT(rd("Chaque agent doit traiter 40 appels").owner_kind, OW_EACH);
	CHECK_INT(rd("Sandrine Simon doit traiter 40 appels").owner_kind, OW_PERSON);
	CHECK_INT(rd("Nous devons traiter 40 appels").owner_kind, OW_WE);
	struct sentence s;
	sentence_read("The Lyon team must sign 10 contracts", 36, LANG_EN, today(), &s);
	CHECK_INT(s.owner_kind, OW_TEAM);
	CHECK_STR(s.owner, "The Lyon team");
}

TEST("what cannot be read stays unread, with the questions to ask")
{
	struct sentence s = rd("Améliorer la qualité de service");
	CHECK(!s.has_magnitude && s.due == DAY_NONE && !s.indicator_key[0]);
	CHECK((s.questions & (Q_HOW_MUCH | Q_WHEN | Q_WHO)) == (Q_HOW_MUCH | Q_WHEN | Q_WHO));
	s = rd("");
	CHECK_INT(s.has_direction, 0);
	CHECK(s.questions & Q_WHAT);
}

TEST("any bytes are read without harm: invalid UTF-8, NUL, a megabyte")
{
	const char bad[] = "\xff\xfe\xc3 augmenter \xe2\x82 de 20\xc3\xa0 % \x00 au T9 99999";
	struct sentence s;
	sentence_read(bad, sizeof(bad) - 1, LANG_FR, today(), &s);
	CHECK(s.has_direction);
	size_t n = 1 << 20;
	char *big = malloc(n);
	for (size_t i = 0; i < n; i++)
		big[i] = "augmenter de 99 % "[i % 18];
	sentence_read(big, n, LANG_FR, today(), &s);
	CHECK(s.has_magnitude);
	free(big);
}

/* --- the corpus ---------------------------------------------------------- */

static void split(char *line, char **f, int n)
{
	for (int i = 0; i < n; i++) {
		f[i] = line;
		char *tab = line ? strchr(line, '\t') : NULL;
		if (tab) {
			*tab = '\0';
			line = tab + 1;
		} else {
			line = NULL;
		}
	}
}

static bool day_ok(const char *want, day_t got)
{
	if (!strcmp(want, "-"))
		return got == DAY_NONE;
	day_t d;
	return !date_parse_iso(want, &d) && d == got;
}

/* Reads a corpus file; prints every miss and the share; returns it. */
static double corpus(const char *path, const char *title, int *count)
{
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	*count = 0;
	if (!f)
		return 0;
	char line[2048];
	int fields = 0, right = 0, sentences = 0, whole = 0;
	int by[7] = { 0 };
	int lang_fields[2] = { 0 }, lang_right[2] = { 0 };
	static const char *const names[] = { "direction", "indicator", "magnitude", "unit", "start",
					     "due", "owner" };
	bool header = true;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (header || !*line) {
			header = false;
			continue;
		}
		char *c[10];
		split(line, c, 10);
		if (!c[9])
			continue;
		day_t ref;
		date_parse_iso(c[2], &ref);
		struct sentence s;
		sentence_read(c[0], strlen(c[0]), strcmp(c[1], "en") ? LANG_FR : LANG_EN, ref, &s);
		char mag[32];
		snprintf(mag, sizeof(mag), "%g", s.magnitude);
		bool ok[7] = {
			!strcmp(c[3], "-") ? !s.has_direction
				: s.has_direction && !strcmp(c[3], direction_name(s.direction)),
			!strcmp(c[4], "-") ? !s.indicator_key[0] : !strcmp(c[4], s.indicator_key),
			!strcmp(c[5], "-") ? !s.has_magnitude
				: s.has_magnitude && fabs(atof(c[5]) - s.magnitude) < 1e-6,
			!strcmp(c[6], "-") ? (!s.has_magnitude || s.unit == SU_NONE)
				: s.has_magnitude && !strcmp(c[6], sentence_unit_name(s.unit)),
			day_ok(c[7], s.start), day_ok(c[8], s.due),
			!strcmp(c[9], "-") ? s.owner_kind == OW_NONE
				: !strcmp(c[9], owner_kind_name(s.owner_kind)),
		};
		sentences++;
		int good = 0;
		int li = strcmp(c[1], "en") ? 0 : 1;
		for (int k = 0; k < 7; k++) {
			fields++;
			lang_fields[li]++;
			if (ok[k]) {
				right++;
				lang_right[li]++;
				good++;
				by[k]++;
			} else {
				char got[64];
				switch (k) {
				case 0: snprintf(got, sizeof(got), "%s", s.has_direction ? direction_name(s.direction) : "-"); break;
				case 1: snprintf(got, sizeof(got), "%s", s.indicator_key[0] ? s.indicator_key : "-"); break;
				case 2: snprintf(got, sizeof(got), "%s", s.has_magnitude ? mag : "-"); break;
				case 3: snprintf(got, sizeof(got), "%s", sentence_unit_name(s.unit)); break;
				case 4: if (s.start == DAY_NONE) snprintf(got, sizeof(got), "-"); else date_format_iso(s.start, got); break;
				case 5: if (s.due == DAY_NONE) snprintf(got, sizeof(got), "-"); else date_format_iso(s.due, got); break;
				default: snprintf(got, sizeof(got), "%s", owner_kind_name(s.owner_kind));
				}
				printf("    %-9s want %-13s got %-13s  %s\n", names[k], c[3 + (k < 4 ? k : k == 4 ? 4 : k == 5 ? 5 : 6)],
				       got, c[0]);
			}
		}
		whole += good == 7;
	}
	fclose(f);
	double share = fields ? 100.0 * right / fields : 0;
	printf("%s: %d/%d fields read right (%.1f %%), %d/%d sentences entirely\n",
	       title, right, fields, share, whole, sentences);
	printf("  by field:");
	for (int k = 0; k < 7; k++)
		printf(" %s %d/%d", names[k], by[k], sentences);
	printf("\n  by language: fr %d/%d (%.1f %%), en %d/%d (%.1f %%)\n", lang_right[0],
	       lang_fields[0], lang_fields[0] ? 100.0 * lang_right[0] / lang_fields[0] : 0,
	       lang_right[1], lang_fields[1], lang_fields[1] ? 100.0 * lang_right[1] / lang_fields[1] : 0);
	*count = sentences;
	return share;
}

/* tests/data/amounts.tsv: every amount as people write it, its kind, whether
 * it is a level, the currency, the baseline and the direction; every row
 * must read right (the misses are printed). */
TEST("the amounts of tests/data/amounts.tsv all read right")
{
	FILE *f = fopen("tests/data/amounts.tsv", "r");
	CHECK(f != NULL);
	if (!f)
		return;
	char line[1024];
	int rows = 0, right = 0;
	bool header = true;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || !*line)
			continue;
		if (header) {
			header = false;
			continue;
		}
		char *c[8];
		split(line, c, 8);
		if (!c[7])
			continue;
		struct sentence s;
		sentence_read(c[0], strlen(c[0]), strcmp(c[1], "en") ? LANG_FR : LANG_EN, D(2026, 12, 2), &s);
		bool ok = s.has_direction && !strcmp(c[2], direction_name(s.direction)) &&
			  s.has_magnitude && fabs(atof(c[3]) - s.magnitude) < 1e-6 &&
			  !strcmp(c[4], sentence_unit_name(s.unit)) && s.level == (c[5][0] == '1') &&
			  s.usd == (c[6][0] == '1') &&
			  (!strcmp(c[7], "-") ? !s.has_baseline
					      : s.has_baseline && fabs(atof(c[7]) - s.baseline) < 1e-6);
		rows++;
		right += ok;
		if (!ok)
			printf("    amount: got %s %g %s level=%d usd=%d baseline=%s%g  %s\n",
			       s.has_direction ? direction_name(s.direction) : "-", s.magnitude,
			       sentence_unit_name(s.unit), s.level, s.usd, s.has_baseline ? "" : "-",
			       s.baseline, c[0]);
	}
	fclose(f);
	printf("amount table: %d/%d read right\n", right, rows);
	CHECK(rows >= 100);
	CHECK_INT(right, rows);
}

TEST("the corpus of tests/data/sentences.tsv reads right at least 95 % of the time")
{
	int n;
	double share = corpus("tests/data/sentences.tsv", "sentence corpus", &n);
	CHECK(n >= 150);
	CHECK(share >= 95.0);
}

/* The second training part (issue 18, item 5): the seed texts' phrasing,
 * the deadlines, amounts and everyday indicator words of the issue,
 * owners, typos, missing accents, managers' shorthand and job
 * descriptions; the reader is tuned on it. */
TEST("the training corpus of tests/data/sentences-train2.tsv reads right at least 95 % of the time")
{
	int n;
	double share = corpus("tests/data/sentences-train2.tsv", "training corpus 2", &n);
	CHECK(n >= 250);
	CHECK(share >= 95.0);
}

/* Written after the reader was tuned on the corpus above, and never tuned
 * on since: the figure a new sentence can expect. */
TEST("a held-out corpus, never tuned on, reads right at least 95 % of the time")
{
	int n;
	double share = corpus("tests/data/sentences-heldout.tsv", "held-out corpus", &n);
	CHECK(n >= 30);
	CHECK(share >= 95.0);
}

/* HELD-OUT, second set (issue 18): 48 sentences written apart on
 * 2026-12-02 before the reader learnt the forms of the issue, measured once
 * before and once after, never tuned on. Before: see the commit message. */
TEST("a second held-out corpus, never tuned on, reads right at least 90 % of the time")
{
	int n;
	double share = corpus("tests/data/sentences-heldout2.tsv", "held-out corpus 2", &n);
	CHECK(n >= 40);
	CHECK(share >= 90.0);
}

/* HELD-OUT, third set (issue 18, item 5): 216 sentences (115 fr, 101 en)
 * written apart on 2026-12-02 from the seed texts' phrasing, call-centre and
 * sales objectives and managers' shorthand (typos, missing accents, periods
 * first, a colon for the verb), measured once before any change made for
 * them and never tuned on since. Before: see the commit that added it. */
TEST("a third held-out corpus, never tuned on, reads right at least 90 % of the time")
{
	int n;
	double share = corpus("tests/data/sentences-heldout3.tsv", "held-out corpus 3", &n);
	CHECK(n >= 200);
	CHECK(share >= 90.0);
}

T_MAIN("sentence")
