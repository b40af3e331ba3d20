/* The reviews' pages: /reviews (the list, opening a review), /reviews/{id}
 * (the objectives and outcomes, the texts, one's own assessment, submit,
 * sign, reopen, the PDF), over the same use cases as the API
 * (app/review.h). The page prints clean (the print stylesheet of cible.css:
 * no navigation, no forms). A refused form shows the error page with its
 * message. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "app/feedback.h"
#include "app/review.h"
#include "web/web.h"

const struct msg review_page_catalog[] = {
	{ "rv.title", "Bilans", "Reviews" },
	{ "rv.open", "Ouvrir un bilan", "Open a review" },
	{ "rv.who", "De qui", "Whose" },
	{ "rv.period", "Période", "Period" },
	{ "rv.year", "Année", "Year" },
	{ "rv.yearly", "Annuel", "Yearly" },
	{ "rv.quarterly", "Trimestriel", "Quarterly" },
	{ "rv.quarter", "Trimestre (pour un bilan trimestriel)", "Quarter (for a quarterly review)" },
	{ "rv.create", "Ouvrir", "Open" },
	{ "rv.none", "Aucun bilan pour l'instant.", "No review yet." },
	{ "rv.private", "Un bilan est lu par la personne, ses managers et les RH.",
	  "A review is read by the person, their managers and HR." },
	{ "rv.annual", "Bilan annuel", "Yearly review" },
	{ "rv.quarter_short", "Bilan trimestriel", "Quarterly review" },
	{ "rv.from", "Du", "From" },
	{ "rv.to", "au", "to" },
	{ "rv.version", "version", "version" },
	{ "rv.reviewee", "Collaborateur", "Person" },
	{ "rv.lead", "Responsable de l'équipe", "Team lead" },
	{ "rv.manager", "Manager", "Manager" },
	{ "rv.status", "État", "Status" },
	{ "rv.st.writing", "en rédaction", "being written" },
	{ "rv.st.signing", "à signer", "to be signed" },
	{ "rv.st.signed", "signé", "signed" },
	{ "rv.st.superseded", "remplacé par une version rouverte", "replaced by a reopened version" },
	{ "rv.objectives", "Objectifs de la période", "Objectives of the period" },
	{ "rv.objective", "Objectif", "Objective" },
	{ "rv.target", "Cible", "Target" },
	{ "rv.measured", "Mesuré", "Measured" },
	{ "rv.outcome", "Résultat", "Outcome" },
	{ "rv.no_objective", "Aucun objectif à échéance dans la période.",
	  "No objective due in the period." },
	{ "rv.worked", "Ce qui a marché", "What worked" },
	{ "rv.not_worked", "Ce qui n'a pas marché, et pourquoi", "What did not work, and why" },
	{ "rv.ideas", "Idées pour la suite", "Ideas for next time" },
	{ "rv.self", "Auto-évaluation", "Self-assessment" },
	{ "rv.mgr", "Appréciation du manager", "Manager's assessment" },
	{ "rv.hidden", "Montrée quand les deux appréciations sont remises.",
	  "Shown once both assessments are submitted." },
	{ "rv.submitted", "remise", "submitted" },
	{ "rv.nothing", "(rien d'écrit)", "(nothing written)" },
	{ "rv.save", "Enregistrer", "Save" },
	{ "rv.submit", "Remettre mon appréciation", "Submit my assessment" },
	{ "rv.sign", "Signer le bilan", "Sign the review" },
	{ "rv.signatures", "Signatures", "Signatures" },
	{ "rv.signed_by", "Signé par", "Signed by" },
	{ "rv.on", "le", "on" },
	{ "rv.not_signed", "pas encore signé", "not signed yet" },
	{ "rv.reopen", "Rouvrir le bilan (nouvelle version)", "Reopen the review (a new version)" },
	{ "rv.reason", "Pourquoi le rouvrir", "Why reopen it" },
	{ "rv.reopened", "Rouvert", "Reopened" },
	{ "rv.pdf", "Télécharger le PDF", "Download the PDF" },
	{ "rv.of_target", "de la cible", "of the target" },
	{ "rv.team", "équipe", "team" },
	{ NULL, NULL, NULL }
};

static const char *TR(struct req *r, const char *key)
{
	return T_page(r, review_page_catalog, key);
}

static void h(struct req *r, const char *tag, const char *key)
{
	buf_addf(&r->out, "<%s>", tag);
	html(r, TR(r, key));
	buf_addf(&r->out, "</%s>", tag);
}

static void status_badge(struct req *r, const char *status)
{
	const char *cls = !strcmp(status, "signed") ? "ps-done"
			  : !strcmp(status, "superseded") ? "ps-off_track" : "ps-on_track";
	char key[32];
	snprintf(key, sizeof(key), "rv.st.%s", status);
	buf_addf(&r->out, "<span class=\"ps %s\">", cls);
	html(r, TR(r, key));
	buf_adds(&r->out, "</span>");
}

static void period_title(struct req *r, const struct review_row *rv)
{
	char iso[11];
	date_format_iso(rv->start, iso);
	html(r, TR(r, !strcmp(rv->period, "year") ? "rv.annual" : "rv.quarter_short"));
	if (strcmp(rv->period, "year"))
		buf_addf(&r->out, " %s%d", r->lang == LANG_FR ? "T" : "Q", (atoi(iso + 5) + 2) / 3);
	buf_addf(&r->out, " %.4s — ", iso);
	html(r, rv->subject_name ? rv->subject_name : "");
}

/* ---- the list ---- */

int page_reviews(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review *v;
	size_t n;
	if (app_review_list(&a, NULL, 0, false, &v, &n, &r->err))
		return -1;
	page_open(r, TR(r, "rv.title"));
	h(r, "h1", "rv.title");
	buf_adds(&r->out, "<p class=\"muted\">");
	html(r, TR(r, "rv.private"));
	buf_adds(&r->out, "</p><section><h2>");
	html(r, TR(r, "rv.title"));
	buf_adds(&r->out, "</h2>");
	if (!n) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, TR(r, "rv.none"));
		buf_adds(&r->out, "</p>");
	} else {
		buf_adds(&r->out, "<ul class=\"checkins reviews\">");
		for (size_t i = 0; i < n; i++) {
			const struct review_row *rv = &v[i].row;
			buf_addf(&r->out, "<li><p><a href=\"/reviews/%lld\">", (long long)rv->id);
			period_title(r, rv);
			buf_adds(&r->out, "</a> ");
			status_badge(r, v[i].status);
			buf_addf(&r->out, "</p><p class=\"meta\">");
			html(r, TR(r, "rv.manager"));
			buf_adds(&r->out, " : ");
			html(r, rv->manager_name ? rv->manager_name : "");
			buf_addf(&r->out, " · %s %d</p></li>", TR(r, "rv.version"), rv->version);
		}
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "</section>");
	/* opening a review: oneself or someone within reach (those one may read) */
	if (r->me.person_id) {
		struct person *people;
		size_t np;
		if (app_feedback_reach(&a, &people, &np, &r->err))
			return -1;
		buf_adds(&r->out, "<section><h2>");
		html(r, TR(r, "rv.open"));
		buf_adds(&r->out, "</h2><form method=\"post\" action=\"/reviews\" class=\"checkin-form\">");
		html_csrf(r);
		buf_adds(&r->out, "<label for=\"rv-who\">");
		html(r, TR(r, "rv.who"));
		buf_addf(&r->out, "</label><select id=\"rv-who\" name=\"person_id\" required>"
			 "<option value=\"%lld\">", (long long)r->me.person_id);
		struct person me;
		struct err ignored;
		if (!store_person_get(r->store, r->me.org_id, r->me.person_id, &r->arena, &me, &ignored))
			html(r, me.name);
		buf_adds(&r->out, "</option>");
		for (size_t i = 0; i < np; i++) {
			bool mine;
			if (app_is_manager_of(&a, r->me.person_id, people[i].id, &mine, &r->err))
				return -1;
			if (!mine)
				continue;
			buf_addf(&r->out, "<option value=\"%lld\">", (long long)people[i].id);
			html(r, people[i].name);
			buf_adds(&r->out, "</option>");
		}
		char y[11];
		date_format_iso(r->clock.today, y);
		buf_adds(&r->out, "</select><label for=\"rv-period\">");
		html(r, TR(r, "rv.period"));
		buf_adds(&r->out, "</label><select id=\"rv-period\" name=\"period\"><option value=\"year\">");
		html(r, TR(r, "rv.yearly"));
		buf_adds(&r->out, "</option><option value=\"quarter\">");
		html(r, TR(r, "rv.quarterly"));
		buf_adds(&r->out, "</option></select><label for=\"rv-year\">");
		html(r, TR(r, "rv.year"));
		buf_addf(&r->out, "</label><input id=\"rv-year\" name=\"year\" type=\"number\" min=\"2000\""
			 " max=\"2100\" value=\"%.4s\" required><label for=\"rv-quarter\">", y);
		html(r, TR(r, "rv.quarter"));
		buf_adds(&r->out, "</label><select id=\"rv-quarter\" name=\"quarter\"><option value=\"\">—"
			 "</option><option>1</option><option>2</option><option>3</option>"
			 "<option>4</option></select><p><button type=\"submit\">");
		html(r, TR(r, "rv.create"));
		buf_adds(&r->out, "</button></p></form></section>");
	}
	return page_close(r);
}

static long form_long(struct req *r, const char *name)
{
	const char *s = form(r, name);
	if (!s || !*s)
		return 0;
	char *end;
	long v = strtol(s, &end, 10);
	return *end ? -1 : v;
}

int page_reviews_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review_create_input in = { "person", (id_t64)form_long(r, "person_id"),
					  form(r, "period"), (int)form_long(r, "year"),
					  (int)form_long(r, "quarter") };
	if (in.subject_id < 0)
		in.subject_id = 0;
	if (in.period && !strcmp(in.period, "year"))
		in.quarter = 0;
	struct review v;
	if (app_review_create(&a, &in, &v, &r->err))
		return -1;
	json_decref(v.objectives);
	web_redirect(r, arena_printf(&r->arena, "/reviews/%lld", (long long)v.row.id));
	return 0;
}

/* ---- one review ---- */

static void outcome_row(struct req *r, json_t *o)
{
	json_t *t = json_object_get(o, "target"), *val = json_object_get(o, "value"),
	       *att = json_object_get(o, "attainment");
	const char *unit = json_string_value(json_object_get(o, "unit"));
	const char *outcome = json_string_value(json_object_get(o, "outcome"));
	buf_addf(&r->out, "<tr><td><a href=\"/objectives/%lld\">",
		 (long long)json_integer_value(json_object_get(o, "objective_id")));
	html(r, json_string_value(json_object_get(o, "title")));
	buf_adds(&r->out, "</a></td><td>");
	if (json_is_number(t)) {
		html_num(r, json_number_value(t));
		if (unit && *unit) {
			buf_adds(&r->out, " ");
			html(r, unit);
		}
	} else {
		buf_adds(&r->out, "—");
	}
	buf_adds(&r->out, "</td><td>");
	if (json_is_number(val)) {
		html_num(r, json_number_value(val));
		if (unit && *unit) {
			buf_adds(&r->out, " ");
			html(r, unit);
		}
	} else {
		buf_adds(&r->out, "—");
	}
	buf_addf(&r->out, "</td><td><span class=\"outcome outcome-%s\">",
		 outcome ? outcome : "not_measured");
	html(r, review_outcome_word(outcome, r->lang));
	buf_adds(&r->out, "</span>");
	if (json_is_number(att)) {
		double x = json_number_value(att);
		int w = !isfinite(x) || x < 0 ? 0 : x > 1 ? 100 : (int)(x * 100 + 0.5);
		const char *cls = x >= 1 ? "ps-done" : x >= 0.5 ? "ps-on_track" : "ps-off_track";
		buf_adds(&r->out, " <span class=\"bar\"><svg viewBox=\"0 0 100 10\""
			 " preserveAspectRatio=\"none\" role=\"img\" aria-label=\"");
		html_num(r, round(x * 100));
		buf_adds(&r->out, " % ");
		html(r, TR(r, "rv.of_target"));
		buf_addf(&r->out, "\" class=\"bar-svg\"><rect class=\"bar-bg\" width=\"100\" height=\"10\"/>"
			 "<rect class=\"bar-fill %s\" width=\"%d\" height=\"10\"/></svg>"
			 "<span class=\"bar-text\">", cls, w);
		html_num(r, round(x * 100));
		buf_adds(&r->out, " %</span></span>");
	}
	buf_adds(&r->out, "</td></tr>");
}

static void text_block(struct req *r, const char *key, const char *name, const char *text,
		       bool editable)
{
	buf_adds(&r->out, "<section class=\"review-text\"><h2>");
	if (editable)
		buf_addf(&r->out, "<label for=\"rv-%s\">", name);
	html(r, TR(r, key));
	buf_adds(&r->out, editable ? "</label></h2>" : "</h2>");
	if (editable) {
		buf_addf(&r->out, "<textarea id=\"rv-%s\" name=\"%s\" rows=\"4\" maxlength=\"10000\">",
			 name, name);
		html(r, text ? text : "");
		buf_adds(&r->out, "</textarea>");
	} else {
		buf_adds(&r->out, "<p class=\"pre\">");
		html(r, text && *text ? text : TR(r, "rv.nothing"));
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "</section>");
}

static void signature(struct req *r, const char *who, const char *name, int64_t at)
{
	buf_adds(&r->out, "<p>");
	if (at) {
		html(r, TR(r, "rv.signed_by"));
		buf_adds(&r->out, " <strong>");
		html(r, name ? name : "");
		buf_adds(&r->out, "</strong> ");
		html(r, TR(r, "rv.on"));
		buf_adds(&r->out, " ");
		html_date(r, (day_t)(at / 86400));
	} else {
		html(r, who ? who : "");
		buf_adds(&r->out, " : ");
		html(r, TR(r, "rv.not_signed"));
	}
	buf_adds(&r->out, "</p>");
}

static void action_button(struct req *r, id_t64 id, const char *what, const char *key)
{
	buf_addf(&r->out, "<form method=\"post\" action=\"/reviews/%lld/%s\" class=\"inline\">",
		 (long long)id, what);
	html_csrf(r);
	buf_adds(&r->out, "<button type=\"submit\">");
	html(r, TR(r, key));
	buf_adds(&r->out, "</button></form>");
}

int page_review(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review v;
	if (app_review_get(&a, param_id(r, 0), &v, &r->err))
		return -1;
	const struct review_row *rv = &v.row;
	struct buf title = BUF_INIT;
	page_open(r, TR(r, "rv.title"));
	buf_adds(&r->out, "<article class=\"review\"><h1>");
	period_title(r, rv);
	buf_free(&title);
	buf_adds(&r->out, "</h1><p>");
	html(r, TR(r, "rv.from"));
	buf_adds(&r->out, " ");
	html_date(r, rv->start);
	buf_adds(&r->out, " ");
	html(r, TR(r, "rv.to"));
	buf_adds(&r->out, " ");
	html_date(r, rv->end);
	buf_addf(&r->out, " · %s %d · ", TR(r, "rv.version"), rv->version);
	status_badge(r, v.status);
	buf_adds(&r->out, "</p><p>");
	html(r, TR(r, !strcmp(rv->subject, "unit") ? "rv.lead" : "rv.reviewee"));
	buf_adds(&r->out, " : <strong>");
	html(r, rv->reviewee_name ? rv->reviewee_name : "");
	buf_adds(&r->out, "</strong> · ");
	html(r, TR(r, "rv.manager"));
	buf_adds(&r->out, " : <strong>");
	html(r, rv->manager_name ? rv->manager_name : "");
	buf_adds(&r->out, "</strong></p>");
	if (rv->reopen_reason) {
		buf_adds(&r->out, "<p>");
		html(r, TR(r, "rv.reopened"));
		buf_adds(&r->out, " : ");
		html(r, rv->reopen_reason);
		buf_adds(&r->out, "</p>");
	}
	buf_addf(&r->out, "<p class=\"no-print\"><a href=\"/api/reviews/%lld/pdf?lang=%s\">",
		 (long long)rv->id, r->lang == LANG_FR ? "fr" : "en");
	html(r, TR(r, "rv.pdf"));
	buf_adds(&r->out, "</a></p><section><h2>");
	html(r, TR(r, "rv.objectives"));
	buf_adds(&r->out, "</h2>");
	size_t n = json_array_size(v.objectives);
	if (!n) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, TR(r, "rv.no_objective"));
		buf_adds(&r->out, "</p>");
	} else {
		buf_adds(&r->out, "<div class=\"table-wrap\"><table class=\"review-objectives\"><thead><tr>"
			 "<th scope=\"col\">");
		html(r, TR(r, "rv.objective"));
		buf_adds(&r->out, "</th><th scope=\"col\">");
		html(r, TR(r, "rv.target"));
		buf_adds(&r->out, "</th><th scope=\"col\">");
		html(r, TR(r, "rv.measured"));
		buf_adds(&r->out, "</th><th scope=\"col\">");
		html(r, TR(r, "rv.outcome"));
		buf_adds(&r->out, "</th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++)
			outcome_row(r, json_array_get(v.objectives, i));
		buf_adds(&r->out, "</tbody></table></div>");
	}
	buf_adds(&r->out, "</section>");
	json_decref(v.objectives);

	bool open = !strcmp(v.status, "writing") || (!strcmp(v.status, "signing") &&
						    !rv->reviewee_signed_at && !rv->manager_signed_at);
	bool party = v.me != SIDE_NONE;
	bool editable = party && open;
	bool mine_submitted = v.me == SIDE_REVIEWEE ? rv->self_at != 0 : rv->manager_at != 0;
	if (editable) {
		buf_addf(&r->out, "<form method=\"post\" action=\"/reviews/%lld\" class=\"review-form\">",
			 (long long)rv->id);
		html_csrf(r);
	}
	text_block(r, "rv.worked", "worked", rv->worked, editable);
	text_block(r, "rv.not_worked", "not_worked", rv->not_worked, editable);
	text_block(r, "rv.ideas", "ideas", rv->ideas, editable);
	bool self_shown = v.both_submitted || v.me == SIDE_REVIEWEE;
	bool mgr_shown = v.both_submitted || v.me == SIDE_MANAGER;
	if (self_shown)
		text_block(r, "rv.self", "self_assessment", rv->self_text,
			   editable && v.me == SIDE_REVIEWEE && !rv->self_at);
	else {
		buf_adds(&r->out, "<section class=\"review-text\"><h2>");
		html(r, TR(r, "rv.self"));
		buf_adds(&r->out, "</h2><p class=\"muted\">");
		html(r, TR(r, "rv.hidden"));
		if (rv->self_at) {
			buf_adds(&r->out, " (");
			html(r, TR(r, "rv.submitted"));
			buf_adds(&r->out, ")");
		}
		buf_adds(&r->out, "</p></section>");
	}
	if (mgr_shown)
		text_block(r, "rv.mgr", "manager_assessment", rv->manager_text,
			   editable && v.me == SIDE_MANAGER && !rv->manager_at);
	else {
		buf_adds(&r->out, "<section class=\"review-text\"><h2>");
		html(r, TR(r, "rv.mgr"));
		buf_adds(&r->out, "</h2><p class=\"muted\">");
		html(r, TR(r, "rv.hidden"));
		if (rv->manager_at) {
			buf_adds(&r->out, " (");
			html(r, TR(r, "rv.submitted"));
			buf_adds(&r->out, ")");
		}
		buf_adds(&r->out, "</p></section>");
	}
	if (editable) {
		buf_adds(&r->out, "<p><button type=\"submit\">");
		html(r, TR(r, "rv.save"));
		buf_adds(&r->out, "</button></p></form>");
	}
	buf_adds(&r->out, "<section><h2>");
	html(r, TR(r, "rv.signatures"));
	buf_adds(&r->out, "</h2>");
	signature(r, rv->reviewee_name, rv->reviewee_signed_name, rv->reviewee_signed_at);
	signature(r, rv->manager_name, rv->manager_signed_name, rv->manager_signed_at);
	buf_adds(&r->out, "</section><div class=\"no-print actions\">");
	if (party && !rv->superseded) {
		if (editable && !mine_submitted)
			action_button(r, rv->id, "submit", "rv.submit");
		if (v.both_submitted && !(v.me == SIDE_REVIEWEE ? rv->reviewee_signed_at
								 : rv->manager_signed_at))
			action_button(r, rv->id, "sign", "rv.sign");
		if (!strcmp(v.status, "signed")) {
			buf_addf(&r->out, "<form method=\"post\" action=\"/reviews/%lld/reopen\""
				 " class=\"checkin-form\">", (long long)rv->id);
			html_csrf(r);
			buf_adds(&r->out, "<label for=\"rv-reason\">");
			html(r, TR(r, "rv.reason"));
			buf_adds(&r->out, "</label><textarea id=\"rv-reason\" name=\"reason\" rows=\"2\""
				 " maxlength=\"2000\" required></textarea><p><button type=\"submit\">");
			html(r, TR(r, "rv.reopen"));
			buf_adds(&r->out, "</button></p></form>");
		}
	}
	buf_adds(&r->out, "</div></article>");
	return page_close(r);
}

int page_review_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review_input in;
	memset(&in, 0, sizeof(in));
	static const struct { const char *name; unsigned bit; } f[] = {
		{ "worked", RV_WORKED }, { "not_worked", RV_NOT_WORKED }, { "ideas", RV_IDEAS },
		{ "self_assessment", RV_SELF }, { "manager_assessment", RV_MANAGER } };
	const char **dst[] = { &in.worked, &in.not_worked, &in.ideas, &in.self_assessment,
			       &in.manager_assessment };
	for (size_t i = 0; i < 5; i++) {
		const char *s = form(r, f[i].name);
		if (s) {
			*dst[i] = s;
			in.set |= f[i].bit;
		}
	}
	struct review v;
	if (app_review_update(&a, param_id(r, 0), &in, &v, &r->err))
		return -1;
	json_decref(v.objectives);
	web_redirect(r, arena_printf(&r->arena, "/reviews/%lld", (long long)param_id(r, 0)));
	return 0;
}

static int after(struct req *r, int rc, struct review *v)
{
	if (rc)
		return -1;
	json_decref(v->objectives);
	web_redirect(r, arena_printf(&r->arena, "/reviews/%lld", (long long)v->row.id));
	return 0;
}

int page_review_submit_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review v;
	return after(r, app_review_submit(&a, param_id(r, 0), &v, &r->err), &v);
}

int page_review_sign_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review v;
	return after(r, app_review_sign(&a, param_id(r, 0), &v, &r->err), &v);
}

int page_review_reopen_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct review v;
	return after(r, app_review_reopen(&a, param_id(r, 0), form(r, "reason"), &v, &r->err), &v);
}
