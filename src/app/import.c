/* Importing activity records (see import.h). */
#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "app/import.h"
#include "app/badge.h"
#include "app/challenge.h"
#include "app/measure.h"
#include "app/result.h"

#define MAX_FIELDS IMPORT_MAX_FIELDS
#define CHUNK (1 << 20)
#define BATCH 8192  /* records written by one store call */

/* people by the key the file uses: an open-addressing table */
struct pcache {
	struct { char *key; id_t64 id; } *v;  /* id 0: no such person */
	size_t cap, n;
};


struct import {
	struct store *s;
	id_t64 org;
	const struct import_spec *spec;
	const char *kind, *id_col, *person_col, *date_col, *time_col;
	int id_i, person_i, date_i, time_i;
	struct import_field fields[MAX_FIELDS];
	int nfields;
	struct csv_dialect d;
	size_t header_n;
	bool header_seen, extra_ok, jsonl;
	struct import_report *rep;
	struct err e;
	int fatal;
	char **header;
	struct pcache people;
	struct measure_batch *measure;
	const char *names[MAX_FIELDS];  /* field names, for the measure batch */
	struct buf json;     /* the fields of the current record */
	struct buf keys;     /* each field's JSON key, ',' before all but the first, and ':' */
	size_t key_at[MAX_FIELDS + 1];
	int64_t now;
	import_progress_fn progress;
	void *progress_ctx;
	long long done;
	/* the records read and not yet written: their text in batch_arena */
	struct activity *pend;
	day_t *pend_day;
	struct ival *pend_vals;  /* nfields a record */
	unsigned char *pend_stored;
	size_t npend;
	struct arena batch_arena;
};

/* The batch read so far: stored in one store call, then the new records
 * measured, in the file's order. */
static int flush_batch(struct import *im)
{
	if (!im->npend)
		return 0;
	if (store_activity_add_many(im->s, im->org, im->pend, im->npend, im->now, im->pend_stored,
				    &im->e))
		return -1;
	for (size_t i = 0; i < im->npend; i++) {
		if (!im->pend_stored[i]) {
			im->rep->duplicates++;
			continue;
		}
		im->rep->stored++;
		if (measure_batch_add(im->measure, im->pend[i].person_id, im->pend_day[i],
				      im->pend_vals + i * (size_t)im->nfields, &im->e))
			return -1;
	}
	im->npend = 0;
	arena_free(&im->batch_arena);
	arena_init(&im->batch_arena);
	return 0;
}

static int find_column(const struct csv_row *h, const char *name)
{
	if (!name)
		return -1;
	if (name[0] == '#') {
		int i = atoi(name + 1);
		return i >= 1 && (size_t)i <= h->n ? i - 1 : -2;
	}
	for (size_t i = 0; i < h->n; i++)
		if (!strcasecmp(h->field[i], name))
			return (int)i;
	return -2;
}

const struct msg import_reasons[] = {
	{ "fields", "{0} champs alors que l'en-tête en a {1}", "{0} fields where the header has {1}" },
	{ "not a date", "pas une date", "not a date" },
	{ "not a time of day", "pas une heure", "not a time of day" },
	{ "not a number", "pas un nombre", "not a number" },
	{ "not yes or no", "ni oui ni non", "not yes or no" },
	{ "not a duration hh:mm:ss", "pas une durée hh:mm:ss", "not a duration hh:mm:ss" },
	{ "not a duration", "pas une durée (mm:ss, h:mm:ss ou un nombre sans exposant)",
	  "not a duration (mm:ss, h:mm:ss or a number without exponent)" },
	{ "not one of the people you may record for",
	  "pas une des personnes pour qui vous pouvez enregistrer",
	  "not one of the people you may record for" },
	{ "no such person", "personne inconnue", "no such person" },
	{ "empty source id", "identifiant source vide", "empty source id" },
	{ "json", "pas un objet JSON : {0}", "not a JSON object: {0}" },
	{ NULL, NULL, NULL }
};

/* Keeps the first rejections, with their reason (a key of import_reasons and
 * its arguments) in both languages. */
static void reject(struct import *im, long line, const char *column, const char *why,
		   const char *a0, const char *a1)
{
	struct import_report *rep = im->rep;
	rep->rejected++;
	if (rep->nfirst < IMPORT_MAX_REPORTED) {
		struct import_reject *x = &rep->first[rep->nfirst++];
		x->line = line;
		snprintf(x->column, sizeof(x->column), "%s", column ? column : "-");
		struct buf b = BUF_INIT;
		const char *en = msg_text(import_reasons, why, LANG_EN);
		msg_render(&b, en ? en : why, a0, a1);
		snprintf(x->why, sizeof(x->why), "%s", b.data ? b.data : "");
		buf_reset(&b);
		const char *fr = msg_text(import_reasons, why, LANG_FR);
		msg_render(&b, fr ? fr : why, a0, a1);
		snprintf(x->why_fr, sizeof(x->why_fr), "%s", b.data ? b.data : "");
		buf_free(&b);
	}
}

static int header_row(struct import *im, const struct csv_row *row)
{
	im->header_n = row->n;
	im->header = calloc(row->n + 1, sizeof(char *));
	for (size_t i = 0; i < row->n; i++)
		im->header[i] = strdup(row->field[i]);
	struct { const char *flag, *name; int *at; } need[] = {
		{ "--person", im->person_col, &im->person_i }, { "--date", im->date_col, &im->date_i },
		{ "--id", im->id_col, &im->id_i }, { "--time", im->time_col, &im->time_i } };
	for (int k = 0; k < 4; k++) {
		*need[k].at = find_column(row, need[k].name);
		if (*need[k].at == -2) {
			err_set(&im->e, 422, "unknown_column", need[k].flag + 2, need[k].flag, need[k].name);
			im->fatal = 1;
			return -1;
		}
	}
	for (int k = 0; k < im->nfields; k++) {
		im->fields[k].col = find_column(row, im->fields[k].column);
		if (im->fields[k].col < 0) {
			err_set(&im->e, 422, "unknown_column", "fields", im->fields[k].name,
				im->fields[k].column);
			im->fatal = 1;
			return -1;
		}
		im->names[k] = im->fields[k].name;
		im->fields[k].minutes = im->fields[k].type == F_MINUTES ||
			(im->fields[k].type == F_DURATION && csv_header_minutes(row->field[im->fields[k].col]));
	}
	measure_batch_fields(im->measure, im->kind, im->names, (size_t)im->nfields);
	return 0;
}

static uint64_t hash_key(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* The person a key names: 0 and *id, or 404 in *e. Cached: a file names the
 * same people again and again. */
static int person_of(struct import *im, const char *key, id_t64 *id, struct err *e)
{
	struct pcache *c = &im->people;
	if (c->n * 2 >= c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		__typeof__(c->v) nv = calloc(ncap, sizeof(*nv));
		if (!nv)
			abort();
		for (size_t i = 0; i < c->cap; i++)
			if (c->v[i].key) {
				size_t j = hash_key(c->v[i].key) & (ncap - 1);
				while (nv[j].key)
					j = (j + 1) & (ncap - 1);
				nv[j] = c->v[i];
			}
		free(c->v);
		c->v = nv;
		c->cap = ncap;
	}
	size_t j = hash_key(key) & (c->cap - 1);
	while (c->v[j].key) {
		if (!strcmp(c->v[j].key, key)) {
			*id = c->v[j].id;
			if (*id == -1)
				return err_set(e, 403, "forbidden", NULL, "record activity for this person",
					       NULL);
			return *id ? 0 : err_set(e, 404, "not_found", NULL, "person", NULL);
		}
		j = (j + 1) & (c->cap - 1);
	}
	id_t64 found = 0;
	if (store_person_resolve(im->s, im->org, key, &found, e)) {
		if (e->status != 404)
			return -1;
		found = 0;
	}
	if (found && im->spec->allow && !im->spec->allow(im->spec->allow_ctx, found))
		found = -1;  /* someone the importer may not record for */
	c->v[j].key = strdup(key);
	c->v[j].id = found;
	c->n++;
	*id = found;
	if (found == -1)
		return err_set(e, 403, "forbidden", NULL, "record activity for this person", NULL);
	return found ? 0 : err_set(e, 404, "not_found", NULL, "person", NULL);
}

static void json_str(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (;;) {
		/* the run of characters that need no escape, in one copy */
		const char *run = s;
		while ((unsigned char)*s >= 0x20 && *s != '"' && *s != '\\')
			s++;
		buf_add(b, run, (size_t)(s - run));
		unsigned char c = (unsigned char)*s;
		if (!c)
			break;
		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else {
			buf_addf(b, "\\u%04x", c);
		}
		s++;
	}
	buf_addc(b, '"');
}

/* v as "%lld" writes it, without printf's cost (most fields are integers) */
static void json_int(struct buf *b, long long v)
{
	char t[24], *p = t + sizeof(t);
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(t + sizeof(t) - p));
}

static int data_row(struct import *im, const struct csv_row *row)
{
	im->rep->read++;
	if (im->progress && im->rep->read % 65536 == 0)
		im->progress(im->progress_ctx, im->rep->read, im->done);
	if (row->n != im->header_n && !(im->extra_ok && row->n > im->header_n)) {
		char got[24], want[24];
		snprintf(got, sizeof(got), "%zu", row->n);
		snprintf(want, sizeof(want), "%zu", im->header_n);
		reject(im, row->line, NULL, "fields", got, want);
		return 0;
	}
	const char *person = row->field[im->person_i];
	const char *date = row->field[im->date_i];
	day_t day;
	int64_t at;
	long long secs_dt;
	if (!csv_date(date, &day)) {
		at = (int64_t)day * 86400;
	} else if (!date_parse_datetime(date, &secs_dt)) {
		at = secs_dt;
		day = (day_t)(at >= 0 ? at / 86400 : -((-at + 86399) / 86400));
	} else {
		reject(im, row->line, im->header[im->date_i], "not a date", NULL, NULL);
		return 0;
	}
	int secs = 0;
	if (im->time_i >= 0) {
		if (csv_time(row->field[im->time_i], &secs)) {
			reject(im, row->line, im->header[im->time_i], "not a time of day", NULL, NULL);
			return 0;
		}
		at += secs;
	}
	struct ival vals[MAX_FIELDS];
	struct buf *j = &im->json;
	buf_reset(j);
	buf_addc(j, '{');
	if (!im->keys.len && im->nfields) {  /* the keys, written once */
		for (int k = 0; k < im->nfields; k++) {
			im->key_at[k] = im->keys.len;
			if (k)
				buf_addc(&im->keys, ',');
			json_str(&im->keys, im->fields[k].name);
			buf_addc(&im->keys, ':');
		}
		im->key_at[im->nfields] = im->keys.len;
	}
	for (int k = 0; k < im->nfields; k++) {
		const char *v = row->field[im->fields[k].col];
		struct ival *x = &vals[k];
		bool ok = true, b;
		int t;
		day_t dd;
		x->type = IV_NULL;
		x->str = NULL;
		buf_add(j, im->keys.data + im->key_at[k], im->key_at[k + 1] - im->key_at[k]);
		if (!*v) {
			buf_add(j, "null", 4);  /* an empty cell is a missing value, not zero */
			continue;
		}
		switch (im->fields[k].type) {
		case F_TEXT:
		case F__COUNT:  /* not a type: read as text */
			x->type = IV_STR;
			x->str = v;
			json_str(j, v);
			break;
		case F_NUMBER:
			ok = !csv_number(v, im->d.decimal_comma, &x->num) && isfinite(x->num);
			x->type = IV_NUM;
			if (ok && x->num == (double)(long long)x->num && fabs(x->num) < 1e15)
				json_int(j, (long long)x->num);  /* most numbers: fast and exact */
			else if (ok)
				buf_addf(j, "%.17g", x->num);
			break;
		case F_BOOL:
			ok = !csv_bool(v, &b);
			x->type = IV_BOOL;
			x->num = b;
			buf_adds(j, b ? "true" : "false");
			break;
		case F_TIME:
			ok = !csv_time(v, &t);
			x->type = IV_NUM;
			x->num = t;
			json_int(j, t);
			break;
		case F_DURATION:
		case F_MINUTES:
			ok = !csv_duration(v, im->fields[k].minutes, &x->num);
			x->type = IV_NUM;
			if (ok && x->num == (double)(long long)x->num)
				json_int(j, (long long)x->num);
			else if (ok)
				buf_addf(j, "%.17g", x->num);
			break;
		case F_DATE:
			ok = !csv_date(v, &dd);
			if (ok) {
				char iso[11];
				date_format_iso(dd, iso);
				x->type = IV_NUM;
				x->num = dd;  /* days: comparable, and differences in days */
				buf_addf(j, "\"%s\"", iso);
			}
			break;
		}
		if (!ok) {
			static const char *const what[] = { "text", "not a number", "not yes or no",
							    "not a duration hh:mm:ss", "not a date",
							    "not a duration", "not a duration" };
			reject(im, row->line, im->fields[k].column, what[im->fields[k].type], NULL, NULL);
			return 0;
		}
	}
	buf_addc(j, '}');
	struct activity x = { 0, 0, im->kind, NULL, at, j->data };
	struct err e;
	err_clear(&e);
	if (person_of(im, person, &x.person_id, &e)) {
		if (e.status != 404 && e.status != 403) {
			im->e = e;
			return -1;
		}
		reject(im, row->line, im->header[im->person_i], e.status == 403
		       ? "not one of the people you may record for" : "no such person", NULL, NULL);
		return 0;
	}
	char idbuf[80];
	if (im->id_i >= 0) {
		x.source_id = row->field[im->id_i];
	} else {
		/* no id column: the row itself, hashed, is its identity */
		unsigned char h[16];
		crypto_generichash_state st;
		crypto_generichash_init(&st, NULL, 0, sizeof(h));
		for (size_t i = 0; i < row->n; i++)
			crypto_generichash_update(&st, (const unsigned char *)row->field[i],
						  strlen(row->field[i]) + 1);
		crypto_generichash_final(&st, h, sizeof(h));
		sodium_bin2hex(idbuf, sizeof(idbuf), h, sizeof(h));
		x.source_id = idbuf;
	}
	if (!*x.source_id) {
		reject(im, row->line, im->id_col, "empty source id", NULL, NULL);
		return 0;
	}
	/* kept for the batch: the row's text goes with the next one */
	struct arena *ar = &im->batch_arena;
	size_t k = im->npend++;
	x.source_id = arena_strdup(ar, x.source_id);
	x.fields = arena_strndup(ar, j->data, j->len);
	im->pend[k] = x;
	im->pend_day[k] = day;
	struct ival *kept = im->pend_vals + k * (size_t)im->nfields;
	for (int f = 0; f < im->nfields; f++) {
		kept[f] = vals[f];
		if (vals[f].type == IV_STR)
			kept[f].str = arena_strdup(ar, vals[f].str);
	}
	return im->npend == BATCH ? flush_batch(im) : 0;
}

static int on_row(void *ctx, const struct csv_row *row)
{
	struct import *im = ctx;
	if (!im->header_seen) {
		im->header_seen = true;
		return header_row(im, row);
	}
	return data_row(im, row);
}

/* --- JSON lines: each object's keys are the columns; the API's record shape
 * {"source_id", "person", "at", "fields": {...}} is read flat. */

static const char *jsonl_text(json_t *v, char *tmp, size_t n)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		snprintf(tmp, n, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
	else if (json_is_real(v))
		snprintf(tmp, n, "%.17g", json_real_value(v));
	else if (json_is_true(v))
		snprintf(tmp, n, "true");
	else if (json_is_false(v))
		snprintf(tmp, n, "false");
	else
		tmp[0] = '\0';
	return tmp;
}

static int jsonl_header(struct import *im)
{
	/* the columns are the keys the mapping names */
	const char *cols[4 + MAX_FIELDS];
	size_t n = 0;
	const char *fixed[] = { im->person_col, im->date_col, im->id_col, im->time_col };
	for (int k = 0; k < 4; k++)
		if (fixed[k])
			cols[n++] = fixed[k];
	for (int k = 0; k < im->nfields; k++)
		cols[n++] = im->fields[k].column;
	struct csv_row h = { cols, n, 0 };
	im->header_seen = true;
	return header_row(im, &h);
}

static int jsonl_line(struct import *im, const char *line, size_t len, long lineno)
{
	while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
		len--;
	if (!len)
		return 0;
	json_error_t je;
	json_t *o = json_loadb(line, len, 0, &je);
	if (!json_is_object(o)) {
		im->rep->read++;
		reject(im, lineno, NULL, "json", o ? "another JSON value" : je.text, NULL);
		json_decref(o);
		return 0;
	}
	json_t *inner = json_object_get(o, "fields");
	char tmp[MAX_FIELDS + 4][48];
	const char *vals[MAX_FIELDS + 4];
	for (size_t i = 0; i < im->header_n; i++) {
		json_t *v = json_object_get(o, im->header[i]);
		if (!v && json_is_object(inner))
			v = json_object_get(inner, im->header[i]);
		vals[i] = jsonl_text(v, tmp[i], sizeof(tmp[i]));
	}
	struct csv_row row = { vals, im->header_n, lineno };
	int rc = data_row(im, &row);
	json_decref(o);
	return rc;
}

/* --- the file, chunk by chunk ------------------------------------------- */

static int run_file(struct import *im, FILE *f, struct err *e)
{
	char *chunk = malloc(CHUNK + 1);
	struct buf carry = BUF_INIT, text = BUF_INIT;
	struct csv_stream *cs = NULL;
	long lineno = 1;
	int rc = 0;
	bool first = true;
	if (!chunk)
		abort();
	if (im->jsonl && jsonl_header(im))
		rc = -1;
	for (;;) {
		if (rc)
			break;
		size_t n = fread(chunk, 1, CHUNK, f);
		bool eof = n < CHUNK;
		im->done += (long long)n;
		/* whole lines only: a character or a number is never cut in two */
		buf_add(&carry, chunk, n);
		size_t take = carry.len;
		if (!eof) {
			take = carry.len;
			while (take && carry.data[take - 1] != '\n')
				take--;
			if (!take && carry.len < (size_t)64 << 20)
				continue;  /* no newline yet: read on (a 64 MiB line is taken as is) */
			if (!take)
				take = carry.len;
		}
		if (first) {
			csv_sniff(carry.data, take, &im->d);
			if (im->jsonl)
				im->d.sep = ',', im->d.decimal_comma = false;
		}
		struct csv_dialect d = im->d;
		d.bom = first && im->d.bom;
		first = false;
		buf_reset(&text);
		if (csv_to_utf8(carry.data, take, &d, &text, e)) {
			rc = -1;
			break;
		}
		if (im->jsonl) {
			size_t pos = 0;
			while (pos < text.len && !rc) {
				const char *nl = memchr(text.data + pos, '\n', text.len - pos);
				size_t end = nl ? (size_t)(nl - text.data) : text.len;
				rc = jsonl_line(im, text.data + pos, end - pos, lineno++);
				pos = end + 1;
			}
		} else {
			if (!cs)
				cs = csv_stream_new(im->d.sep, on_row, im);
			if (csv_stream_feed(cs, text.data, text.len, e) || csv_stream_stopped(cs))
				rc = -1;
		}
		memmove(carry.data, carry.data + take, carry.len - take);
		carry.len -= take;
		if (eof)
			break;
	}
	if (cs) {
		int rc2 = csv_stream_end(cs, rc ? NULL : e);
		if (!rc)
			rc = rc2;
	}
	if (!rc && ferror(f))
		rc = err_set(e, 500, "internal", NULL, "read error", NULL);
	free(chunk);
	buf_free(&carry);
	buf_free(&text);
	return rc;
}

/* ---- the entry: access, the mapping's checks, one transaction ---- */

int app_import_check(struct app *a, struct err *e)
{
	if (a->me.role != ROLE_ADMIN && a->me.role != ROLE_MANAGER)
		return err_set(e, 403, "forbidden", NULL, "import activity", NULL);
	return 0;
}

/* A manager brings in the records of the people they may record for. */
static bool import_allow(void *ctx, id_t64 person)
{
	struct app *a = ctx;
	struct person p;
	struct err e;
	if (store_person_get(a->store, a->me.org_id, person, a->arena, &p, &e))
		return false;
	return access_activity_write(&a->me, &p);
}

struct import_call {
	struct import im;
	const struct import_input *in;
	bool refused;   /* rows were rejected without keep_good: rolled back, no error */
};

static int import_tx(struct app *a, void *arg, struct err *e)
{
	struct import_call *c = arg;
	struct import *im = &c->im;
	const struct import_spec *spec = c->in->spec;
	struct import_report *rep = im->rep;
	if (run_file(im, c->in->data, e) || im->fatal || im->e.code || flush_batch(im) ||
	    measure_batch_flush(im->measure, &im->e)) {
		if (im->e.code)
			*e = im->e;
		return -1;
	}
	rep->d = im->d;
	rep->kept = !rep->rejected || spec->keep_good;
	if (!rep->kept) {
		c->refused = true;
		return -1;
	}
	/* the badges the new figures earn, in the same transaction */
	struct ids moved;
	measure_batch_people(im->measure, a->arena, &moved);
	struct app_touched t;
	if (app_touched_load(a, &moved, &t, e) || app_results_keep_tx(a, &t, spec->kind, e) ||
	    app_badges_award_tx(a, &t, e) || app_challenges_keep_tx(a, &moved, spec->kind, e))
		return -1;
	char *saved = spec->save_as ? import_spec_json(spec) : NULL;
	if (spec->save_as && !saved)
		return err_set(e, 500, "internal", NULL, "cannot save the mapping", NULL);
	int rc = saved ? store_mapping_put(a->store, a->me.org_id, spec->save_as, saved, e) : 0;
	free(saved);
	if (rc)
		return -1;
	return app_audit(a, "activity", 0, "import", NULL,
			 json_pack("{s:s, s:I, s:I, s:I, s:I}", "kind", spec->kind,
				   "read", (json_int_t)rep->read, "stored", (json_int_t)rep->stored,
				   "duplicates", (json_int_t)rep->duplicates,
				   "rejected", (json_int_t)rep->rejected), e);
}

/* What the mapping must hold, in the order the API has always checked it. */
static int import_validate(struct app *a, const struct import_input *in, struct err *e)
{
	struct import_spec *spec = in->spec;
	if (in->mapping) {
		const char *saved;
		if (store_mapping_get(a->store, a->me.org_id, in->mapping, a->arena, &saved, e))
			return -1;
		import_spec_load(spec, saved);
	}
	if (import_spec_check(spec, e))
		return -1;
	if (in->format && strcmp(in->format, "csv") && strcmp(in->format, "jsonl"))
		return err_set(e, 422, "invalid_value", "format", "format", "csv or jsonl");
	if (in->format)
		spec->jsonl = !strcmp(in->format, "jsonl");
	if (!in->data)
		return err_set(e, 422, "missing_field", "data", "data", NULL);
	if (a->me.role != ROLE_ADMIN) {
		spec->allow = import_allow;
		spec->allow_ctx = a;
	}
	return 0;
}

int app_import(struct app *a, const struct import_input *in, struct import_report *rep,
	       struct err *e)
{
	memset(rep, 0, sizeof(*rep));
	if (app_import_check(a, e) || import_validate(a, in, e))
		return -1;
	/* challenges whose last day is over close before new records land */
	if (app_challenges_close_due(a, NULL, e))
		return -1;
	const struct import_spec *spec = in->spec;
	struct import_call c;
	memset(&c, 0, sizeof(c));
	c.in = in;
	struct import *im = &c.im;
	buf_init(&im->json);
	buf_init(&im->keys);
	im->s = a->store;
	im->org = a->me.org_id;
	im->spec = spec;
	im->rep = rep;
	im->kind = spec->kind;
	im->id_col = spec->id;
	im->person_col = spec->person;
	im->date_col = spec->date;
	im->time_col = spec->time;
	im->extra_ok = spec->extra_ok;
	im->jsonl = spec->jsonl;
	im->nfields = spec->nfields;
	memcpy(im->fields, spec->fields, sizeof(im->fields));
	im->id_i = im->time_i = -1;
	im->now = a->clock.now;
	im->progress = in->progress;
	im->progress_ctx = in->progress_ctx;
	err_clear(&im->e);
	arena_init(&im->batch_arena);
	im->pend = malloc(BATCH * sizeof(*im->pend));
	im->pend_day = malloc(BATCH * sizeof(*im->pend_day));
	im->pend_vals = malloc(BATCH * (size_t)(im->nfields ? im->nfields : 1) * sizeof(struct ival));
	im->pend_stored = malloc(BATCH);
	if (!im->pend || !im->pend_day || !im->pend_vals || !im->pend_stored)
		abort();
	struct arena ar;
	arena_init(&ar);
	struct mind *inds;
	size_t ninds;
	int rc = -1;
	if (measure_indicators(a->store, a->me.org_id, &ar, &inds, &ninds, e))
		goto out;
	im->measure = measure_batch_new(a->store, a->me.org_id, inds, ninds);
	store_bulk_begin(a->store);  /* the engine tunes itself for a big load */
	if (app_tx(a, import_tx, &c, e)) {
		rep->kept = false;
		if (!c.refused)
			goto out;
		err_clear(e);  /* rows were refused: the report says which, nothing was stored */
	}
	rc = 0;
out:
	store_bulk_end(a->store);
	for (size_t i = 0; im->header && i < im->header_n; i++)
		free(im->header[i]);
	free(im->header);
	for (size_t i = 0; i < im->people.cap; i++)
		free(im->people.v[i].key);
	free(im->people.v);
	measure_batch_free(im->measure);
	buf_free(&im->json);
	buf_free(&im->keys);
	arena_free(&ar);
	arena_free(&im->batch_arena);
	free(im->pend);
	free(im->pend_day);
	free(im->pend_vals);
	free(im->pend_stored);
	return rc;
}
