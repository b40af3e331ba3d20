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
#include "core/period.h"
#include "core/sentence.h"
#include "core/smart.h"

/* --- units ------------------------------------------------------------------- */

struct quantity {
	struct tx_num n;
	enum sentence_unit unit;
	double value;   /* in base units: euros, seconds */
	int begin;      /* where it starts: its currency sign ("$1.2M") or its first digit */
	int end;        /* after the unit */
	bool level;     /* a percentage stated as a level ("à 90 %") */
	bool usd;       /* money in dollars ("$1.2M", "300 k$", "500 dollars") */
	bool scale;     /* a score on a scale ("4,2/5", "8/10") */
	double den;     /* its scale: 5, 10 */
};

static const char *const count_nouns[] = {
	"appels", "appel", "calls", "call", "contrats", "contrat", "contracts", "contract",
	"rendez-vous", "rdv", "appointments", "meetings", "leads", "lead", "tickets", "ticket",
	"ventes", "vente", "sales", "dossiers", "demandes", "requests", "clients", "customers",
	"deals", "affaires", "devis", "quotes", "visites", "visits", "souscriptions", "adhesions",
	"nouveaux", "new", "commandes", "orders", "reclamations", "complaints", "rappels",
	"callbacks", "abonnes", "subscribers", "inscrits", NULL };

/* A duration's unit at i: seconds per unit, and its end. */
static double duration_unit(const struct tx *t, int i, int *end)
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
		    (i + (int)n >= t->n || !tx_letter(t->f[i + (int)n]))) {
			*end = i + (int)n;
			return u[k].s;
		}
	}
	return 0;
}

static bool near(const char *a, size_t na, const char *b, size_t nb);
static bool quantity_unit(const struct tx *t, struct quantity *q);

static bool quantity_at(const struct tx *t, int i, struct quantity *q)
{
	memset(q, 0, sizeof(*q));
	if (!tx_number(t, i, &q->n))
		return false;
	if (!quantity_unit(t, q))
		return false;
	/* "un", "one" count only with a unit that is not a mere noun */
	if (q->n.article && (q->unit == SU_NONE || q->unit == SU_COUNT))
		return false;
	return true;
}

static bool quantity_unit(const struct tx *t, struct quantity *q)
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
	q->begin = euro_first ? b : q->n.start;
	double ksuffix = 1;
	if ((t->f[j] == 'k' || t->f[j] == 'm') && !tx_letter(t->f[j + 1]) &&
	    (euro_first || t->f[tx_skip(t, j + 1)] == '$' ||
	     t->f[tx_skip(t, j + 1)] == '#')) {
		ksuffix = t->f[j] == 'k' ? 1e3 : 1e6;
		j++;
	} else if (t->f[j] == 'k' && !tx_letter(t->f[j + 1]) && !q->n.article) {
		/* "1.2k calls", "15k visits": a thousand of anything */
		q->n.v *= 1e3;
		q->value = q->n.v;
		j++;
		q->end = j;
	}
	/* "4:30", "1:05:00": minutes and seconds (hours first when three) */
	if (t->f[j] == ':' && isdigit((unsigned char)t->f[j + 1]) && isdigit((unsigned char)t->f[j + 2]) &&
	    !isdigit((unsigned char)t->f[j + 3]) && q->n.v == floor(q->n.v)) {
		int ss = (t->f[j + 1] - '0') * 10 + (t->f[j + 2] - '0');
		if (ss < 60) {
			double v = q->n.v * 60 + ss;
			int e = j + 3;
			if (t->f[e] == ':' && isdigit((unsigned char)t->f[e + 1]) &&
			    isdigit((unsigned char)t->f[e + 2]) && !isdigit((unsigned char)t->f[e + 3])) {
				int s2 = (t->f[e + 1] - '0') * 10 + (t->f[e + 2] - '0');
				if (s2 >= 60)
					return false;
				v = v * 60 + s2;
				e += 3;
			}
			q->unit = SU_SECONDS;
			q->value = v;
			q->end = e;
			int ue;
			if (duration_unit(t, tx_skip(t, e), &ue) > 0)
				q->end = ue;
			return true;
		}
	}
	if (euro_first) {
		q->unit = SU_EUR;
		q->value = q->n.v * ksuffix;
		q->end = j;
		return true;
	}
	int k = tx_skip(t, j);
	if (t->f[k] == '%') {
		q->unit = SU_PERCENT;
		q->end = k + 1;
		return true;
	}
	if (tx_word(t, k, "pour cent") || tx_word(t, k, "pourcent") || tx_word(t, k, "percent") ||
	    tx_word(t, k, "per cent")) {
		q->unit = SU_PERCENT;
		q->end = tx_word_end(t, k);
		if (tx_word(t, k, "pour cent") || tx_word(t, k, "per cent"))
			q->end = tx_word_end(t, tx_skip(t, tx_word_end(t, k)));
		return true;
	}
	if (tx_word(t, k, "points") || tx_word(t, k, "point") || tx_word(t, k, "pts") ||
	    tx_word(t, k, "pt")) {
		q->unit = SU_POINTS;
		q->end = tx_word_end(t, k);
		return true;
	}
	/* money: €, k€, M€, euros, keur, "millions d'euros" */
	double mult = ksuffix;
	int m = k;
	if ((tx_word(t, m, "k") || tx_word(t, m, "m")) &&
	    (t->f[tx_skip(t, m + 1)] == '$' || t->f[tx_skip(t, m + 1)] == '#')) {
		mult = t->f[m] == 'k' ? 1e3 : 1e6;
		m = tx_skip(t, m + 1);
	} else if (tx_word(t, m, "keur") || tx_word(t, m, "meur")) {
		q->unit = SU_EUR;
		q->value = q->n.v * (t->f[m] == 'k' ? 1e3 : 1e6);
		q->end = m + 4;
		return true;
	} else if (tx_word(t, m, "millions") || tx_word(t, m, "million") || tx_word(t, m, "millier") ||
		   tx_word(t, m, "milliers")) {
		mult = t->f[m + 4] == 'i' && t->f[m + 5] == 'e' ? 1e3 : 1e6;
		m = tx_skip(t, tx_word_end(t, m));
		if (tx_word(t, m, "d'euros") || tx_word(t, m, "de euros"))
			m = tx_skip(t, m + 2);
		else if (tx_word(t, m, "de"))
			m = tx_skip(t, m + 2);
	}
	if (t->f[m] == '#' || tx_word(t, m, "dollars") || tx_word(t, m, "usd")) {
		q->usd = true;
		q->unit = SU_EUR;
		q->value = q->n.v * mult;
		q->end = t->f[m] == '#' ? m + 1 : tx_word_end(t, m);
		return true;
	}
	if (t->f[m] == '$' || tx_word(t, m, "euros") || tx_word(t, m, "euro") || tx_word(t, m, "eur")) {
		q->unit = SU_EUR;
		q->value = q->n.v * mult;
		q->end = t->f[m] == '$' ? m + 1 : tx_word_end(t, m);
		return true;
	}
	/* durations: "4 min 30", "4min30", "12h", "1 h 30", "90 secondes", "48-hour" */
	int ue;
	if (t->f[k] == '-' && tx_letter(t->f[k + 1]))
		k++;
	double per = duration_unit(t, k, &ue);
	if (per > 0) {
		q->unit = SU_SECONDS;
		q->value = q->n.v * per;
		q->end = ue;
		struct tx_num rest;
		int r = tx_skip(t, ue);
		if ((per == 60 || per == 3600) && tx_digits(t, r, &rest) && rest.v < 60) {
			q->value += rest.v * (per / 60);
			q->end = rest.end;
			int e2;
			if (duration_unit(t, tx_skip(t, rest.end), &e2) > 0)
				q->end = e2;
		}
		return true;
	}
	/* a count: "50 appels", "200 qualified leads", "40 apels"; not past a
	 * preposition ("4.4 in customer satisfaction") */
	static const char *const func[] = { "in", "en", "of", "de", "du", "des", "d'", "by", "par",
					    "a", "au", "aux", "the", "le", "la", "les", "to", "for",
					    "pour", "on", "sur", "per", "at", NULL };
	for (int w = 0, at = k; w < 2 && tx_letter(t->f[at]); w++) {
		int e = tx_word_end(t, at);
		bool fw = false;
		for (int f = 0; func[f] && !fw; f++)
			fw = tx_word(t, at, func[f]) || (!strcmp(func[f], "d'") && !strncmp(t->f + at, "d'", 2));
		if (fw)
			break;
		for (int c = 0; count_nouns[c]; c++)
			if (near(count_nouns[c], strlen(count_nouns[c]), t->f + at, (size_t)(e - at))) {
				q->unit = SU_COUNT;
				return true;
			}
		at = tx_skip(t, e);
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
	{ "abandoned calls", "abandonment" }, { "call abandonment", "abandonment" },
	{ "abandonment", "abandonment" }, { "abandons", "abandonment" },
	{ "ventes", "revenue" }, { "sales", "revenue" },
	{ "complaint handling time", "response_time" }, { "dossiers", "tickets" },
	{ "note qualite", "csat" }, { "note de qualite", "csat" }, { "quality score", "csat" },
	{ "des le premier appel", "fcr" }, { "on the first call", "fcr" },
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
static bool phrase_at(const struct tx *t, int i, const char *phrase, int *end)
{
	if (!tx_boundary(t, i - 1) || !tx_letter(t->f[i]))
		return false;
	const char *p = phrase;
	int j = i;
	while (*p) {
		const char *pe = p;
		while (*pe && *pe != ' ' && *pe != '\'')
			pe++;
		int we = j;
		while (we < t->n && (tx_letter(t->f[we]) || t->f[we] == '-'))
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
			j = tx_skip(t, j + 1);
			p = pe + 1;
		} else if (*pe == ' ') {
			if (t->f[j] != ' ')
				return false;
			j = tx_skip(t, j);
			p = pe + 1;
		} else {
			p = pe;
		}
	}
	*end = j;
	return true;
}

static void quote(const struct tx *t, int a, int b, char *out, size_t n)
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
	{ "increse", DIR_INCREASE, true }, { "incease", DIR_INCREASE, true },
	{ "fall", DIR_DECREASE, true }, { "win", DIR_REACH, false }, { "convert", DIR_REACH, false },
	{ "fidelis", DIR_REACH, false }, { "retain", DIR_REACH, false },
	{ "halv", DIR_DECREASE, true }, { "diviser par", DIR_DECREASE, true },
	{ "divis", DIR_DECREASE, true }, { "multipli", DIR_INCREASE, true },
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

static void lang_guess(struct tx *t, enum lang hint)
{
	static const char *const fr[] = { "le", "la", "les", "de", "des", "du", "et", "en", "notre",
					  "nous", "doit", "d'ici", "sur", "chaque", "l'equipe", "au",
					  "avec", "pour", "moins", "mois" };
	static const char *const en[] = { "the", "of", "and", "our", "we", "must", "by", "to",
					  "each", "team", "with", "for", "within", "in", "less",
					  "month", "should", "will" };
	int a = 0, b = 0;
	for (size_t k = 0; k < sizeof(fr) / sizeof(fr[0]); k++)
		a += tx_find(t, fr[k], 0) >= 0;
	for (size_t k = 0; k < sizeof(en) / sizeof(en[0]); k++)
		b += tx_find(t, en[k], 0) >= 0;
	t->lang = a > b ? LANG_FR : b > a ? LANG_EN : hint;
}

static void read_owner(const struct tx *t, struct sentence *s, int ind_at, int ind_end)
{
	static const struct { const char *w; bool name_after; } teams[] = {
		{ "l'equipe", true }, { "notre equipe", false }, { "mon equipe", false },
		{ "cette equipe", false }, { "l'agence", true }, { "le service", true },
		{ "le plateau", true }, { "le centre d'appels", false }, { "le centre", true },
		{ "le pole", true }, { "le site", true }, { "la direction", true }, { "le magasin", true },
		{ "our team", false }, { "my team", false }, { "team", true }, { "the", false },
		{ "our", false } };
	for (size_t k = 0; k < sizeof(teams) / sizeof(teams[0]); k++) {
		int at = tx_find(t, teams[k].w, 0);
		if (at < 0)
			continue;
		int end = at + (int)strlen(teams[k].w);
		if (!strcmp(teams[k].w, "the") || !strcmp(teams[k].w, "our")) {
			/* "the Lyon team", "the customer service team", "our support team",
			 * "the call centre", "the Toulouse branch": a unit named by up to
			 * two words before its noun, said before the verb */
			static const char *const units[] = { "team", "branch", "call centre",
							     "call center", "department", "office",
							     "agency", "store", NULL };
			int j = tx_skip(t, end);
			for (int words = 0; words < 3 && j < t->n && tx_letter(t->f[j]); words++) {
				for (int u = 0; units[u]; u++)
					if (tx_word(t, j, units[u]) && (words || strchr(units[u], ' '))) {
						int ue = j + (int)strlen(units[u]);
						quote(t, at, ue, s->owner, sizeof(s->owner));
						s->owner_kind = OW_TEAM;
						return;
					}
				j = tx_skip(t, tx_word_end(t, j));
			}
			continue;
		}
		if (teams[k].name_after) {
			/* the name: one word ("A", "Lyon"), or "de Lyon", "du Nord", "d'Angers" */
			int j = tx_skip(t, end);
			if (tx_word(t, j, "de") || tx_word(t, j, "du") || tx_word(t, j, "des"))
				j = tx_skip(t, tx_word_end(t, j));
			else if (tx_word(t, j, "d'"))
				j += 2;
			int w = j;
			while (w < t->n && (tx_letter(t->f[w]) || isdigit((unsigned char)t->f[w]) ||
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
		int at = tx_find(t, each[k], 0);
		if (at < 0)
			continue;
		int j = tx_skip(t, at + (int)strlen(each[k]));
		static const char *const roles[] = { "agent", "conseill", "teleconseill", "commerc",
						     "vendeu", "collaborat", "membre", "rep", "sales",
						     "advisor", "member", "seller", "account", "charge",
						     "operat", "technicien", "employ", "advis" };
		for (size_t q = 0; q < sizeof(roles) / sizeof(roles[0]); q++)
			if (!strncmp(t->f + j, roles[q], strlen(roles[q]))) {
				quote(t, at, tx_word_end(t, j), s->owner, sizeof(s->owner));
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
		pronoun = pronoun || tx_word(t, 1, pronouns[q]);
	/* not the indicator said first ("Churn must fall", "Le NPS doit gagner") */
	bool indicator_first = ind_at >= 0 && ind_at <= tx_skip(t, 1) + 4 && ind_end > tx_skip(t, 1);
	if (t->olen && o[0] >= 'A' && o[0] <= 'Z' && !pronoun && !indicator_first) {
		int first = tx_word_end(t, 1);
		int j = tx_skip(t, first);
		int second = tx_word_end(t, j);
		int k2 = tx_skip(t, second);
		static const char *const modal[] = { "doit", "devra", "va", "must", "should", "will",
						     "needs", "has", "aims", "vise" };
		for (size_t q = 0; q < sizeof(modal) / sizeof(modal[0]); q++) {
			if (tx_word(t, j, modal[q]) && first > 2) {
				quote(t, 1, first, s->owner, sizeof(s->owner));
				s->owner_kind = OW_PERSON;
				return;
			}
			if (tx_word(t, k2, modal[q]) && second > j && j < t->n &&
			    o[t->at[j]] >= 'A' && o[t->at[j]] <= 'Z') {
				quote(t, 1, second, s->owner, sizeof(s->owner));
				s->owner_kind = OW_PERSON;
				return;
			}
		}
	}
	static const char *const we[] = { "nous", "notre", "nos", "we", "our", "us", "on doit" };
	for (size_t k = 0; k < sizeof(we) / sizeof(we[0]); k++) {
		int at = tx_find(t, we[k], 0);
		if (at >= 0) {
			quote(t, at, at + (int)strlen(we[k]), s->owner, sizeof(s->owner));
			s->owner_kind = OW_WE;
			return;
		}
	}
	static const char *const me[] = { "je", "j'", "mon", "ma", "mes", "i", "my" };
	for (size_t k = 0; k < sizeof(me) / sizeof(me[0]); k++) {
		int at = tx_find(t, me[k], 0);
		if (at >= 0 && !(k == 5 && t->lang == LANG_FR)) {
			quote(t, at, at + (int)strlen(me[k]), s->owner, sizeof(s->owner));
			s->owner_kind = OW_PERSON;
			return;
		}
	}
}

/* "doubler", "tripler", "de moitié", "by half", "d'un tiers", "by a third":
 * changes said in words, in percent of the baseline. */
/* "diviser par deux", "multiplier par 3", "divide by 2": the factor after
 * the verb, as a change in percent; 0 when there is none. */
static double factor_change(const struct tx *t, double *sign)
{
	int at = tx_find_prefix(t, "divis", 0), up = tx_find_prefix(t, "multipl", 0);
	if (at < 0)
		at = tx_find_prefix(t, "divid", 0);
	*sign = at >= 0 ? -1 : 1;
	if (at < 0)
		at = up;
	if (at < 0)
		return 0;
	int p = tx_find(t, "par", at) >= 0 ? tx_find(t, "par", at) : tx_find(t, "by", at);
	struct tx_num n;
	if (p < 0 || !tx_number(t, tx_skip(t, tx_word_end(t, p)), &n) || n.v <= 1 || n.v > 100)
		return 0;
	return *sign < 0 ? 100 - 100 / n.v : (n.v - 1) * 100;
}

/* Is the number at i the factor of "diviser par", "multiply by"? */
static bool is_factor(const struct tx *t, int i)
{
	int b = i - 1;
	while (b > 0 && t->f[b] == ' ')
		b--;
	bool par = (b >= 2 && !strncmp(t->f + b - 2, "par", 3) && tx_boundary(t, b - 3)) ||
		   (b >= 1 && !strncmp(t->f + b - 1, "by", 2) && tx_boundary(t, b - 2));
	double sign;
	return par && factor_change(t, &sign) > 0;
}

static void read_change_words(const struct tx *t, struct sentence *out)
{
	double sign;
	double f = factor_change(t, &sign);
	if (f > 0 && !out->has_magnitude) {
		out->has_magnitude = true;
		out->magnitude = f;
		out->unit = SU_PERCENT;
		out->level = false;
		out->has_direction = true;
		out->direction = sign < 0 ? DIR_DECREASE : DIR_INCREASE;
		return;
	}
	if (out->has_magnitude)
		return;
	double m = tx_find_prefix(t, "doubl", 0) >= 0 ? 100 : tx_find_prefix(t, "tripl", 0) >= 0 ? 200
		 : tx_find(t, "de moitie", 0) >= 0 || tx_find(t, "by half", 0) >= 0 ||
		   tx_find_prefix(t, "halv", 0) >= 0 || tx_find(t, "par deux", 0) >= 0 ? 50
		 : tx_find(t, "d'un tiers", 0) >= 0 || tx_find(t, "by a third", 0) >= 0 ||
		   tx_find(t, "by one third", 0) >= 0 ? 100.0 / 3
		 : tx_find(t, "d'un quart", 0) >= 0 || tx_find(t, "by a fourth", 0) >= 0 ||
		   tx_find(t, "by a quarter", 0) >= 0 || tx_find(t, "by one quarter", 0) >= 0 ? 25 : 0;
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

/* The steps of sentence_read, in the order they run, and what each finds for
 * the next ones. */
struct reading {
	struct tx *t;
	struct sentence *out;
	int best_at, best_end;      /* the indicator's words, -1 when no synonym */
	const char *key;            /* its ready-made key, NULL when none */
	bool org_key;               /* key is one of the organisation's (sentence_read_with) */
	bool scale;                 /* the magnitude is a score on a scale ("4,2/5") */
	int vpos;                   /* where the verb is, -1 when none */
	const struct verb *verb;
	struct period per;
	struct quantity qs[16];     /* the quantities outside the period's words */
	int nq;
	int used;                   /* the quantity taken as the magnitude, -1 when none */
};

/* The indicator: a known synonym (the longest), looked for first so that its
 * words are not taken for a verb ("answer rate"). */
static void find_indicator(struct reading *r)
{
	struct tx *t = r->t;
	for (size_t k = 0; k < sizeof(synonyms) / sizeof(synonyms[0]); k++) {
		for (int i = 1; i < t->n; i++) {
			if (!tx_letter(t->f[i]) || !tx_boundary(t, i - 1))
				continue;
			int end;
			if (!phrase_at(t, i, synonyms[k].phrase, &end))
				continue;
			/* a short form ("ca", "in") must be a whole word */
			if (strlen(synonyms[k].phrase) <= 3 &&
			    (end - i != (int)strlen(synonyms[k].phrase)))
				continue;
			if (!strcmp(synonyms[k].phrase, "ca") &&
			    !(t->orig[t->at[i]] == 'C' && t->orig[t->at[i] + 1] == 'A'))
				continue;  /* "ça", "ca" lower case: not CA */
			if (r->best_at < 0 || end - i > r->best_end - r->best_at) {
				r->best_at = i;
				r->best_end = end;
				r->key = synonyms[k].key;
			}
		}
	}
}

/* The organisation's words, after the reader's own: a longer match wins, or
 * one as long when it is an admin's synonym. */
static void find_org_indicator(struct reading *r, const struct sentence_lexicon *lex)
{
	static __thread struct tx ft;
	struct tx *t = r->t;
	for (size_t k = 0; lex && k < lex->n; k++) {
		const struct sentence_word *w = &lex->words[k];
		if (!w->phrase || !w->key || w->lang != t->lang || strlen(w->phrase) > 64)
			continue;
		/* the phrase folded as the text is, its blanks single */
		ft.lang = t->lang;
		tx_fold(&ft, w->phrase, strlen(w->phrase));
		char phrase[160];
		size_t n = 0;
		for (int i = 0; i < ft.n && n + 1 < sizeof(phrase) && ft.f[i] != '('; i++) {
			char c = ft.f[i] == '_' ? ' ' : ft.f[i];
			if (c == ' ' && (!n || phrase[n - 1] == ' '))
				continue;
			phrase[n++] = c;
		}
		while (n && phrase[n - 1] == ' ')
			n--;
		phrase[n] = '\0';
		if (n < 2)
			continue;
		for (int i = 1; i < t->n; i++) {
			if (!tx_letter(t->f[i]) || !tx_boundary(t, i - 1))
				continue;
			int end;
			if (!phrase_at(t, i, phrase, &end))
				continue;
			if (n <= 3 && end - i != (int)n)
				continue;  /* a short form must be a whole word */
			int len = end - i, best = r->best_end - r->best_at;
			if (r->best_at < 0 || len > best || (len == best && w->strong)) {
				r->best_at = i;
				r->best_end = end;
				r->key = w->key;
				r->org_key = true;
			}
		}
	}
}

/* The verb: the first one said (negations first: "ne pas dépasser"), and
 * the direction it gives. */
static void find_verb(struct reading *r)
{
	struct tx *t = r->t;
	for (size_t k = 0; k < sizeof(verbs) / sizeof(verbs[0]); k++) {
		int at = strchr(verbs[k].prefix, ' ') ? tx_find(t, verbs[k].prefix, 0)
						      : tx_find_prefix(t, verbs[k].prefix, 0);
		/* the earliest; at the same place, the longer form listed first wins */
		if (at >= 0 && r->best_at >= 0 && at >= r->best_at && at < r->best_end)
			continue;  /* inside the indicator's words */
		if (at >= 0 && (r->vpos < 0 || at < r->vpos)) {
			/* a short English verb must be a whole word ("cut", "cap", "hit", "get") */
			size_t pl = strlen(verbs[k].prefix);
			if (pl <= 4 && !tx_boundary(t, at + (int)pl) && strcmp(verbs[k].prefix, "grow") &&
			    strcmp(verbs[k].prefix, "rais") && strcmp(verbs[k].prefix, "book") &&
			    strcmp(verbs[k].prefix, "sign") && strcmp(verbs[k].prefix, "sell") &&
			    strcmp(verbs[k].prefix, "make") && strcmp(verbs[k].prefix, "lift") &&
			    strcmp(verbs[k].prefix, "keep") && strcmp(verbs[k].prefix, "stay") &&
			    strcmp(verbs[k].prefix, "halv"))
				continue;
			r->vpos = at;
			r->verb = &verbs[k];
		}
	}
	if (r->verb) {
		r->out->has_direction = true;
		r->out->direction = r->verb->dir;
	}
}

/* The period first: its numbers (years, days) are not magnitudes. */
static void find_period(struct reading *r)
{
	struct tx *t = r->t;
	period_scan(t, &r->per);
	r->out->rhythm = r->per.rhythm;
	if (r->per.found) {
		r->out->start = r->per.start;
		r->out->due = r->per.due;
	}
}

/* The quantities, outside the period's words (a year, a day, a quarter, a
 * date are not amounts). */
static void find_quantities(struct reading *r)
{
	struct tx *t = r->t;
	const struct period *per = &r->per;
	for (int i = 1; i < t->n && r->nq < 16; i++) {
		if (!(isdigit((unsigned char)t->f[i]) || (tx_letter(t->f[i]) && tx_boundary(t, i - 1))))
			continue;
		struct quantity q;
		if (!quantity_at(t, i, &q))
			continue;
		bool in_period = per->found && i >= per->pos && i < per->pos + 40 &&
				 ((q.unit == SU_NONE && (period_year_at(t, i) || t->f[q.n.end] == '/')) ||
				  (q.n.v <= 31 && q.unit == SU_NONE) ||
				  (tx_word(t, tx_skip(t, q.n.end), "mois") ||
				   tx_word(t, tx_skip(t, q.n.end), "months") ||
				   tx_word(t, tx_skip(t, q.n.end), "semaines") ||
				   tx_word(t, tx_skip(t, q.n.end), "weeks") ||
				   ((q.unit == SU_SECONDS && q.value >= 86400) && i > per->pos)));
		/* "4,2/5", "8/10": a score on a scale, the denominator skipped */
		if (q.unit == SU_NONE && t->f[q.n.end] == '/' && !(per->found && per->pos == i)) {
			struct tx_num den;
			if (tx_digits(t, q.n.end + 1, &den) && t->f[den.end] != '/' && t->f[q.n.end + 1] != '0' &&
			    (den.v == 5 || den.v == 10 || den.v == 20 || den.v == 100) && q.n.v <= den.v) {
				q.end = den.end;
				q.scale = true;
				q.den = den.v;
				r->qs[r->nq++] = q;
				i = q.end - 1;
				continue;
			}
		}
		if (is_factor(t, i)) {
			i = q.end > i ? q.end - 1 : i;
			continue;
		}
		bool quarter = i > 0 && (t->f[i - 1] == 't' || t->f[i - 1] == 'q') && !tx_letter(t->f[i - 2]);
		bool year = q.unit == SU_NONE && period_year_at(t, i);
		bool date = t->f[q.n.end] == '/' || (i > 0 && t->f[i - 1] == '/');
		if (in_period || quarter || year || date) {
			i = q.end > i ? q.end - 1 : i;
			continue;
		}
		r->qs[r->nq++] = q;
		i = q.end > i ? q.end - 1 : i;
	}
}

/* "de A à B", "from A to B": a baseline and a level. */
static void read_from_to(struct reading *r)
{
	struct tx *t = r->t;
	struct sentence *out = r->out;
	const struct quantity *qs = r->qs;
	int nq = r->nq;
	for (int k = 0; k + 1 < nq; k++) {
		int between = tx_skip(t, qs[k].end);
		bool fr = tx_word(t, between, "a") && t->f[between + 1] == ' ';
		bool en = tx_word(t, between, "to");
		if (!fr && !en)
			continue;
		if (tx_skip(t, between + (fr ? 1 : 2)) != qs[k + 1].begin)
			continue;
		int b4 = qs[k].begin - 1;
		while (b4 > 0 && t->f[b4] == ' ')
			b4--;
		bool from = (b4 >= 1 && t->f[b4] == 'e' && t->f[b4 - 1] == 'd' && tx_boundary(t, b4 - 2)) ||
			    (b4 >= 3 && !strncmp(t->f + b4 - 3, "from", 4)) ||
			    (b4 >= 6 && !strncmp(t->f + b4 - 6, "passer", 6)) ||
			    (b4 >= 1 && t->f[b4] == 'u' && t->f[b4 - 1] == 'd');
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
		r->used = k + 1;
		break;
	}
}

/* A threshold: "90 % des appels ... en moins de 20 s", "80% of calls within
 * 20 seconds"; or a ceiling on a duration. */
static void read_threshold(struct reading *r)
{
	struct tx *t = r->t;
	struct sentence *out = r->out;
	const struct quantity *qs = r->qs;
	int nq = r->nq;
	static const char *const under[] = { "en moins de", "moins de", "sous", "within", "in under",
					     "under", "in less than", "less than", "en", "in" };
	int lim = -1, lim_end = -1;
	for (size_t k = 0; k < sizeof(under) / sizeof(under[0]) && lim < 0; k++)
		for (int at = tx_find(t, under[k], 0); at >= 0 && lim < 0; at = tx_find(t, under[k], at + 1)) {
			int j = tx_skip(t, at + (int)strlen(under[k]));
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
		if (share >= 0 && r->used < 0) {
			out->has_threshold = true;
			out->threshold_share = qs[share].n.v / 100;
			out->threshold_limit = qs[lim].value;
			out->threshold_unit = SU_SECONDS;
			out->has_magnitude = true;
			out->magnitude = qs[share].n.v;
			out->unit = SU_PERCENT_LEVEL;
			out->level = true;
			if (!out->has_direction || out->direction == DIR_INCREASE)
				out->direction = out->has_direction ? out->direction : DIR_STAY_ABOVE;
			out->has_direction = true;
			r->used = lim;
		} else if (r->used < 0) {
			/* "délai de réponse en moins de 12 h": a ceiling on a duration */
			out->has_magnitude = true;
			out->magnitude = qs[lim].value;
			out->unit = SU_SECONDS;
			out->level = true;
			out->has_direction = true;
			out->direction = DIR_STAY_BELOW;
			r->used = lim;
		}
	}
	(void)lim_end;
}

/* Otherwise the quantity after the verb (or the first one), its kind and
 * the direction the words before it give ("au moins", "at most"). */
static void read_magnitude(struct reading *r)
{
	struct tx *t = r->t;
	struct sentence *out = r->out;
	struct quantity *qs = r->qs;
	int nq = r->nq;
	if (r->used < 0 && nq) {
		int pick = -1;
		for (int q = 0; q < nq && pick < 0; q++)
			if (r->vpos < 0 || qs[q].n.start > r->vpos)
				pick = q;
		if (pick < 0)
			pick = 0;
		struct quantity *q = &qs[pick];
		int b4 = q->begin - 1;
		while (b4 > 0 && t->f[b4] == ' ')
			b4--;
		bool plus = b4 >= 0 && t->f[b4] == '+';
		/* "15 more meetings", "10 contrats de plus", "20 leads supplémentaires" */
		int after = tx_skip(t, q->end);
		for (int w = 0; w < 4 && tx_letter(t->f[after]) && !plus; w++) {
			bool near_word = w < 2 && (w == 0 || q->unit == SU_COUNT);
			plus = tx_word(t, after, "de plus") || tx_word(t, after, "en plus") ||
			       (near_word && (tx_word(t, after, "more") || tx_word(t, after, "additional") ||
					      tx_word(t, after, "extra") ||
					      tx_word(t, after, "supplementaires") ||
					      tx_word(t, after, "supplementaire") ||
					      tx_word(t, after, "additionnels")));
			after = tx_skip(t, tx_word_end(t, after));
		}
		bool de = b4 >= 1 && t->f[b4] == 'e' && t->f[b4 - 1] == 'd' && tx_boundary(t, b4 - 2);
		bool by = b4 >= 1 && t->f[b4] == 'y' && t->f[b4 - 1] == 'b' && tx_boundary(t, b4 - 2);
		bool a = b4 >= 0 && t->f[b4] == 'a' && tx_boundary(t, b4 - 1);
		bool to = b4 >= 1 && t->f[b4] == 'o' && t->f[b4 - 1] == 't' && tx_boundary(t, b4 - 2);
		out->has_magnitude = true;
		out->magnitude = q->value;
		out->unit = q->unit;
		out->usd = q->usd;
		out->level = !((de || by) && r->verb && r->verb->change) && !plus;
		bool change = (r->verb && r->verb->change) || plus;
		if (plus && (!out->has_direction || out->direction == DIR_REACH)) {
			out->has_direction = true;
			out->direction = DIR_INCREASE;
		}
		if (q->unit == SU_PERCENT && !((de || by) && change) && !plus)
			out->unit = SU_PERCENT_LEVEL;  /* "à 90 %", "atteindre 90 %", "to 90%" */
		if ((a || to) && q->unit == SU_PERCENT && !plus)
			out->unit = SU_PERCENT_LEVEL;
		r->scale = q->scale;
		out->scale = q->scale ? q->den : 0;
		/* "moins de", "au plus", "at most", "no more than": a ceiling */
		int lookback = q->n.start - 14 > 0 ? q->n.start - 14 : 0;
		char win[32];
		snprintf(win, sizeof(win), "%.*s", q->n.start - lookback, t->f + lookback);
		if (strstr(win, "au plus") || strstr(win, "at most") || strstr(win, "no more than") ||
		    strstr(win, "pas plus de") || strstr(win, "moins de") || strstr(win, "sous la barre") ||
		    strstr(win, "below") || strstr(win, "under") || strstr(win, "sous ") ||
		    strstr(win, "en dessous") || strstr(win, "max ") || strstr(win, "maximum ")) {
			/* "réduire ... à moins de 20": a decrease to a level below */
			bool down = r->verb && r->verb->dir == DIR_DECREASE && q->n.start > r->vpos;
			out->has_direction = true;
			out->direction = down ? DIR_DECREASE : DIR_STAY_BELOW;
		} else if (tx_word(t, tx_skip(t, q->end), "or less") || tx_word(t, tx_skip(t, q->end), "ou moins") ||
			   tx_word(t, tx_skip(t, q->end), "at most") || tx_word(t, tx_skip(t, q->end), "maximum") ||
			   tx_word(t, tx_skip(t, q->end), "au maximum") || tx_word(t, tx_skip(t, q->end), "max")) {
			out->has_direction = true;
			out->direction = DIR_STAY_BELOW;
		} else if (tx_word(t, tx_skip(t, q->end), "or more") || tx_word(t, tx_skip(t, q->end), "ou plus") ||
			   tx_word(t, tx_skip(t, q->end), "or above") || tx_word(t, tx_skip(t, q->end), "ou mieux") ||
			   tx_word(t, tx_skip(t, q->end), "or better") || tx_word(t, tx_skip(t, q->end), "at least") ||
			   tx_word(t, tx_skip(t, q->end), "minimum") || tx_word(t, tx_skip(t, q->end), "au minimum") ||
			   tx_word(t, tx_skip(t, q->end), "min")) {
			out->has_direction = true;
			out->direction = DIR_STAY_ABOVE;
		} else if (strstr(win, "au moins") || strstr(win, "at least") || strstr(win, "minimum") ||
			   strstr(win, "plus de") || strstr(win, "more than") || strstr(win, "over")) {
			if (!out->has_direction || out->direction == DIR_REACH) {
				out->has_direction = true;
				out->direction = out->has_direction && r->verb && r->verb->dir == DIR_REACH &&
						 !strstr(win, "au moins") && !strstr(win, "at least")
						 ? DIR_REACH : DIR_STAY_ABOVE;
			}
		}
		(void)to;
	}
}

/* No known indicator: the words after the verb (its determiner skipped), up
 * to a preposition, at most eight. */
static void indicator_after_verb(struct reading *r)
{
	struct tx *t = r->t;
	struct sentence *out = r->out;
	int j = tx_skip(t, tx_word_end(t, r->vpos));
	static const char *const dets[] = { "le", "la", "les", "l'", "notre", "nos", "mon", "ma",
					    "mes", "son", "sa", "ses", "leur", "leurs", "the", "our",
					    "my", "their", "its", "un", "une", "des", "a", "an" };
	for (size_t k = 0; k < sizeof(dets) / sizeof(dets[0]); k++)
		if (tx_word(t, j, dets[k]) || (dets[k][1] == '\'' && !strncmp(t->f + j, dets[k], 2))) {
			j = tx_skip(t, j + (int)strlen(dets[k]));
			break;
		}
	int e = j, words = 0;
	static const char *const stops[] = { "de", "d'ici", "a", "au", "aux", "en", "sur", "par",
					     "pour", "avant", "dans", "by", "to", "from", "of", "in",
					     "within", "this", "next", "before", "avec", "with",
					     "et", "and", "sous", "under", "chaque", "each", "d'" };
	while (e < t->n && words < 8) {
		int ws = tx_skip(t, e);
		if (!tx_letter(t->f[ws]))
			break;
		bool stop = false;
		for (size_t k = 0; k < sizeof(stops) / sizeof(stops[0]) && !stop; k++)
			stop = words && (tx_word(t, ws, stops[k]) ||
					 (!strcmp(stops[k], "d'") && !strncmp(t->f + ws, "d'", 2)));
		if (stop)
			break;
		e = tx_word_end(t, ws);
		if (t->f[e] == '\'')
			e = tx_word_end(t, e + 1);
		words++;
	}
	if (words)
		quote(t, j, e, out->indicator, sizeof(out->indicator));
}

/* The indicator's key settled from what was read (money, a threshold), and
 * its words: the synonym's, or those after the verb. */
static void settle_indicator(struct reading *r)
{
	struct tx *t = r->t;
	struct sentence *out = r->out;
	read_change_words(t, out);
	/* money with no indicator named: what is sold */
	if (!r->key && out->has_magnitude && out->unit == SU_EUR)
		r->key = "revenue";
	/* a score out of 5 or 10 with no indicator named: satisfaction */
	if (!r->key && out->has_magnitude && r->scale)
		r->key = "csat";
	/* "fidéliser 90 % des clients", "keep 90% of customers": retention */
	if (!r->key && out->has_magnitude && out->unit == SU_PERCENT_LEVEL && r->verb &&
	    (!strcmp(r->verb->prefix, "fidelis") || !strcmp(r->verb->prefix, "retain") ||
	     !strcmp(r->verb->prefix, "keep") || !strcmp(r->verb->prefix, "garder")) &&
	    (tx_find(t, "clients", 0) >= 0 || tx_find(t, "customers", 0) >= 0)) {
		r->key = "retention";
		int c = tx_find(t, "clients", 0) >= 0 ? tx_find(t, "clients", 0) : tx_find(t, "customers", 0);
		r->best_at = c;
		r->best_end = tx_word_end(t, c);
	}
	/* "convertir 30 % des leads": a conversion rate */
	if (r->verb && !strcmp(r->verb->prefix, "convert") && out->has_magnitude &&
	    (out->unit == SU_PERCENT || out->unit == SU_PERCENT_LEVEL)) {
		r->key = "conversion";
		r->best_at = r->vpos;
		r->best_end = tx_word_end(t, r->vpos);
	}
	/* a threshold on calls is a service level; on requests, a response time */
	if (r->org_key)
		out->org_indicator = true;  /* the organisation's own key: kept as it is */
	else if (out->has_threshold && r->key && (!strcmp(r->key, "calls") || !strcmp(r->key, "answer_rate")))
		r->key = "service_level";
	if (!r->org_key && out->has_threshold && (!r->key || !strcmp(r->key, "tickets")))
		r->key = tx_find_prefix(t, "appel", 0) >= 0 || tx_find_prefix(t, "call", 0) >= 0
			? "service_level" : "response_time";
	read_kind(r->key, out);
	if (r->key) {
		snprintf(out->indicator_key, sizeof(out->indicator_key), "%s", r->key);
		quote(t, r->best_at, r->best_end, out->indicator, sizeof(out->indicator));
	} else if (r->vpos >= 0) {
		indicator_after_verb(r);
	}
}

/* What is still missing: the questions to ask. The number of fields read. */
static int ask_questions(struct sentence *out)
{
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

int sentence_read(const char *text, size_t len, enum lang hint, day_t today, struct sentence *out)
{
	return sentence_read_with(text, len, hint, today, NULL, out);
}

int sentence_read_with(const char *text, size_t len, enum lang hint, day_t today,
		       const struct sentence_lexicon *lex, struct sentence *out)
{
	static __thread struct tx t;
	memset(out, 0, sizeof(*out));
	out->start = out->due = DAY_NONE;
	if (!text)
		len = 0;
	if (len > SENTENCE_MAX)
		len = SENTENCE_MAX;
	t.today = today;
	t.fy_start = 1;
	t.lang = hint;
	tx_fold(&t, text ? text : "", len);
	lang_guess(&t, hint);
	out->lang = t.lang;

	struct reading r;
	memset(&r, 0, sizeof(r));
	r.t = &t;
	r.out = out;
	r.best_at = r.best_end = r.vpos = r.used = -1;
	find_indicator(&r);
	find_org_indicator(&r, lex);
	find_verb(&r);
	find_period(&r);
	find_quantities(&r);
	read_from_to(&r);
	read_threshold(&r);
	read_magnitude(&r);
	settle_indicator(&r);
	read_owner(&t, out, r.best_at, r.best_end);
	return ask_questions(out);
}

size_t sentence_keys(const char **out, size_t max)
{
	size_t n = 0;
	for (size_t k = 0; k < sizeof(synonyms) / sizeof(synonyms[0]); k++) {
		bool seen = false;
		for (size_t i = 0; i < n && !seen; i++)
			seen = !strcmp(out[i], synonyms[k].key);
		if (!seen && n < max)
			out[n++] = synonyms[k].key;
	}
	/* what settle_indicator names from the words around them */
	static const char *const more[] = { "service_level", "response_time", "revenue", "csat",
					    "conversion" };
	for (size_t k = 0; k < sizeof(more) / sizeof(more[0]); k++) {
		bool seen = false;
		for (size_t i = 0; i < n && !seen; i++)
			seen = !strcmp(out[i], more[k]);
		if (!seen && n < max)
			out[n++] = more[k];
	}
	return n;
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
