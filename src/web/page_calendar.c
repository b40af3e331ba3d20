/* A person's calendar address on their page (app/calendar.h): whether there
 * is one, a button to make one (or a new one, which stops the old) and one
 * to revoke it; the address is shown once, on the page that made it. */
#include <microhttpd.h>
#include <stdio.h>
#include <string.h>
#include "app/calendar.h"
#include "web/web.h"

void person_calendar(struct req *r, const struct person *p)
{
	struct app a;
	req_app(r, &a);
	struct calendar_feed_info f;
	struct err e;
	err_clear(&e);
	/* only its person, or an admin, sees it: nothing to say to others */
	if (app_calendar_feed_get(&a, p->id, &f, &e))
		return;
	bool mine = p->id == r->me.person_id;
	buf_adds(&r->out, "<section id=\"calendar\"><h2>");
	html(r, T(r, "cal.title"));
	buf_adds(&r->out, "</h2><p>");
	html(r, T(r, mine ? "cal.help" : "cal.help_other"));
	buf_adds(&r->out, "</p><p class=\"muted\">");
	if (f.active) {
		html(r, T(r, "cal.since"));
		buf_adds(&r->out, " ");
		html_date(r, (day_t)(f.created_at / 86400));
	} else {
		html(r, T(r, "cal.none"));
	}
	buf_adds(&r->out, "</p>");
	if (mine || f.active) {
		buf_addf(&r->out, "<form method=\"post\" action=\"/people/%lld/calendar\">"
			 "<input type=\"hidden\" name=\"csrf\" value=\"", (long long)p->id);
		html(r, r->csrf);
		buf_adds(&r->out, "\"><p>");
		if (mine) {
			buf_adds(&r->out, "<button name=\"do\" value=\"make\">");
			html(r, T(r, f.active ? "cal.rotate" : "cal.make"));
			buf_adds(&r->out, "</button> ");
		}
		if (f.active) {
			buf_adds(&r->out, "<button name=\"do\" value=\"revoke\" class=\"secondary\">");
			html(r, T(r, "cal.revoke"));
			buf_adds(&r->out, "</button>");
		}
		buf_adds(&r->out, "</p></form>");
	}
	buf_adds(&r->out, "</section>");
}

int page_person_calendar_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	id_t64 id = param_id(r, 0);
	const char *what = form(r, "do");
	if (what && !strcmp(what, "revoke")) {
		if (app_calendar_feed_revoke(&a, id, &r->err))
			return -1;
		web_redirect(r, arena_printf(&r->arena, "/people/%lld#calendar", (long long)id));
		return 0;
	}
	struct calendar_feed_info f;
	if (app_calendar_feed_make(&a, id, &f, &r->err))
		return -1;
	/* the address as the browser reached this server */
	const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	const char *proto = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
							 "X-Forwarded-Proto");
	const char *url = arena_printf(&r->arena, "%s://%s%s",
				       proto && !strcmp(proto, "https") ? "https" : "http",
				       host ? host : "localhost", f.path);
	page_open(r, T(r, "cal.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "cal.title"));
	buf_adds(&r->out, "</h1><p>");
	html(r, T(r, "cal.made"));
	buf_adds(&r->out, "</p><p><label for=\"cal-url\">");
	html(r, T(r, "cal.address"));
	buf_adds(&r->out, "</label><br><input id=\"cal-url\" class=\"wide\" readonly value=\"");
	html(r, url);
	buf_adds(&r->out, "\"></p><p><a href=\"");
	html(r, f.path);
	buf_adds(&r->out, "\">");
	html(r, T(r, "cal.download"));
	buf_addf(&r->out, "</a> · <a href=\"/people/%lld#calendar\">", (long long)id);
	html(r, T(r, "cal.back"));
	buf_adds(&r->out, "</a></p>");
	return page_close(r);
}
