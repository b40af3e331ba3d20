/* The organisation's words for its indicators (issue 18, item 3): an admin
 * lists, adds and removes synonyms per language ("temps d'attente" → asa),
 * and the sentence reader reads a sentence with them beside its own words,
 * the organisation's indicator names and keys too. Writes are admin only
 * (core/access: access_org_write) and audited (entity indicator_synonym, the
 * indicator's id, before and after). */
#ifndef CIBLE_APP_SYNONYM_H
#define CIBLE_APP_SYNONYM_H
#include "app/usecase.h"
#include "core/sentence.h"

struct synonym_input {
	const char *lang;       /* fr, en */
	const char *phrase;     /* 1 to 100 characters with a letter */
	const char *indicator;  /* an indicator key of the organisation */
};

json_t *app_synonym_json(const struct indicator_synonym *x);
int app_synonym_list(struct app *a, struct indicator_synonym **out, size_t *n, struct err *e);
/* Adds the phrase, or gives it another indicator; *out: the row as stored. */
int app_synonym_put(struct app *a, const struct synonym_input *in, struct indicator_synonym *out,
		    struct err *e);
/* 404 when the organisation has no such phrase in lang. */
int app_synonym_delete(struct app *a, const char *lang, const char *phrase, struct err *e);

/* A sentence read with the organisation's words (its synonyms, its
 * indicators' names in both languages and their keys). A store failure
 * reads it with the reader's words alone. */
void app_sentence_read(struct app *a, const char *text, enum lang hint, struct sentence *out);

#endif
