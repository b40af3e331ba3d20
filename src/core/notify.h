/* Notifications, the pure part: the kinds of event, the channels a person
 * chooses among and their defaults, when a message may go out (never at
 * night in the organisation's time zone), the backoff between attempts, the
 * shape of a webhook URL, and the words of the messages in fr and en (the
 * mail's subject, text and HTML; the chat's line). No I/O, no clock: the
 * time and the local hour are arguments. */
#ifndef CIBLE_CORE_NOTIFY_H
#define CIBLE_CORE_NOTIFY_H
#include <stdbool.h>
#include <stdint.h>
#include "core/buf.h"
#include "core/msg.h"

enum notify_kind {
	NK_CHECKIN_LATE,        /* a check-in is late (the rhythm's scan) */
	NK_DUE_SOON,            /* an open objective is due within a week (the scan) */
	NK_NEGOTIATION_WAITING, /* a negotiation round waits for the recipient's answer */
	NK_CHALLENGE_CLOSED,    /* a challenge one takes part in was closed */
	NK_BADGE_EARNED,        /* a badge was awarded to the recipient */
	NK_REVIEW_SIGNATURE,    /* the other side signed a review: it waits for the recipient's */
	NK__COUNT
};
const char *notify_kind_name(enum notify_kind k);
int notify_kind_parse(const char *s);          /* -1: not a kind */
/* A reminder waits for the day hours; the others are news, sent at once to
 * the in-app inbox and by day to the other channels alike. */
bool notify_kind_reminder(enum notify_kind k);

/* What a person chooses per kind: a set of these bits. */
enum { NCH_INAPP = 1, NCH_EMAIL = 2, NCH_CHAT = 4, NCH_ALL = 7 };
unsigned notify_default_channels(enum notify_kind k);
/* "inapp", "email", "chat" -> the bit; 0: none of them */
unsigned notify_channel_bit(const char *s);

/* The day hours, in the organisation's time zone: messages other than
 * in-app go out from NOTIFY_FROM_HOUR to NOTIFY_UNTIL_HOUR local time. */
enum { NOTIFY_FROM_HOUR = 8, NOTIFY_UNTIL_HOUR = 20 };
/* Seconds to wait from a local time of day (hour, minute, second) until the
 * day hours: 0 within them, until 08:00 the same morning before, until
 * 08:00 the next morning after 20:00. */
int64_t notify_wait_for_day(int hour, int minute, int second);

/* The wait before attempt n+1 after n failed attempts (n >= 1): 30 s
 * doubled each time, at most 6 h; base scales it (the tests' fast mode). */
int64_t notify_backoff(int failed, int64_t base);
enum { NOTIFY_MAX_ATTEMPTS = 6 };

/* A webhook address: http:// or https://, a host of letters, digits, '.',
 * '-' (or an IPv4 address), an optional port 1-65535, a path without
 * spaces, control characters, quotes or angle brackets; 2000 characters at
 * most. */
bool notify_url_ok(const char *url);
/* Slack's and Teams' hosts (a warning, not a refusal: tests and proxies use
 * others). */

/* The words of a message. Each event carries its values as text; the
 * templates are the catalog's (notify.c) in fr and en. */
struct notify_text {
	enum notify_kind kind;
	const char *person;     /* the person it is about */
	const char *title;      /* the objective's or challenge's title */
	const char *day;        /* YYYY-MM-DD: the due day, the last day */
	const char *extra;      /* days late, the badge's kind... */
};
/* The one-line summary (a chat message, an in-app line, a digest's line). */
void notify_line(struct buf *out, const struct notify_text *t, enum lang lang);
/* The mail's subject: the line for one event; a count for a digest. */
void notify_subject(struct buf *out, const struct notify_text *t, size_t n, enum lang lang);
/* The mail (RFC 5322 with a MIME multipart/alternative body: text/plain and
 * text/html, both UTF-8, quoted-printable), n events of one recipient in
 * their language, each with its link (absolute when base_url is given).
 * boundary and message_id are the caller's (unique per message). */
struct notify_mail {
	const char *from, *to, *to_name, *message_id, *boundary, *date;  /* date: RFC 5322 */
	const char *base_url;   /* the public URL; "" or NULL: links stay paths */
	enum lang lang;
};
void notify_mail_render(struct buf *out, const struct notify_mail *m,
			const struct notify_text *t, const char *const *links, size_t n);

#endif
