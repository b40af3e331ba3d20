/* JSON in and out, on jansson. Bodies are checked against a field table
 * before anything reads them, so a wrong shape is refused whole with the
 * name of the field at fault. */
#include <math.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/objective.h"
#include "http/http.h"

int fail(struct req *r, int status, const char *code, const char *field, const char *a0,
	 const char *a1)
{
	return err_set(&r->err, status, code, field, a0, a1);
}

int forbidden(struct req *r, const char *what)
{
	return fail(r, 403, "forbidden", NULL, what, NULL);
}

json_t *req_json_object(struct req *r)
{
	if (!r->body_len) {
		fail(r, 400, "malformed_json", NULL, "empty body", NULL);
		return NULL;
	}
	json_error_t je;
	json_t *v = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!v) {
		/* jansson's own text is English and varies with the input: name
		 * its kind with a phrase of the catalog, or where it is */
		const char *what = strstr(je.text, "duplicate object key") ? "a key appears twice"
				 : strstr(je.text, "\\u0000") ? "the character \\u0000 is not allowed"
				 : strstr(je.text, "depth") ? "too deeply nested" : NULL;
		if (what) {
			fail(r, 400, "malformed_json", NULL, what, NULL);
		} else {
			char line[16], column[16];
			snprintf(line, sizeof(line), "%d", je.line);
			snprintf(column, sizeof(column), "%d", je.column);
			err_set_variant(&r->err, 400, "malformed_json", "malformed_json_at", NULL, line,
					column);
		}
		return NULL;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		fail(r, 400, "malformed_json", NULL, "expected a JSON object", NULL);
		return NULL;
	}
	return v;
}

static const char *type_words(enum jtype t)
{
	switch (t) {
	case J_STRING:
	case J_TEXT: return "a string";
	case J_ID: return "a positive integer id";
	case J_INT: return "an integer";
	case J_NUMBER: return "a number";
	case J_BOOL: return "true or false";
	case J_DATE: return "a date YYYY-MM-DD";
	case J_ARRAY: return "an array";
	case J_OBJECT: return "an object";
	}
	return "?";
}

int json_check_shape(json_t *obj, const struct jfield *spec, struct err *e)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		const struct jfield *f = spec;
		while (f->name && strcmp(f->name, key))
			f++;
		if (!f->name)
			return err_set(e, 400, "unknown_field", key, key, NULL);
		if (json_is_null(v)) {
			if (!f->nullable)
				return err_set(e, 400, "invalid_type", key, key, type_words(f->type));
			continue;
		}
		int ok;
		switch (f->type) {
		case J_STRING:
		case J_TEXT:
		case J_DATE: ok = json_is_string(v); break;
		case J_ID: ok = json_is_integer(v) && json_integer_value(v) > 0; break;
		case J_INT: ok = json_is_integer(v); break;
		case J_NUMBER: ok = json_is_number(v); break;
		case J_BOOL: ok = json_is_boolean(v); break;
		case J_ARRAY: ok = json_is_array(v); break;
		case J_OBJECT: ok = json_is_object(v); break;
		default: ok = 0;
		}
		if (!ok)
			return err_set(e, 400, "invalid_type", key, key, type_words(f->type));
		if (f->type != J_TEXT && json_is_string(v) && json_string_length(v) > 20000)
			return err_set(e, 422, "invalid_value", key, key, "20000 characters at most");
	}
	return 0;
}

int jget_str(json_t *o, const char *k, struct arena *a, const char **out)
{
	json_t *v = json_object_get(o, k);
	if (!v)
		return 0;
	*out = json_is_string(v) ? arena_strdup(a, json_string_value(v)) : NULL;
	return 1;
}

int jget_str_set(json_t *o, const char *k, struct arena *a, const char **out, unsigned bit,
		 unsigned *set)
{
	if (!jget_str(o, k, a, out))
		return 0;
	*set |= bit;
	return 1;
}

int jget_id_set(json_t *o, const char *k, id_t64 *out, unsigned bit, unsigned *set)
{
	if (!jget_id(o, k, out))
		return 0;
	*set |= bit;
	return 1;
}

int jget_id(json_t *o, const char *k, id_t64 *out)
{
	json_t *v = json_object_get(o, k);
	if (!v)
		return 0;
	*out = json_is_integer(v) ? (id_t64)json_integer_value(v) : 0;
	return 1;
}

int jget_num(json_t *o, const char *k, double *out, int *is_null)
{
	json_t *v = json_object_get(o, k);
	if (!v)
		return 0;
	*is_null = json_is_null(v);
	*out = json_is_number(v) ? json_number_value(v) : 0;
	return 1;
}

int jget_bool(json_t *o, const char *k, bool *out)
{
	json_t *v = json_object_get(o, k);
	if (!v)
		return 0;
	*out = json_is_true(v);
	return 1;
}

int jget_date(json_t *o, const char *k, day_t *out, struct err *e)
{
	json_t *v = json_object_get(o, k);
	if (!v)
		return 0;
	if (json_is_null(v)) {
		*out = DAY_NONE;
		return 1;
	}
	if (date_parse_iso(json_string_value(v), out)) {
		err_set(e, 422, "invalid_date", k, k, json_string_value(v));
		return -1;
	}
	return 1;
}

int jget_enum(json_t *o, const char *k, int (*parse)(const char *), int *out,
	      const char *allowed, struct err *e)
{
	json_t *v = json_object_get(o, k);
	if (!v)
		return 0;
	int x = parse(json_string_value(v));
	if (x < 0) {
		err_set(e, 422, "invalid_value", k, k, allowed);
		return -1;
	}
	*out = x;
	return 1;
}

int jget_array_text(json_t *o, const char *k, struct arena *a, const char **out)
{
	json_t *v = json_object_get(o, k);
	if (!v)
		return 0;
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII);
	*out = arena_strdup(a, s ? s : "[]");
	free(s);
	return 1;
}

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

const char *query(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

static int parse_u64(const char *s, unsigned long long max, unsigned long long *out)
{
	if (!s || !*s)
		return -1;
	unsigned long long v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long long)(*s - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

int query_id(struct req *r, const char *name, id_t64 *out)
{
	const char *s = query(r, name);
	*out = 0;
	if (!s)
		return 0;
	unsigned long long v;
	if (parse_u64(s, (1ULL << 62), &v) || !v)
		return fail(r, 400, "invalid_query", name, name, "a positive integer id");
	*out = (id_t64)v;
	return 0;
}

int query_paging(struct req *r, size_t *limit, size_t *offset)
{
	unsigned long long v;
	const char *l = query(r, "limit"), *o = query(r, "offset");
	*limit = 50;
	*offset = 0;
	if (l) {
		if (parse_u64(l, 500, &v) || !v)
			return fail(r, 400, "invalid_query", "limit", "limit", "an integer from 1 to 500");
		*limit = (size_t)v;
	}
	if (o) {
		if (parse_u64(o, 100000000, &v))
			return fail(r, 400, "invalid_query", "offset", "offset", "an integer >= 0");
		*offset = (size_t)v;
	}
	return 0;
}

/* Why an unknown query parameter is refused, the {1} of invalid_query. */
static const struct msg query_msgs[] = {
	{ "unknown", "cette adresse ne le lit pas (paramètres acceptés : {0})",
	  "this address does not read it (accepted: {0})" },
	{ "none", "cette adresse n'accepte aucun paramètre",
	  "this address takes no query parameter" },
	{ NULL, NULL, NULL }
};

struct query_scan {
	const char *accepted;
	const char *unknown;   /* the first parameter not accepted */
};

static int name_in(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; *p;) {
		while (*p == ' ')
			p++;
		size_t w = strcspn(p, " ");
		if (w && w == n && !strncmp(p, name, n))
			return 1;
		p += w;
	}
	return 0;
}

static enum MHD_Result scan_one(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *value)
{
	(void)kind;
	(void)value;
	struct query_scan *q = cls;
	if (name_in(q->accepted, key ? key : ""))
		return MHD_YES;
	q->unknown = key ? key : "";
	return MHD_NO;
}

int query_check(struct req *r, const char *accepted)
{
	struct query_scan q = { accepted, NULL };
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, scan_one, &q);
	if (!q.unknown)
		return 0;
	/* the name as the client sent it, in printable ASCII (it is echoed) */
	char name[41];
	size_t i = 0;
	for (; q.unknown[i] && i + 1 < sizeof(name); i++) {
		unsigned char c = (unsigned char)q.unknown[i];
		name[i] = c >= 0x20 && c < 0x7f ? (char)c : '?';
	}
	name[i] = '\0';
	struct buf list = BUF_INIT, why = BUF_INIT;
	for (const char *p = accepted; *p; p++) {
		if (*p == ' ')
			buf_adds(&list, ", ");
		else
			buf_addc(&list, *p);
	}
	msg_render(&why, msg_text(query_msgs, *accepted ? "unknown" : "none", r->lang),
		   list.data ? list.data : "", NULL);
	fail(r, 400, "invalid_query", name, name, why.data);
	buf_free(&list);
	buf_free(&why);
	return -1;
}

id_t64 param_id(struct req *r, int i)
{
	unsigned long long v = 0;
	if (i >= r->nparam || parse_u64(r->param[i], (1ULL << 62), &v))
		return 0;
	return (id_t64)v;
}
