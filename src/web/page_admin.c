/* Administration (admins): units, people and their roles, indicators,
 * the indicators' synonyms, ramp-up plans per job, one's API tokens. Every form parses its fields and calls the use case of the
 * same change (app/org.h, app/indicator.h, app/token.h): the API's checks,
 * the API's audit trail. A failed form shows the page again with the error
 * beside its section and the values kept. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/csvread.h"
#include "app/indicator.h"
#include "app/org.h"
#include "app/share.h"
#include "app/synonym.h"
#include "app/token.h"
#include "web/web.h"

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

/* What the page shows, read once. */
struct admin_data {
	struct unit *units;
	struct person *people;
	struct indicator_row *inds;
	struct token_row *tokens;
	struct ramp_plan *plans;
	struct indicator_synonym *syns;
	size_t nu, np, ni, nt, nplans, nsyns;
};

static int load(struct req *r, struct admin_data *d)
{
	size_t total;
	struct person_filter pf = { NULL, -1, 0, 0 };
	if (store_unit_list(r->store, r->me.org_id, &r->arena, &d->units, &d->nu, &r->err) ||
	    store_person_list(r->store, r->me.org_id, &pf, &r->arena, &d->people, &d->np, &total,
			      &r->err) ||
	    store_indicator_list(r->store, r->me.org_id, &r->arena, &d->inds, &d->ni, &r->err) ||
	    store_token_list(r->store, r->me.org_id, r->me.person_id, &r->arena, &d->tokens, &d->nt,
			     &r->err))
		return -1;
	struct app a;
	req_app(r, &a);
	return app_ramp_list(&a, &d->plans, &d->nplans, &r->err) ||
	       app_synonym_list(&a, &d->syns, &d->nsyns, &r->err) ? -1 : 0;
}

/* The form of section failed: its values are shown again. */
static bool keep(const struct admin_state *st, const char *section)
{
	return st && st->section && !strcmp(st->section, section) && st->err.code;
}

/* <th scope="col"> for each catalog key. */
static void table_head(struct req *r, const char *const *keys, int n)
{
	buf_adds(&r->out, "<div class=\"scroll\"><table><thead><tr>");
	for (int i = 0; i < n; i++) {
		buf_adds(&r->out, "<th scope=\"col\">");
		html(r, T(r, keys[i]));
		buf_adds(&r->out, "</th>");
	}
	buf_adds(&r->out, "</tr></thead><tbody>");
}

/* <section id=...><h2>title</h2>[<p>help</p>] and the section's message */
static void section_open(struct req *r, const struct admin_state *st, const char *id,
			 const char *title, const char *help)
{
	buf_addf(&r->out, "<section id=\"%s\"><h2>", id);
	html(r, T(r, title));
	buf_adds(&r->out, "</h2>");
	if (help) {
		buf_adds(&r->out, "<p>");
		html(r, T(r, help));
		buf_adds(&r->out, "</p>");
	}
	message(r, st, id);
}

static void submit(struct req *r, const char *key)
{
	buf_adds(&r->out, "<button type=\"submit\">");
	html(r, T(r, key));
	buf_adds(&r->out, "</button></form></section>");
}

static void render_toc(struct req *r)
{
	static const char *const ids[] = { "units", "people", "indicators", "synonyms", "ramp", "tokens" };
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "admin.title"));
	buf_adds(&r->out, "</h1><nav class=\"toc\" aria-label=\"");
	html(r, T(r, "admin.title"));
	buf_adds(&r->out, "\">");
	for (int i = 0; i < 6; i++) {
		buf_addf(&r->out, "%s<a href=\"#%s\">", i ? " · " : "", ids[i]);
		html(r, T(r, arena_printf(&r->arena, "admin.%s", ids[i])));
		buf_adds(&r->out, "</a>");
	}
	buf_adds(&r->out, "</nav>");
}

static void select_open(struct req *r, const char *id, const char *name, const char *label)
{
	buf_addf(&r->out, "<div class=\"field\"><label for=\"%s\">", id);
	html(r, T(r, label));
	buf_addf(&r->out, "</label><select id=\"%s\" name=\"%s\">", id, name);
}

static void render_units(struct req *r, const struct admin_state *st, const struct admin_data *d)
{
	section_open(r, st, "units", "admin.units", NULL);
	static const char *const head[] = { "admin.name", "admin.kind", "admin.parent" };
	table_head(r, head, 3);
	for (size_t i = 0; i < d->nu; i++) {
		const struct unit *u = &d->units[i];
		buf_addf(&r->out, "<tr><td><a href=\"/team?unit=%lld\">", (long long)u->id);
		html(r, u->name);
		buf_adds(&r->out, "</a></td><td>");
		html(r, unit_kind_name(u->kind));
		buf_adds(&r->out, " · ");
		html(r, service_type_name(u->service));
		buf_adds(&r->out, "</td><td>");
		for (size_t k = 0; k < d->nu; k++)
			if (d->units[k].id == u->parent_id)
				html(r, d->units[k].name);
		buf_adds(&r->out, "</td></tr>");
	}
	bool kept = keep(st, "units");
	buf_adds(&r->out, "</tbody></table></div><form method=\"post\" action=\"/admin/units\" class=\"filters\">");
	html_csrf(r);
	text_input(r, "u", "name", "admin.name", "text", kept);
	select_open(r, "u-kind", "kind", "admin.kind");
	static const char *const kinds[] = { "team", "service", "direction" };
	for (int k = 0; k < 3; k++)
		buf_addf(&r->out, "<option value=\"%s\">%s</option>", kinds[k], kinds[k]);
	buf_adds(&r->out, "</select></div>");
	select_open(r, "u-service", "service", "admin.service");
	static const char *const services[] = { "sales", "call_centre", "support", "none" };
	for (int k = 0; k < 4; k++)
		buf_addf(&r->out, "<option value=\"%s\">%s</option>", services[k], services[k]);
	buf_adds(&r->out, "</select></div>");
	select_open(r, "u-parent", "parent_id", "admin.parent");
	unit_options(r, d->units, d->nu, kept ? strtoll(fv(r, "parent_id"), NULL, 10) : 0, false);
	buf_adds(&r->out, "</select></div>");
	submit(r, "admin.add_unit");
}

static const char *const roles[] = { "member", "manager", "hr", "admin" };

/* A person's row: name, email, and the inline form of their role and unit. */
static void person_row(struct req *r, const struct admin_data *d, const struct person *p)
{
	buf_addf(&r->out, "<tr><td><a href=\"/people/%lld\">", (long long)p->id);
	html(r, p->name);
	buf_adds(&r->out, "</a><br><span class=\"muted\">");
	html(r, p->email);
	buf_addf(&r->out, "</span></td><td><form method=\"post\" action=\"/admin/people/%lld\""
		 " class=\"inline-form\">", (long long)p->id);
	html_csrf(r);
	buf_addf(&r->out, "<select name=\"role\" aria-label=\"");
	html(r, T(r, "admin.role"));
	buf_adds(&r->out, " — ");
	html(r, p->name);
	buf_adds(&r->out, "\">");
	for (int k = 0; k < 4; k++)
		buf_addf(&r->out, "<option value=\"%s\"%s>%s</option>", roles[k],
			 !strcmp(roles[k], role_name(p->role)) ? " selected" : "", roles[k]);
	buf_adds(&r->out, "</select><select name=\"unit_id\" aria-label=\"");
	html(r, T(r, "admin.unit"));
	buf_adds(&r->out, " — ");
	html(r, p->name);
	buf_adds(&r->out, "\">");
	unit_options(r, d->units, d->nu, p->unit_id, true);
	buf_adds(&r->out, "</select><button type=\"submit\">");
	html(r, T(r, "admin.save"));
	buf_adds(&r->out, "</button></form></td></tr>");
}

static void render_people(struct req *r, const struct admin_state *st, const struct admin_data *d)
{
	section_open(r, st, "people", "admin.people", NULL);
	static const char *const head[] = { "admin.name", "admin.role_unit" };
	table_head(r, head, 2);
	for (size_t i = 0; i < d->np && i < 500; i++)
		person_row(r, d, &d->people[i]);
	buf_adds(&r->out, "</tbody></table></div>");
	if (d->np > 500) {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "admin.more_people"));
		buf_adds(&r->out, "</p>");
	}
	bool kept = keep(st, "people");
	buf_adds(&r->out, "<form method=\"post\" action=\"/admin/people\" class=\"filters\">");
	html_csrf(r);
	text_input(r, "p", "name", "admin.name", "text", kept);
	text_input(r, "p", "email", "login.email", "email", kept);
	text_input(r, "p", "job", "admin.job", "text", kept);
	text_input(r, "p", "hired_on", "admin.hired_on", "date", kept);
	select_open(r, "p-role", "role", "admin.role");
	for (int k = 0; k < 4; k++)
		buf_addf(&r->out, "<option value=\"%s\">%s</option>", roles[k], roles[k]);
	buf_adds(&r->out, "</select></div>");
	select_open(r, "p-unit", "unit_id", "admin.unit");
	unit_options(r, d->units, d->nu, kept ? strtoll(fv(r, "unit_id"), NULL, 10) : 0, true);
	buf_adds(&r->out, "</select></div>");
	text_input(r, "p", "password", "admin.password", "password", false);
	submit(r, "admin.add_person");
}

static void render_indicators(struct req *r, const struct admin_state *st,
			      const struct admin_data *d)
{
	section_open(r, st, "indicators", "admin.indicators", "admin.indicators_help");
	static const char *const head[] = { "admin.key", "admin.name", "admin.expr" };
	table_head(r, head, 3);
	for (size_t i = 0; i < d->ni; i++) {
		const struct indicator_row *x = &d->inds[i];
		buf_adds(&r->out, "<tr><td><code>");
		html(r, x->key);
		buf_adds(&r->out, "</code></td><td>");
		html(r, r->lang == LANG_EN ? x->name_en : x->name_fr);
		buf_adds(&r->out, " <span class=\"muted\">(");
		html(r, x->kind);
		buf_adds(&r->out, ", ");
		html(r, x->unit);
		buf_adds(&r->out, ")</span></td><td><code>");
		html(r, x->expr);
		buf_adds(&r->out, "</code></td></tr>");
	}
	bool kept = keep(st, "indicators");
	buf_adds(&r->out, "</tbody></table></div><form method=\"post\" action=\"/admin/indicators\" class=\"filters\">");
	html_csrf(r);
	text_input(r, "i", "key", "admin.key", "text", kept);
	text_input(r, "i", "kind", "admin.activity_kind", "text", kept);
	text_input(r, "i", "expr", "admin.expr", "text", kept);
	text_input(r, "i", "unit", "form.unit", "text", kept);
	text_input(r, "i", "name_fr", "admin.name_fr", "text", kept);
	text_input(r, "i", "name_en", "admin.name_en", "text", kept);
	submit(r, "admin.add_indicator");
}

/* The organisation's words for its indicators: a table with a delete form
 * per phrase, and the form that adds one. */
static void render_synonyms(struct req *r, const struct admin_state *st, const struct admin_data *d)
{
	section_open(r, st, "synonyms", "admin.synonyms", "admin.synonyms_help");
	if (d->nsyns) {
		static const char *const head[] = { "admin.phrase", "admin.lang", "admin.indicator",
						    "admin.actions" };
		table_head(r, head, 4);
		for (size_t i = 0; i < d->nsyns; i++) {
			const struct indicator_synonym *x = &d->syns[i];
			buf_addf(&r->out, "<tr><td lang=\"%s\">", !strcmp(x->lang, "en") ? "en" : "fr");
			html(r, x->phrase);
			buf_adds(&r->out, "</td><td>");
			html(r, x->lang);
			buf_adds(&r->out, "</td><td>");
			for (size_t k = 0; k < d->ni; k++)
				if (d->inds[k].id == x->indicator_id)
					html(r, r->lang == LANG_EN ? d->inds[k].name_en : d->inds[k].name_fr);
			buf_adds(&r->out, " <code>");
			html(r, x->indicator_key);
			buf_adds(&r->out, "</code></td><td><form method=\"post\""
				 " action=\"/admin/indicator-synonyms/delete\" class=\"inline\">");
			html_csrf(r);
			buf_adds(&r->out, "<input type=\"hidden\" name=\"lang\" value=\"");
			html(r, x->lang);
			buf_adds(&r->out, "\"><input type=\"hidden\" name=\"phrase\" value=\"");
			html(r, x->phrase);
			buf_adds(&r->out, "\"><button type=\"submit\" aria-label=\"");
			html(r, T(r, "admin.delete"));
			buf_adds(&r->out, " ");
			html(r, x->phrase);
			buf_adds(&r->out, "\">");
			html(r, T(r, "admin.delete"));
			buf_adds(&r->out, "</button></form></td></tr>");
		}
		buf_adds(&r->out, "</tbody></table></div>");
	} else {
		buf_adds(&r->out, "<p class=\"muted\">");
		html(r, T(r, "admin.no_synonyms"));
		buf_adds(&r->out, "</p>");
	}
	bool kept = keep(st, "synonyms");
	buf_adds(&r->out, "<form method=\"post\" action=\"/admin/indicator-synonyms\" class=\"filters\">");
	html_csrf(r);
	text_input(r, "sy", "phrase", "admin.phrase", "text", kept);
	select_open(r, "sy-lang", "lang", "admin.lang");
	static const char *const langs[] = { "fr", "en" };
	const char *lang_now = kept ? fv(r, "lang") : lang_code(r->lang);
	for (int k = 0; k < 2; k++)
		buf_addf(&r->out, "<option value=\"%s\"%s>%s</option>", langs[k],
			 !strcmp(lang_now, langs[k]) ? " selected" : "", langs[k]);
	buf_adds(&r->out, "</select></div>");
	select_open(r, "sy-indicator", "indicator", "admin.indicator");
	for (size_t k = 0; k < d->ni; k++) {
		buf_adds(&r->out, "<option value=\"");
		html(r, d->inds[k].key);
		buf_addf(&r->out, "\"%s>", kept && !strcmp(fv(r, "indicator"), d->inds[k].key) ? " selected" : "");
		html(r, r->lang == LANG_EN ? d->inds[k].name_en : d->inds[k].name_fr);
		buf_adds(&r->out, "</option>");
	}
	buf_adds(&r->out, "</select></div>");
	submit(r, "admin.add_synonym");
}

static void render_ramp(struct req *r, const struct admin_state *st, const struct admin_data *d)
{
	section_open(r, st, "ramp", "admin.ramp", "admin.ramp_help");
	if (d->nplans) {
		static const char *const head[] = { "admin.job", "admin.steps", "admin.actions" };
		table_head(r, head, 3);
		for (size_t i = 0; i < d->nplans; i++) {
			const struct ramp_plan *p = &d->plans[i];
			buf_adds(&r->out, "<tr><td>");
			html(r, p->job);
			buf_adds(&r->out, "</td><td>");
			for (int k = 0; k < p->nsteps; k++) {
				buf_adds(&r->out, k ? ", " : "");
				html_num(r, p->steps[k]);
				buf_adds(&r->out, " %");
			}
			buf_adds(&r->out, " → 100 %</td><td>");
			buf_addf(&r->out, "<form method=\"post\" action=\"/admin/ramp-plans/%lld/delete\""
				 " class=\"inline\">", (long long)p->id);
			html_csrf(r);
			buf_adds(&r->out, "<button type=\"submit\" aria-label=\"");
			html(r, T(r, "admin.delete"));
			buf_adds(&r->out, " ");
			html(r, p->job);
			buf_adds(&r->out, "\">");
			html(r, T(r, "admin.delete"));
			buf_adds(&r->out, "</button></form></td></tr>");
		}
		buf_adds(&r->out, "</tbody></table></div>");
	}
	bool kept = keep(st, "ramp");
	buf_adds(&r->out, "<form method=\"post\" action=\"/admin/ramp-plans\" class=\"filters\">");
	html_csrf(r);
	text_input(r, "rp", "job", "admin.job", "text", kept);
	text_input(r, "rp", "steps", "admin.steps_input", "text", kept);
	buf_addf(&r->out, "<div class=\"field check\"><input type=\"checkbox\" id=\"rp-above\" name=\"above_100\""
		 " value=\"1\"%s><label for=\"rp-above\">", kept && *fv(r, "above_100") ? " checked" : "");
	html(r, T(r, "admin.above_100"));
	buf_adds(&r->out, "</label></div>");
	submit(r, "admin.add_ramp");
}

static void render_tokens(struct req *r, const struct admin_state *st, const struct admin_data *d)
{
	section_open(r, st, "tokens", "admin.tokens", "admin.tokens_help");
	if (d->nt) {
		buf_adds(&r->out, "<ul>");
		for (size_t i = 0; i < d->nt; i++) {
			buf_adds(&r->out, "<li>");
			html(r, d->tokens[i].name);
			buf_adds(&r->out, " — ");
			html_date(r, (day_t)(d->tokens[i].created_at / 86400));
			buf_addf(&r->out, " <form method=\"post\" action=\"/admin/tokens/%lld/revoke\" class=\"inline\">",
				 (long long)d->tokens[i].id);
			html_csrf(r);
			buf_adds(&r->out, "<button type=\"submit\">");
			html(r, T(r, "admin.revoke"));
			buf_adds(&r->out, "</button></form></li>");
		}
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "<form method=\"post\" action=\"/admin/tokens\" class=\"filters\">");
	html_csrf(r);
	text_input(r, "t", "name", "admin.token_name", "text", false);
	submit(r, "admin.add_token");
}

static int render(struct req *r, const struct admin_state *st)
{
	struct admin_data d;
	if (load(r, &d))
		return -1;
	page_open(r, T(r, "admin.title"));
	render_toc(r);
	render_units(r, st, &d);
	render_people(r, st, &d);
	render_indicators(r, st, &d);
	render_synonyms(r, st, &d);
	render_ramp(r, st, &d);
	render_tokens(r, st, &d);
	buf_adds(&r->out, "<section id=\"audit\"><h2>");
	html(r, T(r, "admin.audit"));
	buf_adds(&r->out, "</h2><p class=\"muted\">");
	html(r, T(r, "admin.audit_help"));
	buf_adds(&r->out, "</p>");
	w_export(r, "/api/audit");
	buf_adds(&r->out, "</section>");
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

/* A form field that is filled in: its bit in *set and its value in *out. */
static void take(struct req *r, const char *name, unsigned bit, unsigned *set, const char **out)
{
	const char *v = form(r, name);
	if (v && *v) {
		*set |= bit;
		*out = v;
	}
}

/* A unit or person select: "" is none (0); absent, not given. */
static void take_id(struct req *r, const char *name, unsigned bit, unsigned *set, id_t64 *out)
{
	const char *v = form(r, name);
	if (v) {
		*set |= bit;
		*out = *v ? strtoll(v, NULL, 10) : 0;
	}
}

int page_admin_units(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	struct unit_input in = { 0 };
	take(r, "name", UNIT_IN_NAME, &in.set, &in.name);
	take(r, "kind", UNIT_IN_KIND, &in.set, &in.kind);
	take(r, "service", UNIT_IN_SERVICE, &in.set, &in.service);
	take_id(r, "parent_id", UNIT_IN_PARENT, &in.set, &in.parent_id);
	struct unit u;
	return after(r, app_unit_create(&a, &in, &u, &r->err), "units", NULL);
}

int page_admin_people(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	struct person_input in = { 0 };
	in.active = true;
	take(r, "name", PERSON_NAME, &in.set, &in.name);
	take(r, "email", PERSON_EMAIL, &in.set, &in.email);
	take(r, "job", PERSON_JOB, &in.set, &in.job);
	take(r, "role", PERSON_ROLE, &in.set, &in.role);
	take(r, "hired_on", PERSON_HIRED_ON, &in.set, &in.hired_on);
	take(r, "password", PERSON_PASSWORD, &in.set, &in.password);
	take_id(r, "unit_id", PERSON_UNIT, &in.set, &in.unit_id);
	struct person p;
	return after(r, app_person_create(&a, &in, &p, &r->err), "people", NULL);
}

int page_admin_person(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	struct person_input in = { 0 };
	take(r, "role", PERSON_ROLE, &in.set, &in.role);
	take_id(r, "unit_id", PERSON_UNIT, &in.set, &in.unit_id);
	struct person p;
	return after(r, app_person_update(&a, param_id(r, 0), &in, &p, &r->err), "people", NULL);
}

int page_admin_indicators(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	struct indicator_input in = { 0 };
	take(r, "key", IND_KEY, &in.set, &in.key);
	take(r, "kind", IND_KIND, &in.set, &in.kind);
	take(r, "expr", IND_EXPR, &in.set, &in.expr);
	take(r, "unit", IND_UNIT, &in.set, &in.unit);
	take(r, "name_fr", IND_NAME_FR, &in.set, &in.name_fr);
	take(r, "name_en", IND_NAME_EN, &in.set, &in.name_en);
	struct mind m;
	return after(r, app_indicator_create(&a, &in, &m, &r->err), "indicators", NULL);
}

int page_admin_tokens(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	struct token_made *t = arena_alloc(&r->arena, sizeof(*t));
	int failed = app_token_create(&a, 0, form(r, "name"), t, &r->err);
	return after(r, failed, "tokens", failed ? NULL : t->token);
}

int page_admin_token_revoke(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	return after(r, app_token_revoke(&a, param_id(r, 0), &r->err), "tokens", NULL);
}

/* A ramp-up plan: its steps typed "25, 50, 75" (spaces, commas or
 * semicolons between them). */
int page_admin_ramp(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	double steps[RAMP_STEPS_MAX + 1];
	int n = 0;
	const char *text = form(r, "steps");
	char *copy = arena_strdup(&r->arena, text ? text : "");
	char *save;
	for (char *tok = strtok_r(copy, " ,;%", &save); tok; tok = strtok_r(NULL, " ,;%", &save)) {
		double x;
		if (n > RAMP_STEPS_MAX)
			break;
		steps[n++] = csv_number(tok, false, &x) ? NAN : x;
	}
	const char *above = form(r, "above_100");
	struct ramp_input in = { form(r, "job"), steps, n, above && *above };
	struct ramp_plan p;
	return after(r, app_ramp_put(&a, &in, &p, &r->err), "ramp", NULL);
}

int page_admin_ramp_delete(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	return after(r, app_ramp_delete(&a, param_id(r, 0), &r->err), "ramp", NULL);
}

int page_admin_synonyms(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	struct synonym_input in = { form(r, "lang"), form(r, "phrase"), form(r, "indicator") };
	struct indicator_synonym x;
	return after(r, app_synonym_put(&a, &in, &x, &r->err), "synonyms", NULL);
}

int page_admin_synonym_delete(struct req *r)
{
	if (admin_only(r))
		return -1;
	struct app a;
	req_app(r, &a);
	return after(r, app_synonym_delete(&a, form(r, "lang"), form(r, "phrase"), &r->err),
		     "synonyms", NULL);
}
