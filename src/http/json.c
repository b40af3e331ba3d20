/* JSON documents out, on jansson. (Bodies in, their shape checks and the
 * query readers: parse.c.) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

int reply_page(struct req *r, json_t *items, size_t total, size_t limit, size_t offset)
{
	return reply_json(r, 200, json_pack("{s:o, s:I, s:I, s:I}", "items", items,
					    "total", (json_int_t)total, "limit", (json_int_t)limit,
					    "offset", (json_int_t)offset));
}
