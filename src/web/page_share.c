/* Sharing a team objective out, in the browser (app/share.h): the page
 * /objectives/{id}/share-out offers the methods, previews the members'
 * targets (a GET: nothing is written) with their sum against the team's,
 * and the confirmation (a POST) drafts them and proposes each in a
 * negotiation round, back to the objective's page. A refusal shows the page
 * again with the error. The objective's page shows what its children add up
 * to and links here for who may share it out. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/share.h"
#include "web/web.h"

static const char *const methods[] = { "even", "ramp", "history", "weights" };

/* The figure of a target in the objective's unit. */
static void figure(struct req *r, double x, const char *unit)
{
	html_num(r, x);
	if (unit && *unit) {
		buf_adds(&r->out, " ");
		html(r, unit);
	}
}

/* A draft or proposed individual objective under a team's: the target that
 * would fit its owner, with the reasoning (app_suggest_target). */
static void suggestion(struct req *r, struct app *a, const struct objective *o)
{
	if (o->level != LEVEL_INDIVIDUAL || !o->owner_person_id || !o->parent_id ||
	    (o->status != ST_DRAFT && o->status != ST_PROPOSED))
		return;
	struct suggested sg;
	struct err e;
	err_clear(&e);
	if (app_suggest_target(a, o->owner_person_id, o->parent_id, &sg, &e) || !sg.s.has_value)
		return;
	buf_adds(&r->out, "<section id=\"suggested\"><h2>");
	html(r, T(r, "share.suggested"));
	buf_adds(&r->out, "</h2><p>");
	html(r, sg.reasoning);
	buf_adds(&r->out, "</p></section>");
}

void share_section(struct req *r, struct app *a, const struct objective *o)
{
	suggestion(r, a, o);
	struct children_total ct;
	app_children_total(r->store, r->me.org_id, o, &r->arena, &ct);
	bool may = o->level == LEVEL_COLLECTIVE && o->owner_unit_id && o->status != ST_CANCELLED &&
		   (a->me.role == ROLE_ADMIN ||
		    (a->me.role == ROLE_MANAGER && idset_has(&a->me.managed, o->scope_unit_id)));
	if (!ct.has && !may)
		return;
	buf_adds(&r->out, "<section id=\"share\"><h2>");
	html(r, T(r, "share.title"));
	buf_adds(&r->out, "</h2>");
	if (ct.has) {
		buf_addf(&r->out, "<p id=\"children-total\" class=\"%s\">", ct.adds_up ? "adds-up" : "gap");
		html(r, T(r, ct.rate ? "share.children_mean" : "share.children_sum"));
		buf_adds(&r->out, " ");
		figure(r, ct.total, o->unit_label);
		buf_adds(&r->out, " / ");
		html(r, T(r, "share.expected"));
		buf_adds(&r->out, " ");
		figure(r, ct.expected, o->unit_label);
		if (!ct.adds_up) {
			buf_adds(&r->out, " — ");
			html(r, T(r, "share.gap"));
			buf_adds(&r->out, " ");
			figure(r, fabs(ct.gap), o->unit_label);
		}
		buf_adds(&r->out, "</p>");
	}
	if (may) {
		buf_addf(&r->out, "<p><a href=\"/objectives/%lld/share-out\">", (long long)o->id);
		html(r, T(r, "share.link"));
		buf_adds(&r->out, "</a></p>");
	}
	buf_adds(&r->out, "</section>");
}

/* The input from the page's fields (a GET's query or a POST's form). */
static void share_fields(struct req *r, bool post, struct share_input *in, const char **method,
			 const struct share_result *members)
{
	memset(in, 0, sizeof(*in));
	in->propose = true;
	*method = post ? form(r, "method") : query(r, "method");
	int m = share_method_parse(*method);
	in->method = m < 0 ? SHARE__COUNT : (enum share_method)m;
	if (in->method != SHARE_WEIGHTS || !members)
		return;
	struct share_weight *w = arena_alloc(&r->arena, (members->n ? members->n : 1) * sizeof(*w));
	for (size_t i = 0; i < members->n; i++) {
		char name[40];
		snprintf(name, sizeof(name), "w%lld", (long long)members->members[i].p.id);
		const char *v = post ? form(r, name) : query(r, name);
		w[i].person_id = members->members[i].p.id;
		double x = 1;
		if (v && *v && web_number(v, &x))
			x = NAN;   /* the use case names the weight it cannot read */
		w[i].weight = x;
	}
	in->weights = w;
	in->nweights = members->n;
	in->weights_given = true;
}

static void weight_value(struct req *r, bool post, id_t64 person)
{
	char name[40];
	snprintf(name, sizeof(name), "w%lld", (long long)person);
	const char *v = post ? form(r, name) : query(r, name);
	html(r, v && *v ? v : "1");
}

static int render(struct req *r, id_t64 id, bool post, const struct err *refusal)
{
	struct app a;
	req_app(r, &a);
	struct objective o;
	if (app_objective_get(&a, id, &o, &r->err))
		return -1;
	/* the members, by an even preview (it checks the objective and the caller) */
	struct share_input even = { SHARE_EVEN, NULL, 0, false, true, true };
	struct share_result members;
	struct err e;
	err_clear(&e);
	if (app_share_out(&a, id, &even, &members, &e)) {
		if (e.status == 403 || e.status == 404 || e.status >= 500) {
			r->err = e;
			return -1;
		}
		members.n = 0;
	}
	struct share_input in;
	const char *method;
	share_fields(r, post, &in, &method, &members);
	struct share_result res;
	bool previewed = false;
	struct err pe;
	err_clear(&pe);
	if (refusal)
		pe = *refusal;
	else if (e.code)
		pe = e;
	else if (method && *method) {
		in.preview = true;
		if (in.method == SHARE__COUNT)
			err_set(&pe, 422, "invalid_value", "method", "method",
				"even, weights, ramp or history");
		else if (!app_share_out(&a, id, &in, &res, &pe))
			previewed = true;
	}
	page_open(r, T(r, "share.page"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "share.page"));
	buf_adds(&r->out, "</h1><p><a href=\"");
	buf_addf(&r->out, "/objectives/%lld\">", (long long)id);
	html(r, o.title);
	buf_adds(&r->out, "</a> — ");
	html(r, T(r, "col.target"));
	buf_adds(&r->out, " ");
	figure(r, o.target, o.unit_label);
	buf_adds(&r->out, "</p>");
	if (pe.code) {
		struct buf m = BUF_INIT;
		err_message(&pe, r->lang, &m);
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\" id=\"share-error\">");
		html(r, m.data ? m.data : "");
		buf_adds(&r->out, "</p>");
		buf_free(&m);
	}
	/* the method and, for weights, one per member */
	buf_addf(&r->out, "<form method=\"get\" action=\"/objectives/%lld/share-out\" id=\"share-form\">"
		 "<fieldset><legend>", (long long)id);
	html(r, T(r, "share.method"));
	buf_adds(&r->out, "</legend>");
	for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
		bool on = method ? !strcmp(method, methods[i]) : i == 0;
		buf_addf(&r->out, "<div class=\"field check\"><input type=\"radio\" name=\"method\" id=\"m-%s\" value=\"%s\"%s>"
			 "<label for=\"m-%s\">", methods[i], methods[i], on ? " checked" : "", methods[i]);
		html(r, T(r, arena_printf(&r->arena, "share.m.%s", methods[i])));
		buf_adds(&r->out, "</label></div>");
	}
	buf_adds(&r->out, "</fieldset>");
	if (members.n) {
		buf_adds(&r->out, "<fieldset class=\"weights\"><legend>");
		html(r, T(r, "share.weights"));
		buf_adds(&r->out, "</legend>");
		for (size_t i = 0; i < members.n; i++) {
			long long pid = (long long)members.members[i].p.id;
			buf_addf(&r->out, "<div class=\"field\"><label for=\"w%lld\">", pid);
			html(r, members.members[i].p.name);
			buf_addf(&r->out, "</label><input id=\"w%lld\" name=\"w%lld\" inputmode=\"decimal\""
				 " value=\"", pid, pid);
			weight_value(r, post, members.members[i].p.id);
			buf_adds(&r->out, "\"></div>");
		}
		buf_adds(&r->out, "</fieldset>");
	}
	buf_adds(&r->out, "<p><button type=\"submit\">");
	html(r, T(r, "share.preview"));
	buf_adds(&r->out, "</button></p></form>");

	if (previewed) {
		static const char *const head[] = { "share.member", "share.history", "share.ramp",
						    "col.target" };
		buf_adds(&r->out, "<section id=\"share-preview\"><h2>");
		html(r, T(r, "share.preview_title"));
		buf_adds(&r->out, "</h2><div class=\"scroll\"><table><thead><tr>");
		for (int i = 0; i < 4; i++) {
			buf_adds(&r->out, "<th scope=\"col\">");
			html(r, T(r, head[i]));
			buf_adds(&r->out, "</th>");
		}
		buf_adds(&r->out, "</tr></thead><tbody>");
		for (size_t i = 0; i < res.n; i++) {
			const struct share_member *x = &res.members[i];
			buf_adds(&r->out, "<tr><th scope=\"row\">");
			html(r, x->p.name);
			buf_adds(&r->out, "</th><td>");
			if (x->has_history)
				figure(r, x->history, o.unit_label);
			else
				html(r, "—");
			buf_adds(&r->out, "</td><td>");
			if (x->ramp_month > 0) {
				html(r, T(r, "share.month"));
				buf_addf(&r->out, " %d : ", x->ramp_month);
				html_num(r, x->factor * 100);
				buf_adds(&r->out, " %");
			} else {
				html(r, "—");
			}
			buf_adds(&r->out, "</td><td class=\"num\">");
			figure(r, x->target, o.unit_label);
			buf_adds(&r->out, "</td></tr>");
		}
		buf_adds(&r->out, "</tbody><tfoot><tr><th scope=\"row\" colspan=\"3\">");
		html(r, T(r, res.cumulative ? "share.total" : "share.mean"));
		buf_adds(&r->out, "</th><td class=\"num\" id=\"share-total\">");
		figure(r, res.total, o.unit_label);
		buf_adds(&r->out, "</td></tr></tfoot></table></div>");
		buf_addf(&r->out, "<form method=\"post\" action=\"/objectives/%lld/share-out\">"
			 "<input type=\"hidden\" name=\"csrf\" value=\"", (long long)id);
		html(r, r->csrf);
		buf_adds(&r->out, "\"><input type=\"hidden\" name=\"method\" value=\"");
		html(r, method);
		buf_adds(&r->out, "\">");
		for (size_t i = 0; in.method == SHARE_WEIGHTS && i < members.n; i++) {
			long long pid = (long long)members.members[i].p.id;
			buf_addf(&r->out, "<input type=\"hidden\" name=\"w%lld\" value=\"", pid);
			weight_value(r, post, members.members[i].p.id);
			buf_adds(&r->out, "\">");
		}
		buf_adds(&r->out, "<p><button type=\"submit\" id=\"share-confirm\">");
		html(r, T(r, "share.confirm"));
		buf_adds(&r->out, "</button></p></form></section>");
	}
	return page_close(r);
}

int page_share_out(struct req *r)
{
	return render(r, param_id(r, 0), false, NULL);
}

int page_share_out_post(struct req *r)
{
	id_t64 id = param_id(r, 0);
	struct app a;
	req_app(r, &a);
	struct share_input even = { SHARE_EVEN, NULL, 0, false, true, true };
	struct share_result members, res;
	struct err e;
	err_clear(&e);
	if (app_share_out(&a, id, &even, &members, &e))
		members.n = 0;
	struct share_input in;
	const char *method;
	share_fields(r, true, &in, &method, &members);
	err_clear(&e);
	if (in.method == SHARE__COUNT)
		err_set(&e, 422, "invalid_value", "method", "method", "even, weights, ramp or history");
	else if (!app_share_out(&a, id, &in, &res, &e)) {
		web_redirect(r, arena_printf(&r->arena, "/objectives/%lld#share", (long long)id));
		return 0;
	}
	if (e.status == 404 || e.status == 403 || e.status >= 500) {
		r->err = e;
		return -1;
	}
	int rc = render(r, id, true, &e);
	if (!rc)
		r->status = e.status ? e.status : 422;
	return rc;
}
