/* The SMART analyzer's context, gathered from the store (see app.h). */
#include <string.h>
#include "app/app.h"

void app_smart_context(struct store *s, id_t64 org, const struct objective *o, day_t today,
		       struct arena *a, struct smart_context *c)
{
	memset(c, 0, sizeof(*c));
	c->today = today;
	c->hired_on = DAY_NONE;
	struct err e;
	err_clear(&e);
	if (o->owner_person_id) {
		struct person p;
		if (!store_person_get(s, org, o->owner_person_id, a, &p, &e))
			c->hired_on = p.hired_on;
	}
	struct unit u;
	if (o->scope_unit_id &&
	    !store_unit_get(s, org, o->scope_unit_id, a, &u, &e))
		c->service = u.service;
	/* aligned: some objective up the chain (or this one) hangs on an axis */
	struct objective cur = *o;
	c->aligned = cur.axis_id != 0;
	for (int depth = 0; !c->aligned && cur.parent_id && depth < 64; depth++) {
		if (store_objective_get(s, org, cur.parent_id, a, &cur, &e))
			break;
		c->aligned = cur.axis_id != 0;
	}
	if (o->parent_id) {
		struct objective_filter f;
		memset(&f, 0, sizeof(f));
		f.level = f.status = -1;
		f.from = f.to = DAY_NONE;
		f.parent = o->parent_id;
		f.limit = 64;
		struct objective *v;
		size_t n;
		if (store_objective_list(s, org, &f, a, &v, &n, NULL, &e))
			n = 0;  /* the verdict without siblings beats no answer */
		const char **t = arena_alloc(a, (n ? n : 1) * sizeof(char *));
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (v[i].id != o->id && v[i].status != ST_CANCELLED)
				t[k++] = v[i].title;
		c->siblings = t;
		c->nsiblings = k;
	}
}
