/* The application layer: what the HTTP API, the web pages and the CLI all
 * need and that is neither a pure rule (core) nor SQL (store) — gathering
 * from the store what a core computation takes as arguments. */
#ifndef CIBLE_APP_H
#define CIBLE_APP_H
#include <jansson.h>
#include "core/smart.h"
#include "store/store.h"

/* The SMART analyzer's context for o: the owner's service and hire date,
 * whether the chain reaches an axis, the siblings, and the history of its
 * indicator in the store — the owner's changes from one past period to the
 * next (periods as long as o's) and their teammates'. Never fails: what
 * cannot be read is left out. */
void app_smart_context(struct store *s, id_t64 org, const struct objective *o, day_t today,
		       struct arena *a, struct smart_context *c);

/* The sentence reader's result as the API shows it ("read"), and as a draft
 * objective for the SMART analyzer (reader.c). */
struct sentence;
json_t *app_sentence_json(const struct sentence *s);
void app_sentence_objective(const struct sentence *s, const char *text, struct objective *o);
/* Fills the fields a draft leaves empty (indicator, period, target, baseline,
 * and the direction unless given) from what its title says. */
void app_sentence_fill(const struct sentence *s, struct objective *o, bool direction_given);
/* The words the reader took for an indicator it does not know, or NULL. */
const char *app_sentence_unknown(const struct sentence *s);

#endif
