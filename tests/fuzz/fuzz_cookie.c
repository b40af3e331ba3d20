/* libFuzzer target for the Cookie header: the bytes are its value (CR and LF
 * sent as spaces), parsed by libmicrohttpd as in the server; cible then reads
 * the session cookie (http_session_token, as auth_resolve does, and hashes
 * it as the store lookup would) and the language cookie. */
#include <stdint.h>
#include "app/secret.h"
#include "core/msg.h"
#include "http/parse.h"
#include "mhd_harness.h"

static enum MHD_Result each_cookie(void *cls, enum MHD_ValueKind kind, const char *key,
				   const char *value)
{
	(void)kind;
	size_t *n = cls;
	if (!key)
		abort();
	(void)strlen(key);
	if (value)
		(void)strlen(value);
	(*n)++;
	return MHD_YES;
}

static void on_request(struct MHD_Connection *c, const char *body, size_t len)
{
	(void)body;
	(void)len;
	const char *tok = http_session_token(MHD_lookup_connection_value(c, MHD_COOKIE_KIND,
									  "cible_session"));
	if (tok) {
		size_t n = strlen(tok);
		if (!n || n > 200)
			abort();
		char hash[65];
		auth_token_hash(tok, hash);
		if (strlen(hash) != 64)
			abort();
	}
	(void)lang_parse(MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "cible_lang"));
	size_t n = 0;
	MHD_get_connection_values(c, MHD_COOKIE_KIND, each_cookie, &n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 8192)
		return 0;
	struct buf b = BUF_INIT;
	buf_adds(&b, "GET /api/me HTTP/1.1\r\nHost: fuzz\r\nCookie: ");
	harness_add_header_value(&b, data, size);
	buf_adds(&b, "\r\n\r\n");
	harness_send(b.data, b.len);
	buf_free(&b);
	return 0;
}
