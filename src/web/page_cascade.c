/* The cascade: from the ambition and the strategic axes down to individual
 * objectives, as far as the reader may see, as nested lists (<details> so
 * branches fold without any script), each node with its attainment and
 * status; filtered by unit (the branches that lead to the unit's objectives)
 * and by period. */
#include <stdint.h>
#include <string.h>
#include "core/cascade.h"
#include "app/result.h"
#include "web/web.h"

struct view {
	const struct cascade *c;
	const struct measured *m;
	const bool *keep;
};

static bool shown(struct req *r, const struct view *w, size_t k)
{
	return w->keep[k] && access_objective_read(&r->me, &w->c->items[k]);
}

static void node(struct req *r, const struct view *w, size_t i, int depth)
{
	const struct cascade *c = w->c;
	const struct objective *o = &c->items[i];
	const struct measured *m = &w->m[i];
	int kids = 0;
	for (size_t k = c->first_child[i]; k != SIZE_MAX; k = c->next_sibling[k])
		kids += shown(r, w, k);
	/* the link stays out of <summary>: a control inside a control is lost
	 * to keyboards and screen readers */
	buf_addf(&r->out, "<li><a href=\"/objectives/%lld\">", (long long)o->id);
	html(r, o->title);
	buf_adds(&r->out, "</a> <span class=\"node-progress\">");
	if (m->has_progress) {
		w_bar(r, m);
		buf_addc(&r->out, ' ');
		w_pstatus(r, m);
	} else if (m->rollup >= 0) {
		buf_adds(&r->out, "<span class=\"muted\">");
		html(r, T(r, "obj.rollup"));
		buf_addf(&r->out, " : %.0f %%</span>", m->rollup * 100);
	}
	buf_adds(&r->out, "</span>");
	if (kids) {
		buf_adds(&r->out, "<details open><summary>");
		html(r, T(r, "cascade.children"));
		buf_addf(&r->out, " (%d)</summary><ul>", kids);
		if (depth < 32)
			for (size_t k = c->first_child[i]; k != SIZE_MAX; k = c->next_sibling[k])
				if (shown(r, w, k))
					node(r, w, k, depth + 1);
		buf_adds(&r->out, "</ul></details>");
	}
	buf_adds(&r->out, "</li>");
}

int page_cascade(struct req *r)
{
	struct org org;
	struct axis *axes;
	struct objective *v;
	struct unit *units;
	size_t na, n, nu;
	if (store_org_get(r->store, r->me.org_id, &r->arena, &org, &r->err) ||
	    store_axis_list(r->store, r->me.org_id, &r->arena, &axes, &na, &r->err) ||
	    store_unit_list(r->store, r->me.org_id, &r->arena, &units, &nu, &r->err) ||
	    store_objective_list(r->store, r->me.org_id, NULL, &r->arena, &v, &n, NULL, &r->err))
		return -1;
	id_t64 unit = 0;
	if (query_id(r, "unit", &unit))
		return -1;
	const char *from_s = query(r, "from"), *to_s = query(r, "to");
	day_t from = DAY_NONE, to = DAY_NONE;
	if ((from_s && *from_s && date_parse_iso(from_s, &from)) ||
	    (to_s && *to_s && date_parse_iso(to_s, &to)))
		return fail(r, 400, "invalid_query", "from", "from/to", "a date YYYY-MM-DD");
	struct ids sub = { NULL, 0 };
	if (unit && store_unit_subtree(r->store, r->me.org_id, unit, &r->arena, &sub, &r->err))
		return -1;
	struct cascade c;
	cascade_build(&c, v, n, &r->arena);
	/* what matches, and every objective above it so the branch stays whole */
	bool *keep = arena_alloc(&r->arena, (n + 1) * sizeof(bool));
	for (size_t i = 0; i < n; i++) {
		bool ok = v[i].status != ST_CANCELLED;
		if (ok && unit)
			ok = ids_contains(&sub, v[i].scope_unit_id);
		if (ok && from != DAY_NONE)
			ok = v[i].due == DAY_NONE || v[i].due >= from;
		if (ok && to != DAY_NONE)
			ok = v[i].start == DAY_NONE || v[i].start <= to;
		for (size_t k = i, hops = 0; ok && k != SIZE_MAX && !keep[k] && hops < 64; hops++) {
			keep[k] = true;
			k = v[k].parent_id ? cascade_find(&c, v[k].parent_id) : SIZE_MAX;
		}
	}
	struct mind *inds;
	size_t ni;
	struct measured *m = arena_alloc(&r->arena, (n + 1) * sizeof(*m));
	if (measure_indicators(r->store, r->me.org_id, &r->arena, &inds, &ni, &r->err))
		return -1;
	/* only what is shown is measured */
	struct objective *sv = arena_alloc(&r->arena, (n + 1) * sizeof(*sv));
	size_t *at = arena_alloc(&r->arena, (n + 1) * sizeof(size_t));
	size_t ns = 0;
	for (size_t i = 0; i < n; i++)
		if (keep[i] && access_objective_read(&r->me, &v[i])) {
			at[ns] = i;
			sv[ns++] = v[i];
		}
	struct measured *ms = arena_alloc(&r->arena, (ns + 1) * sizeof(*ms));
	if (measure_kept(r->store, &org, sv, ns, r->clock.today, B_MONTH, inds, ni, &r->arena, ms,
			 &r->err))
		return -1;
	for (size_t k = 0; k < ns; k++)
		m[at[k]] = ms[k];
	struct view w = { &c, m, keep };

	page_open(r, T(r, "cascade.title"));
	buf_adds(&r->out, "<h1>");
	html(r, T(r, "cascade.title"));
	buf_adds(&r->out, "</h1>");
	w_filters(r, "/cascade", units, nu, true, unit, from_s, to_s, NULL);
	{
		/* the objectives the filters keep, as the list's export */
		struct buf q = BUF_INIT;
		buf_adds(&q, "/api/objectives");
		if (unit)
			buf_addf(&q, "?unit=%lld", (long long)unit);
		if (from != DAY_NONE)
			buf_addf(&q, "%sfrom=%s", q.len > 15 ? "&" : "?", from_s);
		if (to != DAY_NONE)
			buf_addf(&q, "%sto=%s", q.len > 15 ? "&" : "?", to_s);
		w_export(r, arena_strdup(&r->arena, q.data));
		buf_free(&q);
	}
	buf_adds(&r->out, "<p class=\"ambition\"><strong>");
	html(r, T(r, "obj.ambition"));
	buf_adds(&r->out, "</strong> — ");
	html(r, org.ambition);
	buf_adds(&r->out, "</p><ul class=\"tree\">");
	for (size_t a = 0; a < na; a++) {
		buf_adds(&r->out, "<li><details open><summary><strong>");
		html(r, axes[a].title);
		buf_adds(&r->out, "</strong></summary><ul>");
		for (size_t i = 0; i < n; i++)
			if (v[i].axis_id == axes[a].id && !v[i].parent_id && shown(r, &w, i))
				node(r, &w, i, 0);
		buf_adds(&r->out, "</ul></details></li>");
	}
	buf_adds(&r->out, "</ul>");
	return page_close(r);
}
