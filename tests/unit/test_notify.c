/* Notifications, the pure part (core/notify.h): kinds, defaults, the day
 * hours, the backoff, webhook addresses, the mail's shape in fr and en. */
#include <string.h>
#include "t.h"
#include "core/notify.h"

TEST("kind names parse both ways and nothing else is one")
{
	for (int k = 0; k < NK__COUNT; k++)
		CHECK_INT(notify_kind_parse(notify_kind_name((enum notify_kind)k)), k);
	CHECK_INT(notify_kind_parse("checkin"), -1);
	CHECK_INT(notify_kind_parse(NULL), -1);
	CHECK(notify_kind_name(NK__COUNT) == NULL);
}

TEST("defaults: every kind in the app; reminders by email; wins in the chat")
{
	for (int k = 0; k < NK__COUNT; k++)
		CHECK(notify_default_channels((enum notify_kind)k) & NCH_INAPP);
	CHECK(notify_default_channels(NK_CHECKIN_LATE) & NCH_EMAIL);
	CHECK(notify_default_channels(NK_NEGOTIATION_WAITING) & NCH_EMAIL);
	CHECK(notify_default_channels(NK_REVIEW_SIGNATURE) & NCH_EMAIL);
	CHECK(!(notify_default_channels(NK_REVIEW_SIGNATURE) & NCH_CHAT));
	CHECK(notify_kind_reminder(NK_REVIEW_SIGNATURE));
	CHECK(notify_default_channels(NK_BADGE_EARNED) & NCH_CHAT);
	CHECK(!(notify_default_channels(NK_BADGE_EARNED) & NCH_EMAIL));
	CHECK_INT(notify_channel_bit("chat"), NCH_CHAT);
	CHECK_INT(notify_channel_bit("sms"), 0);
}

TEST("a review waiting for a signature names the review and who signed, in fr and en")
{
	struct notify_text t = { NK_REVIEW_SIGNATURE, "Marie Membre 1", "Marie Membre 1, 2026", NULL,
				 NULL };
	struct buf b = BUF_INIT;
	notify_line(&b, &t, LANG_FR);
	CHECK_STR(b.data, "Bilan « Marie Membre 1, 2026 » : Marie Membre 1 l'a signé, il attend "
		  "votre signature");
	buf_reset(&b);
	notify_line(&b, &t, LANG_EN);
	CHECK_STR(b.data, "Review \"Marie Membre 1, 2026\": Marie Membre 1 signed it, it waits for "
		  "your signature");
	buf_free(&b);
}

TEST("never at night: before 08:00 wait for 08:00, after 20:00 for the next morning")
{
	CHECK_INT(notify_wait_for_day(8, 0, 0), 0);
	CHECK_INT(notify_wait_for_day(12, 30, 0), 0);
	CHECK_INT(notify_wait_for_day(19, 59, 59), 0);
	CHECK_INT(notify_wait_for_day(7, 59, 0), 60);
	CHECK_INT(notify_wait_for_day(0, 0, 0), 8 * 3600);
	CHECK_INT(notify_wait_for_day(20, 0, 0), 12 * 3600);
	CHECK_INT(notify_wait_for_day(23, 30, 0), 8 * 3600 + 1800);
}

TEST("backoff doubles from its base and stops at six hours")
{
	CHECK_INT(notify_backoff(1, 30), 30);
	CHECK_INT(notify_backoff(2, 30), 60);
	CHECK_INT(notify_backoff(4, 30), 240);
	CHECK_INT(notify_backoff(30, 30), 6 * 3600);
	CHECK_INT(notify_backoff(3, 1), 4);
}

TEST("webhook addresses: http(s), a host, a port, a path; nothing else")
{
	CHECK(notify_url_ok("https://hooks.slack.com/services/T000/B000/XXXX"));
	CHECK(notify_url_ok("http://127.0.0.1:8081/hook?x=1"));
	CHECK(notify_url_ok("https://prod-12.westeurope.logic.azure.com:443/workflows/abc"));
	CHECK(!notify_url_ok("ftp://example.com/x"));
	CHECK(!notify_url_ok("https://"));
	CHECK(!notify_url_ok("https://exa mple.com/"));
	CHECK(!notify_url_ok("https://example.com:0/"));
	CHECK(!notify_url_ok("https://example.com:99999/"));
	CHECK(!notify_url_ok("https://example.com/a b"));
	CHECK(!notify_url_ok("https://user@example.com/"));
	CHECK(!notify_url_ok("javascript:alert(1)"));
	CHECK(!notify_url_ok("hooks.slack.com/services/x"));
	CHECK(!notify_url_ok(NULL));
}

TEST("lines in both languages carry their values")
{
	struct notify_text t = { NK_CHECKIN_LATE, "Marie Curie", NULL, "2026-12-01", NULL };
	struct buf b = BUF_INIT;
	notify_line(&b, &t, LANG_FR);
	CHECK_STR(b.data, "Point d'étape en retard pour Marie Curie (attendu le 2026-12-01)");
	buf_reset(&b);
	notify_line(&b, &t, LANG_EN);
	CHECK_STR(b.data, "Check-in late for Marie Curie (due on 2026-12-01)");
	buf_reset(&b);
	struct notify_text g = { NK_BADGE_EARNED, "Ana", NULL, NULL, "challenge_won" };
	notify_line(&b, &g, LANG_FR);
	CHECK_STR(b.data, "Badge obtenu par Ana : défi gagné");
	buf_free(&b);
}

TEST("a mail is multipart text and HTML, its subject encoded, its links absolute")
{
	struct notify_text t[2] = { { NK_CHECKIN_LATE, "Élodie", NULL, "2026-12-01", NULL },
				    { NK_NEGOTIATION_WAITING, NULL, "Vendre <plus>", NULL, NULL } };
	const char *links[2] = { "/objectives/4", "/objectives/5/negotiation" };
	struct notify_mail m = { "cible <noreply@cible.test>", "elodie@cible.test", "Élodie",
				 "n1.e2@cible", "b-1", "Thu, 03 Dec 2026 09:00:00 +0000",
				 "https://cible.example/", LANG_FR };
	struct buf b = BUF_INIT;
	notify_mail_render(&b, &m, t, links, 1);
	CHECK(strstr(b.data, "Subject: =?UTF-8?B?") != NULL);
	CHECK(strstr(b.data, "Content-Type: multipart/alternative; boundary=\"b-1\"") != NULL);
	CHECK(strstr(b.data, "Content-Type: text/plain; charset=utf-8") != NULL);
	CHECK(strstr(b.data, "Content-Type: text/html; charset=utf-8") != NULL);
	CHECK(strstr(b.data, "https://cible.example/objectives/4") != NULL);
	CHECK(strstr(b.data, "Content-Language: fr") != NULL);
	CHECK(strstr(b.data, "\r\n--b-1--\r\n") != NULL);
	buf_reset(&b);
	m.lang = LANG_EN;
	notify_mail_render(&b, &m, t, links, 2);
	CHECK(strstr(b.data, "Subject: cible: 2 reminders\r\n") != NULL);
	CHECK(strstr(b.data, "Vendre &lt;plus&gt;") != NULL);   /* escaped in the HTML */
	CHECK(strstr(b.data, "Content-Language: en") != NULL);
	for (const char *p = b.data; *p; p++)   /* 7-bit: every byte printable or CRLF */
		if ((unsigned char)*p > 126) {
			CHECK(!"an 8-bit byte in the mail");
			break;
		}
	buf_free(&b);
}

T_MAIN("notify")
