/* The sender: delivers what app_notify_emit queued, never inside a request.
 * A round takes the deliveries that are due (of every organisation), claims
 * each for a lease (so that two senders, or a sender restarted after a
 * crash, never hold the same one at once), gathers a person's due emails
 * into one message (a digest when several), sends every message at once
 * over libcurl's multi interface (SMTP with STARTTLS and authentication;
 * HTTP POST to Slack, Teams and signed webhooks), each bounded by a timeout,
 * and records every attempt: sent, pending again after a backoff, or failed
 * for good after c->attempts (visible to an admin). Every message
 * carries its idempotency key (Message-ID, Idempotency-Key), so a receiver
 * can tell the retry of a delivery whose answer was lost from a new one.
 * Runs as a thread of `cible serve` (app_sender_start) or as `cible send`. */
#ifndef CIBLE_APP_SENDER_H
#define CIBLE_APP_SENDER_H
#include <stdint.h>
#include "store/store.h"

enum smtp_tls { SMTP_TLS_NONE, SMTP_TLS_TRY, SMTP_TLS_REQUIRED };

struct sender_config {
	const char *db;            /* the database setting */
	const char *smtp_url;      /* smtp://host:port, smtps://...; "" or NULL: no email */
	const char *smtp_user, *smtp_password;
	const char *smtp_from;     /* the From address */
	enum smtp_tls smtp_tls;    /* STARTTLS: none, try, required (the default) */
	const char *smtp_ca;       /* a PEM file of the CAs that the SMTP server's
				    * certificate must chain to; "" or NULL: the system's */
	const char *public_url;    /* links in messages; "" : paths only */
	int timeout;               /* seconds an attempt may take (default 10) */
	int backoff;               /* seconds before the first retry, doubled each time (30) */
	int interval;              /* seconds between rounds of the thread (15) */
	int scan_every;            /* seconds between two scans of the rhythm (600) */
	int attempts;              /* attempts before a delivery fails for good (6) */
	int verbose;               /* print each attempt on stderr */
};

struct send_stats {
	size_t scanned, due, sent, retried, failed, messages;
};

/* One round: the scan (when scan is set: every organisation's reminders and
 * challenges due to close), then every delivery due at now. */
int app_send_round(struct store *s, const struct sender_config *c, int scan,
		   struct send_stats *st, struct err *e);
/* Parses "none", "try", "required"; -1 otherwise. */
int smtp_tls_parse(const char *s);

/* The thread of `cible serve`: rounds every c->interval seconds until stopped.
 * c must outlive it. */
int app_sender_start(const struct sender_config *c);
void app_sender_stop(void);

#endif
