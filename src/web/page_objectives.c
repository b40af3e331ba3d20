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

day_t web_today(struct req *r)
{
	(void)r;
	return measure_today();
}

int web_measure_ctx(struct req *r, struct org *org, struct mind **inds, size_t *n)
{
	if (store_org_get(r->store, r->me.org_id, &r->arena, org, &r->err))
		return -1;
	return measure_indicators(r->store, r->me.org_id, &r->arena, inds, n, &r->err);
}

static void objective_row(struct req *r, const struct objective *o, const struct measured *m,
			  day_t today)
{
	buf_addf(&r->out, "<tr class=\"row-%s\"><td><a href=\"/objectives/%lld\">",
		 w_pstatus_name(m), (long long)o->id);
	html(r, o->title);
	buf_adds(&r->out, "</a> ");
	status_badge(r, o->status);
	buf_adds(&r->out, "</td><td class=\"progress\">");
	w_bar(r, m);
	buf_adds(&r->out, "</td><td class=\"num\">");
	w_value(r, o, m);
	buf_adds(&r->out, "</td><td class=\"num\">");
	w_forecast(r, m);
	buf_adds(&r->out, "</td><td>");
	html_date(r, o->due);
	buf_adds(&r->out, "</td><td class=\"num\">");
	if (o->due != DAY_NONE)
		buf_addf(&r->out, "%d", o->due > today ? o->due - today : 0);
	buf_adds(&r->out, "</td><td>");
	w_pstatus(r, m);
	buf_adds(&r->out, "</td></tr>");
}

void objective_table(struct req *r, const struct objective *v, const struct measured *m, size_t n,
		     day_t today)
{
	static const char *const cols[] = { "col.objective", "col.progress", "col.value",
					    "col.forecast", "col.due", "col.days_left", "col.status" };
	buf_adds(&r->out, "<div class=\"scroll\"><table class=\"objectives\"><thead><tr>");
	for (size_t k = 0; k < sizeof(cols) / sizeof(cols[0]); k++) {
		buf_adds(&r->out, "<th scope=\"col\">");
		html(r, T(r, cols[k]));
		buf_adds(&r->out, "</th>");
	}
	buf_adds(&r->out, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		if (v[i].status != ST_CANCELLED)
			objective_row(r, &v[i], &m[i], today);
	buf_adds(&r->out, "</tbody></table></div>");
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
	struct org org;
	struct mind *inds;
	size_t ni;
	day_t today = web_today(r);
	struct measured *mm = arena_alloc(&r->arena, (n + 1) * sizeof(*mm));
	struct measured *mt = arena_alloc(&r->arena, (nt + 1) * sizeof(*mt));
	if (web_measure_ctx(r, &org, &inds, &ni) ||
	    measure_many(r->store, &org, mine, n, today, B_MONTH, inds, ni, &r->arena, mm, &r->err) ||
	    measure_many(r->store, &org, team, nt, today, B_MONTH, inds, ni, &r->arena, mt, &r->err))
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
		objective_table(r, mine, mm, n, today);
	}
	if (nt) {
		buf_adds(&r->out, "<h2>");
		html(r, T(r, "mine.team"));
		buf_adds(&r->out, "</h2>");
		objective_table(r, team, mt, nt, today);
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
	static __thread struct objective chain[64];
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

	/* where it stands */
	struct mind *inds;
	size_t ni;
	struct measured m;
	if (measure_indicators(r->store, r->me.org_id, &r->arena, &inds, &ni, &r->err) ||
	    measure_objective(r->store, &org, &o, web_today(r), B_WEEK, inds, ni, &r->arena, &m,
			      &r->err))
		return -1;
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.progress"));
	buf_adds(&r->out, "</h2>");
	if (!m.ind) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "obj.not_measured"));
		buf_adds(&r->out, "</p>");
	} else {
		buf_adds(&r->out, "<div class=\"big-bar\">");
		w_bar(r, &m);
		buf_adds(&r->out, "</div><dl><dt>");
		html(r, T(r, "obj.indicator"));
		buf_adds(&r->out, "</dt><dd>");
		html(r, r->lang == LANG_EN ? m.ind->row.name_en : m.ind->row.name_fr);
		buf_adds(&r->out, "</dd><dt>");
		html(r, T(r, "col.value"));
		buf_adds(&r->out, "</dt><dd>");
		w_value(r, &o, &m);
		buf_adds(&r->out, "</dd><dt>");
		html(r, T(r, "col.status"));
		buf_adds(&r->out, "</dt><dd>");
		w_pstatus(r, &m);
		buf_adds(&r->out, "</dd><dt>");
		html(r, T(r, "col.forecast"));
		buf_adds(&r->out, "</dt><dd>");
		w_forecast(r, &m);
		buf_adds(&r->out, "</dd>");
		if (m.has_progress) {
			buf_adds(&r->out, "<dt>");
			html(r, T(r, "col.days_left"));
			buf_addf(&r->out, "</dt><dd>%d</dd>", m.p.days_left);
		}
		buf_adds(&r->out, "</dl>");
		buf_adds(&r->out, "<h3>");
		html(r, T(r, "obj.chart"));
		buf_adds(&r->out, "</h3>");
		w_chart(r, &o, &m);
	}
	if (m.rollup >= 0) {
		buf_adds(&r->out, "<p>");
		html(r, T(r, "obj.rollup"));
		buf_addf(&r->out, " : %.0f %% (%d)</p>", m.rollup * 100, m.nchildren);
	}
	if (access_objective_write(&r->me, &o)) {
		buf_addf(&r->out, "<p class=\"actions\"><a class=\"button\" href=\"/objectives/%lld/edit\">",
			 (long long)o.id);
		html(r, T(r, "obj.edit"));
		buf_addf(&r->out, "</a> <a href=\"/objectives/new?parent=%lld\">", (long long)o.id);
		html(r, T(r, "obj.new_child"));
		buf_adds(&r->out, "</a></p>");
	}
	buf_adds(&r->out, "</section>");

	/* the SMART verdict */
	json_t *verdict = smart_verdict_json(r, &o);
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.smart"));
	buf_adds(&r->out, "</h2>");
	w_smart(r, verdict);
	json_decref(verdict);
	buf_adds(&r->out, "</section>");

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
