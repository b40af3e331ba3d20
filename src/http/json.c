/* JSON documents out, on jansson. (Bodies in, their shape checks and the
 * query readers: parse.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <microhttpd.h>
#include <sodium.h>
#include "app/objective.h"
#include "http/http.h"

json_t *json_objective(const struct objective *o)
{
	return app_objective_json(o);
}

int reply_json(struct req *r, int status, json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15));
	json_decref(v);
	if (!s)
		return fail(r, 500, "internal", NULL, "cannot render JSON", NULL);
	buf_reset(&r->out);
	buf_adds(&r->out, s);
	free(s);
	r->status = status;
	r->content_type = "application/json; charset=utf-8";
	return 0;
}

/* Whether the request's If-None-Match names etag (a list, weak or not, or *). */
static int none_match(struct req *r, const char *etag)
{
	const char *h = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
						    MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (!h)
		return 0;
	size_t n = strlen(etag);
	for (const char *c = h; *c;) {
		while (*c == ' ' || *c == ',')
			c++;
		if (*c == '*')
			return 1;
		if (!strncmp(c, "W/", 2))
			c += 2;
		if (!strncmp(c, etag, n) && (c[n] == 0 || c[n] == ',' || c[n] == ' '))
			return 1;
		while (*c && *c != ',')
			c++;
	}
	return 0;
}

int reply_json_etag(struct req *r, json_t *v)
{
	if (reply_json(r, 200, v))
		return -1;
	unsigned char h[12];
	crypto_generichash(h, sizeof(h), (const unsigned char *)r->out.data, r->out.len, NULL, 0);
	char *t = r->etag;
	*t++ = '"';
	for (size_t i = 0; i < sizeof(h); i++, t += 2)
		snprintf(t, 3, "%02x", h[i]);
	*t++ = '"';
	*t = 0;
	if (none_match(r, r->etag)) {
		buf_reset(&r->out);
		r->status = 304;
	}
	return 0;
}

int reply_page(struct req *r, json_t *items, size_t total, size_t limit, size_t offset)
{
	return reply_json(r, 200, json_pack("{s:o, s:I, s:I, s:I}", "items", items,
					    "total", (json_int_t)total, "limit", (json_int_t)limit,
					    "offset", (json_int_t)offset));
}
