/* libFuzzer target for form bodies: the bytes are the body of a POST with
 * Content-Type application/x-www-form-urlencoded (the first byte chooses
 * another type now and then: a charset parameter, multipart/form-data with
 * a boundary, none), decoded by libmicrohttpd's post processor through
 * cible's http_form_fields as the pages' form() reads them. */
#include <stdint.h>
#include "http/http.h"
#include "http/parse.h"
#include "mhd_harness.h"

static void on_request(struct MHD_Connection *c, const char *body, size_t len)
{
	struct arena a;
	arena_init(&a);
	const char *names[FORM_MAX], *values[FORM_MAX];
	int n = http_form_fields(c, body, len, &a, names, values, FORM_MAX);
	if (n < 0 || n > FORM_MAX)
		abort();
	for (int i = 0; i < n; i++) {
		if (!names[i] || !values[i] || strlen(values[i]) >= 20000)
			abort();
		for (int j = 0; j < i; j++)
			if (!strcmp(names[i], names[j]))
				abort();  /* one entry per name */
	}
	arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size || size > 65536)
		return 0;
	static const char *const types[] = {
		"application/x-www-form-urlencoded",
		"application/x-www-form-urlencoded; charset=utf-8",
		"multipart/form-data; boundary=xyz",
		NULL,
	};
	const char *type = types[data[0] < 200 ? 0 : data[0] % 4];
	data++, size--;
	struct buf b = BUF_INIT;
	buf_adds(&b, "POST /objectives/new HTTP/1.1\r\nHost: fuzz\r\n");
	if (type)
		buf_addf(&b, "Content-Type: %s\r\n", type);
	buf_addf(&b, "Content-Length: %zu\r\n\r\n", size);
	buf_add(&b, data, size);
	harness_send(b.data, b.len);
	buf_free(&b);
	return 0;
}
