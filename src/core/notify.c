/* Notifications, the pure part (notify.h). */
#include <stdio.h>
#include <string.h>
#include "core/notify.h"

static const char *const kind_names[NK__COUNT] = {
	[NK_CHECKIN_LATE] = "checkin_late",
	[NK_DUE_SOON] = "due_soon",
	[NK_NEGOTIATION_WAITING] = "negotiation_waiting",
	[NK_CHALLENGE_CLOSED] = "challenge_closed",
	[NK_BADGE_EARNED] = "badge_earned",
	[NK_REVIEW_SIGNATURE] = "review_signature",
};

const char *notify_kind_name(enum notify_kind k)
{
	return (unsigned)k < NK__COUNT ? kind_names[k] : NULL;
}

int notify_kind_parse(const char *s)
{
	for (int i = 0; s && i < NK__COUNT; i++)
		if (!strcmp(s, kind_names[i]))
			return i;
	return -1;
}

bool notify_kind_reminder(enum notify_kind k)
{
	return k == NK_CHECKIN_LATE || k == NK_DUE_SOON || k == NK_NEGOTIATION_WAITING ||
	       k == NK_REVIEW_SIGNATURE;
}

unsigned notify_default_channels(enum notify_kind k)
{
	switch (k) {
	case NK_CHECKIN_LATE:
	case NK_DUE_SOON:
	case NK_NEGOTIATION_WAITING:
	case NK_REVIEW_SIGNATURE:
		return NCH_INAPP | NCH_EMAIL;
	case NK_CHALLENGE_CLOSED:
	case NK_BADGE_EARNED:
		return NCH_INAPP | NCH_CHAT;
	default:
		return NCH_INAPP;
	}
}

unsigned notify_channel_bit(const char *s)
{
	if (!s)
		return 0;
	if (!strcmp(s, "inapp"))
		return NCH_INAPP;
	if (!strcmp(s, "email"))
		return NCH_EMAIL;
	if (!strcmp(s, "chat"))
		return NCH_CHAT;
	return 0;
}

int64_t notify_wait_for_day(int hour, int minute, int second)
{
	int64_t t = (int64_t)hour * 3600 + minute * 60 + second;
	if (t < NOTIFY_FROM_HOUR * 3600)
		return NOTIFY_FROM_HOUR * 3600 - t;
	if (t >= NOTIFY_UNTIL_HOUR * 3600)
		return 86400 - t + NOTIFY_FROM_HOUR * 3600;
	return 0;
}

int64_t notify_backoff(int failed, int64_t base)
{
	if (base <= 0)
		base = 30;
	int64_t w = base;
	for (int i = 1; i < failed && w < 6 * 3600; i++)
		w *= 2;
	return w > 6 * 3600 ? 6 * 3600 : w;
}

bool notify_url_ok(const char *url)
{
	if (!url || strlen(url) > 2000)
		return false;
	const char *p;
	if (!strncmp(url, "https://", 8))
		p = url + 8;
	else if (!strncmp(url, "http://", 7))
		p = url + 7;
	else
		return false;
	const char *h = p;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
	       *p == '.' || *p == '-')
		p++;
	if (p == h || *h == '.' || *h == '-' || p[-1] == '-' || strstr(h, ".."))
		return false;
	if (*p == ':') {
		long port = 0;
		const char *d = ++p;
		while (*p >= '0' && *p <= '9' && port <= 65535)
			port = port * 10 + (*p++ - '0');
		if (p == d || port < 1 || port > 65535)
			return false;
	}
	if (*p && *p != '/' && *p != '?')
		return false;
	for (; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' ||
		    *p == '\\' || *p == '`')
			return false;
	return true;
}

/* ---- words ---- */

static const struct msg texts[] = {
	{ "checkin_late", "Point d'étape en retard pour {0} (attendu le {1})",
	  "Check-in late for {0} (due on {1})" },
	{ "due_soon", "Échéance proche : « {0} » le {1}", "Due soon: \"{0}\" on {1}" },
	{ "negotiation_waiting", "Négociation : « {0} » attend votre réponse",
	  "Negotiation: \"{0}\" waits for your answer" },
	{ "challenge_closed", "Défi clos : « {0} »", "Challenge closed: \"{0}\"" },
	{ "badge_earned", "Badge obtenu par {0} : {1}", "Badge earned by {0}: {1}" },
	{ "review_signature", "Bilan « {0} » : {1} l'a signé, il attend votre signature",
	  "Review \"{0}\": {1} signed it, it waits for your signature" },
	{ "digest", "cible : {0} rappels", "cible: {0} reminders" },
	{ "hello", "Bonjour {0},", "Hello {0}," },
	{ "intro1", "Voici ce qui vous attend dans cible :", "Here is what waits for you in cible:" },
	{ "open", "Ouvrir la page", "Open the page" },
	{ "footer", "Vous choisissez ces messages dans cible, page Notifications.",
	  "You choose these messages in cible, on the Notifications page." },
	{ NULL, NULL, NULL }
};

static const struct msg badge_words[] = {
	{ "challenge_won", "défi gagné", "challenge won" },
	{ "first_checkin", "premier point d'étape", "first check-in" },
	{ "four_weeks", "quatre semaines de suite", "four weeks in a row" },
	{ "best_progress", "meilleure progression du mois", "best progress of the month" },
	{ "objective_achieved", "objectif atteint", "objective achieved" },
	{ NULL, NULL, NULL }
};

void notify_line(struct buf *out, const struct notify_text *t, enum lang lang)
{
	const char *tmpl = msg_text(texts, notify_kind_name(t->kind), lang);
	if (!tmpl)
		return;
	switch (t->kind) {
	case NK_CHECKIN_LATE:
		msg_render(out, tmpl, t->person ? t->person : "", t->day ? t->day : "");
		break;
	case NK_DUE_SOON:
		msg_render(out, tmpl, t->title ? t->title : "", t->day ? t->day : "");
		break;
	case NK_REVIEW_SIGNATURE:
		msg_render(out, tmpl, t->title ? t->title : "", t->person ? t->person : "");
		break;
	case NK_BADGE_EARNED: {
		const char *w = t->extra ? msg_text(badge_words, t->extra, lang) : NULL;
		msg_render(out, tmpl, t->person ? t->person : "", w ? w : t->extra ? t->extra : "");
		break;
	}
	default:
		msg_render(out, tmpl, t->title ? t->title : "", NULL);
		break;
	}
}

void notify_subject(struct buf *out, const struct notify_text *t, size_t n, enum lang lang)
{
	if (n == 1) {
		notify_line(out, t, lang);
		return;
	}
	char k[24];
	snprintf(k, sizeof(k), "%zu", n);
	msg_render(out, msg_text(texts, "digest", lang), k, NULL);
}

/* RFC 2047 encoded word (base64) for a header, in chunks under 76 columns */
static void header_word(struct buf *out, const char *s)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	bool plain = true;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < ' ' || (unsigned char)*p > '~')
			plain = false;
	if (plain && strlen(s) < 60) {
		buf_adds(out, s);
		return;
	}
	size_t n = strlen(s), i = 0;
	while (i < n) {
		/* 36 bytes a word (48 base64 characters), not cutting a UTF-8 sequence */
		size_t k = n - i < 36 ? n - i : 36;
		while (k < n - i && k > 1 && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k--;
		if (i)
			buf_adds(out, "\r\n ");
		buf_adds(out, "=?UTF-8?B?");
		for (size_t j = 0; j < k; j += 3) {
			unsigned v = (unsigned char)s[i + j] << 16;
			if (j + 1 < k)
				v |= (unsigned char)s[i + j + 1] << 8;
			if (j + 2 < k)
				v |= (unsigned char)s[i + j + 2];
			char q[5] = { b64[v >> 18 & 63], b64[v >> 12 & 63],
				      j + 1 < k ? b64[v >> 6 & 63] : '=', j + 2 < k ? b64[v & 63] : '=', 0 };
			buf_adds(out, q);
		}
		buf_adds(out, "?=");
		i += k;
	}
}

/* quoted-printable (RFC 2045) of text with \n line ends, lines as CRLF */
static void qp(struct buf *out, const char *s)
{
	int col = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\n') {
			buf_adds(out, "\r\n");
			col = 0;
			continue;
		}
		char c[4];
		bool enc = *p == '=' || *p > '~' || (*p < ' ' && *p != '\t') ||
			   ((*p == ' ' || *p == '\t') && (p[1] == '\n' || !p[1])) ||
			   (*p == '.' && col == 0);
		if (enc)
			snprintf(c, sizeof(c), "=%02X", *p);
		else
			c[0] = (char)*p, c[1] = 0;
		int w = (int)strlen(c);
		if (col + w > 75) {
			buf_adds(out, "=\r\n");
			col = 0;
		}
		buf_adds(out, c);
		col += w;
	}
	buf_adds(out, "\r\n");
}

static void link_of(struct buf *out, const char *base, const char *path)
{
	if (base && *base) {
		size_t n = strlen(base);
		buf_adds(out, base);
		if (n && base[n - 1] == '/' && path && *path == '/')
			path++;
	}
	buf_adds(out, path ? path : "/");
}

void notify_mail_render(struct buf *out, const struct notify_mail *m,
			const struct notify_text *t, const char *const *links, size_t n)
{
	enum lang L = m->lang;
	struct buf subj = BUF_INIT, text = BUF_INIT, html = BUF_INIT, w = BUF_INIT;
	notify_subject(&subj, t, n, L);

	msg_render(&text, msg_text(texts, "hello", L), m->to_name ? m->to_name : "", NULL);
	buf_adds(&text, "\n\n");
	buf_adds(&text, msg_text(texts, "intro1", L));
	buf_adds(&text, "\n\n");
	buf_addf(&html, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		   "<title>", lang_code(L));
	buf_add_html(&html, subj.data);
	buf_adds(&html, "</title></head>\n<body>\n<p>");
	buf_reset(&w);
	msg_render(&w, msg_text(texts, "hello", L), m->to_name ? m->to_name : "", NULL);
	buf_add_html(&html, w.data);
	buf_adds(&html, "</p>\n<p>");
	buf_add_html(&html, msg_text(texts, "intro1", L));
	buf_adds(&html, "</p>\n<ul>\n");
	for (size_t i = 0; i < n; i++) {
		buf_reset(&w);
		notify_line(&w, &t[i], L);
		struct buf url = BUF_INIT;
		link_of(&url, m->base_url, links[i]);
		buf_addf(&text, "- %s\n  %s\n", w.data, url.data);
		buf_adds(&html, "<li>");
		buf_add_html(&html, w.data);
		buf_adds(&html, " <a href=\"");
		buf_add_html(&html, url.data);
		buf_adds(&html, "\">");
		buf_add_html(&html, msg_text(texts, "open", L));
		buf_adds(&html, "</a></li>\n");
		buf_free(&url);
	}
	buf_adds(&text, "\n-- \n");
	buf_adds(&text, msg_text(texts, "footer", L));
	buf_adds(&text, "\n");
	buf_adds(&html, "</ul>\n<p><small>");
	buf_add_html(&html, msg_text(texts, "footer", L));
	buf_adds(&html, "</small></p>\n</body></html>\n");

	buf_adds(out, "From: ");
	buf_adds(out, m->from);
	buf_adds(out, "\r\nTo: ");
	if (m->to_name && *m->to_name) {
		header_word(out, m->to_name);
		buf_addf(out, " <%s>", m->to);
	} else
		buf_adds(out, m->to);
	buf_adds(out, "\r\nSubject: ");
	header_word(out, subj.data);
	buf_addf(out, "\r\nDate: %s\r\nMessage-ID: <%s>\r\nContent-Language: %s\r\n"
		   "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"%s\"\r\n"
		   "\r\n--%s\r\nContent-Type: text/plain; charset=utf-8\r\n"
		   "Content-Transfer-Encoding: quoted-printable\r\n\r\n",
		   m->date, m->message_id, lang_code(L), m->boundary, m->boundary);
	qp(out, text.data);
	buf_addf(out, "\r\n--%s\r\nContent-Type: text/html; charset=utf-8\r\n"
		   "Content-Transfer-Encoding: quoted-printable\r\n\r\n", m->boundary);
	qp(out, html.data);
	buf_addf(out, "\r\n--%s--\r\n", m->boundary);
	buf_free(&subj);
	buf_free(&text);
	buf_free(&html);
	buf_free(&w);
}
