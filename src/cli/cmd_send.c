/* `cible send`: the notifications' sender as a command (app/sender.h), for
 * a timer or a supervisor: one round with --once, else rounds every
 * --interval seconds until SIGINT or SIGTERM. The settings are serve's
 * (flags, else CIBLE_* variables, else the defaults). */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <curl/curl.h>
#include "app/sender.h"
#include "cli/cli.h"

static int num(const char *cmd, const char *what, const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi) {
		cli_say_range(cmd, what, s, lo, hi);
		return -1;
	}
	*out = (int)v;
	return 0;
}

/* One round's figures, in cli_lang() ($CIBLE_LANG, else English: the
 * sender serves every organisation). */
static void summary(const struct send_stats *st)
{
	char n[6][24];
	size_t v[6] = { st->scanned, st->due, st->messages, st->sent, st->retried, st->failed };
	for (int i = 0; i < 6; i++)
		snprintf(n[i], sizeof(n[i]), "%zu", v[i]);
	struct buf b = BUF_INIT;
	cli_render(&b, "send.summary", cli_lang(), n[0], n[1]);
	buf_adds(&b, ", ");
	cli_render(&b, "send.summary_messages", cli_lang(), n[2], n[3]);
	buf_adds(&b, ", ");
	cli_render(&b, "send.summary_failed", cli_lang(), n[4], n[5]);
	printf("%s\n", b.data);
	buf_free(&b);
}

int cli_sender_settings(const char *cmd, struct sender_config *c, const char *db,
			const char *smtp_url, const char *smtp_user, const char *smtp_password,
			const char *smtp_from, const char *smtp_tls, const char *smtp_ca,
			const char *public_url,
			const char *interval, const char *timeout, const char *backoff,
			const char *attempts)
{
	memset(c, 0, sizeof(*c));
	c->db = db;
	c->smtp_url = smtp_url;
	c->smtp_user = smtp_user;
	c->smtp_password = smtp_password;
	c->smtp_from = smtp_from;
	c->public_url = public_url;
	c->scan_every = 600;
	if (*smtp_url && strncmp(smtp_url, "smtp://", 7) && strncmp(smtp_url, "smtps://", 8)) {
		cli_say_setting(cmd, "send.smtp_url", "smtp-url", smtp_url);
		return 2;
	}
	if (!strchr(smtp_from, '@') || strpbrk(smtp_from, " <>\r\n")) {
		cli_say_setting(cmd, "send.smtp_from", "smtp-from", smtp_from);
		return 2;
	}
	int tls = smtp_tls_parse(smtp_tls);
	if (tls < 0) {
		cli_say_setting(cmd, "send.smtp_tls", "smtp-tls", smtp_tls);
		return 2;
	}
	c->smtp_tls = (enum smtp_tls)tls;
	c->smtp_ca = smtp_ca;
	if (*smtp_ca) {
		FILE *f = fopen(smtp_ca, "r");
		if (!f) {
			cli_say_setting(cmd, "send.smtp_ca", "smtp-ca", smtp_ca);
			return 2;
		}
		fclose(f);
	}
	if (num(cmd, "send-interval", interval, 1, 86400, &c->interval) ||
	    num(cmd, "send-timeout", timeout, 1, 600, &c->timeout) ||
	    num(cmd, "send-backoff", backoff, 1, 86400, &c->backoff) ||
	    num(cmd, "send-attempts", attempts, 1, 100, &c->attempts))
		return 2;
	return 0;
}

static volatile sig_atomic_t send_stop;

static void on_stop(int sig)
{
	(void)sig;
	send_stop = 1;
}

int cmd_send(int argc, char **argv)
{
	enum { O_DB, O_SMTP_URL, O_SMTP_USER, O_SMTP_PASSWORD, O_SMTP_FROM, O_SMTP_TLS, O_SMTP_CA,
	       O_PUBLIC_URL, O_INTERVAL, O_TIMEOUT, O_BACKOFF, O_ATTEMPTS, O_N };
	static const char *const env[O_N] = { "CIBLE_DB", "CIBLE_SMTP_URL", "CIBLE_SMTP_USER",
		"CIBLE_SMTP_PASSWORD", "CIBLE_SMTP_FROM", "CIBLE_SMTP_TLS", "CIBLE_SMTP_CA",
		"CIBLE_PUBLIC_URL", "CIBLE_SEND_INTERVAL", "CIBLE_SEND_TIMEOUT", "CIBLE_SEND_BACKOFF",
		"CIBLE_SEND_ATTEMPTS" };
	const char *v[O_N] = { NULL, "", "", "", "cible@localhost", "required", "", "", "15", "10",
			       "30", "6" };
	for (int i = 0; i < O_N; i++)
		if (getenv(env[i]) && *getenv(env[i]))
			v[i] = getenv(env[i]);
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'A' + O_DB },
		{ "smtp-url", required_argument, 0, 'A' + O_SMTP_URL },
		{ "smtp-user", required_argument, 0, 'A' + O_SMTP_USER },
		{ "smtp-password", required_argument, 0, 'A' + O_SMTP_PASSWORD },
		{ "smtp-from", required_argument, 0, 'A' + O_SMTP_FROM },
		{ "smtp-tls", required_argument, 0, 'A' + O_SMTP_TLS },
		{ "smtp-ca", required_argument, 0, 'A' + O_SMTP_CA },
		{ "public-url", required_argument, 0, 'A' + O_PUBLIC_URL },
		{ "interval", required_argument, 0, 'A' + O_INTERVAL },
		{ "timeout", required_argument, 0, 'A' + O_TIMEOUT },
		{ "backoff", required_argument, 0, 'A' + O_BACKOFF },
		{ "attempts", required_argument, 0, 'A' + O_ATTEMPTS },
		{ "once", no_argument, 0, 'o' },
		{ "no-scan", no_argument, 0, 'n' },
		{ "verbose", no_argument, 0, 'v' },
		{ 0, 0, 0, 0 } };
	int once = 0, noscan = 0, verbose = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'o')
			once = 1;
		else if (c == 'n')
			noscan = 1;
		else if (c == 'v')
			verbose = 1;
		else if (c >= 'A' && c < 'A' + O_N)
			v[c - 'A'] = optarg;
		else {
			cli_usage("send", 1);
			return 2;
		}
	}
	if (optind != argc) {
		cli_usage("send", 1);
		return 2;
	}
	const char *db = cli_db_path(v[O_DB]);
	struct sender_config sc;
	if (cli_sender_settings("send", &sc, db, v[O_SMTP_URL], v[O_SMTP_USER], v[O_SMTP_PASSWORD],
				v[O_SMTP_FROM], v[O_SMTP_TLS], v[O_SMTP_CA], v[O_PUBLIC_URL], v[O_INTERVAL],
				v[O_TIMEOUT], v[O_BACKOFF], v[O_ATTEMPTS]))
		return 2;
	sc.verbose = verbose;
	struct store *s = cli_open("send", db);
	if (!s)
		return 1;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	signal(SIGINT, on_stop);
	signal(SIGTERM, on_stop);
	signal(SIGPIPE, SIG_IGN);
	int rc = 0;
	for (int round = 0; !send_stop; round++) {
		struct send_stats st;
		struct err e;
		err_clear(&e);
		if (app_send_round(s, &sc, !noscan && (round % 40 == 0), &st, &e)) {
			cli_error("send", &e);
			rc = 1;
			if (once)
				break;
		} else if (once || verbose || st.due) {
			summary(&st);
		}
		fflush(stdout);
		if (once)
			break;
		for (int i = 0; i < sc.interval && !send_stop; i++)
			sleep(1);
	}
	curl_global_cleanup();
	store_close(s);
	return rc;
}
