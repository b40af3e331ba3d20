/* arena: memory for one request or one CLI command, released at once.
 * The core allocates from the arena it is given and never frees piecemeal,
 * so there is one owner and one release path for everything a request builds.
 * Allocation failure aborts (see buf.h). */
#ifndef CIBLE_ARENA_H
#define CIBLE_ARENA_H
#include <stddef.h>

struct arena_block;
struct arena {
	struct arena_block *head;
	size_t total;  /* bytes handed out, for tests and limits */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
void *arena_alloc(struct arena *a, size_t size);       /* zeroed, 16-aligned */
void *arena_alloc_raw(struct arena *a, size_t size);   /* the same, not zeroed: to be filled whole */
char *arena_strdup(struct arena *a, const char *s);     /* NULL stays NULL */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Appends one zeroed element to a growing array held in the arena: *v has *n
 * elements of size bytes and room for *cap (start with *v NULL, *n = *cap =
 * 0). Returns the new element. The old block stays in the arena until the
 * arena is freed: doubling keeps the waste under the array's final size. */
void *arena_push(struct arena *a, void *v_ptr, size_t *n, size_t *cap, size_t size);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
