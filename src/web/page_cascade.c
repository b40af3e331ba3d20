/* The cascade: from the ambition and the strategic axes down to individual
 * objectives, as far as the reader may see, as nested lists (<details> so
 * branches fold without any script). */
#include <stdint.h>
#include <string.h>
#include "core/cascade.h"
#include "web/web.h"

static void node(struct req *r, const struct cascade *c, size_t i, int depth)
{
	const struct objective *o = &c->items[i];
	int kids = 0;
	for (size_t k = c->first_child[i]; k != SIZE_MAX; k = c->next_sibling[k])
		kids += access_objective_read(&r->me, &c->items[k]);
	buf_addf(&r->out, "<li>%s<a href=\"/objectives/%lld\">", kids ? "<details open><summary>" : "",
		 (long long)o->id);
	html(r, o->title);
	buf_adds(&r->out, "</a>");
	if (kids) {
		buf_adds(&r->out, "</summary><ul>");
		if (depth < 32)
			for (size_t k = c->first_child[i]; k != SIZE_MAX; k = c->next_sibling[k])
				if (access_objective_read(&r->me, &c->items[k]))
					node(r, c, k, depth + 1);
		buf_adds(&r->out, "</ul></details>");
	}
	buf_adds(&r->out, "</li>");
}

int page_cascade(struct req *r)
{
	struct org org;
	struct axis *axes;
	struct objective *v;
	size_t na, n;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err) ||
	    store_axis_list(r->store, r->me.org_id, &r->arena, &axes, &na, &r->err) ||
	    store_objective_list(r->store, r->me.org_id, NULL, &r->arena, &v, &n, NULL, &r->err))
		return -1;
	struct cascade c;
	cascade_build(&c, v, n, &r->arena);
	page_open(r, T(r, "cascade.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "cascade.title"));
	buf_adds(&r->out, "</h1><p class=\"ambition\"><strong>");
	html(r, T(r, "obj.ambition"));
	buf_adds(&r->out, "</strong> — ");
	html(r, org.ambition);
	buf_adds(&r->out, "</p><ul class=\"tree\">");
	for (size_t a = 0; a < na; a++) {
		buf_adds(&r->out, "<li><details open><summary><strong>");
		html(r, axes[a].title);
		buf_adds(&r->out, "</strong></summary><ul>");
		for (size_t i = 0; i < n; i++)
			if (v[i].axis_id == axes[a].id && !v[i].parent_id &&
			    access_objective_read(&r->me, &v[i]))
				node(r, &c, i, 0);
		buf_adds(&r->out, "</ul></details></li>");
	}
	buf_adds(&r->out, "</ul>");
	return page_close(r);
}
