/* Activity records in and out: a batch endpoint for integrations (telephony,
 * CRM, order systems) and a paged list. A batch is all or nothing unless the
 * caller asks to keep the good records; re-sending a batch stores nothing
 * twice, thanks to each record's source id. */
#include <ctype.h>
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include "app/activity.h"
#include "app/import.h"
#include "app/measure.h"
#include "http/http.h"
#include "http/parse.h"

static const struct jfield batch_spec[] = {
	{ "kind", J_STRING, 0 }, { "records", J_ARRAY, 0 }, { "keep_good", J_BOOL, 0 },
	{ NULL, 0, 0 } };
static const struct jfield record_spec[] = {
	{ "source_id", J_STRING, 0 }, { "person", J_STRING, 0 }, { "at", J_STRING, 0 },
	{ "fields", J_OBJECT, 0 }, { NULL, 0, 0 } };

/* The batch's rejections as the API shows them, in the caller's language. */
static json_t *rejected_json(struct req *r, const struct activity_batch_result *out)
{
	json_t *v = json_array();
	for (size_t i = 0; i < out->nrejected; i++) {
		const struct err *e = &out->rejected[i].err;
		struct buf m = BUF_INIT;
		err_message(e, r->lang, &m);
		json_t *x = json_pack("{s:I, s:s, s:s}", "index", (json_int_t)out->rejected[i].index,
				      "code", e->code, "message", m.data);
		if (e->field[0])
			json_object_set_new(x, "field", json_string(e->field));
		json_array_append_new(v, x);
		buf_free(&m);
	}
	return v;
}

/* The records of the body; a malformed one carries its error (shape). */
static struct activity_record_input *records_input(struct req *r, json_t *records)
{
	size_t n = json_array_size(records);
	struct activity_record_input *v = arena_alloc(&r->arena, (n + 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		json_t *rec = json_array_get(records, i);
		struct activity_record_input *x = &v[i];
		memset(x, 0, sizeof(*x));
		if (!json_is_object(rec)) {
			err_set(&x->shape, 400, "invalid_type", "records", "records[]", "an object");
			continue;
		}
		if (json_check_shape(rec, record_spec, &x->shape))
			continue;
		x->source_id = json_string_value(json_object_get(rec, "source_id"));
		x->person = json_string_value(json_object_get(rec, "person"));
		x->at = json_string_value(json_object_get(rec, "at"));
		x->fields = json_object_get(rec, "fields");
	}
	return v;
}

int api_activity_add(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_activity_check(&a, &r->err))
		return -1;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	if (json_check_shape(body, batch_spec, &r->err))
		goto out;
	json_t *records = json_object_get(body, "records");
	struct activity_batch_input in = {
		json_string_value(json_object_get(body, "kind")),
		json_is_true(json_object_get(body, "keep_good")),
		records ? records_input(r, records) : NULL, json_array_size(records) };
	struct activity_batch_result out;
	int failed = app_activity_add(&a, &in, &out, &r->err);
	if (failed && !out.read && !out.nrejected)
		goto out;  /* refused before any record was read */
	json_t *report = json_pack("{s:s, s:I, s:I, s:I, s:o}", "kind", in.kind,
				   "read", (json_int_t)out.read, "stored", (json_int_t)out.stored,
				   "duplicates", (json_int_t)out.duplicates,
				   "rejected", rejected_json(r, &out));
	if (!failed) {
		rc = reply_json(r, 200, report);
	} else if (!strcmp(r->err.code, "invalid_value") && !strcmp(r->err.field, "records")) {
		/* the refusal carries the report, so the caller can mend the batch */
		struct buf m = BUF_INIT;
		err_message(&r->err, r->lang, &m);
		json_t *er = json_pack("{s:s, s:s, s:s, s:o}", "code", r->err.code, "message",
				       m.data, "field", "records", "report", report);
		buf_free(&m);
		rc = reply_json(r, 422, json_pack("{s:o}", "error", er));
	} else {
		json_decref(report);
	}
out:
	json_decref(body);
	return rc;
}

int api_activity_list(struct req *r)
{
	struct activity_filter f;
	memset(&f, 0, sizeof(f));
	id_t64 person;
	struct ids people;
	if (query_paging(r, &f.limit, &f.offset) || query_id(r, "person", &person))
		return -1;
	f.kind = query(r, "kind");
	const char *from = query(r, "from"), *to = query(r, "to");
	long long t;
	if (from) {
		if (date_parse_datetime(from, &t))
			return fail(r, 400, "invalid_query", "from", "from", "a date or date-time");
		f.from = t;
	}
	if (to) {
		if (date_parse_datetime(to, &t))
			return fail(r, 400, "invalid_query", "to", "to", "a date or date-time");
		f.to = t;
	}
	if (person) {
		struct person p;
		if (store_person_get(r->store, r->me.org_id, person, &r->arena, &p, &r->err))
			return -1;
		if (!access_person_read(&r->me, &p))
			return fail(r, 404, "not_found", NULL, "person", NULL);
		people.v = arena_alloc(&r->arena, sizeof(id_t64));
		people.v[0] = person;
		people.n = 1;
		f.people = &people;
	} else if (r->me.role != ROLE_ADMIN && r->me.role != ROLE_HR) {
		/* everyone the caller may read: themselves and their managed units */
		struct person *v;
		size_t n, total;
		struct ids managed = { (id_t64 *)r->me.managed.v, r->me.managed.n };
		struct person_filter pf = { &managed, -1, 0, 0 };
		if (store_person_list(r->store, r->me.org_id, &pf, &r->arena, &v, &n, &total,
				      &r->err))
			return -1;
		people.v = arena_alloc(&r->arena, (n + 1) * sizeof(id_t64));
		people.n = 0;
		int self_in = 0;
		for (size_t i = 0; i < n; i++) {
			self_in |= v[i].id == r->me.person_id;
			people.v[people.n++] = v[i].id;
		}
		if (!self_in)
			people.v[people.n++] = r->me.person_id;
		f.people = &people;
	}
	struct activity *v;
	size_t n, total = 0;
	if (store_activity_list(r->store, r->me.org_id, &f, &r->arena, &v, &n, &total, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *fields = json_loads(v[i].fields, 0, NULL);
		json_array_append_new(items, json_pack("{s:I, s:I, s:s, s:s, s:I, s:o}", "id",
			(json_int_t)v[i].id, "person_id", (json_int_t)v[i].person_id, "kind", v[i].kind,
			"source_id", v[i].source_id, "at", (json_int_t)v[i].at,
			"fields", fields ? fields : json_object()));
	}
	return reply_page(r, items, total, f.limit, f.offset);
}

/* ---- POST /api/import: a whole file through a mapping (the import page) ---- */

static const struct jfield import_spec_fields[] = {
	{ "kind", J_STRING, 0 }, { "person", J_STRING, 0 }, { "date", J_STRING, 0 },
	{ "time", J_STRING, 1 }, { "id", J_STRING, 1 }, { "fields", J_ARRAY, 0 },
	{ "keep_good", J_BOOL, 0 }, { "accept_extra_fields", J_BOOL, 0 },
	{ "format", J_STRING, 0 }, { "save_mapping", J_STRING, 1 }, { "mapping", J_STRING, 1 },
	{ "data", J_TEXT, 0 }, { NULL, 0, 0 } };
static const struct jfield import_field_spec[] = {
	{ "name", J_STRING, 0 }, { "column", J_STRING, 0 }, { "type", J_STRING, 0 },
	{ NULL, 0, 0 } };

static char *dup_str(json_t *o, const char *k)
{
	const char *v = json_string_value(json_object_get(o, k));
	return v && *v ? strdup(v) : NULL;
}

int api_import_gate(struct req *r)
{
	struct app a;
	req_app(r, &a);
	return app_import_check(&a, &r->err);
}

/* The options of an import sent as JSON, its "data" the file's text. */
static int spec_from_json(struct req *r, json_t *body, struct import_spec *spec,
			  struct import_input *in)
{
	const char *q = http_query_unknown(r->conn, "");
	if (q)
		return fail(r, 400, "invalid_query", q, q, "in the JSON body, not the query string");
	if (json_check_shape(body, import_spec_fields, &r->err))
		return -1;
	in->mapping = json_string_value(json_object_get(body, "mapping"));
	spec->kind = dup_str(body, "kind");
	spec->person = dup_str(body, "person");
	spec->date = dup_str(body, "date");
	spec->time = dup_str(body, "time");
	spec->id = dup_str(body, "id");
	size_t i;
	json_t *fj;
	json_array_foreach(json_object_get(body, "fields"), i, fj) {
		if (!json_is_object(fj) || json_check_shape(fj, import_field_spec, &r->err)) {
			if (!r->err.code)
				fail(r, 400, "invalid_type", "fields", "fields", "an array of objects");
			return -1;
		}
		const char *name = json_string_value(json_object_get(fj, "name"));
		const char *col = json_string_value(json_object_get(fj, "column"));
		int t = import_ftype_parse(json_string_value(json_object_get(fj, "type")));
		if (!name || !*name || !col || !*col)
			return fail(r, 422, "missing_field", "fields", "fields[].name, fields[].column",
				    NULL);
		if (t < 0 && json_object_get(fj, "type"))
			return fail(r, 422, "invalid_value", "fields", "fields[].type",
				    "text, number, bool, time, date, duration or minutes");
		if (spec->nfields == IMPORT_MAX_FIELDS)
			return fail(r, 422, "invalid_value", "fields", "fields", "32 fields at most");
		struct import_field *x = &spec->fields[spec->nfields++];
		x->name = strdup(name);
		x->column = strdup(col);
		x->type = t < 0 ? F_TEXT : (enum import_ftype)t;
	}
	const char *data = json_string_value(json_object_get(body, "data"));
	size_t len = json_string_length(json_object_get(body, "data"));
	in->format = json_string_value(json_object_get(body, "format"));
	spec->keep_good = json_is_true(json_object_get(body, "keep_good"));
	spec->extra_ok = json_is_true(json_object_get(body, "accept_extra_fields"));
	spec->save_as = json_string_value(json_object_get(body, "save_mapping"));
	if (data && len && !(in->data = fmemopen((void *)data, len, "rb")))
		return fail(r, 500, "internal", NULL, "cannot read the data", NULL);
	return 0;
}

struct field_scan {
	struct req *r;
	struct import_spec *spec;
	int failed;
};

static enum MHD_Result one_field(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	(void)kind;
	struct field_scan *f = cls;
	if (f->failed || strcmp(key, "field"))
		return MHD_YES;
	if (f->spec->nfields == IMPORT_MAX_FIELDS) {
		fail(f->r, 422, "invalid_value", "field", "field", "32 fields at most");
		f->failed = 1;
	} else if (!value || import_field_parse(value, &f->spec->fields[f->spec->nfields])) {
		fail(f->r, 400, "invalid_query", "field", "field",
		     "NAME=COLUMN or NAME=COLUMN:TYPE (text, number, bool, time, date, duration or minutes)");
		f->failed = 1;
	} else {
		f->spec->nfields++;
	}
	return f->failed ? MHD_NO : MHD_YES;
}

static char *query_dup(struct req *r, const char *name)
{
	const char *v = query(r, name);
	return v && *v ? strdup(v) : NULL;
}

/* The options of a file sent as itself (text/csv, an .xlsx): in the query
 * string, named as in the JSON form, each field as field=NAME=COLUMN[:TYPE]. */
static int spec_from_query(struct req *r, struct import_spec *spec, struct import_input *in)
{
	int keep, extra;
	if (query_bool(r, "keep_good", &keep) || query_bool(r, "accept_extra_fields", &extra))
		return -1;
	spec->keep_good = keep == 1;
	spec->extra_ok = extra == 1;
	in->mapping = query(r, "mapping");
	in->format = query(r, "format");
	spec->save_as = query(r, "save_mapping");
	spec->kind = query_dup(r, "kind");
	spec->person = query_dup(r, "person");
	spec->date = query_dup(r, "date");
	spec->time = query_dup(r, "time");
	spec->id = query_dup(r, "id");
	struct field_scan f = { r, spec, 0 };
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, one_field, &f);
	if (f.failed)
		return -1;
	in->data = r->body_file;
	return 0;
}

int api_import(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_import_check(&a, &r->err))
		return -1;
	json_t *body = NULL;
	if (!r->body_file && !(body = req_json_object(r)))
		return -1;
	int rc = -1;
	struct import_spec spec;
	memset(&spec, 0, sizeof(spec));
	struct import_input in = { &spec, NULL, NULL, NULL, NULL, NULL };
	if (body ? spec_from_json(r, body, &spec, &in) : spec_from_query(r, &spec, &in))
		goto out;
	struct import_report rep;
	if (app_import(&a, &in, &rep, &r->err))
		goto out;
	json_t *rej = json_array();
	for (int k = 0; k < rep.nfirst; k++)
		json_array_append_new(rej, json_pack("{s:I, s:s, s:s}", "line",
			(json_int_t)rep.first[k].line, "column", rep.first[k].column, "reason",
			rep.first[k].why));
	char sep[2] = { rep.d.sep, 0 };
	json_t *report = json_pack("{s:b, s:I, s:I, s:I, s:I, s:o, s:{s:s, s:s, s:b, s:b}}",
		"stored_any", rep.kept, "read", (json_int_t)rep.read,
		"stored", (json_int_t)(rep.kept ? rep.stored : 0),
		"duplicates", (json_int_t)(rep.kept ? rep.duplicates : 0),
		"rejected", (json_int_t)rep.rejected, "rejections", rej,
		"dialect", "separator", sep, "encoding", rep.d.cp1252 ? "windows-1252" : "utf-8",
		"decimal_comma", rep.d.decimal_comma, "bom", rep.d.bom);
	if (rep.kept) {
		rc = reply_json(r, 200, report);
	} else {
		/* the refusal carries the report, as a batch's does */
		fail(r, 422, "invalid_value", "data", "data",
		     "some rows are wrong: nothing was stored (see report)");
		struct buf m = BUF_INIT;
		err_message(&r->err, r->lang, &m);
		json_t *er = json_pack("{s:s, s:s, s:s, s:o}", "code", r->err.code, "message", m.data,
				       "field", "data", "report", report);
		buf_free(&m);
		rc = reply_json(r, 422, json_pack("{s:o}", "error", er));
	}
out:
	if (in.data && in.data != r->body_file)
		fclose(in.data);
	import_spec_free(&spec);
	json_decref(body);
	return rc;
}
