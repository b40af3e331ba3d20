/* The HTTP layer: a request as handlers see it, the route table, and the
 * helpers every handler uses. A handler parses the body into a use case's
 * input, calls the use case (src/app: validation, access, one transaction,
 * audit) with req_app(), and renders JSON; it holds no business rule.
 *
 * How to add a route: write `int api_thing(struct req *r)` in the file of its
 * resource, declare it below, add one line to the table in routes.c (with the
 * query parameters it reads and its body kind), and describe it in
 * docs/openapi.json (test_openapi fails until the two say the same). */
#ifndef CIBLE_HTTP_H
#define CIBLE_HTTP_H
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include "core/access.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "app/record.h"
#include "app/secret.h"
#include "app/usecase.h"
#include "store/store.h"

#define BODY_MAX (1024 * 1024)
#define IMPORT_BODY_MAX (64 * 1024 * 1024)  /* POST /api/import: a file */
#define FORM_MAX 40  /* fields of a form */

struct MHD_Connection;

enum auth_kind { AUTH_NONE, AUTH_COOKIE, AUTH_TOKEN };

struct req {
	/* in */
	struct MHD_Connection *conn;
	const char *method, *path;
	const char *param[4];          /* {id} segments of the path, in order */
	int nparam;
	const char *body;
	size_t body_len;
	/* a BODY_FILE route sent the file itself (text/csv, an .xlsx, raw
	 * bytes) rather than JSON: body is NULL and the file is here, at its
	 * start (owned by the server: the handler reads it, never closes it) */
	FILE *body_file;
	enum lang lang;
	int64_t now;                   /* unix seconds at arrival (clock.now) */
	struct app_clock clock;        /* the one clock, read at arrival */
	const char *client_ip;
	struct store *store;
	struct arena arena;
	/* who */
	enum auth_kind auth;
	struct principal me;
	const char *session_hash;      /* cookie sessions: hash of the token */
	const char *csrf;              /* cookie sessions: the expected token */
	int page;                      /* an HTML page is being answered */
	int form_parsed, form_n;       /* form fields (web/web.c form()) */
	const char *form_name[FORM_MAX], *form_value[FORM_MAX];
	/* out */
	int status;
	struct buf out;
	const char *content_type;
	char set_cookie[256];
	char retry_after[16];
	char etag[32];                 /* the ETag header: a resource's version, quoted */
	char location[512];            /* a redirect (pages) */
	char disposition[192];         /* Content-Disposition (a download), or "" */
	/* A streamed answer (an export): instead of out, the body is read from
	 * reader as the client takes it (a chunked answer); reader_free releases
	 * reader_cls when the answer is done or abandoned. Nothing of the
	 * request may be used by then: the stream holds what it reads. */
	long (*reader)(void *cls, char *out, size_t max, struct err *e);
	void (*reader_free)(void *cls);
	void *reader_cls;
	struct err err;
};

enum route_flags {
	R_PUBLIC = 1,   /* no authentication needed */
	R_NO_CSRF = 2,  /* a cookie write that needs no CSRF token (login) */
	R_PAGE = 4,     /* an HTML page: errors as pages, no session -> /login */
	R_FORM = 8,     /* a form post: the handler checks the form's CSRF field */
};

/* What a route's body is: none (a body sent is counted and dropped), a JSON
 * object (req_json_object) of BODY_MAX bytes at most, a JSON object that
 * carries a file (IMPORT_BODY_MAX), or a form (pages: web/web.c form()). The
 * limit is the route's, decided with authentication before any byte of the
 * body is read. */
enum route_body { BODY_NONE, BODY_JSON, BODY_FORM, BODY_FILE };

struct route {
	const char *method;
	const char *pattern;            /* "/api/objectives/{id}/path" */
	int (*fn)(struct req *r);
	unsigned flags;
	/* the query parameters the handler reads, space-separated ("limit
	 * offset unit"); "" for none. The dispatcher refuses any other with 400
	 * invalid_query (query_check). NULL: not checked (the pages). */
	const char *query;
	enum route_body body;
};
extern const struct route routes[];  /* the JSON API (documented in openapi.json) */

/* A route whose access can be refused before its body is read (a member
 * posting a file to import): the gate runs with the principal known, before
 * the first byte of the body; a refusal answers at once. */
struct route_gate {
	int (*fn)(struct req *r);
	int (*gate)(struct req *r);
};
extern const struct route_gate route_gates[];  /* routes.c; ends with { NULL, NULL } */

/* A surface is one table of routes and how its answers look: the JSON API
 * (api_surface, routes.c) and the web app (web_surface, src/web/pages.c).
 * The server knows no page: it takes the surfaces from its caller. */
struct surface {
	const struct route *routes;
	/* the route is this surface's: set what its answers need (a page, its language) */
	void (*enter)(struct req *r);
	/* no session on a route that needs one: NULL answers 401 */
	void (*anonymous)(struct req *r);
	/* r->err as this surface shows errors: NULL answers JSON */
	void (*error)(struct req *r);
	/* an R_FORM route's body, with a session's cookie, before its handler:
	 * the form's own CSRF token (nonzero refuses, r->err set); NULL: none */
	int (*form_check)(struct req *r);
};
extern const struct surface api_surface;

/* server.c */
struct sender_config;
struct server_config {
	const char *address;
	int port;            /* 0: any free port (printed at start) */
	const char *db_path;
	int log_level;       /* 0 error, 1 warn, 2 info, 3 debug */
	int threads;
	int max_per_address; /* connections from one address at once; 0: no limit */
	int secure;          /* served over HTTPS (a public https:// URL): Secure cookies, HSTS */
	const char *public_url;  /* how people reach the server ("" or NULL: unknown) */
	const struct surface *const *surfaces;  /* NULL-terminated, tried in order */
	/* a background worker (the notifications' sender) started once the
	 * server listens and stopped before it closes; NULL: none */
	int (*worker_start)(const struct sender_config *arg);
	void (*worker_stop)(void);
	const struct sender_config *worker_arg;
};
int server_run(const struct server_config *cfg);
/* 1 when the request carries no Origin, or the Origin of this server: its
 * Host header's, or the public URL's (scheme, host and port); 0 for any
 * other, "null" included (a cross-site post, a login CSRF). */
int req_same_origin(struct req *r);
/* 1 when the body is declared application/json (any parameters after ';'). */
int req_json_content_type(struct req *r);
void server_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
extern int server_log_level;

/* json.c: bodies in, documents out (the readers of a request, with the query
 * helpers below and fail(): parse.c) */
/* Parses the body as one JSON object; 400 malformed_json otherwise. */
json_t *req_json_object(struct req *r);
/* A body of one optional string field, {"<name>": "..."}: *out its text in
 * the request's arena, NULL when absent; -1 with r->err on a malformed body,
 * another field or another type. */
int req_json_string(struct req *r, const char *name, const char **out);
/* J_STRING: up to 20,000 characters (a name, a comment); J_TEXT: a whole
 * file's text, bounded only by the route's body limit (POST /api/import). */
enum jtype { J_STRING, J_ID, J_NUMBER, J_BOOL, J_DATE, J_ARRAY, J_INT, J_OBJECT, J_TEXT };
struct jfield {
	const char *name;
	enum jtype type;
	int nullable;
};
/* Every key of obj is in spec with the right type: 400 unknown_field or
 * invalid_type naming the field otherwise. */
int json_check_shape(json_t *obj, const struct jfield *spec, struct err *e);
/* Typed reads after json_check_shape; they return 1 when the key is present. */
int jget_str(json_t *o, const char *k, struct arena *a, const char **out);
int jget_id(json_t *o, const char *k, id_t64 *out);        /* null -> 0 */
/* The same for a use case's input: bit goes into *set when the key is present. */
int jget_str_set(json_t *o, const char *k, struct arena *a, const char **out, unsigned bit,
		 unsigned *set);
int jget_id_set(json_t *o, const char *k, id_t64 *out, unsigned bit, unsigned *set);
int jget_num(json_t *o, const char *k, double *out, int *is_null);
int jget_bool(json_t *o, const char *k, bool *out);
/* a date "YYYY-MM-DD" (or null -> DAY_NONE); 422 invalid_date if impossible */
int jget_date(json_t *o, const char *k, day_t *out, struct err *e);
int jget_enum(json_t *o, const char *k, int (*parse)(const char *), int *out,
	      const char *allowed, struct err *e);
/* JSON text of an array field, re-serialised compactly */
int jget_array_text(json_t *o, const char *k, struct arena *a, const char **out);

json_t *json_objective(const struct objective *o);
/* Renders v as the response (takes the reference) with status. */
int reply_json(struct req *r, int status, json_t *v);
/* 200 with v and an ETag of its bytes, or 304 without a body when the
 * request's If-None-Match names it: a client polling an unchanged document
 * gets a few bytes back */
int reply_json_etag(struct req *r, json_t *v);
/* {"items":[...],"total":N,"limit":L,"offset":O} */
int reply_page(struct req *r, json_t *items, size_t total, size_t limit, size_t offset);
/* Query parameter helpers: 400 invalid_query on a malformed value. */
const char *query(struct req *r, const char *name);
int query_id(struct req *r, const char *name, id_t64 *out);
/* ?name=true or ?name=false: *out 1 or 0; -1 when absent */
int query_bool(struct req *r, const char *name, int *out);
int query_paging(struct req *r, size_t *limit, size_t *offset);
/* Every query parameter of the request is one of `accepted` (space-separated
 * names): 400 invalid_query naming the first other one otherwise. */
int query_check(struct req *r, const char *accepted);
/* Path parameter i as an id (the router guarantees digits). */
id_t64 param_id(struct req *r, int i);
/* Error helpers that return -1 with r->err set */
int fail(struct req *r, int status, const char *code, const char *field, const char *a0,
	 const char *a1);
int forbidden(struct req *r, const char *what);

/* export.c (http): a list as a file. ?format= csv or xlsx (*format; -1 when
 * absent: the JSON answer); 400 invalid_query otherwise. */
struct export_table;
int req_export_format(struct req *r, int *format);
/* Sends t as format (app/export.h), streamed, in the dialect of ?dialect=
 * (fr, en) or else of the organisation's locale, as the download
 * name.csv or name.xlsx. */
int reply_export(struct req *r, struct export_table *t, int format, const char *name);
/* The dashboards' ?format=: csv, xlsx or pdf (EXPORT_PDF). */
int req_report_format(struct req *r, int *format);
/* An objectives table (app_export_unit, app_export_person) as reply_export
 * does, or as a PDF report (export_objectives_pdf: kind, the day measured,
 * the words in the reader's language) downloaded as name.pdf. */
int reply_report(struct req *r, struct export_table *t, int format, int kind, day_t today,
		 const char *name);

/* auth.c */
int auth_resolve(struct req *r);        /* fills r->auth and r->me from cookie/token */
int auth_load_principal(struct req *r, id_t64 org, id_t64 person);
/* Checks the password (argon2id, attempts limited per email and per address),
 * opens a session (cookie in r->set_cookie, r->csrf) and loads the principal. */
struct login_input;
struct login_result;
/* app_login (app/login.h) and, on success, the session's cookie and principal;
 * on 429 the Retry-After. */
int auth_login(struct req *r, const struct login_input *in, struct login_result *out);
/* Records a change; takes the references to before and after. */
int audit_write(struct req *r, const char *entity, id_t64 id, const char *action,
		json_t *before, json_t *after);

/* app_bridge.c: the use-case context of a request (app/usecase.h) */
void req_app(struct req *r, struct app *a);

/* handlers */
int api_healthz(struct req *r);
int api_reviews_list(struct req *r);
int api_reviews_create(struct req *r);
int api_reviews_get(struct req *r);
int api_reviews_update(struct req *r);
int api_reviews_submit(struct req *r);
int api_reviews_sign(struct req *r);
int api_reviews_reopen(struct req *r);
int api_reviews_drafts(struct req *r);
int api_reviews_pdf(struct req *r);
int api_openapi(struct req *r);
int api_login(struct req *r);
int api_logout(struct req *r);
int api_me(struct req *r);
int api_me_password(struct req *r);
int api_password_reset(struct req *r);
int api_login_unlock(struct req *r);
int api_tokens_list(struct req *r);
int api_tokens_create(struct req *r);
int api_tokens_revoke(struct req *r);
int api_org_get(struct req *r);
int api_org_update(struct req *r);
int api_units_list(struct req *r);
int api_units_create(struct req *r);
int api_units_get(struct req *r);
int api_units_update(struct req *r);
int api_people_list(struct req *r);
int api_people_create(struct req *r);
int api_people_get(struct req *r);
int api_people_update(struct req *r);
int api_axes_list(struct req *r);
int api_axes_create(struct req *r);
int api_axes_get(struct req *r);
int api_axes_update(struct req *r);
int api_axes_cascade(struct req *r);
int api_objectives_list(struct req *r);
int api_objectives_create(struct req *r);
int api_objectives_get(struct req *r);
int api_objectives_update(struct req *r);
int api_objectives_cancel(struct req *r);
int api_objectives_cascade(struct req *r);
int api_objectives_path(struct req *r);
int api_objectives_audit(struct req *r);
int api_audit_list(struct req *r);
int api_activity_add(struct req *r);
int api_smart_check(struct req *r);
int api_alerts(struct req *r);
int api_activity_list(struct req *r);
int api_import(struct req *r);
int api_import_gate(struct req *r);
int api_objectives_progress(struct req *r);
int api_people_dashboard(struct req *r);
int api_units_dashboard(struct req *r);
int api_indicators_list(struct req *r);
int api_synonyms_list(struct req *r);
int api_synonyms_put(struct req *r);
int api_synonyms_delete(struct req *r);
int api_indicators_create(struct req *r);
int api_indicators_try(struct req *r);
int api_indicators_get(struct req *r);
int api_indicators_update(struct req *r);
int api_indicators_delete(struct req *r);
int api_checkins_list(struct req *r);
int api_checkins_create(struct req *r);
int api_rounds_list(struct req *r);
int api_rounds_create(struct req *r);
/* api_rhythm.c */
int api_notifications_list(struct req *r);
int api_notifications_read(struct req *r);
int api_notifications_read_all(struct req *r);
int api_notification_prefs_get(struct req *r);
int api_notification_prefs_set(struct req *r);
int api_notification_deliveries(struct req *r);
int api_notification_retry(struct req *r);
int api_notification_channels(struct req *r);
int api_notification_channel_add(struct req *r);
int api_notification_channel_delete(struct req *r);
int api_cadences_list(struct req *r);
int api_cadences_set(struct req *r);
int api_feedback_list(struct req *r);
int api_feedback_create(struct req *r);
int api_feedback_get(struct req *r);
int api_feedback_reply(struct req *r);
int api_feedback_close(struct req *r);
int api_oneonones_list(struct req *r);
int api_oneonones_create(struct req *r);
int api_oneonones_get(struct req *r);
int api_oneonones_update(struct req *r);
int api_oneonones_action(struct req *r);
int api_actions_update(struct req *r);
int api_objectives_share_out(struct req *r);
int api_ramp_list(struct req *r);
int api_ramp_put(struct req *r);
int api_ramp_delete(struct req *r);
int api_people_suggested_target(struct req *r);
/* api_challenges.c */
int api_challenges_list(struct req *r);
int api_challenges_create(struct req *r);
int api_challenges_get(struct req *r);
int api_challenges_board(struct req *r);
int api_challenges_close(struct req *r);
int api_challenges_rerun(struct req *r);
int api_challenges_results(struct req *r);
int api_challenges_export(struct req *r);
int api_people_badges(struct req *r);
/* api_calendar.c */
int api_calendar_feed_get(struct req *r);
int api_calendar_feed_make(struct req *r);
int api_calendar_feed_revoke(struct req *r);
int api_calendar_ics(struct req *r);
int api_units_badges(struct req *r);

#endif
