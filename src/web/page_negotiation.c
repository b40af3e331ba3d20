/* The negotiation on an objective's page: the offer on the table with its
 * bounds, the agreed version beside a reopened round's offer, the team's
 * totals for its managers, the rounds as a thread, and the forms of the
 * moves the reader may make (app/negotiation.h decides which). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/negotiation.h"
#include "web/web.h"

static bool nf_err_on(const struct ngform *f, const char *kind, const char *field)
{
	return f && f->err && f->err->code && f->kind && !strcmp(f->kind, kind) &&
	       !strcmp(f->err->field, field);
}

/* The refusal of a move, above the forms. */
static void nf_error(struct req *r, const struct ngform *f)
{
	if (!f || !f->err || !f->err->code)
		return;
	struct buf m = BUF_INIT;
	err_message(f->err, r->lang, &m);
	buf_adds(&r->out, "<p class=\"error\" role=\"alert\" id=\"neg-error\">");
	html(r, m.data ? m.data : "");
	buf_adds(&r->out, "</p>");
	buf_free(&m);
}

static void amount(struct req *r, double x, const char *unit)
{
	if (x < 0) {
		html(r, "—");
		return;
	}
	html_num(r, x);
	if (unit) {
		buf_adds(&r->out, " ");
		html(r, unit);
	}
}

/* target, means and plan of a set of terms, as a definition list */
static void terms_dl(struct req *r, const struct terms *t, const char *unit)
{
	buf_adds(&r->out, "<dl class=\"terms\"><dt>");
	html(r, T(r, "neg.target"));
	buf_adds(&r->out, "</dt><dd>");
	if (t->has_target)
		amount(r, t->target, unit);
	else
		html(r, "—");
	buf_adds(&r->out, "</dd><dt>");
	html(r, T(r, "neg.budget"));
	buf_adds(&r->out, "</dt><dd>");
	amount(r, t->budget, NULL);
	buf_adds(&r->out, "</dd><dt>");
	html(r, T(r, "neg.time"));
	buf_adds(&r->out, "</dt><dd>");
	amount(r, t->time_hours, "h");
	buf_adds(&r->out, "</dd><dt>");
	html(r, T(r, "neg.support"));
	buf_adds(&r->out, "</dt><dd>");
	html(r, t->support && *t->support ? t->support : "—");
	buf_adds(&r->out, "</dd>");
	if (t->due != DAY_NONE) {
		buf_adds(&r->out, "<dt>");
		html(r, T(r, "col.due"));
		buf_adds(&r->out, "</dt><dd>");
		html_date(r, t->due);
		buf_adds(&r->out, "</dd>");
	}
	buf_adds(&r->out, "</dl>");
}

static void kind_label(struct req *r, enum move_kind k)
{
	char key[40];
	snprintf(key, sizeof(key), "neg.kind.%s", move_kind_name(k));
	html(r, T(r, key));
}

/* One input of a move's form: id neg-<kind>-<name>, its label, its error. */
static void input(struct req *r, const struct ngform *f, const char *kind, const char *name,
		  const char *field, const char *label_key, const char *type, const char *value,
		  const char *extra)
{
	const char *typed = NULL;
	if (f && f->kind && !strcmp(f->kind, kind)) {
		static const char *const names[] = { "target", "budget", "time_hours", "support",
						     "reason", "low_pct", "high_pct" };
		const char *const vals[] = { f->target, f->budget, f->time_hours, f->support,
					     f->reason, f->low_pct, f->high_pct };
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (!strcmp(names[i], name))
				typed = vals[i];
	}
	buf_addf(&r->out, "<label for=\"neg-%s-%s\">", kind, name);
	html(r, T(r, label_key));
	buf_adds(&r->out, "</label>");
	bool bad = nf_err_on(f, kind, field);
	if (!strcmp(type, "textarea")) {
		buf_addf(&r->out, "<textarea id=\"neg-%s-%s\" name=\"%s\" rows=\"2\" maxlength=\"2000\"%s%s>",
			 kind, name, name, extra ? extra : "",
			 bad ? " aria-invalid=\"true\" aria-describedby=\"neg-error\"" : "");
		html(r, typed ? typed : value ? value : "");
		buf_adds(&r->out, "</textarea>");
		return;
	}
	buf_addf(&r->out, "<input id=\"neg-%s-%s\" name=\"%s\" type=\"%s\"%s%s value=\"", kind, name,
		 name, type, extra ? extra : "",
		 bad ? " aria-invalid=\"true\" aria-describedby=\"neg-error\"" : "");
	html(r, typed ? typed : value ? value : "");
	buf_adds(&r->out, "\">");
}

static const char *num_text(struct req *r, double x, bool has)
{
	return has && x >= 0 ? arena_printf(&r->arena, "%.15g", x) : "";
}

static void form_open(struct req *r, const struct objective *o, const char *kind)
{
	buf_addf(&r->out, "<form method=\"post\" action=\"/objectives/%lld/rounds\" class=\"round-form\""
		 " id=\"form-%s\"><input type=\"hidden\" name=\"csrf\" value=\"", (long long)o->id, kind);
	html(r, r->csrf);
	buf_addf(&r->out, "\"><input type=\"hidden\" name=\"kind\" value=\"%s\"><fieldset><legend>",
		 kind);
	kind_label(r, (enum move_kind)move_kind_parse(kind));
	buf_adds(&r->out, "</legend>");
}

static void form_close(struct req *r, const char *submit_key)
{
	buf_adds(&r->out, "<p><button type=\"submit\">");
	html(r, T(r, submit_key));
	buf_adds(&r->out, "</button></p></fieldset></form>");
}

static void means_inputs(struct req *r, const struct ngform *f, const char *kind,
			 const struct terms *t)
{
	input(r, f, kind, "budget", "means.budget", "neg.budget", "text",
	      num_text(r, t->budget, true), " inputmode=\"decimal\"");
	input(r, f, kind, "time_hours", "means.time_hours", "neg.time", "text",
	      num_text(r, t->time_hours, true), " inputmode=\"decimal\"");
	input(r, f, kind, "support", "means.support", "neg.support", "text", t->support, NULL);
}

static void forms(struct req *r, const struct negotiation *n, const struct ngform *f)
{
	const struct objective *o = &n->o;
	const struct move *offer = n->state.open ? n->state.offer : NULL;
	struct terms cur;
	if (offer)
		cur = offer->t;
	else
		terms_of(o, &cur);
	if (n->next & (1u << MV_ACCEPT)) {
		form_open(r, o, "accept");
		input(r, f, "accept", "reason", "reason", "neg.reason_opt", "textarea", NULL, NULL);
		form_close(r, "neg.accept");
	}
	if (n->next & (1u << MV_COUNTER_MEANS)) {
		form_open(r, o, "counter_means");
		means_inputs(r, f, "counter_means", &cur);
		input(r, f, "counter_means", "reason", "reason", "neg.reason", "textarea", NULL,
		      " required");
		form_close(r, "neg.submit_means");
	}
	if (n->next & (1u << MV_COUNTER_TARGET)) {
		form_open(r, o, "counter_target");
		char extra[128];
		snprintf(extra, sizeof(extra), " inputmode=\"decimal\" required aria-describedby=\"neg-bounds\"");
		input(r, f, "counter_target", "target", "target", "neg.target", "text",
		      num_text(r, cur.target, cur.has_target), extra);
		input(r, f, "counter_target", "reason", "reason", "neg.reason", "textarea", NULL,
		      " required");
		form_close(r, "neg.submit_target");
	} else if (offer && (n->next & (1u << MV_COUNTER_MEANS))) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "neg.means_first"));
		buf_adds(&r->out, "</p>");
	}
	if (n->next & (1u << MV_PROPOSAL)) {
		const char *k = "proposal";
		form_open(r, o, k);
		input(r, f, k, "target", "target", "neg.target", "text",
		      num_text(r, cur.target, cur.has_target), " inputmode=\"decimal\"");
		input(r, f, k, "low_pct", "bounds.low_pct", "neg.low_pct", "text", "90",
		      " inputmode=\"decimal\"");
		input(r, f, k, "high_pct", "bounds.high_pct", "neg.high_pct", "text", "110",
		      " inputmode=\"decimal\"");
		means_inputs(r, f, k, &cur);
		input(r, f, k, "reason", "reason", "neg.reason_opt", "textarea", NULL, NULL);
		form_close(r, "neg.submit_proposal");
	}
}

static void thread(struct req *r, const struct negotiation *n)
{
	if (!n->n) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "neg.none"));
		buf_adds(&r->out, "</p>");
		return;
	}
	buf_adds(&r->out, "<h3>");
	html(r, T(r, "neg.thread"));
	buf_adds(&r->out, "</h3><ol class=\"rounds\">");
	const struct move *prev = NULL;
	for (size_t i = 0; i < n->n; i++) {
		const struct move *m = &n->moves[i];
		buf_addf(&r->out, "<li class=\"round-%s\"><p class=\"meta\"><strong>",
			 move_kind_name(m->kind));
		kind_label(r, m->kind);
		buf_adds(&r->out, "</strong> — ");
		html(r, m->author_name ? m->author_name : "cible");
		buf_adds(&r->out, " — ");
		html_date(r, (day_t)(m->created_at / 86400));
		buf_adds(&r->out, "</p>");
		unsigned d = prev && m->kind != MV_ACCEPT ? terms_diff(&prev->t, &m->t)
			   : m->kind == MV_ACCEPT ? 0 : TF_TARGET;
		if (d) {
			buf_adds(&r->out, "<p class=\"changed\">");
			bool first = true;
			if (d & TF_TARGET) {
				html(r, T(r, "neg.target"));
				buf_adds(&r->out, " ");
				html_num(r, m->t.target);
				if (m->kind == MV_PROPOSAL || m->kind == MV_REOPEN) {
					buf_adds(&r->out, " (");
					html(r, T(r, "neg.bounds"));
					buf_adds(&r->out, " ");
					html_num(r, m->low);
					buf_adds(&r->out, " – ");
					html_num(r, m->high);
					buf_adds(&r->out, ")");
				}
				first = false;
			}
			if (d & TF_BUDGET) {
				buf_adds(&r->out, first ? "" : " · ");
				html(r, T(r, "neg.budget"));
				buf_adds(&r->out, " ");
				amount(r, m->t.budget, NULL);
				first = false;
			}
			if (d & TF_TIME_HOURS) {
				buf_adds(&r->out, first ? "" : " · ");
				html(r, T(r, "neg.time"));
				buf_adds(&r->out, " ");
				amount(r, m->t.time_hours, "h");
				first = false;
			}
			if (d & TF_SUPPORT) {
				buf_adds(&r->out, first ? "" : " · ");
				html(r, T(r, "neg.support"));
				buf_adds(&r->out, " : ");
				html(r, m->t.support ? m->t.support : "—");
				first = false;
			}
			if (d & (TF_PLAN | TF_START | TF_DUE | TF_INDICATOR)) {
				buf_adds(&r->out, first ? "" : " · ");
				html(r, T(r, "neg.other_terms"));
			}
			buf_adds(&r->out, "</p>");
		}
		if (m->reason) {
			buf_adds(&r->out, "<p class=\"comment\">");
			html(r, m->reason);
			buf_adds(&r->out, "</p>");
		}
		buf_adds(&r->out, "</li>");
		if (m->kind != MV_ACCEPT)
			prev = m;
	}
	buf_adds(&r->out, "</ol>");
}

int negotiation_section(struct req *r, struct app *a, const struct objective *o,
			const struct ngform *f)
{
	struct negotiation n;
	if (app_negotiation_get(a, o->id, &n, &r->err))
		return -1;
	buf_adds(&r->out, "<section id=\"negotiation\"><h2>");
	html(r, T(r, "neg.title"));
	buf_adds(&r->out, "</h2>");
	nf_error(r, f);
	if (n.nagreements && n.o.status != ST_PROPOSED) {
		const struct agreement *g = &n.agreements[n.nagreements - 1];
		buf_adds(&r->out, "<p class=\"agreed\">");
		html(r, T(r, "neg.agreed_on"));
		buf_adds(&r->out, " ");
		html_date(r, g->agreed_on);
		buf_adds(&r->out, " — ");
		html(r, g->owner_name ? g->owner_name : "cible");
		buf_adds(&r->out, " · ");
		html(r, g->manager_name ? g->manager_name : "cible");
		buf_adds(&r->out, "</p>");
	}
	const struct move *offer = n.state.open ? n.state.offer : NULL;
	if (offer || n.has_agreed) {
		buf_adds(&r->out, "<div class=\"versions\">");
		if (n.has_agreed && offer) {
			buf_adds(&r->out, "<div><h3>");
			html(r, T(r, "neg.agreed_version"));
			buf_adds(&r->out, "</h3>");
			terms_dl(r, &n.agreed, o->unit_label);
			buf_adds(&r->out, "</div>");
		}
		if (offer) {
			buf_adds(&r->out, "<div><h3>");
			html(r, T(r, "neg.offer"));
			buf_adds(&r->out, "</h3><p class=\"muted\">");
			html(r, offer->author_name ? offer->author_name : "cible");
			buf_adds(&r->out, "</p>");
			terms_dl(r, &offer->t, o->unit_label);
			buf_adds(&r->out, "<p id=\"neg-bounds\">");
			html(r, T(r, "neg.bounds"));
			buf_adds(&r->out, " : ");
			html_num(r, offer->low);
			buf_adds(&r->out, " – ");
			html_num(r, offer->high);
			buf_adds(&r->out, "</p></div>");
		}
		buf_adds(&r->out, "</div>");
	}
	if (n.totals.shown) {
		const struct nego_totals *t = &n.totals;
		buf_adds(&r->out, "<p class=\"totals\"><strong>");
		html(r, T(r, "neg.totals"));
		buf_adds(&r->out, "</strong> ");
		html(r, T(r, "neg.totals_agreed"));
		buf_adds(&r->out, " ");
		html_num(r, t->agreed);
		buf_adds(&r->out, " + ");
		html(r, T(r, "neg.totals_proposed"));
		buf_adds(&r->out, " ");
		html_num(r, t->proposed);
		buf_adds(&r->out, " = ");
		html_num(r, t->agreed + t->proposed);
		if (t->parent.has_target) {
			buf_adds(&r->out, " / ");
			html(r, T(r, "neg.totals_team"));
			buf_adds(&r->out, " ");
			html_num(r, t->parent.target);
		}
		buf_adds(&r->out, "</p>");
	}
	forms(r, &n, f);
	thread(r, &n);
	buf_adds(&r->out, "</section>");
	return 0;
}

/* "1 234,5" as a French person types it; "" leaves the field unset. */
static int form_number(const char *v, const char *field, double *out, bool *given,
		       struct err *e)
{
	*given = false;
	if (!v || !*v)
		return 0;
	if (web_number(v, out))
		return err_set(e, 422, "invalid_value", field, field, v);
	*given = true;
	return 0;
}

/* A move from the objective's page: back to the thread, or the page again
 * with what was typed and the refusal. */
int page_round_post(struct req *r)
{
	id_t64 id = param_id(r, 0);
	struct ngform f = { form(r, "kind"), NULL, form(r, "target"), form(r, "budget"),
			    form(r, "time_hours"), form(r, "support"), form(r, "reason"),
			    form(r, "low_pct"), form(r, "high_pct") };
	struct app a;
	req_app(r, &a);
	struct round_input in;
	memset(&in, 0, sizeof(in));
	struct err e;
	err_clear(&e);
	int k = move_kind_parse(f.kind);
	bool given;
	struct objective_input *t = &in.terms;
	if (k < 0 || k == MV_REOPEN) {
		err_set(&e, 422, "invalid_value", "kind", "kind",
			"proposal, counter_means, counter_target or accept");
		goto refused;
	}
	in.kind = (enum move_kind)k;
	if (form_number(f.target, "target", &t->target, &given, &e))
		goto refused;
	if (given) {
		t->set |= OF_TARGET;
		t->has_target = true;
	}
	if (in.kind == MV_COUNTER_MEANS || in.kind == MV_PROPOSAL) {
		/* the means as typed: an emptied amount is none */
		double x;
		if (form_number(f.budget, "means.budget", &x, &given, &e))
			goto refused;
		t->set |= OF_BUDGET;
		t->has_budget = given;
		t->budget = x;
		if (form_number(f.time_hours, "means.time_hours", &x, &given, &e))
			goto refused;
		t->set |= OF_TIME_HOURS;
		t->has_time_hours = given;
		t->time_hours = x;
		t->set |= OF_SUPPORT;
		t->support = f.support && *f.support ? f.support : NULL;
	}
	if (in.kind == MV_PROPOSAL) {
		bool glo, ghi;
		if (form_number(f.low_pct, "bounds.low_pct", &in.bounds.low, &glo, &e) ||
		    form_number(f.high_pct, "bounds.high_pct", &in.bounds.high, &ghi, &e))
			goto refused;
		in.bounds.given = glo || ghi;
		in.bounds.pct = true;
		if (in.bounds.given && !(glo && ghi)) {
			const char *miss = glo ? "bounds.high_pct" : "bounds.low_pct";
			err_set(&e, 422, "missing_field", miss, miss, NULL);
			goto refused;
		}
	}
	in.reason = f.reason && *f.reason ? f.reason : NULL;
	struct negotiation n;
	if (!app_round_add(&a, id, &in, &n, &e)) {
		web_redirect(r, arena_printf(&r->arena, "/objectives/%lld#negotiation", (long long)id));
		return 0;
	}
refused:
	if (e.status == 404 || e.status >= 500) {
		r->err = e;
		return -1;
	}
	f.err = &e;
	int rc = objective_page_render(r, id, NULL, &f);
	if (!rc)
		r->status = e.status ? e.status : 422;
	return rc;
}
