/* Activity records in and out: a batch endpoint for integrations (telephony,
 * CRM, order systems) and a paged list. A batch is all or nothing unless the
 * caller asks to keep the good records; re-sending a batch stores nothing
 * twice, thanks to each record's source id. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "app/import.h"
#include "app/measure.h"
#include "http/http.h"

#define BATCH_MAX 10000

static const struct jfield batch_spec[] = {
	{ "kind", J_STRING, 0 }, { "records", J_ARRAY, 0 }, { "keep_good", J_BOOL, 0 },
	{ NULL, 0, 0 } };
static const struct jfield record_spec[] = {
	{ "source_id", J_STRING, 0 }, { "person", J_STRING, 0 }, { "at", J_STRING, 0 },
	{ "fields", J_OBJECT, 0 }, { NULL, 0, 0 } };

static int kind_ok(const char *k)
{
	size_t n = strlen(k);
	if (!n || n > 32)
		return 0;
	for (; *k; k++)
		if (!islower((unsigned char)*k) && *k != '_' && !isdigit((unsigned char)*k))
			return 0;
	return 1;
}

struct batch {
	json_t *body, *rejected;
	const char *kind;
	size_t read, stored, duplicates;
	int keep_good;
	struct measure_batch *measure;  /* indicator states of the new records */
};

static void reject(struct req *r, struct batch *b, size_t index, const struct err *e)
{
	struct buf m = BUF_INIT;
	err_message(e, r->lang, &m);
	json_t *x = json_pack("{s:I, s:s, s:s}", "index", (json_int_t)index, "code", e->code,
			      "message", m.data);
	if (e->field[0])
		json_object_set_new(x, "field", json_string(e->field));
	json_array_append_new(b->rejected, x);
	buf_free(&m);
}

/* One record: shape, person, time, rights; then stored (or found stored). */
static int one_record(struct req *r, struct batch *b, size_t i, json_t *rec)
{
	struct err e;
	err_clear(&e);
	if (!json_is_object(rec)) {
		err_set(&e, 400, "invalid_type", "records", "records[]", "an object");
		goto bad;
	}
	if (json_check_shape(rec, record_spec, &e))
		goto bad;
	const char *src = json_string_value(json_object_get(rec, "source_id"));
	const char *who = json_string_value(json_object_get(rec, "person"));
	const char *at = json_string_value(json_object_get(rec, "at"));
	json_t *fields = json_object_get(rec, "fields");
	if (!src || !*src || strlen(src) > 200) {
		err_set(&e, 422, src ? "invalid_value" : "missing_field", "source_id", "source_id",
			"1 to 200 characters");
		goto bad;
	}
	if (!who) {
		err_set(&e, 422, "missing_field", "person", "person", NULL);
		goto bad;
	}
	long long t;
	if (!at) {
		err_set(&e, 422, "missing_field", "at", "at", NULL);
		goto bad;
	}
	if (date_parse_datetime(at, &t)) {
		err_set(&e, 422, "invalid_date", "at", "at", at);
		goto bad;
	}
	const char *key;
	json_t *v;
	json_object_foreach(fields, key, v) {
		if (json_is_object(v) || json_is_array(v)) {
			err_set(&e, 400, "invalid_type", "fields", key, "a string, number, boolean or null");
			goto bad;
		}
	}
	struct activity x = { 0, 0, b->kind, src, t, NULL };
	struct person p;
	if (store_person_resolve(r->store, r->me.org_id, who, &x.person_id, &e)) {
		if (e.status != 404) {
			r->err = e;
			return -1;
		}
		err_set(&e, 422, "unknown_reference", "person", "person", who);
		goto bad;
	}
	if (store_person_get(r->store, r->me.org_id, x.person_id, &r->arena, &p, &r->err))
		return -1;
	if (!access_activity_write(&r->me, &p)) {
		err_set(&e, 403, "forbidden", "person", "record activity for this person", NULL);
		goto bad;
	}
	char *f = fields ? json_dumps(fields, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	x.fields = arena_strdup(&r->arena, f ? f : "{}");
	free(f);
	int stored;
	if (store_activity_add(r->store, r->me.org_id, &x, r->now, &stored, &r->err))
		return -1;
	if (stored && fields && measure_batch_add_json(b->measure, b->kind, x.person_id,
						       (day_t)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400)),
						       fields, &r->err))
		return -1;
	if (stored)
		b->stored++;
	else
		b->duplicates++;
	return 0;
bad:
	reject(r, b, i, &e);
	return 0;
}

static int batch_run(struct req *r, void *ctx)
{
	struct batch *b = ctx;
	json_t *records = json_object_get(b->body, "records");
	size_t i;
	json_t *rec;
	struct mind *inds;
	size_t ninds;
	if (measure_indicators(r->store, r->me.org_id, &r->arena, &inds, &ninds, &r->err))
		return -1;
	b->measure = measure_batch_new(r->store, r->me.org_id, inds, ninds);
	json_array_foreach(records, i, rec) {
		b->read++;
		if (one_record(r, b, i, rec))
			return -1;
	}
	if (measure_batch_flush(b->measure, &r->err))
		return -1;
	if (json_array_size(b->rejected) && !b->keep_good)
		return fail(r, 422, "invalid_value", "records", "records",
			    "some records are wrong: nothing was stored (see rejected)");
	json_t *after = json_pack("{s:s, s:I, s:I, s:I, s:I}", "kind", b->kind, "read",
				  (json_int_t)b->read, "stored", (json_int_t)b->stored,
				  "duplicates", (json_int_t)b->duplicates, "rejected",
				  (json_int_t)json_array_size(b->rejected));
	return audit_write(r, "activity", 0, "import", NULL, after);
}

int api_activity_add(struct req *r)
{
	if (r->me.role != ROLE_ADMIN && r->me.role != ROLE_MANAGER)
		return forbidden(r, "record activity");
	struct batch b;
	memset(&b, 0, sizeof(b));
	b.body = req_json_object(r);
	if (!b.body)
		return -1;
	int rc = -1;
	b.rejected = json_array();
	if (json_check_shape(b.body, batch_spec, &r->err))
		goto out;
	b.kind = json_string_value(json_object_get(b.body, "kind"));
	b.keep_good = json_is_true(json_object_get(b.body, "keep_good"));
	json_t *records = json_object_get(b.body, "records");
	if (!b.kind || !kind_ok(b.kind)) {
		fail(r, 422, b.kind ? "invalid_value" : "missing_field", "kind", "kind",
		     "1 to 32 lower-case letters, digits or _ (call, sale, ticket...)");
		goto out;
	}
	if (!records) {
		fail(r, 422, "missing_field", "records", "records", NULL);
		goto out;
	}
	if (json_array_size(records) > BATCH_MAX) {
		fail(r, 413, "invalid_value", "records", "records", "10000 records per batch at most");
		goto out;
	}
	int failed = with_tx(r, batch_run, &b);
	json_t *report = json_pack("{s:s, s:I, s:I, s:I, s:O}", "kind", b.kind,
				   "read", (json_int_t)b.read,
				   "stored", (json_int_t)(failed ? 0 : b.stored),
				   "duplicates", (json_int_t)(failed ? 0 : b.duplicates),
				   "rejected", b.rejected);
	if (failed) {
		if (!strcmp(r->err.code, "invalid_value") && !strcmp(r->err.field, "records")) {
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
		goto out;
	}
	rc = reply_json(r, 200, report);
out:
	measure_batch_free(b.measure);
	json_decref(b.rejected);
	json_decref(b.body);
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
	{ "data", J_STRING, 0 }, { NULL, 0, 0 } };
static const struct jfield import_field_spec[] = {
	{ "name", J_STRING, 0 }, { "column", J_STRING, 0 }, { "type", J_STRING, 0 },
	{ NULL, 0, 0 } };

static char *dup_str(json_t *o, const char *k)
{
	const char *v = json_string_value(json_object_get(o, k));
	return v && *v ? strdup(v) : NULL;
}

int api_import(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_import_check(&a, &r->err))
		return -1;
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	struct import_spec spec;
	memset(&spec, 0, sizeof(spec));
	struct import_input in = { &spec, NULL, NULL, NULL, NULL, NULL };
	if (json_check_shape(body, import_spec_fields, &r->err))
		goto out;
	in.mapping = json_string_value(json_object_get(body, "mapping"));
	spec.kind = dup_str(body, "kind");
	spec.person = dup_str(body, "person");
	spec.date = dup_str(body, "date");
	spec.time = dup_str(body, "time");
	spec.id = dup_str(body, "id");
	size_t i;
	json_t *fj;
	json_array_foreach(json_object_get(body, "fields"), i, fj) {
		if (!json_is_object(fj) || json_check_shape(fj, import_field_spec, &r->err)) {
			if (!r->err.code)
				fail(r, 400, "invalid_type", "fields", "fields", "an array of objects");
			goto out;
		}
		const char *name = json_string_value(json_object_get(fj, "name"));
		const char *col = json_string_value(json_object_get(fj, "column"));
		int t = import_ftype_parse(json_string_value(json_object_get(fj, "type")));
		if (!name || !*name || !col || !*col) {
			fail(r, 422, "missing_field", "fields", "fields[].name, fields[].column", NULL);
			goto out;
		}
		if (t < 0 && json_object_get(fj, "type")) {
			fail(r, 422, "invalid_value", "fields", "fields[].type",
			     "text, number, bool, time or date");
			goto out;
		}
		if (spec.nfields == IMPORT_MAX_FIELDS) {
			fail(r, 422, "invalid_value", "fields", "fields", "32 fields at most");
			goto out;
		}
		struct import_field *x = &spec.fields[spec.nfields++];
		x->name = strdup(name);
		x->column = strdup(col);
		x->type = t < 0 ? F_TEXT : (enum import_ftype)t;
	}
	const char *data = json_string_value(json_object_get(body, "data"));
	size_t len = json_string_length(json_object_get(body, "data"));
	in.format = json_string_value(json_object_get(body, "format"));
	spec.keep_good = json_is_true(json_object_get(body, "keep_good"));
	spec.extra_ok = json_is_true(json_object_get(body, "accept_extra_fields"));
	spec.save_as = json_string_value(json_object_get(body, "save_mapping"));
	if (data && len) {
		in.data = fmemopen((void *)data, len, "rb");
		if (!in.data) {
			fail(r, 500, "internal", NULL, "cannot read the data", NULL);
			goto out;
		}
	}
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
	if (in.data)
		fclose(in.data);
	import_spec_free(&spec);
	json_decref(body);
	return rc;
}
