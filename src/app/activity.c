/* Recording activity (activity.h). */
#include <stdlib.h>
#include <string.h>
#include "app/activity.h"
#include "app/badge.h"
#include "app/challenge.h"
#include "app/measure.h"
#include "app/result.h"

int app_activity_check(struct app *a, struct err *e)
{
	if (a->me.role != ROLE_ADMIN && a->me.role != ROLE_MANAGER)
		return err_set(e, 403, "forbidden", NULL, "record activity", NULL);
	return 0;
}

struct batch {
	const struct activity_batch_input *in;
	struct activity_batch_result *out;
	size_t cap;
	struct measure_batch *measure;  /* indicator states of the new records */
};

static void reject(struct app *a, struct batch *b, size_t index, const struct err *e)
{
	struct activity_batch_result *out = b->out;
	if (out->nrejected == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 16;
		struct activity_rejection *v = arena_alloc(a->arena, cap * sizeof(*v));
		if (out->nrejected)
			memcpy(v, out->rejected, out->nrejected * sizeof(*v));
		out->rejected = v;
		b->cap = cap;
	}
	out->rejected[out->nrejected++] = (struct activity_rejection){ index, *e };
}

/* What a record must hold before the store is asked: 0, or -1 with *e. */
static int record_check(const struct activity_record_input *x, long long *t, struct err *e)
{
	if (x->shape.code) {
		*e = x->shape;
		return -1;
	}
	const char *src = x->source_id;
	if (!src || !*src || strlen(src) > 200)
		return err_set(e, 422, src ? "invalid_value" : "missing_field", "source_id",
			       "source_id", "1 to 200 characters");
	if (!x->person)
		return err_set(e, 422, "missing_field", "person", "person", NULL);
	if (!x->at)
		return err_set(e, 422, "missing_field", "at", "at", NULL);
	if (date_parse_datetime(x->at, t))
		return err_set(e, 422, "invalid_date", "at", "at", x->at);
	const char *key;
	json_t *v;
	json_object_foreach(x->fields, key, v) {
		if (json_is_object(v) || json_is_array(v))
			return err_set(e, 400, "invalid_type", "fields", key,
				       "a string, number, boolean or null");
	}
	return 0;
}

/* One record: its checks, its person and the right to record for them;
 * then stored (or found stored). A wrong record is rejected (0); -1 is a
 * failure of the store. */
static int one_record(struct app *a, struct batch *b, size_t i, struct err *fatal)
{
	const struct activity_record_input *rec = &b->in->records[i];
	struct err e;
	err_clear(&e);
	long long t;
	if (record_check(rec, &t, &e))
		goto bad;
	struct activity x = { 0, 0, b->in->kind, rec->source_id, t, NULL };
	struct person p;
	if (store_person_resolve(a->store, a->me.org_id, rec->person, &x.person_id, &e)) {
		if (e.status != 404) {
			*fatal = e;
			return -1;
		}
		err_set(&e, 422, "unknown_reference", "person", "person", rec->person);
		goto bad;
	}
	if (store_person_get(a->store, a->me.org_id, x.person_id, a->arena, &p, fatal))
		return -1;
	if (!access_activity_write(&a->me, &p)) {
		err_set(&e, 403, "forbidden", "person", "record activity for this person", NULL);
		goto bad;
	}
	char *f = rec->fields ? json_dumps(rec->fields, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	x.fields = arena_strdup(a->arena, f ? f : "{}");
	free(f);
	int stored;
	if (store_activity_add(a->store, a->me.org_id, &x, a->clock.now, &stored, fatal))
		return -1;
	if (stored && rec->fields &&
	    measure_batch_add_json(b->measure, b->in->kind, x.person_id,
				   (day_t)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400)), rec->fields,
				   fatal))
		return -1;
	if (stored)
		b->out->stored++;
	else
		b->out->duplicates++;
	return 0;
bad:
	reject(a, b, i, &e);
	return 0;
}

static int batch_tx(struct app *a, void *arg, struct err *e)
{
	struct batch *b = arg;
	struct activity_batch_result *out = b->out;
	struct mind *inds;
	size_t ninds;
	if (measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ninds, e))
		return -1;
	b->measure = measure_batch_new(a->store, a->me.org_id, inds, ninds);
	for (size_t i = 0; i < b->in->n; i++) {
		out->read++;
		if (one_record(a, b, i, e))
			return -1;
	}
	if (measure_batch_flush(b->measure, e))
		return -1;
	if (out->nrejected && !b->in->keep_good)
		return err_set(e, 422, "invalid_value", "records", "records",
			       "some records are wrong: nothing was stored (see rejected)");
	/* the badges the new figures earn, in the same transaction */
	struct ids moved;
	measure_batch_people(b->measure, a->arena, &moved);
	struct app_touched t;
	if (app_touched_load(a, &moved, &t, e) || app_results_keep_tx(a, &t, b->in->kind, e) ||
	    app_badges_award_tx(a, &t, e) || app_challenges_keep_tx(a, &moved, b->in->kind, e))
		return -1;
	return app_audit(a, "activity", 0, "import", NULL,
			 json_pack("{s:s, s:I, s:I, s:I, s:I}", "kind", b->in->kind, "read",
				   (json_int_t)out->read, "stored", (json_int_t)out->stored,
				   "duplicates", (json_int_t)out->duplicates, "rejected",
				   (json_int_t)out->nrejected), e);
}

int app_activity_add(struct app *a, const struct activity_batch_input *in,
		     struct activity_batch_result *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	if (app_activity_check(a, e))
		return -1;
	if (!in->kind || !activity_kind_ok(in->kind))
		return err_set(e, 422, in->kind ? "invalid_value" : "missing_field", "kind", "kind",
			       "1 to 32 lower-case letters, digits or _ (call, sale, ticket...)");
	if (!in->records)
		return err_set(e, 422, "missing_field", "records", "records", NULL);
	if (in->n > ACTIVITY_BATCH_MAX)
		return err_set(e, 413, "invalid_value", "records", "records",
			       "10000 records per batch at most");
	/* challenges whose last day is over close before new records land */
	if (app_challenges_close_due(a, NULL, e))
		return -1;
	struct batch b = { in, out, 0, NULL };
	int rc = app_tx(a, batch_tx, &b, e);
	measure_batch_free(b.measure);
	if (rc)
		out->stored = out->duplicates = 0;
	return rc;
}
