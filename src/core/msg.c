/* Catalog look-up and placeholder rendering. */
#include <string.h>
#include <strings.h>
#include "core/msg.h"

const char *msg_text(const struct msg *table, const char *key, enum lang lang)
{
	for (; table->key; table++)
		if (!strcmp(table->key, key))
			return lang == LANG_EN ? table->en : table->fr;
	return NULL;
}

void msg_render(struct buf *out, const char *tmpl, const char *a0, const char *a1)
{
	msg_render_words(out, tmpl, a0, a1, NULL, LANG_FR);
}

void msg_render_words(struct buf *out, const char *tmpl, const char *a0, const char *a1,
		      const struct msg *words, enum lang lang)
{
	const char *p = tmpl;
	while (*p) {
		int n = p[0] == '{' && (p[1] == '0' || p[1] == '1') ? p[1] - '0' : -1;
		int word = n >= 0 && p[2] == ':' && p[3] == 'w' && p[4] == '}';
		if (n >= 0 && (p[2] == '}' || word)) {
			const char *a = n == 0 ? a0 : a1;
			const char *t = word && a && words ? msg_text(words, a, lang) : NULL;
			if (t || a)
				buf_adds(out, t ? t : a);
			p += word ? 5 : 3;
			continue;
		}
		buf_addc(out, *p++);
	}
}

enum lang lang_parse(const char *s)
{
	if (!s)
		return LANG_FR;
	while (*s == ' ')
		s++;
	/* the first language named wins: Accept-Language lists by preference */
	if (!strncasecmp(s, "en", 2))
		return LANG_EN;
	return LANG_FR;
}

const char *lang_code(enum lang lang)
{
	return lang == LANG_EN ? "en" : "fr";
}
