/* Challenges (challenge.h): creation with its checks, the live board read
 * from the participants' kept figures (kept by the writes that move the
 * measure states: app_challenges_keep_tx), the close that freezes it, the
 * admin's re-run. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/challenge.h"
#include "app/export.h"
#include "app/measure.h"
#include "app/notify.h"
#include "app/badge.h"
#include "app/rhythm.h"

/* --- JSON form -------------------------------------------------------- */

static int bad_type(struct err *e, const char *field, const char *what)
{
	return err_set(e, 400, "invalid_type", field, field, what);
}

static int read_ids(json_t *arr, const char *field, struct arena *a, struct ids *out,
		    struct err *e)
{
	out->v = NULL;
	out->n = 0;
	if (!arr || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return bad_type(e, field, "an array of ids");
	size_t n = json_array_size(arr);
	if (n > CH_LIST_MAX)
		return err_set(e, 422, "ch_too_many", field, field, "500");
	out->v = arena_alloc(a, (n ? n : 1) * sizeof(id_t64));
	for (size_t i = 0; i < n; i++) {
		json_t *x = json_array_get(arr, i);
		if (!json_is_integer(x) || json_integer_value(x) < 1)
			return bad_type(e, field, "an array of ids");
		out->v[out->n++] = (id_t64)json_integer_value(x);
	}
	/* sorted, without repeats */
	for (size_t i = 1; i < out->n; i++)
		for (size_t j = i; j > 0 && out->v[j - 1] > out->v[j]; j--) {
			id_t64 t = out->v[j];
			out->v[j] = out->v[j - 1];
			out->v[j - 1] = t;
		}
	size_t k = 0;
	for (size_t i = 0; i < out->n; i++)
		if (!k || out->v[k - 1] != out->v[i])
			out->v[k++] = out->v[i];
	out->n = k;
	return 0;
}

static int check_keys(json_t *o, const char *const *allowed, const char *prefix, struct err *e)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		int ok = 0;
		for (size_t i = 0; allowed[i]; i++)
			ok |= !strcmp(k, allowed[i]);
		if (!ok) {
			char f[96];
			snprintf(f, sizeof(f), "%s%s", prefix, k);
			return err_set(e, 400, "unknown_field", f, f, NULL);
		}
	}
	return 0;
}

static const char *dup_str(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = arena_alloc(a, n);
	memcpy(d, s, n);
	return d;
}

static int read_enum(json_t *j, const char *k, int (*parse)(const char *), int dflt, int *out,
		     const char *allowed, struct err *e)
{
	json_t *v = json_object_get(j, k);
	if (!v || json_is_null(v)) {
		*out = dflt;
		return 0;
	}
	int x = json_is_string(v) ? parse(json_string_value(v)) : -1;
	if (x < 0)
		return err_set(e, 422, "invalid_choice", k, k, allowed);
	*out = x;
	return 0;
}

static int read_day(json_t *j, const char *k, day_t *out, struct err *e)
{
	json_t *v = json_object_get(j, k);
	if (!v || json_is_null(v))
		return err_set(e, 422, "missing_field", k, k, NULL);
	if (!json_is_string(v))
		return bad_type(e, k, "a date YYYY-MM-DD");
	if (date_parse_iso(json_string_value(v), out))
		return err_set(e, 422, "invalid_date", k, k, json_string_value(v));
	return 0;
}

static int read_num(json_t *v, const char *field, double *out, struct err *e)
{
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_number(v))
		return bad_type(e, field, "a number");
	*out = json_number_value(v);
	return 0;
}

static int read_prize(json_t *v, const char *field, struct arena *a, const char **out,
		      struct err *e)
{
	*out = NULL;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return bad_type(e, field, "text");
	if (strlen(json_string_value(v)) > CH_NAME_MAX)
		return err_set(e, 422, "ch_too_long", field, field, "120");
	*out = *json_string_value(v) ? dup_str(a, json_string_value(v)) : NULL;
	return 0;
}

int challenge_read_json(json_t *j, struct arena *a, struct challenge *c, struct err *e)
{
	static const char *const top[] = { "name", "start", "end", "rule", "mode", "team_score",
		"visibility", "indicators", "participants", "leagues", "rewards", NULL };
	memset(c, 0, sizeof(*c));
	c->kept_on = DAY_NONE;
	if (!json_is_object(j))
		return bad_type(e, "body", "an object");
	if (check_keys(j, top, "", e))
		return -1;
	json_t *v = json_object_get(j, "name");
	if (v && !json_is_null(v) && !json_is_string(v))
		return bad_type(e, "name", "text");
	c->name = v && json_is_string(v) ? dup_str(a, json_string_value(v)) : NULL;
	if (read_day(j, "start", &c->start, e) || read_day(j, "end", &c->end, e))
		return -1;
	int x;
	if (read_enum(j, "rule", rank_rule_parse, RANK_ATTAINMENT, &x,
		      "raw, attainment, improvement", e))
		return -1;
	c->rule = (enum rank_rule)x;
	if (read_enum(j, "mode", ch_mode_parse, CH_INDIVIDUAL, &x, "individual, team", e))
		return -1;
	c->mode = (enum ch_mode)x;
	if (read_enum(j, "team_score", team_agg_parse, TEAM_AVG, &x, "average, sum", e))
		return -1;
	c->team_score = (enum team_agg)x;
	if (read_enum(j, "visibility", ch_vis_parse, VIS_EVERYONE, &x,
		      "everyone, participants, managers", e))
		return -1;
	c->visibility = (enum ch_vis)x;

	json_t *inds = json_object_get(j, "indicators");
	if (!inds || json_is_null(inds) || (json_is_array(inds) && !json_array_size(inds)))
		return err_set(e, 422, "missing_field", "indicators", "indicators", NULL);
	if (!json_is_array(inds))
		return bad_type(e, "indicators", "an array");
	if (json_array_size(inds) > RANK_METRICS_MAX)
		return err_set(e, 422, "ch_too_many", "indicators", "indicators", "8");
	for (size_t i = 0; i < json_array_size(inds); i++) {
		static const char *const ik[] = { "key", "target", "weight", "better", NULL };
		json_t *d = json_array_get(inds, i);
		char pre[48], f[64];
		snprintf(pre, sizeof(pre), "indicators[%zu].", i);
		if (!json_is_object(d)) {
			snprintf(f, sizeof(f), "indicators[%zu]", i);
			return bad_type(e, f, "an object");
		}
		if (check_keys(d, ik, pre, e))
			return -1;
		struct ch_indicator *m = &c->ind[c->nind++];
		m->target = NAN;
		m->weight = 1;
		json_t *key = json_object_get(d, "key");
		snprintf(f, sizeof(f), "%skey", pre);
		if (!key || !json_is_string(key) || !*json_string_value(key))
			return err_set(e, 422, "missing_field", f, f, NULL);
		m->key = dup_str(a, json_string_value(key));
		snprintf(f, sizeof(f), "%starget", pre);
		if (read_num(json_object_get(d, "target"), f, &m->target, e))
			return -1;
		snprintf(f, sizeof(f), "%sweight", pre);
		if (read_num(json_object_get(d, "weight"), f, &m->weight, e))
			return -1;
		if (m->weight < 0 || !isfinite(m->weight))
			return err_set(e, 422, "ch_weight_negative", f, f, NULL);
		json_t *b = json_object_get(d, "better");
		snprintf(f, sizeof(f), "%sbetter", pre);
		if (b && !json_is_null(b)) {
			const char *s = json_is_string(b) ? json_string_value(b) : "";
			if (strcmp(s, "higher") && strcmp(s, "lower"))
				return err_set(e, 422, "invalid_choice", f, f, "higher, lower");
			m->lower_better = !strcmp(s, "lower");
			m->better_given = true;
		}
	}

	json_t *p = json_object_get(j, "participants");
	if (p && !json_is_null(p)) {
		static const char *const pk[] = { "people", "teams", "units", "jobs", NULL };
		if (!json_is_object(p))
			return bad_type(e, "participants", "an object");
		if (check_keys(p, pk, "participants.", e) ||
		    read_ids(json_object_get(p, "people"), "participants.people", a, &c->people, e) ||
		    read_ids(json_object_get(p, "teams"), "participants.teams", a, &c->teams, e) ||
		    read_ids(json_object_get(p, "units"), "participants.units", a, &c->units, e))
			return -1;
		json_t *jobs = json_object_get(p, "jobs");
		if (jobs && !json_is_null(jobs)) {
			if (!json_is_array(jobs) || json_array_size(jobs) > CH_LIST_MAX)
				return bad_type(e, "participants.jobs", "an array of text");
			c->jobs = arena_alloc(a, (json_array_size(jobs) + 1) * sizeof(char *));
			for (size_t i = 0; i < json_array_size(jobs); i++) {
				json_t *s = json_array_get(jobs, i);
				if (!json_is_string(s) || !*json_string_value(s))
					return bad_type(e, "participants.jobs", "an array of text");
				c->jobs[c->njobs++] = dup_str(a, json_string_value(s));
			}
		}
	}

	json_t *l = json_object_get(j, "leagues");
	if (l && !json_is_null(l)) {
		static const char *const lk[] = { "by", "bounds_months", NULL };
		if (!json_is_object(l))
			return bad_type(e, "leagues", "an object");
		if (check_keys(l, lk, "leagues.", e) ||
		    read_enum(l, "by", ch_league_parse, LG_NONE, &x, "none, seniority, job", e))
			return -1;
		c->league = (enum ch_league)x;
		json_t *bm = json_object_get(l, "bounds_months");
		if (bm && !json_is_null(bm)) {
			if (!json_is_array(bm) || json_array_size(bm) > CH_BOUNDS_MAX)
				return bad_type(e, "leagues.bounds_months", "an array of at most 4 months");
			for (size_t i = 0; i < json_array_size(bm); i++) {
				json_t *m = json_array_get(bm, i);
				if (!json_is_integer(m))
					return bad_type(e, "leagues.bounds_months", "an array of months");
				int mo = (int)json_integer_value(m);
				if (mo < 1 || mo > 600 || (i && mo <= c->bounds[i - 1]))
					return err_set(e, 422, "ch_bounds", "leagues.bounds_months",
						       NULL, NULL);
				c->bounds[c->nbounds++] = mo;
			}
		}
		if (c->league == LG_SENIORITY && !c->nbounds)
			return err_set(e, 422, "ch_bounds", "leagues.bounds_months", NULL, NULL);
	}

	json_t *rw = json_object_get(j, "rewards");
	if (rw && !json_is_null(rw)) {
		static const char *const rk[] = { "ranks", "threshold", NULL };
		if (!json_is_object(rw))
			return bad_type(e, "rewards", "an object");
		if (check_keys(rw, rk, "rewards.", e))
			return -1;
		json_t *ranks = json_object_get(rw, "ranks");
		if (ranks && !json_is_null(ranks)) {
			if (!json_is_array(ranks) || json_array_size(ranks) > CH_RANKS_MAX)
				return bad_type(e, "rewards.ranks", "an array of at most 10 rewards");
			for (size_t i = 0; i < json_array_size(ranks); i++) {
				static const char *const k2[] = { "points", "prize", NULL };
				json_t *r1 = json_array_get(ranks, i);
				char pre[48], f[64];
				snprintf(pre, sizeof(pre), "rewards.ranks[%zu].", i);
				if (!json_is_object(r1))
					return bad_type(e, "rewards.ranks", "an array of objects");
				struct ch_reward *w = &c->ranks[c->nranks++];
				snprintf(f, sizeof(f), "%spoints", pre);
				if (check_keys(r1, k2, pre, e) ||
				    read_num(json_object_get(r1, "points"), f, &w->points, e))
					return -1;
				snprintf(f, sizeof(f), "%sprize", pre);
				if (read_prize(json_object_get(r1, "prize"), f, a, &w->prize, e))
					return -1;
			}
		}
		json_t *th = json_object_get(rw, "threshold");
		if (th && !json_is_null(th)) {
			static const char *const k3[] = { "score", "points", "prize", NULL };
			if (!json_is_object(th))
				return bad_type(e, "rewards.threshold", "an object");
			if (check_keys(th, k3, "rewards.threshold.", e) ||
			    read_num(json_object_get(th, "score"), "rewards.threshold.score",
				     &c->threshold, e) ||
			    read_num(json_object_get(th, "points"), "rewards.threshold.points",
				     &c->threshold_points, e) ||
			    read_prize(json_object_get(th, "prize"), "rewards.threshold.prize", a,
				       &c->threshold_prize, e))
				return -1;
			if (!(c->threshold > 0))
				return err_set(e, 422, "ch_threshold", "rewards.threshold.score", NULL,
					       NULL);
		}
	}
	return 0;
}

static json_t *ids_json(const struct ids *s)
{
	json_t *a = json_array();
	for (size_t i = 0; i < s->n; i++)
		json_array_append_new(a, json_integer((json_int_t)s->v[i]));
	return a;
}

static json_t *num_or_null(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *day_json(day_t d)
{
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

/* the spec: what the store keeps as one document */
static json_t *spec_json(const struct challenge *c)
{
	json_t *inds = json_array();
	for (size_t i = 0; i < c->nind; i++) {
		const struct ch_indicator *m = &c->ind[i];
		json_t *o = json_pack("{s:s, s:o, s:f, s:s}", "key", m->key, "target",
				      num_or_null(m->target), "weight", m->weight, "better",
				      m->lower_better ? "lower" : "higher");
		if (m->name)
			json_object_set_new(o, "name", json_string(m->name));
		if (m->unit)
			json_object_set_new(o, "unit", json_string(m->unit));
		json_array_append_new(inds, o);
	}
	json_t *jobs = json_array();
	for (size_t i = 0; i < c->njobs; i++)
		json_array_append_new(jobs, json_string(c->jobs[i]));
	json_t *bounds = json_array();
	for (size_t i = 0; i < c->nbounds; i++)
		json_array_append_new(bounds, json_integer(c->bounds[i]));
	json_t *ranks = json_array();
	for (size_t i = 0; i < c->nranks; i++)
		json_array_append_new(ranks, json_pack("{s:f, s:s?}", "points", c->ranks[i].points,
						       "prize", c->ranks[i].prize));
	json_t *th = c->threshold > 0
		? json_pack("{s:f, s:f, s:s?}", "score", c->threshold, "points",
			    c->threshold_points, "prize", c->threshold_prize)
		: json_null();
	return json_pack("{s:o, s:{s:o, s:o, s:o, s:o}, s:{s:s, s:o}, s:{s:o, s:o}}",
			 "indicators", inds, "participants", "people", ids_json(&c->people),
			 "teams", ids_json(&c->teams), "units", ids_json(&c->units), "jobs", jobs,
			 "leagues", "by", ch_league_name(c->league), "bounds_months", bounds,
			 "rewards", "ranks", ranks, "threshold", th);
}

json_t *challenge_json(const struct challenge *c)
{
	json_t *j = spec_json(c);
	/* rank rewards: prize null rather than absent */
	json_t *ranks = json_object_get(json_object_get(j, "rewards"), "ranks");
	for (size_t i = 0; i < json_array_size(ranks); i++)
		if (!json_object_get(json_array_get(ranks, i), "prize"))
			json_object_set_new(json_array_get(ranks, i), "prize", json_null());
	json_t *th = json_object_get(json_object_get(j, "rewards"), "threshold");
	if (json_is_object(th) && !json_object_get(th, "prize"))
		json_object_set_new(th, "prize", json_null());
	json_object_set_new(j, "id", json_integer((json_int_t)c->id));
	json_object_set_new(j, "name", json_string(c->name));
	json_object_set_new(j, "start", day_json(c->start));
	json_object_set_new(j, "end", day_json(c->end));
	json_object_set_new(j, "rule", json_string(rank_rule_name(c->rule)));
	json_object_set_new(j, "mode", json_string(ch_mode_name(c->mode)));
	json_object_set_new(j, "team_score", json_string(team_agg_name(c->team_score)));
	json_object_set_new(j, "visibility", json_string(ch_vis_name(c->visibility)));
	json_object_set_new(j, "status", json_string(c->closed ? "closed" : "open"));
	json_object_set_new(j, "created_by",
			    c->created_by ? json_integer((json_int_t)c->created_by) : json_null());
	json_object_set_new(j, "created_at", json_integer((json_int_t)c->created_at));
	return j;
}

static int from_row(const struct challenge_row *r, struct arena *a, struct challenge *c,
		    struct err *e)
{
	json_error_t je;
	json_t *spec = json_loads(r->spec ? r->spec : "{}", 0, &je);
	if (!spec)
		return err_set(e, 500, "internal", NULL, "challenge spec", NULL);
	/* the scalar fields come from the row; the spec has the rest */
	json_object_set_new(spec, "start", day_json(r->start));
	json_object_set_new(spec, "end", day_json(r->end));
	/* stored extras of each indicator (name, unit) are read back below */
	json_t *inds = json_object_get(spec, "indicators");
	const char *names[RANK_METRICS_MAX] = { 0 }, *units[RANK_METRICS_MAX] = { 0 };
	for (size_t i = 0; i < json_array_size(inds) && i < RANK_METRICS_MAX; i++) {
		json_t *d = json_array_get(inds, i);
		names[i] = dup_str(a, json_string_value(json_object_get(d, "name")));
		units[i] = dup_str(a, json_string_value(json_object_get(d, "unit")));
		json_object_del(d, "name");
		json_object_del(d, "unit");
	}
	int rc = challenge_read_json(spec, a, c, e);
	json_decref(spec);
	if (rc)
		return err_set(e, 500, "internal", NULL, "challenge spec", NULL);
	for (size_t i = 0; i < c->nind; i++) {
		c->ind[i].name = names[i];
		c->ind[i].unit = units[i];
	}
	c->id = r->id;
	c->name = r->name;
	c->rule = (enum rank_rule)(rank_rule_parse(r->rule) < 0 ? 0 : rank_rule_parse(r->rule));
	c->mode = (enum ch_mode)(ch_mode_parse(r->mode) < 0 ? 0 : ch_mode_parse(r->mode));
	c->team_score = (enum team_agg)(team_agg_parse(r->team_score) < 0 ? 0
					: team_agg_parse(r->team_score));
	c->visibility = (enum ch_vis)(ch_vis_parse(r->visibility) < 0 ? 0
				      : ch_vis_parse(r->visibility));
	c->closed = r->status && !strcmp(r->status, "closed");
	c->created_by = r->created_by;
	c->created_at = r->created_at;
	c->kept_on = r->kept_on;
	return 0;
}

/* --- participants ------------------------------------------------------ */

struct cast {
	struct person *people;  /* the participants, by id */
	size_t n;
	struct unit *units;     /* the organisation's units */
	size_t nunits;
};

static int cmp_id(const void *a, const void *b)
{
	id_t64 x = *(const id_t64 *)a, y = *(const id_t64 *)b;
	return x < y ? -1 : x > y;
}

static int cmp_unit(const void *a, const void *b)
{
	id_t64 x = ((const struct unit *)a)->id, y = ((const struct unit *)b)->id;
	return x < y ? -1 : x > y;
}

static bool has_job(const struct challenge *c, const char *job)
{
	for (size_t i = 0; i < c->njobs; i++)
		if (job && !strcmp(c->jobs[i], job))
			return true;
	return false;
}

static int cast_of(struct app *a, const struct challenge *c, struct cast *out, struct err *e)
{
	memset(out, 0, sizeof(*out));
	struct person_filter f;
	memset(&f, 0, sizeof(f));
	f.active = 1;
	struct person *all;
	size_t n;
	if (store_person_list(a->store, a->me.org_id, &f, a->arena, &all, &n, NULL, e) ||
	    store_unit_list(a->store, a->me.org_id, a->arena, &out->units, &out->nunits, e))
		return -1;
	qsort(out->units, out->nunits, sizeof(*out->units), cmp_unit);
	/* the units whose members take part: the teams' and units' subtrees */
	struct ids within = { NULL, 0 };
	size_t cap = 0;
	const struct ids *lists[2] = { &c->teams, &c->units };
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			struct ids sub;
			if (store_unit_subtree(a->store, a->me.org_id, lists[l]->v[i], a->arena, &sub, e))
				return -1;
			for (size_t k = 0; k < sub.n; k++)
				*(id_t64 *)arena_push(a->arena, (void **)&within.v, &within.n, &cap,
						      sizeof(id_t64)) = sub.v[k];
		}
	qsort(within.v, within.n, sizeof(id_t64), cmp_id);
	bool any_units = c->teams.n || c->units.n;
	out->people = arena_alloc(a->arena, (n ? n : 1) * sizeof(*out->people));
	for (size_t i = 0; i < n; i++) {
		const struct person *p = &all[i];
		bool in = ids_contains(&c->people, p->id);
		if (!in && any_units) {
			bool under = ids_contains(&within, p->unit_id);
			in = under && (!c->njobs || has_job(c, p->job));
		} else if (!in && c->njobs)
			in = has_job(c, p->job);
		if (in)
			out->people[out->n++] = *p;
	}
	return 0;
}

static bool cast_has(const struct cast *k, id_t64 person)
{
	size_t lo = 0, hi = k->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (k->people[mid].id < person)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < k->n && k->people[lo].id == person;
}

static long cast_index(const struct cast *k, id_t64 person)
{
	size_t lo = 0, hi = k->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (k->people[mid].id < person)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < k->n && k->people[lo].id == person ? (long)lo : -1;
}

static bool cast_managed(const struct app *a, const struct cast *k)
{
	if (a->me.role != ROLE_MANAGER)
		return false;
	for (size_t i = 0; i < k->n; i++)
		if (idset_has(&a->me.managed, k->people[i].unit_id))
			return true;
	return false;
}

/* k->units sorted by id (cast_of) */
static const char *unit_name(const struct cast *k, id_t64 id)
{
	size_t lo = 0, hi = k->nunits;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (k->units[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < k->nunits && k->units[lo].id == id ? k->units[lo].name : NULL;
}

/* --- creation ---------------------------------------------------------- */

static int keep_all(struct app *a, struct challenge *c, const struct cast *k, day_t as_of,
		    const struct mind *inds, size_t ni, struct err *e);

struct create_ctx {
	struct challenge *c;
	const struct cast *k;
};

static int do_create(struct app *a, void *arg, struct err *e)
{
	struct create_ctx *x = arg;
	struct challenge *c = x->c;
	json_t *spec = spec_json(c);
	char *text = json_dumps(spec, JSON_COMPACT);
	json_decref(spec);
	if (!text)
		return err_set(e, 500, "internal", NULL, "challenge", NULL);
	struct challenge_row row;
	memset(&row, 0, sizeof(row));
	row.org_id = a->me.org_id;
	row.name = c->name;
	row.start = c->start;
	row.end = c->end;
	row.rule = rank_rule_name(c->rule);
	row.mode = ch_mode_name(c->mode);
	row.team_score = team_agg_name(c->team_score);
	row.visibility = ch_vis_name(c->visibility);
	row.spec = text;
	row.created_by = a->me.person_id;
	row.created_at = a->clock.now;
	int rc = store_challenge_create(a->store, &row, &c->id, e);
	free(text);
	if (rc)
		return -1;
	c->created_by = a->me.person_id;
	c->created_at = a->clock.now;
	/* the figures kept from the start: the first board reads them */
	day_t as_of = a->clock.today < c->end ? a->clock.today : c->end;
	struct mind *inds;
	size_t ni;
	if (as_of >= c->start &&
	    (measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	     keep_all(a, c, x->k, as_of, inds, ni, e)))
		return -1;
	return app_audit(a, "challenge", c->id, "create", NULL, challenge_json(c), e);
}

int app_challenge_create(struct app *a, const struct challenge *in, struct challenge *out,
			 struct err *e)
{
	if (!access_challenge_create(&a->me))
		return err_set(e, 403, "forbidden", NULL, "create a challenge", NULL);
	struct challenge c = *in;
	while (c.name && *c.name == ' ')
		c.name++;
	if (!c.name || !*c.name)
		return err_set(e, 422, "missing_field", "name", "name", NULL);
	if (strlen(c.name) > CH_NAME_MAX)
		return err_set(e, 422, "ch_too_long", "name", "name", "120");
	if (c.end < c.start) {
		char s0[11], s1[11];
		date_format_iso(c.start, s0);
		date_format_iso(c.end, s1);
		return err_set(e, 422, "ch_period_reversed", "end", s0, s1);
	}
	if (c.end - c.start > 366)
		return err_set(e, 422, "ch_period_long", "end", NULL, NULL);
	/* indicators: known, rankable live, a target for the raw rule, weights */
	struct mind *inds;
	size_t ni;
	if (measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e))
		return -1;
	double wsum = 0;
	for (size_t i = 0; i < c.nind; i++) {
		struct ch_indicator *m = &c.ind[i];
		char f[48];
		snprintf(f, sizeof(f), "indicators[%zu].key", i);
		const struct mind *d = measure_find(inds, ni, m->key);
		if (!d)
			return err_set(e, 422, "ch_indicator_unknown", f, m->key, NULL);
		if (!d->ok || !d->prog.mergeable)
			return err_set(e, 422, "ch_indicator_unrankable", f, m->key, NULL);
		for (size_t k = 0; k < i; k++)
			if (!strcmp(c.ind[k].key, m->key))
				return err_set(e, 422, "ch_indicator_twice", f, m->key, NULL);
		if (c.rule == RANK_RAW && !(m->target > 0)) {
			snprintf(f, sizeof(f), "indicators[%zu].target", i);
			return err_set(e, 422, "ch_target_required", f, m->key, NULL);
		}
		if (!m->better_given && d->row.unit && !strcmp(d->row.unit, "s"))
			m->lower_better = true;  /* a duration: handling time, speed of answer */
		m->better_given = true;
		m->name = a->lang == LANG_EN ? d->row.name_en : d->row.name_fr;
		m->unit = d->row.unit;
		wsum += m->weight;
	}
	if (!(wsum > 0))
		return err_set(e, 422, "ch_weights_zero", "indicators", NULL, NULL);
	if (c.mode == CH_TEAM && !c.teams.n)
		return err_set(e, 422, "ch_teams_required", "participants.teams", NULL, NULL);
	if (c.mode == CH_TEAM && c.league != LG_NONE)
		return err_set(e, 422, "ch_team_leagues", "leagues.by", NULL, NULL);
	/* participants: they exist, and are within the creator's reach */
	if (!c.people.n && !c.teams.n && !c.units.n && !c.njobs)
		return err_set(e, 422, "missing_field", "participants", "participants", NULL);
	for (size_t i = 0; i < c.people.n; i++) {
		struct person p;
		struct err pe;
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)c.people.v[i]);
		if (store_person_get(a->store, a->me.org_id, c.people.v[i], a->arena, &p, &pe))
			return err_set(e, 422, "unknown_reference", "participants.people",
				       "participants.people", id);
		if (!access_challenge_reach_unit(&a->me, p.unit_id))
			return err_set(e, 422, "ch_out_of_reach", "participants.people", p.name, NULL);
	}
	const struct ids *lists[2] = { &c.teams, &c.units };
	const char *fields[2] = { "participants.teams", "participants.units" };
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; i < lists[l]->n; i++) {
			struct unit u;
			struct err pe;
			char id[24];
			snprintf(id, sizeof(id), "%lld", (long long)lists[l]->v[i]);
			if (store_unit_get(a->store, a->me.org_id, lists[l]->v[i], a->arena, &u, &pe))
				return err_set(e, 422, "unknown_reference", fields[l], fields[l], id);
			if (!access_challenge_reach_unit(&a->me, u.id))
				return err_set(e, 422, "ch_out_of_reach", fields[l], u.name, NULL);
		}
	if (c.njobs && !c.teams.n && !c.units.n && a->me.role != ROLE_ADMIN)
		return err_set(e, 422, "ch_out_of_reach", "participants.jobs", c.jobs[0], NULL);
	struct cast k;
	if (cast_of(a, &c, &k, e))
		return -1;
	if (!k.n)
		return err_set(e, 422, "ch_no_participant", "participants", NULL, NULL);
	struct create_ctx x = { &c, &k };
	if (app_tx(a, do_create, &x, e))
		return -1;
	*out = c;
	return 0;
}

/* --- reading ----------------------------------------------------------- */

static int load(struct app *a, id_t64 id, struct challenge *c, struct cast *k, struct err *e)
{
	struct challenge_row row;
	if (store_challenge_get(a->store, a->me.org_id, id, a->arena, &row, e) ||
	    from_row(&row, a->arena, c, e) || cast_of(a, c, k, e))
		return -1;
	if (!access_challenge_read(&a->me, c->visibility, cast_has(k, a->me.person_id),
				   cast_managed(a, k), c->created_by))
		return err_set(e, 404, "not_found", NULL, "challenge", NULL);
	return 0;
}

int app_challenge_get(struct app *a, id_t64 id, struct challenge *out, struct err *e)
{
	struct cast k;
	return load(a, id, out, &k, e);
}

int app_challenge_list(struct app *a, struct challenge **out, size_t *n, struct err *e)
{
	struct challenge_row *rows;
	size_t nr;
	if (store_challenge_list(a->store, a->me.org_id, a->arena, &rows, &nr, e))
		return -1;
	struct challenge *v = arena_alloc(a->arena, (nr ? nr : 1) * sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < nr; i++) {
		struct cast cast;
		if (from_row(&rows[i], a->arena, &v[k], e) || cast_of(a, &v[k], &cast, e))
			return -1;
		if (access_challenge_read(&a->me, v[k].visibility, cast_has(&cast, a->me.person_id),
					  cast_managed(a, &cast), v[k].created_by))
			k++;
	}
	*out = v;
	*n = k;
	return 0;
}

/* --- the board --------------------------------------------------------- */

/* One scan of each indicator's states over the period: everyone's value up
 * to as_of, and up to the day before (yesterday's board). */
struct gather {
	const struct ids *people;  /* sorted */
	const struct indicator *prog;
	size_t len;
	double *now, *prev;  /* n * len states each */
	day_t yesterday;
};

static int on_state(void *ctx, id_t64 person, day_t day, const double *st, size_t n)
{
	struct gather *g = ctx;
	if (n != g->len)
		return 0;
	long i = ids_index(g->people, person);
	if (i < 0)
		return 0;
	indicator_state_merge(g->prog, g->now + (size_t)i * g->len, st);
	if (day <= g->yesterday)
		indicator_state_merge(g->prog, g->prev + (size_t)i * g->len, st);
	return 0;
}

/* Each participant's own objective on indicator j over the period: the one
 * that covers most of it. A cumulative indicator's target and baseline (a
 * count, a sum) are prorated to the days the challenge shares with the
 * objective, so that a month's challenge on a quarter's objective compares
 * a month with a month, and scored against that target alone (a volume
 * starts from zero); a rate (a share, an average) is kept as it is and runs
 * from its baseline to its target.
 * Without an own objective, the challenge's target stands in (no baseline). */
static void own_targets(const struct challenge *c, size_t j, bool cumulative,
			const struct own_target_row *objs, size_t nobj, const struct cast *k,
			struct rank_entry *v)
{
	int *best = calloc(k->n ? k->n : 1, sizeof(int));
	if (!best)
		return;
	for (size_t i = 0; i < nobj; i++) {
		const struct own_target_row *o = &objs[i];
		if (o->start == DAY_NONE || o->due == DAY_NONE || o->due < o->start)
			continue;
		long p = cast_index(k, o->person);
		if (p < 0)
			continue;
		day_t from = o->start > c->start ? o->start : c->start;
		day_t to = o->due < c->end ? o->due : c->end;
		int overlap = to >= from ? (int)(to - from + 1) : 0;
		if (overlap <= best[p])
			continue;
		best[p] = overlap;
		double share = cumulative ? (double)overlap / (double)(o->due - o->start + 1) : 1;
		v[p].own_target[j] = o->target * share;
		/* a volume starts from zero in the period: it is measured against
		 * the target alone; a rate runs from its baseline to its target */
		v[p].baseline[j] = o->has_baseline && !cumulative ? o->baseline : NAN;
	}
	for (size_t p = 0; p < k->n; p++)
		if (!best[p] && c->ind[j].target > 0) {
			v[p].own_target[j] = c->ind[j].target;
			v[p].baseline[j] = NAN;
		}
	free(best);
}

static void league_names(struct app *a, struct board *b, const struct cast *k, int *league_of)
{
	const struct challenge *c = &b->c;
	bool fr = a->lang == LANG_FR;
	if (c->mode == CH_TEAM || c->league == LG_NONE) {
		b->nleagues = 1;
		b->league_names = arena_alloc(a->arena, sizeof(char *));
		b->league_names[0] = fr ? "Tous" : "Everyone";
		for (size_t i = 0; i < k->n; i++)
			league_of[i] = 0;
		return;
	}
	if (c->league == LG_SENIORITY) {
		b->nleagues = (int)c->nbounds + 1;
		b->league_names = arena_alloc(a->arena, (size_t)b->nleagues * sizeof(char *));
		for (int l = 0; l < b->nleagues; l++) {
			char *s = arena_alloc(a->arena, 96);
			if (l == 0)
				snprintf(s, 96, fr ? "Moins de %d mois d'ancienneté" : "Under %d months in the job",
					 c->bounds[0]);
			else if (l == b->nleagues - 1)
				snprintf(s, 96, fr ? "%d mois d'ancienneté et plus" : "%d months in the job or more",
					 c->bounds[l - 1]);
			else
				snprintf(s, 96, fr ? "De %d à %d mois d'ancienneté" : "%d to %d months in the job",
					 c->bounds[l - 1], c->bounds[l]);
			b->league_names[l] = s;
		}
		for (size_t i = 0; i < k->n; i++)
			league_of[i] = rank_league_by_seniority(k->people[i].hired_on, c->start,
								c->bounds, c->nbounds);
		return;
	}
	/* by job: one league per job, in alphabetical order */
	const char **jobs = arena_alloc(a->arena, (k->n + 1) * sizeof(char *));
	size_t nj = 0;
	for (size_t i = 0; i < k->n; i++) {
		const char *jb = k->people[i].job && *k->people[i].job ? k->people[i].job
				 : (fr ? "Sans métier" : "No job");
		size_t p = 0;
		while (p < nj && strcmp(jobs[p], jb) < 0)
			p++;
		if (p < nj && !strcmp(jobs[p], jb))
			continue;
		memmove(jobs + p + 1, jobs + p, (nj - p) * sizeof(char *));
		jobs[p] = jb;
		nj++;
	}
	for (size_t i = 0; i < k->n; i++) {
		const char *jb = k->people[i].job && *k->people[i].job ? k->people[i].job
				 : (fr ? "Sans métier" : "No job");
		for (size_t p = 0; p < nj; p++)
			if (!strcmp(jobs[p], jb))
				league_of[i] = (int)p;
	}
	b->nleagues = (int)nj;
	b->league_names = jobs;
}

static void rewards(const struct challenge *c, struct board_row *r)
{
	double pts[CH_RANKS_MAX];
	for (size_t i = 0; i < c->nranks; i++)
		pts[i] = c->ranks[i].points;
	r->points = rank_reward(r->rank, r->score, pts, c->nranks, c->threshold,
				c->threshold_points);
	r->prize = NULL;
	if (r->rank >= 1 && (size_t)r->rank <= c->nranks)
		r->prize = c->ranks[r->rank - 1].prize;
	if (!r->prize && c->threshold > 0 && r->scored && r->score >= c->threshold - RANK_EPSILON)
		r->prize = c->threshold_prize;
}

static void row_of(const struct rank_entry *x, const char *name, id_t64 team, size_t nm,
		   struct board_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = x->id;
	r->name = name;
	r->team_id = team;
	r->league = x->league;
	r->rank = x->rank;
	r->scored = x->scored;
	r->score = x->scored ? x->score : NAN;
	for (size_t j = 0; j < RANK_METRICS_MAX; j++) {
		r->value[j] = j < nm ? x->value[j] : NAN;
		r->own_target[j] = j < nm ? x->own_target[j] : NAN;
	}
}

/* The figures of people (sorted ids) on each of c's indicators from the
 * measure states: over [start, as_of] (v) and [start, as_of - 1] (y); NaN
 * without any, or when the indicator can no longer be measured. out[i] is
 * people->v[i]'s. */
static int scan_figures(struct app *a, const struct challenge *c, const struct ids *people,
			day_t as_of, const struct mind *inds, size_t ni,
			struct challenge_score_row *out, struct err *e)
{
	size_t n = people->n;
	for (size_t i = 0; i < n; i++) {
		out[i].person = people->v[i];
		for (size_t j = 0; j < CH_SLOTS; j++)
			out[i].v[j] = out[i].y[j] = NAN;
	}
	for (size_t j = 0; j < c->nind && n; j++) {
		const struct mind *m = measure_find(inds, ni, c->ind[j].key);
		if (!m || !m->ok || !m->prog.mergeable)
			continue;  /* the indicator changed since: no figure */
		struct gather g = { people, &m->prog, indicator_state_len(&m->prog), NULL, NULL,
				    as_of - 1 };
		g.now = malloc((n + 1) * g.len * sizeof(double));
		g.prev = malloc((n + 1) * g.len * sizeof(double));
		if (!g.now || !g.prev) {
			free(g.now);
			free(g.prev);
			return err_set(e, 500, "internal", NULL, "out of memory", NULL);
		}
		for (size_t i = 0; i < n; i++) {
			indicator_state_init(&m->prog, g.now + i * g.len);
			indicator_state_init(&m->prog, g.prev + i * g.len);
		}
		int rc = store_measure_scan(a->store, m->row.id, people, c->start, as_of, on_state,
					    &g, e);
		for (size_t i = 0; !rc && i < n; i++) {
			out[i].v[j] = indicator_value(&m->prog, g.now + i * g.len);
			out[i].y[j] = indicator_value(&m->prog, g.prev + i * g.len);
		}
		free(g.now);
		free(g.prev);
		if (rc)
			return -1;
	}
	return 0;
}

static struct ids cast_ids(struct app *a, const struct cast *k)
{
	struct ids people = { arena_alloc(a->arena, (k->n + 1) * sizeof(id_t64)), k->n };
	for (size_t i = 0; i < k->n; i++)
		people.v[i] = k->people[i].id;
	return people;
}

/* The participants' figures (out[i] is k->people[i]'s): the kept rows when
 * they are kept for as_of, and the participants without a row (joined since
 * they were kept) scanned; otherwise (or fresh) all scanned. With missing
 * (may be NULL), the participants scanned for want of a row: their ids and
 * their indices in the cast (*at), empty when all were scanned. */
static int figures(struct app *a, const struct challenge *c, const struct cast *k, day_t as_of,
		   bool fresh, const struct mind *inds, size_t ni, struct challenge_score_row **out,
		   struct ids *missing_out, size_t **at_out, struct err *e)
{
	size_t n = k->n;
	struct challenge_score_row *fig = arena_alloc(a->arena, (n + 1) * sizeof(*fig));
	*out = fig;
	if (missing_out) {
		missing_out->v = NULL;
		missing_out->n = 0;
		*at_out = NULL;
	}
	struct ids people = cast_ids(a, k);
	if (fresh || c->kept_on == DAY_NONE || c->kept_on != as_of)
		return scan_figures(a, c, &people, as_of, inds, ni, fig, e);
	struct challenge_score_row *kept;
	size_t nk;
	if (store_challenge_scores(a->store, a->me.org_id, c->id, a->arena, &kept, &nk, e))
		return -1;
	/* both by person id: one walk; the missing ones gathered */
	struct ids missing = { arena_alloc(a->arena, (n + 1) * sizeof(id_t64)), 0 };
	size_t *at = arena_alloc(a->arena, (n + 1) * sizeof(size_t));
	for (size_t i = 0, q = 0; i < n; i++) {
		while (q < nk && kept[q].person < people.v[i])
			q++;
		if (q < nk && kept[q].person == people.v[i])
			fig[i] = kept[q];
		else {
			at[missing.n] = i;
			missing.v[missing.n++] = people.v[i];
		}
	}
	if (missing_out) {
		*missing_out = missing;
		*at_out = at;
	}
	if (!missing.n)
		return 0;
	struct challenge_score_row *more = arena_alloc(a->arena, (missing.n + 1) * sizeof(*more));
	if (scan_figures(a, c, &missing, as_of, inds, ni, more, e))
		return -1;
	for (size_t q = 0; q < missing.n; q++)
		fig[at[q]] = more[q];
	return 0;
}

/* What a board is made of besides the figures: the cast, the leagues, the
 * metrics, each participant's own targets (v and y alike), the teams; and
 * the entries ranked once the figures are in. What a server keeps of a board
 * between reads (the kept boards below); made afresh by compute(). */
struct board_base {
	struct cast k;
	int nleagues;
	const char **league_names;
	struct rank_metric rm[RANK_METRICS_MAX];
	struct rank_entry *v, *y;  /* today's and yesterday's, k.n each */
	size_t *order, *yorder;    /* as rank_compute sorts them */
	size_t nt;
	id_t64 *tid;               /* the distinct teams, sorted */
	int *member_team;          /* k.n: a participant's index in tid, or -1 */
	struct ids missing;        /* participants without a kept row (scanned) */
	size_t *missing_at;        /* their indices in the cast */
};

static int base_make(struct app *a, const struct challenge *c, const struct cast *k,
		     const struct mind *inds, size_t ni, struct board_base *p, struct err *e)
{
	memset(p, 0, sizeof(*p));
	p->k = *k;
	size_t n = k->n, nm = c->nind;
	struct rank_entry *v = arena_alloc(a->arena, (n + 1) * sizeof(*v));
	struct rank_entry *y = arena_alloc(a->arena, (n + 1) * sizeof(*y));
	int *league_of = arena_alloc(a->arena, (n + 1) * sizeof(int));
	struct board lb;
	memset(&lb, 0, sizeof(lb));
	lb.c = *c;
	league_names(a, &lb, k, league_of);
	p->nleagues = lb.nleagues;
	p->league_names = lb.league_names;
	for (size_t i = 0; i < n; i++) {
		v[i].id = k->people[i].id;
		v[i].league = league_of[i];
		for (size_t j = 0; j < RANK_METRICS_MAX; j++)
			v[i].value[j] = v[i].own_target[j] = v[i].baseline[j] = NAN;
	}
	for (size_t j = 0; j < nm; j++) {
		p->rm[j].lower_better = c->ind[j].lower_better;
		p->rm[j].target = c->rule == RANK_RAW ? c->ind[j].target : 1;
		p->rm[j].weight = c->ind[j].weight > 0 ? c->ind[j].weight : 1e-12;
	}
	for (size_t j = 0; j < nm && c->rule != RANK_RAW; j++) {
		const struct mind *m = measure_find(inds, ni, c->ind[j].key);
		if (!m || !m->ok || !m->prog.mergeable)
			continue;  /* the indicator changed since: no figure */
		struct own_target_row *objs;
		size_t nobj;
		if (store_challenge_own_targets(a->store, a->me.org_id, c->ind[j].key, c->start,
						c->end, a->arena, &objs, &nobj, e))
			return -1;
		own_targets(c, j, m->prog.cumulative, objs, nobj, k, v);
	}
	for (size_t i = 0; i < n; i++)
		y[i] = v[i];
	p->v = v;
	p->y = y;
	p->order = arena_alloc(a->arena, (n + 1) * sizeof(size_t));
	p->yorder = arena_alloc(a->arena, (n + 1) * sizeof(size_t));
	/* the teams: the participants' units (individual mode), or the listed
	 * teams, each member counted in the first listed team above them */
	size_t nt = 0;
	id_t64 *tid = arena_alloc(a->arena, (n + c->teams.n + 1) * sizeof(id_t64));
	int *member_team = arena_alloc(a->arena, (n + 1) * sizeof(int));
	id_t64 *team_of = arena_alloc(a->arena, (n + 1) * sizeof(id_t64));
	struct ids *subs = arena_alloc(a->arena, (c->teams.n + 1) * sizeof(*subs));
	if (c->mode == CH_TEAM)
		for (size_t q = 0; q < c->teams.n; q++)
			if (store_unit_subtree(a->store, a->me.org_id, c->teams.v[q], a->arena, &subs[q], e))
				return -1;
	for (size_t i = 0; i < n; i++) {
		id_t64 t = k->people[i].unit_id;
		if (c->mode == CH_TEAM) {
			t = 0;
			for (size_t q = 0; q < c->teams.n && !t; q++)
				if (ids_contains(&subs[q], k->people[i].unit_id))
					t = c->teams.v[q];
		}
		team_of[i] = t;
		if (t)
			tid[nt++] = t;
	}
	for (size_t q = 0; c->mode == CH_TEAM && q < c->teams.n; q++)
		tid[nt++] = c->teams.v[q];
	/* the distinct teams, sorted: a member's team by binary search */
	qsort(tid, nt, sizeof(id_t64), cmp_id);
	size_t nd = 0;
	for (size_t q = 0; q < nt; q++)
		if (!nd || tid[nd - 1] != tid[q])
			tid[nd++] = tid[q];
	nt = nd;
	for (size_t i = 0; i < n; i++) {
		member_team[i] = -1;
		if (!team_of[i])
			continue;
		size_t lo = 0, hi = nt;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (tid[mid] < team_of[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		member_team[i] = (int)lo;
	}
	p->nt = nt;
	p->tid = tid;
	p->member_team = member_team;
	return 0;
}

/* participant i's figures into the base's entries: 1 when they changed */
static int base_figure(const struct challenge *c, day_t as_of, struct board_base *p, size_t i,
		       const struct challenge_score_row *f, bool *ychanged)
{
	int changed = 0;
	*ychanged = false;
	for (size_t j = 0; j < c->nind; j++) {
		double nv = f->v[j], ny = as_of <= c->start ? NAN : f->y[j];  /* no yesterday inside the period */
		double ov = p->v[i].value[j], oy = p->y[i].value[j];
		if (!(isnan(nv) ? isnan(ov) : nv == ov))
			changed = 1;
		if (!(isnan(ny) ? isnan(oy) : ny == oy))
			*ychanged = true;
		p->v[i].value[j] = nv;
		p->y[i].value[j] = ny;
	}
	return changed;
}

/* Names moved with a copy of the block that holds them: a name inside
 * [from, from + len) is read at the same place in to; NULL: as they are. */
struct names_copy {
	const char *from;
	size_t len;
	const char *to;
};

static const char *name_in(const struct names_copy *nc, const char *name)
{
	if (!nc || !name || name < nc->from || name >= nc->from + nc->len)
		return name;
	return nc->to + (name - nc->from);
}

/* The board's rows from a ranked base, in a->arena: the people's rows given
 * (in rank order, kept between reads) or made here; names through nc (the
 * base being another's, kept between reads), league names copied then. */
static int board_rows(struct app *a, const struct challenge *c, const struct board_base *p,
		      struct board_row *people_rows, const struct names_copy *nc, struct board *b,
		      struct err *e)
{
	(void)e;
	bool copy = nc != NULL;
	const struct cast *k = &p->k;
	size_t n = k->n, nm = c->nind, nt = p->nt;
	const struct rank_entry *v = p->v, *y = p->y;
	const int *member_team = p->member_team;
	b->nleagues = p->nleagues;
	b->league_names = p->league_names;
	if (copy) {
		b->league_names = arena_alloc(a->arena, ((size_t)p->nleagues + 1) * sizeof(char *));
		for (int l = 0; l < p->nleagues; l++)
			b->league_names[l] = arena_strdup(a->arena, p->league_names[l]);
	}
	struct rank_entry *te = arena_alloc(a->arena, (nt + 1) * sizeof(*te));
	struct rank_entry *tye = arena_alloc(a->arena, (nt + 1) * sizeof(*tye));
	size_t *torder = arena_alloc(a->arena, (nt + 1) * sizeof(size_t));
	size_t *tyorder = arena_alloc(a->arena, (nt + 1) * sizeof(size_t));
	for (size_t t = 0; t < nt; t++) {
		memset(&te[t], 0, sizeof(te[t]));
		te[t].id = p->tid[t];
		for (size_t j = 0; j < RANK_METRICS_MAX; j++)
			te[t].value[j] = te[t].own_target[j] = NAN;
		tye[t] = te[t];
	}
	rank_teams(v, member_team, n, c->team_score, te, nt, torder);
	rank_teams(y, member_team, n, c->team_score, tye, nt, tyorder);
	/* team values: the sum (or mean) of the members' values, for reading */
	double *tsum = arena_alloc(a->arena, (nt + 1) * RANK_METRICS_MAX * sizeof(double));
	int *tcnt = arena_alloc(a->arena, (nt + 1) * RANK_METRICS_MAX * sizeof(int));
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; member_team[i] >= 0 && j < nm; j++)
			if (!isnan(v[i].value[j])) {
				tsum[(size_t)member_team[i] * RANK_METRICS_MAX + j] += v[i].value[j];
				tcnt[(size_t)member_team[i] * RANK_METRICS_MAX + j]++;
			}
	for (size_t t = 0; t < nt; t++)
		for (size_t j = 0; j < nm; j++) {
			double sm = tsum[t * RANK_METRICS_MAX + j];
			int cnt = tcnt[t * RANK_METRICS_MAX + j];
			te[t].value[j] = !cnt ? NAN : c->team_score == TEAM_SUM ? sm : sm / cnt;
		}
	if (!people_rows) {
		people_rows = arena_alloc(a->arena, (n + 1) * sizeof(*people_rows));
		for (size_t q = 0; q < n; q++) {
			size_t i = p->order[q];
			row_of(&v[i], k->people[i].name, k->people[i].unit_id, nm, &people_rows[q]);
			people_rows[q].prev_rank = y[i].rank;
			rewards(c, &people_rows[q]);
		}
	}
	struct board_row *team_rows = arena_alloc(a->arena, (nt + 1) * sizeof(*team_rows));
	for (size_t q = 0; q < nt; q++) {
		size_t t = torder[q];
		row_of(&te[t], name_in(nc, unit_name(k, te[t].id)), 0, nm, &team_rows[q]);
		team_rows[q].prev_rank = tye[t].rank;
		if (c->mode == CH_TEAM)
			rewards(c, &team_rows[q]);
	}
	if (c->mode == CH_TEAM) {
		b->rows = team_rows;
		b->n = nt;
		b->teams = people_rows;  /* the members, for reading */
		b->nteams = n;
		b->me = 0;
		long mi = cast_index(k, a->me.person_id);
		if (mi >= 0 && member_team[mi] >= 0)
			b->me = p->tid[member_team[mi]];
	} else {
		b->rows = people_rows;
		b->n = n;
		b->teams = team_rows;
		b->nteams = nt;
		b->me = cast_has(k, a->me.person_id) ? a->me.person_id : 0;
	}
	return 0;
}

/* The board of c as of as_of: from the kept figures, or (fresh) from the
 * measure states. */
static int compute(struct app *a, const struct challenge *c, const struct cast *k, day_t as_of,
		   bool fresh, struct board *b, struct err *e)
{
	memset(b, 0, sizeof(*b));
	b->c = *c;
	b->as_of = as_of < c->end ? as_of : c->end;
	size_t n = k->n;
	struct mind *inds;
	size_t ni;
	struct board_base p;
	struct challenge_score_row *fig;
	if (measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	    base_make(a, c, k, inds, ni, &p, e) ||
	    figures(a, c, k, b->as_of, fresh, inds, ni, &fig, NULL, NULL, e))
		return -1;
	bool yc;
	for (size_t i = 0; i < n; i++)
		base_figure(c, b->as_of, &p, i, &fig[i], &yc);
	/* zero weights count for nothing: a tiny weight ranks only on ties */
	if (rank_compute(c->rule, p.rm, c->nind, p.v, n, p.order) ||
	    rank_compute(c->rule, p.rm, c->nind, p.y, n, p.yorder))
		return err_set(e, 500, "internal", NULL, "ranking", NULL);
	return board_rows(a, c, &p, NULL, NULL, b, e);
}

/* --- frozen results ---------------------------------------------------- */

static json_t *row_full_json(const struct board_row *r, size_t nm)
{
	json_t *vals = json_array(), *tg = json_array();
	for (size_t j = 0; j < nm; j++) {
		json_array_append_new(vals, num_or_null(r->value[j]));
		json_array_append_new(tg, num_or_null(r->own_target[j]));
	}
	json_t *o = json_pack("{s:I, s:s?, s:I, s:i, s:i, s:i, s:o, s:o, s:o, s:f, s:s?}",
			      "id", (json_int_t)r->id, "name", r->name, "team_id",
			      (json_int_t)r->team_id, "league", r->league, "rank", r->rank,
			      "prev_rank", r->prev_rank, "score", num_or_null(r->score), "values",
			      vals, "own_targets", tg, "points", r->points, "prize", r->prize);
	return o;
}

static json_t *frozen_json(const struct board *b)
{
	json_t *rows = json_array(), *teams = json_array(), *lg = json_array();
	for (size_t i = 0; i < b->n; i++)
		json_array_append_new(rows, row_full_json(&b->rows[i], b->c.nind));
	for (size_t i = 0; i < b->nteams; i++)
		json_array_append_new(teams, row_full_json(&b->teams[i], b->c.nind));
	for (int l = 0; l < b->nleagues; l++)
		json_array_append_new(lg, json_string(b->league_names[l]));
	return json_pack("{s:o, s:o, s:o, s:o}", "as_of", day_json(b->as_of), "leagues", lg,
			 "rows", rows, "teams", teams);
}

static void rows_from_json(json_t *arr, struct arena *a, struct board_row **out, size_t *n)
{
	size_t k = json_array_size(arr);
	struct board_row *v = arena_alloc(a, (k + 1) * sizeof(*v));
	for (size_t i = 0; i < k; i++) {
		json_t *o = json_array_get(arr, i);
		struct board_row *r = &v[i];
		memset(r, 0, sizeof(*r));
		r->id = (id_t64)json_integer_value(json_object_get(o, "id"));
		r->name = dup_str(a, json_string_value(json_object_get(o, "name")));
		r->team_id = (id_t64)json_integer_value(json_object_get(o, "team_id"));
		r->league = (int)json_integer_value(json_object_get(o, "league"));
		r->rank = (int)json_integer_value(json_object_get(o, "rank"));
		r->prev_rank = (int)json_integer_value(json_object_get(o, "prev_rank"));
		json_t *s = json_object_get(o, "score");
		r->scored = json_is_number(s);
		r->score = r->scored ? json_number_value(s) : NAN;
		for (size_t j = 0; j < RANK_METRICS_MAX; j++) {
			json_t *x = json_array_get(json_object_get(o, "values"), j);
			json_t *t = json_array_get(json_object_get(o, "own_targets"), j);
			r->value[j] = json_is_number(x) ? json_number_value(x) : NAN;
			r->own_target[j] = json_is_number(t) ? json_number_value(t) : NAN;
		}
		r->points = json_number_value(json_object_get(o, "points"));
		r->prize = dup_str(a, json_string_value(json_object_get(o, "prize")));
	}
	*out = v;
	*n = k;
}

static int board_from_result(struct app *a, const struct challenge *c,
			     const struct challenge_result_row *res, id_t64 me, struct board *b,
			     struct err *e)
{
	memset(b, 0, sizeof(*b));
	b->c = *c;
	b->frozen = true;
	b->run = res->run;
	json_error_t je;
	json_t *j = json_loads(res->board, 0, &je);
	if (!j)
		return err_set(e, 500, "internal", NULL, "challenge result", NULL);
	date_parse_iso(json_string_value(json_object_get(j, "as_of")), &b->as_of);
	rows_from_json(json_object_get(j, "rows"), a->arena, &b->rows, &b->n);
	rows_from_json(json_object_get(j, "teams"), a->arena, &b->teams, &b->nteams);
	json_t *lg = json_object_get(j, "leagues");
	b->nleagues = (int)json_array_size(lg);
	b->league_names = arena_alloc(a->arena, ((size_t)b->nleagues + 1) * sizeof(char *));
	for (int l = 0; l < b->nleagues; l++)
		b->league_names[l] = dup_str(a->arena, json_string_value(json_array_get(lg, (size_t)l)));
	json_decref(j);
	b->me = me;
	return 0;
}

struct freeze_ctx {
	struct challenge *c;
	struct board *b;
	int run;
	json_t *before;  /* the previous result (re-run) */
	const struct cast *k;
};

/* The challenge is closed: every participant and its creator are told, in
 * the close's transaction. */
static int closed_news(struct app *a, const struct challenge *c, const struct cast *k,
		       struct err *e)
{
	size_t n = 0;
	id_t64 *to = arena_alloc(a->arena, (k->n + 2) * sizeof(*to));
	for (size_t i = 0; i < k->n; i++)
		to[n++] = k->people[i].id;
	if (c->created_by)
		to[n++] = c->created_by;
	char dedupe[48], link[48];
	snprintf(dedupe, sizeof(dedupe), "challenge_closed:c%lld", (long long)c->id);
	snprintf(link, sizeof(link), "/challenges/%lld/results", (long long)c->id);
	struct notify_event_input ev = { NK_CHALLENGE_CLOSED, dedupe, 0, 0, link,
		{ NK_CHALLENGE_CLOSED, NULL, c->name, NULL, NULL }, false };
	return app_notify_emit(a, &ev, to, n, e);
}

static int award_winners(struct app *a, const struct board *b, struct err *e)
{
	for (size_t i = 0; i < b->n; i++) {
		const struct board_row *r = &b->rows[i];
		if (r->rank != 1)
			continue;
		struct badge_row x;
		memset(&x, 0, sizeof(x));
		char ref[32];
		snprintf(ref, sizeof(ref), "challenge:%lld", (long long)b->c.id);
		x.kind = "challenge_won";
		x.ref = ref;
		x.awarded_on = a->clock.today;
		x.created_at = a->clock.now;
		json_t *why = json_pack("{s:I, s:s, s:o, s:s}", "challenge_id", (json_int_t)b->c.id,
					"challenge", b->c.name, "score", num_or_null(r->score),
					"league", b->league_names && r->league < b->nleagues
						  ? b->league_names[r->league] : "");
		char *t = json_dumps(why, JSON_COMPACT | JSON_SORT_KEYS);
		json_decref(why);
		x.reason = t;
		int awarded, rc;
		if (b->c.mode == CH_TEAM)
			x.unit_id = r->id;
		else
			x.person_id = r->id;
		rc = store_badge_award(a->store, a->me.org_id, &x, &awarded, e);
		free(t);
		if (rc || (awarded && x.person_id &&
			   app_notify_badge(a, x.person_id, x.kind, ref, e)))
			return -1;
	}
	return 0;
}

static int do_freeze(struct app *a, void *arg, struct err *e)
{
	struct freeze_ctx *x = arg;
	json_t *fj = frozen_json(x->b);
	char *text = json_dumps(fj, JSON_COMPACT);
	if (!text) {
		json_decref(fj);
		return err_set(e, 500, "internal", NULL, "challenge result", NULL);
	}
	struct challenge_result_row res = { 0, x->run, a->clock.today, a->clock.now,
					    a->me.person_id, text };
	int rc = store_challenge_result_add(a->store, a->me.org_id, x->c->id, &res, e);
	free(text);
	if (rc || (x->run == 1 &&
		   store_challenge_set_status(a->store, a->me.org_id, x->c->id, "closed", e)) ||
	    (x->run == 1 && (store_challenge_scores_clear(a->store, a->me.org_id, x->c->id, e) ||
			     store_challenge_set_kept(a->store, a->me.org_id, x->c->id, DAY_NONE, e))) ||
	    (x->run == 1 && award_winners(a, x->b, e)) ||
	    (x->run == 1 && x->k && closed_news(a, x->c, x->k, e))) {
		json_decref(fj);
		json_decref(x->before);
		x->before = NULL;
		return -1;
	}
	json_object_set_new(fj, "run", json_integer(x->run));
	json_t *before = x->before;
	x->before = NULL;
	return app_audit(a, "challenge", x->c->id, x->run == 1 ? "close" : "rerun", before, fj, e);
}

static int freeze(struct app *a, struct challenge *c, const struct cast *k, int run,
		  json_t *before, struct board *b, struct err *e)
{
	if (compute(a, c, k, c->end, true, b, e)) {
		json_decref(before);
		return -1;
	}
	struct freeze_ctx x = { c, b, run, before, k };
	if (app_tx(a, do_freeze, &x, e))
		return -1;
	c->closed = true;
	b->c.closed = true;
	b->frozen = true;
	b->run = run;
	return 0;
}

static int latest_result(struct app *a, const struct challenge *c,
			 struct challenge_result_row **res, size_t *n, struct err *e)
{
	return store_challenge_results(a->store, a->me.org_id, c->id, a->arena, res, n, e);
}

static id_t64 me_row(struct app *a, const struct challenge *c, const struct cast *k)
{
	if (!cast_has(k, a->me.person_id))
		return 0;
	if (c->mode != CH_TEAM)
		return a->me.person_id;
	long i = cast_index(k, a->me.person_id);
	for (size_t q = 0; i >= 0 && q < c->teams.n; q++) {
		struct ids sub;
		struct err pe;
		if (!store_unit_subtree(a->store, a->me.org_id, c->teams.v[q], a->arena, &sub, &pe) &&
		    ids_contains(&sub, k->people[i].unit_id))
			return c->teams.v[q];
	}
	return 0;
}

/* The organisation's day now, in its time zone: a challenge runs to the end
 * of its last day there, not in UTC. */
static int local_today(struct app *a, day_t *out, struct err *e)
{
	struct org org;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e))
		return -1;
	*out = app_local_day(org.time_zone, a->clock.now);
	return 0;
}

int app_challenges_close_due(struct app *a, int *closed, struct err *e)
{
	if (closed)
		*closed = 0;
	day_t today;
	struct challenge_row *rows;
	size_t nr;
	if (local_today(a, &today, e) ||
	    store_challenge_list_due(a->store, a->me.org_id, today, a->arena, &rows, &nr, e))
		return -1;
	/* the system closes: the writer's rights do not limit what is due */
	struct app sys = *a;
	sys.me.role = ROLE_ADMIN;
	sys.me.person_id = 0;
	for (size_t i = 0; i < nr; i++) {
		struct challenge c;
		struct cast k;
		struct board tmp;
		struct err fe;
		if (from_row(&rows[i], a->arena, &c, e) || cast_of(&sys, &c, &k, e))
			return -1;
		if (freeze(&sys, &c, &k, 1, NULL, &tmp, &fe)) {
			/* another writer closed it meanwhile: theirs stands */
			struct challenge_row row;
			if (store_challenge_get(a->store, a->me.org_id, c.id, a->arena, &row, e))
				return -1;
			if (!row.status || strcmp(row.status, "closed")) {
				*e = fe;
				return -1;
			}
			continue;
		}
		if (closed)
			(*closed)++;
	}
	return 0;
}

/* --- boards kept between reads -------------------------------------------
 * A server keeps, per challenge (and database, organisation, language), the
 * base of its board (the cast, leagues, own targets, teams) with its
 * entries ranked, made at the board generation it read (migration 0025):
 * a read compares that generation with the database's, then reads only the
 * kept figures written since (seq), and re-ranks the few participants they
 * moved (rank_update) instead of reading and sorting every one. Nothing is
 * used from memory without that check, so servers sharing a database each
 * see the others' writes. Entries live in their own arena, under one lock,
 * held while a read uses one; the rows a read returns are copied out. */
#define KEPT_BOARDS 8

struct kept_board {
	char *db;              /* store_setting; NULL: a free slot */
	id_t64 org, id;
	enum lang lang;
	int64_t gen, seq;
	day_t as_of, kept_on;
	uint64_t used;
	struct arena arena;
	struct board_base p;
	char *names;             /* the people's and units' names, one block */
	size_t names_len;
	struct board_row *rows;  /* the people's rows in rank order, names in the block */
	bool rows_ok;
	bool *stale;             /* k.n: rows[q] to make again */
	size_t *posof;           /* k.n: participant i's place in p.order */
};

static struct kept_board kept_boards[KEPT_BOARDS];
static uint64_t kept_clock;
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;

static void kept_drop(struct kept_board *kb)
{
	if (!kb->db)
		return;
	free(kb->db);
	arena_free(&kb->arena);
	memset(kb, 0, sizeof(*kb));
}

/* the entry for (a's database, org, id, lang), or a slot to make it in */
static struct kept_board *kept_slot(struct app *a, id_t64 id, bool *found)
{
	const char *db = store_setting(a->store);
	struct kept_board *lru = &kept_boards[0];
	for (int i = 0; i < KEPT_BOARDS; i++) {
		struct kept_board *kb = &kept_boards[i];
		if (kb->db && kb->org == a->me.org_id && kb->id == id && kb->lang == a->lang &&
		    !strcmp(kb->db, db)) {
			*found = true;
			return kb;
		}
		if (!kb->db || (lru->db && kb->used < lru->used))
			lru = kb;
	}
	*found = false;
	return lru;
}

/* A new base of c's board in kb (its arena), ranked, for as_of. */
static int kept_make(struct app *a, const struct challenge *c, day_t as_of, int64_t gen,
		     int64_t seq, struct kept_board *kb, struct err *e)
{
	kept_drop(kb);
	kb->db = strdup(store_setting(a->store));
	if (!kb->db)
		return err_set(e, 500, "internal", NULL, "out of memory", NULL);
	arena_init(&kb->arena);
	kb->org = a->me.org_id;
	kb->id = c->id;
	kb->lang = a->lang;
	struct app ka = *a;
	ka.arena = &kb->arena;  /* what stays: the cast, the base */
	struct cast k;
	struct mind *inds;
	size_t ni;
	struct challenge_score_row *fig;
	struct ids missing;
	size_t *at;
	if (cast_of(&ka, c, &k, e))
		goto fail;
	/* the names in one block: a read copies it whole, not name by name */
	size_t len = 0;
	for (size_t i = 0; i < k.n; i++)
		len += strlen(k.people[i].name ? k.people[i].name : "") + 1;
	for (size_t u = 0; u < k.nunits; u++)
		len += strlen(k.units[u].name ? k.units[u].name : "") + 1;
	kb->names = arena_alloc(&kb->arena, len + 1);
	kb->names_len = len;
	char *w = kb->names;
	for (size_t i = 0; i < k.n; i++) {
		size_t l = strlen(k.people[i].name ? k.people[i].name : "");
		memcpy(w, k.people[i].name ? k.people[i].name : "", l + 1);
		k.people[i].name = w;
		w += l + 1;
	}
	for (size_t u = 0; u < k.nunits; u++) {
		size_t l = strlen(k.units[u].name ? k.units[u].name : "");
		memcpy(w, k.units[u].name ? k.units[u].name : "", l + 1);
		k.units[u].name = w;
		w += l + 1;
	}
	kb->rows = arena_alloc(&kb->arena, (k.n + 1) * sizeof(*kb->rows));
	kb->stale = arena_alloc(&kb->arena, (k.n + 1) * sizeof(bool));
	kb->posof = arena_alloc(&kb->arena, (k.n + 1) * sizeof(size_t));
	kb->rows_ok = false;
	if (measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
	    base_make(&ka, c, &k, inds, ni, &kb->p, e) ||
	    figures(a, c, &k, as_of, false, inds, ni, &fig, &missing, &at, e))
		goto fail;
	bool yc;
	for (size_t i = 0; i < k.n; i++)
		base_figure(c, as_of, &kb->p, i, &fig[i], &yc);
	if (rank_compute(c->rule, kb->p.rm, c->nind, kb->p.v, k.n, kb->p.order) ||
	    rank_compute(c->rule, kb->p.rm, c->nind, kb->p.y, k.n, kb->p.yorder)) {
		err_set(e, 500, "internal", NULL, "ranking", NULL);
		goto fail;
	}
	kb->p.missing.n = missing.n;
	kb->p.missing.v = arena_alloc(&kb->arena, (missing.n + 1) * sizeof(id_t64));
	kb->p.missing_at = arena_alloc(&kb->arena, (missing.n + 1) * sizeof(size_t));
	if (missing.n) {
		memcpy(kb->p.missing.v, missing.v, missing.n * sizeof(id_t64));
		memcpy(kb->p.missing_at, at, missing.n * sizeof(size_t));
	}
	kb->gen = gen;
	kb->seq = seq;
	kb->as_of = as_of;
	kb->kept_on = c->kept_on;
	return 0;
fail:
	kept_drop(kb);
	return -1;
}

/* kb brought up to the database's figures: the rows of the people written
 * since its seq, and the participants without a row scanned again (as
 * compute does); the moved ones re-ranked. 1: too far behind (the log of
 * writes pruned since), to be made anew. */
static int kept_refresh(struct app *a, const struct challenge *c, int64_t seq,
			struct kept_board *kb, struct err *e)
{
	struct board_base *p = &kb->p;
	size_t n = p->k.n;
	struct challenge_score_row *rows = NULL, *more = NULL;
	size_t nr = 0;
	int64_t last = kb->seq;
	if (seq != kb->seq) {
		/* the people written since, then their rows */
		struct ids who;
		if (store_board_changes(a->store, a->me.org_id, c->id, kb->seq, seq, a->arena, &who,
					&last, e))
			return -1;
		if (last < 0)
			return 1;  /* too far behind: made anew */
		qsort(who.v, who.n, sizeof(id_t64), cmp_id);
		size_t nd = 0;
		for (size_t q = 0; q < who.n; q++)
			if (!nd || who.v[nd - 1] != who.v[q])
				who.v[nd++] = who.v[q];
		who.n = nd;
		if (who.n && store_challenge_scores_of(a->store, a->me.org_id, c->id, &who, a->arena,
						       &rows, &nr, e))
			return -1;
	}
	if (p->missing.n) {
		struct mind *inds;
		size_t ni;
		more = arena_alloc(a->arena, (p->missing.n + 1) * sizeof(*more));
		if (measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e) ||
		    scan_figures(a, c, &p->missing, kb->as_of, inds, ni, more, e))
			return -1;
	}
	size_t *vc = arena_alloc(a->arena, (nr + p->missing.n + 1) * sizeof(size_t));
	size_t *yc = arena_alloc(a->arena, (nr + p->missing.n + 1) * sizeof(size_t));
	size_t nv = 0, ny = 0;
	for (size_t q = 0; q < nr + p->missing.n; q++) {
		long i;
		const struct challenge_score_row *f;
		if (q < nr) {
			f = &rows[q];
			i = cast_index(&p->k, f->person);
		} else {
			f = &more[q - nr];
			i = (long)p->missing_at[q - nr];
		}
		if (i < 0 || (size_t)i >= n)
			continue;  /* a row of someone no longer taking part */
		bool ych;
		if (base_figure(c, kb->as_of, p, (size_t)i, f, &ych))
			vc[nv++] = (size_t)i;
		if (ych)
			yc[ny++] = (size_t)i;
	}
	size_t vf, vt, yf, yt;
	if (rank_update(c->rule, p->rm, c->nind, p->v, n, p->order, vc, nv, &vf, &vt) ||
	    rank_update(c->rule, p->rm, c->nind, p->y, n, p->yorder, yc, ny, &yf, &yt))
		return err_set(e, 500, "internal", NULL, "ranking", NULL);
	/* the kept rows to make again: the places whose entry or rank changed,
	 * and the rows of those whose rank of yesterday did */
	for (size_t q = vf; q < vt; q++) {
		kb->posof[p->order[q]] = q;
		kb->stale[q] = true;
	}
	for (size_t q = yf; q < yt; q++)
		kb->stale[kb->posof[p->yorder[q]]] = true;
	kb->seq = last;
	return 0;
}

/* c's live board from its kept figures (kept for as_of), through the board
 * kept in memory; 1 when it cannot be kept (no generation row): the caller
 * computes it. */
static int kept_board(struct app *a, const struct challenge *c, day_t as_of, struct board *out,
		      struct err *e)
{
	int64_t gen, seq;
	if (store_board_generation(a->store, a->me.org_id, c->id, &gen, &seq, e))
		return -1;
	if (!gen)
		return 1;
	pthread_mutex_lock(&kept_lock);
	bool found;
	struct kept_board *kb = kept_slot(a, c->id, &found);
	int rc;
	rc = 1;
	if (found && kb->gen == gen && kb->as_of == as_of && kb->kept_on == c->kept_on)
		rc = kept_refresh(a, c, seq, kb, e);
	if (rc > 0)
		rc = kept_make(a, c, as_of, gen, seq, kb, e);
	if (rc) {
		kept_drop(kb);
		pthread_mutex_unlock(&kept_lock);
		return -1;
	}
	kb->used = ++kept_clock;
	const struct cast *k = &kb->p.k;
	if (!access_challenge_read(&a->me, c->visibility, cast_has(k, a->me.person_id),
				   cast_managed(a, k), c->created_by)) {
		pthread_mutex_unlock(&kept_lock);
		return err_set(e, 404, "not_found", NULL, "challenge", NULL);
	}
	memset(out, 0, sizeof(*out));
	out->c = *c;
	out->as_of = as_of;
	/* the kept rows made again where they changed (kept_refresh says
	 * which), then copied out with the names' block and their rewards
	 * under this read's challenge */
	struct board_base *p = &kb->p;
	size_t n = k->n;
	for (size_t q = 0; q < n; q++) {
		if (kb->rows_ok && !kb->stale[q])
			continue;
		size_t i = p->order[q];
		row_of(&p->v[i], k->people[i].name, k->people[i].unit_id, c->nind, &kb->rows[q]);
		kb->rows[q].prev_rank = p->y[i].rank;
		kb->posof[i] = q;
		kb->stale[q] = false;
	}
	kb->rows_ok = true;
	char *names = arena_alloc(a->arena, kb->names_len + 1);
	memcpy(names, kb->names, kb->names_len);
	struct names_copy nc = { kb->names, kb->names_len, names };
	struct board_row *rows = arena_alloc_raw(a->arena, (n + 1) * sizeof(*rows));
	memcpy(rows, kb->rows, n * sizeof(*rows));
	for (size_t q = 0; q < n; q++) {
		rows[q].name = name_in(&nc, rows[q].name);
		rewards(c, &rows[q]);
	}
	rc = board_rows(a, c, p, rows, &nc, out, e);
	if (!rc)
		out->me = me_row(a, c, k);
	pthread_mutex_unlock(&kept_lock);
	return rc;
}

int app_challenge_board(struct app *a, id_t64 id, struct board *out, struct err *e)
{
	struct challenge c;
	struct cast k;
	struct challenge_row row;
	if (store_challenge_get(a->store, a->me.org_id, id, a->arena, &row, e) ||
	    from_row(&row, a->arena, &c, e))
		return -1;
	/* a read writes nothing: a challenge past its last day and not closed
	 * yet (by the close, or the next write: activity, an import, `cible
	 * challenge close-due`) shows its board as of its last day, live */
	day_t as_of = a->clock.today < c.end ? a->clock.today : c.end;
	if (!c.closed && c.kept_on != DAY_NONE && c.kept_on == as_of) {
		int rc = kept_board(a, &c, as_of, out, e);
		if (rc <= 0)
			return rc;
	}
	if (load(a, id, &c, &k, e))
		return -1;
	if (!c.closed)
		return compute(a, &c, &k, a->clock.today, false, out, e) ? -1
		       : (out->me = me_row(a, &c, &k), 0);
	struct challenge_result_row *res;
	size_t n;
	if (latest_result(a, &c, &res, &n, e))
		return -1;
	if (!n)
		return err_set(e, 500, "internal", NULL, "challenge result", NULL);
	return board_from_result(a, &c, &res[0], me_row(a, &c, &k), out, e);
}

int app_challenge_board_fresh(struct app *a, id_t64 id, struct board *out, struct err *e)
{
	struct challenge c;
	struct cast k;
	if (load(a, id, &c, &k, e))
		return -1;
	if (a->me.role != ROLE_ADMIN)
		return err_set(e, 403, "forbidden", "fresh", "recompute a board", NULL);
	if (c.closed)
		return app_challenge_board(a, id, out, e);
	if (compute(a, &c, &k, a->clock.today, true, out, e))
		return -1;
	out->me = me_row(a, &c, &k);
	return 0;
}

/* --- kept figures ------------------------------------------------------ */

/* c's figures kept anew for its whole cast, as of as_of (in a transaction). */
static int keep_all(struct app *a, struct challenge *c, const struct cast *k, day_t as_of,
		    const struct mind *inds, size_t ni, struct err *e)
{
	struct ids people = cast_ids(a, k);
	struct challenge_score_row *fig = arena_alloc(a->arena, (k->n + 1) * sizeof(*fig));
	if (scan_figures(a, c, &people, as_of, inds, ni, fig, e) ||
	    store_challenge_scores_clear(a->store, a->me.org_id, c->id, e) ||
	    store_challenge_scores_put(a->store, a->me.org_id, c->id, fig, k->n, false, e) ||
	    store_challenge_set_kept(a->store, a->me.org_id, c->id, as_of, e))
		return -1;
	c->kept_on = as_of;
	return 0;
}

/* the day an open challenge's board is read for today: its last day once over */
static day_t board_day(const struct app *a, const struct challenge *c)
{
	return a->clock.today < c->end ? a->clock.today : c->end;
}

/* One indicator's states of the moved people, scanned once for every open
 * challenge on it: each (challenge, indicator) slot merges the days of its
 * own period, up to its day (now) and the day before (prev). */
struct keep_slot {
	size_t ch, j;
	day_t start, as_of;
	double *now, *prev;  /* people->n * len states each */
};

struct keep_scan {
	const struct ids *people;
	const struct indicator *prog;
	size_t len;
	struct keep_slot *slots;
	size_t nslots;
};

static int on_keep_state(void *ctx, id_t64 person, day_t day, const double *st, size_t n)
{
	struct keep_scan *g = ctx;
	if (n != g->len)
		return 0;
	long i = ids_index(g->people, person);
	if (i < 0)
		return 0;
	for (size_t q = 0; q < g->nslots; q++) {
		struct keep_slot *sl = &g->slots[q];
		if (day < sl->start || day > sl->as_of)
			continue;
		indicator_state_merge(g->prog, sl->now + (size_t)i * g->len, st);
		if (day <= sl->as_of - 1)
			indicator_state_merge(g->prog, sl->prev + (size_t)i * g->len, st);
	}
	return 0;
}

/* The moved people's figures for the challenges kept for their day:
 * fig[q] (moved->n rows) is chs[q]'s; one scan per indicator for them all. */
static int scan_moved(struct app *a, const struct challenge *chs, size_t nch,
		      const struct ids *moved, const struct mind *inds, size_t ni,
		      struct challenge_score_row **fig, struct err *e)
{
	size_t n = moved->n;
	for (size_t q = 0; q < nch; q++)
		for (size_t i = 0; i < n; i++) {
			fig[q][i].person = moved->v[i];
			for (size_t j = 0; j < CH_SLOTS; j++)
				fig[q][i].v[j] = fig[q][i].y[j] = NAN;
		}
	bool *done = arena_alloc(a->arena, (nch * RANK_METRICS_MAX + 1) * sizeof(bool));
	struct keep_slot *slots = arena_alloc(a->arena, (nch * RANK_METRICS_MAX + 1) * sizeof(*slots));
	for (size_t q0 = 0; q0 < nch; q0++)
		for (size_t j0 = 0; j0 < chs[q0].nind; j0++) {
			if (done[q0 * RANK_METRICS_MAX + j0])
				continue;
			const char *key = chs[q0].ind[j0].key;
			const struct mind *m = measure_find(inds, ni, key);
			struct keep_scan g = { moved, m ? &m->prog : NULL, 0, slots, 0 };
			day_t from = 0, to = 0;
			for (size_t q = q0; q < nch; q++)
				for (size_t j = 0; j < chs[q].nind; j++)
					if (!strcmp(chs[q].ind[j].key, key)) {
						done[q * RANK_METRICS_MAX + j] = true;
						day_t as_of = board_day(a, &chs[q]);
						slots[g.nslots++] = (struct keep_slot){ q, j, chs[q].start, as_of,
											NULL, NULL };
						if (g.nslots == 1 || chs[q].start < from)
							from = chs[q].start;
						if (g.nslots == 1 || as_of > to)
							to = as_of;
					}
			if (!m || !m->ok || !m->prog.mergeable || !n)
				continue;  /* the indicator changed since: no figure */
			g.len = indicator_state_len(&m->prog);
			int rc = 0;
			for (size_t k = 0; k < g.nslots && !rc; k++) {
				slots[k].now = malloc(n * g.len * sizeof(double));
				slots[k].prev = malloc(n * g.len * sizeof(double));
				if (!slots[k].now || !slots[k].prev)
					rc = err_set(e, 500, "internal", NULL, "out of memory", NULL);
				for (size_t i = 0; !rc && i < n; i++) {
					indicator_state_init(&m->prog, slots[k].now + i * g.len);
					indicator_state_init(&m->prog, slots[k].prev + i * g.len);
				}
			}
			if (!rc)
				rc = store_measure_scan(a->store, m->row.id, moved, from, to, on_keep_state,
							&g, e);
			for (size_t k = 0; k < g.nslots; k++) {
				for (size_t i = 0; !rc && i < n; i++) {
					struct challenge_score_row *r = &fig[slots[k].ch][i];
					r->v[slots[k].j] = indicator_value(&m->prog, slots[k].now + i * g.len);
					r->y[slots[k].j] = indicator_value(&m->prog, slots[k].prev + i * g.len);
				}
				free(slots[k].now);
				free(slots[k].prev);
			}
			if (rc)
				return -1;
		}
	return 0;
}

/* whether one of c's indicators is measured on records of kind (NULL: any) */
static bool on_kind(const struct challenge *c, const struct mind *inds, size_t ni,
		    const char *kind)
{
	if (!kind)
		return true;
	for (size_t j = 0; j < c->nind; j++) {
		const struct mind *m = measure_find(inds, ni, c->ind[j].key);
		if (!m || !m->row.kind || !strcmp(m->row.kind, kind))
			return true;
	}
	return false;
}

int app_challenges_keep_tx(struct app *a, const struct ids *moved, const char *kind,
			   struct err *e)
{
	struct challenge_row *rows;
	size_t nr;
	struct mind *inds;
	size_t ni;
	if (store_challenge_list(a->store, a->me.org_id, a->arena, &rows, &nr, e))
		return -1;
	bool any = false;
	for (size_t i = 0; i < nr; i++)
		any |= rows[i].status && !strcmp(rows[i].status, "open");
	if (!any)
		return 0;
	if (measure_indicators(a->store, a->me.org_id, a->arena, &inds, &ni, e))
		return -1;
	struct app sys = *a;
	sys.me.role = ROLE_ADMIN;
	sys.me.person_id = 0;
	struct challenge *kept = arena_alloc(a->arena, (nr + 1) * sizeof(*kept));
	size_t nk = 0;
	for (size_t i = 0; i < nr; i++) {
		if (!rows[i].status || strcmp(rows[i].status, "open"))
			continue;
		struct challenge c;
		if (from_row(&rows[i], a->arena, &c, e))
			return -1;
		day_t as_of = board_day(a, &c);
		if (as_of < c.start)
			continue;  /* not begun: nothing to keep */
		if (c.kept_on != as_of) {
			/* a new day (or none kept yet): every participant anew */
			struct cast k;
			if (cast_of(&sys, &c, &k, e) || keep_all(&sys, &c, &k, as_of, inds, ni, e))
				return -1;
			continue;
		}
		if (on_kind(&c, inds, ni, kind))
			kept[nk++] = c;
	}
	if (!nk || !moved->n)
		return 0;
	/* the moved people's rows, where they take part (only_kept) */
	struct challenge_score_row **fig = arena_alloc(a->arena, nk * sizeof(*fig));
	for (size_t q = 0; q < nk; q++)
		fig[q] = arena_alloc(a->arena, (moved->n + 1) * sizeof(**fig));
	if (scan_moved(&sys, kept, nk, moved, inds, ni, fig, e))
		return -1;
	for (size_t q = 0; q < nk; q++) {
		int64_t seq;
		if (store_board_seq_next(a->store, a->me.org_id, kept[q].id, &seq, e) ||
		    store_board_change_add(a->store, a->me.org_id, kept[q].id, seq, moved, e) ||
		    store_challenge_scores_put(a->store, a->me.org_id, kept[q].id, fig[q], moved->n,
					       true, e))
			return -1;
	}
	return 0;
}

int app_challenge_close(struct app *a, id_t64 id, struct board *out, struct err *e)
{
	struct challenge c;
	struct cast k;
	if (load(a, id, &c, &k, e))
		return -1;
	if (!access_challenge_close(&a->me, c.created_by))
		return err_set(e, 403, "forbidden", NULL, "close this challenge", NULL);
	if (c.closed)
		return err_set(e, 409, "ch_closed", NULL, NULL, NULL);
	day_t today;
	if (local_today(a, &today, e))
		return -1;
	if (today <= c.end) {
		char s[11];
		date_format_iso(c.end, s);
		return err_set(e, 409, "ch_running", "end", s, NULL);
	}
	if (freeze(a, &c, &k, 1, NULL, out, e))
		return -1;
	out->me = me_row(a, &c, &k);
	return 0;
}

int app_challenge_rerun(struct app *a, id_t64 id, struct board *out, struct err *e)
{
	struct challenge c;
	struct cast k;
	if (load(a, id, &c, &k, e))
		return -1;
	if (!access_challenge_rerun(&a->me))
		return err_set(e, 403, "ch_rerun_admin", "run", NULL, NULL);
	if (!c.closed)
		return err_set(e, 409, "ch_not_closed", NULL, NULL, NULL);
	struct challenge_result_row *res;
	size_t n;
	if (latest_result(a, &c, &res, &n, e))
		return -1;
	json_error_t je;
	json_t *before = n ? json_loads(res[0].board, 0, &je) : NULL;
	if (before)
		json_object_set_new(before, "run", json_integer(res[0].run));
	if (freeze(a, &c, &k, n ? res[0].run + 1 : 1, before, out, e))
		return -1;
	out->me = me_row(a, &c, &k);
	return 0;
}

int app_challenge_results(struct app *a, id_t64 id, struct board **out, size_t *nout,
			  struct err *e)
{
	struct board b;
	if (app_challenge_board(a, id, &b, e))
		return -1;
	struct challenge_result_row *res;
	size_t n;
	if (latest_result(a, &b.c, &res, &n, e))
		return -1;
	struct board *v = arena_alloc(a->arena, (n + 1) * sizeof(*v));
	for (size_t i = 0; i < n; i++)
		if (board_from_result(a, &b.c, &res[i], b.me, &v[i], e))
			return -1;
	*out = v;
	*nout = n;
	return 0;
}

/* --- the board as JSON ------------------------------------------------- */

static json_t *row_json(const struct board *b, const struct board_row *r, bool team)
{
	json_t *vals = json_array();
	for (size_t j = 0; j < b->c.nind; j++)
		json_array_append_new(vals, json_pack("{s:s, s:o, s:o}", "key", b->c.ind[j].key,
						      "value", num_or_null(r->value[j]),
						      "own_target", num_or_null(r->own_target[j])));
	json_t *o = json_pack("{s:I, s:s, s:o, s:o, s:o, s:o, s:f, s:o, s:b}",
			      "id", (json_int_t)r->id, "name", r->name ? r->name : "",
			      "rank", r->rank ? json_integer(r->rank) : json_null(),
			      "score", num_or_null(r->score), "values", vals,
			      "movement", r->rank && r->prev_rank ? json_integer(r->prev_rank - r->rank)
								  : json_null(),
			      "points", r->points,
			      "prize", r->prize ? json_string(r->prize) : json_null(),
			      "me", r->id == b->me && b->me != 0 && team == (b->c.mode == CH_TEAM));
	return o;
}

json_t *board_json(const struct board *b, size_t top, enum lang lang)
{
	struct buf words, ties;
	buf_init(&words);
	buf_init(&ties);
	bool any_lower = false;
	for (size_t j = 0; j < b->c.nind; j++)
		any_lower |= b->c.ind[j].lower_better;
	challenge_rule_words(&words, b->c.rule, b->c.mode, b->c.team_score, any_lower,
			     b->c.nind > 1, lang);
	challenge_tie_words(&ties, lang);
	json_t *leagues = json_array();
	json_t *me = json_null();
	bool team = b->c.mode == CH_TEAM;
	for (int l = 0; l < b->nleagues; l++) {
		size_t from = 0, to = 0, mine = (size_t)-1;
		while (from < b->n && b->rows[from].league < l)
			from++;
		to = from;
		while (to < b->n && b->rows[to].league == l) {
			if (b->me && b->rows[to].id == b->me)
				mine = to;
			to++;
		}
		json_t *tp = json_array(), *around = json_array();
		for (size_t i = from; i < to && i - from < top; i++)
			json_array_append_new(tp, row_json(b, &b->rows[i], team));
		if (mine != (size_t)-1) {
			size_t f, t;
			rank_window(to - from, mine - from, 5, &f, &t);
			for (size_t i = from + f; i < from + t; i++)
				json_array_append_new(around, row_json(b, &b->rows[i], team));
			json_decref(me);
			me = row_json(b, &b->rows[mine], team);
			json_object_set_new(me, "league", json_integer(l));
		}
		json_array_append_new(leagues, json_pack("{s:i, s:s, s:I, s:o, s:o}", "league", l,
							 "name", b->league_names[l], "total",
							 (json_int_t)(to - from), "top", tp,
							 "around", around));
	}
	json_t *teams = json_array();
	for (size_t i = 0; i < b->nteams && i < (team ? b->nteams : top); i++)
		json_array_append_new(teams, row_json(b, &b->teams[i], !team));
	json_t *j = json_pack("{s:o, s:o, s:b, s:o, s:s, s:s, s:o, s:o, s:o}",
			      "challenge", challenge_json(&b->c), "as_of", day_json(b->as_of),
			      "frozen", b->frozen, "run", b->run ? json_integer(b->run) : json_null(),
			      "rule_text", words.data ? words.data : "", "ties_text",
			      ties.data ? ties.data : "", "leagues", leagues, "me", me,
			      team ? "members" : "teams", teams);
	buf_free(&words);
	buf_free(&ties);
	return j;
}

/* --- the result as a table ----------------------------------------------- */

int challenge_export_table(struct app *a, const struct board *b, struct export_table *t,
			   struct err *e)
{
	bool fr = a->lang == LANG_FR;
	struct org org;
	if (store_org_get(a->store, a->me.org_id, a->arena, &org, e))
		return -1;
	size_t nm = b->c.nind, nc = 4 + 2 * nm + 3;
	struct export_col *cols = arena_alloc(a->arena, nc * sizeof(*cols));
	size_t k = 0;
	cols[k++] = (struct export_col){ fr ? "Ligue" : "League", COL_TEXT, -1 };
	cols[k++] = (struct export_col){ fr ? "Rang" : "Rank", COL_NUMBER, 0 };
	cols[k++] = (struct export_col){ b->c.mode == CH_TEAM ? (fr ? "Équipe" : "Team")
							      : (fr ? "Nom" : "Name"), COL_TEXT, -1 };
	cols[k++] = (struct export_col){ "Score", COL_NUMBER, 3 };
	for (size_t j = 0; j < nm; j++) {
		const struct ch_indicator *m = &b->c.ind[j];
		enum col_type ty = m->unit && !strcmp(m->unit, "€") ? COL_MONEY
				   : m->unit && !strcmp(m->unit, "s") ? COL_DURATION : COL_NUMBER;
		const char *nm_ = m->name ? m->name : m->key;
		cols[k++] = (struct export_col){ nm_, ty, 2 };
		cols[k++] = (struct export_col){ arena_printf(a->arena, fr ? "%s : propre cible" : "%s: own target", nm_),
						 ty, 2 };
	}
	cols[k++] = (struct export_col){ fr ? "Évolution depuis la veille" : "Movement since yesterday",
					 COL_NUMBER, 0 };
	cols[k++] = (struct export_col){ "Points", COL_NUMBER, -1 };
	cols[k++] = (struct export_col){ fr ? "Lot" : "Prize", COL_TEXT, -1 };
	struct export_cell *cells = arena_alloc(a->arena, (b->n * nc + 1) * sizeof(*cells));
	for (size_t i = 0; i < b->n; i++) {
		const struct board_row *r = &b->rows[i];
		struct export_cell *c = &cells[i * nc];
		for (size_t q = 0; q < nc; q++) {
			c[q].num = NAN;
			c[q].day = DAY_NONE;
		}
		size_t q = 0;
		c[q++].text = r->league < b->nleagues ? b->league_names[r->league] : "";
		c[q++].num = r->rank ? r->rank : NAN;
		c[q++].text = r->name;
		c[q++].num = r->score;
		for (size_t j = 0; j < nm; j++) {
			c[q++].num = r->value[j];
			c[q++].num = r->own_target[j];
		}
		c[q++].num = r->rank && r->prev_rank ? r->prev_rank - r->rank : NAN;
		c[q++].num = r->points;
		c[q++].text = r->prize;
	}
	memset(t, 0, sizeof(*t));
	t->title = fr ? "Résultat" : "Result";
	t->cols = cols;
	t->ncols = nc;
	t->cells = cells;
	t->nrows = b->n;
	t->currency = org.currency;
	t->lang = a->lang;
	return 0;
}
