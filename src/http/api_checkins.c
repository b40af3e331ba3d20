/* Check-ins over HTTP: an objective's check-ins, newest first, and a new one
 * by its owner or a manager, with the measured value of the moment. */
#include <string.h>
#include "app/measure.h"
#include "http/http.h"

json_t *json_checkin(const struct checkin *c)
{
	json_t *j = json_pack("{s:I, s:I, s:I, s:s?, s:s?, s:s, s:I}", "id", (json_int_t)c->id,
			      "objective_id", (json_int_t)c->objective_id, "author_id",
			      (json_int_t)c->author_id, "author_name", c->author_name, "confidence",
			      confidence_name(c->confidence), "comment", c->comment ? c->comment : "",
			      "created_at", (json_int_t)c->created_at);
	if (!json_object_get(j, "confidence"))
		json_object_set_new(j, "confidence", json_null());
	json_object_set_new(j, "value", c->has_value ? json_real(c->value) : json_null());
	json_object_set_new(j, "attainment",
			    c->has_attainment ? json_real(c->attainment) : json_null());
	return j;
}

/* characters of UTF-8 text (continuation bytes not counted) */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int checkins_create(struct req *r, id_t64 objective, const char *comment,
		    const char *confidence, struct checkin *out)
{
	struct objective o;
	if (store_objective_get(r->store, r->me.org_id, objective, &r->arena, &o, &r->err))
		return -1;
	if (!access_objective_read(&r->me, &o))
		return fail(r, 404, "not_found", NULL, "objective", NULL);
	if (!access_checkin_write(&r->me, &o))
		return forbidden(r, "check in on this objective");
	if (o.status == ST_CANCELLED)
		return fail(r, 409, "conflict", "objective", "the objective is cancelled", NULL);
	const char *p = comment;
	while (p && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	if (!p || !*p)
		return fail(r, 422, "missing_field", "comment", "comment", NULL);
	if (utf8_chars(comment) > CHECKIN_COMMENT_MAX)
		return fail(r, 422, "invalid_value", "comment", "comment", "2000 characters at most");
	struct checkin c;
	memset(&c, 0, sizeof(c));
	if (confidence && *confidence) {
		int k = confidence_parse(confidence);
		if (k < 0)
			return fail(r, 422, "invalid_value", "confidence", "confidence",
				    "on_track, at_risk or off_track");
		c.confidence = (enum confidence)k;
	}
	c.org_id = r->me.org_id;
	c.objective_id = o.id;
	c.author_id = r->me.person_id;
	c.comment = comment;
	c.created_at = r->now;
	/* the figures of the moment, kept with the words */
	struct org org;
	struct mind *inds;
	size_t ni;
	struct measured m;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err) ||
	    measure_indicators(r->store, r->me.org_id, &r->arena, &inds, &ni, &r->err) ||
	    measure_objective(r->store, &org, &o, measure_today(), B_MONTH, inds, ni, &r->arena,
			      &m, &r->err))
		return -1;
	c.has_value = m.has_value;
	c.value = m.value;
	c.has_attainment = m.has_progress;
	c.attainment = m.has_progress ? m.p.attainment : 0;
	if (store_begin(r->store, &r->err))
		return -1;
	if (store_checkin_create(r->store, &c, &c.id, &r->err) ||
	    audit_write(r, "objective", o.id, "checkin", NULL, json_checkin(&c)) ||
	    store_commit(r->store, &r->err)) {
		store_rollback(r->store);
		return -1;
	}
	c.author_name = NULL;
	struct person me;
	if (!store_person_get(r->store, r->me.org_id, r->me.person_id, &r->arena, &me, &r->err))
		c.author_name = me.name;
	*out = c;
	return 0;
}

static const struct jfield checkin_spec[] = {
	{ "comment", J_STRING, 0 }, { "confidence", J_STRING, 1 }, { NULL, 0, 0 } };

int api_checkins_create(struct req *r)
{
	json_t *body = req_json_object(r);
	if (!body)
		return -1;
	int rc = -1;
	const char *comment = NULL, *confidence = NULL;
	struct checkin c;
	if (json_check_shape(body, checkin_spec, &r->err))
		goto out;
	jget_str(body, "comment", &r->arena, &comment);
	jget_str(body, "confidence", &r->arena, &confidence);
	if (checkins_create(r, param_id(r, 0), comment, confidence, &c))
		goto out;
	rc = reply_json(r, 201, json_checkin(&c));
out:
	json_decref(body);
	return rc;
}

int api_checkins_list(struct req *r)
{
	struct objective o;
	if (store_objective_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &o, &r->err))
		return -1;
	if (!access_objective_read(&r->me, &o))
		return fail(r, 404, "not_found", NULL, "objective", NULL);
	size_t limit, offset, n, total;
	if (query_paging(r, &limit, &offset))
		return -1;
	struct checkin *v;
	if (store_checkin_list(r->store, r->me.org_id, o.id, limit, offset, &r->arena, &v, &n,
			       &total, &r->err))
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, json_checkin(&v[i]));
	return reply_page(r, items, total, limit, offset);
}
