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
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "http/http.h"

int server_log_level = 2;
static const char *server_db_path;
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

struct conn_ctx {
	struct buf body;
	size_t max;      /* the route's body limit */
	int too_large;
	struct timespec t0;
};

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
			/* {id}: digits; any other name: a plain file-like segment */
			int digits = !strncmp(p, "{id}", 4);
			const char *seg = s;
			while ((*s >= '0' && *s <= '9') ||
			       (!digits && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
					    *s == '-' || *s == '_' || (*s == '.' && s > seg))))
				s++;
			if (s == seg || (s - seg) > (digits ? 18 : 64) || (*s && *s != '/') ||
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

static enum MHD_Result respond(struct MHD_Connection *conn, struct req *r)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		r->out.len, r->out.data, MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	add_common_headers(resp);
	MHD_add_response_header(resp, "Content-Type",
				r->content_type ? r->content_type : "application/json; charset=utf-8");
	if (r->set_cookie[0])
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
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

static void render_error(struct req *r)
{
	if (!r->err.code)
		err_set(&r->err, 500, "internal", NULL, "handler failed without an error", NULL);
	if (r->page) {
		web_error_page(r);
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

static void dispatch(struct req *r)
{
	const struct route *found = NULL;
	struct buf allowed = BUF_INIT;
	const struct route *const tables[] = { routes, pages };
	for (int t = 0; t < 2 && !found; t++)
		for (const struct route *rt = tables[t]; rt->method; rt++) {
			if (!match(rt->pattern, r->path, r))
				continue;
			if (!strcmp(rt->method, r->method) ||
			    (!strcmp(r->method, "HEAD") && !strcmp(rt->method, "GET"))) {
				found = rt;
				break;
			}
			buf_addf(&allowed, "%s%s", allowed.len ? ", " : "", rt->method);
		}
	if (!found) {
		if (allowed.len) {
			fail(r, 405, "method_not_allowed", NULL, r->path, NULL);
			r->nparam = 1;
			r->param[0] = arena_strdup(&r->arena, allowed.data);
		} else {
			fail(r, 404, "no_route", NULL, r->path, NULL);
		}
		buf_free(&allowed);
		render_error(r);
		return;
	}
	buf_free(&allowed);
	if (!match(found->pattern, r->path, r))  /* restore this route's params */
		return;

	struct err se;
	err_clear(&se);
	r->store = thread_store(&se);
	if (!r->store) {
		r->err = se;
		render_error(r);
		return;
	}
	if (auth_resolve(r)) {
		render_error(r);
		return;
	}
	r->page = (found->flags & R_PAGE) != 0;
	if (r->page)
		r->lang = web_lang(r);
	if (r->page && !(found->flags & R_PUBLIC) && r->auth == AUTH_NONE) {
		web_redirect(r, "/login");
		return;
	}
	if (!(found->flags & R_PUBLIC) && r->auth == AUTH_NONE) {
		fail(r, 401, "unauthenticated", NULL, NULL, NULL);
		render_error(r);
		return;
	}
	if (r->auth == AUTH_COOKIE && is_write(r->method) &&
	    !(found->flags & (R_NO_CSRF | R_FORM))) {
		const char *tok = MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND,
							      "X-CSRF-Token");
		if (!tok || !r->csrf || strlen(tok) != strlen(r->csrf) ||
		    sodium_memcmp(tok, r->csrf, strlen(tok))) {
			fail(r, 403, "csrf", NULL, NULL, NULL);
			render_error(r);
			return;
		}
	}
	if (found->query && query_check(r, found->query)) {
		render_error(r);
		return;
	}
	if (found->fn(r)) {
		if (r->store)
			store_rollback(r->store);
		render_error(r);
	}
}

/* A file import may carry a large file; everything else stays small. */
static size_t body_max(const char *url)
{
	return !strcmp(url, "/api/import") ? IMPORT_BODY_MAX : BODY_MAX;
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
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		cc->max = body_max(url);
		if (cl && strtoull(cl, NULL, 10) > cc->max)
			cc->too_large = 1;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (!cc->too_large) {
			if (cc->body.len + *upload_data_size > cc->max) {
				cc->too_large = 1;
				buf_free(&cc->body);
			} else {
				buf_add(&cc->body, upload_data, *upload_data_size);
			}
		}
		*upload_data_size = 0;
		return MHD_YES;
	}

	struct req r;
	memset(&r, 0, sizeof(r));
	r.conn = conn;
	r.method = method;
	r.path = url;
	r.body = cc->body.data;
	r.body_len = cc->body.len;
	r.clock = app_clock_now();
	r.now = r.clock.now;
	r.lang = lang_parse(MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
							MHD_HTTP_HEADER_ACCEPT_LANGUAGE));
	arena_init(&r.arena);
	buf_init(&r.out);
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char ip[INET6_ADDRSTRLEN] = "?";
	if (ci && ci->client_addr) {
		if (ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr,
				  ip, sizeof(ip));
		else if (ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6,
				  &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, ip,
				  sizeof(ip));
	}
	r.client_ip = ip;

	if (cc->too_large) {
		char n[32];
		snprintf(n, sizeof(n), "%zu", cc->max);
		fail(&r, 413, "body_too_large", NULL, n, NULL);
		render_error(&r);
	} else if (strlen(url) > 2048) {
		fail(&r, 414, "invalid_query", NULL, "url", "2048 bytes at most");
		render_error(&r);
	} else {
		dispatch(&r);
	}
	if (!strcmp(method, "HEAD"))
		buf_reset(&r.out);
	enum MHD_Result ret = respond(conn, &r);
	server_log(2, "%s %s %s %d %.2fms", ip, method, url, r.status, elapsed_ms(&cc->t0));
	buf_free(&r.out);
	arena_free(&r.arena);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	struct conn_ctx *cc = *con_cls;
	if (cc) {
		buf_free(&cc->body);
		free(cc);
		*con_cls = NULL;
	}
}

static void on_signal(int sig)
{
	(void)sig;
	server_stop = 1;
}

int server_run(const struct server_config *cfg)
{
	server_db_path = cfg->db_path;
	server_log_level = cfg->log_level;
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
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
		(uint16_t)cfg->port, NULL, NULL, on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads > 0 ? cfg->threads : 4),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
		MHD_OPTION_END);
	if (!d) {
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
	while (!server_stop)
		pause();
	MHD_stop_daemon(d);
	server_log(2, "stopped");
	return 0;
}
