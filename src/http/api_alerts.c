/* Alerts a manager or HR acts on: new hires left without objectives (the
 * seed texts: a newcomer is never to be left without objectives), the
 * objectives of people within their ramp-up plan that do not fit it, and the
 * people late with their check-ins (app_late_checkins), the latest first. */
#include "app/rhythm.h"
#include "app/share.h"
#include "core/smart.h"
#include "http/http.h"

int api_alerts(struct req *r)
{
	struct person *v;
	int *counts;
	size_t n;
	if (store_people_objective_counts(r->store, r->me.org_id, &r->arena, &v, &counts, &n,
					  &r->err))
		return -1;
	day_t today = r->clock.today;  /* the one clock */
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		if (!access_person_read(&r->me, &v[i]) ||
		    !smart_new_hire_without_objective(v[i].hired_on, today, counts[i]))
			continue;
		json_t *a = json_pack("{s:s, s:I, s:s, s:o, s:I}", "kind",
				      "new_hire_without_objective", "person_id", (json_int_t)v[i].id,
				      "name", v[i].name, "hired_on", json_date(v[i].hired_on),
				      "days_since_hire", (json_int_t)(today - v[i].hired_on));
		json_object_set_new(a, "message", json_string(
			smart_message("new_hire_without_objective", r->lang)));
		json_object_set_new(a, "suggestion", json_string(
			smart_suggestion("new_hire_without_objective", r->lang)));
		json_array_append_new(items, a);
	}
	/* objectives not fitted to the ramp-up plan */
	struct app a;
	req_app(r, &a);
	struct ramp_alert *ra;
	size_t nra;
	if (app_ramp_alerts(&a, &ra, &nra, &r->err)) {
		json_decref(items);
		return -1;
	}
	for (size_t i = 0; i < nra; i++) {
		const struct person *p = ra[i].p;
		json_t *x = json_pack("{s:s, s:I, s:s, s:o, s:I, s:I, s:f, s:f, s:i}", "kind",
				      "objective_not_fitted_to_ramp_up", "person_id", (json_int_t)p->id,
				      "name", p->name, "hired_on", json_date(p->hired_on),
				      "days_since_hire", (json_int_t)(today - p->hired_on), "objective_id",
				      (json_int_t)ra[i].o.id, "target", ra[i].o.target, "fitted",
				      ra[i].fitted, "ramp_month", ra[i].month);
		json_object_set_new(x, "message", json_string(
			smart_message("objective_not_fitted_to_ramp_up", r->lang)));
		json_object_set_new(x, "suggestion", json_string(
			smart_suggestion("objective_not_fitted_to_ramp_up", r->lang)));
		json_array_append_new(items, x);
	}
	struct person_rhythm *late;
	size_t nlate;
	if (app_late_checkins(&a, &late, &nlate, &r->err)) {
		json_decref(items);
		return -1;
	}
	for (size_t i = 0; i < nlate; i++)
		json_array_append_new(items, app_late_alert_json(&a, &late[i]));
	return reply_page(r, items, json_array_size(items), json_array_size(items), 0);
}
