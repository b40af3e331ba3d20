/* Notifications over HTTP (app/notify.h): one's in-app notifications and
 * preferences, the admin's deliveries and chat places. Handlers parse and
 * render only. */
#include <string.h>
#include "app/notify.h"
#include "http/http.h"

int api_notifications_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	size_t limit, offset, n, total, unread;
	int un;
	if (query_paging(r, &limit, &offset) || query_bool(r, "unread", &un))
		return -1;
	struct notify_delivery_row *v;
	if (app_notify_inbox(&a, un == 1, limit, offset, &v, &n, &total, &unread,
			     &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_notify_item_json(&a, &v[i]));
	return reply_json(r, 200, json_pack("{s:o, s:I, s:I, s:I, s:I}", "items", items, "total",
					    (json_int_t)total, "limit", (json_int_t)limit, "offset",
					    (json_int_t)offset, "unread", (json_int_t)unread));
}

int api_notifications_read(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct notify_delivery_row d;
	if (app_notify_read(&a, param_id(r, 0), &d, &r->err))
		return -1;
	return reply_json(r, 200, app_notify_item_json(&a, &d));
}

int api_notifications_read_all(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_notify_read_all(&a, &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}

int api_notification_prefs_get(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct notify_prefs p;
	if (app_notify_prefs_get(&a, &p, &r->err))
		return -1;
	return reply_json(r, 200, app_notify_prefs_json(&p));
}

static int pref_flag(json_t *o, const char *k, int *out, struct err *e)
{
	json_t *v = json_object_get(o, k);
	*out = -1;
	if (!v)
		return 0;
	if (!json_is_boolean(v))
		return err_set(e, 400, "invalid_type", k, k, "a boolean");
	*out = json_is_true(v);
	return 0;
}

int api_notification_prefs_set(struct req *r)
{
	static const struct jfield spec[] = { { "lang", J_STRING, 0 }, { "kinds", J_ARRAY, 0 },
					      { NULL, 0, 0 } };
	static const struct jfield kspec[] = { { "kind", J_STRING, 0 }, { "inapp", J_BOOL, 0 },
		{ "email", J_BOOL, 0 }, { "chat", J_BOOL, 0 }, { NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct notify_prefs_input in;
	memset(&in, 0, sizeof(in));
	struct notify_prefs out;
	if (json_check_shape(body, spec, &r->err))
		goto done;
	jget_str(body, "lang", &r->arena, &in.lang);
	json_t *kinds = json_object_get(body, "kinds");
	size_t i;
	json_t *k;
	json_array_foreach(kinds, i, k) {
		if (in.n >= sizeof(in.v) / sizeof(in.v[0])) {
			fail(r, 422, "invalid_value", "kinds", "kinds", "one entry per kind");
			goto done;
		}
		if (!json_is_object(k)) {
			fail(r, 400, "invalid_type", "kinds", "kinds", "an array of objects");
			goto done;
		}
		if (json_check_shape(k, kspec, &r->err))
			goto done;
		if (!json_object_get(k, "kind")) {
			fail(r, 422, "missing_field", "kinds.kind", "kind", NULL);
			goto done;
		}
		jget_str(k, "kind", &r->arena, &in.v[in.n].kind);
		if (pref_flag(k, "inapp", &in.v[in.n].inapp, &r->err) ||
		    pref_flag(k, "email", &in.v[in.n].email, &r->err) ||
		    pref_flag(k, "chat", &in.v[in.n].chat, &r->err))
			goto done;
		in.n++;
	}
	if (!app_notify_prefs_set(&a, &in, &out, &r->err))
		rc = reply_json(r, 200, app_notify_prefs_json(&out));
done:
	json_decref(body);
	return rc;
}

int api_notification_deliveries(struct req *r)
{
	struct app a;
	req_app(r, &a);
	size_t limit, offset, n, total;
	if (query_paging(r, &limit, &offset))
		return -1;
	struct notify_delivery_row *v;
	if (app_notify_deliveries(&a, query(r, "state"), limit, offset, &v, &n, &total, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_notify_delivery_json(&a, &v[i], true));
	return reply_page(r, items, total, limit, offset);
}

int api_notification_retry(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct notify_delivery_row d;
	if (app_notify_retry(&a, param_id(r, 0), &d, &r->err))
		return -1;
	return reply_json(r, 200, app_notify_delivery_json(&a, &d, true));
}

int api_notification_channels(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct notify_channel_row *v;
	size_t n;
	if (app_notify_channels(&a, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_notify_channel_json(&v[i], false));
	return reply_page(r, items, n, n, 0);
}

int api_notification_channel_add(struct req *r)
{
	static const struct jfield spec[] = { { "kind", J_STRING, 0 }, { "name", J_STRING, 0 },
		{ "url", J_STRING, 0 }, { "secret", J_STRING, 1 }, { "unit_id", J_ID, 1 },
		{ NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct notify_channel_input in = { NULL, NULL, NULL, NULL, 0 };
	struct notify_channel_row c;
	if (!json_check_shape(body, spec, &r->err)) {
		jget_str(body, "kind", &r->arena, &in.kind);
		jget_str(body, "name", &r->arena, &in.name);
		jget_str(body, "url", &r->arena, &in.url);
		jget_str(body, "secret", &r->arena, &in.secret);
		jget_id(body, "unit_id", &in.unit_id);
		if (!app_notify_channel_add(&a, &in, &c, &r->err))
			rc = reply_json(r, 201, app_notify_channel_json(&c, true));
	}
	json_decref(body);
	return rc;
}

int api_notification_channel_delete(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_notify_channel_delete(&a, param_id(r, 0), &r->err))
		return -1;
	return reply_json(r, 200, json_pack("{s:b}", "ok", 1));
}
