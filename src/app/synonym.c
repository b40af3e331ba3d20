/* The organisation's words for its indicators: the use cases (synonym.h). */
#include <ctype.h>
#include <string.h>
#include "app/synonym.h"
#include "core/access.h"

json_t *app_synonym_json(const struct indicator_synonym *x)
{
	return json_pack("{s:s, s:s, s:s, s:I, s:I}", "lang", x->lang ? x->lang : "", "phrase",
			 x->phrase ? x->phrase : "", "indicator",
			 x->indicator_key ? x->indicator_key : "", "indicator_id",
			 (json_int_t)x->indicator_id, "created_at", (json_int_t)x->created_at);
}

int app_synonym_list(struct app *a, struct indicator_synonym **out, size_t *n, struct err *e)
{
	if (!access_org_write(&a->me))
		return err_set(e, 403, "forbidden", NULL, "manage the indicators' synonyms", NULL);
	return store_synonym_list(a->store, a->me.org_id, a->arena, out, n, e);
}

/* The phrase as kept: trimmed, blanks single, ASCII letters lower-case;
 * NULL unless 1 to 100 characters with a letter. */
static const char *phrase_norm(struct arena *ar, const char *in)
{
	if (!in)
		return NULL;
	size_t len = strlen(in), n = 0, chars = 0;
	if (len > 400)
		return NULL;
	char *out = arena_alloc(ar, len + 1);
	bool letter = false;
	for (const unsigned char *p = (const unsigned char *)in; *p; p++) {
		unsigned char c = *p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (n && out[n - 1] != ' ')
				out[n++] = ' ';
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			return NULL;
		letter |= isalpha(c) || c >= 0xc0;
		chars += (c & 0xc0) != 0x80;
		out[n++] = (char)tolower(c);
	}
	while (n && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return letter && chars >= 1 && chars <= 100 ? out : NULL;
}

static int check_lang(const char *lang, struct err *e)
{
	if (!lang || !*lang)
		return err_set(e, 422, "missing_field", "lang", "lang", NULL);
	if (strcmp(lang, "fr") && strcmp(lang, "en"))
		return err_set(e, 422, "invalid_value", "lang", "lang", "fr or en");
	return 0;
}

struct syn_tx {
	const struct synonym_input *in;
	const char *phrase;
	struct indicator_synonym row;
};

static int synonym_put_tx(struct app *a, void *arg, struct err *e)
{
	struct syn_tx *w = arg;
	struct indicator_row ind;
	if (store_indicator_by_key(a->store, a->me.org_id, w->in->indicator, a->arena, &ind, e)) {
		if (e->status != 404)
			return -1;
		err_clear(e);
		return err_set(e, 422, "invalid_value", "indicator", "indicator",
			       "an indicator of the organisation");
	}
	struct indicator_synonym old;
	struct err none;
	memset(&none, 0, sizeof(none));
	bool had = !store_synonym_get(a->store, a->me.org_id, w->in->lang, w->phrase, a->arena, &old,
				      &none);
	if (!had && none.status != 404) {
		*e = none;
		return -1;
	}
	memset(&w->row, 0, sizeof(w->row));
	w->row.lang = w->in->lang;
	w->row.phrase = w->phrase;
	w->row.indicator_id = ind.id;
	w->row.indicator_key = ind.key;
	w->row.created_at = a->clock.now;
	w->row.created_by = a->me.person_id;
	if (store_synonym_put(a->store, a->me.org_id, &w->row, e))
		return -1;
	return app_audit(a, "indicator_synonym", ind.id, had ? "update" : "create",
			 had ? app_synonym_json(&old) : NULL, app_synonym_json(&w->row), e);
}

int app_synonym_put(struct app *a, const struct synonym_input *in, struct indicator_synonym *out,
		    struct err *e)
{
	if (!access_org_write(&a->me))
		return err_set(e, 403, "forbidden", NULL, "manage the indicators' synonyms", NULL);
	if (check_lang(in->lang, e))
		return -1;
	if (!in->phrase || !*in->phrase)
		return err_set(e, 422, "missing_field", "phrase", "phrase", NULL);
	const char *phrase = phrase_norm(a->arena, in->phrase);
	if (!phrase)
		return err_set(e, 422, "invalid_value", "phrase", "phrase",
			       "words with a letter, 1 to 100 characters");
	if (!in->indicator || !*in->indicator)
		return err_set(e, 422, "missing_field", "indicator", "indicator", NULL);
	struct syn_tx w = { in, phrase, { 0 } };
	if (app_tx(a, synonym_put_tx, &w, e))
		return -1;
	*out = w.row;
	return 0;
}

struct syn_del {
	const char *lang, *phrase;
};

static int synonym_delete_tx(struct app *a, void *arg, struct err *e)
{
	struct syn_del *w = arg;
	struct indicator_synonym old;
	if (store_synonym_get(a->store, a->me.org_id, w->lang, w->phrase, a->arena, &old, e) ||
	    store_synonym_delete(a->store, a->me.org_id, w->lang, w->phrase, e))
		return -1;
	return app_audit(a, "indicator_synonym", old.indicator_id, "delete", app_synonym_json(&old),
			 NULL, e);
}

int app_synonym_delete(struct app *a, const char *lang, const char *phrase, struct err *e)
{
	if (!access_org_write(&a->me))
		return err_set(e, 403, "forbidden", NULL, "manage the indicators' synonyms", NULL);
	if (check_lang(lang, e))
		return -1;
	if (!phrase || !*phrase)
		return err_set(e, 422, "missing_field", "phrase", "phrase", NULL);
	const char *p = phrase_norm(a->arena, phrase);
	if (!p)
		return err_set(e, 404, "not_found", NULL, "indicator synonym", NULL);
	struct syn_del w = { lang, p };
	return app_tx(a, synonym_delete_tx, &w, e);
}

void app_sentence_read(struct app *a, const char *text, enum lang hint, struct sentence *out)
{
	struct indicator_row *inds = NULL;
	struct indicator_synonym *syn = NULL;
	size_t ni = 0, ns = 0;
	struct err ignored;
	memset(&ignored, 0, sizeof(ignored));
	if (store_indicator_list(a->store, a->me.org_id, a->arena, &inds, &ni, &ignored))
		ni = 0;
	memset(&ignored, 0, sizeof(ignored));
	if (store_synonym_list(a->store, a->me.org_id, a->arena, &syn, &ns, &ignored))
		ns = 0;
	size_t cap = ns + ni * 4;
	struct sentence_word *w = arena_alloc(a->arena, (cap ? cap : 1) * sizeof(*w));
	size_t n = 0;
	for (size_t i = 0; i < ns; i++)
		w[n++] = (struct sentence_word){ syn[i].phrase, syn[i].indicator_key,
						 lang_parse(syn[i].lang), true };
	for (size_t i = 0; i < ni; i++) {
		w[n++] = (struct sentence_word){ inds[i].name_fr, inds[i].key, LANG_FR, false };
		w[n++] = (struct sentence_word){ inds[i].name_en, inds[i].key, LANG_EN, false };
		w[n++] = (struct sentence_word){ inds[i].key, inds[i].key, LANG_FR, false };
		w[n++] = (struct sentence_word){ inds[i].key, inds[i].key, LANG_EN, false };
	}
	struct sentence_lexicon lex = { w, n };
	sentence_read_with(text, strlen(text), hint, a->clock.today, &lex, out);
}
