/* Reviews over HTTP (app/review.h, app/review_pdf.h). Handlers parse and
 * render only. */
#include <string.h>
#include "app/review.h"
#include "app/review_pdf.h"
#include "http/http.h"

static int reply_review(struct req *r, int status, struct review *v)
{
	json_t *j = app_review_json(v);
	json_decref(v->objectives);
	return reply_json(r, status, j);
}

int api_reviews_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	id_t64 person, unit;
	size_t limit, offset, n;
	int current;
	if (query_id(r, "person_id", &person) || query_id(r, "unit_id", &unit) ||
	    query_paging(r, &limit, &offset) || query_bool(r, "current", &current))
		return -1;
	if (person && unit)
		return fail(r, 400, "invalid_query", "unit_id", "unit_id",
			    "person_id or unit_id, not both");
	struct review *v;
	if (app_review_list(&a, person ? "person" : unit ? "unit" : NULL, person ? person : unit,
			    current == 1, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = offset; i < n && json_array_size(items) < limit; i++)
		json_array_append_new(items, app_review_json(&v[i]));
	return reply_page(r, items, n, limit, offset);
}

int api_reviews_create(struct req *r)
{
	static const struct jfield spec[] = {
		{ "person_id", J_ID, 0 }, { "unit_id", J_ID, 0 }, { "period", J_STRING, 0 },
		{ "year", J_INT, 0 }, { "quarter", J_INT, 1 }, { NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct review_create_input in = { NULL, 0, NULL, 0, 0 };
	struct review v;
	if (!json_check_shape(body, spec, &r->err)) {
		id_t64 person = 0, unit = 0;
		jget_id(body, "person_id", &person);
		jget_id(body, "unit_id", &unit);
		if (person && unit) {
			fail(r, 422, "invalid_value", "unit_id", "unit_id",
			     "person_id or unit_id, not both");
			goto done;
		}
		in.subject = unit ? "unit" : "person";
		in.subject_id = unit ? unit : person;
		jget_str(body, "period", &r->arena, &in.period);
		json_t *y = json_object_get(body, "year"), *q = json_object_get(body, "quarter");
		if (!y) {
			fail(r, 422, "missing_field", "year", "year", NULL);
			goto done;
		}
		in.year = (int)json_integer_value(y);
		in.quarter = json_is_integer(q) ? (int)json_integer_value(q) : 0;
		if (!app_review_create(&a, &in, &v, &r->err))
			rc = reply_review(r, 201, &v);
	}
done:
	json_decref(body);
	return rc;
}

int api_reviews_get(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review v;
	if (app_review_get(&a, param_id(r, 0), &v, &r->err))
		return -1;
	return reply_review(r, 200, &v);
}

int api_reviews_update(struct req *r)
{
	static const struct jfield spec[] = {
		{ "worked", J_STRING, 0 }, { "not_worked", J_STRING, 0 }, { "ideas", J_STRING, 0 },
		{ "self_assessment", J_STRING, 0 }, { "manager_assessment", J_STRING, 0 },
		{ NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	struct review_input in;
	memset(&in, 0, sizeof(in));
	struct review v;
	if (!json_check_shape(body, spec, &r->err)) {
		jget_str_set(body, "worked", &r->arena, &in.worked, RV_WORKED, &in.set);
		jget_str_set(body, "not_worked", &r->arena, &in.not_worked, RV_NOT_WORKED, &in.set);
		jget_str_set(body, "ideas", &r->arena, &in.ideas, RV_IDEAS, &in.set);
		jget_str_set(body, "self_assessment", &r->arena, &in.self_assessment, RV_SELF,
			     &in.set);
		jget_str_set(body, "manager_assessment", &r->arena, &in.manager_assessment,
			     RV_MANAGER, &in.set);
		if (!app_review_update(&a, param_id(r, 0), &in, &v, &r->err))
			rc = reply_review(r, 200, &v);
	}
	json_decref(body);
	return rc;
}

int api_reviews_submit(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review v;
	if (app_review_submit(&a, param_id(r, 0), &v, &r->err))
		return -1;
	return reply_review(r, 200, &v);
}

int api_reviews_sign(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review v;
	if (app_review_sign(&a, param_id(r, 0), &v, &r->err))
		return -1;
	return reply_review(r, 200, &v);
}

int api_reviews_reopen(struct req *r)
{
	const char *reason;
	if (req_json_string(r, "reason", &reason))
		return -1;
	struct app a;
	req_app(r, &a);
	struct review v;
	if (app_review_reopen(&a, param_id(r, 0), reason, &v, &r->err))
		return -1;
	return reply_review(r, 201, &v);
}

int api_reviews_drafts(struct req *r)
{
	static const struct jfield spec[] = { { "items", J_ARRAY, 0 }, { NULL, 0, 0 } };
	static const struct jfield item_spec[] = {
		{ "objective_id", J_ID, 1 }, { "target", J_NUMBER, 1 }, { "title", J_STRING, 1 },
		{ "indicator", J_STRING, 1 }, { "unit", J_STRING, 1 }, { "axis_id", J_ID, 1 },
		{ NULL, 0, 0 } };
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	int rc = -1;
	if (json_check_shape(body, spec, &r->err))
		goto done;
	json_t *arr = json_object_get(body, "items");
	size_t n = json_array_size(arr);
	struct review_draft_item *items = arena_alloc(&r->arena, (n ? n : 1) * sizeof(*items));
	for (size_t i = 0; i < n; i++) {
		json_t *it = json_array_get(arr, i);
		if (!json_is_object(it)) {
			char f[32];
			snprintf(f, sizeof(f), "items[%zu]", i);
			fail(r, 400, "invalid_type", f, f, "an object");
			goto done;
		}
		if (json_check_shape(it, item_spec, &r->err))
			goto done;
		int is_null = 0;
		jget_id(it, "objective_id", &items[i].objective_id);
		items[i].has_target = jget_num(it, "target", &items[i].target, &is_null) && !is_null;
		jget_str(it, "title", &r->arena, &items[i].title);
		jget_str(it, "indicator", &r->arena, &items[i].indicator);
		jget_str(it, "unit", &r->arena, &items[i].unit);
		jget_id(it, "axis_id", &items[i].axis_id);
	}
	struct objective *v;
	size_t nv;
	if (app_review_drafts(&a, param_id(r, 0), items, n, &v, &nv, &r->err))
		goto done;
	json_t *out = json_array();
	for (size_t i = 0; i < nv; i++)
		json_array_append_new(out, json_objective(&v[i]));
	rc = reply_json(r, 201, json_pack("{s:o}", "items", out));
done:
	json_decref(body);
	return rc;
}

int api_reviews_pdf(struct req *r)
{
	const char *l = query(r, "lang");
	enum lang lang = r->lang;
	if (l && strcmp(l, "fr") && strcmp(l, "en"))
		return fail(r, 400, "invalid_query", "lang", "lang", "fr or en");
	if (l)
		lang = !strcmp(l, "fr") ? LANG_FR : LANG_EN;
	struct app a;
	req_app(r, &a);
	buf_reset(&r->out);
	if (app_review_pdf(&a, param_id(r, 0), lang, &r->out, &r->err))
		return -1;
	r->content_type = "application/pdf";
	r->status = 200;
	return 0;
}
