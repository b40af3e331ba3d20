/* The page table of the web app (see web.h for how to add one). */
#include <stddef.h>
#include "web/web.h"

const struct route pages[] = {
	{ "GET", "/static/{name}", page_static, R_PUBLIC | R_PAGE },
	{ "GET", "/lang/{name}", page_lang, R_PUBLIC | R_PAGE },
	{ "GET", "/login", page_login, R_PUBLIC | R_PAGE },
	{ "POST", "/login", page_login_post, R_PUBLIC | R_PAGE | R_FORM },
	{ "POST", "/logout", page_logout_post, R_PAGE | R_FORM },
	{ "GET", "/", page_home, R_PAGE },
	{ "GET", "/objectives/new", page_objective_new, R_PAGE },
	{ "POST", "/objectives/new", page_objective_new_post, R_PAGE | R_FORM },
	{ "GET", "/objectives/{id}", page_objective, R_PAGE },
	{ "POST", "/objectives/{id}/checkins", page_checkin_post, R_PAGE | R_FORM },
	{ "GET", "/objectives/{id}/edit", page_objective_edit, R_PAGE },
	{ "POST", "/objectives/{id}/edit", page_objective_edit_post, R_PAGE | R_FORM },
	{ "GET", "/cascade", page_cascade, R_PAGE },
	{ "GET", "/team", page_team, R_PAGE },
	{ "GET", "/import", page_import, R_PAGE },
	{ "GET", "/admin", page_admin, R_PAGE },
	{ "POST", "/admin/units", page_admin_units, R_PAGE | R_FORM },
	{ "POST", "/admin/people", page_admin_people, R_PAGE | R_FORM },
	{ "POST", "/admin/people/{id}", page_admin_person, R_PAGE | R_FORM },
	{ "POST", "/admin/indicators", page_admin_indicators, R_PAGE | R_FORM },
	{ "POST", "/admin/tokens", page_admin_tokens, R_PAGE | R_FORM },
	{ "POST", "/admin/tokens/{id}/revoke", page_admin_token_revoke, R_PAGE | R_FORM },
	{ "GET", "/people/{id}", page_person, R_PAGE },
	{ NULL, NULL, NULL, 0 }
};
