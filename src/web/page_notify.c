/* The notifications page (/settings/notifications): one's in-app
 * notifications, one's channels per kind and language, and for an admin the
 * chat places and the deliveries that failed; over the use cases of
 * app/notify.h, as the API. A refused form shows the error page with its
 * message (a malformed webhook address says what is wrong). */
#include <stdlib.h>
#include <string.h>
#include "app/notify.h"
#include "web/web.h"

const struct msg notify_page_catalog[] = {
	{ "nt.title", "Notifications", "Notifications" },
	{ "nt.inbox", "Mes notifications", "My notifications" },
	{ "nt.none", "Aucune notification.", "No notification." },
	{ "nt.unread", "non lue", "unread" },
	{ "nt.read_all", "Tout marquer comme lu", "Mark all read" },
	{ "nt.open", "Ouvrir", "Open" },
	{ "nt.prefs", "Comment être prévenu", "How to be told" },
	{ "nt.prefs_help", "Courriels et messages partent entre 8 h et 20 h, heure de l'organisation ; "
	  "plusieurs rappels dus ensemble arrivent en un seul courriel.",
	  "Emails and chat messages go out from 8 a.m. to 8 p.m., the organisation's time; "
	  "reminders due together come as one email." },
	{ "nt.kind", "Quand", "When" },
	{ "nt.inapp", "Dans cible", "In cible" },
	{ "nt.email", "Par courriel", "By email" },
	{ "nt.chat", "Dans la messagerie", "In the chat" },
	{ "nt.lang", "Langue des courriels", "Language of the emails" },
	{ "nt.save", "Enregistrer", "Save" },
	{ "nt.k.checkin_late", "Un point d'étape est en retard", "A check-in is late" },
	{ "nt.k.due_soon", "Une échéance tombe dans la semaine", "An objective is due within a week" },
	{ "nt.k.negotiation_waiting", "Une négociation attend ma réponse",
	  "A negotiation waits for my answer" },
	{ "nt.k.challenge_closed", "Un défi est clos", "A challenge is closed" },
	{ "nt.k.badge_earned", "J'obtiens un badge", "I earn a badge" },
	{ "nt.k.review_signature", "Un bilan attend ma signature", "A review waits for my signature" },
	{ "nt.places", "Canaux de messagerie", "Chat places" },
	{ "nt.places_help", "Slack (webhook entrant), Microsoft Teams (webhook Workflows) ou un webhook "
	  "signé (HMAC-SHA256 du corps, horodaté) pour une intégration.",
	  "Slack (incoming webhook), Microsoft Teams (Workflows webhook) or a signed webhook "
	  "(HMAC-SHA256 of the body, with a timestamp) for an integration." },
	{ "nt.no_places", "Aucun canal.", "No place." },
	{ "nt.place_kind", "Type", "Kind" },
	{ "nt.place_name", "Nom", "Name" },
	{ "nt.place_url", "Adresse du webhook", "Webhook address" },
	{ "nt.place_unit", "Pour", "For" },
	{ "nt.whole_org", "Toute l'organisation", "The whole organisation" },
	{ "nt.add", "Ajouter le canal", "Add the place" },
	{ "nt.remove", "Retirer", "Remove" },
	{ "nt.secret", "Le secret de ce webhook, montré une seule fois :",
	  "This webhook's secret, shown only once:" },
	{ "nt.failed", "Envois en échec", "Failed deliveries" },
	{ "nt.no_failed", "Aucun envoi en échec.", "No failed delivery." },
	{ "nt.attempts", "essais", "attempts" },
	{ "nt.retry", "Réessayer", "Retry" },
	{ NULL, NULL, NULL }
};

static const char *TR(struct req *r, const char *key)
{
	return T_page(r, notify_page_catalog, key);
}

static void button_form(struct req *r, const char *action, const char *label)
{
	buf_adds(&r->out, "<form method=\"post\" class=\"inline\" action=\"");
	html(r, action);
	buf_adds(&r->out, "\">");
	html_csrf(r);
	buf_adds(&r->out, "<button type=\"submit\">");
	html(r, label);
	buf_adds(&r->out, "</button></form>");
}

static void section(struct req *r, const char *id, const char *title)
{
	buf_addf(&r->out, "<section aria-labelledby=\"%s\"><h2 id=\"%s\">", id, id);
	html(r, TR(r, title));
	buf_adds(&r->out, "</h2>");
}

static void muted(struct req *r, const char *key)
{
	buf_adds(&r->out, "<p class=\"muted\">");
	html(r, TR(r, key));
	buf_adds(&r->out, "</p>");
}

static void inbox(struct req *r, struct app *a)
{
	struct notify_delivery_row *v;
	size_t n, total, unread;
	struct err e;
	section(r, "nt-inbox", "nt.inbox");
	if (app_notify_inbox(a, false, 20, 0, &v, &n, &total, &unread, &e) || !n) {
		muted(r, "nt.none");
		buf_adds(&r->out, "</section>");
		return;
	}
	buf_adds(&r->out, "<ul class=\"checkins notifications\">");
	for (size_t i = 0; i < n; i++) {
		json_t *j = app_notify_item_json(a, &v[i]);
		buf_addf(&r->out, "<li%s>", v[i].read_at ? "" : " class=\"unread\"");
		if (!v[i].read_at) {
			buf_adds(&r->out, "<strong>");
			html(r, TR(r, "nt.unread"));
			buf_adds(&r->out, "</strong> ");
		}
		html(r, json_string_value(json_object_get(j, "text")));
		buf_adds(&r->out, " <a href=\"");
		html(r, v[i].ev.link);
		buf_adds(&r->out, "\">");
		html(r, TR(r, "nt.open"));
		buf_adds(&r->out, "</a> <span class=\"muted\">");
		html_date(r, (day_t)(v[i].created_at / 86400));
		buf_adds(&r->out, "</span></li>");
		json_decref(j);
	}
	buf_adds(&r->out, "</ul>");
	if (unread)
		button_form(r, "/settings/notifications/read-all", TR(r, "nt.read_all"));
	buf_adds(&r->out, "</section>");
}

static void prefs(struct req *r, struct app *a)
{
	struct notify_prefs p;
	struct err e;
	if (app_notify_prefs_get(a, &p, &e))
		return;
	section(r, "nt-prefs", "nt.prefs");
	muted(r, "nt.prefs_help");
	buf_adds(&r->out, "<form method=\"post\" action=\"/settings/notifications\">");
	html_csrf(r);
	buf_adds(&r->out, "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">");
	html(r, TR(r, "nt.kind"));
	static const char *const cols[] = { "nt.inapp", "nt.email", "nt.chat" };
	static const char *const names[] = { "inapp", "email", "chat" };
	static const unsigned bits[] = { NCH_INAPP, NCH_EMAIL, NCH_CHAT };
	for (int c = 0; c < 3; c++) {
		buf_addf(&r->out, "</th><th scope=\"col\" id=\"c-%s\">", names[c]);
		html(r, TR(r, cols[c]));
	}
	buf_adds(&r->out, "</th></tr></thead><tbody>");
	for (int k = 0; k < NK__COUNT; k++) {
		const char *kn = notify_kind_name((enum notify_kind)k);
		char key[64];
		snprintf(key, sizeof(key), "nt.k.%s", kn);
		buf_addf(&r->out, "<tr><th scope=\"row\" id=\"k-%s\">", kn);
		html(r, TR(r, key));
		buf_adds(&r->out, "</th>");
		for (int c = 0; c < 3; c++) {
			buf_addf(&r->out, "<td><input type=\"checkbox\" name=\"%s.%s\" id=\"%s-%s\""
				 " aria-labelledby=\"c-%s k-%s\"%s></td>",
				 kn, names[c], kn, names[c], names[c], kn,
				 p.channels[k] & bits[c] ? " checked" : "");
		}
		buf_adds(&r->out, "</tr>");
	}
	buf_adds(&r->out, "</tbody></table></div><p><label for=\"nt-lang\">");
	html(r, TR(r, "nt.lang"));
	buf_addf(&r->out, "</label> <select id=\"nt-lang\" name=\"lang\"><option value=\"fr\"%s>"
		 "français</option><option value=\"en\"%s>English</option></select></p>"
		 "<p><button type=\"submit\">", p.lang == LANG_FR ? " selected" : "",
		 p.lang == LANG_EN ? " selected" : "");
	html(r, TR(r, "nt.save"));
	buf_adds(&r->out, "</button></p></form></section>");
}

static void places(struct req *r, struct app *a, const char *secret)
{
	struct notify_channel_row *v;
	size_t n;
	struct err e;
	if (app_notify_channels(a, &v, &n, &e))
		return;
	struct unit *units = NULL;
	size_t nu = 0;
	if (store_unit_list(a->store, a->me.org_id, a->arena, &units, &nu, &e))
		nu = 0;
	section(r, "nt-places", "nt.places");
	muted(r, "nt.places_help");
	if (secret) {
		buf_adds(&r->out, "<p class=\"notice\" role=\"status\">");
		html(r, TR(r, "nt.secret"));
		buf_adds(&r->out, " <code>");
		html(r, secret);
		buf_adds(&r->out, "</code></p>");
	}
	if (!n)
		muted(r, "nt.no_places");
	else {
		buf_adds(&r->out, "<ul class=\"checkins\">");
		for (size_t i = 0; i < n; i++) {
			buf_adds(&r->out, "<li><strong>");
			html(r, v[i].name);
			buf_adds(&r->out, "</strong> (");
			html(r, v[i].kind);
			buf_adds(&r->out, ", ");
			const char *for_ = TR(r, "nt.whole_org");
			for (size_t k = 0; k < nu; k++)
				if (units[k].id == v[i].unit_id)
					for_ = units[k].name;
			html(r, for_);
			buf_adds(&r->out, ") <span class=\"muted\">");
			html(r, v[i].url);
			buf_adds(&r->out, "</span> ");
			button_form(r, arena_printf(a->arena, "/settings/notifications/channels/%lld/delete",
						    (long long)v[i].id), TR(r, "nt.remove"));
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "<form method=\"post\" action=\"/settings/notifications/channels\""
		 " class=\"filters\">");
	html_csrf(r);
	buf_adds(&r->out, "<div><label for=\"pl-kind\">");
	html(r, TR(r, "nt.place_kind"));
	buf_adds(&r->out, "</label><select id=\"pl-kind\" name=\"kind\"><option value=\"slack\">Slack"
		 "</option><option value=\"teams\">Microsoft Teams</option><option value=\"webhook\">"
		 "Webhook</option></select></div><div><label for=\"pl-name\">");
	html(r, TR(r, "nt.place_name"));
	buf_adds(&r->out, "</label><input id=\"pl-name\" name=\"name\" required maxlength=\"100\"></div>"
		 "<div><label for=\"pl-url\">");
	html(r, TR(r, "nt.place_url"));
	buf_adds(&r->out, "</label><input id=\"pl-url\" name=\"url\" type=\"url\" required"
		 " placeholder=\"https://hooks.slack.com/services/...\"></div><div><label for=\"pl-unit\">");
	html(r, TR(r, "nt.place_unit"));
	buf_adds(&r->out, "</label><select id=\"pl-unit\" name=\"unit_id\"><option value=\"\">");
	html(r, TR(r, "nt.whole_org"));
	buf_adds(&r->out, "</option>");
	for (size_t k = 0; k < nu; k++) {
		buf_addf(&r->out, "<option value=\"%lld\">", (long long)units[k].id);
		html(r, units[k].name);
		buf_adds(&r->out, "</option>");
	}
	buf_adds(&r->out, "</select></div><div><button type=\"submit\">");
	html(r, TR(r, "nt.add"));
	buf_adds(&r->out, "</button></div></form></section>");
}

static void failed(struct req *r, struct app *a)
{
	struct notify_delivery_row *v;
	size_t n, total;
	struct err e;
	if (app_notify_deliveries(a, "failed", 50, 0, &v, &n, &total, &e))
		return;
	section(r, "nt-failed", "nt.failed");
	if (!n)
		muted(r, "nt.no_failed");
	else {
		buf_adds(&r->out, "<ul class=\"checkins\">");
		for (size_t i = 0; i < n; i++) {
			struct buf line = BUF_INIT;
			app_notify_line(&v[i], r->lang, &line);
			buf_adds(&r->out, "<li>");
			html(r, line.data);
			buf_free(&line);
			buf_adds(&r->out, " — ");
			html(r, v[i].channel);
			buf_addf(&r->out, ", %d ", v[i].attempts);
			html(r, TR(r, "nt.attempts"));
			buf_adds(&r->out, " <span class=\"muted\">");
			html(r, v[i].last_error ? v[i].last_error : "");
			buf_adds(&r->out, "</span> ");
			button_form(r, arena_printf(a->arena, "/settings/notifications/deliveries/%lld/retry",
						    (long long)v[i].id), TR(r, "nt.retry"));
			buf_adds(&r->out, "</li>");
		}
		buf_adds(&r->out, "</ul>");
	}
	buf_adds(&r->out, "</section>");
}

static int render(struct req *r, const char *secret)
{
	struct app a;
	req_app(r, &a);
	page_open(r, TR(r, "nt.title"));
	buf_adds(&r->out, "<h1>");
	html(r, TR(r, "nt.title"));
	buf_adds(&r->out, "</h1>");
	if (r->me.person_id) {
		inbox(r, &a);
		prefs(r, &a);
	}
	if (r->me.role == ROLE_ADMIN) {
		places(r, &a, secret);
		failed(r, &a);
	}
	return page_close(r);
}

int page_notifications(struct req *r)
{
	return render(r, NULL);
}

int page_notifications_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct notify_prefs_input in;
	memset(&in, 0, sizeof(in));
	in.lang = form(r, "lang");
	static const char *const names[] = { "inapp", "email", "chat" };
	for (int k = 0; k < NK__COUNT; k++) {
		const char *kn = notify_kind_name((enum notify_kind)k);
		in.v[in.n].kind = kn;
		int *dst[] = { &in.v[in.n].inapp, &in.v[in.n].email, &in.v[in.n].chat };
		for (int c = 0; c < 3; c++) {
			char f[64];
			snprintf(f, sizeof(f), "%s.%s", kn, names[c]);
			*dst[c] = form(r, f) != NULL;   /* an unchecked box is not sent */
		}
		in.n++;
	}
	struct notify_prefs out;
	if (app_notify_prefs_set(&a, &in, &out, &r->err))
		return -1;
	web_redirect(r, "/settings/notifications");
	return 0;
}

int page_notifications_read_all(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_notify_read_all(&a, &r->err))
		return -1;
	web_redirect(r, "/settings/notifications");
	return 0;
}

int page_notify_channel_post(struct req *r)
{
	struct app a;
	req_app(r, &a);
	const char *unit = form(r, "unit_id");
	struct notify_channel_input in = { form(r, "kind"), form(r, "name"), form(r, "url"), NULL,
					   unit && *unit ? strtoll(unit, NULL, 10) : 0 };
	struct notify_channel_row c;
	if (app_notify_channel_add(&a, &in, &c, &r->err))
		return -1;
	if (c.secret)   /* shown once: the page itself, not a redirect */
		return render(r, c.secret);
	web_redirect(r, "/settings/notifications");
	return 0;
}

int page_notify_channel_delete(struct req *r)
{
	struct app a;
	req_app(r, &a);
	if (app_notify_channel_delete(&a, param_id(r, 0), &r->err))
		return -1;
	web_redirect(r, "/settings/notifications");
	return 0;
}

int page_notify_retry(struct req *r)
{
	struct app a;
	req_app(r, &a);
	struct notify_delivery_row d;
	if (app_notify_retry(&a, param_id(r, 0), &d, &r->err))
		return -1;
	web_redirect(r, "/settings/notifications");
	return 0;
}
