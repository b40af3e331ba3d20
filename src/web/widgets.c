/* Pieces several pages draw: the progress bar with its pace marker, the
 * progress status, the value against the target, the indicator's chart and
 * the SMART verdict. Drawn as SVG by the server: no script, no style
 * attribute (the CSP allows neither), readable without colours. */
#include <math.h>
#include <string.h>
#include "web/web.h"

static void pct_text(char *out, size_t n, double v)
{
	if (isnan(v))
		snprintf(out, n, "—");
	else
		snprintf(out, n, "%.0f %%", v * 100);
}

const char *w_pstatus_name(const struct measured *m)
{
	return m->has_progress ? pstatus_name(m->p.status) : "unknown";
}

void w_pstatus(struct req *r, const struct measured *m)
{
	char key[32];
	const char *st = w_pstatus_name(m);
	snprintf(key, sizeof(key), "ps.%s", st);
	buf_addf(&r->out, "<span class=\"ps ps-%s\">", st);
	html(r, T(r, key));
	buf_adds(&r->out, "</span>");
}

/* attainment as a bar from 0 to 100 % (beyond: full), the pace as a mark */
void w_bar(struct req *r, const struct measured *m)
{
	if (!m->has_progress) {
		buf_adds(&r->out, "<span class=\"muted\">—</span>");
		return;
	}
	double att = m->p.attainment, pace = m->ind && m->ind->prog.cumulative
		? m->p.expected_working : m->p.expected;
	int w = isnan(att) ? 0 : att < 0 ? 0 : att > 1 ? 100 : (int)(att * 100 + 0.5);
	int x = isnan(pace) ? -1 : (int)(fmin(fmax(pace, 0), 1) * 100 + 0.5);
	char a[16], p[16];
	pct_text(a, sizeof(a), att);
	pct_text(p, sizeof(p), pace);
	struct buf label = BUF_INIT;
	msg_render(&label, T(r, "bar.label"), a, p);
	buf_addf(&r->out, "<span class=\"bar\"><svg viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\""
		 " role=\"img\" aria-label=\"");
	html(r, label.data);
	buf_addf(&r->out, "\" class=\"bar-svg\"><rect class=\"bar-bg\" width=\"100\" height=\"10\"/>"
		 "<rect class=\"bar-fill ps-%s\" width=\"%d\" height=\"10\"/>", w_pstatus_name(m), w);
	if (x >= 0)
		buf_addf(&r->out, "<rect class=\"bar-pace\" x=\"%d\" width=\"1.5\" height=\"10\"/>",
			 x > 98 ? 98 : x);
	buf_adds(&r->out, "</svg><span class=\"bar-text\">");
	html(r, a);
	buf_adds(&r->out, "</span></span>");
	buf_free(&label);
}

/* "812 / 1 000 appels" */
/* A currency sign goes before the amount in English (€1,234.5), after it in
 * French (1 234,5 €); any other unit after the figures. */
static bool currency_sign(const char *unit)
{
	return unit && (!strcmp(unit, "€") || !strcmp(unit, "$") || !strcmp(unit, "£"));
}

void w_value(struct req *r, const struct objective *o, const struct measured *m)
{
	bool before = r->lang == LANG_EN && currency_sign(o->unit_label);
	if (m->has_value) {
		if (before)
			html(r, o->unit_label);
		html_num(r, round(m->value * 100) / 100);
	} else {
		buf_adds(&r->out, "—");
	}
	if (o->has_target) {
		buf_adds(&r->out, " / ");
		if (before)
			html(r, o->unit_label);
		html_num(r, o->target);
	}
	if (!before && o->unit_label && *o->unit_label) {
		buf_adds(&r->out, "\xc2\xa0");  /* no break before the unit */
		html(r, o->unit_label);
	}
}

void w_forecast(struct req *r, const struct measured *m)
{
	if (m->has_progress && !isnan(m->p.forecast))
		html_num(r, round(m->p.forecast * 100) / 100);
	else
		buf_adds(&r->out, "—");
}

/* The value to date, the pace line from the baseline to the target, and the
 * target, from start to due. */
void w_chart(struct req *r, const struct objective *o, const struct measured *m)
{
	if (!m->ind || !m->nseries || o->start == DAY_NONE || o->due <= o->start)
		return;
	const int W = 640, H = 240, L = 64, R = 16, TOP = 16, B = 40;
	double lo = INFINITY, hi = -INFINITY;
	bool cum = m->ind->prog.cumulative;
	double base = cum ? 0 : o->has_baseline ? o->baseline : NAN;
	for (size_t i = 0; i < m->nseries; i++) {
		double v = m->series[i].to_date;
		if (!isnan(v)) {
			lo = fmin(lo, v);
			hi = fmax(hi, v);
		}
	}
	if (o->has_target) {
		lo = fmin(lo, o->target);
		hi = fmax(hi, o->target);
	}
	if (!isnan(base)) {
		lo = fmin(lo, base);
		hi = fmax(hi, base);
	}
	if (!isfinite(lo) || !isfinite(hi))
		return;
	if (cum && lo > 0)
		lo = 0;
	if (hi == lo)
		hi = lo + 1;
	double pad = (hi - lo) * 0.08;
	lo -= lo == 0 ? 0 : pad;
	hi += pad;
	double span = (double)(o->due - o->start + 1);
#define X(d) (L + (double)((d) - o->start) / span * (W - L - R))
#define Y(v) (TOP + (hi - (v)) / (hi - lo) * (H - TOP - B))
	buf_adds(&r->out, "<figure class=\"chart\"><svg viewBox=\"0 0 640 240\" role=\"img\" aria-label=\"");
	html(r, T(r, "obj.chart_desc"));
	buf_adds(&r->out, "\">");
	/* grid: four levels, labelled */
	for (int k = 0; k <= 4; k++) {
		double v = lo + (hi - lo) * k / 4;
		buf_addf(&r->out, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
			 "<text class=\"tick\" x=\"%d\" y=\"%.1f\">", L, W - R, Y(v), Y(v), L - 6, Y(v) + 4);
		html_num(r, fabs(v) >= 100 ? round(v) : round(v * 10) / 10);
		buf_adds(&r->out, "</text>");
	}
	buf_addf(&r->out, "<text class=\"tick start\" x=\"%d\" y=\"%d\">", L, H - 12);
	html_date(r, o->start);
	buf_addf(&r->out, "</text><text class=\"tick end\" x=\"%d\" y=\"%d\">", W - R, H - 12);
	html_date(r, o->due);
	buf_adds(&r->out, "</text>");
	/* target and pace */
	if (o->has_target) {
		buf_addf(&r->out, "<line class=\"target\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
			 "<text class=\"label\" x=\"%d\" y=\"%.1f\">", L, W - R, Y(o->target), Y(o->target),
			 W - R - 4, Y(o->target) - 5);
		html(r, T(r, "chart.target"));
		buf_adds(&r->out, "</text>");
		if (!isnan(base))
			buf_addf(&r->out, "<line class=\"pace\" x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\"/>",
				 X(o->start), X(o->due + 1), Y(base), Y(o->target));
	}
	/* the value to date, bucket by bucket (at the end of each) */
	buf_adds(&r->out, "<polyline class=\"value\" points=\"");
	bool any = false;
	for (size_t i = 0; i < m->nseries; i++) {
		double v = m->series[i].to_date;
		if (isnan(v))
			continue;
		day_t end = i + 1 < m->nseries ? m->series[i + 1].start : o->due + 1;
		day_t today = r->clock.today;
		if (end > today + 1)
			end = today + 1;
		if (end > o->due + 1)
			end = o->due + 1;
		buf_addf(&r->out, "%.1f,%.1f ", X(end), Y(v));
		any = true;
	}
	buf_adds(&r->out, "\"/>");
	(void)any;
	buf_adds(&r->out, "</svg><figcaption><span class=\"key key-value\"></span> ");
	html(r, T(r, "chart.value"));
	buf_adds(&r->out, " <span class=\"key key-pace\"></span> ");
	html(r, T(r, "bar.pace"));
	buf_adds(&r->out, " <span class=\"key key-target\"></span> ");
	html(r, T(r, "chart.target"));
	buf_adds(&r->out, "</figcaption></figure>");
#undef X
#undef Y
}

/* The verdict of app_objective_smart(), criterion by criterion. */
void w_smart(struct req *r, json_t *v)
{
	static const char *const crit[] = { "specific", "measurable", "achievable", "relevant",
					    "time_bound" };
	buf_addf(&r->out, "<p>");
	html(r, T(r, "obj.score"));
	buf_addf(&r->out, " : <strong>%d</strong>/100</p><ul class=\"smart\">",
		 (int)json_integer_value(json_object_get(v, "score")));
	json_t *c = json_object_get(v, "criteria");
	for (int k = 0; k < 5; k++) {
		json_t *x = json_object_get(c, crit[k]);
		const char *verdict = json_string_value(json_object_get(x, "verdict"));
		char key[32];
		snprintf(key, sizeof(key), "smart.%s", crit[k]);
		buf_addf(&r->out, "<li class=\"sv sv-%s\"><strong>", verdict ? verdict : "pass");
		html(r, T(r, key));
		buf_adds(&r->out, "</strong> — ");
		snprintf(key, sizeof(key), "sv.%s", verdict ? verdict : "pass");
		html(r, T(r, key));
		size_t i;
		json_t *reason;
		json_t *reasons = json_object_get(x, "reasons");
		if (json_array_size(reasons))
			buf_adds(&r->out, "<ul>");
		json_array_foreach(reasons, i, reason) {
			buf_adds(&r->out, "<li>");
			html(r, json_string_value(json_object_get(reason, "message")));
			const char *sug = json_string_value(json_object_get(reason, "suggestion"));
			if (sug && *sug) {
				buf_adds(&r->out, " <em>");
				html(r, sug);
				buf_adds(&r->out, "</em>");
			}
			buf_adds(&r->out, "</li>");
		}
		if (json_array_size(reasons))
			buf_adds(&r->out, "</ul>");
		buf_adds(&r->out, "</li>");
	}
	buf_adds(&r->out, "</ul>");
	json_t *q = json_object_get(v, "questions");
	if (json_array_size(q)) {
		buf_adds(&r->out, "<p>");
		html(r, T(r, "obj.questions"));
		buf_adds(&r->out, "</p><ul>");
		size_t i;
		json_t *s;
		json_array_foreach(q, i, s) {
			buf_adds(&r->out, "<li>");
			html(r, json_string_value(s));
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ul>");
	}
}

void w_filters(struct req *r, const char *action, const struct unit *units, size_t nu,
	       bool any_unit, id_t64 unit, const char *from, const char *to, const char *sort)
{
	buf_addf(&r->out, "<form method=\"get\" action=\"%s\" class=\"filters\">"
		 "<div class=\"field\"><label for=\"f-unit\">", action);
	html(r, T(r, "team.unit"));
	buf_adds(&r->out, "</label><select id=\"f-unit\" name=\"unit\">");
	if (any_unit)
		buf_adds(&r->out, "<option value=\"\">—</option>");
	for (size_t i = 0; i < nu; i++) {
		buf_addf(&r->out, "<option value=\"%lld\"%s>", (long long)units[i].id,
			 units[i].id == unit ? " selected" : "");
		html(r, units[i].name);
		buf_adds(&r->out, "</option>");
	}
	buf_adds(&r->out, "</select></div><div class=\"field\"><label for=\"f-from\">");
	html(r, T(r, "team.from"));
	buf_adds(&r->out, "</label><input id=\"f-from\" name=\"from\" type=\"date\" value=\"");
	html(r, from ? from : "");
	buf_adds(&r->out, "\"></div><div class=\"field\"><label for=\"f-to\">");
	html(r, T(r, "team.to"));
	buf_adds(&r->out, "</label><input id=\"f-to\" name=\"to\" type=\"date\" value=\"");
	html(r, to ? to : "");
	buf_adds(&r->out, "\"></div>");
	if (sort)
		buf_addf(&r->out, "<input type=\"hidden\" name=\"sort\" value=\"%s\">", sort);
	buf_adds(&r->out, "<button type=\"submit\">");
	html(r, T(r, "team.apply"));
	buf_adds(&r->out, "</button></form>");
}

static void export_links(struct req *r, const char *api_path, bool pdf)
{
	const char *sep = strchr(api_path, '?') ? "&amp;" : "?";
	buf_adds(&r->out, "<p class=\"links export\"><a class=\"button\" download href=\"");
	html(r, api_path);
	buf_addf(&r->out, "%sformat=csv\">", sep);
	html(r, T(r, "export.csv"));
	buf_adds(&r->out, "</a> <a class=\"button\" download href=\"");
	html(r, api_path);
	buf_addf(&r->out, "%sformat=xlsx\">", sep);
	html(r, T(r, "export.xlsx"));
	if (pdf) {
		buf_adds(&r->out, "</a> <a class=\"button\" download href=\"");
		html(r, api_path);
		buf_addf(&r->out, "%sformat=pdf\">", sep);
		html(r, T(r, "export.pdf"));
	}
	buf_adds(&r->out, "</a></p>");
}

void w_export(struct req *r, const char *api_path)
{
	export_links(r, api_path, false);
}

void w_export_report(struct req *r, const char *api_path)
{
	export_links(r, api_path, true);
}
