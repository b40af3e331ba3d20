/* The HTTP server on libmicrohttpd: a pool of threads, each with its own
 * store connection; bodies collected up to BODY_MAX; routes matched from the
 * table in routes.c; one log line per request on stderr; security headers on
 * every answer. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include "http/guard.h"
#include "http/http.h"
#include "http/parse.h"

int server_log_level = 2;
static const char *server_db_path;
static int server_secure;
static char server_origin[512];  /* the public URL's scheme://host[:port], or "" */
static const struct surface *const *server_surfaces;
static pthread_key_t store_key;
static volatile sig_atomic_t server_stop;

void server_log(int level, const char *fmt, ...)
{
	if (level > server_log_level)
		return;
	char ts[32];
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	va_list ap;
	va_start(ap, fmt);
	struct buf b = BUF_INIT;
	buf_addf(&b, "%s ", ts);
	buf_vaddf(&b, fmt, ap);
	buf_addc(&b, '\n');
	fputs(b.data, stderr);
	buf_free(&b);
	va_end(ap);
}

static void store_release(void *p)
{
	store_close(p);
}

static struct store *thread_store(struct err *e)
{
	struct store *s = pthread_getspecific(store_key);
	if (s)
		return s;
	s = store_open(server_db_path, e);
	if (s)
		pthread_setspecific(store_key, s);
	return s;
}

static double elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/* "/api/objectives/{id}" against "/api/objectives/42": {id} takes one segment
 * of digits. */
static int match(const char *pattern, const char *path, struct req *r)
{
	r->nparam = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *end = strchr(p, '}');
			if (!end)
				return 0;
			/* {id}: digits; any other name: a plain file-like segment (96 bytes at
			 * most: a calendar feed's token.ics) */
			int digits = !strncmp(p, "{id}", 4);
			const char *seg = s;
			while ((*s >= '0' && *s <= '9') ||
			       (!digits && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
					    *s == '-' || *s == '_' || (*s == '.' && s > seg))))
				s++;
			if (s == seg || (s - seg) > (digits ? 18 : 96) || (*s && *s != '/') ||
			    r->nparam >= 4)
				return 0;
			r->param[r->nparam++] = arena_strndup(&r->arena, seg, (size_t)(s - seg));
			p = end + 1;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return !*p && !*s;
}

static void add_common_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; script-src 'self'; style-src 'self'; "
				"img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; "
				"base-uri 'none'; form-action 'self'");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
}

/* A streamed answer: the reader and what it reads, owned by the response. */
struct stream_cls {
	long (*reader)(void *cls, char *out, size_t max, struct err *e);
	void (*reader_free)(void *cls);
	void *cls;
};

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	(void)pos;
	struct stream_cls *s = cls;
	struct err e;
	err_clear(&e);
	long n = s->reader(s->cls, buf, max, &e);
	if (n > 0)
		return (ssize_t)n;
	if (!n)
		return MHD_CONTENT_READER_END_OF_STREAM;
	struct buf m = BUF_INIT;
	err_message(&e, LANG_EN, &m);
	server_log(0, "a streamed answer was cut: %s", m.data ? m.data : "?");
	buf_free(&m);
	return MHD_CONTENT_READER_END_WITH_ERROR;
}

static void stream_free(void *cls)
{
	struct stream_cls *s = cls;
	if (s->reader_free)
		s->reader_free(s->cls);
	free(s);
}

static enum MHD_Result respond(struct MHD_Connection *conn, struct req *r)
{
	struct MHD_Response *resp;
	if (r->reader && r->status < 300) {
		struct stream_cls *s = malloc(sizeof(*s));
		if (!s)
			return MHD_NO;
		*s = (struct stream_cls){ r->reader, r->reader_free, r->reader_cls };
		r->reader = NULL;
		r->reader_free = NULL;
		r->reader_cls = NULL;
		/* the response owns the stream from here: freed with it */
		resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, stream_read, s,
							 stream_free);
		if (!resp) {
			stream_free(s);
			return MHD_NO;
		}
	} else {
		resp = MHD_create_response_from_buffer(r->out.len, r->out.data,
						       MHD_RESPMEM_MUST_COPY);
	}
	if (!resp)
		return MHD_NO;
	if (r->disposition[0])
		MHD_add_response_header(resp, "Content-Disposition", r->disposition);
	add_common_headers(resp);
	MHD_add_response_header(resp, "Content-Type",
				r->content_type ? r->content_type : "application/json; charset=utf-8");
	if (r->set_cookie[0]) {
		char cookie[sizeof(r->set_cookie) + 16];
		snprintf(cookie, sizeof(cookie), "%s%s", r->set_cookie, server_secure ? "; Secure" : "");
		MHD_add_response_header(resp, "Set-Cookie", cookie);
	}
	if (server_secure)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
	if (r->location[0])
		MHD_add_response_header(resp, "Location", r->location);
	if (r->retry_after[0])
		MHD_add_response_header(resp, "Retry-After", r->retry_after);
	if (r->etag[0])
		MHD_add_response_header(resp, "ETag", r->etag);
	if (r->status == 405)
		MHD_add_response_header(resp, "Allow", r->param[0] ? r->param[0] : "GET");
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static void render_error(struct req *r, const struct surface *sf)
{
	if (!r->err.code)
		err_set(&r->err, 500, "internal", NULL, "handler failed without an error", NULL);
	if (sf && sf->error) {
		sf->error(r);
		return;
	}
	buf_reset(&r->out);
	struct buf m = BUF_INIT;
	err_message(&r->err, r->lang, &m);
	json_t *e = json_pack("{s:s, s:s}", "code", r->err.code, "message", m.data);
	if (r->err.field[0])
		json_object_set_new(e, "field", json_string(r->err.field));
	/* a stale write (412): the version it would have overwritten */
	if (!strcmp(r->err.code, "stale_version")) {
		long long now = atoll(r->err.arg[0]);
		json_object_set_new(e, "current_version", json_integer(now));
		snprintf(r->etag, sizeof(r->etag), "\"%lld\"", now);
	}
	buf_free(&m);
	int status = r->err.status ? r->err.status : 500;
	/* the database busy or away for a moment: say when to come back */
	if (status == 503 && !r->retry_after[0])
		snprintf(r->retry_after, sizeof(r->retry_after), "1");
	reply_json(r, status, json_pack("{s:o}", "error", e));
}

static int is_write(const char *method)
{
	return strcmp(method, "GET") && strcmp(method, "HEAD") && strcmp(method, "OPTIONS");
}

/* The route of the request among the surfaces, or NULL with the answer (404,
 * or 405 with the methods the path has) in r->err. */
static const struct route *find_route(struct req *r, const struct surface **out)
{
	struct buf allowed = BUF_INIT;
	for (const struct surface *const *sf = server_surfaces; *sf; sf++)
		for (const struct route *rt = (*sf)->routes; rt->method; rt++) {
			if (!match(rt->pattern, r->path, r))
				continue;
			if (!strcmp(rt->method, r->method) ||
			    (!strcmp(r->method, "HEAD") && !strcmp(rt->method, "GET"))) {
				buf_free(&allowed);
				*out = *sf;
				return rt;
			}
			buf_addf(&allowed, "%s%s", allowed.len ? ", " : "", rt->method);
		}
	if (allowed.len) {
		fail(r, 405, "method_not_allowed", NULL, r->path, NULL);
		r->nparam = 1;
		r->param[0] = arena_strdup(&r->arena, allowed.data);
	} else {
		fail(r, 404, "no_route", NULL, r->path, NULL);
	}
	buf_free(&allowed);
	return NULL;
}

/* What a request may be told before its body is read: no route, no session,
 * no CSRF token, a query it does not take, a gate that refuses. 0 when the
 * body may come; -1 with r->err (or a redirect) set otherwise. */
static int admit(struct req *r, const struct route *rt, const struct surface *sf)
{
	if (sf->enter)
		sf->enter(r);
	struct err se;
	err_clear(&se);
	r->store = thread_store(&se);
	if (!r->store) {
		r->err = se;
		return -1;
	}
	if (auth_resolve(r))
		return -1;
	if (!(rt->flags & R_PUBLIC) && r->auth == AUTH_NONE) {
		if (sf->anonymous) {
			sf->anonymous(r);
			return -1;
		}
		return fail(r, 401, "unauthenticated", NULL, NULL, NULL);
	}
	if (r->auth == AUTH_COOKIE && is_write(r->method) && !(rt->flags & (R_NO_CSRF | R_FORM))) {
		const char *tok = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
							      "X-CSRF-Token");
		if (!tok || !r->csrf || strlen(tok) != strlen(r->csrf) ||
		    sodium_memcmp(tok, r->csrf, strlen(tok)))
			return fail(r, 403, "csrf", NULL, NULL, NULL);
	}
	if (rt->query && query_check(r, rt->query))
		return -1;
	for (const struct route_gate *g = route_gates; g->fn; g++)
		if (g->fn == rt->fn && g->gate(r))
			return -1;
	return 0;
}

/* The body limit of a route: a file for BODY_FILE, a small document otherwise
 * (a body sent to a route that takes none is counted, not kept). */
static size_t body_max(const struct route *rt)
{
	return rt->body == BODY_FILE ? IMPORT_BODY_MAX : BODY_MAX;
}

/* A route taking a file (BODY_FILE) gets it as JSON (a "data" string among
 * the options) or as the file itself: CSV, JSON lines or raw bytes,
 * the options in the query string (http_file_types). The file is written to an unlinked
 * temporary file as it arrives, so memory stays flat whatever its size. */
static int file_content_type(struct MHD_Connection *conn)
{
	const char *ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	if (!ct)
		return 0;
	size_t n = strcspn(ct, "; \t");
	for (int i = 0; http_file_types[i]; i++)
		if (n == strlen(http_file_types[i]) && !strncasecmp(ct, http_file_types[i], n))
			return 1;
	return 0;
}

/* One request, from its headers to its answer (con_cls): the request as the
 * handlers see it lives here from the first call, when the route is found and
 * the client admitted or refused, to the last, when the handler runs. */
struct conn_ctx {
	struct req r;
	const struct route *route;
	const struct surface *surface;
	struct buf body;
	FILE *spool;   /* a file sent as itself (file_content_type): its bytes */
	size_t max, received;
	int answered;  /* refused before the body: nothing more is read */
	int too_large;
	int spool_failed;
	struct timespec t0;
	char ip[INET6_ADDRSTRLEN];
};

static void client_ip(struct MHD_Connection *conn, char *ip, size_t n)
{
	snprintf(ip, n, "?");
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, ip,
			  (socklen_t)n);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, ip,
			  (socklen_t)n);
}

static struct guard *conn_guard(struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

/* A log line never carries a control character the client sent: CR, LF and
 * the others are written \xNN, so a URL cannot forge a line. */
static void log_request(const struct conn_ctx *cc, int status)
{
	if (server_log_level < 2)
		return;
	struct buf b = BUF_INIT;
	buf_add_escaped_log(&b, cc->r.method);
	buf_addc(&b, ' ');
	buf_add_escaped_log(&b, cc->r.path);
	server_log(2, "%s %s %d %.2fms", cc->ip, b.data, status, elapsed_ms(&cc->t0));
	buf_free(&b);
}

static enum MHD_Result answer(struct MHD_Connection *conn, struct conn_ctx *cc)
{
	enum MHD_Result ret = respond(conn, &cc->r);
	log_request(cc, cc->r.status);
	return ret;
}

/* First call: the headers are in. Finds the route, admits or refuses the
 * client, and sets how much body may come and by when. */
static enum MHD_Result on_headers(struct MHD_Connection *conn, struct conn_ctx *cc,
				  const char *url, const char *method)
{
	struct req *r = &cc->r;
	r->conn = conn;
	r->method = method;
	r->path = url;
	r->clock = app_clock_now();
	r->now = r->clock.now;
	r->lang = lang_parse(MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							 MHD_HTTP_HEADER_ACCEPT_LANGUAGE));
	arena_init(&r->arena);
	buf_init(&r->out);
	client_ip(conn, cc->ip, sizeof(cc->ip));
	r->client_ip = cc->ip;
	guard_set(conn_guard(conn), 0);

	int refused = 0;
	if (strlen(url) > 2048) {
		fail(r, 414, "invalid_query", NULL, "url", "2048 bytes at most");
		refused = 1;
	} else if (!(cc->route = find_route(r, &cc->surface))) {
		refused = 1;
	} else if (admit(r, cc->route, cc->surface)) {
		if (!r->location[0])
			render_error(r, cc->surface);
		cc->answered = 1;
		return answer(conn, cc);
	}
	if (refused) {
		render_error(r, NULL);
		cc->answered = 1;
		return answer(conn, cc);
	}
	cc->max = body_max(cc->route);
	if (cc->route->body == BODY_FILE && file_content_type(conn) && !(cc->spool = tmpfile())) {
		fail(r, 500, "internal", NULL, "cannot keep the uploaded file", NULL);
		render_error(r, cc->surface);
		cc->answered = 1;
		return answer(conn, cc);
	}
	const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_LENGTH);
	unsigned long long len = cl ? strtoull(cl, NULL, 10) : 0;
	const char *te = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_TRANSFER_ENCODING);
	/* too large for an admitted client: read and dropped (at the body's
	 * rate), then 413, so that the client, still sending, gets the answer */
	if (len > cc->max)
		cc->too_large = 1;
	if (len || te)
		guard_set(conn_guard(conn), guard_body_seconds(len ? len : cc->max));
	return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **con_cls)
{
	(void)cls;
	(void)version;
	struct conn_ctx *cc = *con_cls;
	if (!cc) {
		cc = calloc(1, sizeof(*cc));
		if (!cc)
			return MHD_NO;
		buf_init(&cc->body);
		clock_gettime(CLOCK_MONOTONIC, &cc->t0);
		*con_cls = cc;
		return on_headers(conn, cc, url, method);
	}
	if (cc->answered) {  /* libmicrohttpd reads no body after an early answer */
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		cc->received += *upload_data_size;
		if (cc->too_large || cc->received > cc->max) {
			cc->too_large = 1;
			buf_free(&cc->body);
		} else if (cc->spool) {
			if (!cc->spool_failed &&
			    fwrite(upload_data, 1, *upload_data_size, cc->spool) != *upload_data_size)
				cc->spool_failed = 1;
		} else if (cc->route->body != BODY_NONE) {
			buf_add(&cc->body, upload_data, *upload_data_size);
		}
		*upload_data_size = 0;
		return MHD_YES;
	}

	/* the whole body is in: the handler runs */
	guard_set(conn_guard(conn), 0);
	struct req *r = &cc->r;
	r->body = cc->body.data;
	r->body_len = cc->body.len;
	if (cc->spool && !cc->too_large && (fflush(cc->spool) || fseek(cc->spool, 0, SEEK_SET)))
		cc->spool_failed = 1;
	r->body_file = cc->spool;
	if (cc->spool_failed) {
		fail(r, 500, "internal", NULL, "the uploaded file could not be kept (disk full?)", NULL);
		render_error(r, cc->surface);
	} else if (cc->too_large) {
		char n[32];
		snprintf(n, sizeof(n), "%zu", cc->max);
		fail(r, 413, "body_too_large", NULL, n, NULL);
		render_error(r, cc->surface);
	} else if ((cc->route->flags & R_FORM) && r->auth == AUTH_COOKIE &&
		   cc->surface->form_check && cc->surface->form_check(r)) {
		render_error(r, cc->surface);
	} else if (cc->route->fn(r)) {
		if (r->store)
			store_rollback(r->store);
		render_error(r, cc->surface);
	}
	return answer(conn, cc);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	struct conn_ctx *cc = *con_cls;
	if (cc) {
		/* a stream that never became a response */
		if (cc->r.reader_free)
			cc->r.reader_free(cc->r.reader_cls);
		buf_free(&cc->body);
		if (cc->spool)
			fclose(cc->spool);
		buf_free(&cc->r.out);
		arena_free(&cc->r.arena);
		free(cc);
		*con_cls = NULL;
	}
	/* kept alive: the next request's headers are due from now */
	guard_set(conn_guard(conn), GUARD_HEADER_SECONDS);
}

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		*socket_context = ci ? guard_open(ci->connect_fd) : NULL;
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
		guard_close(*socket_context);
		*socket_context = NULL;
	}
}

/* As many connections as the descriptors allow (the soft limit raised to the
 * hard one), less a margin for the database and the logs; 10,000 at most. */
static unsigned connection_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl))
		return 1000;
	if (rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > 10000 + 128)
		return 10000;
	return rl.rlim_cur > 256 ? (unsigned)(rl.rlim_cur - 128) : 128;
}

static void on_signal(int sig)
{
	(void)sig;
	server_stop = 1;
}

int req_same_origin(struct req *r)
{
	const char *origin = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Origin");
	if (!origin)
		return 1;
	if (server_origin[0] && !strcasecmp(origin, server_origin))
		return 1;
	const char *host = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Host");
	const char *o = strstr(origin, "://");
	return host && o && (!strncmp(origin, "http://", 7) || !strncmp(origin, "https://", 8)) &&
	       !strcasecmp(o + 3, host);
}

int req_json_content_type(struct req *r)
{
	const char *ct = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, "Content-Type");
	if (!ct)
		return 0;
	size_t n = strcspn(ct, "; \t");
	return n == 16 && !strncasecmp(ct, "application/json", 16);
}

int server_run(const struct server_config *cfg)
{
	server_db_path = cfg->db_path;
	server_log_level = cfg->log_level;
	server_secure = cfg->secure;
	server_origin[0] = '\0';
	if (cfg->public_url && *cfg->public_url) {
		/* scheme://host[:port]: the URL up to the first '/' after "://" */
		const char *h = strstr(cfg->public_url, "://");
		size_t n = h ? (size_t)(h + 3 - cfg->public_url) + strcspn(h + 3, "/?#")
			     : strlen(cfg->public_url);
		if (n < sizeof(server_origin))
			snprintf(server_origin, sizeof(server_origin), "%.*s", (int)n, cfg->public_url);
	}
	server_surfaces = cfg->surfaces;
	pthread_key_create(&store_key, store_release);

	/* open once up front: migrations run here, and a bad path fails fast */
	struct err e;
	err_clear(&e);
	struct store *s = store_open(cfg->db_path, &e);
	if (!s) {
		struct buf m = BUF_INIT;
		err_message(&e, LANG_EN, &m);
		char where[512];
		fprintf(stderr, "cible: %s: %s\n", store_describe(cfg->db_path, where, sizeof(where)),
			m.data);
		buf_free(&m);
		return 1;
	}
	store_close(s);

	struct sockaddr_in sa;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)cfg->port);
	if (inet_pton(AF_INET, cfg->address, &sa.sin_addr) != 1) {
		fprintf(stderr, "cible: invalid address %s (an IPv4 address is expected)\n",
			cfg->address);
		return 1;
	}
	if (guard_start()) {
		fprintf(stderr, "cible: cannot start the connection watchdog\n");
		return 1;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
		(uint16_t)cfg->port, NULL, NULL, on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads > 0 ? cfg->threads : 4),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_LIMIT, connection_limit(),
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)(cfg->max_per_address > 0
							       ? cfg->max_per_address : 0),
		MHD_OPTION_END);
	if (!d) {
		guard_stop();
		fprintf(stderr, "cible: cannot listen on %s:%d\n", cfg->address, cfg->port);
		return 1;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	int port = di ? di->port : cfg->port;
	fprintf(stderr, "cible: listening on http://%s:%d\n", cfg->address, port);
	fflush(stderr);

	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	if (cfg->worker_start && cfg->worker_start(cfg->worker_arg))
		server_log(0, "the notifications' sender did not start");
	while (!server_stop)
		pause();
	if (cfg->worker_start && cfg->worker_stop)
		cfg->worker_stop();
	MHD_stop_daemon(d);
	guard_stop();
	server_log(2, "stopped (%lu connections cut at their deadline)", guard_expired());
	return 0;
}
