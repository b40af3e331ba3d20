/* The web app's shared pieces: the message catalog (every sentence in French
 * and English), the page layout, escaping helpers through which all user data
 * passes (cgit's html_txt idea), form parsing, static assets.
 *
 * How to add a page: write `int page_thing(struct req *r)` in
 * src/web/page_thing.c, declare it below, add one line to pages[] in
 * src/web/pages.c, and put its sentences in the catalog in web.c. */
#ifndef CIBLE_WEB_H
#define CIBLE_WEB_H
#include "app/measure.h"
#include "http/http.h"

/* The web app as the server sees it (pages.c): its page table, its language
 * (cookie cible_lang, else Accept-Language), /login for who has no session,
 * errors as pages. */
extern const struct route pages[];
extern const struct surface web_surface;
enum lang web_lang(struct req *r);
void web_redirect(struct req *r, const char *to);
void web_error_page(struct req *r);

/* The text of a catalog key in the request's language (the key if missing). */
const char *T(struct req *r, const char *key);
/* The same, looked up first in a page's own catalog. */
const char *T_page(struct req *r, const struct msg *page_catalog, const char *key);

/* Layout: <html>...<main> and </main>...</html>, with the nav for who is in. */
void page_open(struct req *r, const char *title);
/* The same with one script of static/ (deferred; the CSP allows no other). */
void page_open_script(struct req *r, const char *title, const char *script);
int page_close(struct req *r);  /* sets status 200 and the HTML type */

/* Escaped output: all user data goes through these. */
void html(struct req *r, const char *text);       /* element text and attributes */
void htmlf_raw(struct req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A number per locale: "1 234,5" in French, "1,234.5" in English. */
void html_num(struct req *r, double v);
void html_date(struct req *r, day_t d);           /* 25/11/2026 or 2026-11-25 */

/* Form fields of an application/x-www-form-urlencoded body (MHD's parser). */
const char *form(struct req *r, const char *name);
/* A number typed in a form, read exactly: "1 234,5" and "12,5" as a French
 * person types them, "1,234.5" and "12.5"; 0, or -1 for anything else (a
 * word, "nan", "inf", a figure that would be cut). */
int web_number(const char *text, double *out);
/* The hidden field carrying the session's CSRF token, inside every form. */
void html_csrf(struct req *r);
/* The form's csrf field matches the session's: 0; else fills r->err (403).
 * The server calls it before any form route's handler (web_surface); pages
 * never need to. */
int form_csrf(struct req *r);

/* widgets.c: progress, charts and verdicts */
const char *w_pstatus_name(const struct measured *m);
void w_pstatus(struct req *r, const struct measured *m);
void w_bar(struct req *r, const struct measured *m);
void w_value(struct req *r, const struct objective *o, const struct measured *m);
void w_forecast(struct req *r, const struct measured *m);
void w_chart(struct req *r, const struct objective *o, const struct measured *m);
void w_smart(struct req *r, json_t *verdict);
/* The unit and period filter (GET to action): the units to choose from (with
 * "—" for all when any_unit), the period as typed, and the sort kept when
 * not NULL (a fixed word). Pages measure on r->clock.today, the one clock. */
void w_filters(struct req *r, const char *action, const struct unit *units, size_t nu,
	       bool any_unit, id_t64 unit, const char *from, const char *to, const char *sort);
/* "Exporter CSV · Exporter Excel": links to api_path?format=csv and xlsx
 * (the API's export of the list the page shows; the session's cookie
 * suffices for a GET). api_path may hold a query already. */
void w_export(struct req *r, const char *api_path);
/* The same and "Exporter PDF": a team's or a person's dashboard, whose
 * objectives the API also writes as a PDF report. */
void w_export_report(struct req *r, const char *api_path);
/* The organisation and its indicators, for measuring on a page. */
int web_measure_ctx(struct req *r, struct org *org, struct mind **inds, size_t *n);

/* A table of objectives with progress (page_objectives.c); m[i] measures v[i];
 * last[i] is v[i]'s last check-in (a column of its own; NULL: no column). */
void objective_table(struct req *r, const struct objective *v, const struct measured *m,
		     const struct checkin *last, size_t n, day_t today);
/* The last check-in of each of v (id 0: none). */
int last_checkins(struct req *r, const struct objective *v, size_t n, struct checkin **out);

/* page_notify.c: /settings/notifications */
int page_notifications(struct req *r);
int page_notifications_post(struct req *r);
int page_notifications_read_all(struct req *r);
int page_notify_channel_post(struct req *r);
int page_notify_channel_delete(struct req *r);
int page_notify_retry(struct req *r);
int page_static(struct req *r);
int page_lang(struct req *r);
int page_login(struct req *r);
int page_login_post(struct req *r);
int page_reset(struct req *r);
int page_reset_post(struct req *r);
int page_logout_post(struct req *r);
int page_home(struct req *r);
int page_objective(struct req *r);
int page_checkin_post(struct req *r);
/* page_negotiation.c: the negotiation section of an objective's page and its
 * form posts; a refused move shows the page again with what was typed */
struct ngform {
	const char *kind;
	const struct err *err;
	const char *target, *budget, *time_hours, *support, *reason, *low_pct, *high_pct;
};
int negotiation_section(struct req *r, struct app *a, const struct objective *o,
			const struct ngform *f);
int page_round_post(struct req *r);
/* page_objectives.c: the objective's page (checkin_form: its own, or NULL) */
int objective_page_render(struct req *r, id_t64 id, const void *checkin_form,
			  const struct ngform *nf);
/* page_share.c: a team objective shared out; its section on the objective's page */
struct app;
void share_section(struct req *r, struct app *a, const struct objective *o);
int page_share_out(struct req *r);
int page_share_out_post(struct req *r);
int page_admin_synonyms(struct req *r);
int page_admin_synonym_delete(struct req *r);
int page_admin_ramp(struct req *r);
int page_admin_ramp_delete(struct req *r);
int page_cascade(struct req *r);
int page_team(struct req *r);
int page_team_cadence_post(struct req *r);
int page_import(struct req *r);
int page_admin(struct req *r);
int page_admin_units(struct req *r);
int page_admin_people(struct req *r);
int page_admin_person(struct req *r);
int page_admin_indicators(struct req *r);
int page_admin_tokens(struct req *r);
int page_admin_token_revoke(struct req *r);
int page_person(struct req *r);
int page_objective_new(struct req *r);
int page_objective_new_post(struct req *r);
int page_objective_edit(struct req *r);
int page_objective_edit_post(struct req *r);
/* page_challenge.c: challenges, boards, results; trophies on other pages */
int page_challenges(struct req *r);
int page_challenge(struct req *r);
int page_challenge_results(struct req *r);
void trophy_case(struct req *r, id_t64 person);
void team_trophies(struct req *r, id_t64 unit);

/* One person's next check-in (and how late), in a sentence (page_team.c). */
struct person_rhythm;
void w_rhythm(struct req *r, const struct person_rhythm *rh);

/* page_calendar.c: a person's calendar address on their page */
void person_calendar(struct req *r, const struct person *p);
int page_person_calendar_post(struct req *r);

/* page_rhythm.c: feedback threads, one-to-ones */
int page_feedback(struct req *r);
int page_feedback_post(struct req *r);
int page_feedback_thread(struct req *r);
int page_feedback_reply_post(struct req *r);
int page_feedback_close_post(struct req *r);
int page_oneonones(struct req *r);
int page_oneonone_post(struct req *r);
int page_oneonone(struct req *r);
int page_oneonone_notes_post(struct req *r);
int page_oneonone_action_post(struct req *r);
int page_action_post(struct req *r);
/* page_review.c: reviews (app/review.h) */
int page_reviews(struct req *r);
int page_reviews_post(struct req *r);
int page_review(struct req *r);
int page_review_post(struct req *r);
int page_review_submit_post(struct req *r);
int page_review_sign_post(struct req *r);
int page_review_reopen_post(struct req *r);

/* The pages' catalogs (test_catalog reads them in both languages). */
extern const struct msg web_catalog[], challenge_page_catalog[], rhythm_page_catalog[],
	notify_page_catalog[],
	review_page_catalog[];

#endif
