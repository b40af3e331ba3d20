/* The sentence reader: one objective written as a sentence, in French or
 * English, turned into structured fields — the direction, the indicator
 * (mapped to a ready-made key through synonyms), the magnitude and its kind
 * (a relative change, points, a level, euros, a count, a duration), a
 * threshold ("90 % des appels décrochés en moins de 20 secondes"), the
 * period (read by core/period.h) resolved against a reference day, and the
 * owner.
 *
 * What it cannot read stays unset and becomes a question to ask: it never
 * invents a value. Pure, no allocation, bounded work on any input (invalid
 * UTF-8 and megabytes included: only the first SENTENCE_MAX bytes are read). */
#ifndef CIBLE_SENTENCE_H
#define CIBLE_SENTENCE_H
#include <stdbool.h>
#include <stddef.h>
#include "core/date.h"
#include "core/model.h"
#include "core/msg.h"
#include "core/period.h"

#define SENTENCE_MAX 1024

enum sentence_unit { SU_NONE, SU_PERCENT, SU_POINTS, SU_PERCENT_LEVEL, SU_EUR, SU_COUNT,
		     SU_SECONDS };
enum owner_kind { OW_NONE, OW_TEAM, OW_EACH, OW_PERSON, OW_WE };

struct sentence {
	bool has_direction;
	enum direction direction;
	char indicator[128];     /* the indicator as written ("trafic du site internet") */
	char indicator_key[48];  /* a ready-made key when recognised ("traffic"), else "" */
	bool org_indicator;      /* indicator_key is the organisation's (sentence_read_with) */
	bool has_magnitude;
	double magnitude;        /* euros for money, seconds for durations */
	enum sentence_unit unit;
	bool level;              /* the magnitude is a level to reach, not a change */
	bool usd;                /* money said in dollars ("$1.2M"), else euros */
	double scale;            /* a score's scale ("4,2/5": 5), 0 when none */
	bool has_baseline;       /* "de 70 % à 78 %": 70 */
	double baseline;
	bool has_threshold;      /* "90 % des appels en moins de 20 s" */
	double threshold_share;  /* 0.9 */
	double threshold_limit;  /* 20 */
	enum sentence_unit threshold_unit;
	day_t start, due;        /* DAY_NONE when the sentence does not say */
	enum period_rhythm rhythm;  /* "chaque semaine", "per month": PR_NONE when not said */
	char owner[96];
	enum owner_kind owner_kind;
	unsigned questions;      /* bits of enum smart_question (core/smart.h) */
	enum lang lang;          /* the language it was read in */
};

/* Reads text (len bytes, not necessarily NUL-terminated) as of `today`. The
 * language is guessed from the words; hint breaks ties. Returns the number
 * of fields read (0: nothing understood). */
int sentence_read(const char *text, size_t len, enum lang hint, day_t today, struct sentence *out);

/* An organisation's own words for its indicators: its indicators' names and
 * keys, and the synonyms its admins added, each in a language (a key or a
 * name said in both: one word per language). The phrase is folded as the
 * text is (case, accents); the key is the organisation's indicator key. */
struct sentence_word {
	const char *phrase;      /* cut at a '(' ("Durée moyenne de traitement (DMT)") */
	const char *key;
	enum lang lang;
	bool strong;             /* an admin's synonym: wins over the reader's at equal length */
};
struct sentence_lexicon {
	const struct sentence_word *words;
	size_t n;
};
/* sentence_read with the organisation's words beside the reader's own: the
 * longest match wins, a strong word at equal length. The words of the
 * language the sentence is read in are used; at most 64 bytes a phrase. */
int sentence_read_with(const char *text, size_t len, enum lang hint, day_t today,
		       const struct sentence_lexicon *lex, struct sentence *out);

const char *sentence_unit_name(enum sentence_unit u);   /* "percent", "eur"... */
/* The reader's own indicator keys, each once, into out (at most max);
 * their count. Their names are the words "ind.<key>" (core/words.h). */
size_t sentence_keys(const char **out, size_t max);
const char *owner_kind_name(enum owner_kind k);         /* "team", "each"... */

#endif
