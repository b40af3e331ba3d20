/* buf: the one growable byte string used to build JSON, HTML, CSV and SQL
 * parameters.
 *
 * Invariants: b->data is never NULL after buf_init (it points at a static ""
 * until the first write) and is always NUL-terminated; b->len is the length
 * without the NUL; b->cap is 0 while data is the static "". Allocation failure
 * aborts: it is not user input, and a server that half-builds a page is worse. */
#ifndef CIBLE_BUF_H
#define CIBLE_BUF_H
#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

#define BUF_INIT { (char *)"", 0, 0 }

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_reset(struct buf *b);              /* len = 0, keeps memory */
void buf_grow(struct buf *b, size_t extra);  /* room for extra more bytes */
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap);
/* Text escaped for HTML element content and attribute values alike. */
void buf_add_html(struct buf *b, const char *s);
/* s for a log line: control characters (CR, LF, ESC...), DEL and backslash
 * as \xNN, so what a client sent cannot forge a line or a terminal sequence. */
void buf_add_escaped_log(struct buf *b, const char *s);
/* Hand the string to the caller (to free()); b is left empty. */
char *buf_detach(struct buf *b, size_t *len);

#endif
