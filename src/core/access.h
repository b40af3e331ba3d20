/* Who may read and change what: the access rules of cible in one place.
 *
 *   admin    everything in their organisation;
 *   hr       reads everything in their organisation, changes nothing;
 *   manager  reads and changes what belongs to the units they lead and every
 *            unit under them (their "managed" set), and reads like a member;
 *   member   reads and proposes their own objectives, reads the collective
 *            objectives of their unit and the units above it, and the
 *            cascade above what they can read.
 * Organisations never see each other: every rule first checks org_id.
 * The caller loads the id sets (store_units_managed, store_unit_chain,
 * store_objective_ancestors_of_owned); the rules stay pure. */
#ifndef CIBLE_ACCESS_H
#define CIBLE_ACCESS_H
#include <stdbool.h>
#include "core/model.h"

struct idset {
	const id_t64 *v;  /* sorted ascending */
	size_t n;
};
bool idset_has(const struct idset *s, id_t64 id);

struct principal {
	id_t64 org_id, person_id, unit_id;
	enum role role;
	struct idset managed;  /* units this person manages (with subtrees) */
	struct idset chain;    /* their unit and its ancestors */
	struct idset above;    /* objectives above theirs and their units' */
};

bool access_objective_read(const struct principal *p, const struct objective *o);
/* Create, update or cancel o as it stands (for an update, call it on the
 * stored version and on the new version: both must pass). */
bool access_objective_write(const struct principal *p, const struct objective *o);
/* Write a check-in on o (read-only for the others who may read it): its
 * owner, a manager of its scope, an admin. */
bool access_checkin_write(const struct principal *p, const struct objective *o);
bool access_person_read(const struct principal *p, const struct person *x);
bool access_person_write(const struct principal *p, const struct person *x);
bool access_unit_write(const struct principal *p, const struct unit *u);
/* Push activity records for person x (integrations use an admin's or a
 * manager's token): admin, or the manager of x's unit. */
bool access_activity_write(const struct principal *p, const struct person *x);
bool access_org_write(const struct principal *p);   /* org settings and axes */
bool access_audit_all(const struct principal *p);   /* the whole trail */
/* A unit's dashboard (everyone's progress in it): admin, hr, or the manager
 * of the unit's subtree. */
bool access_unit_dashboard(const struct principal *p, id_t64 unit);

#endif
