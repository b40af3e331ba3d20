/* Logging in and out in the browser, and setting a new password from a
 * reset link. The login and reset forms are posted before any session
 * exists, so they are protected from cross-site posting by checking the
 * Origin header (and by the session cookie being SameSite=Strict). */
#include <stdlib.h>
#include <string.h>
#include "app/login.h"
#include "app/token.h"
#include "web/web.h"

/* choices: the organisations to choose from (after 409 choose_organisation) */
static void login_form(struct req *r, const char *email, const char *error,
		       const struct login_choice *choices, size_t nchoices)
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
	buf_adds(&r->out, "\"></p>");
	if (nchoices) {
		buf_adds(&r->out, "<p><label for=\"organisation\">");
		html(r, T(r, "login.organisation"));
		buf_adds(&r->out, "</label><select id=\"organisation\" name=\"organisation\" required>");
		for (size_t i = 0; i < nchoices; i++) {
			buf_addf(&r->out, "<option value=\"%lld\">", (long long)choices[i].id);
			html(r, choices[i].name);
			buf_adds(&r->out, "</option>");
		}
		buf_adds(&r->out, "</select></p>");
	}
	buf_adds(&r->out, "<p><label for=\"password\">");
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
	login_form(r, NULL, NULL, NULL, 0);
	return 0;
}

int page_login_post(struct req *r)
{
	/* a cross-site form post carries a foreign Origin: refuse it */
	if (!req_same_origin(r))
		return fail(r, 403, "csrf", NULL, NULL, NULL);
	struct login_input in = { form(r, "email"), form(r, "password"), 0 };
	const char *org = form(r, "organisation");
	if (org)
		in.org = strtoll(org, NULL, 10);
	struct login_result out;
	memset(&out, 0, sizeof(out));
	if (!in.email || !in.password || auth_login(r, &in, &out)) {
		if (r->err.status >= 500)
			return -1;
		int status = r->err.status == 429 || r->err.status == 409 ? r->err.status : 401;
		r->set_cookie[0] = '\0';
		login_form(r, in.email,
			   T(r, status == 429 ? "login.locked" :
				status == 409 ? "login.choose" : "login.failed"),
			   out.choices, status == 409 ? out.nchoices : 0);
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

/* ---- /reset?token=...: a new password from a reset link ---- */

static void reset_form(struct req *r, const char *token, const char *error)
{
	page_open(r, T(r, "reset.title"));
	buf_adds(&r->out, "<section class=\"login\"><h1>");
	html(r, T(r, "reset.title"));
	buf_adds(&r->out, "</h1>");
	if (error) {
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\" id=\"reset-error\">");
		html(r, error);
		buf_adds(&r->out, "</p>");
	}
	if (!token || !token[0]) {
		buf_adds(&r->out, "<p><a href=\"/login\">");
		html(r, T(r, "reset.to_login"));
		buf_adds(&r->out, "</a></p></section>");
		page_close(r);
		return;
	}
	buf_adds(&r->out, "<p>");
	html(r, T(r, "reset.help"));
	buf_adds(&r->out, "</p><form method=\"post\" action=\"/reset\">"
		 "<input type=\"hidden\" name=\"token\" value=\"");
	html(r, token);
	buf_adds(&r->out, "\"><p><label for=\"password\">");
	html(r, T(r, "reset.password"));
	buf_adds(&r->out, "</label><input id=\"password\" name=\"password\" type=\"password\" "
		 "required minlength=\"8\" autocomplete=\"new-password\"></p><p><button "
		 "type=\"submit\">");
	html(r, T(r, "reset.submit"));
	buf_adds(&r->out, "</button></p></form></section>");
	page_close(r);
}

int page_reset(struct req *r)
{
	const char *token = query(r, "token");
	reset_form(r, token, token && token[0] ? NULL : T(r, "reset.invalid"));
	return 0;
}

int page_reset_post(struct req *r)
{
	if (!req_same_origin(r))
		return fail(r, 403, "csrf", NULL, NULL, NULL);
	const char *token = form(r, "token"), *password = form(r, "password");
	struct app a;
	req_app(r, &a);
	if (app_reset_use(&a, token, password ? password : "", &r->err)) {
		if (r->err.status >= 500)
			return -1;
		int gone = r->err.status == 410;
		struct buf m = BUF_INIT;
		err_message(&r->err, r->lang, &m);
		reset_form(r, gone ? NULL : token, gone ? T(r, "reset.invalid") : m.data);
		buf_free(&m);
		r->status = r->err.status;
		return 0;
	}
	page_open(r, T(r, "reset.title"));
	buf_adds(&r->out, "<section class=\"login\"><h1>");
	html(r, T(r, "reset.title"));
	buf_adds(&r->out, "</h1><p role=\"status\" id=\"reset-done\">");
	html(r, T(r, "reset.done"));
	buf_adds(&r->out, "</p><p><a href=\"/login\">");
	html(r, T(r, "reset.to_login"));
	buf_adds(&r->out, "</a></p></section>");
	page_close(r);
	return 0;
}
