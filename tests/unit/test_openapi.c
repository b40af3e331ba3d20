/* The route table (src/http/routes.c) and the OpenAPI document the server
 * serves (docs/openapi.json, compiled in) describe the same API, route by
 * route: method and path, path parameters, query parameters, request body.
 * Any difference, in either direction, fails and is named with its route.
 * The comparison itself is checked on altered copies of the document, so that
 * this test is seen to fail when the two part. */
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include "t.h"
#include "core/buf.h"
#include "core/embed.h"
#include "core/err.h"
#include "http/http.h"
#include "http/parse.h"

static const char *const METHODS[] = { "get", "put", "post", "delete", "options", "head",
				       "patch", "trace", NULL };

static json_t *served_doc(void)
{
	const struct embedded_file *f = embedded_find(assets_files, "openapi.json");
	if (!f)
		return NULL;
	json_error_t je;
	json_t *doc = json_loadb((const char *)f->data, f->size, 0, &je);
	if (!doc)
		fprintf(stderr, "    openapi.json: %s (line %d)\n", je.text, je.line);
	return doc;
}

struct diffs {
	int n;
	struct buf text;
};

__attribute__((format(printf, 2, 3)))
static void differ(struct diffs *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_adds(&d->text, "    ");
	buf_vaddf(&d->text, fmt, ap);
	buf_addc(&d->text, '\n');
	va_end(ap);
	d->n++;
}

static void lower(const char *in, char *out, size_t n)
{
	size_t i = 0;
	for (; in[i] && i + 1 < n; i++)
		out[i] = (char)tolower((unsigned char)in[i]);
	out[i] = '\0';
}

/* A local reference "#/components/..." followed to what it names. */
static json_t *deref(json_t *doc, json_t *v)
{
	for (int hops = 0; hops < 8 && json_is_object(v); hops++) {
		const char *ref = json_string_value(json_object_get(v, "$ref"));
		if (!ref)
			return v;
		if (strncmp(ref, "#/", 2))
			return NULL;
		json_t *at = doc;
		char seg[256];
		for (const char *p = ref + 2; at && *p;) {
			size_t n = 0;
			for (; *p && *p != '/' && n + 1 < sizeof(seg); p++) {
				if (p[0] == '~' && p[1] == '1') {
					seg[n++] = '/';
					p++;
				} else if (p[0] == '~' && p[1] == '0') {
					seg[n++] = '~';
					p++;
				} else {
					seg[n++] = *p;
				}
			}
			seg[n] = '\0';
			if (*p == '/')
				p++;
			at = json_object_get(at, seg);
		}
		v = at;
	}
	return v;
}

/* The parameters of an operation "in" a place: the path item's, then the
 * operation's (which win for the same name). */
static json_t *params_in(json_t *doc, json_t *item, json_t *op, const char *in)
{
	json_t *out = json_object();
	json_t *lists[2] = { json_object_get(item, "parameters"), json_object_get(op, "parameters") };
	for (int l = 0; l < 2; l++) {
		size_t i;
		json_t *p;
		json_array_foreach(lists[l], i, p) {
			p = deref(doc, p);
			const char *name = json_string_value(json_object_get(p, "name"));
			const char *where = json_string_value(json_object_get(p, "in"));
			if (name && where && !strcmp(where, in))
				json_object_set(out, name, p);
		}
	}
	return out;
}

/* The names a route declares: "{id}" segments of its pattern, or the words
 * of its query list. */
static json_t *pattern_params(const char *pattern)
{
	json_t *out = json_object();
	for (const char *p = strchr(pattern, '{'); p; p = strchr(p + 1, '{')) {
		const char *end = strchr(p, '}');
		if (!end)
			break;
		char name[64];
		snprintf(name, sizeof(name), "%.*s", (int)(end - p - 1), p + 1);
		json_object_set_new(out, name, json_true());
	}
	return out;
}

static json_t *query_words(const char *list)
{
	json_t *out = json_object();
	for (const char *p = list; p && *p;) {
		while (*p == ' ')
			p++;
		size_t w = strcspn(p, " ");
		if (w) {
			char name[64];
			snprintf(name, sizeof(name), "%.*s", (int)w, p);
			json_object_set_new(out, name, json_true());
		}
		p += w;
	}
	return out;
}

/* Both ways: what the table has and the document lacks, and the reverse. */
static void compare_names(struct diffs *d, const char *route, const char *what, json_t *table,
			  json_t *documented)
{
	const char *k;
	json_t *v;
	json_object_foreach(table, k, v)
		if (!json_object_get(documented, k))
			differ(d, "%s: %s '%s' in the route table, not in docs/openapi.json", route,
			       what, k);
	json_object_foreach(documented, k, v)
		if (!json_object_get(table, k))
			differ(d, "%s: %s '%s' in docs/openapi.json, not in the route table", route,
			       what, k);
}

static const char *body_name(enum route_body b)
{
	return b == BODY_JSON ? "a JSON body (application/json)"
	     : b == BODY_FILE ? "a file (as JSON, or as itself: http_file_types)"
	     : b == BODY_FORM ? "a form (application/x-www-form-urlencoded)" : "no body";
}

static void compare_route(struct diffs *d, json_t *doc, const struct route *r)
{
	char route[256], m[16];
	snprintf(route, sizeof(route), "%s %s", r->method, r->pattern);
	lower(r->method, m, sizeof(m));
	json_t *item = json_object_get(json_object_get(doc, "paths"), r->pattern);
	json_t *op = json_object_get(item, m);
	if (!json_is_object(op)) {
		differ(d, "%s: in the route table, not in docs/openapi.json", route);
		return;
	}
	/* path parameters: named as in the pattern, and required */
	json_t *want = pattern_params(r->pattern), *have = params_in(doc, item, op, "path");
	compare_names(d, route, "path parameter", want, have);
	const char *k;
	json_t *p;
	json_object_foreach(have, k, p)
		if (!json_is_true(json_object_get(p, "required")))
			differ(d, "%s: path parameter '%s' is not marked required", route, k);
	json_decref(want);
	json_decref(have);
	/* query parameters: exactly those the handler reads */
	if (!r->query) {
		differ(d, "%s: the route table says nothing of its query parameters (NULL)", route);
	} else {
		want = query_words(r->query);
		have = params_in(doc, item, op, "query");
		compare_names(d, route, "query parameter", want, have);
		json_decref(want);
		json_decref(have);
	}
	/* the body: present or not, and its media type */
	json_t *rb = deref(doc, json_object_get(op, "requestBody"));
	json_t *content = json_object_get(rb, "content");
	if (!rb) {
		if (r->body != BODY_NONE)
			differ(d, "%s: the route table says %s, docs/openapi.json no body", route,
			       body_name(r->body));
		return;
	}
	const char *type, *want_type = r->body == BODY_JSON || r->body == BODY_FILE ? "application/json"
				   : r->body == BODY_FORM ? "application/x-www-form-urlencoded" : NULL;
	json_t *v;
	if (!want_type)
		differ(d, "%s: the route table says no body, docs/openapi.json a body", route);
	else
		json_object_foreach(content, type, v) {
			int listed = !strcmp(type, want_type);
			for (int i = 0; r->body == BODY_FILE && http_file_types[i]; i++)
				listed |= !strcmp(type, http_file_types[i]);
			if (!listed)
				differ(d, "%s: the route table says %s, docs/openapi.json a body of "
					  "media type %s", route, body_name(r->body), type);
		}
	if (want_type && !json_object_size(content))
		differ(d, "%s: the documented body has no media type", route);
	/* a file is taken as JSON and as itself in each of these types (server.c) */
	for (int i = -1; json_object_size(content) && r->body == BODY_FILE &&
			 (i < 0 || http_file_types[i]); i++)
		if (!json_object_get(content, i < 0 ? want_type : http_file_types[i]))
			differ(d, "%s: takes a file as %s, docs/openapi.json does not say so", route,
			       i < 0 ? want_type : http_file_types[i]);
	if (want_type && !json_is_true(json_object_get(rb, "required")))
		differ(d, "%s: the documented body is not marked required", route);
}

/* Every difference between a table and a document; the count, with the text
 * in d->text. */
static int compare(const struct route *table, json_t *doc, struct diffs *d)
{
	d->n = 0;
	buf_init(&d->text);
	for (const struct route *r = table; r->method; r++)
		compare_route(d, doc, r);
	const char *path, *method;
	json_t *item, *op;
	json_object_foreach(json_object_get(doc, "paths"), path, item) {
		json_object_foreach(item, method, op) {
			int is_method = 0;
			for (int i = 0; METHODS[i]; i++)
				is_method |= !strcmp(METHODS[i], method);
			if (!is_method)
				continue;
			int found = 0;
			for (const struct route *r = table; r->method && !found; r++) {
				char m[16];
				lower(r->method, m, sizeof(m));
				found = !strcmp(m, method) && !strcmp(r->pattern, path);
			}
			if (!found)
				differ(d, "%s %s: in docs/openapi.json, not in the route table", method,
				       path);
		}
	}
	return d->n;
}

TEST("the route table and the served document describe the same API, route by route")
{
	json_t *doc = served_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	struct diffs d;
	compare(routes, doc, &d);
	if (d.n)
		fprintf(stderr, "%s", d.text.data);
	CHECK_INT(d.n, 0);
	buf_free(&d.text);
	json_decref(doc);
}

TEST("every route of the API table says which query parameters it reads")
{
	int n = 0;
	for (const struct route *r = routes; r->method; r++, n++) {
		if (!r->query)
			fprintf(stderr, "    %s %s: query is NULL\n", r->method, r->pattern);
		CHECK(r->query != NULL);
	}
	CHECK(n > 40);
}

TEST("every documented operation has a summary and says what it answers")
{
	json_t *doc = served_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	const char *path, *method;
	json_t *item, *op;
	int n = 0;
	json_object_foreach(json_object_get(doc, "paths"), path, item) {
		json_object_foreach(item, method, op) {
			if (!strcmp(method, "parameters"))
				continue;
			n++;
			if (!json_is_string(json_object_get(op, "summary")) ||
			    !json_object_size(json_object_get(op, "responses")))
				fprintf(stderr, "    %s %s: no summary or no responses\n", method, path);
			CHECK(json_is_string(json_object_get(op, "summary")));
			CHECK(json_object_size(json_object_get(op, "responses")) > 0);
		}
	}
	CHECK(n > 40);
	json_decref(doc);
}

TEST("the document's error codes are the error catalog's, no more, no fewer")
{
	json_t *doc = served_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	json_t *codes = json_object_get(json_object_get(json_object_get(json_object_get(doc,
		"components"), "schemas"), "ErrorCode"), "enum");
	CHECK(json_array_size(codes) > 20);
	int n = 0;
	for (const struct msg *m = err_catalog; m->key; m++, n++) {
		int found = 0;
		size_t i;
		json_t *c;
		json_array_foreach(codes, i, c)
			found |= json_is_string(c) && !strcmp(json_string_value(c), m->key);
		if (!found)
			fprintf(stderr, "    error code %s: in src/core/err.c, not in ErrorCode\n", m->key);
		CHECK(found);
	}
	size_t i;
	json_t *c;
	json_array_foreach(codes, i, c) {
		int found = 0;
		for (const struct msg *m = err_catalog; m->key; m++)
			found |= json_is_string(c) && !strcmp(json_string_value(c), m->key);
		if (!found)
			fprintf(stderr, "    error code %s: in ErrorCode, not in src/core/err.c\n",
				json_string_value(c));
		CHECK(found);
	}
	CHECK_INT((long long)json_array_size(codes), n);
	json_decref(doc);
}

/* ---- the comparison sees each kind of difference ---- */

static const struct route sample[] = {
	{ "GET", "/api/things", api_healthz, 0, "limit offset", BODY_NONE },
	{ "PATCH", "/api/things/{id}", api_healthz, 0, "", BODY_JSON },
	{ NULL, NULL, NULL, 0, NULL, BODY_NONE }
};

static json_t *sample_doc(void)
{
	json_error_t je;
	json_t *doc = json_loads(
		"{\"openapi\":\"3.0.3\",\"paths\":{"
		"\"/api/things\":{\"get\":{\"summary\":\"s\",\"parameters\":["
		"{\"$ref\":\"#/components/parameters/limit\"},"
		"{\"name\":\"offset\",\"in\":\"query\",\"schema\":{\"type\":\"integer\"}}],"
		"\"responses\":{\"200\":{\"description\":\"d\"}}}},"
		"\"/api/things/{id}\":{\"parameters\":[{\"name\":\"id\",\"in\":\"path\","
		"\"required\":true,\"schema\":{\"type\":\"integer\"}}],"
		"\"patch\":{\"summary\":\"s\",\"requestBody\":{\"required\":true,\"content\":"
		"{\"application/json\":{\"schema\":{\"type\":\"object\"}}}},"
		"\"responses\":{\"200\":{\"description\":\"d\"}}}}},"
		"\"components\":{\"parameters\":{\"limit\":{\"name\":\"limit\",\"in\":\"query\","
		"\"schema\":{\"type\":\"integer\"}}}}}", 0, &je);
	if (!doc)
		fprintf(stderr, "    sample: %s\n", je.text);
	return doc;
}

/* The differences between sample[] and the sample document once `alter` has
 * changed it; each must name the route and say `expect`. */
static void expect_diff(void (*alter)(json_t *doc), const char *expect)
{
	json_t *doc = sample_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	alter(doc);
	struct diffs d;
	compare(sample, doc, &d);
	CHECK_INT(d.n, 1);
	if (!d.text.data || !strstr(d.text.data, expect))
		fprintf(stderr, "    expected \"%s\" in:\n%s", expect,
			d.text.data ? d.text.data : "(nothing)\n");
	CHECK(d.text.data && strstr(d.text.data, expect));
	buf_free(&d.text);
	json_decref(doc);
}

static json_t *things_get(json_t *doc)
{
	return json_object_get(json_object_get(json_object_get(doc, "paths"), "/api/things"),
			       "get");
}

static json_t *thing_patch(json_t *doc)
{
	return json_object_get(json_object_get(json_object_get(doc, "paths"),
					       "/api/things/{id}"), "patch");
}

static void alter_nothing(json_t *doc) { (void)doc; }
static void drop_offset(json_t *doc)
{
	json_array_remove(json_object_get(things_get(doc), "parameters"), 1);
}
static void add_query(json_t *doc)
{
	json_array_append_new(json_object_get(things_get(doc), "parameters"),
		json_pack("{s:s, s:s, s:{s:s}}", "name", "sort", "in", "query", "schema", "type",
			  "string"));
}
static void drop_route(json_t *doc)
{
	json_object_del(json_object_get(json_object_get(doc, "paths"), "/api/things"), "get");
}
static void add_route(json_t *doc)
{
	json_object_set(json_object_get(json_object_get(doc, "paths"), "/api/things"), "post",
			things_get(doc));
}
static void drop_body(json_t *doc)
{
	json_object_del(thing_patch(doc), "requestBody");
}
static void form_body(json_t *doc)
{
	json_t *c = json_object_get(json_object_get(thing_patch(doc), "requestBody"), "content");
	json_object_set(c, "application/x-www-form-urlencoded", json_object_get(c,
								    "application/json"));
	json_object_del(c, "application/json");
}
static void body_on_get(json_t *doc)
{
	json_object_set(things_get(doc), "requestBody",
			json_object_get(thing_patch(doc), "requestBody"));
}
static void rename_path_param(json_t *doc)
{
	json_t *p = json_array_get(json_object_get(json_object_get(json_object_get(doc,
		"paths"), "/api/things/{id}"), "parameters"), 0);
	json_object_set_new(p, "name", json_string("thing"));
}
static void optional_path_param(json_t *doc)
{
	json_t *p = json_array_get(json_object_get(json_object_get(json_object_get(doc,
		"paths"), "/api/things/{id}"), "parameters"), 0);
	json_object_set_new(p, "required", json_false());
}

TEST("the comparison finds no difference where there is none (a $ref, path-level parameters)")
{
	json_t *doc = sample_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	alter_nothing(doc);
	struct diffs d;
	CHECK_INT(compare(sample, doc, &d), 0);
	if (d.n)
		fprintf(stderr, "%s", d.text.data);
	buf_free(&d.text);
	json_decref(doc);
}

TEST("the comparison names a query parameter the handler reads but the document omits")
{
	expect_diff(drop_offset, "GET /api/things: query parameter 'offset' in the route table, "
				 "not in docs/openapi.json");
}

TEST("the comparison names a documented query parameter that the handler does not read")
{
	expect_diff(add_query, "GET /api/things: query parameter 'sort' in docs/openapi.json, "
			       "not in the route table");
}

TEST("the comparison names a route missing from the document, and an operation with no route")
{
	expect_diff(drop_route, "GET /api/things: in the route table, not in docs/openapi.json");
	expect_diff(add_route, "post /api/things: in docs/openapi.json, not in the route table");
}

TEST("the comparison names a body missing, of another media type, or where none is read")
{
	expect_diff(drop_body, "PATCH /api/things/{id}: the route table says a JSON body "
			       "(application/json), docs/openapi.json no body");
	expect_diff(form_body, "PATCH /api/things/{id}: the route table says a JSON body "
			       "(application/json), docs/openapi.json a body of media type "
			       "application/x-www-form-urlencoded");
	expect_diff(body_on_get, "GET /api/things: the route table says no body, "
				 "docs/openapi.json a body");
}

TEST("the comparison names a path parameter misnamed or not required")
{
	json_t *doc = sample_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	rename_path_param(doc);
	struct diffs d;
	CHECK_INT(compare(sample, doc, &d), 2);  /* id missing, thing extra */
	CHECK(d.text.data && strstr(d.text.data, "PATCH /api/things/{id}: path parameter 'id' "
					     "in the route table, not in docs/openapi.json"));
	CHECK(d.text.data && strstr(d.text.data, "path parameter 'thing' in docs/openapi.json"));
	buf_free(&d.text);
	json_decref(doc);
	expect_diff(optional_path_param, "path parameter 'id' is not marked required");
}

T_MAIN("openapi")
