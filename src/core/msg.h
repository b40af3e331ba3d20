/* Message catalogs: every sentence a user reads is a key with a French and an
 * English text. Modules keep their own table (errors in err.c, SMART reasons
 * in the SMART engine...) and render with msg_render(). Placeholders are {0}
 * and {1}: positional, so a translation may reorder them. */
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
/* "fr", "fr-FR", "en-GB,en;q=0.8"... -> a language; French unless English is
 * asked for first. */
enum lang lang_parse(const char *s);
const char *lang_code(enum lang lang);

#endif
