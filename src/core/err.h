/* Errors are values: a stable code (a key of the error catalog), the field it
 * concerns, up to two arguments for the message, and the HTTP status that
 * fits. Functions that can fail fill a struct err and return -1 (or its
 * status); the caller renders it in the user's language. */
#ifndef CIBLE_ERR_H
#define CIBLE_ERR_H
#include "core/buf.h"
#include "core/msg.h"

struct err {
	int status;          /* HTTP status: 400, 401, 403, 404, 409, 413, 422, 429, 500 */
	const char *code;    /* stable, e.g. "invalid_date"; NULL when no error */
	char field[64];
	char arg[2][160];
	const char *variant;  /* a key of err_variants worded for this case, or NULL */
};

/* Sets *e and returns -1, so `return err_set(...)` reads naturally. */
int err_set(struct err *e, int status, const char *code, const char *field,
	    const char *a0, const char *a1);
/* The same code, worded by a variant of its message (err_variants): the
 * code stays what clients match on, the sentence fits the case. */
int err_set_variant(struct err *e, int status, const char *code, const char *variant,
		    const char *field, const char *a0, const char *a1);
void err_clear(struct err *e);
/* The message in lang, from the error catalog (falls back to the code). */
void err_message(const struct err *e, enum lang lang, struct buf *out);

extern const struct msg err_catalog[], err_words[], err_variants[];
#endif
