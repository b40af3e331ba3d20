/* What the HTTP layer reads from a request (see parse.h and http.h): the
 * JSON body and its shape checks (a body is checked against a field table
 * before anything reads it, so a wrong shape is refused whole with the name
 * of the field at fault), the query parameters, the credentials, the form
 * fields. Nothing here needs a store: tests/fuzz/ links it with the core. */
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "http/http.h"
#include "http/parse.h"

int http_parse_u64(const char *s, unsigned long long max, unsigned long long *out)
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

int http_name_in(const char *list, const char *name)
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

struct query_scan {
	const char *accepted;
	const char *unknown;   /* the first parameter not accepted */
};

static enum MHD_Result scan_one(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *value)
{
	(void)kind;
	(void)value;
	struct query_scan *q = cls;
	if (http_name_in(q->accepted, key ? key : ""))
		return MHD_YES;
	q->unknown = key ? key : "";
	return MHD_NO;
}

const char *const http_file_types[] = { "text/csv", "application/x-ndjson",
					"application/octet-stream", NULL };

const char *http_query_unknown(struct MHD_Connection *conn, const char *accepted)
{
	struct query_scan q = { accepted, NULL };
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, scan_one, &q);
	return q.unknown;
}

json_t *http_json_object(const char *body, size_t len, struct err *e)
{
	if (!len) {
		err_set(e, 400, "malformed_json", NULL, "empty body", NULL);
		return NULL;
	}
	json_error_t je;
	json_t *v = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	if (!v) {
		/* jansson's own text is English and varies with the input: name
		 * its kind with a phrase of the catalog, or where it is */
		const char *what = strstr(je.text, "duplicate object key") ? "a key appears twice"
				 : strstr(je.text, "\\u0000") ? "the character \\u0000 is not allowed"
				 : strstr(je.text, "depth") ? "too deeply nested" : NULL;
		if (what) {
			err_set(e, 400, "malformed_json", NULL, what, NULL);
		} else {
			char line[16], column[16];
			snprintf(line, sizeof(line), "%d", je.line);
			snprintf(column, sizeof(column), "%d", je.column);
			err_set_variant(e, 400, "malformed_json", "malformed_json_at", NULL, line,
					column);
		}
		return NULL;
	}
	if (!json_is_object(v)) {
		json_decref(v);
		err_set(e, 400, "malformed_json", NULL, "expected a JSON object", NULL);
		return NULL;
	}
	return v;
}

const char *http_bearer_token(const char *authz)
{
	if (!authz || strncmp(authz, "Bearer ", 7) || strlen(authz + 7) > 200)
		return NULL;
	return authz + 7;
}

const char *http_session_token(const char *cookie)
{
	if (!cookie || !*cookie || strlen(cookie) > 200)
		return NULL;
	return cookie;
}

/* ---- JSON bodies: the shape checks every handler runs first ---- */

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

/* ---- the request as handlers read it ---- */

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
	return http_json_object(r->body, r->body_len, &r->err);
}

int req_json_string(struct req *r, const char *name, const char **out)
{
	const struct jfield spec[] = { { name, J_STRING, 0 }, { NULL, 0, 0 } };
	*out = NULL;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = json_check_shape(body, spec, &r->err);
	if (!rc)
		jget_str(body, name, &r->arena, out);
	json_decref(body);
	return rc ? -1 : 0;
}

const char *query(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

int query_id(struct req *r, const char *name, id_t64 *out)
{
	const char *s = query(r, name);
	*out = 0;
	if (!s)
		return 0;
	unsigned long long v;
	if (http_parse_u64(s, (1ULL << 62), &v) || !v)
		return fail(r, 400, "invalid_query", name, name, "a positive integer id");
	*out = (id_t64)v;
	return 0;
}

int query_bool(struct req *r, const char *name, int *out)
{
	const char *s = query(r, name);
	*out = -1;
	if (!s)
		return 0;
	if (strcmp(s, "true") && strcmp(s, "false"))
		return fail(r, 400, "invalid_query", name, name, "true or false");
	*out = !strcmp(s, "true");
	return 0;
}

int query_paging(struct req *r, size_t *limit, size_t *offset)
{
	unsigned long long v;
	const char *l = query(r, "limit"), *o = query(r, "offset");
	*limit = 50;
	*offset = 0;
	if (l) {
		if (http_parse_u64(l, 500, &v) || !v)
			return fail(r, 400, "invalid_query", "limit", "limit", "an integer from 1 to 500");
		*limit = (size_t)v;
	}
	if (o) {
		if (http_parse_u64(o, 100000000, &v))
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

int query_check(struct req *r, const char *accepted)
{
	const char *unknown = http_query_unknown(r->conn, accepted);
	if (!unknown)
		return 0;
	/* the name as the client sent it, in printable ASCII (it is echoed) */
	char name[41];
	size_t i = 0;
	for (; unknown[i] && i + 1 < sizeof(name); i++) {
		unsigned char c = (unsigned char)unknown[i];
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
	if (i >= r->nparam || http_parse_u64(r->param[i], (1ULL << 62), &v))
		return 0;
	return (id_t64)v;
}

/* ---- forms ---- */

#define FORM_VALUE_MAX 20000

struct form_field {
	char *name;
	struct buf value;
};
struct form_data {
	struct form_field *f;
	int n, max;
};

static enum MHD_Result form_iter(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *filename, const char *content_type,
				 const char *transfer_encoding, const char *data, uint64_t off,
				 size_t size)
{
	(void)kind;
	(void)filename;
	(void)content_type;
	(void)transfer_encoding;
	(void)off;
	struct form_data *fd = cls;
	if (!key)
		return MHD_YES;
	int i = 0;
	while (i < fd->n && strcmp(fd->f[i].name, key))
		i++;
	if (i == fd->n) {
		if (fd->n == fd->max)
			return MHD_YES;  /* more fields than any form of ours has: ignored */
		fd->f[i].name = strdup(key);
		if (!fd->f[i].name)
			abort();
		buf_init(&fd->f[i].value);
		fd->n++;
	}
	if (data && fd->f[i].value.len + size < FORM_VALUE_MAX)
		buf_add(&fd->f[i].value, data, size);
	return MHD_YES;
}

int http_form_fields(struct MHD_Connection *conn, const char *body, size_t len,
		     struct arena *a, const char **names, const char **values, int max)
{
	struct form_data fd = { calloc((size_t)(max > 0 ? max : 1), sizeof(struct form_field)),
				0, max };
	if (!fd.f)
		abort();
	struct MHD_PostProcessor *pp = MHD_create_post_processor(conn, 4096, form_iter, &fd);
	if (pp) {
		if (len)
			MHD_post_process(pp, body, len);
		MHD_destroy_post_processor(pp);
	}
	for (int i = 0; i < fd.n; i++) {
		names[i] = arena_strdup(a, fd.f[i].name);
		values[i] = arena_strdup(a, fd.f[i].value.data);
		free(fd.f[i].name);
		buf_free(&fd.f[i].value);
	}
	free(fd.f);
	return fd.n;
}
