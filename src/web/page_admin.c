/* Administration (admins): units, people and their roles, indicators, one's
 * API tokens. Every form goes through the API handler of the same change
 * (web_call_api): one set of checks, one audit trail. A failed form shows
 * the page again with the error beside its section and the values kept. */
#include <stdlib.h>
#include <string.h>
#include "web/web.h"

/* Runs an API handler on a JSON body built from a form; *out gets its JSON
 * answer on success. The request's body and output are restored after. */
static int web_call_api(struct req *r, int (*fn)(struct req *), json_t *body, json_t **out)
{
	char *text = json_dumps(body, JSON_COMPACT);
	const char *saved = r->body;
	size_t saved_len = r->body_len;
	r->body = text;
	r->body_len = text ? strlen(text) : 0;
	buf_reset(&r->out);
	int rc = fn(r);
	r->body = saved;
	r->body_len = saved_len;
	free(text);
	if (!rc && out) {
		json_error_t je;
		*out = json_loadb(r->out.data, r->out.len, 0, &je);
	}
	buf_reset(&r->out);
	r->status = 0;
	r->content_type = NULL;
	return rc;
}

struct admin_state {
	const char *section;      /* where the error or notice goes */
	struct err err;
	const char *notice;       /* a token shown once */
};

static const char *fv(struct req *r, const char *name)
{
	const char *v = r->form_parsed ? form(r, name) : NULL;
	return v ? v : "";
}

static void message(struct req *r, const struct admin_state *st, const char *section)
{
	if (!st || !st->section || strcmp(st->section, section))
		return;
	if (st->err.code) {
		struct buf m = BUF_INIT;
		err_message(&st->err, r->lang, &m);
		buf_adds(&r->out, "<p class=\"field-error\" role=\"alert\">");
		html(r, m.data);
		buf_adds(&r->out, "</p>");
		buf_free(&m);
	}
	if (st->notice) {
		buf_adds(&r->out, "<p class=\"notice\" role=\"status\">");
		html(r, T(r, "admin.token_once"));
		buf_adds(&r->out, " <code>");
		html(r, st->notice);
		buf_adds(&r->out, "</code></p>");
	}
}

static void text_input(struct req *r, const char *form_id, const char *name, const char *key,
		       const char *type, bool keep)
{
	buf_addf(&r->out, "<div class=\"field\"><label for=\"%s-%s\">", form_id, name);
	html(r, T(r, key));
	buf_addf(&r->out, "</label><input id=\"%s-%s\" name=\"%s\" type=\"%s\" value=\"", form_id, name,
		 name, type);
	if (keep)
		html(r, fv(r, name));
	buf_adds(&r->out, "\"></div>");
}

static void csrf(struct req *r)
{
	buf_adds(&r->out, "<input type=\"hidden\" name=\"csrf\" value=\"");
	html(r, r->csrf);
	buf_adds(&r->out, "\">");
}

static void unit_options(struct req *r, const struct unit *u, size_t n, id_t64 current, bool none)
{
	if (none)
		buf_adds(&r->out, "<option value=\"\">—</option>");
	for (size_t i = 0; i < n; i++) {
		buf_addf(&r->out, "<option value=\"%lld\"%s>", (long long)u[i].id,
			 u[i].id == current ? " selected" : "");
		html(r, u[i].name);
		buf_adds(&r->out, "</option>");
	}
}

static int render(struct req *r, const struct admin_state *st)
{
	struct unit *units;
	struct person *people;
	struct indicator_row *inds;
	struct token_row *tokens;
	size_t nu, np, total, ni, nt;
	struct person_filter pf = { NULL, -1, 0, 0 };
	if (store_unit_list(r->store, r->me.org_id, &r->arena, &units, &nu, &r->err) ||
	    store_person_list(r->store, r->me.org_id, &pf, &r->arena, &people, &np, &total,
			      &r->err) ||
	    store_indicator_list(r->store, r->me.org_id, &r->arena, &inds, &ni, &r->err) ||
	    store_token_list(r->store, r->me.org_id, r->me.person_id, &r->arena, &tokens, &nt,
			     &r->err))
		return -1;
	bool keep_unit = st && st->section && !strcmp(st->section, "units") && st->err.code;
	bool keep_person = st && st->section && !strcmp(st->section, "people") && st->err.code;
	bool keep_ind = st && st->section && !strcmp(st->section, "indicators") && st->err.code;
	page_open(r, T(r, "admin.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "admin.title"));
	buf_adds(&r->out, "</h1><nav class=\"toc\" aria-label=\"");
	html(r, T(r, "admin.title"));
	buf_adds(&r->out, "\"><a href=\"#units\">");
	html(r, T(r, "admin.units"));
	buf_adds(&r->out, "</a> · <a href=\"#people\">");
	html(r, T(r, "admin.people"));
	buf_adds(&r->out, "</a> · <a href=\"#indicators\">");
	html(r, T(r, "admin.indicators"));
	buf_adds(&r->out, "</a> · <a href=\"#tokens\">");
	html(r, T(r, "admin.tokens"));
	buf_adds(&r->out, "</a></nav>");

	/* units */
	buf_adds(&r->out, "<section id=\"units\"><h2>");
	html(r, T(r, "admin.units"));
	buf_adds(&r->out, "</h2>");
	message(r, st, "units");
	buf_adds(&r->out, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">");
	html(r, T(r, "admin.name"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "admin.kind"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "admin.parent"));
	buf_adds(&r->out, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < nu; i++) {
		buf_addf(&r->out, "<tr><td><a href=\"/team?unit=%lld\">", (long long)units[i].id);
		html(r, units[i].name);
		buf_adds(&r->out, "</a></td><td>");
		html(r, unit_kind_name(units[i].kind));
		buf_adds(&r->out, " · ");
		html(r, service_type_name(units[i].service));
		buf_adds(&r->out, "</td><td>");
		for (size_t k = 0; k < nu; k++)
			if (units[k].id == units[i].parent_id)
				html(r, units[k].name);
		buf_adds(&r->out, "</td></tr>");
	}
	buf_adds(&r->out, "</tbody></table></div><form method=\"post\" action=\"/admin/units\" class=\"filters\">");
	csrf(r);
	text_input(r, "u", "name", "admin.name", "text", keep_unit);
	buf_adds(&r->out, "<div class=\"field\"><label for=\"u-kind\">");
	html(r, T(r, "admin.kind"));
	buf_adds(&r->out, "</label><select id=\"u-kind\" name=\"kind\">");
	static const char *const kinds[] = { "team", "service", "direction" };
	for (int k = 0; k < 3; k++)
		buf_addf(&r->out, "<option value=\"%s\">%s</option>", kinds[k], kinds[k]);
	buf_adds(&r->out, "</select></div><div class=\"field\"><label for=\"u-service\">");
	html(r, T(r, "admin.service"));
	buf_adds(&r->out, "</label><select id=\"u-service\" name=\"service\">");
	static const char *const services[] = { "sales", "call_centre", "support", "none" };
	for (int k = 0; k < 4; k++)
		buf_addf(&r->out, "<option value=\"%s\">%s</option>", services[k], services[k]);
	buf_adds(&r->out, "</select></div><div class=\"field\"><label for=\"u-parent\">");
	html(r, T(r, "admin.parent"));
	buf_adds(&r->out, "</label><select id=\"u-parent\" name=\"parent_id\">");
	unit_options(r, units, nu, keep_unit ? strtoll(fv(r, "parent_id"), NULL, 10) : 0, false);
	buf_adds(&r->out, "</select></div><button type=\"submit\">");
	html(r, T(r, "admin.add_unit"));
	buf_adds(&r->out, "</button></form></section>");

	/* people */
	buf_adds(&r->out, "<section id=\"people\"><h2>");
	html(r, T(r, "admin.people"));
	buf_adds(&r->out, "</h2>");
	message(r, st, "people");
	buf_adds(&r->out, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">");
	html(r, T(r, "admin.name"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "admin.role_unit"));
	buf_adds(&r->out, "</th></tr></thead><tbody>");
	static const char *const roles[] = { "member", "manager", "hr", "admin" };
	for (size_t i = 0; i < np && i < 500; i++) {
		buf_addf(&r->out, "<tr><td><a href=\"/people/%lld\">", (long long)people[i].id);
		html(r, people[i].name);
		buf_adds(&r->out, "</a><br><span class=\"muted\">");
		html(r, people[i].email);
		buf_addf(&r->out, "</span></td><td><form method=\"post\" action=\"/admin/people/%lld\""
			 " class=\"inline-form\">", (long long)people[i].id);
		csrf(r);
		buf_addf(&r->out, "<select name=\"role\" aria-label=\"");
		html(r, T(r, "admin.role"));
		buf_adds(&r->out, " — ");
		html(r, people[i].name);
		buf_adds(&r->out, "\">");
		for (int k = 0; k < 4; k++)
			buf_addf(&r->out, "<option value=\"%s\"%s>%s</option>", roles[k],
				 !strcmp(roles[k], role_name(people[i].role)) ? " selected" : "", roles[k]);
		buf_adds(&r->out, "</select><select name=\"unit_id\" aria-label=\"");
		html(r, T(r, "admin.unit"));
		buf_adds(&r->out, " — ");
		html(r, people[i].name);
		buf_adds(&r->out, "\">");
		unit_options(r, units, nu, people[i].unit_id, true);
		buf_adds(&r->out, "</select><button type=\"submit\">");
		html(r, T(r, "admin.save"));
		buf_adds(&r->out, "</button></form></td></tr>");
	}
	buf_adds(&r->out, "</tbody></table></div>");
	if (np > 500) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "admin.more_people"));
		buf_adds(&r->out, "</p>");
	}
	buf_adds(&r->out, "<form method=\"post\" action=\"/admin/people\" class=\"filters\">");
	csrf(r);
	text_input(r, "p", "name", "admin.name", "text", keep_person);
	text_input(r, "p", "email", "login.email", "email", keep_person);
	text_input(r, "p", "job", "admin.job", "text", keep_person);
	text_input(r, "p", "hired_on", "admin.hired_on", "date", keep_person);
	buf_adds(&r->out, "<div class=\"field\"><label for=\"p-role\">");
	html(r, T(r, "admin.role"));
	buf_adds(&r->out, "</label><select id=\"p-role\" name=\"role\">");
	for (int k = 0; k < 4; k++)
		buf_addf(&r->out, "<option value=\"%s\">%s</option>", roles[k], roles[k]);
	buf_adds(&r->out, "</select></div><div class=\"field\"><label for=\"p-unit\">");
	html(r, T(r, "admin.unit"));
	buf_adds(&r->out, "</label><select id=\"p-unit\" name=\"unit_id\">");
	unit_options(r, units, nu, keep_person ? strtoll(fv(r, "unit_id"), NULL, 10) : 0, true);
	buf_adds(&r->out, "</select></div>");
	text_input(r, "p", "password", "admin.password", "password", false);
	buf_adds(&r->out, "<button type=\"submit\">");
	html(r, T(r, "admin.add_person"));
	buf_adds(&r->out, "</button></form></section>");

	/* indicators */
	buf_adds(&r->out, "<section id=\"indicators\"><h2>");
	html(r, T(r, "admin.indicators"));
	buf_adds(&r->out, "</h2><p>");
	html(r, T(r, "admin.indicators_help"));
	buf_adds(&r->out, "</p>");
	message(r, st, "indicators");
	buf_adds(&r->out, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">");
	html(r, T(r, "admin.key"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "admin.name"));
	buf_adds(&r->out, "</th><th scope=\"col\">");
	html(r, T(r, "admin.expr"));
	buf_adds(&r->out, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < ni; i++) {
		buf_adds(&r->out, "<tr><td><code>");
		html(r, inds[i].key);
		buf_adds(&r->out, "</code></td><td>");
		html(r, r->lang == LANG_EN ? inds[i].name_en : inds[i].name_fr);
		buf_adds(&r->out, " <span class=\"muted\">(");
		html(r, inds[i].kind);
		buf_adds(&r->out, ", ");
		html(r, inds[i].unit);
		buf_adds(&r->out, ")</span></td><td><code>");
		html(r, inds[i].expr);
		buf_adds(&r->out, "</code></td></tr>");
	}
	buf_adds(&r->out, "</tbody></table></div><form method=\"post\" action=\"/admin/indicators\" class=\"filters\">");
	csrf(r);
	text_input(r, "i", "key", "admin.key", "text", keep_ind);
	text_input(r, "i", "kind", "admin.activity_kind", "text", keep_ind);
	text_input(r, "i", "expr", "admin.expr", "text", keep_ind);
	text_input(r, "i", "unit", "form.unit", "text", keep_ind);
	text_input(r, "i", "name_fr", "admin.name_fr", "text", keep_ind);
	text_input(r, "i", "name_en", "admin.name_en", "text", keep_ind);
	buf_adds(&r->out, "<button type=\"submit\">");
	html(r, T(r, "admin.add_indicator"));
	buf_adds(&r->out, "</button></form></section>");

	/* tokens */
	buf_adds(&r->out, "<section id=\"tokens\"><h2>");
	html(r, T(r, "admin.tokens"));
	buf_adds(&r->out, "</h2><p>");
	html(r, T(r, "admin.tokens_help"));
	buf_adds(&r->out, "</p>");
	message(r, st, "tokens");
	if (nt) {
		buf_adds(&r->out, "<ul>");
		for (size_t i = 0; i < nt; i++) {
			buf_adds(&r->out, "<li>");
			html(r, tokens[i].name);
			buf_adds(&r->out, " — ");
			html_date(r, (day_t)(tokens[i].created_at / 86400));
			buf_addf(&r->out, " <form method=\"post\" action=\"/admin/tokens/%lld/revoke\" class=\"inline\">",
				 (long long)tokens[i].id);
			csrf(r);
			buf_adds(&r->out, "<button type=\"submit\">");
			html(r, T(r, "admin.revoke"));
			buf_adds(&r->out, "</button></form></li>");
		}
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "<form method=\"post\" action=\"/admin/tokens\" class=\"filters\">");
	csrf(r);
	text_input(r, "t", "name", "admin.token_name", "text", false);
	buf_adds(&r->out, "<button type=\"submit\">");
	html(r, T(r, "admin.add_token"));
	buf_adds(&r->out, "</button></form></section>");
	return page_close(r);
}

static int admin_only(struct req *r)
{
	if (r->me.role != ROLE_ADMIN)
		return forbidden(r, "administer the organisation");
	return 0;
}

int page_admin(struct req *r)
{
	if (admin_only(r))
		return -1;
	return render(r, NULL);
}

/* After a form: back to the page on success, or the page with the error. */
static int after(struct req *r, int failed, const char *section, const char *notice)
{
	struct admin_state st = { section, { 0 }, notice };
	if (failed) {
		st.err = r->err;
		err_clear(&r->err);
		int rc = render(r, &st);
		r->status = st.err.status ? st.err.status : 422;
		return rc;
	}
	if (notice)
		return render(r, &st);
	web_redirect(r, arena_printf(&r->arena, "/admin#%s", section));
	return 0;
}

static void put_str(json_t *j, struct req *r, const char *name)
{
	const char *v = form(r, name);
	if (v && *v)
		json_object_set_new(j, name, json_string(v));
}

static void put_id(json_t *j, struct req *r, const char *name)
{
	const char *v = form(r, name);
	if (v && *v)
		json_object_set_new(j, name, json_integer(strtoll(v, NULL, 10)));
	else if (v)
		json_object_set_new(j, name, json_null());
}

int page_admin_units(struct req *r)
{
	if (admin_only(r) || form_csrf(r))
		return -1;
	json_t *j = json_object();
	put_str(j, r, "name");
	put_str(j, r, "kind");
	put_str(j, r, "service");
	put_id(j, r, "parent_id");
	int failed = web_call_api(r, api_units_create, j, NULL);
	json_decref(j);
	return after(r, failed, "units", NULL);
}

int page_admin_people(struct req *r)
{
	if (admin_only(r) || form_csrf(r))
		return -1;
	json_t *j = json_object();
	put_str(j, r, "name");
	put_str(j, r, "email");
	put_str(j, r, "job");
	put_str(j, r, "role");
	put_str(j, r, "hired_on");
	put_str(j, r, "password");
	put_id(j, r, "unit_id");
	int failed = web_call_api(r, api_people_create, j, NULL);
	json_decref(j);
	return after(r, failed, "people", NULL);
}

int page_admin_person(struct req *r)
{
	if (admin_only(r) || form_csrf(r))
		return -1;
	json_t *j = json_object();
	put_str(j, r, "role");
	put_id(j, r, "unit_id");
	int failed = web_call_api(r, api_people_update, j, NULL);
	json_decref(j);
	return after(r, failed, "people", NULL);
}

int page_admin_indicators(struct req *r)
{
	if (admin_only(r) || form_csrf(r))
		return -1;
	json_t *j = json_object();
	static const char *const f[] = { "key", "kind", "expr", "unit", "name_fr", "name_en" };
	for (int i = 0; i < 6; i++)
		put_str(j, r, f[i]);
	int failed = web_call_api(r, api_indicators_create, j, NULL);
	json_decref(j);
	return after(r, failed, "indicators", NULL);
}

int page_admin_tokens(struct req *r)
{
	if (admin_only(r) || form_csrf(r))
		return -1;
	json_t *j = json_object();
	put_str(j, r, "name");
	json_t *made = NULL;
	int failed = web_call_api(r, api_tokens_create, j, &made);
	json_decref(j);
	const char *tok = made ? arena_strdup(&r->arena, json_string_value(json_object_get(made, "token")))
			       : NULL;
	json_decref(made);
	return after(r, failed, "tokens", failed ? NULL : tok);
}

int page_admin_token_revoke(struct req *r)
{
	if (admin_only(r) || form_csrf(r))
		return -1;
	int failed = web_call_api(r, api_tokens_revoke, NULL, NULL);
	return after(r, failed, "tokens", NULL);
}
