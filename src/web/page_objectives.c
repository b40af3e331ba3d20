/* "Mes objectifs" (the home page) and an objective's own page: its SMART
 * fields, the chain that explains why it exists, its action plan and history. */
#include <string.h>
#include "core/cascade.h"
#include "web/web.h"

static void status_badge(struct req *r, enum status s)
{
	char key[32];
	snprintf(key, sizeof(key), "status.%s", status_name(s));
	buf_addf(&r->out, "<span class=\"status status-%s\">", status_name(s));
	html(r, T(r, key));
	buf_adds(&r->out, "</span>");
}

static void objective_row(struct req *r, const struct objective *o, day_t today)
{
	buf_addf(&r->out, "<tr><td><a href=\"/objectives/%lld\">", (long long)o->id);
	html(r, o->title);
	buf_adds(&r->out, "</a></td><td class=\"num\">");
	if (o->has_target) {
		html_num(r, o->target);
		buf_addc(&r->out, ' ');
		html(r, o->unit_label);
	} else {
		buf_adds(&r->out, "—");
	}
	buf_adds(&r->out, "</td><td>");
	html_date(r, o->due);
	buf_adds(&r->out, "</td><td class=\"num\">");
	if (o->due != DAY_NONE)
		buf_addf(&r->out, "%d", o->due > today ? o->due - today : 0);
	buf_adds(&r->out, "</td><td>");
	status_badge(r, o->status);
	buf_adds(&r->out, "</td></tr>");
}

static void objective_table(struct req *r, const struct objective *v, size_t n, day_t today)
{
	buf_adds(&r->out, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">");
	html(r, T(r, "col.objective"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "col.target"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "col.due"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "col.days_left"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "col.status"));
	buf_adds(&r->out, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		objective_row(r, &v[i], today);
	buf_adds(&r->out, "</tbody></table></div>");
}

static day_t today_of(struct req *r)
{
	return (day_t)(r->now / 86400);
}

int page_home(struct req *r)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	f.owner_person = r->me.person_id;
	struct objective *mine, *team;
	size_t n, nt;
	if (store_objective_list(r->store, r->me.org_id, &f, &r->arena, &mine, &n, NULL, &r->err))
		return -1;
	f.owner_person = 0;
	f.owner_unit = r->me.unit_id;
	if (store_objective_list(r->store, r->me.org_id, &f, &r->arena, &team, &nt, NULL, &r->err))
		return -1;
	page_open(r, T(r, "mine.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "mine.title"));
	buf_adds(&r->out, "</h1>");
	if (!n) {
		buf_adds(&r->out, "<p>");
		html(r, T(r, "mine.none"));
		buf_adds(&r->out, "</p>");
	} else {
		objective_table(r, mine, n, today_of(r));
	}
	if (nt) {
		buf_adds(&r->out, "<h2>");
		html(r, T(r, "mine.team"));
		buf_adds(&r->out, "</h2>");
		objective_table(r, team, nt, today_of(r));
	}
	return page_close(r);
}

static void field(struct req *r, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	buf_adds(&r->out, "<dt>");
	html(r, T(r, key));
	buf_adds(&r->out, "</dt><dd>");
	html(r, value);
	buf_adds(&r->out, "</dd>");
}

int page_objective(struct req *r)
{
	struct objective o;
	if (store_objective_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &o, &r->err))
		return -1;
	if (!access_objective_read(&r->me, &o))
		return fail(r, 404, "not_found", NULL, "objective", NULL);
	page_open(r, o.title);
	buf_adds(&r->out, "<h1>");
	html(r, o.title);
	buf_adds(&r->out, "</h1><p>");
	status_badge(r, o.status);
	char key[32];
	snprintf(key, sizeof(key), "level.%s", level_name(o.level));
	buf_adds(&r->out, " <span class=\"level\">");
	html(r, T(r, key));
	buf_adds(&r->out, "</span></p>");

	/* why it exists: the chain up to the ambition */
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.why"));
	buf_adds(&r->out, "</h2><ol class=\"path\">");
	struct org org;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err))
		return -1;
	struct objective chain[64];
	int depth = 0;
	id_t64 axis = o.axis_id;
	struct objective cur = o;
	while (cur.parent_id && depth < 64) {
		if (store_objective_get(r->store, r->me.org_id, cur.parent_id, &r->arena, &cur, &r->err))
			return -1;
		chain[depth++] = cur;
		if (cur.axis_id)
			axis = cur.axis_id;
	}
	buf_adds(&r->out, "<li><strong>");
	html(r, T(r, "obj.ambition"));
	buf_adds(&r->out, "</strong> — ");
	html(r, org.ambition);
	buf_adds(&r->out, "</li>");
	if (axis) {
		struct axis x;
		if (store_axis_get(r->store, r->me.org_id, axis, &r->arena, &x, &r->err))
			return -1;
		buf_adds(&r->out, "<li><strong>");
		html(r, T(r, "obj.axis"));
		buf_adds(&r->out, "</strong> — ");
		html(r, x.title);
		buf_adds(&r->out, "</li>");
	}
	for (int i = depth - 1; i >= 0; i--) {
		buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)chain[i].id);
		html(r, chain[i].title);
		buf_adds(&r->out, "</a></li>");
	}
	buf_adds(&r->out, "<li aria-current=\"page\">");
	html(r, o.title);
	buf_adds(&r->out, "</li></ol></section>");

	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.fields"));
	buf_adds(&r->out, "</h2><dl>");
	field(r, "obj.what", o.what);
	field(r, "obj.who", o.who);
	field(r, "obj.where", o.where_);
	field(r, "obj.why_f", o.why);
	field(r, "obj.how", o.how);
	field(r, "obj.indicator", o.indicator);
	if (o.has_baseline) {
		buf_adds(&r->out, "<dt>");
		html(r, T(r, "obj.baseline"));
		buf_adds(&r->out, "</dt><dd>");
		html_num(r, o.baseline);
		buf_adds(&r->out, "</dd>");
	}
	if (o.has_target) {
		buf_adds(&r->out, "<dt>");
		html(r, T(r, "col.target"));
		buf_adds(&r->out, "</dt><dd>");
		html_num(r, o.target);
		buf_addc(&r->out, ' ');
		html(r, o.unit_label);
		buf_adds(&r->out, "</dd>");
	}
	buf_adds(&r->out, "<dt>");
	html(r, T(r, "obj.period"));
	buf_adds(&r->out, "</dt><dd>");
	html_date(r, o.start);
	buf_adds(&r->out, " → ");
	html_date(r, o.due);
	buf_adds(&r->out, "</dd></dl></section>");

	json_t *plan = o.plan_json ? json_loads(o.plan_json, 0, NULL) : NULL;
	if (json_array_size(plan)) {
		buf_adds(&r->out, "<section><h2>");
		html(r, T(r, "obj.plan"));
		buf_adds(&r->out, "</h2><ul>");
		size_t i;
		json_t *step;
		json_array_foreach(plan, i, step) {
			day_t d;
			buf_adds(&r->out, "<li>");
			html(r, json_string_value(json_object_get(step, "title")));
			if (!date_parse_iso(json_string_value(json_object_get(step, "due")), &d)) {
				buf_adds(&r->out, " — ");
				html_date(r, d);
			}
			if (json_is_true(json_object_get(step, "done"))) {
				buf_adds(&r->out, " <span class=\"done\">(");
				html(r, T(r, "obj.done"));
				buf_adds(&r->out, ")</span>");
			}
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ul></section>");
	}
	json_decref(plan);

	struct audit_entry *hist;
	size_t nh, total;
	if (store_audit_list(r->store, r->me.org_id, "objective", o.id, 20, 0, &r->arena, &hist,
			     &nh, &total, &r->err))
		return -1;
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.history"));
	buf_adds(&r->out, "</h2><ul class=\"history\">");
	for (size_t i = 0; i < nh; i++) {
		buf_adds(&r->out, "<li>");
		html_date(r, (day_t)(hist[i].at / 86400));
		buf_adds(&r->out, " — ");
		html(r, hist[i].actor_name ? hist[i].actor_name : "cible");
		buf_adds(&r->out, " — ");
		html(r, hist[i].action);
		buf_adds(&r->out, "</li>");
	}
	buf_adds(&r->out, "</ul></section>");
	return page_close(r);
}
