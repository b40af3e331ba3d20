/* The rhythm's pages: feedback threads (/feedback, /feedback/{id}) and
 * one-to-ones (/one-to-ones, /one-to-ones/{id}: the agenda, the notes, the
 * actions), over the same use cases as the API (app/feedback.h,
 * app/oneonone.h). A refused form shows the error page with its message. */
#include <stdlib.h>
#include <string.h>
#include "app/feedback.h"
#include "app/objective.h"
#include "app/oneonone.h"
#include "app/rhythm.h"
#include "web/web.h"

const struct msg rhythm_page_catalog[] = {
	{ "fb.title", "Retours", "Feedback" },
	{ "fb.give", "Faire un retour", "Give feedback" },
	{ "fb.to", "À qui", "To whom" },
	{ "fb.text", "Votre retour", "Your feedback" },
	{ "fb.about", "À propos de l'objectif", "About the objective" },
	{ "fb.send", "Envoyer", "Send" },
	{ "fb.none", "Aucun retour pour l'instant.", "No feedback yet." },
	{ "fb.nobody", "Personne à qui faire un retour : ni manager, ni équipe.",
	  "Nobody to give feedback to: no manager, no team." },
	{ "fb.private", "Un retour n'est lu que par vous deux et les RH.",
	  "Feedback is read by the two of you and HR only." },
	{ "fb.thread", "Échange", "Thread" },
	{ "fb.open", "ouvert", "open" },
	{ "fb.closed", "clos", "closed" },
	{ "fb.answer", "Répondre", "Answer" },
	{ "fb.your_answer", "Votre réponse", "Your answer" },
	{ "fb.close", "Clore l'échange", "Close the thread" },
	{ "fb.arrow", "à", "to" },
	{ "fb.general", "en général", "in general" },
	{ "oo.title", "Entretiens individuels", "One-to-ones" },
	{ "oo.one", "Entretien individuel", "One-to-one" },
	{ "oo.plan", "Prévoir un entretien", "Plan a one-to-one" },
	{ "oo.with", "Avec", "With" },
	{ "oo.day", "Date", "Day" },
	{ "oo.create", "Prévoir", "Plan" },
	{ "oo.upcoming", "À venir", "Upcoming" },
	{ "oo.past", "Passés", "Past" },
	{ "oo.none", "Aucun.", "None." },
	{ "oo.agenda", "Ordre du jour", "Agenda" },
	{ "oo.previous", "Depuis l'entretien du", "Since the one-to-one of" },
	{ "oo.first", "Premier entretien de ce binôme.", "This pair's first one-to-one." },
	{ "oo.at_risk", "Objectifs à risque", "Objectives at risk" },
	{ "oo.measured", "selon la mesure", "by its measure" },
	{ "oo.said", "selon le dernier point", "by the last check-in" },
	{ "oo.checkins", "Points d'étape depuis le dernier entretien",
	  "Check-ins since the last one-to-one" },
	{ "oo.feedback", "Retours ouverts", "Open feedback" },
	{ "oo.open_actions", "Actions des entretiens précédents, pas encore faites",
	  "Earlier actions not done yet" },
	{ "oo.nothing", "Rien.", "Nothing." },
	{ "oo.notes", "Notes", "Notes" },
	{ "oo.shared", "Notes partagées (lues par vous deux)", "Shared notes (read by both of you)" },
	{ "oo.private", "Mes notes privées (lues par moi seul)", "My private notes (read by me alone)" },
	{ "oo.save", "Enregistrer les notes", "Save the notes" },
	{ "oo.actions", "Actions décidées", "Actions decided" },
	{ "oo.action", "Action", "Action" },
	{ "oo.owner", "Qui", "Who" },
	{ "oo.due", "Pour le", "Due" },
	{ "oo.add", "Ajouter l'action", "Add the action" },
	{ "oo.done", "Faite", "Done" },
	{ "oo.mark_done", "Marquer faite", "Mark done" },
	{ "oo.reopen", "Rouvrir", "Reopen" },
	{ "oo.manager", "manager", "manager" },
	{ "oo.member", "collaborateur", "member" },
	{ NULL, NULL, NULL }
};

static const char *TR(struct req *r, const char *key)
{
	return T_page(r, rhythm_page_catalog, key);
}

static void h(struct req *r, const char *tag, const char *key)
{
	buf_addf(&r->out, "<%s>", tag);
	html(r, TR(r, key));
	buf_addf(&r->out, "</%s>", tag);
}

static day_t day_of(int64_t t)
{
	return (day_t)(t / 86400);
}

/* People within reach, as <option>s (the one given selected). */
static int reach_options(struct req *r, struct app *a, id_t64 selected, size_t *count)
{
	struct person *v;
	size_t n;
	if (app_feedback_reach(a, &v, &n, &r->err))
		return -1;
	for (size_t i = 0; i < n; i++) {
		buf_addf(&r->out, "<option value=\"%lld\"%s>", (long long)v[i].id,
			 v[i].id == selected ? " selected" : "");
		html(r, v[i].name);
		if (v[i].job && *v[i].job) {
			buf_adds(&r->out, " — ");
			html(r, v[i].job);
		}
		buf_adds(&r->out, "</option>");
	}
	*count = n;
	return 0;
}

static id_t64 form_id(struct req *r, const char *name)
{
	const char *s = form(r, name);
	if (!s || !*s)
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	return *end || v <= 0 ? -1 : (id_t64)v;
}

/* ---- feedback ---- */

static void feedback_item(struct req *r, const struct feedback_row *f, bool link)
{
	buf_adds(&r->out, "<li><p class=\"meta\"><strong>");
	html(r, f->from_name ? f->from_name : "");
	buf_adds(&r->out, "</strong> ");
	html(r, TR(r, "fb.arrow"));
	buf_adds(&r->out, " <strong>");
	html(r, f->to_name ? f->to_name : "");
	buf_adds(&r->out, "</strong> — ");
	html_date(r, day_of(f->created_at));
	if (!f->thread_id) {
		buf_addf(&r->out, " <span class=\"ps %s\">", f->closed_at ? "ps-done" : "ps-on_track");
		html(r, TR(r, f->closed_at ? "fb.closed" : "fb.open"));
		buf_adds(&r->out, "</span>");
	}
	buf_adds(&r->out, "</p>");
	if (link)
		buf_addf(&r->out, "<p><a href=\"/feedback/%lld\">", (long long)f->id);
	else
		buf_adds(&r->out, "<p>");
	html(r, f->body);
	buf_adds(&r->out, link ? "</a></p></li>" : "</p></li>");
}

int page_feedback(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct feedback_row *v;
	size_t n;
	if (app_feedback_list(&a, 0, 0, false, &v, &n, &r->err))
		return -1;
	id_t64 about = 0, to = 0;
	if (query_id(r, "about", &about) || query_id(r, "to", &to))
		return -1;
	struct objective o;
	if (about && app_objective_get(&a, about, &o, &r->err)) {
		err_clear(&r->err);
		about = 0;
	}
	page_open(r, TR(r, "fb.title"));
	h(r, "h1", "fb.title");
	buf_adds(&r->out, "<p class=\"muted\">");
	html(r, TR(r, "fb.private"));
	buf_adds(&r->out, "</p>");
	if (r->me.person_id && r->me.role != ROLE_HR) {
		buf_adds(&r->out, "<section><h2>");
		html(r, TR(r, "fb.give"));
		buf_adds(&r->out, "</h2><form method=\"post\" action=\"/feedback\" class=\"checkin-form\">");
		html_csrf(r);
		if (about) {
			buf_addf(&r->out, "<input type=\"hidden\" name=\"objective_id\" value=\"%lld\"><p>",
				 (long long)about);
			html(r, TR(r, "fb.about"));
			buf_adds(&r->out, " : <strong>");
			html(r, o.title);
			buf_adds(&r->out, "</strong></p>");
		}
		buf_adds(&r->out, "<label for=\"fb-to\">");
		html(r, TR(r, "fb.to"));
		buf_adds(&r->out, "</label><select id=\"fb-to\" name=\"to_id\" required>");
		size_t count;
		if (reach_options(r, &a, to, &count))
			return -1;
		buf_adds(&r->out, "</select><label for=\"fb-text\">");
		html(r, TR(r, "fb.text"));
		buf_adds(&r->out, "</label><textarea id=\"fb-text\" name=\"text\" rows=\"4\" maxlength=\"4000\""
			 " required></textarea><p><button type=\"submit\">");
		html(r, TR(r, "fb.send"));
		buf_adds(&r->out, "</button></p></form>");
		if (!count) {
			buf_adds(&r->out, "<p class=\"muted\">");
			html(r, TR(r, "fb.nobody"));
			buf_adds(&r->out, "</p>");
		}
		buf_adds(&r->out, "</section>");
	}
	buf_adds(&r->out, "<section><h2>");
	html(r, TR(r, "fb.thread"));
	buf_adds(&r->out, "</h2>");
	if (!n) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, TR(r, "fb.none"));
		buf_adds(&r->out, "</p>");
	} else {
		buf_adds(&r->out, "<ul class=\"checkins feedback\">");
		for (size_t i = 0; i < n; i++)
			feedback_item(r, &v[i], true);
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "</section>");
	return page_close(r);
}

int page_feedback_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct feedback_input in = { form_id(r, "to_id"), form_id(r, "objective_id"), form(r, "text") };
	if (in.objective_id < 0)
		in.objective_id = 0;
	struct feedback_row f;
	if (app_feedback_create(&a, &in, &f, &r->err))
		return -1;
	web_redirect(r, arena_printf(&r->arena, "/feedback/%lld", (long long)f.id));
	return 0;
}

int page_feedback_thread(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct feedback_row f, *v;
	size_t n;
	if (app_feedback_get(&a, param_id(r, 0), &f, &v, &n, &r->err))
		return -1;
	page_open(r, TR(r, "fb.thread"));
	h(r, "h1", "fb.thread");
	if (f.objective_id) {
		struct objective o;
		buf_adds(&r->out, "<p>");
		html(r, TR(r, "fb.about"));
		buf_adds(&r->out, " : ");
		if (!app_objective_get(&a, f.objective_id, &o, &r->err)) {
			buf_addf(&r->out, "<a href=\"/objectives/%lld\">", (long long)o.id);
			html(r, o.title);
			buf_adds(&r->out, "</a>");
		}
		err_clear(&r->err);
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "<ol class=\"checkins feedback\">");
	feedback_item(r, &f, false);
	for (size_t i = 0; i < n; i++)
		feedback_item(r, &v[i], false);
	buf_adds(&r->out, "</ol>");
	bool party = r->me.person_id && (r->me.person_id == f.from_id || r->me.person_id == f.to_id);
	if (party && !f.closed_at) {
		buf_addf(&r->out, "<form method=\"post\" action=\"/feedback/%lld/replies\" class=\"checkin-form\">",
			 (long long)f.id);
		html_csrf(r);
		buf_adds(&r->out, "<label for=\"fb-answer\">");
		html(r, TR(r, "fb.your_answer"));
		buf_adds(&r->out, "</label><textarea id=\"fb-answer\" name=\"text\" rows=\"3\" maxlength=\"4000\""
			 " required></textarea><p><button type=\"submit\">");
		html(r, TR(r, "fb.answer"));
		buf_adds(&r->out, "</button></p></form>");
		buf_addf(&r->out, "<form method=\"post\" action=\"/feedback/%lld/close\">", (long long)f.id);
		html_csrf(r);
		buf_adds(&r->out, "<p><button type=\"submit\" class=\"secondary\">");
		html(r, TR(r, "fb.close"));
		buf_adds(&r->out, "</button></p></form>");
	}
	buf_adds(&r->out, "<p><a href=\"/feedback\">");
	html(r, TR(r, "fb.title"));
	buf_adds(&r->out, "</a></p>");
	return page_close(r);
}

int page_feedback_reply_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct feedback_row f;
	id_t64 id = param_id(r, 0);
	if (app_feedback_reply(&a, id, form(r, "text"), &f, &r->err))
		return -1;
	web_redirect(r, arena_printf(&r->arena, "/feedback/%lld", (long long)id));
	return 0;
}

int page_feedback_close_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct feedback_row f;
	id_t64 id = param_id(r, 0);
	if (app_feedback_close(&a, id, &f, &r->err))
		return -1;
	web_redirect(r, arena_printf(&r->arena, "/feedback/%lld", (long long)id));
	return 0;
}

/* ---- one-to-ones ---- */

static void oneonone_link(struct req *r, const struct oneonone_row *m)
{
	buf_addf(&r->out, "<li><a href=\"/one-to-ones/%lld\">", (long long)m->id);
	html_date(r, m->day);
	buf_adds(&r->out, " — ");
	html(r, m->member_name ? m->member_name : "");
	buf_adds(&r->out, " · ");
	html(r, m->manager_name ? m->manager_name : "");
	buf_adds(&r->out, "</a></li>");
}

int page_oneonones(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct oneonone_row *v;
	size_t n;
	if (app_oneonone_list(&a, 0, &v, &n, &r->err))
		return -1;
	day_t today = r->clock.today;
	page_open(r, TR(r, "oo.title"));
	h(r, "h1", "oo.title");
	if (r->me.person_id && r->me.role != ROLE_HR) {
		buf_adds(&r->out, "<section><h2>");
		html(r, TR(r, "oo.plan"));
		buf_adds(&r->out, "</h2><form method=\"post\" action=\"/one-to-ones\" class=\"checkin-form\">");
		html_csrf(r);
		buf_adds(&r->out, "<label for=\"oo-with\">");
		html(r, TR(r, "oo.with"));
		buf_adds(&r->out, "</label><select id=\"oo-with\" name=\"with\" required>");
		size_t count;
		if (reach_options(r, &a, 0, &count))
			return -1;
		char d[11];
		date_format_iso(today + 7, d);
		buf_adds(&r->out, "</select><label for=\"oo-day\">");
		html(r, TR(r, "oo.day"));
		buf_addf(&r->out, "</label><input type=\"date\" id=\"oo-day\" name=\"day\" value=\"%s\" required>"
			 "<p><button type=\"submit\">", d);
		html(r, TR(r, "oo.create"));
		buf_adds(&r->out, "</button></p></form></section>");
	}
	for (int past = 0; past < 2; past++) {
		buf_adds(&r->out, "<section><h2>");
		html(r, TR(r, past ? "oo.past" : "oo.upcoming"));
		buf_adds(&r->out, "</h2>");
		int k = 0;
		/* upcoming: soonest first; past: latest first */
		for (size_t j = 0; j < n; j++) {
			size_t i = past ? j : n - 1 - j;
			if ((v[i].day < today) != (bool)past)
				continue;
			if (!k++)
				buf_adds(&r->out, "<ul class=\"compact\">");
			oneonone_link(r, &v[i]);
		}
		if (k)
			buf_adds(&r->out, "</ul>");
		else {
			buf_adds(&r->out, "<p class=\"muted\">");
			html(r, TR(r, "oo.none"));
			buf_adds(&r->out, "</p>");
		}
		buf_adds(&r->out, "</section>");
	}
	return page_close(r);
}

int page_oneonone_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct oneonone_input in;
	memset(&in, 0, sizeof(in));
	id_t64 with = form_id(r, "with");
	bool boss = false;
	if (with > 0 && app_is_manager_of(&a, with, r->me.person_id, &boss, &r->err))
		return -1;
	in.set = OO_MANAGER | OO_MEMBER | OO_DAY;
	in.manager_id = boss ? with : r->me.person_id;
	in.member_id = boss ? r->me.person_id : (with > 0 ? with : 0);
	const char *d = form(r, "day");
	in.day = DAY_NONE;
	if (d && *d && date_parse_iso(d, &in.day))
		return fail(r, 422, "invalid_date", "day", "day", d);
	struct oneonone o;
	if (app_oneonone_create(&a, &in, &o, &r->err))
		return -1;
	web_redirect(r, arena_printf(&r->arena, "/one-to-ones/%lld", (long long)o.m.id));
	return 0;
}

static void action_item(struct req *r, const struct action_row *x, bool can, id_t64 back)
{
	buf_adds(&r->out, "<li>");
	if (x->done)
		buf_adds(&r->out, "<s>");
	html(r, x->title);
	if (x->done)
		buf_adds(&r->out, "</s>");
	buf_adds(&r->out, " <span class=\"muted\">— ");
	html(r, x->owner_name ? x->owner_name : "");
	if (x->due != DAY_NONE) {
		buf_adds(&r->out, ", ");
		html(r, TR(r, "oo.due"));
		buf_adds(&r->out, " ");
		html_date(r, x->due);
	}
	buf_adds(&r->out, "</span>");
	if (can) {
		buf_addf(&r->out, " <form method=\"post\" action=\"/actions/%lld\" class=\"inline\">",
			 (long long)x->id);
		html_csrf(r);
		buf_addf(&r->out, "<input type=\"hidden\" name=\"done\" value=\"%s\">"
			 "<input type=\"hidden\" name=\"back\" value=\"%lld\"><button type=\"submit\">",
			 x->done ? "false" : "true", (long long)back);
		html(r, TR(r, x->done ? "oo.reopen" : "oo.mark_done"));
		buf_adds(&r->out, "</button></form>");
	}
	buf_adds(&r->out, "</li>");
}

static void nothing(struct req *r)
{
	buf_adds(&r->out, "<p class=\"muted\">");
	html(r, TR(r, "oo.nothing"));
	buf_adds(&r->out, "</p>");
}

/* The agenda that filled itself: objectives at risk, open actions, the
 * feedback and the check-ins since the previous one-to-one. */
static void oo_agenda(struct req *r, const struct oneonone *o, bool party)
{
	const struct oneonone_row *m = &o->m;
	buf_adds(&r->out, "<section id=\"agenda\"><h2>");
	html(r, TR(r, "oo.agenda"));
	buf_adds(&r->out, "</h2><p class=\"muted\">");
	if (o->has_previous) {
		html(r, TR(r, "oo.previous"));
		buf_adds(&r->out, " ");
		html_date(r, o->previous_day);
	} else
		html(r, TR(r, "oo.first"));
	buf_adds(&r->out, "</p>");
	h(r, "h3", "oo.at_risk");
	if (!o->nrisk)
		nothing(r);
	else {
		buf_adds(&r->out, "<ul class=\"risk\">");
		for (size_t i = 0; i < o->nrisk; i++) {
			buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)o->at_risk[i].o->id);
			html(r, o->at_risk[i].o->title);
			buf_addf(&r->out, "</a> <span class=\"ps ps-%s\">", o->at_risk[i].status);
			char key[32];
			snprintf(key, sizeof(key), "%s.%s", !strcmp(o->at_risk[i].why, "measured")
				 ? "ps" : "conf", o->at_risk[i].status);
			html(r, T(r, key));
			buf_adds(&r->out, "</span> <span class=\"muted\">");
			html(r, TR(r, !strcmp(o->at_risk[i].why, "measured") ? "oo.measured" : "oo.said"));
			buf_adds(&r->out, "</span></li>");
		}
		buf_adds(&r->out, "</ul>");
	}
	h(r, "h3", "oo.open_actions");
	if (!o->nopen)
		nothing(r);
	else {
		buf_adds(&r->out, "<ul class=\"compact actions\">");
		for (size_t i = 0; i < o->nopen; i++)
			action_item(r, &o->open_actions[i], party, m->id);
		buf_adds(&r->out, "</ul>");
	}
	h(r, "h3", "oo.feedback");
	if (!o->nfeedback)
		nothing(r);
	else {
		buf_adds(&r->out, "<ul class=\"checkins feedback\">");
		for (size_t i = 0; i < o->nfeedback; i++)
			feedback_item(r, &o->feedback[i], true);
		buf_adds(&r->out, "</ul>");
	}
	h(r, "h3", "oo.checkins");
	if (!o->ncheckins)
		nothing(r);
	else {
		buf_adds(&r->out, "<ul class=\"checkins\">");
		for (size_t i = 0; i < o->ncheckins; i++) {
			buf_adds(&r->out, "<li><p class=\"meta\"><strong>");
			html(r, o->checkins[i].author_name ? o->checkins[i].author_name : "");
			buf_adds(&r->out, "</strong> — ");
			html_date(r, day_of(o->checkins[i].created_at));
			buf_addf(&r->out, " — <a href=\"/objectives/%lld#checkins\">#%lld</a></p><p>",
				 (long long)o->checkins[i].objective_id, (long long)o->checkins[i].objective_id);
			html(r, o->checkins[i].comment);
			buf_adds(&r->out, "</p></li>");
		}
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "</section>");
}

/* The notes: shared and private, editable by the two parties only. */
static void oo_notes(struct req *r, const struct oneonone *o, bool party)
{
	const struct oneonone_row *m = &o->m;
	buf_adds(&r->out, "<section id=\"notes\"><h2>");
	html(r, TR(r, "oo.notes"));
	buf_adds(&r->out, "</h2>");
	if (party) {
		buf_addf(&r->out, "<form method=\"post\" action=\"/one-to-ones/%lld\" class=\"checkin-form\">",
			 (long long)m->id);
		html_csrf(r);
		buf_adds(&r->out, "<label for=\"oo-shared\">");
		html(r, TR(r, "oo.shared"));
		buf_adds(&r->out, "</label><textarea id=\"oo-shared\" name=\"shared_notes\" rows=\"4\""
			 " maxlength=\"10000\">");
		html(r, m->shared_notes ? m->shared_notes : "");
		buf_adds(&r->out, "</textarea><label for=\"oo-private\">");
		html(r, TR(r, "oo.private"));
		buf_adds(&r->out, "</label><textarea id=\"oo-private\" name=\"private_notes\" rows=\"3\""
			 " maxlength=\"10000\">");
		html(r, o->private_notes ? o->private_notes : "");
		buf_adds(&r->out, "</textarea><p><button type=\"submit\">");
		html(r, TR(r, "oo.save"));
		buf_adds(&r->out, "</button></p></form>");
	} else {
		h(r, "h3", "oo.shared");
		buf_adds(&r->out, "<p>");
		html(r, m->shared_notes && *m->shared_notes ? m->shared_notes : "—");
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "</section>");
}

/* This meeting's actions, and the form that adds one. */
static void oo_actions(struct req *r, const struct oneonone *o, bool party)
{
	const struct oneonone_row *m = &o->m;
	buf_adds(&r->out, "<section id=\"actions\"><h2>");
	html(r, TR(r, "oo.actions"));
	buf_adds(&r->out, "</h2>");
	if (!o->nactions)
		nothing(r);
	else {
		buf_adds(&r->out, "<ul class=\"compact actions\">");
		for (size_t i = 0; i < o->nactions; i++)
			action_item(r, &o->actions[i], party, m->id);
		buf_adds(&r->out, "</ul>");
	}
	if (party) {
		buf_addf(&r->out, "<form method=\"post\" action=\"/one-to-ones/%lld/actions\""
			 " class=\"checkin-form\">", (long long)m->id);
		html_csrf(r);
		buf_adds(&r->out, "<label for=\"act-title\">");
		html(r, TR(r, "oo.action"));
		buf_adds(&r->out, "</label><input id=\"act-title\" name=\"title\" maxlength=\"200\" required>"
			 "<label for=\"act-owner\">");
		html(r, TR(r, "oo.owner"));
		buf_addf(&r->out, "</label><select id=\"act-owner\" name=\"owner_id\"><option value=\"%lld\">",
			 (long long)m->member_id);
		html(r, m->member_name ? m->member_name : "");
		buf_addf(&r->out, "</option><option value=\"%lld\">", (long long)m->manager_id);
		html(r, m->manager_name ? m->manager_name : "");
		buf_adds(&r->out, "</option></select><label for=\"act-due\">");
		html(r, TR(r, "oo.due"));
		buf_adds(&r->out, "</label><input type=\"date\" id=\"act-due\" name=\"due\"><p>"
			 "<button type=\"submit\">");
		html(r, TR(r, "oo.add"));
		buf_adds(&r->out, "</button></p></form>");
	}
}

int page_oneonone(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct oneonone o;
	if (app_oneonone_get(&a, param_id(r, 0), &o, &r->err))
		return -1;
	const struct oneonone_row *m = &o.m;
	bool party = r->me.person_id && (r->me.person_id == m->manager_id ||
					 r->me.person_id == m->member_id);
	page_open(r, TR(r, "oo.one"));
	buf_adds(&r->out, "<h1>");
	html(r, TR(r, "oo.one"));
	buf_adds(&r->out, " — ");
	html_date(r, m->day);
	buf_adds(&r->out, "</h1><p>");
	html(r, m->member_name ? m->member_name : "");
	buf_adds(&r->out, " (");
	html(r, TR(r, "oo.member"));
	buf_adds(&r->out, ") · ");
	html(r, m->manager_name ? m->manager_name : "");
	buf_adds(&r->out, " (");
	html(r, TR(r, "oo.manager"));
	buf_adds(&r->out, ")</p>");

	oo_agenda(r, &o, party);
	oo_notes(r, &o, party);
	oo_actions(r, &o, party);
	buf_adds(&r->out, "</section><p><a href=\"/one-to-ones\">");
	html(r, TR(r, "oo.title"));
	buf_adds(&r->out, "</a></p>");
	return page_close(r);
}

int page_oneonone_notes_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct oneonone_input in;
	memset(&in, 0, sizeof(in));
	in.day = DAY_NONE;
	in.shared_notes = form(r, "shared_notes");
	in.private_notes = form(r, "private_notes");
	if (in.shared_notes)
		in.set |= OO_SHARED;
	if (in.private_notes)
		in.set |= OO_PRIVATE;
	struct oneonone o;
	id_t64 id = param_id(r, 0);
	if (app_oneonone_update(&a, id, &in, &o, &r->err))
		return -1;
	web_redirect(r, arena_printf(&r->arena, "/one-to-ones/%lld#notes", (long long)id));
	return 0;
}

int page_oneonone_action_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	id_t64 owner = form_id(r, "owner_id");
	struct action_input in = { owner > 0 ? owner : 0, form(r, "title"), DAY_NONE };
	const char *d = form(r, "due");
	if (d && *d && date_parse_iso(d, &in.due))
		return fail(r, 422, "invalid_date", "due", "due", d);
	struct action_row x;
	id_t64 id = param_id(r, 0);
	if (app_action_create(&a, id, &in, &x, &r->err))
		return -1;
	web_redirect(r, arena_printf(&r->arena, "/one-to-ones/%lld#actions", (long long)id));
	return 0;
}

int page_action_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	const char *done = form(r, "done");
	struct action_row x;
	if (app_action_set_done(&a, param_id(r, 0), done && !strcmp(done, "true"), &x, &r->err))
		return -1;
	id_t64 back = form_id(r, "back");
	web_redirect(r, arena_printf(&r->arena, "/one-to-ones/%lld#agenda",
				     (long long)(back > 0 ? back : x.meeting_id)));
	return 0;
}
