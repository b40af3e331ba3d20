/* Message catalogs: every sentence a user reads is a key with a French and an
 * English text. Modules keep their own table (errors in err.c, SMART reasons
 * in the SMART engine...) and render with msg_render(). Placeholders are {0}
 * and {1}: positional, so a translation may reorder them; {0:w} marks a
 * phrase of the code that is translated too (msg_render_words). */
#ifndef CIBLE_MSG_H
#define CIBLE_MSG_H
#include "core/buf.h"

enum lang { LANG_FR = 0, LANG_EN = 1 };

struct msg {
	const char *key;
	const char *fr;
	const char *en;
};

/* Text of key in lang, or NULL; tables end with a NULL key. */
const char *msg_text(const struct msg *table, const char *key, enum lang lang);
/* Append the template with {0}/{1} replaced by a0/a1 (NULL prints nothing). */
void msg_render(struct buf *out, const char *tmpl, const char *a0, const char *a1);
/* The same, and a placeholder written {0:w} or {1:w} is a phrase of the code
 * ("check in on this objective", "a date YYYY-MM-DD"): it is looked up in
 * words and printed in lang; an argument that is not there (a value the
 * user sent, a name) is printed as it is. */
void msg_render_words(struct buf *out, const char *tmpl, const char *a0, const char *a1,
		      const struct msg *words, enum lang lang);
/* "fr", "fr-FR", "en-GB,en;q=0.8"... -> a language; French unless English is
 * asked for first. */
enum lang lang_parse(const char *s);
const char *lang_code(enum lang lang);

#endif
