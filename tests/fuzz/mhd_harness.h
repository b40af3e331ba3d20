/* A libmicrohttpd daemon in the fuzz target's process, so that the bytes a
 * target makes up go through the same parser as the server's (the request
 * line, the query string, the headers, the cookies, a form body) before
 * cible's own readers see them. The daemon listens on no socket: each input
 * is one connection of a socketpair, written whole, then read to its end.
 *
 * A target defines `static void on_request(struct MHD_Connection *c, const
 * char *body, size_t len)`, called with the whole request, and calls
 * harness_send(request, length) from LLVMFuzzerTestOneInput. */
#ifndef CIBLE_FUZZ_MHD_HARNESS_H
#define CIBLE_FUZZ_MHD_HARNESS_H
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "core/buf.h"

static void on_request(struct MHD_Connection *c, const char *body, size_t len);

static struct MHD_Daemon *harness_daemon;

static enum MHD_Result harness_access(void *cls, struct MHD_Connection *conn, const char *url,
				      const char *method, const char *version,
				      const char *upload_data, size_t *upload_data_size,
				      void **con_cls)
{
	(void)cls;
	(void)url;
	(void)method;
	(void)version;
	struct buf *body = *con_cls;
	if (!body) {
		body = malloc(sizeof(*body));
		if (!body)
			abort();
		buf_init(body);
		*con_cls = body;
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (body->len < (1u << 20))
			buf_add(body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}
	on_request(conn, body->data, body->len);
	struct MHD_Response *resp = MHD_create_response_from_buffer(0, (void *)"",
								    MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret = MHD_queue_response(conn, 204, resp);
	MHD_destroy_response(resp);
	return ret;
}

static void harness_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	struct buf *body = *con_cls;
	if (body) {
		buf_free(body);
		free(body);
		*con_cls = NULL;
	}
}

static void harness_start(void)
{
	if (harness_daemon)
		return;
	signal(SIGPIPE, SIG_IGN);
	harness_daemon = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC, 0, NULL,
		NULL, harness_access, NULL, MHD_OPTION_NOTIFY_COMPLETED, harness_completed, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)2, MHD_OPTION_END);
	if (!harness_daemon)
		abort();
}

/* One request on a fresh connection; returns when the daemon closed it. */
static void harness_send(const char *req, size_t len)
{
	harness_start();
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		abort();
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(40000);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (MHD_add_connection(harness_daemon, sv[1], (struct sockaddr *)&sa, sizeof(sa)) != MHD_YES) {
		close(sv[0]);
		return;  /* the daemon closed sv[1] */
	}
	size_t off = 0;
	while (off < len) {
		ssize_t n = write(sv[0], req + off, len - off);
		if (n <= 0)
			break;  /* answered and closed early */
		off += (size_t)n;
	}
	shutdown(sv[0], SHUT_WR);
	char sink[4096];
	while (read(sv[0], sink, sizeof(sink)) > 0)
		;
	close(sv[0]);
}

/* The bytes of a header's value: CR and LF would end the header, so they
 * become a space (what libmicrohttpd does with folded lines anyway). */
static void harness_add_header_value(struct buf *b, const uint8_t *data, size_t size)
{
	for (size_t i = 0; i < size; i++)
		buf_addc(b, data[i] == '\r' || data[i] == '\n' ? ' ' : (char)data[i]);
}

#endif
