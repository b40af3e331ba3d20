/* The cascade as a tree: children lists built from a flat array of
 * objectives, cycle detection for a new parent link, and paths to the root.
 * Pure: the caller loads the objectives. */
#ifndef CIBLE_CASCADE_H
#define CIBLE_CASCADE_H
#include "core/arena.h"
#include "core/model.h"

struct cascade {
	const struct objective *items;
	size_t n;
	size_t *first_child;   /* index of first child, or SIZE_MAX */
	size_t *next_sibling;  /* index of next sibling, or SIZE_MAX */
};

/* Indexes items (sorted by id, as the store returns them) for tree walks. */
void cascade_build(struct cascade *c, const struct objective *items, size_t n,
		   struct arena *a);
/* Index of the objective with this id, or SIZE_MAX. */
size_t cascade_find(const struct cascade *c, id_t64 id);

/* Would linking objective `id` under `new_parent` close a loop? parent_of
 * answers an objective's parent (0 for a root) and returns -1 when it cannot
 * (the error is then the caller's). Returns 1 for a cycle, 0 for none, -1 on
 * a failed look-up. Walks at most max_depth links. */
int cascade_would_cycle(id_t64 id, id_t64 new_parent,
			int (*parent_of)(void *ctx, id_t64 id, id_t64 *parent), void *ctx,
			int max_depth);

#endif
