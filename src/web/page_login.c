/* Logging in and out in the browser. The login form is posted before any
 * session exists, so it is protected from cross-site posting by checking the
 * Origin header (and by the session cookie being SameSite=Strict). */
#include <microhttpd.h>
#include <string.h>
#include "web/web.h"

static void login_form(struct req *r, const char *email, const char *error)
{
	page_open(r, T(r, "login.title"));
	buf_adds(&r->out, "<section class=\"login\"><h1>");
	html(r, T(r, "login.title"));
	buf_adds(&r->out, "</h1>");
	if (error) {
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\" id=\"login-error\">");
		html(r, error);
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "<form method=\"post\" action=\"/login\"><p><label for=\"email\">");
	html(r, T(r, "login.email"));
	buf_adds(&r->out, "</label><input id=\"email\" name=\"email\" type=\"email\" required "
		 "autocomplete=\"username\" value=\"");
	html(r, email ? email : "");
	buf_adds(&r->out, "\"></p><p><label for=\"password\">");
	html(r, T(r, "login.password"));
	buf_adds(&r->out, "</label><input id=\"password\" name=\"password\" type=\"password\" "
		 "required autocomplete=\"current-password\"></p><p><button type=\"submit\">");
	html(r, T(r, "login.submit"));
	buf_adds(&r->out, "</button></p></form></section>");
	page_close(r);
}

int page_login(struct req *r)
{
	if (r->auth != AUTH_NONE) {
		web_redirect(r, "/");
		return 0;
	}
	login_form(r, NULL, NULL);
	return 0;
}

/* A cross-site form post carries a foreign Origin: refuse it. */
static int same_origin(struct req *r)
{
	const char *origin = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
	const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	if (!origin || !strcmp(origin, "null"))
		return !origin;
	const char *o = strstr(origin, "://");
	return host && o && !strcmp(o + 3, host);
}

int page_login_post(struct req *r)
{
	if (!same_origin(r))
		return fail(r, 403, "csrf", NULL, NULL, NULL);
	const char *email = form(r, "email"), *password = form(r, "password");
	struct person p;
	if (!email || !password || auth_login(r, email, password, &p)) {
		int status = r->err.status == 429 ? 429 : 401;
		if (r->err.status >= 500)
			return -1;
		r->set_cookie[0] = '\0';
		login_form(r, email, T(r, status == 429 ? "login.locked" : "login.failed"));
		r->status = status;
		return 0;
	}
	web_redirect(r, "/");
	return 0;
}

int page_logout_post(struct req *r)
{
	if (store_session_delete(r->store, r->session_hash, &r->err))
		return -1;
	snprintf(r->set_cookie, sizeof(r->set_cookie),
		 "cible_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	web_redirect(r, "/login");
	return 0;
}
