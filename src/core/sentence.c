/* The sentence reader (see sentence.h). The text is folded once to lower-case
 * ASCII (accents dropped, typographic apostrophes and spaces made plain,
 * anything else a blank), with a map back to the original bytes so that the
 * indicator is quoted as written. Every rule then reads the folded text:
 * numbers (digits in both notations, or written out), units, verbs of
 * direction, periods, owners and indicators (synonyms, one typo tolerated in
 * long words). */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/sentence.h"
#include "core/smart.h"

#define FMAX (SENTENCE_MAX * 2 + 8)

struct text {
	char f[FMAX];        /* folded */
	int at[FMAX];        /* offset in the original of each folded byte */
	int n;
	const char *orig;
	size_t olen;
	day_t today;
	enum lang lang;
};

/* --- folding ------------------------------------------------------------ */

static void put(struct text *t, char c, int at)
{
	if (t->n < FMAX - 1) {
		t->f[t->n] = c;
		t->at[t->n++] = at;
	}
}

/* Latin-1 supplement letters (U+00C0..U+00FF) to their base letter */
static const char latin1[65] = "aaaaaaaceeeeiiiidnooooo ouuuuyts" "aaaaaaaceeeeiiiidnooooo ouuuuyty";

static void fold(struct text *t, const char *s, size_t len)
{
	t->n = 0;
	t->orig = s;
	t->olen = len;
	put(t, ' ', 0);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		int at = (int)i;
		if (c < 0x80) {
			put(t, c == '\t' || c == '\n' || c == '\r' || c == 0 ? ' ' : c == '$' ? '#'
			       : (char)tolower(c), at);
			i++;
			continue;
		}
		if (c == 0xc3 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0xbf) {
			int k = (unsigned char)s[i + 1] - 0x80;
			char b = latin1[k];
			if ((unsigned char)s[i + 1] == 0x9f) { /* ß */
				put(t, 's', at);
				put(t, 's', at);
			} else {
				put(t, b == ' ' ? ' ' : b, at);
			}
			i += 2;
			continue;
		}
		if (c == 0xc5 && i + 1 < len && ((unsigned char)s[i + 1] == 0x93 ||
						 (unsigned char)s[i + 1] == 0x92)) {  /* œ Œ */
			put(t, 'o', at);
			put(t, 'e', at);
			i += 2;
			continue;
		}
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0) {  /* nbsp */
			put(t, ' ', at);
			i += 2;
			continue;
		}
		if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80) {
			unsigned char d = (unsigned char)s[i + 2];
			put(t, d == 0x99 || d == 0x98 ? '\'' : ' ', at);  /* ’ ‘, thin spaces */
			i += 3;
			continue;
		}
		if (c == 0xe2 && i + 2 < len && (unsigned char)s[i + 1] == 0x82 &&
		    (unsigned char)s[i + 2] == 0xac) {  /* € */
			put(t, ' ', at);
			put(t, '$', at);
			put(t, ' ', at);
			i += 3;
			continue;
		}
		/* anything else, valid or not: a blank, one byte at a time */
		put(t, ' ', at);
		i++;
	}
	put(t, ' ', (int)len);
	t->f[t->n] = '\0';
}

/* --- word helpers --------------------------------------------------------- */

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z');
}

static bool boundary(const struct text *t, int i)
{
	return i <= 0 || i >= t->n || !is_letter(t->f[i]);
}

/* Does word (may hold spaces and apostrophes) start at i, whole? */
static bool word_at(const struct text *t, int i, const char *w)
{
	size_t n = strlen(w);
	if (i < 0 || (size_t)i + n > (size_t)t->n || strncmp(t->f + i, w, n))
		return false;
	return boundary(t, i - 1) && (!is_letter(w[n - 1]) || boundary(t, i + (int)n));
}

/* Position of the first whole occurrence of w at or after from, or -1. */
static int find(const struct text *t, const char *w, int from)
{
	for (const char *p = t->f + (from > 0 ? from : 0); (p = strstr(p, w)); p++) {
		int i = (int)(p - t->f);
		if (word_at(t, i, w))
			return i;
	}
	return -1;
}

/* A word starting with prefix at or after from (conjugations): its position. */
static int find_prefix(const struct text *t, const char *prefix, int from)
{
	size_t n = strlen(prefix);
	for (const char *p = t->f + (from > 0 ? from : 0); (p = strstr(p, prefix)); p++) {
		int i = (int)(p - t->f);
		if (boundary(t, i - 1) && i + (int)n <= t->n)
			return i;
	}
	return -1;
}

static int skip_spaces(const struct text *t, int i)
{
	while (i < t->n && t->f[i] == ' ')
		i++;
	return i;
}

static int word_end(const struct text *t, int i)
{
	while (i < t->n && (is_letter(t->f[i]) || t->f[i] == '-'))
		i++;
	return i;
}

/* --- numbers ----------------------------------------------------------------- */

struct num {
	int start, end;  /* span in the folded text */
	double v;
	bool article;    /* "un", "one": a number only if a unit follows */
};

static const struct { const char *w; int v; } small_fr[] = {
	{ "zero", 0 }, { "un", 1 }, { "une", 1 }, { "deux", 2 }, { "trois", 3 }, { "quatre", 4 },
	{ "cinq", 5 }, { "six", 6 }, { "sept", 7 }, { "huit", 8 }, { "neuf", 9 }, { "dix", 10 },
	{ "onze", 11 }, { "douze", 12 }, { "treize", 13 }, { "quatorze", 14 }, { "quinze", 15 },
	{ "seize", 16 }, { "vingt", 20 }, { "vingts", 20 }, { "trente", 30 }, { "quarante", 40 },
	{ "cinquante", 50 }, { "soixante", 60 }, { "septante", 70 }, { "octante", 80 },
	{ "nonante", 90 },
	{ "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
	{ "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
	{ "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
	{ "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
	{ "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
	{ "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
};

static int small_word(const char *w, size_t n)
{
	for (size_t k = 0; k < sizeof(small_fr) / sizeof(small_fr[0]); k++)
		if (strlen(small_fr[k].w) == n && !strncmp(small_fr[k].w, w, n))
			return small_fr[k].v;
	return -1;
}

/* Written-out numbers: "vingt-cinq", "deux mille", "one hundred fifty",
 * "soixante-dix". "un"/"une"/"one" alone are articles, not numbers. */
static bool words_number(const struct text *t, int i, struct num *out)
{
	double total = 0, cur = 0;
	int words = 0, j = i, last_end = i;
	bool only_article = true;
	for (;;) {
		j = skip_spaces(t, j);
		int e = j;
		while (e < t->n && is_letter(t->f[e]))
			e++;
		if (e == j)
			break;
		size_t n = (size_t)(e - j);
		const char *w = t->f + j;
		int v = small_word(w, n);
		if (v == 20 && (int)cur % 100 == 4 && w[0] == 'v') {
			cur += 80 - 4;  /* quatre-vingt(s): 80 */
			only_article = false;
		} else if (v >= 0) {
			cur += v;
			if (!(n <= 3 && (!strncmp(w, "un", n) || !strncmp(w, "une", n) || !strncmp(w, "one", n))))
				only_article = false;
		} else if ((n == 4 && !strncmp(w, "cent", 4)) || (n == 5 && !strncmp(w, "cents", 5)) ||
			   (n == 7 && !strncmp(w, "hundred", 7))) {
			cur = (cur ? cur : 1) * 100;
			only_article = false;
		} else if ((n == 5 && !strncmp(w, "mille", 5)) || (n == 8 && !strncmp(w, "thousand", 8))) {
			total += (cur ? cur : 1) * 1000;
			cur = 0;
			only_article = false;
		} else if ((n == 2 && !strncmp(w, "et", 2)) || (n == 3 && !strncmp(w, "and", 3))) {
			if (!words)
				break;
		} else {
			break;
		}
		words++;
		last_end = e;
		j = e;
		if (j < t->n && t->f[j] == '-')
			j++;
	}
	if (!words)
		return false;
	out->start = i;
	out->end = last_end;
	out->v = total + cur;
	out->article = only_article;
	return true;
}

/* Digits: "1 234,5" "1.234" "12,5" (French), "1,234.5" (English), "12.5". */
static bool digits_number(const struct text *t, int i, struct num *out)
{
	if (!isdigit((unsigned char)t->f[i]) || (i > 0 && (isdigit((unsigned char)t->f[i - 1]) ||
						      t->f[i - 1] == '.' || t->f[i - 1] == ',')))
		return false;
	char buf[64];
	int k = 0, j = i;
	while (j < t->n && k < 60) {
		char c = t->f[j];
		if (isdigit((unsigned char)c)) {
			buf[k++] = c;
			j++;
			continue;
		}
		/* a group of three digits after a space, a dot (fr) or a comma (en) */
		bool three = j + 3 < t->n && isdigit((unsigned char)t->f[j + 1]) &&
			     isdigit((unsigned char)t->f[j + 2]) && isdigit((unsigned char)t->f[j + 3]) &&
			     (j + 4 >= t->n || !isdigit((unsigned char)t->f[j + 4]));
		if (c == ' ' && three && k <= 3 && !memchr(buf, '.', (size_t)k)) {
			j++;
			continue;
		}
		if ((c == '.' || c == ',') && j + 1 < t->n && isdigit((unsigned char)t->f[j + 1])) {
			bool thousands = three && ((c == ',' && t->lang == LANG_EN) ||
						   (c == '.' && t->lang == LANG_FR));
			if (thousands) {
				j++;
				continue;
			}
			if (memchr(buf, '.', (size_t)k))
				break;
			buf[k++] = '.';
			j++;
			continue;
		}
		break;
	}
	buf[k] = '\0';
	if (!k)
		return false;
	out->start = i;
	out->end = j;
	out->v = strtod(buf, NULL);
	out->article = false;
	return isfinite(out->v);
}

static bool number_at(const struct text *t, int i, struct num *out)
{
	if (digits_number(t, i, out))
		return true;
	return boundary(t, i - 1) && is_letter(t->f[i]) && words_number(t, i, out);
}

/* --- units ------------------------------------------------------------------- */

struct quantity {
	struct num n;
	enum sentence_unit unit;
	double value;   /* in base units: euros, seconds */
	int end;        /* after the unit */
	bool level;     /* a percentage stated as a level ("à 90 %") */
	bool usd;       /* money in dollars ("$1.2M", "300 k$", "500 dollars") */
};

static bool starts(const struct text *t, int i, const char *w)
{
	return word_at(t, i, w);
}

static const char *const count_nouns[] = {
	"appels", "appel", "calls", "call", "contrats", "contrat", "contracts", "contract",
	"rendez-vous", "rdv", "appointments", "meetings", "leads", "lead", "tickets", "ticket",
	"ventes", "vente", "sales", "dossiers", "demandes", "requests", "clients", "customers",
	"deals", "affaires", "devis", "quotes", "visites", "visits", "souscriptions", "adhesions",
	"nouveaux", "new", "commandes", "orders", "reclamations", "complaints", "rappels",
	"callbacks", "abonnes", "subscribers", "inscrits", NULL };

/* A duration's unit at i: seconds per unit, and its end. */
static double duration_unit(const struct text *t, int i, int *end)
{
	static const struct { const char *w; double s; } u[] = {
		{ "secondes", 1 }, { "seconde", 1 }, { "seconds", 1 }, { "second", 1 }, { "secs", 1 },
		{ "sec", 1 }, { "s", 1 }, { "minutes", 60 }, { "minute", 60 }, { "mins", 60 },
		{ "min", 60 }, { "mn", 60 }, { "heures", 3600 }, { "heure", 3600 }, { "hours", 3600 },
		{ "hour", 3600 }, { "hrs", 3600 }, { "h", 3600 }, { "jours", 86400 }, { "jour", 86400 },
		{ "days", 86400 }, { "day", 86400 } };
	for (size_t k = 0; k < sizeof(u) / sizeof(u[0]); k++) {
		size_t n = strlen(u[k].w);
		if (i + (int)n <= t->n && !strncmp(t->f + i, u[k].w, n) &&
		    (i + (int)n >= t->n || !is_letter(t->f[i + (int)n]))) {
			*end = i + (int)n;
			return u[k].s;
		}
	}
	return 0;
}

static bool near(const char *a, size_t na, const char *b, size_t nb);
static bool quantity_unit(const struct text *t, struct quantity *q);

static bool quantity_at(const struct text *t, int i, struct quantity *q)
{
	memset(q, 0, sizeof(*q));
	if (!number_at(t, i, &q->n))
		return false;
	if (!quantity_unit(t, q))
		return false;
	/* "un", "one" count only with a unit that is not a mere noun */
	if (q->n.article && (q->unit == SU_NONE || q->unit == SU_COUNT))
		return false;
	return true;
}

static bool quantity_unit(const struct text *t, struct quantity *q)
{
	int j = q->n.end;
	q->value = q->n.v;
	q->end = j;
	/* "€2,500", "€ 500k": the currency first */
	int b = q->n.start - 1;
	while (b > 0 && t->f[b] == ' ')
		b--;
	bool euro_first = b > 0 && (t->f[b] == '$' || t->f[b] == '#');
	q->usd = euro_first && t->f[b] == '#';
	double ksuffix = 1;
	if ((t->f[j] == 'k' || t->f[j] == 'm') && !is_letter(t->f[j + 1]) &&
	    (euro_first || t->f[skip_spaces(t, j + 1)] == '$' ||
	     t->f[skip_spaces(t, j + 1)] == '#')) {
		ksuffix = t->f[j] == 'k' ? 1e3 : 1e6;
		j++;
	}
	if (euro_first) {
		q->unit = SU_EUR;
		q->value = q->n.v * ksuffix;
		q->end = j;
		return true;
	}
	int k = skip_spaces(t, j);
	if (t->f[k] == '%') {
		q->unit = SU_PERCENT;
		q->end = k + 1;
		return true;
	}
	if (starts(t, k, "pour cent") || starts(t, k, "pourcent") || starts(t, k, "percent") ||
	    starts(t, k, "per cent")) {
		q->unit = SU_PERCENT;
		q->end = word_end(t, k);
		if (starts(t, k, "pour cent") || starts(t, k, "per cent"))
			q->end = word_end(t, skip_spaces(t, word_end(t, k)));
		return true;
	}
	if (starts(t, k, "points") || starts(t, k, "point") || starts(t, k, "pts") ||
	    starts(t, k, "pt")) {
		q->unit = SU_POINTS;
		q->end = word_end(t, k);
		return true;
	}
	/* money: €, k€, M€, euros, keur, "millions d'euros" */
	double mult = 1;
	int m = k;
	if ((starts(t, m, "k") || starts(t, m, "m")) &&
	    (t->f[skip_spaces(t, m + 1)] == '$' || t->f[skip_spaces(t, m + 1)] == '#')) {
		mult = t->f[m] == 'k' ? 1e3 : 1e6;
		m = skip_spaces(t, m + 1);
	} else if (starts(t, m, "keur") || starts(t, m, "meur")) {
		q->unit = SU_EUR;
		q->value = q->n.v * (t->f[m] == 'k' ? 1e3 : 1e6);
		q->end = m + 4;
		return true;
	} else if (starts(t, m, "millions") || starts(t, m, "million") || starts(t, m, "millier") ||
		   starts(t, m, "milliers")) {
		mult = t->f[m + 4] == 'i' && t->f[m + 5] == 'e' ? 1e3 : 1e6;
		m = skip_spaces(t, word_end(t, m));
		if (starts(t, m, "d'euros") || starts(t, m, "de euros"))
			m = skip_spaces(t, m + 2);
		else if (starts(t, m, "de"))
			m = skip_spaces(t, m + 2);
	}
	if (t->f[m] == '#' || starts(t, m, "dollars") || starts(t, m, "usd")) {
		q->usd = true;
		q->unit = SU_EUR;
		q->value = q->n.v * mult;
		q->end = t->f[m] == '#' ? m + 1 : word_end(t, m);
		return true;
	}
	if (t->f[m] == '$' || starts(t, m, "euros") || starts(t, m, "euro") || starts(t, m, "eur")) {
		q->unit = SU_EUR;
		q->value = q->n.v * mult;
		q->end = t->f[m] == '$' ? m + 1 : word_end(t, m);
		return true;
	}
	/* durations: "4 min 30", "4min30", "12h", "1 h 30", "90 secondes" */
	int ue;
	double per = duration_unit(t, k, &ue);
	if (per > 0) {
		q->unit = SU_SECONDS;
		q->value = q->n.v * per;
		q->end = ue;
		struct num rest;
		int r = skip_spaces(t, ue);
		if ((per == 60 || per == 3600) && digits_number(t, r, &rest) && rest.v < 60) {
			q->value += rest.v * (per / 60);
			q->end = rest.end;
			int e2;
			if (duration_unit(t, skip_spaces(t, rest.end), &e2) > 0)
				q->end = e2;
		}
		return true;
	}
	/* a count: "50 appels", "200 qualified leads", "40 apels" */
	for (int w = 0, at = k; w < 2 && is_letter(t->f[at]); w++) {
		int e = word_end(t, at);
		for (int c = 0; count_nouns[c]; c++)
			if (near(count_nouns[c], strlen(count_nouns[c]), t->f + at, (size_t)(e - at))) {
				q->unit = SU_COUNT;
				return true;
			}
		at = skip_spaces(t, e);
	}
	q->unit = SU_NONE;
	return true;
}

/* --- indicators ---------------------------------------------------------------- */

static const struct { const char *phrase, *key; } synonyms[] = {
	{ "chiffre d'affaires additionnel", "upsell" }, { "ca additionnel", "upsell" },
	{ "upsell revenue", "upsell" }, { "cross-sell revenue", "upsell" }, { "ventes additionnelles", "upsell" },
	{ "vente additionnelle", "upsell" }, { "ventes croisees", "upsell" },
	{ "cross-sell", "upsell" }, { "upsell", "upsell" }, { "montee en gamme", "upsell" },
	{ "chiffre d'affaires", "revenue" }, { "chiffre d'affaire", "revenue" }, { "ca", "revenue" },
	{ "revenue", "revenue" }, { "revenues", "revenue" }, { "turnover", "revenue" },
	{ "ventes en euros", "revenue" }, { "sales revenue", "revenue" },
	{ "duree moyenne de traitement", "aht" }, { "duree moyenne d'appel", "aht" },
	{ "duree moyenne des appels", "aht" }, { "dmt", "aht" }, { "aht", "aht" },
	{ "average handling time", "aht" }, { "handling time", "aht" }, { "handle time", "aht" },
	{ "temps de traitement", "aht" }, { "average handle time", "aht" },
	{ "resolution au premier contact", "fcr" }, { "resolution au premier appel", "fcr" },
	{ "resolution des le premier appel", "fcr" }, { "resolution en un seul appel", "fcr" },
	{ "fcr", "fcr" }, { "first contact resolution", "fcr" }, { "first call resolution", "fcr" },
	{ "first-contact resolution", "fcr" }, { "first-call resolution", "fcr" },
	{ "taux de decroche", "answer_rate" }, { "taux de reponse aux appels", "answer_rate" },
	{ "answer rate", "answer_rate" }, { "pickup rate", "answer_rate" },
	{ "taux de prise d'appel", "answer_rate" }, { "decroche", "answer_rate" },
	{ "niveau de service", "service_level" }, { "service level", "service_level" },
	{ "temps moyen de reponse", "asa" }, { "temps moyen d'attente", "asa" },
	{ "delai moyen de decroche", "asa" }, { "asa", "asa" },
	{ "average speed of answer", "asa" }, { "average wait time", "asa" },
	{ "satisfaction client", "csat" }, { "satisfaction clients", "csat" },
	{ "satisfaction", "csat" }, { "csat", "csat" }, { "customer satisfaction", "csat" },
	{ "note de satisfaction", "csat" },
	{ "nps", "nps" }, { "net promoter score", "nps" },
	{ "nombre d'appels", "calls" }, { "appels traites", "calls" }, { "appels", "calls" },
	{ "calls handled", "calls" }, { "calls", "calls" },
	{ "contrats signes", "contracts" }, { "contrats", "contracts" }, { "contracts signed", "contracts" },
	{ "contracts", "contracts" }, { "deals", "contracts" }, { "nouveaux clients", "contracts" },
	{ "new customers", "contracts" }, { "souscriptions", "contracts" },
	{ "panier moyen", "deal_size" }, { "average deal size", "deal_size" },
	{ "average order value", "deal_size" }, { "taille moyenne des affaires", "deal_size" },
	{ "taux de conversion", "conversion" }, { "taux de transformation", "conversion" },
	{ "conversion rate", "conversion" }, { "conversion", "conversion" },
	{ "rendez-vous", "appointments" }, { "rdv", "appointments" }, { "appointments", "appointments" },
	{ "meetings booked", "appointments" },
	{ "leads qualifies", "leads" }, { "leads", "leads" }, { "qualified leads", "leads" },
	{ "fidelisation client", "retention" }, { "fidelisation clients", "retention" },
	{ "fidelisation", "retention" }, { "retention client", "retention" },
	{ "taux de retention", "retention" }, { "retention", "retention" },
	{ "customer retention", "retention" },
	{ "churn", "churn" }, { "attrition", "churn" }, { "taux de resiliation", "churn" },
	{ "resiliations", "churn" }, { "cancellations", "churn" },
	{ "delai de reponse", "response_time" }, { "delai de traitement", "response_time" },
	{ "temps de reponse", "response_time" }, { "response time", "response_time" },
	{ "first response time", "response_time" },
	{ "trafic du site internet", "traffic" }, { "trafic du site web", "traffic" },
	{ "trafic du site", "traffic" }, { "trafic web", "traffic" }, { "trafic", "traffic" },
	{ "website traffic", "traffic" }, { "web traffic", "traffic" }, { "traffic", "traffic" },
	{ "tickets traites", "tickets" }, { "tickets resolus", "tickets" }, { "tickets", "tickets" },
	{ "tickets resolved", "tickets" }, { "demandes traitees", "tickets" },
	{ "reclamations", "complaints" }, { "complaints", "complaints" },
	/* everyday words (issue 18) */
	{ "temps d'attente moyen", "asa" }, { "temps moyen d'attente", "asa" },
	{ "temps d'attente", "asa" }, { "average waiting time", "asa" }, { "waiting time", "asa" },
	{ "wait time", "asa" }, { "delai d'attente", "asa" },
	{ "abonnes a la newsletter", "subscribers" }, { "inscrits a la newsletter", "subscribers" },
	{ "abonnes", "subscribers" }, { "newsletter subscribers", "subscribers" },
	{ "subscribers", "subscribers" },
	{ "taux de participation aux enquetes", "participation" },
	{ "participation aux enquetes", "participation" }, { "taux de participation", "participation" },
	{ "survey participation rate", "participation" }, { "survey participation", "participation" },
	{ "participation rate", "participation" },
	{ "meetings", "appointments" }, { "meeting", "appointments" },
	{ "reunions clients", "appointments" },
	{ "demandes clients", "tickets" }, { "demandes client", "tickets" },
	{ "demandes", "tickets" }, { "customer requests", "tickets" }, { "requests", "tickets" },
	{ "objectif de vente", "revenue" }, { "objectifs de vente", "revenue" },
	{ "objectif de ventes", "revenue" }, { "sales target", "revenue" }, { "sales quota", "revenue" },
	{ "quota attainment", "revenue" }, { "atteinte du quota", "revenue" },
	{ "taux d'abandon", "abandonment" }, { "abandonment rate", "abandonment" },
	{ "abandon rate", "abandonment" }, { "appels abandonnes", "abandonment" },
	{ "abandoned calls", "abandonment" },
};

/* Edit distance at most one (substitution, insertion, deletion, swap). */
static bool near(const char *a, size_t na, const char *b, size_t nb)
{
	if (na == nb && !strncmp(a, b, na))
		return true;
	if (na < 5 || nb < 5 || (na > nb ? na - nb : nb - na) > 1)
		return false;
	size_t i = 0;
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (na == nb) {
		if (i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i])  /* swap */
			return !strncmp(a + i + 2, b + i + 2, na - i - 2);
		return !strncmp(a + i + 1, b + i + 1, na - i - 1);
	}
	if (na > nb)
		return !strncmp(a + i + 1, b + i, nb - i);
	return !strncmp(a + i, b + i + 1, na - i);
}

/* Does phrase match at i word by word (one typo per long word)? End in *end. */
static bool phrase_at(const struct text *t, int i, const char *phrase, int *end)
{
	if (!boundary(t, i - 1) || !is_letter(t->f[i]))
		return false;
	const char *p = phrase;
	int j = i;
	while (*p) {
		const char *pe = p;
		while (*pe && *pe != ' ' && *pe != '\'')
			pe++;
		int we = j;
		while (we < t->n && (is_letter(t->f[we]) || t->f[we] == '-'))
			we++;
		if (!near(p, (size_t)(pe - p), t->f + j, (size_t)(we - j)))
			return false;
		/* "décrocher" is the verb, not "décroché": an infinitive is never a typo */
		if (we - j >= 2 && t->f[we - 2] == 'e' && t->f[we - 1] == 'r' &&
		    !(pe - p >= 2 && pe[-2] == 'e' && pe[-1] == 'r'))
			return false;
		j = we;
		if (*pe == '\'') {
			/* "d'affaires" as typed: "d'affaires", "d affaires" */
			if (t->f[j] != '\'' && t->f[j] != ' ')
				return false;
			j = skip_spaces(t, j + 1);
			p = pe + 1;
		} else if (*pe == ' ') {
			if (t->f[j] != ' ')
				return false;
			j = skip_spaces(t, j);
			p = pe + 1;
		} else {
			p = pe;
		}
	}
	*end = j;
	return true;
}

static void quote(const struct text *t, int a, int b, char *out, size_t n)
{
	while (a < b && t->f[a] == ' ')
		a++;
	while (b > a && (t->f[b - 1] == ' ' || t->f[b - 1] == ',' || t->f[b - 1] == '.'))
		b--;
	if (a >= b) {
		out[0] = '\0';
		return;
	}
	int oa = t->at[a], ob = b < t->n ? t->at[b] : (int)t->olen;
	/* b may land inside a multi-byte character: take it whole */
	while ((size_t)ob < t->olen && ((unsigned char)t->orig[ob] & 0xc0) == 0x80)
		ob++;
	size_t len = (size_t)(ob - oa);
	if (len >= n)
		len = n - 1;
	memcpy(out, t->orig + oa, len);
	out[len] = '\0';
	/* never cut a character in two */
	while (len && ((unsigned char)out[len - 1] & 0x80)) {
		size_t start = len - 1;
		while (start && ((unsigned char)out[start] & 0xc0) == 0x80)
			start--;
		unsigned char lead = (unsigned char)out[start];
		size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
		if (len - start >= need)
			break;
		out[start] = '\0';
		len = start;
	}
}

/* --- dates --------------------------------------------------------------------- */

static const char *const months_fr[] = { "janvier", "fevrier", "mars", "avril", "mai", "juin",
					 "juillet", "aout", "septembre", "octobre", "novembre",
					 "decembre" };
static const char *const months_en[] = { "january", "february", "march", "april", "may", "june",
					 "july", "august", "september", "october", "november",
					 "december" };

static int month_at(const struct text *t, int i)
{
	for (int m = 0; m < 12; m++) {
		if (word_at(t, i, months_fr[m]) || word_at(t, i, months_en[m]))
			return m + 1;
		/* short forms: "jan", "feb", "sept" */
		if (strlen(months_en[m]) > 3 && !strncmp(t->f + i, months_en[m], 3) &&
		    boundary(t, i + 3) && boundary(t, i - 1))
			return m + 1;
	}
	return 0;
}

static int year_at(const struct text *t, int i)
{
	struct num n;
	if (digits_number(t, i, &n) && n.end - n.start == 4 && n.v >= 1990 && n.v <= 2100)
		return (int)n.v;
	return 0;
}

/* the end of month m on or after today, or in year y when given */
static day_t month_end(const struct text *t, int m, int y)
{
	int ty, tm, td;
	date_to_ymd(t->today, &ty, &tm, &td);
	if (!y)
		y = m >= tm ? ty : ty + 1;
	return date_from_ymd(y, m, date_days_in_month(y, m));
}

static void quarter_of(const struct text *t, int q, int y, day_t *start, day_t *due)
{
	int ty, tm, td;
	date_to_ymd(t->today, &ty, &tm, &td);
	if (!y)
		y = (tm - 1) / 3 + 1 > q ? ty + 1 : ty;
	*start = date_from_ymd(y, 3 * q - 2, 1);
	*due = date_quarter_end(*start);
}

struct period {
	day_t start, due;
	bool found;
	int pos;  /* where it was said (so the indicator phrase stops there) */
};

static void set_period(struct period *p, day_t start, day_t due, int pos)
{
	if (p->found)
		return;
	if (start > due)
		start = due;  /* a deadline already passed: a day, never a reversed period */
	p->found = true;
	p->start = start;
	p->due = due;
	p->pos = pos;
}

/* "30/06", "30/06/2027", "30 juin 2027", "june 30", "30 june" after i */
static bool date_at(const struct text *t, int i, day_t *d)
{
	int ty, tm, td;
	date_to_ymd(t->today, &ty, &tm, &td);
	struct num a;
	if (digits_number(t, i, &a) && a.v >= 1 && a.v <= 31 && t->f[a.end] == '/') {
		struct num b;
		if (!digits_number(t, a.end + 1, &b) || b.v < 1 || b.v > 12)
			return false;
		int y = 0;
		struct num c;
		if (t->f[b.end] == '/' && digits_number(t, b.end + 1, &c))
			y = c.v < 100 ? 2000 + (int)c.v : (int)c.v;
		int dd = (int)a.v, mm = (int)b.v;
		if (!y) {
			y = ty;
			if (date_from_ymd(y, mm, 1) + dd - 1 < t->today)
				y++;
		}
		if (!date_valid_ymd(y, mm, dd))
			return false;
		*d = date_from_ymd(y, mm, dd);
		return true;
	}
	if (digits_number(t, i, &a) && a.v >= 1 && a.v <= 31) {
		int j = skip_spaces(t, a.end);
		if (starts(t, j, "er"))
			j = skip_spaces(t, j + 2);
		int m = month_at(t, j);
		if (m) {
			int y = year_at(t, skip_spaces(t, word_end(t, j)));
			int dd = (int)a.v;
			if (!y) {
				y = ty;
				if (date_from_ymd(y, m, 1) + dd - 1 < t->today)
					y++;
			}
			if (!date_valid_ymd(y, m, dd))
				return false;
			*d = date_from_ymd(y, m, dd);
			return true;
		}
	}
	int m = month_at(t, i);
	if (m) {
		int j = skip_spaces(t, word_end(t, i));
		if (digits_number(t, j, &a) && a.v >= 1 && a.v <= 31 && a.end - a.start <= 2) {
			int y = year_at(t, skip_spaces(t, a.end + (t->f[a.end] == ',')));
			int dd = (int)a.v;
			if (!y) {
				y = ty;
				if (date_from_ymd(y, m, 1) + dd - 1 < t->today)
					y++;
			}
			if (!date_valid_ymd(y, m, dd))
				return false;
			*d = date_from_ymd(y, m, dd);
			return true;
		}
	}
	return false;
}

/* --- named periods: years, months, seasons, halves, fiscal years ---------- */

static int today_year(const struct text *t)
{
	int y, m, d;
	date_to_ymd(t->today, &y, &m, &d);
	return y;
}

static int today_month(const struct text *t)
{
	int y, m, d;
	date_to_ymd(t->today, &y, &m, &d);
	return m;
}

/* Is a deadline word ("d'ici", "by", "avant", "before", "au plus tard",
 * "no later than", "until", "jusqu'") said just before position at? */
static bool deadline_before(const struct text *t, int at)
{
	static const char *const w[] = { "d'ici", "by", "avant", "before", "plus tard", "later than",
					 "until", "jusqu'", "pour fin", "ahead of" };
	int back = at - 18 > 1 ? at - 18 : 1;
	for (size_t k = 0; k < sizeof(w) / sizeof(w[0]); k++) {
		int p = find(t, w[k], back);
		if (p >= 0 && p < at)
			return true;
	}
	return false;
}

/* Is "fin", "end" said just before at (the end of what follows)? */
static bool end_before(const struct text *t, int at)
{
	int back = at - 14 > 1 ? at - 14 : 1;
	int p = find(t, "fin", back), q = find(t, "end", back);
	return (p >= 0 && p < at) || (q >= 0 && q < at);
}

/* A year said after i, skipping "de", "of", "de l'annee": 0 when none. */
static int year_after(const struct text *t, int i)
{
	int j = skip_spaces(t, i);
	if (starts(t, j, "de l'annee") || starts(t, j, "of the year"))
		j = skip_spaces(t, j + 10);
	else if (starts(t, j, "de") || starts(t, j, "of"))
		j = skip_spaces(t, j + 2);
	if (t->f[j] == '\'' )
		j++;
	return year_at(t, j);
}

/* A deadline when said so (start today), else the span itself. */
static void deadline_or_span(const struct text *t, struct period *p, int at, day_t s, day_t d)
{
	set_period(p, deadline_before(t, at) || end_before(t, at) ? t->today : s, d, at);
}

/* "fin 2026", "by the end of 2027", "avant fin 2027" */
static bool year_end(const struct text *t, struct period *p)
{
	static const char *const endof[] = { "fin", "the end of", "end of", "year end", "year-end" };
	for (size_t k = 0; k < sizeof(endof) / sizeof(endof[0]); k++)
		for (int at = find(t, endof[k], 0); at >= 0; at = find(t, endof[k], at + 1)) {
			int j = skip_spaces(t, at + (int)strlen(endof[k]));
			int y = k >= 3 ? today_year(t) : year_at(t, j);
			if (!y)
				continue;
			set_period(p, t->today, date_from_ymd(y, 12, 31), at);
			return true;
		}
	return false;
}

/* "toute l'année", "all year", "mi-année", "by mid-year", "mid-2027" */
static bool year_spans(const struct text *t, struct period *p)
{
	static const char *const all[] = { "toute l'annee", "all year", "tout au long de l'annee",
					   "throughout the year", "the whole year", "l'annee entiere",
					   "the full year", "full year" };
	for (size_t k = 0; k < sizeof(all) / sizeof(all[0]); k++) {
		int at = find(t, all[k], 0);
		if (at < 0)
			continue;
		int y = year_after(t, at + (int)strlen(all[k]));
		if (!y)
			y = today_year(t);
		set_period(p, date_from_ymd(y, 1, 1), date_from_ymd(y, 12, 31), at);
		return true;
	}
	static const char *const mid[] = { "mi-annee", "mi annee", "mid-year", "mid year", "midyear",
					   "milieu d'annee", "milieu de l'annee", "the middle of the year",
					   "mi-", "mid-" };
	for (size_t k = 0; k < sizeof(mid) / sizeof(mid[0]); k++) {
		int at = find(t, mid[k], 0);
		if (at < 0)
			continue;
		int e = at + (int)strlen(mid[k]);
		int y = year_after(t, k >= 8 ? e : e);
		if (k >= 8 && !y)
			continue;
		if (!y)
			y = today_month(t) <= 6 ? today_year(t) : today_year(t) + 1;
		set_period(p, t->today, date_from_ymd(y, 6, 30), at);
		return true;
	}
	return false;
}

/* "en mars prochain", "next March", "en mars", "in March 2027": the month;
 * "d'ici décembre", "by December 2027", "avant juin": its end. */
static bool named_month(const struct text *t, struct period *p)
{
	for (int at = 1; at < t->n; at++) {
		if (!boundary(t, at - 1) || !is_letter(t->f[at]))
			continue;
		int m = month_at(t, at);
		if (!m)
			continue;
		int e = skip_spaces(t, word_end(t, at));
		struct num dn;
		if (digits_number(t, e, &dn) && dn.end - dn.start <= 2)
			continue;  /* "june 30": a date */
		int pb = at - 1;
		while (pb > 0 && t->f[pb] == ' ')
			pb--;
		if (pb > 1 && (isdigit((unsigned char)t->f[pb]) || (t->f[pb] == 'r' && t->f[pb - 1] == 'e' &&
								    isdigit((unsigned char)t->f[pb - 2]))))
			continue;  /* "15 mars", "1er mai": a date */
		bool next = starts(t, e, "prochain");
		int back = at - 6 > 0 ? at - 6 : 0;
		int nx = find(t, "next", back);
		next = next || (nx >= 0 && nx < at);
		int y = year_at(t, next ? skip_spaces(t, word_end(t, e)) : e);
		if (!y) {
			y = today_year(t);
			if (m < today_month(t) || (next && m == today_month(t)))
				y++;
		}
		day_t s = date_from_ymd(y, m, 1), d = date_from_ymd(y, m, date_days_in_month(y, m));
		if (deadline_before(t, at) || end_before(t, at)) {
			set_period(p, t->today, d, at);
			return true;
		}
		static const char *const in[] = { "en", "in", "au mois de", "durant", "during", "pour",
						  "for", "sur" };
		bool said = next;
		for (size_t k = 0; k < sizeof(in) / sizeof(in[0]) && !said; k++) {
			int b = at - (int)strlen(in[k]) - 1;
			said = b >= 0 && word_at(t, b, in[k]);
		}
		if (!said)
			continue;
		set_period(p, s, d, at);
		return true;
	}
	return false;
}

/* seasons, meteorological: spring March-May, summer June-August, autumn
 * September-November, winter December-February. "d'ici l'été", "by summer":
 * the eve of the next summer; "fin de l'été": its end; "cet été": the span. */
static bool season(const struct text *t, struct period *p)
{
	static const struct { const char *w; int m; } sn[] = {
		{ "l'ete", 6 }, { "ete", 6 }, { "summer", 6 }, { "l'hiver", 12 }, { "hiver", 12 },
		{ "winter", 12 }, { "printemps", 3 }, { "spring", 3 }, { "l'automne", 9 },
		{ "automne", 9 }, { "autumn", 9 }, { "fall", 9 } };
	for (size_t k = 0; k < sizeof(sn) / sizeof(sn[0]); k++)
		for (int at = find(t, sn[k].w, 0); at >= 0; at = find(t, sn[k].w, at + 1)) {
			int e = at + (int)strlen(sn[k].w);
			if (!strcmp(sn[k].w, "fall") && !deadline_before(t, at) &&
			    find(t, "this fall", at - 5) != at - 5 && find(t, "next fall", at - 5) != at - 5)
				continue;
			int sm = sn[k].m, y = year_after(t, e);
			int ty = today_year(t);
			day_t s, d;
			if (y) {
				s = date_from_ymd(y, sm, 1);
			} else {
				/* the season now or the next one */
				s = date_from_ymd(ty, sm, 1);
				day_t end = date_add_months(s, 3) - 1;
				day_t prev = date_from_ymd(ty - 1, sm, 1);
				if (date_add_months(prev, 3) - 1 >= t->today)
					s = prev;
				else if (end < t->today)
					s = date_from_ymd(ty + 1, sm, 1);
				int bk = at - 6 > 0 ? at - 6 : 0, nx = find(t, "next", bk);
				if ((nx >= 0 && nx < at) || starts(t, skip_spaces(t, e), "prochain"))
					if (s <= t->today)
						s = date_add_months(s, 12);
			}
			d = date_add_months(s, 3) - 1;
			if (end_before(t, at)) {
				set_period(p, t->today, d, at);
			} else if (deadline_before(t, at)) {
				if (s <= t->today)
					s = date_add_months(s, 12);
				set_period(p, t->today, s - 1, at);
			} else {
				set_period(p, s, d, at);
			}
			return true;
		}
	return false;
}

/* half-years: "premier semestre", "S1 2027", "H1", "first half of 2027",
 * "ce semestre"; a half already past is next year's. */
static bool half_year(const struct text *t, struct period *p)
{
	static const struct { const char *w; int h; } hs[] = {
		{ "premier semestre", 1 }, { "1er semestre", 1 }, { "second semestre", 2 },
		{ "deuxieme semestre", 2 }, { "2e semestre", 2 }, { "2eme semestre", 2 },
		{ "first half", 1 }, { "second half", 2 }, { "h1", 1 }, { "h2", 2 }, { "s1", 1 },
		{ "s2", 2 }, { "ce semestre", 0 }, { "du semestre", 0 }, { "sur le semestre", 0 },
		{ "this half", 0 }, { "semestre prochain", 3 }, { "prochain semestre", 3 },
		{ "next half", 3 } };
	for (size_t k = 0; k < sizeof(hs) / sizeof(hs[0]); k++) {
		int at = find(t, hs[k].w, 0);
		if (at < 0)
			continue;
		int ty = today_year(t), cur = today_month(t) <= 6 ? 1 : 2;
		int h = hs[k].h, y = year_after(t, at + (int)strlen(hs[k].w));
		if (h == 0 || h == 3) {
			h = cur;
			y = ty;
			if (hs[k].h == 3 && ++h == 3) {
				h = 1;
				y++;
			}
		} else if (!y) {
			y = cur > h ? ty + 1 : ty;
		}
		day_t s = date_from_ymd(y, h == 1 ? 1 : 7, 1);
		deadline_or_span(t, p, at, s, date_add_months(s, 6) - 1);
		return true;
	}
	return false;
}

/* fiscal years: "l'exercice 2027", "FY2027", "FY27", "fiscal year 2027",
 * "cet exercice"; the fiscal year is the calendar year. */
static bool fiscal_year(const struct text *t, struct period *p)
{
	static const char *const fy[] = { "l'exercice", "exercice", "fiscal year", "fiscal", "fy" };
	for (size_t k = 0; k < sizeof(fy) / sizeof(fy[0]); k++)
		for (int at = find_prefix(t, fy[k], 0); at >= 0; at = find_prefix(t, fy[k], at + 1)) {
			int e = at + (int)strlen(fy[k]);
			int j = skip_spaces(t, e);
			struct num n;
			int y = 0;
			if (digits_number(t, j, &n) && (n.end - n.start == 4 || n.end - n.start == 2))
				y = n.end - n.start == 2 ? 2000 + (int)n.v : (int)n.v;
			if (!y && k < 3 && (j == e || !is_letter(t->f[e]))) {
				int b = at - 6 > 0 ? at - 6 : 0;
				int cet = find(t, "cet", b), thisw = find(t, "this", b);
				if (!((cet >= 0 && cet < at) || (thisw >= 0 && thisw < at) ||
				      starts(t, j, "en cours") || starts(t, j, "courant")))
					continue;
				y = today_year(t);
			}
			if (!y || y < 1990 || y > 2100 || (k == 4 && e < t->n && is_letter(t->f[e])))
				continue;
			deadline_or_span(t, p, at, date_from_ymd(y, 1, 1), date_from_ymd(y, 12, 31));
			return true;
		}
	return false;
}

/* The named periods, looked for before the other forms. */
static bool named_period(const struct text *t, struct period *p)
{
	return fiscal_year(t, p) || half_year(t, p) || season(t, p) || year_spans(t, p) ||
	       year_end(t, p) || named_month(t, p);
}

static void read_period(const struct text *t, struct period *p)
{
	day_t today = t->today;
	int i;
	if (named_period(t, p))
		return;
	/* quarters: "t1 2027", "q2", "1er trimestre 2027", "premier trimestre" */
	for (i = 1; i < t->n - 1; i++) {
		char c = t->f[i];
		if ((c == 't' || c == 'q') && boundary(t, i - 1) && t->f[i + 1] >= '1' &&
		    t->f[i + 1] <= '4' && !isdigit((unsigned char)t->f[i + 2]) && !is_letter(t->f[i + 2])) {
			int q = t->f[i + 1] - '0';
			int y = year_at(t, skip_spaces(t, i + 2));
			day_t s, d;
			quarter_of(t, q, y, &s, &d);
			/* "by the end of q2", "d'ici la fin du t2", "avant fin t3": a deadline */
			int back = i - 12 > 0 ? i - 12 : 0;
			const char *fin = strstr(t->f + back, "fin"), *end = strstr(t->f + back, "end");
			bool deadline = (fin && fin < t->f + i) || (end && end < t->f + i);
			set_period(p, deadline && today <= d ? today : s, d, i);
			return;
		}
	}
	static const char *const ords[] = { "premier", "deuxieme", "troisieme", "quatrieme", "1er",
					    "2e", "3e", "4e", "first", "second", "third", "fourth",
					    "1st", "2nd", "3rd", "4th", "2eme", "3eme", "4eme" };
	static const int ordq[] = { 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 2, 3, 4 };
	for (size_t k = 0; k < sizeof(ords) / sizeof(ords[0]); k++) {
		int at = find(t, ords[k], 0);
		if (at < 0)
			continue;
		int j = skip_spaces(t, word_end(t, at) + (is_letter(t->f[at]) ? 0 : 0));
		if (!is_letter(t->f[at]))
			j = skip_spaces(t, at + (int)strlen(ords[k]));
		if (starts(t, j, "trimestre") || starts(t, j, "quarter")) {
			int y = year_at(t, skip_spaces(t, word_end(t, j)));
			day_t s, d;
			quarter_of(t, ordq[k], y, &s, &d);
			set_period(p, s, d, at);
			return;
		}
	}
	/* relative spans: "d'ici 6 mois", "dans 3 semaines", "within 6 months", "sous 15 jours" */
	static const char *const within[] = { "d'ici", "dans", "within", "in the next", "in",
					      "sous", "en", "over the next", "sur les" };
	for (size_t k = 0; k < sizeof(within) / sizeof(within[0]); k++) {
		for (int at = find(t, within[k], 0); at >= 0; at = find(t, within[k], at + 1)) {
			int j = skip_spaces(t, at + (int)strlen(within[k]));
			struct num n;
			if (!number_at(t, j, &n) || n.v <= 0 || n.v > 120)
				continue;
			int u = skip_spaces(t, n.end);
			if (starts(t, u, "mois") || starts(t, u, "months") || starts(t, u, "month")) {
				set_period(p, today, date_add_months(today, (int)n.v), at);
				return;
			}
			if (starts(t, u, "semaines") || starts(t, u, "semaine") || starts(t, u, "weeks") ||
			    starts(t, u, "week")) {
				set_period(p, today, today + 7 * (int)n.v, at);
				return;
			}
			if (starts(t, u, "jours") || starts(t, u, "days")) {
				set_period(p, today, today + (int)n.v, at);
				return;
			}
			if (starts(t, u, "ans") || starts(t, u, "years") || starts(t, u, "an")) {
				set_period(p, today, date_add_months(today, 12 * (int)n.v), at);
				return;
			}
		}
	}
	/* end of a named month: "d'ici fin mars", "by the end of june", "avant fin juin" */
	static const char *const endof[] = { "fin", "end of", "the end of", "end" };
	for (size_t k = 0; k < sizeof(endof) / sizeof(endof[0]); k++) {
		for (int at = find(t, endof[k], 0); at >= 0; at = find(t, endof[k], at + 1)) {
			int j = skip_spaces(t, at + (int)strlen(endof[k]));
			if (starts(t, j, "de") || starts(t, j, "du") || starts(t, j, "of"))
				j = skip_spaces(t, j + 2);
			if (starts(t, j, "d'"))
				j += 2;
			int m = month_at(t, j);
			if (m) {
				int y = year_at(t, skip_spaces(t, word_end(t, j)));
				set_period(p, today, month_end(t, m, y), at);
				return;
			}
			if (starts(t, j, "l'annee") || starts(t, j, "annee") || starts(t, j, "the year") ||
			    starts(t, j, "year") || starts(t, j, "d'annee")) {
				int y = year_at(t, skip_spaces(t, word_end(t, j + (t->f[j + 1] == '\'' ? 2 : 0))));
				int ty, tm, td;
				date_to_ymd(today, &ty, &tm, &td);
				set_period(p, today, date_from_ymd(y ? y : ty, 12, 31), at);
				return;
			}
			if (starts(t, j, "mois") || starts(t, j, "the month") || starts(t, j, "month")) {
				set_period(p, today, date_month_end(today), at);
				return;
			}
			if (starts(t, j, "trimestre") || starts(t, j, "the quarter") || starts(t, j, "quarter")) {
				set_period(p, today, date_quarter_end(today), at);
				return;
			}
			if (starts(t, j, "semaine") || starts(t, j, "the week") || starts(t, j, "week")) {
				set_period(p, today, date_week_start(today) + 6, at);
				return;
			}
		}
	}
	/* a date: "avant le 30/06", "by 30 June 2027", "d'ici le 15 mars", "by june 30" */
	static const char *const before[] = { "avant le", "avant", "d'ici le", "au plus tard le",
					      "pour le", "jusqu'au", "by", "before", "until", "le",
					      "on", "au" };
	for (size_t k = 0; k < sizeof(before) / sizeof(before[0]); k++) {
		for (int at = find(t, before[k], 0); at >= 0; at = find(t, before[k], at + 1)) {
			int j = skip_spaces(t, at + (int)strlen(before[k]));
			if (starts(t, j, "the"))
				j = skip_spaces(t, j + 3);
			day_t d;
			if (date_at(t, j, &d)) {
				set_period(p, today, d, at);
				return;
			}
		}
	}
	/* this/next month, week, quarter, year */
	struct { const char *w; int kind; int next; } spans[] = {
		{ "sur le mois", 0, 0 }, { "ce mois-ci", 0, 0 }, { "ce mois", 0, 0 }, { "du mois", 0, 0 },
		{ "this month", 0, 0 }, { "le mois prochain", 0, 1 }, { "next month", 0, 1 },
		{ "au mois", 0, 0 }, { "par mois", 0, 0 }, { "per month", 0, 0 }, { "monthly", 0, 0 },
		{ "cette semaine", 1, 0 }, { "sur la semaine", 1, 0 }, { "this week", 1, 0 },
		{ "la semaine prochaine", 1, 1 }, { "next week", 1, 1 },
		{ "ce trimestre", 2, 0 }, { "du trimestre", 2, 0 }, { "sur le trimestre", 2, 0 },
		{ "this quarter", 2, 0 }, { "le trimestre prochain", 2, 1 }, { "prochain trimestre", 2, 1 },
		{ "next quarter", 2, 1 }, { "cette annee", 3, 0 }, { "sur l'annee", 3, 0 },
		{ "this year", 3, 0 }, { "l'annee prochaine", 3, 1 }, { "next year", 3, 1 } };
	for (size_t k = 0; k < sizeof(spans) / sizeof(spans[0]); k++) {
		int at = find(t, spans[k].w, 0);
		if (at < 0)
			continue;
		day_t s, d;
		switch (spans[k].kind) {
		case 0:
			s = date_month_start(spans[k].next ? date_add_months(date_month_start(today), 1) : today);
			d = date_month_end(s);
			break;
		case 1:
			s = date_week_start(today) + (spans[k].next ? 7 : 0);
			d = s + 6;
			break;
		case 2:
			s = date_quarter_start(today);
			if (spans[k].next)
				s = date_add_months(s, 3);
			d = date_quarter_end(s);
			break;
		default:
			s = date_year_start(today);
			if (spans[k].next)
				s = date_add_months(s, 12);
			d = date_add_months(s, 12) - 1;
		}
		set_period(p, s, d, at);
		return;
	}
	/* a year: "en 2027", "in 2027", "pour 2027", "d'ici 2027", "by 2027", "sur 2027" */
	static const char *const years[] = { "en", "in", "pour", "for", "sur", "d'ici", "by",
					     "avant", "before", "durant", "during" };
	for (size_t k = 0; k < sizeof(years) / sizeof(years[0]); k++)
		for (int at = find(t, years[k], 0); at >= 0; at = find(t, years[k], at + 1)) {
			int y = year_at(t, skip_spaces(t, at + (int)strlen(years[k])));
			if (!y)
				continue;
			bool deadline = k >= 5 && k != 9 && k != 10;
			day_t end = date_from_ymd(y, 12, 31);
			set_period(p, deadline ? today : date_from_ymd(y, 1, 1), end, at);
			return;
		}
}

/* --- the reader ----------------------------------------------------------------- */

struct verb {
	const char *prefix;
	enum direction dir;
	bool change;  /* the magnitude after "de" is a change, not a level */
};

static const struct verb verbs[] = {
	{ "ne pas depasser", DIR_STAY_BELOW, false }, { "ne pas descendre", DIR_STAY_ABOVE, false },
	{ "ne pas passer sous", DIR_STAY_ABOVE, false }, { "ne pas passer au-dessus", DIR_STAY_BELOW, false },
	{ "rester au-dessus", DIR_STAY_ABOVE, false }, { "rester au dessus", DIR_STAY_ABOVE, false },
	{ "rester au-dessous", DIR_STAY_BELOW, false }, { "rester en dessous", DIR_STAY_BELOW, false },
	{ "rester en-dessous", DIR_STAY_BELOW, false }, { "rester sous", DIR_STAY_BELOW, false },
	{ "stay above", DIR_STAY_ABOVE, false }, { "stay below", DIR_STAY_BELOW, false },
	{ "stay under", DIR_STAY_BELOW, false }, { "keep above", DIR_STAY_ABOVE, false },
	{ "keep below", DIR_STAY_BELOW, false }, { "keep under", DIR_STAY_BELOW, false },
	{ "remain above", DIR_STAY_ABOVE, false }, { "remain below", DIR_STAY_BELOW, false },
	{ "not exceed", DIR_STAY_BELOW, false }, { "never exceed", DIR_STAY_BELOW, false },
	{ "augment", DIR_INCREASE, true }, { "augmet", DIR_INCREASE, true }, { "augmen", DIR_INCREASE, true },
	{ "tripl", DIR_INCREASE, true },
	{ "accroi", DIR_INCREASE, true }, { "hausse", DIR_INCREASE, true },
	{ "developp", DIR_INCREASE, true }, { "progress", DIR_INCREASE, true },
	{ "doubl", DIR_INCREASE, true }, { "booster", DIR_INCREASE, true },
	{ "ameliorer", DIR_INCREASE, true }, { "amelior", DIR_INCREASE, true },
	{ "increas", DIR_INCREASE, true }, { "grow", DIR_INCREASE, true }, { "rais", DIR_INCREASE, true },
	{ "boost", DIR_INCREASE, true }, { "improv", DIR_INCREASE, true }, { "lift", DIR_INCREASE, true },
	{ "halv", DIR_DECREASE, true }, { "diviser par", DIR_DECREASE, true },
	{ "redui", DIR_DECREASE, true }, { "reduc", DIR_DECREASE, true }, { "diminu", DIR_DECREASE, true },
	{ "baiss", DIR_DECREASE, true }, { "abaiss", DIR_DECREASE, true }, { "cut", DIR_DECREASE, true },
	{ "lower", DIR_DECREASE, true }, { "decreas", DIR_DECREASE, true }, { "shorten", DIR_DECREASE, true },
	{ "raccourcir", DIR_DECREASE, true }, { "limiter", DIR_STAY_BELOW, false },
	{ "limit", DIR_STAY_BELOW, false }, { "plafonner", DIR_STAY_BELOW, false }, { "cap", DIR_STAY_BELOW, false },
	{ "maintenir", DIR_STAY_ABOVE, false }, { "maintien", DIR_STAY_ABOVE, false },
	{ "garder", DIR_STAY_ABOVE, false }, { "conserver", DIR_STAY_ABOVE, false },
	{ "maintain", DIR_STAY_ABOVE, false }, { "keep", DIR_STAY_ABOVE, false },
	{ "sustain", DIR_STAY_ABOVE, false }, { "rester", DIR_STAY_ABOVE, false },
	{ "stay", DIR_STAY_ABOVE, false },
	{ "depasser", DIR_STAY_ABOVE, false }, { "depass", DIR_STAY_ABOVE, false },
	{ "exceed", DIR_STAY_ABOVE, false }, { "surpass", DIR_STAY_ABOVE, false },
	{ "beat", DIR_STAY_ABOVE, false },
	{ "atteindre", DIR_REACH, false }, { "atteign", DIR_REACH, false }, { "attein", DIR_REACH, false },
	{ "arriver a", DIR_REACH, false }, { "parvenir a", DIR_REACH, false },
	{ "reach", DIR_REACH, false }, { "hit", DIR_REACH, false }, { "achiev", DIR_REACH, false },
	{ "realiser", DIR_REACH, false }, { "signer", DIR_REACH, false }, { "traiter", DIR_REACH, false },
	{ "vendre", DIR_REACH, false }, { "generer", DIR_REACH, false }, { "obtenir", DIR_REACH, false },
	{ "decrocher", DIR_REACH, false }, { "conclure", DIR_REACH, false }, { "prendre", DIR_REACH, false },
	{ "porter", DIR_REACH, false }, { "passer", DIR_REACH, false },
	{ "sign", DIR_REACH, false }, { "close", DIR_REACH, false }, { "handl", DIR_REACH, false },
	{ "book", DIR_REACH, false }, { "generat", DIR_REACH, false }, { "sell", DIR_REACH, false },
	{ "make", DIR_REACH, false }, { "deliver", DIR_REACH, false }, { "bring", DIR_REACH, false },
	{ "get", DIR_REACH, false }, { "answer", DIR_REACH, false }, { "repondre", DIR_REACH, false },
	{ "resoudre", DIR_REACH, false }, { "resolv", DIR_REACH, false },
};

static void lang_guess(struct text *t, enum lang hint)
{
	static const char *const fr[] = { "le", "la", "les", "de", "des", "du", "et", "en", "notre",
					  "nous", "doit", "d'ici", "sur", "chaque", "l'equipe", "au",
					  "avec", "pour", "moins", "mois" };
	static const char *const en[] = { "the", "of", "and", "our", "we", "must", "by", "to",
					  "each", "team", "with", "for", "within", "in", "less",
					  "month", "should", "will" };
	int a = 0, b = 0;
	for (size_t k = 0; k < sizeof(fr) / sizeof(fr[0]); k++)
		a += find(t, fr[k], 0) >= 0;
	for (size_t k = 0; k < sizeof(en) / sizeof(en[0]); k++)
		b += find(t, en[k], 0) >= 0;
	t->lang = a > b ? LANG_FR : b > a ? LANG_EN : hint;
}

static void read_owner(const struct text *t, struct sentence *s)
{
	static const struct { const char *w; bool name_after; } teams[] = {
		{ "l'equipe", true }, { "notre equipe", false }, { "mon equipe", false },
		{ "cette equipe", false }, { "l'agence", true }, { "le service", true },
		{ "le plateau", true }, { "le centre d'appels", false }, { "le centre", true },
		{ "le pole", true }, { "le site", true }, { "la direction", true }, { "le magasin", true },
		{ "our team", false }, { "my team", false }, { "team", true }, { "the", false } };
	for (size_t k = 0; k < sizeof(teams) / sizeof(teams[0]); k++) {
		int at = find(t, teams[k].w, 0);
		if (at < 0)
			continue;
		int end = at + (int)strlen(teams[k].w);
		if (!strcmp(teams[k].w, "the")) {
			/* "the Lyon team", "the sales team", "the support team" */
			int j = skip_spaces(t, end), w2 = word_end(t, j);
			int j2 = skip_spaces(t, w2);
			if (w2 > j && starts(t, j2, "team")) {
				quote(t, at, word_end(t, j2), s->owner, sizeof(s->owner));
				s->owner_kind = OW_TEAM;
				return;
			}
			if (w2 > j && (starts(t, j2, "sales") || starts(t, j2, "support")) &&
			    starts(t, skip_spaces(t, word_end(t, j2)), "team")) {
				quote(t, at, word_end(t, skip_spaces(t, word_end(t, j2))), s->owner,
				      sizeof(s->owner));
				s->owner_kind = OW_TEAM;
				return;
			}
			continue;
		}
		if (teams[k].name_after) {
			/* the name: one word ("A", "Lyon"), or "de Lyon", "du Nord", "d'Angers" */
			int j = skip_spaces(t, end);
			if (starts(t, j, "de") || starts(t, j, "du") || starts(t, j, "des"))
				j = skip_spaces(t, word_end(t, j));
			else if (starts(t, j, "d'"))
				j += 2;
			int w = j;
			while (w < t->n && (is_letter(t->f[w]) || isdigit((unsigned char)t->f[w]) ||
					    t->f[w] == '-'))
				w++;
			static const char *const not_names[] = { "doit", "devra", "va", "must", "should",
								  "will", "a", "est", "has", "de", "et" };
			bool bad = w == j;
			for (size_t q = 0; !bad && q < sizeof(not_names) / sizeof(not_names[0]); q++)
				bad = (size_t)(w - j) == strlen(not_names[q]) &&
				      !strncmp(t->f + j, not_names[q], (size_t)(w - j)) &&
				      !(w - j == 1 && t->orig[t->at[j]] == 'A');
			if (!strcmp(teams[k].w, "team") && bad)
				continue;
			end = bad ? end : w;
		}
		quote(t, at, end, s->owner, sizeof(s->owner));
		s->owner_kind = OW_TEAM;
		return;
	}
	static const char *const each[] = { "chaque", "each", "every", "tous les", "toutes les",
					    "all" };
	for (size_t k = 0; k < sizeof(each) / sizeof(each[0]); k++) {
		int at = find(t, each[k], 0);
		if (at < 0)
			continue;
		int j = skip_spaces(t, at + (int)strlen(each[k]));
		static const char *const roles[] = { "agent", "conseill", "teleconseill", "commerc",
						     "vendeu", "collaborat", "membre", "rep", "sales",
						     "advisor", "member", "seller", "account", "charge",
						     "operat", "technicien" };
		for (size_t q = 0; q < sizeof(roles) / sizeof(roles[0]); q++)
			if (!strncmp(t->f + j, roles[q], strlen(roles[q]))) {
				quote(t, at, word_end(t, j), s->owner, sizeof(s->owner));
				s->owner_kind = OW_EACH;
				return;
			}
	}
	/* a person named first: "Sandrine Simon doit...", "Paul must..." */
	const char *o = t->orig;
	static const char *const pronouns[] = { "we", "nous", "on", "they", "ils", "elles", "i",
						"je", "you", "vous", "our", "notre", "it" };
	bool pronoun = false;
	for (size_t q = 0; q < sizeof(pronouns) / sizeof(pronouns[0]); q++)
		pronoun = pronoun || word_at(t, 1, pronouns[q]);
	if (t->olen && o[0] >= 'A' && o[0] <= 'Z' && !pronoun) {
		int first = word_end(t, 1);
		int j = skip_spaces(t, first);
		int second = word_end(t, j);
		int k2 = skip_spaces(t, second);
		static const char *const modal[] = { "doit", "devra", "va", "must", "should", "will",
						     "needs", "has", "aims", "vise" };
		for (size_t q = 0; q < sizeof(modal) / sizeof(modal[0]); q++) {
			if (starts(t, j, modal[q]) && first > 2) {
				quote(t, 1, first, s->owner, sizeof(s->owner));
				s->owner_kind = OW_PERSON;
				return;
			}
			if (starts(t, k2, modal[q]) && second > j && j < t->n &&
			    o[t->at[j]] >= 'A' && o[t->at[j]] <= 'Z') {
				quote(t, 1, second, s->owner, sizeof(s->owner));
				s->owner_kind = OW_PERSON;
				return;
			}
		}
	}
	static const char *const we[] = { "nous", "notre", "nos", "we", "our", "us", "on doit" };
	for (size_t k = 0; k < sizeof(we) / sizeof(we[0]); k++) {
		int at = find(t, we[k], 0);
		if (at >= 0) {
			quote(t, at, at + (int)strlen(we[k]), s->owner, sizeof(s->owner));
			s->owner_kind = OW_WE;
			return;
		}
	}
	static const char *const me[] = { "je", "j'", "mon", "ma", "mes", "i", "my" };
	for (size_t k = 0; k < sizeof(me) / sizeof(me[0]); k++) {
		int at = find(t, me[k], 0);
		if (at >= 0 && !(k == 5 && t->lang == LANG_FR)) {
			quote(t, at, at + (int)strlen(me[k]), s->owner, sizeof(s->owner));
			s->owner_kind = OW_PERSON;
			return;
		}
	}
}

/* "doubler", "tripler", "de moitié", "by half", "d'un tiers", "by a third":
 * changes said in words, in percent of the baseline. */
static void read_change_words(const struct text *t, struct sentence *out)
{
	if (out->has_magnitude)
		return;
	double m = find_prefix(t, "doubl", 0) >= 0 ? 100 : find_prefix(t, "tripl", 0) >= 0 ? 200
		 : find(t, "de moitie", 0) >= 0 || find(t, "by half", 0) >= 0 ||
		   find_prefix(t, "halv", 0) >= 0 || find(t, "par deux", 0) >= 0 ? 50
		 : find(t, "d'un tiers", 0) >= 0 || find(t, "by a third", 0) >= 0 ||
		   find(t, "by one third", 0) >= 0 || find(t, "par trois", 0) >= 0 ? 100.0 / 3
		 : find(t, "d'un quart", 0) >= 0 || find(t, "by a fourth", 0) >= 0 ? 25 : 0;
	if (m > 0) {
		out->has_magnitude = true;
		out->magnitude = m;
		out->unit = SU_PERCENT;
		out->level = false;
	}
}

/* The kind of a bare number from its indicator: an index counts in points
 * ("Passer le NPS de 20 à 35"), a count indicator in units. */
static void read_kind(const char *key, struct sentence *out)
{
	static const char *const counts[] = { "calls", "contracts", "appointments", "leads", "tickets",
					      "complaints", "subscribers", "callbacks", NULL };
	if (!key || !out->has_magnitude || out->unit != SU_NONE)
		return;
	if (!strcmp(key, "nps")) {
		out->unit = SU_POINTS;
		out->level = true;
		return;
	}
	for (int k = 0; counts[k]; k++)
		if (!strcmp(key, counts[k]))
			out->unit = SU_COUNT;
}

int sentence_read(const char *text, size_t len, enum lang hint, day_t today, struct sentence *out)
{
	static __thread struct text t;
	memset(out, 0, sizeof(*out));
	out->start = out->due = DAY_NONE;
	if (!text)
		len = 0;
	if (len > SENTENCE_MAX)
		len = SENTENCE_MAX;
	t.today = today;
	t.lang = hint;
	fold(&t, text ? text : "", len);
	lang_guess(&t, hint);
	out->lang = t.lang;

	/* the indicator: a known synonym (the longest), looked for first so that
	 * its words are not taken for a verb ("answer rate") */
	int best_end = -1, best_at = -1;
	const char *key = NULL;
	for (size_t k = 0; k < sizeof(synonyms) / sizeof(synonyms[0]); k++) {
		for (int i = 1; i < t.n; i++) {
			if (!is_letter(t.f[i]) || !boundary(&t, i - 1))
				continue;
			int end;
			if (!phrase_at(&t, i, synonyms[k].phrase, &end))
				continue;
			/* a short form ("ca", "in") must be a whole word */
			if (strlen(synonyms[k].phrase) <= 3 &&
			    (end - i != (int)strlen(synonyms[k].phrase)))
				continue;
			if (!strcmp(synonyms[k].phrase, "ca") &&
			    !(t.orig[t.at[i]] == 'C' && t.orig[t.at[i] + 1] == 'A'))
				continue;  /* "ça", "ca" lower case: not CA */
			if (best_at < 0 || end - i > best_end - best_at) {
				best_at = i;
				best_end = end;
				key = synonyms[k].key;
			}
		}
	}
	/* the verb: the first one said (negations first: "ne pas dépasser") */
	int vpos = -1;
	const struct verb *verb = NULL;
	for (size_t k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++) {
		int at = strchr(verbs[k].prefix, ' ') ? find(&t, verbs[k].prefix, 0)
						      : find_prefix(&t, verbs[k].prefix, 0);
		/* the earliest; at the same place, the longer form listed first wins */
		if (at >= 0 && best_at >= 0 && at >= best_at && at < best_end)
			continue;  /* inside the indicator's words */
		if (at >= 0 && (vpos < 0 || at < vpos)) {
			/* a short English verb must be a whole word ("cut", "cap", "hit", "get") */
			size_t pl = strlen(verbs[k].prefix);
			if (pl <= 4 && !boundary(&t, at + (int)pl) && strcmp(verbs[k].prefix, "grow") &&
			    strcmp(verbs[k].prefix, "rais") && strcmp(verbs[k].prefix, "book") &&
			    strcmp(verbs[k].prefix, "sign") && strcmp(verbs[k].prefix, "sell") &&
			    strcmp(verbs[k].prefix, "make") && strcmp(verbs[k].prefix, "lift") &&
			    strcmp(verbs[k].prefix, "keep") && strcmp(verbs[k].prefix, "stay") &&
			    strcmp(verbs[k].prefix, "halv"))
				continue;
			vpos = at;
			verb = &verbs[k];
		}
	}
	if (verb) {
		out->has_direction = true;
		out->direction = verb->dir;
	}

	/* the period first: its numbers (years, days) are not magnitudes */
	struct period per;
	memset(&per, 0, sizeof(per));
	read_period(&t, &per);
	if (per.found) {
		out->start = per.start;
		out->due = per.due;
	}

	/* quantities, outside the period's words */
	struct quantity qs[16];
	int nq = 0;
	for (int i = 1; i < t.n && nq < 16; i++) {
		if (!(isdigit((unsigned char)t.f[i]) || (is_letter(t.f[i]) && boundary(&t, i - 1))))
			continue;
		struct quantity q;
		if (!quantity_at(&t, i, &q))
			continue;
		bool in_period = per.found && i >= per.pos && i < per.pos + 40 &&
				 ((q.unit == SU_NONE && (year_at(&t, i) || t.f[q.n.end] == '/')) ||
				  (q.n.v <= 31 && q.unit == SU_NONE) ||
				  (starts(&t, skip_spaces(&t, q.n.end), "mois") ||
				   starts(&t, skip_spaces(&t, q.n.end), "months") ||
				   starts(&t, skip_spaces(&t, q.n.end), "semaines") ||
				   starts(&t, skip_spaces(&t, q.n.end), "weeks") ||
				   ((q.unit == SU_SECONDS && q.value >= 86400) && i > per.pos)));
		bool quarter = i > 0 && (t.f[i - 1] == 't' || t.f[i - 1] == 'q') && !is_letter(t.f[i - 2]);
		bool year = q.unit == SU_NONE && year_at(&t, i);
		bool date = t.f[q.n.end] == '/' || (i > 0 && t.f[i - 1] == '/');
		if (in_period || quarter || year || date) {
			i = q.end > i ? q.end - 1 : i;
			continue;
		}
		qs[nq++] = q;
		i = q.end > i ? q.end - 1 : i;
	}

	/* "de A à B", "from A to B": a baseline and a level */
	int used = -1;
	for (int k = 0; k + 1 < nq; k++) {
		int between = skip_spaces(&t, qs[k].end);
		bool fr = starts(&t, between, "a") && t.f[between + 1] == ' ';
		bool en = starts(&t, between, "to");
		if (!fr && !en)
			continue;
		if (skip_spaces(&t, between + (fr ? 1 : 2)) != qs[k + 1].n.start)
			continue;
		int b4 = qs[k].n.start - 1;
		while (b4 > 0 && t.f[b4] == ' ')
			b4--;
		bool from = (b4 >= 1 && t.f[b4] == 'e' && t.f[b4 - 1] == 'd' && boundary(&t, b4 - 2)) ||
			    (b4 >= 3 && !strncmp(t.f + b4 - 3, "from", 4)) ||
			    (b4 >= 6 && !strncmp(t.f + b4 - 6, "passer", 6)) ||
			    (b4 >= 1 && t.f[b4] == 'u' && t.f[b4 - 1] == 'd');
		if (!from)
			continue;
		enum sentence_unit u = qs[k + 1].unit != SU_NONE ? qs[k + 1].unit : qs[k].unit;
		out->has_baseline = true;
		out->baseline = qs[k].unit == SU_NONE && u != SU_NONE && u != SU_PERCENT
			? qs[k].value * (qs[k + 1].n.v ? qs[k + 1].value / qs[k + 1].n.v : 1) : qs[k].value;
		out->has_magnitude = true;
		out->magnitude = qs[k + 1].value;
		out->unit = u == SU_PERCENT ? SU_PERCENT_LEVEL : u;
		out->usd = qs[k + 1].usd || qs[k].usd;
		out->level = true;
		out->has_direction = true;
		out->direction = out->magnitude > out->baseline ? DIR_INCREASE
			       : out->magnitude < out->baseline ? DIR_DECREASE : DIR_STAY_ABOVE;
		used = k + 1;
		break;
	}

	/* a threshold: "90 % des appels ... en moins de 20 s", "80% of calls within 20 seconds" */
	static const char *const under[] = { "en moins de", "moins de", "sous", "within", "in under",
					     "under", "in less than", "less than", "en", "in" };
	int lim = -1, lim_end = -1;
	for (size_t k = 0; k < sizeof(under) / sizeof(under[0]) && lim < 0; k++)
		for (int at = find(&t, under[k], 0); at >= 0 && lim < 0; at = find(&t, under[k], at + 1)) {
			int j = skip_spaces(&t, at + (int)strlen(under[k]));
			for (int q = 0; q < nq; q++)
				if (qs[q].n.start == j && qs[q].unit == SU_SECONDS) {
					lim = q;
					lim_end = at;
				}
		}
	if (lim >= 0) {
		int share = -1;
		for (int q = 0; q < lim; q++)
			if (qs[q].unit == SU_PERCENT)
				share = q;
		if (share >= 0 && used < 0) {
			out->has_threshold = true;
			out->threshold_share = qs[share].n.v / 100;
			out->threshold_limit = qs[lim].value;
			out->threshold_unit = SU_SECONDS;
			out->has_magnitude = true;
			out->magnitude = qs[share].n.v;
			out->unit = SU_PERCENT_LEVEL;
			if (!out->has_direction || out->direction == DIR_INCREASE)
				out->direction = out->has_direction ? out->direction : DIR_STAY_ABOVE;
			out->has_direction = true;
			used = lim;
		} else if (used < 0) {
			/* "délai de réponse en moins de 12 h": a ceiling on a duration */
			out->has_magnitude = true;
			out->magnitude = qs[lim].value;
			out->unit = SU_SECONDS;
			out->has_direction = true;
			out->direction = DIR_STAY_BELOW;
			used = lim;
		}
	}
	(void)lim_end;

	/* otherwise the quantity after the verb (or the first one) */
	if (used < 0 && nq) {
		int pick = -1;
		for (int q = 0; q < nq && pick < 0; q++)
			if (vpos < 0 || qs[q].n.start > vpos)
				pick = q;
		if (pick < 0)
			pick = 0;
		struct quantity *q = &qs[pick];
		int b4 = q->n.start - 1;
		while (b4 > 0 && t.f[b4] == ' ')
			b4--;
		bool de = b4 >= 1 && t.f[b4] == 'e' && t.f[b4 - 1] == 'd' && boundary(&t, b4 - 2);
		bool by = b4 >= 1 && t.f[b4] == 'y' && t.f[b4 - 1] == 'b' && boundary(&t, b4 - 2);
		bool a = b4 >= 0 && t.f[b4] == 'a' && boundary(&t, b4 - 1);
		bool to = b4 >= 1 && t.f[b4] == 'o' && t.f[b4 - 1] == 't' && boundary(&t, b4 - 2);
		out->has_magnitude = true;
		out->magnitude = q->value;
		out->unit = q->unit;
		out->usd = q->usd;
		out->level = !((de || by) && verb && verb->change);
		bool change = verb && verb->change;
		if (q->unit == SU_PERCENT && !((de || by) && change))
			out->unit = SU_PERCENT_LEVEL;  /* "à 90 %", "atteindre 90 %", "to 90%" */
		if ((a || to) && q->unit == SU_PERCENT)
			out->unit = SU_PERCENT_LEVEL;
		/* "moins de", "au plus", "at most", "no more than": a ceiling */
		int lookback = q->n.start - 14 > 0 ? q->n.start - 14 : 0;
		char win[32];
		snprintf(win, sizeof(win), "%.*s", q->n.start - lookback, t.f + lookback);
		if (strstr(win, "au plus") || strstr(win, "at most") || strstr(win, "no more than") ||
		    strstr(win, "pas plus de") || strstr(win, "moins de") || strstr(win, "sous la barre") ||
		    strstr(win, "below") || strstr(win, "under") || strstr(win, "sous ") ||
		    strstr(win, "en dessous")) {
			out->has_direction = true;
			out->direction = DIR_STAY_BELOW;
		} else if (strstr(win, "au moins") || strstr(win, "at least") || strstr(win, "minimum") ||
			   strstr(win, "plus de") || strstr(win, "more than") || strstr(win, "over")) {
			if (!out->has_direction || out->direction == DIR_REACH) {
				out->has_direction = true;
				out->direction = out->has_direction && verb && verb->dir == DIR_REACH &&
						 !strstr(win, "au moins") && !strstr(win, "at least")
						 ? DIR_REACH : DIR_STAY_ABOVE;
			}
		}
		(void)to;
	}

	read_change_words(&t, out);
	/* money with no indicator named: what is sold */
	if (!key && out->has_magnitude && out->unit == SU_EUR)
		key = "revenue";
	/* a threshold on calls is a service level; on requests, a response time */
	if (out->has_threshold && key && (!strcmp(key, "calls") || !strcmp(key, "answer_rate")))
		key = "service_level";
	if (out->has_threshold && (!key || !strcmp(key, "tickets")))
		key = find_prefix(&t, "appel", 0) >= 0 || find_prefix(&t, "call", 0) >= 0
			? "service_level" : "response_time";
	read_kind(key, out);
	if (key) {
		snprintf(out->indicator_key, sizeof(out->indicator_key), "%s", key);
		quote(&t, best_at, best_end, out->indicator, sizeof(out->indicator));
	} else if (vpos >= 0) {
		int j = skip_spaces(&t, word_end(&t, vpos));
		static const char *const dets[] = { "le", "la", "les", "l'", "notre", "nos", "mon", "ma",
						    "mes", "son", "sa", "ses", "leur", "leurs", "the", "our",
						    "my", "their", "its", "un", "une", "des", "a", "an" };
		for (size_t k = 0; k < sizeof(dets) / sizeof(dets[0]); k++)
			if (starts(&t, j, dets[k]) || (dets[k][1] == '\'' && !strncmp(t.f + j, dets[k], 2))) {
				j = skip_spaces(&t, j + (int)strlen(dets[k]));
				break;
			}
		int e = j, words = 0;
		static const char *const stops[] = { "de", "d'ici", "a", "au", "aux", "en", "sur", "par",
						     "pour", "avant", "dans", "by", "to", "from", "of", "in",
						     "within", "this", "next", "before", "avec", "with",
						     "et", "and", "sous", "under", "chaque", "each", "d'" };
		while (e < t.n && words < 8) {
			int ws = skip_spaces(&t, e);
			if (!is_letter(t.f[ws]))
				break;
			bool stop = false;
			for (size_t k = 0; k < sizeof(stops) / sizeof(stops[0]) && !stop; k++)
				stop = words && (starts(&t, ws, stops[k]) ||
						 (!strcmp(stops[k], "d'") && !strncmp(t.f + ws, "d'", 2)));
			if (stop)
				break;
			e = word_end(&t, ws);
			if (t.f[e] == '\'')
				e = word_end(&t, e + 1);
			words++;
		}
		if (words)
			quote(&t, j, e, out->indicator, sizeof(out->indicator));
	}

	read_owner(&t, out);

	/* what is still missing: the questions to ask */
	if (!out->owner_kind)
		out->questions |= Q_WHO;
	if (!out->indicator[0])
		out->questions |= Q_WHAT;
	if (!out->has_magnitude)
		out->questions |= Q_HOW_MUCH;
	if (out->due == DAY_NONE)
		out->questions |= Q_WHEN;
	return out->has_direction + !!out->indicator[0] + out->has_magnitude +
	       (out->due != DAY_NONE) + (out->owner_kind != OW_NONE);
}

const char *sentence_unit_name(enum sentence_unit u)
{
	static const char *const n[] = { "none", "percent", "points", "percent_level", "eur", "count",
					 "seconds" };
	return (int)u >= 0 && u <= SU_SECONDS ? n[u] : "none";
}

const char *owner_kind_name(enum owner_kind k)
{
	static const char *const n[] = { "none", "team", "each", "person", "we" };
	return (int)k >= 0 && k <= OW_WE ? n[k] : "none";
}
