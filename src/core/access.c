/* The access rules (see access.h for the table in words). */
#include "core/access.h"

bool idset_has(const struct idset *s, id_t64 id)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->v[mid] == id)
			return true;
		if (s->v[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool access_objective_read(const struct principal *p, const struct objective *o)
{
	if (o->org_id != p->org_id)
		return false;
	if (p->role == ROLE_ADMIN || p->role == ROLE_HR)
		return true;
	if (o->owner_person_id && o->owner_person_id == p->person_id)
		return true;
	if (p->role == ROLE_MANAGER && idset_has(&p->managed, o->scope_unit_id))
		return true;
	if (o->owner_unit_id && idset_has(&p->chain, o->owner_unit_id))
		return true;
	return idset_has(&p->above, o->id);
}

bool access_objective_write(const struct principal *p, const struct objective *o)
{
	if (o->org_id != p->org_id || p->role == ROLE_HR)
		return false;
	if (p->role == ROLE_ADMIN)
		return true;
	/* nobody agrees their own objectives: one's own are set with one's manager */
	bool own = o->owner_person_id && o->owner_person_id == p->person_id;
	if (p->role == ROLE_MANAGER && !own && idset_has(&p->managed, o->scope_unit_id))
		return true;
	return own && (o->status == ST_DRAFT || o->status == ST_PROPOSED ||
		       o->status == ST_CANCELLED);
}

bool access_checkin_write(const struct principal *p, const struct objective *o)
{
	if (o->org_id != p->org_id || p->role == ROLE_HR)
		return false;
	if (p->role == ROLE_ADMIN)
		return true;
	if (o->owner_person_id && o->owner_person_id == p->person_id)
		return true;
	return p->role == ROLE_MANAGER && idset_has(&p->managed, o->scope_unit_id);
}

bool access_person_read(const struct principal *p, const struct person *x)
{
	if (x->org_id != p->org_id)
		return false;
	if (p->role == ROLE_ADMIN || p->role == ROLE_HR || x->id == p->person_id)
		return true;
	return p->role == ROLE_MANAGER && idset_has(&p->managed, x->unit_id);
}

bool access_person_write(const struct principal *p, const struct person *x)
{
	if (x->org_id != p->org_id)
		return false;
	if (p->role == ROLE_ADMIN)
		return true;
	/* a manager staffs their units but hands out no power they lack */
	return p->role == ROLE_MANAGER && x->id != p->person_id &&
	       (x->role == ROLE_MEMBER || x->role == ROLE_MANAGER) &&
	       idset_has(&p->managed, x->unit_id);
}

bool access_unit_write(const struct principal *p, const struct unit *u)
{
	if (u->org_id != p->org_id)
		return false;
	if (p->role == ROLE_ADMIN)
		return true;
	/* a manager shapes what is under them, not the unit they lead itself:
	 * new or changed units must sit under a unit they manage */
	return p->role == ROLE_MANAGER && u->parent_id && idset_has(&p->managed, u->parent_id) &&
	       (!u->id || idset_has(&p->managed, u->id));
}

bool access_activity_write(const struct principal *p, const struct person *x)
{
	if (x->org_id != p->org_id)
		return false;
	return p->role == ROLE_ADMIN ||
	       (p->role == ROLE_MANAGER && idset_has(&p->managed, x->unit_id));
}

bool access_org_write(const struct principal *p)
{
	return p->role == ROLE_ADMIN;
}

bool access_audit_all(const struct principal *p)
{
	return p->role == ROLE_ADMIN || p->role == ROLE_HR;
}

bool access_unit_dashboard(const struct principal *p, id_t64 unit)
{
	if (p->role == ROLE_ADMIN || p->role == ROLE_HR)
		return true;
	return p->role == ROLE_MANAGER && idset_has(&p->managed, unit);
}
