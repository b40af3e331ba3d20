/* The page table of the web app (see web.h for how to add one). A page's
 * query parameters are not checked by the dispatcher (NULL): a link may carry
 * what the page ignores. */
#include <stddef.h>
#include "web/web.h"

const struct route pages[] = {
	{ "GET", "/static/{name}", page_static, R_PUBLIC | R_PAGE, NULL, BODY_NONE },
	{ "GET", "/lang/{name}", page_lang, R_PUBLIC | R_PAGE, NULL, BODY_NONE },
	{ "GET", "/login", page_login, R_PUBLIC | R_PAGE, NULL, BODY_NONE },
	{ "POST", "/login", page_login_post, R_PUBLIC | R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/reset", page_reset, R_PUBLIC | R_PAGE, NULL, BODY_NONE },
	{ "POST", "/reset", page_reset_post, R_PUBLIC | R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/logout", page_logout_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/", page_home, R_PAGE, NULL, BODY_NONE },
	{ "GET", "/objectives/new", page_objective_new, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/objectives/new", page_objective_new_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/objectives/{id}", page_objective, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/objectives/{id}/checkins", page_checkin_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/objectives/{id}/rounds", page_round_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/objectives/{id}/share-out", page_share_out, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/objectives/{id}/share-out", page_share_out_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/objectives/{id}/edit", page_objective_edit, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/objectives/{id}/edit", page_objective_edit_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/cascade", page_cascade, R_PAGE, NULL, BODY_NONE },
	{ "GET", "/team", page_team, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/team/cadence", page_team_cadence_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/import", page_import, R_PAGE, NULL, BODY_NONE },
	{ "GET", "/admin", page_admin, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/admin/units", page_admin_units, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/admin/people", page_admin_people, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/admin/people/{id}", page_admin_person, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/admin/indicators", page_admin_indicators, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/admin/indicator-synonyms", page_admin_synonyms, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/admin/indicator-synonyms/delete", page_admin_synonym_delete, R_PAGE | R_FORM, NULL,
	  BODY_FORM },
	{ "POST", "/admin/ramp-plans", page_admin_ramp, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/admin/ramp-plans/{id}/delete", page_admin_ramp_delete, R_PAGE | R_FORM, NULL,
	  BODY_FORM },
	{ "POST", "/admin/tokens", page_admin_tokens, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/admin/tokens/{id}/revoke", page_admin_token_revoke, R_PAGE | R_FORM, NULL,
	  BODY_FORM },
	{ "GET", "/people/{id}", page_person, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/people/{id}/calendar", page_person_calendar_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/challenges", page_challenges, R_PAGE, NULL, BODY_NONE },
	{ "GET", "/challenges/{id}", page_challenge, R_PAGE, NULL, BODY_NONE },
	{ "GET", "/challenges/{id}/results", page_challenge_results, R_PAGE, NULL, BODY_NONE },
	{ "GET", "/settings/notifications", page_notifications, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/settings/notifications", page_notifications_post, R_PAGE | R_FORM, NULL,
	  BODY_FORM },
	{ "POST", "/settings/notifications/read-all", page_notifications_read_all, R_PAGE | R_FORM,
	  NULL, BODY_FORM },
	{ "POST", "/settings/notifications/channels", page_notify_channel_post, R_PAGE | R_FORM,
	  NULL, BODY_FORM },
	{ "POST", "/settings/notifications/channels/{id}/delete", page_notify_channel_delete,
	  R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/settings/notifications/deliveries/{id}/retry", page_notify_retry,
	  R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/feedback", page_feedback, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/feedback", page_feedback_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/feedback/{id}", page_feedback_thread, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/feedback/{id}/replies", page_feedback_reply_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/feedback/{id}/close", page_feedback_close_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/reviews", page_reviews, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/reviews", page_reviews_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/reviews/{id}", page_review, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/reviews/{id}", page_review_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/reviews/{id}/submit", page_review_submit_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/reviews/{id}/sign", page_review_sign_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/reviews/{id}/reopen", page_review_reopen_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/one-to-ones", page_oneonones, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/one-to-ones", page_oneonone_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "GET", "/one-to-ones/{id}", page_oneonone, R_PAGE, NULL, BODY_NONE },
	{ "POST", "/one-to-ones/{id}", page_oneonone_notes_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ "POST", "/one-to-ones/{id}/actions", page_oneonone_action_post, R_PAGE | R_FORM, NULL,
	  BODY_FORM },
	{ "POST", "/actions/{id}", page_action_post, R_PAGE | R_FORM, NULL, BODY_FORM },
	{ NULL, NULL, NULL, 0, NULL, BODY_NONE }
};

static void web_enter(struct req *r)
{
	r->page = 1;
	r->lang = web_lang(r);
}

static void web_anonymous(struct req *r)
{
	web_redirect(r, "/login");
}

/* every form posted with a session carries its CSRF token: checked by the
 * server before any page's handler (form_csrf), never left to each one */
const struct surface web_surface = { pages, web_enter, web_anonymous, web_error_page, form_csrf };
