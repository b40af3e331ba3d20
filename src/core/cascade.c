/* Tree indexing over a flat, id-sorted array of objectives. */
#include <stdint.h>
#include "core/cascade.h"

size_t cascade_find(const struct cascade *c, id_t64 id)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->items[mid].id == id)
			return mid;
		if (c->items[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

void cascade_build(struct cascade *c, const struct objective *items, size_t n,
		   struct arena *a)
{
	c->items = items;
	c->n = n;
	c->first_child = arena_alloc(a, (n ? n : 1) * sizeof(size_t));
	c->next_sibling = arena_alloc(a, (n ? n : 1) * sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		c->first_child[i] = c->next_sibling[i] = SIZE_MAX;
	/* walk backwards so that children come out in id order */
	for (size_t i = n; i-- > 0;) {
		if (!items[i].parent_id)
			continue;
		size_t p = cascade_find(c, items[i].parent_id);
		if (p == SIZE_MAX)
			continue;
		c->next_sibling[i] = c->first_child[p];
		c->first_child[p] = i;
	}
}

int cascade_would_cycle(id_t64 id, id_t64 new_parent,
			int (*parent_of)(void *ctx, id_t64 id, id_t64 *parent), void *ctx,
			int max_depth)
{
	id_t64 cur = new_parent;
	for (int depth = 0; cur && depth < max_depth; depth++) {
		if (cur == id)
			return 1;
		id_t64 up;
		if (parent_of(ctx, cur, &up))
			return -1;
		cur = up;
	}
	/* deeper than any real cascade: treat as a loop rather than spin */
	return cur ? 1 : 0;
}
