/* The sender (sender.h). */
#include <curl/curl.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app/challenge.h"
#include "app/notify.h"
#include "app/sender.h"
#include "app/usecase.h"

int smtp_tls_parse(const char *s)
{
	if (!s)
		return -1;
	if (!strcmp(s, "none"))
		return SMTP_TLS_NONE;
	if (!strcmp(s, "try"))
		return SMTP_TLS_TRY;
	if (!strcmp(s, "required"))
		return SMTP_TLS_REQUIRED;
	return -1;
}

/* One message: the deliveries it carries (an email digest: several). */
struct job {
	struct notify_delivery_row **rows;
	size_t n;
	bool email;
	CURL *h;
	struct curl_slist *hdrs, *rcpt;
	struct buf body;
	size_t off;        /* SMTP: how much of body was read */
	size_t got;        /* bytes of the answer (discarded) */
	char err[CURL_ERROR_SIZE];
	char detail[300];
	bool ok, done;
};

static size_t read_body(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t room = size * n, left = j->body.len - j->off;
	size_t k = left < room ? left : room;
	memcpy(p, j->body.data + j->off, k);
	j->off += k;
	return k;
}

static size_t discard(char *p, size_t size, size_t n, void *arg)
{
	(void)p;
	struct job *j = arg;
	j->got += size * n;
	return size * n;
}

static void abs_link(struct buf *out, const char *base, const char *path)
{
	if (base && *base) {
		size_t n = strlen(base);
		buf_adds(out, base);
		if (n && base[n - 1] == '/' && path && *path == '/')
			path++;
	}
	buf_adds(out, path && *path ? path : "/");
}

/* "<key>" with what a Message-ID may not hold replaced */
static void msg_id_of(char *out, size_t n, const char *key, const char *host)
{
	size_t k = 0;
	for (const char *p = key; *p && k + 1 < n; p++)
		out[k++] = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ? *p : '.';
	out[k] = 0;
	snprintf(out + k, n - k, "@%s", host);
}

/* ---- chat payloads ---- */

static json_t *slack_payload(const char *line, const char *url, enum lang L)
{
	struct buf md = BUF_INIT;
	buf_addf(&md, "*%s*\n<%s|%s>", line, url, L == LANG_FR ? "Ouvrir dans cible" : "Open in cible");
	json_t *v = json_pack("{s:s, s:[{s:s, s:{s:s, s:s}}, {s:s, s:[{s:s, s:{s:s, s:s}, s:s}]}]}",
		"text", line, "blocks", "type", "section", "text", "type", "mrkdwn", "text", md.data,
		"type", "actions", "elements", "type", "button", "text", "type", "plain_text", "text",
		L == LANG_FR ? "Ouvrir" : "Open", "url", url);
	buf_free(&md);
	return v;
}

static json_t *teams_payload(const char *line, const char *url, enum lang L)
{
	json_t *card = json_pack("{s:s, s:s, s:s, s:[{s:s, s:s, s:b, s:s, s:s}], s:[{s:s, s:s, s:s}]}",
		"$schema", "http://adaptivecards.io/schemas/adaptive-card.json", "type", "AdaptiveCard",
		"version", "1.4", "body", "type", "TextBlock", "text", line, "wrap", 1, "weight",
		"Bolder", "size", "Medium", "actions", "type", "Action.OpenUrl", "title",
		L == LANG_FR ? "Ouvrir dans cible" : "Open in cible", "url", url);
	return json_pack("{s:s, s:[{s:s, s:n, s:o}]}", "type", "message", "attachments",
			 "contentType", "application/vnd.microsoft.card.adaptive", "contentUrl",
			 "content", card);
}

static json_t *webhook_payload(const struct notify_delivery_row *d, const char *line,
			       const char *url)
{
	json_error_t je;
	json_t *data = d->ev.data ? json_loads(d->ev.data, 0, &je) : NULL;
	json_t *v = json_pack("{s:s, s:I, s:I, s:s, s:s, s:s, s:s, s:I, s:o}", "idempotency_key",
			      d->idem_key, "org_id", (json_int_t)d->org_id, "event_id",
			      (json_int_t)d->event_id, "kind", d->ev.kind, "text", line, "link",
			      d->ev.link, "url", url, "created_at", (json_int_t)d->ev.created_at,
			      "data", data ? data : json_object());
	json_object_set_new(v, "person_id", d->ev.person_id ? json_integer(d->ev.person_id)
							   : json_null());
	json_object_set_new(v, "objective_id", d->ev.objective_id ? json_integer(d->ev.objective_id)
								 : json_null());
	return v;
}

/* ---- building the messages ---- */

static void common(struct job *j, const struct sender_config *c)
{
	curl_easy_setopt(j->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(j->h, CURLOPT_TIMEOUT, (long)(c->timeout > 0 ? c->timeout : 10));
	curl_easy_setopt(j->h, CURLOPT_CONNECTTIMEOUT, (long)(c->timeout > 0 ? c->timeout : 10));
	curl_easy_setopt(j->h, CURLOPT_ERRORBUFFER, j->err);
	curl_easy_setopt(j->h, CURLOPT_PRIVATE, j);
}

static int email_job(struct store *s, const struct sender_config *c, struct job *j,
		     struct arena *ar, int64_t now)
{
	const struct notify_delivery_row *d0 = j->rows[0];
	struct org o;
	struct err e;
	const char *lang = NULL;
	enum lang L = LANG_FR;
	if (!store_notify_lang(s, d0->org_id, d0->person_id, ar, &lang, &e) && lang)
		L = lang_parse(lang);
	else if (!store_org_get(s, d0->org_id, ar, &o, &e))
		L = lang_parse(o.locale);
	struct notify_text *t = arena_alloc(ar, j->n * sizeof(*t));
	const char **links = arena_alloc(ar, j->n * sizeof(*links));
	for (size_t i = 0; i < j->n; i++) {
		app_notify_text_of(j->rows[i], ar, &t[i]);
		links[i] = j->rows[i]->ev.link;
	}
	char mid[200], boundary[64], date[64], from[300];
	const char *host = strchr(c->smtp_from, '@');
	msg_id_of(mid, sizeof(mid), d0->idem_key, host ? host + 1 : "cible");
	unsigned char rnd[12];
	randombytes_buf(rnd, sizeof(rnd));
	char hex[25];
	sodium_bin2hex(hex, sizeof(hex), rnd, sizeof(rnd));
	snprintf(boundary, sizeof(boundary), "=_cible_%s", hex);
	time_t tt = (time_t)now;
	struct tm tm;
	gmtime_r(&tt, &tm);
	static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mo[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
					  "Sep", "Oct", "Nov", "Dec" };
	snprintf(date, sizeof(date), "%s, %02d %s %04d %02d:%02d:%02d +0000", wd[tm.tm_wday],
		 tm.tm_mday, mo[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	snprintf(from, sizeof(from), "cible <%s>", c->smtp_from);
	struct notify_mail m = { from, d0->person_email, d0->person_name, mid, boundary, date,
				 c->public_url, L };
	notify_mail_render(&j->body, &m, t, links, j->n);

	j->h = curl_easy_init();
	if (!j->h)
		return -1;
	common(j, c);
	char rcpt[300];
	snprintf(rcpt, sizeof(rcpt), "<%s>", d0->person_email);
	j->rcpt = curl_slist_append(NULL, rcpt);
	char mf[300];
	snprintf(mf, sizeof(mf), "<%s>", c->smtp_from);
	curl_easy_setopt(j->h, CURLOPT_URL, c->smtp_url);
	curl_easy_setopt(j->h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(j->h, CURLOPT_MAIL_FROM, mf);
	curl_easy_setopt(j->h, CURLOPT_MAIL_RCPT, j->rcpt);
	curl_easy_setopt(j->h, CURLOPT_READFUNCTION, read_body);
	curl_easy_setopt(j->h, CURLOPT_READDATA, j);
	curl_easy_setopt(j->h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(j->h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)j->body.len);
	curl_easy_setopt(j->h, CURLOPT_USE_SSL, c->smtp_tls == SMTP_TLS_REQUIRED ? (long)CURLUSESSL_ALL
				: c->smtp_tls == SMTP_TLS_TRY ? (long)CURLUSESSL_TRY : (long)CURLUSESSL_NONE);
	if (c->smtp_ca && *c->smtp_ca)
		curl_easy_setopt(j->h, CURLOPT_CAINFO, c->smtp_ca);
	if (c->smtp_user && *c->smtp_user) {
		curl_easy_setopt(j->h, CURLOPT_USERNAME, c->smtp_user);
		curl_easy_setopt(j->h, CURLOPT_PASSWORD, c->smtp_password ? c->smtp_password : "");
	}
	return 0;
}

static int http_job(struct store *s, const struct sender_config *c, struct job *j,
		    struct arena *ar, int64_t now, char *why, size_t nwhy)
{
	const struct notify_delivery_row *d = j->rows[0];
	struct notify_channel_row ch;
	struct err e;
	if (store_notify_channel_get(s, d->org_id, d->target_id, ar, &ch, &e)) {
		snprintf(why, nwhy, "the channel was removed");
		return -1;
	}
	struct org o;
	enum lang L = LANG_FR;
	if (!store_org_get(s, d->org_id, ar, &o, &e))
		L = lang_parse(o.locale);
	struct buf line = BUF_INIT, url = BUF_INIT;
	app_notify_line(d, L, &line);
	abs_link(&url, c->public_url, d->ev.link);
	json_t *v = !strcmp(ch.kind, "slack") ? slack_payload(line.data, url.data, L)
		  : !strcmp(ch.kind, "teams") ? teams_payload(line.data, url.data, L)
		  : webhook_payload(d, line.data, url.data);
	char *body = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	buf_free(&line);
	buf_free(&url);
	if (!body)
		return -1;
	buf_adds(&j->body, body);
	free(body);

	j->h = curl_easy_init();
	if (!j->h)
		return -1;
	common(j, c);
	char h[400];
	j->hdrs = curl_slist_append(j->hdrs, "Content-Type: application/json; charset=utf-8");
	snprintf(h, sizeof(h), "Idempotency-Key: %s", d->idem_key);
	j->hdrs = curl_slist_append(j->hdrs, h);
	j->hdrs = curl_slist_append(j->hdrs, "Expect:");
	if (!strcmp(ch.kind, "webhook") && ch.secret) {
		/* v1=HMAC-SHA256(secret, timestamp "." body), hex; the receiver
		 * refuses a timestamp more than 5 minutes away from its clock */
		char ts[24];
		snprintf(ts, sizeof(ts), "%lld", (long long)now);
		crypto_auth_hmacsha256_state st;
		unsigned char mac[crypto_auth_hmacsha256_BYTES];
		crypto_auth_hmacsha256_init(&st, (const unsigned char *)ch.secret, strlen(ch.secret));
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)ts, strlen(ts));
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)".", 1);
		crypto_auth_hmacsha256_update(&st, (const unsigned char *)j->body.data, j->body.len);
		crypto_auth_hmacsha256_final(&st, mac);
		char hex[2 * sizeof(mac) + 1];
		sodium_bin2hex(hex, sizeof(hex), mac, sizeof(mac));
		snprintf(h, sizeof(h), "X-Cible-Timestamp: %s", ts);
		j->hdrs = curl_slist_append(j->hdrs, h);
		snprintf(h, sizeof(h), "X-Cible-Signature: v1=%s", hex);
		j->hdrs = curl_slist_append(j->hdrs, h);
	}
	curl_easy_setopt(j->h, CURLOPT_URL, ch.url);
	curl_easy_setopt(j->h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(j->h, CURLOPT_USERAGENT, "cible");
	curl_easy_setopt(j->h, CURLOPT_HTTPHEADER, j->hdrs);
	curl_easy_setopt(j->h, CURLOPT_POSTFIELDS, j->body.data);
	curl_easy_setopt(j->h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)j->body.len);
	curl_easy_setopt(j->h, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(j->h, CURLOPT_WRITEDATA, j);
	return 0;
}

/* ---- a round ---- */

struct claim_ctx {
	struct notify_delivery_row *v;
	size_t n;
	bool *got;
	int64_t now, lease;
	bool email_ok;
};

static int claim_tx(struct app *a, void *arg, struct err *e)
{
	struct claim_ctx *x = arg;
	for (size_t i = 0; i < x->n; i++) {
		x->got[i] = false;
		if (!strcmp(x->v[i].channel, "email") && !x->email_ok)
			continue;   /* no SMTP server here: left for a sender that has one */
		int got;
		if (store_notify_claim(a->store, x->v[i].org_id, x->v[i].id, x->now, x->lease, &got, e))
			return -1;
		x->got[i] = got;
		if (got)
			x->v[i].attempts++;
	}
	return 0;
}

struct finish_ctx {
	struct job *jobs;
	size_t n;
	int64_t now;
	const struct sender_config *c;
	struct send_stats *st;
};

static int finish_tx(struct app *a, void *arg, struct err *e)
{
	struct finish_ctx *x = arg;
	for (size_t i = 0; i < x->n; i++) {
		struct job *j = &x->jobs[i];
		for (size_t k = 0; k < j->n; k++) {
			const struct notify_delivery_row *d = j->rows[k];
			const char *state = "sent";
			int64_t nb = x->now;
			if (!j->ok) {
				if (d->attempts >= (x->c->attempts > 0 ? x->c->attempts : NOTIFY_MAX_ATTEMPTS)) {
					state = "failed";
					x->st->failed++;
				} else {
					state = "pending";
					nb = x->now + notify_backoff(d->attempts, x->c->backoff);
					x->st->retried++;
				}
			} else
				x->st->sent++;
			if (store_notify_finish(a->store, d->org_id, d->id, state, x->now, nb, j->detail, e))
				return -1;
		}
	}
	return 0;
}

/* Each organisation's periodic work: the rhythm's reminders, and the
 * challenges whose last day is past closed (the first write after it does
 * the same; this closes them when no write comes). */
static void scan_all(struct store *s, struct send_stats *st)
{
	struct arena ar;
	arena_init(&ar);
	struct ids orgs;
	struct err e;
	if (!store_org_ids(s, &ar, &orgs, &e))
		for (size_t i = 0; i < orgs.n; i++) {
			struct app a;
			app_system(&a, s, orgs.v[i], &ar);
			size_t k;
			if (!app_notify_scan(&a, &k, &e))
				st->scanned += k;
			app_challenges_close_due(&a, NULL, &e);
		}
	arena_free(&ar);
}

int app_send_round(struct store *s, const struct sender_config *c, int scan,
		   struct send_stats *st, struct err *e)
{
	memset(st, 0, sizeof(*st));
	if (scan)
		scan_all(s, st);
	struct arena ar;
	arena_init(&ar);
	struct app a;
	app_system(&a, s, 0, &ar);
	int64_t now = a.clock.now;
	struct notify_delivery_row *v;
	size_t n;
	int rc = -1;
	CURLM *multi = NULL;
	struct job *jobs = NULL;
	size_t nj = 0;
	if (store_notify_due(s, now, 200, &ar, &v, &n, e))
		goto out;
	st->due = n;
	if (!n) {
		rc = 0;
		goto out;
	}
	int timeout = c->timeout > 0 ? c->timeout : 10;
	struct claim_ctx cx = { v, n, arena_alloc(&ar, n * sizeof(bool)), now, now + timeout + 2,
				c->smtp_url && *c->smtp_url };
	if (app_tx(&a, claim_tx, &cx, e))
		goto out;
	jobs = calloc(n, sizeof(*jobs));
	if (!jobs)
		goto out;
	bool *taken = arena_alloc(&ar, n * sizeof(bool));
	memset(taken, 0, n * sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		if (!cx.got[i] || taken[i])
			continue;
		struct job *j = &jobs[nj++];
		j->rows = arena_alloc(&ar, n * sizeof(*j->rows));
		j->rows[j->n++] = &v[i];
		taken[i] = true;
		j->email = !strcmp(v[i].channel, "email");
		if (j->email)   /* a digest: this person's other emails due now */
			for (size_t k = i + 1; k < n; k++)
				if (cx.got[k] && !taken[k] && !strcmp(v[k].channel, "email") &&
				    v[k].org_id == v[i].org_id && v[k].person_id == v[i].person_id) {
					j->rows[j->n++] = &v[k];
					taken[k] = true;
				}
	}
	multi = curl_multi_init();
	if (!multi)
		goto out;
	for (size_t i = 0; i < nj; i++) {
		struct job *j = &jobs[i];
		char why[200] = "";
		int bad;
		if (j->email && (!j->rows[0]->person_email || !*j->rows[0]->person_email)) {
			snprintf(why, sizeof(why), "the person has no email address any more");
			bad = -1;
		} else
			bad = j->email ? email_job(s, c, j, &ar, now)
				       : http_job(s, c, j, &ar, now, why, sizeof(why));
		if (bad) {
			snprintf(j->detail, sizeof(j->detail), "%s", *why ? why : "could not build the message");
			j->done = true;
			/* a removed channel will not come back: no retry */
			if (*why)
				for (size_t k = 0; k < j->n; k++)
					j->rows[k]->attempts = 1000;
			continue;
		}
		curl_multi_add_handle(multi, j->h);
		st->messages++;
	}
	int running = 1;
	while (running) {
		if (curl_multi_perform(multi, &running) != CURLM_OK)
			break;
		CURLMsg *msg;
		int left;
		while ((msg = curl_multi_info_read(multi, &left))) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			struct job *j;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&j);
			CURLcode cc = msg->data.result;
			long code = 0;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &code);
			j->done = true;
			if (cc != CURLE_OK)
				snprintf(j->detail, sizeof(j->detail), "%s%s%s", curl_easy_strerror(cc),
					 *j->err ? ": " : "", j->err);
			else if (!j->email && (code < 200 || code > 299))
				snprintf(j->detail, sizeof(j->detail), "HTTP %ld", code);
			else {
				j->ok = true;
				snprintf(j->detail, sizeof(j->detail), j->email ? "SMTP %ld" : "HTTP %ld",
					 code);
			}
			if (c->verbose)
				fprintf(stderr, "cible send: %s %s (%zu deliver%s): %s\n",
					j->email ? "mail to" : "post for", j->rows[0]->idem_key, j->n,
					j->n > 1 ? "ies" : "y", j->detail);
		}
		if (running && curl_multi_poll(multi, NULL, 0, 1000, NULL) != CURLM_OK)
			break;
	}
	for (size_t i = 0; i < nj; i++)
		if (!jobs[i].done)
			snprintf(jobs[i].detail, sizeof(jobs[i].detail), "not finished");
	struct finish_ctx fx = { jobs, nj, now, c, st };
	/* the end of the attempts is written with the time they ended */
	a.clock = app_clock_now();
	fx.now = a.clock.now;
	rc = app_tx(&a, finish_tx, &fx, e);
out:
	for (size_t i = 0; jobs && i < nj; i++) {
		if (jobs[i].h) {
			if (multi)
				curl_multi_remove_handle(multi, jobs[i].h);
			curl_easy_cleanup(jobs[i].h);
		}
		curl_slist_free_all(jobs[i].hdrs);
		curl_slist_free_all(jobs[i].rcpt);
		buf_free(&jobs[i].body);
	}
	free(jobs);
	if (multi)
		curl_multi_cleanup(multi);
	arena_free(&ar);
	return rc;
}

/* ---- the thread ---- */

/* Several servers on one database: the one holding this lease (job_lease)
 * runs the rounds, the others wait for it to expire (3 rounds unrenewed). */
#define LEASE "background"

static pthread_t sender_thread;
static pthread_mutex_t sender_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sender_wake = PTHREAD_COND_INITIALIZER;
static bool sender_running, sender_quit;

static void *sender_main(void *arg)
{
	const struct sender_config *c = arg;
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);   /* signals are the main thread's */
	struct store *s = NULL;
	int64_t last_scan = 0;
	int had = 0;
	char holder[160], host[100] = "";
	gethostname(host, sizeof(host) - 1);
	snprintf(holder, sizeof(holder), "%s pid %ld", host, (long)getpid());
	pthread_mutex_lock(&sender_lock);
	while (!sender_quit) {
		pthread_mutex_unlock(&sender_lock);
		struct err e;
		err_clear(&e);
		if (!s)
			s = store_open(c->db, &e);
		int held = 0;
		if (s) {   /* one server at a time: the lease, renewed every round */
			struct app_clock t = app_clock_now();
			int every = c->interval > 0 ? c->interval : 15;
			if (store_lease_take(s, LEASE, holder, t.now, t.now + 3 * every + 5, &held, &e)) {
				store_close(s);
				s = NULL;
			} else if (held != had)
				fprintf(stderr, "cible: %s the background jobs (lease '%s', %s)\n",
					held ? "this server runs" : "another server runs", LEASE, holder);
			had = held;
		}
		if (s && held) {
			struct app_clock now = app_clock_now();
			int scan = now.now - last_scan >= (c->scan_every > 0 ? c->scan_every : 600);
			if (scan)
				last_scan = now.now;
			struct send_stats st;
			if (app_send_round(s, c, scan, &st, &e)) {
				store_close(s);   /* opened again next round */
				s = NULL;
			}
		}
		pthread_mutex_lock(&sender_lock);
		if (sender_quit)
			break;
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += c->interval > 0 ? c->interval : 15;
		pthread_cond_timedwait(&sender_wake, &sender_lock, &until);
	}
	pthread_mutex_unlock(&sender_lock);
	if (s) {
		struct err e;
		if (had)   /* stopping: another server may take over at once */
			store_lease_release(s, LEASE, holder, &e);
		store_close(s);
	}
	return NULL;
}

int app_sender_start(const struct sender_config *c)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	sender_quit = false;
	if (pthread_create(&sender_thread, NULL, sender_main, (void *)c))
		return -1;
	sender_running = true;
	return 0;
}

void app_sender_stop(void)
{
	if (!sender_running)
		return;
	pthread_mutex_lock(&sender_lock);
	sender_quit = true;
	pthread_cond_signal(&sender_wake);
	pthread_mutex_unlock(&sender_lock);
	pthread_join(sender_thread, NULL);
	sender_running = false;
	curl_global_cleanup();
}
