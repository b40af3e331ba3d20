/* libFuzzer target for the Authorization header: the bytes are its value (CR
 * and LF sent as spaces), parsed by libmicrohttpd as in the server; cible
 * then takes the bearer token (http_bearer_token, as auth_resolve does) and
 * hashes it as the store lookup would, and compares an X-CSRF-Token the
 * same way as the dispatcher. */
#include <stdint.h>
#include <sodium.h>
#include "app/secret.h"
#include "http/parse.h"
#include "mhd_harness.h"

static void on_request(struct MHD_Connection *c, const char *body, size_t len)
{
	(void)body;
	(void)len;
	const char *authz = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							MHD_HTTP_HEADER_AUTHORIZATION);
	const char *tok = http_bearer_token(authz);
	if (tok) {
		if (strncmp(authz, "Bearer ", 7) || strlen(tok) > 200 || tok != authz + 7)
			abort();
		char hash[65];
		auth_token_hash(tok, hash);
		if (strlen(hash) != 64)
			abort();
	}
	const char *csrf = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
	const char *expected = "k3J9-expected-csrf-token";
	if (csrf && strlen(csrf) == strlen(expected) &&
	    !sodium_memcmp(csrf, expected, strlen(expected)) && strcmp(csrf, expected))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 8192)
		return 0;
	struct buf b = BUF_INIT;
	buf_adds(&b, "GET /api/me HTTP/1.1\r\nHost: fuzz\r\nAuthorization: ");
	harness_add_header_value(&b, data, size);
	buf_adds(&b, "\r\nX-CSRF-Token: ");
	harness_add_header_value(&b, data, size > 24 ? 24 : size);
	buf_adds(&b, "\r\n\r\n");
	harness_send(b.data, b.len);
	buf_free(&b);
	return 0;
}
