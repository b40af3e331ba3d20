/* libFuzzer target for query strings: the bytes are the query of a GET
 * request, split and decoded by libmicrohttpd as in the server, then read by
 * cible's query_check (the dispatcher's list of accepted names), query_id,
 * query_paging and query(), and the refusal rendered in both languages.
 * Bytes that would end the request line (space, CR, LF, NUL, #) are sent
 * percent-encoded. */
#include <stdint.h>
#include <stdio.h>
#include "http/http.h"
#include "mhd_harness.h"

static void on_request(struct MHD_Connection *c, const char *body, size_t len)
{
	(void)body;
	(void)len;
	static const char *const accepted[] = { "limit offset unit owner q", "", "  limit  ",
						"today" };
	for (int k = 0; k < 4; k++) {
		struct req r;
		memset(&r, 0, sizeof(r));
		r.conn = c;
		r.lang = k & 1 ? LANG_FR : LANG_EN;
		arena_init(&r.arena);
		err_clear(&r.err);
		if (query_check(&r, accepted[k])) {
			if (r.err.status != 400 || strcmp(r.err.code, "invalid_query"))
				abort();
			/* the name is echoed: printable ASCII only, 40 bytes at most */
			for (const char *p = r.err.field; *p; p++)
				if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
					abort();
			struct buf m = BUF_INIT;
			err_message(&r.err, r.lang, &m);
			buf_free(&m);
		} else if (k == 0) {
			size_t limit, offset;
			err_clear(&r.err);
			if (!query_paging(&r, &limit, &offset) && (limit < 1 || limit > 500 ||
								   offset > 100000000))
				abort();
			id_t64 unit;
			err_clear(&r.err);
			if (!query_id(&r, "unit", &unit) && unit < 0)
				abort();
			(void)query(&r, "q");
		}
		arena_free(&r.arena);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	struct buf b = BUF_INIT;
	buf_adds(&b, "GET /api/objectives?");
	for (size_t i = 0; i < size; i++) {
		unsigned char ch = data[i];
		if (ch <= ' ' || ch == '#' || ch >= 0x7f)
			buf_addf(&b, "%%%02X", ch);
		else
			buf_addc(&b, (char)ch);
	}
	buf_adds(&b, " HTTP/1.1\r\nHost: fuzz\r\n\r\n");
	harness_send(b.data, b.len);
	buf_free(&b);
	return 0;
}
