/* "Mes objectifs" (the home page) and an objective's own page: its SMART
 * fields, the chain that explains why it exists, its action plan and history. */
#include <math.h>
#include <string.h>
#include "core/cascade.h"
#include "app/objective.h"
#include "app/rhythm.h"
#include "app/result.h"
#include "web/web.h"

static void status_badge(struct req *r, enum status s)
{
	char key[32];
	snprintf(key, sizeof(key), "status.%s", status_name(s));
	buf_addf(&r->out, "<span class=\"status status-%s\">", status_name(s));
	html(r, T(r, key));
	buf_adds(&r->out, "</span>");
}

int web_measure_ctx(struct req *r, struct org *org, struct mind **inds, size_t *n)
{
	if (store_org_get(r->store, r->me.org_id, &r->arena, org, &r->err))
		return -1;
	return measure_indicators(r->store, r->me.org_id, &r->arena, inds, n, &r->err);
}

static void confidence_badge(struct req *r, enum confidence c)
{
	if (c == CONF_NONE)
		return;
	char key[32];
	snprintf(key, sizeof(key), "conf.%s", confidence_name(c));
	buf_addf(&r->out, " <span class=\"conf conf-%s\">", confidence_name(c));
	html(r, T(r, key));
	buf_adds(&r->out, "</span>");
}

/* "25/11/2026 — Marie Membre" and the confidence, linked to the thread */
static void last_checkin(struct req *r, const struct objective *o, const struct checkin *c)
{
	if (!c || !c->id) {
		buf_adds(&r->out, "<span class=\"muted\">");
		html(r, T(r, "checkin.none"));
		buf_adds(&r->out, "</span>");
		return;
	}
	buf_addf(&r->out, "<a href=\"/objectives/%lld#checkins\">", (long long)o->id);
	html_date(r, (day_t)(c->created_at / 86400));
	buf_adds(&r->out, "</a> — ");
	html(r, c->author_name ? c->author_name : "");
	confidence_badge(r, c->confidence);
}

static void objective_row(struct req *r, const struct objective *o, const struct measured *m,
			  const struct checkin *last, day_t today)
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
	if (last) {
		buf_adds(&r->out, "</td><td class=\"checkin\">");
		last_checkin(r, o, last);
	}
	buf_adds(&r->out, "</td></tr>");
}

void objective_table(struct req *r, const struct objective *v, const struct measured *m,
		     const struct checkin *last, size_t n, day_t today)
{
	static const char *const cols[] = { "col.objective", "col.progress", "col.value",
					    "col.forecast", "col.due", "col.days_left", "col.status",
					    "col.checkin" };
	size_t ncols = sizeof(cols) / sizeof(cols[0]) - (last ? 0 : 1);
	buf_adds(&r->out, "<div class=\"scroll\"><table class=\"objectives\"><thead><tr>");
	for (size_t k = 0; k < ncols; k++) {
		buf_adds(&r->out, "<th scope=\"col\">");
		html(r, T(r, cols[k]));
		buf_adds(&r->out, "</th>");
	}
	buf_adds(&r->out, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++)
		if (v[i].status != ST_CANCELLED)
			objective_row(r, &v[i], &m[i], last ? &last[i] : NULL, today);
	buf_adds(&r->out, "</tbody></table></div>");
}

int last_checkins(struct req *r, const struct objective *v, size_t n, struct checkin **out)
{
	struct ids ids = { arena_alloc(&r->arena, (n + 1) * sizeof(id_t64)), n };
	for (size_t i = 0; i < n; i++)
		ids.v[i] = v[i].id;
	return store_checkin_last(r->store, r->me.org_id, &ids, &r->arena, out, &r->err);
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
	day_t today = r->clock.today;
	struct measured *mm = arena_alloc(&r->arena, (n + 1) * sizeof(*mm));
	struct measured *mt = arena_alloc(&r->arena, (nt + 1) * sizeof(*mt));
	if (web_measure_ctx(r, &org, &inds, &ni) ||
	    measure_kept(r->store, &org, mine, n, today, B_MONTH, inds, ni, &r->arena, mm, &r->err) ||
	    measure_kept(r->store, &org, team, nt, today, B_MONTH, inds, ni, &r->arena, mt, &r->err))
		return -1;
	struct checkin *lm, *lt;
	if (last_checkins(r, mine, n, &lm) || last_checkins(r, team, nt, &lt))
		return -1;
	struct person_rhythm rh;
	struct person me;
	bool has_rhythm = false;
	if (r->me.person_id) {
		struct app a;
		req_app(r, &a);
		if (store_person_get(r->store, r->me.org_id, r->me.person_id, &r->arena, &me, &r->err) ||
		    app_rhythm_people(&a, &me, 1, &rh, &r->err))
			return -1;
		has_rhythm = rh.n > 0;
	}
	page_open(r, T(r, "mine.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "mine.title"));
	buf_adds(&r->out, "</h1>");
	if (has_rhythm)
		w_rhythm(r, &rh);
	if (!n) {
		buf_adds(&r->out, "<p>");
		html(r, T(r, "mine.none"));
		buf_adds(&r->out, "</p>");
	} else {
		objective_table(r, mine, mm, lm, n, today);
	}
	if ((n || nt) && r->me.person_id)
		w_export_report(r, arena_printf(&r->arena, "/api/people/%lld/dashboard",
					 (long long)r->me.person_id));
	if (r->me.person_id) {
		buf_addf(&r->out, "<p><a href=\"/people/%lld#calendar\">", (long long)r->me.person_id);
		html(r, T(r, "cal.link"));
		buf_adds(&r->out, "</a></p>");
	}
	if (nt) {
		buf_adds(&r->out, "<h2>");
		html(r, T(r, "mine.team"));
		buf_adds(&r->out, "</h2>");
		objective_table(r, team, mt, lt, nt, today);
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

/* A failed check-in: what was typed, and why it was refused. */
struct ckform {
	const char *comment, *confidence, *blockers, *next_steps, *value;
	const struct err *err;
};

static bool ck_err_on(const struct ckform *f, const char *field)
{
	return f && f->err && f->err->code && !strcmp(f->err->field, field);
}

static void ck_error(struct req *r, const struct ckform *f, const char *field)
{
	if (!f || !f->err || !f->err->code)
		return;
	if (field ? !ck_err_on(f, field)
		  : !strcmp(f->err->field, "comment") || !strcmp(f->err->field, "confidence") ||
		    !strcmp(f->err->field, "blockers") || !strcmp(f->err->field, "next_steps") ||
		    !strcmp(f->err->field, "value"))
		return;
	struct buf m = BUF_INIT;
	err_message(f->err, r->lang, &m);
	if (field)
		buf_addf(&r->out, "<p class=\"field-error\" id=\"err-%s\" role=\"alert\">", field);
	else
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\">");
	html(r, m.data ? m.data : "");
	buf_adds(&r->out, "</p>");
	buf_free(&m);
}

/* The check-ins, newest first, and the form to add one for who may. */
/* A text area of the check-in form, with what was typed and its error. */
static void ck_area(struct req *r, const struct ckform *f, const char *name, const char *key,
		    const char *typed)
{
	buf_addf(&r->out, "<label for=\"ck-%s\">", name);
	html(r, T(r, key));
	buf_addf(&r->out, "</label><textarea id=\"ck-%s\" name=\"%s\" rows=\"2\" maxlength=\"2000\"",
		 name, name);
	if (ck_err_on(f, name))
		buf_addf(&r->out, " aria-invalid=\"true\" aria-describedby=\"err-%s\"", name);
	buf_adds(&r->out, ">");
	if (typed)
		html(r, typed);
	buf_adds(&r->out, "</textarea>");
	ck_error(r, f, name);
}

static int checkins_section(struct req *r, struct app *a, const struct objective *o,
			     bool by_hand, const struct ckform *f)
{
	struct checkin *v;
	size_t n, total;
	if (app_checkin_list(a, o->id, 50, 0, &v, &n, &total, &r->err))
		return -1;
	buf_adds(&r->out, "<section id=\"checkins\"><h2>");
	html(r, T(r, "checkin.title"));
	buf_adds(&r->out, "</h2>");
	if (access_checkin_write(&r->me, o) && o->status != ST_CANCELLED) {
		buf_addf(&r->out, "<form method=\"post\" action=\"/objectives/%lld/checkins\""
			 " class=\"checkin-form\"><input type=\"hidden\" name=\"csrf\" value=\"",
			 (long long)o->id);
		html(r, r->csrf);
		buf_adds(&r->out, "\">");
		ck_error(r, f, NULL);
		buf_adds(&r->out, "<label for=\"ck-comment\">");
		html(r, T(r, "checkin.comment"));
		buf_adds(&r->out, "</label><textarea id=\"ck-comment\" name=\"comment\" rows=\"3\""
			 " maxlength=\"2000\" required");
		if (ck_err_on(f, "comment"))
			buf_adds(&r->out, " aria-invalid=\"true\" aria-describedby=\"err-comment\"");
		buf_adds(&r->out, ">");
		if (f && f->comment)
			html(r, f->comment);
		buf_adds(&r->out, "</textarea>");
		ck_error(r, f, "comment");
		buf_adds(&r->out, "<label for=\"ck-confidence\">");
		html(r, T(r, "checkin.confidence"));
		buf_adds(&r->out, "</label><select id=\"ck-confidence\" name=\"confidence\"");
		if (ck_err_on(f, "confidence"))
			buf_adds(&r->out, " aria-invalid=\"true\" aria-describedby=\"err-confidence\"");
		buf_adds(&r->out, "><option value=\"\">");
		html(r, T(r, "checkin.unsaid"));
		buf_adds(&r->out, "</option>");
		for (int c = CONF_ON_TRACK; c < CONF__COUNT; c++) {
			char key[32];
			snprintf(key, sizeof(key), "conf.%s", confidence_name((enum confidence)c));
			buf_addf(&r->out, "<option value=\"%s\"%s>", confidence_name((enum confidence)c),
				 f && f->confidence && !strcmp(f->confidence,
							      confidence_name((enum confidence)c))
				 ? " selected" : "");
			html(r, T(r, key));
			buf_adds(&r->out, "</option>");
		}
		buf_adds(&r->out, "</select>");
		ck_error(r, f, "confidence");
		ck_area(r, f, "blockers", "checkin.blockers", f ? f->blockers : NULL);
		ck_area(r, f, "next_steps", "checkin.next_steps", f ? f->next_steps : NULL);
		if (by_hand) {
			buf_adds(&r->out, "<label for=\"ck-value\">");
			html(r, T(r, "checkin.value"));
			buf_adds(&r->out, "</label><input id=\"ck-value\" name=\"value\" inputmode=\"decimal\"");
			if (ck_err_on(f, "value"))
				buf_adds(&r->out, " aria-invalid=\"true\" aria-describedby=\"err-value\"");
			if (f && f->value) {
				buf_adds(&r->out, " value=\"");
				html(r, f->value);
				buf_adds(&r->out, "\"");
			}
			buf_adds(&r->out, ">");
			ck_error(r, f, "value");
		}
		buf_adds(&r->out, "<p><button type=\"submit\">");
		html(r, T(r, "checkin.submit"));
		buf_adds(&r->out, "</button></p></form>");
	}
	if (!n) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "checkin.empty"));
		buf_adds(&r->out, "</p>");
	} else {
		buf_adds(&r->out, "<ol class=\"checkins\">");
		for (size_t i = 0; i < n; i++) {
			buf_adds(&r->out, "<li><p class=\"meta\"><strong>");
			html(r, v[i].author_name ? v[i].author_name : "");
			buf_adds(&r->out, "</strong> — ");
			html_date(r, (day_t)(v[i].created_at / 86400));
			confidence_badge(r, v[i].confidence);
			if (v[i].has_attainment) {
				buf_adds(&r->out, " <span class=\"muted\">(");
				html(r, T(r, "checkin.then"));
				buf_adds(&r->out, " ");
				html_num(r, round(v[i].attainment * 100));
				buf_adds(&r->out, " %)</span>");
			}
			if (v[i].manual) {
				buf_adds(&r->out, " <span class=\"muted\">");
				html(r, T(r, "checkin.value_given"));
				buf_adds(&r->out, " ");
				html_num(r, v[i].value);
				buf_adds(&r->out, "</span>");
			}
			buf_adds(&r->out, "</p><p class=\"comment\">");
			html(r, v[i].comment);
			buf_adds(&r->out, "</p>");
			if (v[i].blockers) {
				buf_adds(&r->out, "<p class=\"comment\"><strong>");
				html(r, T(r, "checkin.blockers"));
				buf_adds(&r->out, " :</strong> ");
				html(r, v[i].blockers);
				buf_adds(&r->out, "</p>");
			}
			if (v[i].next_steps) {
				buf_adds(&r->out, "<p class=\"comment\"><strong>");
				html(r, T(r, "checkin.next_steps"));
				buf_adds(&r->out, " :</strong> ");
				html(r, v[i].next_steps);
				buf_adds(&r->out, "</p>");
			}
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ol>");
		w_export(r, arena_printf(&r->arena, "/api/objectives/%lld/checkins", (long long)o->id));
		if (total > n) {
			buf_adds(&r->out, "<p class=\"muted\">");
			html(r, T(r, "checkin.more"));
			buf_addf(&r->out, " %zu / %zu", n, total);
			buf_adds(&r->out, "</p>");
		}
	}
	buf_adds(&r->out, "</section>");
	return 0;
}

/* Why it exists: the chain up to the ambition (app_objective_chain). */
static int section_why(struct req *r, struct app *a, const struct objective *o,
		       const struct org *org)
{
	struct objective *up;
	size_t n;
	id_t64 axis;
	struct axis x;
	if (app_objective_chain(a, o, &up, &n, &axis, &r->err) ||
	    (axis && store_axis_get(r->store, r->me.org_id, axis, &r->arena, &x, &r->err)))
		return -1;
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.why"));
	buf_adds(&r->out, "</h2><ol class=\"path\"><li><strong>");
	html(r, T(r, "obj.ambition"));
	buf_adds(&r->out, "</strong> — ");
	html(r, org->ambition);
	buf_adds(&r->out, "</li>");
	if (axis) {
		buf_adds(&r->out, "<li><strong>");
		html(r, T(r, "obj.axis"));
		buf_adds(&r->out, "</strong> — ");
		html(r, x.title);
		buf_adds(&r->out, "</li>");
	}
	for (size_t i = n; i-- > 0;) {
		buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)up[i].id);
		html(r, up[i].title);
		buf_adds(&r->out, "</a></li>");
	}
	buf_adds(&r->out, "<li aria-current=\"page\">");
	html(r, o->title);
	buf_adds(&r->out, "</li></ol></section>");
	return 0;
}

/* Where it stands: the bar, the figures, the chart, the roll-up, the actions. */
static void section_progress(struct req *r, const struct objective *o, const struct measured *m)
{
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.progress"));
	buf_adds(&r->out, "</h2>");
	if (!m->ind) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "obj.not_measured"));
		buf_adds(&r->out, "</p>");
	} else {
		buf_adds(&r->out, "<div class=\"big-bar\">");
		w_bar(r, m);
		buf_adds(&r->out, "</div><dl><dt>");
		html(r, T(r, "obj.indicator"));
		buf_adds(&r->out, "</dt><dd>");
		html(r, r->lang == LANG_EN ? m->ind->row.name_en : m->ind->row.name_fr);
		buf_adds(&r->out, "</dd><dt>");
		html(r, T(r, "col.value"));
		buf_adds(&r->out, "</dt><dd>");
		w_value(r, o, m);
		buf_adds(&r->out, "</dd><dt>");
		html(r, T(r, "col.status"));
		buf_adds(&r->out, "</dt><dd>");
		w_pstatus(r, m);
		buf_adds(&r->out, "</dd><dt>");
		html(r, T(r, "col.forecast"));
		buf_adds(&r->out, "</dt><dd>");
		w_forecast(r, m);
		buf_adds(&r->out, "</dd>");
		if (m->has_progress) {
			buf_adds(&r->out, "<dt>");
			html(r, T(r, "col.days_left"));
			buf_addf(&r->out, "</dt><dd>%d</dd>", m->p.days_left);
		}
		buf_adds(&r->out, "</dl>");
		buf_adds(&r->out, "<h3>");
		html(r, T(r, "obj.chart"));
		buf_adds(&r->out, "</h3>");
		w_chart(r, o, m);
	}
	if (m->rollup >= 0) {
		buf_adds(&r->out, "<p>");
		html(r, T(r, "obj.rollup"));
		buf_addf(&r->out, " : %.0f %% (%d)</p>", m->rollup * 100, m->nchildren);
	}
	if (access_objective_write(&r->me, o)) {
		buf_addf(&r->out, "<p class=\"actions\"><a class=\"button\" href=\"/objectives/%lld/edit\">",
			 (long long)o->id);
		html(r, T(r, "obj.edit"));
		buf_addf(&r->out, "</a> <a href=\"/objectives/new?parent=%lld\">", (long long)o->id);
		html(r, T(r, "obj.new_child"));
		buf_adds(&r->out, "</a></p>");
	}
	buf_adds(&r->out, "</section>");
}

/* The SMART verdict on the request's day (app_objective_smart). */
static void section_smart(struct req *r, struct app *a, const struct objective *o)
{
	json_t *verdict = app_objective_smart(a, o);
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.smart"));
	buf_adds(&r->out, "</h2>");
	w_smart(r, verdict);
	json_decref(verdict);
	buf_adds(&r->out, "</section>");
}

/* The SMART fields as written, the target and the period. */
static void section_fields(struct req *r, const struct objective *o, const struct measured *m)
{
	buf_adds(&r->out, "<section><h2>");
	html(r, T(r, "obj.fields"));
	buf_adds(&r->out, "</h2><dl>");
	field(r, "obj.what", o->what);
	field(r, "obj.who", o->who);
	field(r, "obj.where", o->where_);
	field(r, "obj.why_f", o->why);
	field(r, "obj.how", o->how);
	field(r, "obj.indicator", m->ind ? (r->lang == LANG_EN ? m->ind->row.name_en
						       : m->ind->row.name_fr)
					 : o->indicator);
	if (o->has_baseline) {
		buf_adds(&r->out, "<dt>");
		html(r, T(r, "obj.baseline"));
		buf_adds(&r->out, "</dt><dd>");
		html_num(r, o->baseline);
		buf_adds(&r->out, "</dd>");
	}
	if (o->has_target) {
		buf_adds(&r->out, "<dt>");
		html(r, T(r, "col.target"));
		buf_adds(&r->out, "</dt><dd>");
		html_num(r, o->target);
		buf_addc(&r->out, ' ');
		html(r, o->unit_label);
		buf_adds(&r->out, "</dd>");
	}
	buf_adds(&r->out, "<dt>");
	html(r, T(r, "obj.period"));
	buf_adds(&r->out, "</dt><dd>");
	html_date(r, o->start);
	buf_adds(&r->out, " → ");
	html_date(r, o->due);
	buf_adds(&r->out, "</dd></dl></section>");
}

/* The action plan, step by step. */
static void section_plan(struct req *r, const struct objective *o)
{
	json_t *plan = o->plan_json ? json_loads(o->plan_json, 0, NULL) : NULL;
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
}

/* The last changes of its audit trail. */
static int section_history(struct req *r, const struct objective *o)
{
	struct audit_entry *hist;
	size_t nh, total;
	if (store_audit_list(r->store, r->me.org_id, "objective", o->id, 20, 0, &r->arena, &hist,
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
		const char *hkey = arena_printf(&r->arena, "hist.%s", hist[i].action);
		const char *said = T(r, hkey);
		html(r, !strcmp(said, hkey) ? hist[i].action : said);
		buf_adds(&r->out, "</li>");
	}
	buf_adds(&r->out, "</ul></section>");
	return 0;
}

/* An objective's page: its title, why it exists, where it stands, its
 * check-ins, its SMART verdict, its fields, its plan and its history. */
static int render_objective(struct req *r, id_t64 id, const struct ckform *f,
			    const struct ngform *nf)
{
	struct app a;
	req_app(r, &a);
	struct objective o;
	struct org org;
	struct mind *inds;
	size_t ni;
	struct measured m;
	if (app_objective_get(&a, id, &o, &r->err) ||
	    store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err) ||
	    measure_indicators(r->store, r->me.org_id, &r->arena, &inds, &ni, &r->err) ||
	    measure_objective(r->store, &org, &o, a.clock.today, B_WEEK, inds, ni, &r->arena, &m,
			      &r->err))
		return -1;
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
	if (section_why(r, &a, &o, &org))
		return -1;
	section_progress(r, &o, &m);
	share_section(r, &a, &o);
	if (negotiation_section(r, &a, &o, nf))
		return -1;
	if (checkins_section(r, &a, &o, m.ind == NULL, f))
		return -1;
	if (o.owner_person_id && r->me.person_id && r->me.role != ROLE_HR) {
		/* feedback about it, to its owner (or, for the owner, to their manager) */
		buf_addf(&r->out, "<p><a href=\"/feedback?about=%lld", (long long)o.id);
		if (o.owner_person_id != r->me.person_id)
			buf_addf(&r->out, "&amp;to=%lld", (long long)o.owner_person_id);
		buf_adds(&r->out, "\">");
		html(r, T(r, "checkin.feedback"));
		buf_adds(&r->out, "</a></p>");
	}
	section_smart(r, &a, &o);
	section_fields(r, &o, &m);
	section_plan(r, &o);
	if (section_history(r, &o))
		return -1;
	return page_close(r);
}

int page_objective(struct req *r)
{
	return render_objective(r, param_id(r, 0), NULL, NULL);
}

int objective_page_render(struct req *r, id_t64 id, const void *checkin_form,
			  const struct ngform *nf)
{
	return render_objective(r, id, checkin_form, nf);
}

/* A check-in from the objective's page: back to its thread, or the page again
 * with what was typed and the error beside its field. */
int page_checkin_post(struct req *r)
{
	id_t64 id = param_id(r, 0);
	const char *comment = form(r, "comment"), *conf = form(r, "confidence");
	const char *blockers = form(r, "blockers"), *next = form(r, "next_steps");
	const char *value = form(r, "value");
	struct app a;
	req_app(r, &a);
	struct checkin_input in = { comment ? comment : "", conf ? conf : "", blockers, next, false, 0 };
	if (value && *value) {
		in.has_value = !web_number(value, &in.value);
		if (!in.has_value) {
			struct err bad;
			err_clear(&bad);
			err_set(&bad, 422, "invalid_type", "value", "value", "a number");
			struct ckform bf = { comment, conf, blockers, next, value, &bad };
			int brc = render_objective(r, id, &bf, NULL);
			if (!brc)
				r->status = 422;
			return brc;
		}
	}
	struct checkin c;
	if (!app_checkin_create(&a, id, &in, &c, &r->err)) {
		web_redirect(r, arena_printf(&r->arena, "/objectives/%lld#checkins", (long long)id));
		return 0;
	}
	if (r->err.status == 404 || r->err.status >= 500)
		return -1;
	struct err keep = r->err;
	err_clear(&r->err);
	struct ckform f = { comment, conf, blockers, next, value, &keep };
	int rc = render_objective(r, id, &f, NULL);
	if (!rc)
		r->status = keep.status ? keep.status : 422;
	return rc;
}
