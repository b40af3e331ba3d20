/* What the HTTP layer reads from a request, as functions of their text only:
 * no store, no clock, no connection but the one libmicrohttpd parses for us.
 * server.c, json.c, auth.c and web/web.c call them; tests/fuzz/ drives them
 * with arbitrary bytes (fuzz_json_shape, fuzz_query, fuzz_authz, fuzz_cookie,
 * fuzz_form). */
#ifndef CIBLE_HTTP_PARSE_H
#define CIBLE_HTTP_PARSE_H
#include <jansson.h>
#include <stddef.h>
#include "core/arena.h"
#include "core/err.h"

struct MHD_Connection;

/* Decimal digits only, at most max: 0 and *out, or -1. */
int http_parse_u64(const char *s, unsigned long long max, unsigned long long *out);
/* name is one of the space-separated words of list. */
int http_name_in(const char *list, const char *name);
/* The first query parameter of conn whose name is not in accepted, or NULL
 * when all are (libmicrohttpd has split and decoded the query string). */
const char *http_query_unknown(struct MHD_Connection *conn, const char *accepted);

/* The media types in which a BODY_FILE route takes the file itself rather
 * than JSON (its options then in the query string); NULL-terminated. */
extern const char *const http_file_types[];

/* A request body as one JSON object, or NULL with 400 malformed_json in *e
 * (empty, not JSON, a duplicate key, \u0000, too deep, not an object). */
json_t *http_json_object(const char *body, size_t len, struct err *e);

/* The bearer token of an Authorization header: NULL when the header is not
 * "Bearer " and 1 to 200 characters (a refusal: 401). */
const char *http_bearer_token(const char *authorization);
/* The session token of the cookie's value: NULL (no session) when absent,
 * empty or longer than 200 characters. */
const char *http_session_token(const char *cookie_value);

/* The fields of an application/x-www-form-urlencoded body (the request's
 * Content-Type is read from conn), through libmicrohttpd's post processor:
 * at most max distinct names (later ones ignored), each value under 20,000
 * bytes (the rest dropped), copied into the arena. The number of fields. */
int http_form_fields(struct MHD_Connection *conn, const char *body, size_t len,
		     struct arena *a, const char **names, const char **values, int max);

#endif
