/* Calendar feeds over HTTP (app/calendar.h): the state of a person's feed,
 * a new address, its revocation, and the feed itself at its secret address
 * (public: the token is the key). */
#include <string.h>
#include "app/calendar.h"
#include "http/http.h"

static json_t *feed_json(const struct calendar_feed_info *f)
{
	json_t *j = json_pack("{s:b, s:o}", "active", f->active, "created_at",
			      f->created_at ? json_integer(f->created_at) : json_null());
	if (f->token[0]) {
		json_object_set_new(j, "token", json_string(f->token));
		json_object_set_new(j, "path", json_string(f->path));
	}
	return j;
}

int api_calendar_feed_get(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct calendar_feed_info f;
	if (app_calendar_feed_get(&a, param_id(r, 0), &f, &r->err))
		return -1;
	return reply_json(r, 200, feed_json(&f));
}

int api_calendar_feed_make(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct calendar_feed_info f;
	if (app_calendar_feed_make(&a, param_id(r, 0), &f, &r->err))
		return -1;
	return reply_json(r, 201, feed_json(&f));
}

int api_calendar_feed_revoke(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_calendar_feed_revoke(&a, param_id(r, 0), &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

/* GET /api/calendar/<token>.ics */
int api_calendar_ics(struct req *r)
{
	const char *feed = r->param[0];
	size_t n = strlen(feed);
	if (n < 5 || strcmp(feed + n - 4, ".ics"))
		return fail(r, 404, "not_found", NULL, "calendar feed", NULL);
	char *token = arena_strndup(&r->arena, feed, n - 4);
	buf_reset(&r->out);
	if (app_calendar_ics(r->store, token, r->clock, &r->arena, &r->out, &r->err))
		return -1;
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	return 0;
}
