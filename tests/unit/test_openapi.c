/* The route table and docs/openapi.json must describe the same API: every
 * route documented, every documented operation routed. */
#include <ctype.h>
#include <jansson.h>
#include "t.h"
#include "core/embed.h"
#include "http/http.h"

static json_t *load_doc(void)
{
	json_error_t je;
	json_t *doc = json_load_file("docs/openapi.json", 0, &je);
	if (!doc)
		fprintf(stderr, "    docs/openapi.json: %s (line %d)\n", je.text, je.line);
	return doc;
}

static void lower(const char *in, char *out, size_t n)
{
	size_t i = 0;
	for (; in[i] && i + 1 < n; i++)
		out[i] = (char)tolower((unsigned char)in[i]);
	out[i] = '\0';
}

TEST("every route of the table is in the OpenAPI document")
{
	json_t *doc = load_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	json_t *paths = json_object_get(doc, "paths");
	for (const struct route *r = routes; r->method; r++) {
		char m[16];
		lower(r->method, m, sizeof(m));
		json_t *op = json_object_get(json_object_get(paths, r->pattern), m);
		if (!op)
			fprintf(stderr, "    undocumented route: %s %s\n", r->method, r->pattern);
		CHECK(op != NULL);
	}
	json_decref(doc);
}

TEST("every operation of the OpenAPI document has a route")
{
	json_t *doc = load_doc();
	CHECK(doc != NULL);
	if (!doc)
		return;
	const char *path, *method;
	json_t *item, *op;
	json_object_foreach(json_object_get(doc, "paths"), path, item) {
		json_object_foreach(item, method, op) {
			int found = 0;
			for (const struct route *r = routes; r->method; r++) {
				char m[16];
				lower(r->method, m, sizeof(m));
				if (!strcmp(m, method) && !strcmp(r->pattern, path))
					found = 1;
			}
			if (!found)
				fprintf(stderr, "    documented but not routed: %s %s\n", method, path);
			CHECK(found);
		}
	}
	json_decref(doc);
}

TEST("every documented operation says what it answers and declares its path parameters")
{
	json_t *doc = load_doc();
	if (!doc)
		return;
	const char *path, *method;
	json_t *item, *op;
	json_object_foreach(json_object_get(doc, "paths"), path, item) {
		json_object_foreach(item, method, op) {
			CHECK(json_object_get(op, "summary") != NULL);
			CHECK(json_object_size(json_object_get(op, "responses")) > 0);
			if (strstr(path, "{id}")) {
				json_t *params = json_object_get(op, "parameters");
				size_t i;
				json_t *p;
				int has = 0;
				json_array_foreach(params, i, p)
					if (!strcmp(json_string_value(json_object_get(p, "name")), "id") &&
					    !strcmp(json_string_value(json_object_get(p, "in")), "path"))
						has = 1;
				if (!has)
					fprintf(stderr, "    %s %s: no path parameter id\n", method, path);
				CHECK(has);
			}
		}
	}
	json_decref(doc);
}

TEST("the server serves the same document as the one in docs/")
{
	const struct embedded_file *f = embedded_find(assets_files, "openapi.json");
	CHECK(f != NULL);
	FILE *fp = fopen("docs/openapi.json", "rb");
	CHECK(fp != NULL);
	if (!f || !fp)
		return;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fclose(fp);
	CHECK_INT(n, (long long)f->size);
}

T_MAIN("openapi")
