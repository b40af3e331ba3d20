/* Challenges over HTTP (app/challenge.h): parse, call the use case, render.
 *   GET  /api/challenges                 the ones the caller may see
 *   POST /api/challenges                 a new one (admin, manager on their reach)
 *   GET  /api/challenges/{id}            one
 *   GET  /api/challenges/{id}/board      the live board (frozen once closed)
 *   POST /api/challenges/{id}/close      freeze it (period over)
 *   POST /api/challenges/{id}/rerun      a new run of the frozen result (admin)
 *   GET  /api/challenges/{id}/results    every frozen run, latest first
 *   GET  /api/challenges/{id}/export     the latest result as CSV or XLSX */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "app/badge.h"
#include "app/challenge.h"
#include "app/export.h"
#include "http/http.h"

int api_challenges_list(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct challenge *v;
	size_t n;
	if (app_challenge_list(&a, &v, &n, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, challenge_json(&v[i]));
	return reply_json(r, 200, json_pack("{s:o}", "items", items));
}

int api_challenges_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	struct app a;
	req_app(r, &a);
	struct challenge in, out;
	int rc = challenge_read_json(body, &r->arena, &in, &r->err) ||
		 app_challenge_create(&a, &in, &out, &r->err) ? -1 : 0;
	json_decref(body);
	return rc ? -1 : reply_json(r, 201, challenge_json(&out));
}

int api_challenges_get(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct challenge c;
	if (app_challenge_get(&a, param_id(r, 0), &c, &r->err))
		return -1;
	return reply_json(r, 200, challenge_json(&c));
}

static int top_param(struct req *r, size_t *top)
{
	*top = 10;
	const char *t = query(r, "top");
	if (!t)
		return 0;
	char *end;
	long v = strtol(t, &end, 10);
	if (*end || v < 1 || v > 10000)
		return fail(r, 400, "invalid_query", "top", "top", "an integer from 1 to 10000");
	*top = (size_t)v;
	return 0;
}

int api_challenges_board(struct req *r)
{
	size_t top;
	if (top_param(r, &top))
		return -1;
	struct app a;
	req_app(r, &a);
	const char *fresh = query(r, "fresh");
	if (fresh && strcmp(fresh, "1"))
		return fail(r, 400, "invalid_query", "fresh", "fresh", "1, or nothing");
	struct board b;
	if ((fresh ? app_challenge_board_fresh : app_challenge_board)(&a, param_id(r, 0), &b,
								   &r->err))
		return -1;
	return reply_json(r, 200, board_json(&b, top, r->lang));
}

int api_challenges_close(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct board b;
	if (app_challenge_close(&a, param_id(r, 0), &b, &r->err))
		return -1;
	return reply_json(r, 200, board_json(&b, 10, r->lang));
}

static json_t *runs_json(const struct board *v, size_t n, enum lang lang)
{
	json_t *runs = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(runs, board_json(&v[i], 10, lang));
	return json_pack("{s:o}", "runs", runs);
}

int api_challenges_rerun(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct board b, *v;
	size_t n;
	if (app_challenge_rerun(&a, param_id(r, 0), &b, &r->err) ||
	    app_challenge_results(&a, param_id(r, 0), &v, &n, &r->err))
		return -1;
	return reply_json(r, 200, runs_json(v, n, r->lang));
}

int api_challenges_results(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct board *v;
	size_t n;
	if (app_challenge_results(&a, param_id(r, 0), &v, &n, &r->err))
		return -1;
	return reply_json(r, 200, runs_json(v, n, r->lang));
}

int api_challenges_export(struct req *r)
{
	int format;
	if (req_export_format(r, &format))
		return -1;
	if (format < 0 && query(r, "format"))
		return fail(r, 400, "invalid_query", "format", "format", "csv or xlsx");
	if (format < 0)
		format = EXPORT_CSV;
	struct app a;
	req_app(r, &a);
	struct board b;
	struct export_table t;
	if (app_challenge_board(&a, param_id(r, 0), &b, &r->err) ||
	    challenge_export_table(&a, &b, &t, &r->err))
		return -1;
	return reply_export(r, &t, format, r->lang == LANG_FR ? "resultat" : "result");
}

static int reply_badges(struct req *r, const struct badge_row *v, size_t n)
{
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, badge_json(&v[i], r->lang));
	return reply_json(r, 200, json_pack("{s:o}", "items", items));
}

int api_people_badges(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct badge_row *v;
	size_t n;
	if (app_badges_person(&a, param_id(r, 0), &v, &n, &r->err))
		return -1;
	return reply_badges(r, v, n);
}

int api_units_badges(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct badge_row *v;
	size_t n;
	if (app_badges_unit(&a, param_id(r, 0), &v, &n, &r->err))
		return -1;
	return reply_badges(r, v, n);
}
