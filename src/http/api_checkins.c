/* Check-ins over HTTP: an objective's check-ins, newest first, and a new one
 * by its owner or a manager (app/objective.h: app_checkin_create). */
#include <string.h>
#include "app/objective.h"
#include "app/export_lists.h"
#include "http/http.h"

static const struct jfield checkin_spec[] = {
	{ "comment", J_STRING, 0 }, { "confidence", J_STRING, 1 }, { "blockers", J_STRING, 1 },
	{ "next_steps", J_STRING, 1 }, { "value", J_NUMBER, 1 }, { NULL, 0, 0 } };

int api_checkins_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct app a;
	req_app(r, &a);
	struct checkin_input in;
	memset(&in, 0, sizeof(in));
	struct checkin c;
	if (json_check_shape(body, checkin_spec, &r->err))
		goto out;
	jget_str(body, "comment", &r->arena, &in.comment);
	jget_str(body, "confidence", &r->arena, &in.confidence);
	jget_str(body, "blockers", &r->arena, &in.blockers);
	jget_str(body, "next_steps", &r->arena, &in.next_steps);
	int is_null = 1;
	if (jget_num(body, "value", &in.value, &is_null) && !is_null)
		in.has_value = true;
	if (app_checkin_create(&a, param_id(r, 0), &in, &c, &r->err))
		goto out;
	rc = reply_json(r, 201, app_checkin_json(&c));
out:
	json_decref(body);
	return rc;
}

int api_checkins_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	size_t limit, offset, n, total;
	struct checkin *v;
	struct objective o;
	/* 404 before a bad query: the objective's existence is not told */
	int format;
	if (app_objective_get(&a, param_id(r, 0), &o, &r->err) || req_export_format(r, &format))
		return -1;
	if (format >= 0) {
		struct export_table t;
		if (app_export_checkins(&a, o.id, &t, &r->err))
			return -1;
		return reply_export(r, &t, format, r->lang == LANG_FR ? "points-d-etape" : "check-ins");
	}
	if (query_paging(r, &limit, &offset) ||
	    app_checkin_list(&a, o.id, limit, offset, &v, &n, &total, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, app_checkin_json(&v[i]));
	return reply_page(r, items, total, limit, offset);
}
