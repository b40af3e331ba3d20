/* The names of the model's enumerations in words (words.c). */
#ifndef CIBLE_WORDS_H
#define CIBLE_WORDS_H
#include "core/msg.h"

extern const struct msg words_catalog[];
/* word("ps", "at_risk", LANG_FR) -> "à risque"; the code itself when unknown. */
const char *word(const char *kind, const char *code, enum lang lang);

#endif
