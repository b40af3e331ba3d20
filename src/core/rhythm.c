/* Cadences, the next check-in due, private exchanges (see rhythm.h). */
#include <string.h>
#include "core/rhythm.h"

static const char *const cadence_names[CAD__COUNT] = { "weekly", "biweekly", "monthly" };
static const char *const scope_names[CS__COUNT] = { "org", "unit", "person", "objective" };

const char *cadence_name(enum cadence c)
{
	return (unsigned)c < CAD__COUNT ? cadence_names[c] : "weekly";
}

int cadence_parse(const char *s)
{
	for (int i = 0; s && i < CAD__COUNT; i++)
		if (!strcmp(s, cadence_names[i]))
			return i;
	return -1;
}

const char *cadence_scope_name(enum cadence_scope s)
{
	return (unsigned)s < CS__COUNT ? scope_names[s] : "org";
}

int cadence_scope_parse(const char *s)
{
	for (int i = 0; s && i < CS__COUNT; i++)
		if (!strcmp(s, scope_names[i]))
			return i;
	return -1;
}

day_t cadence_next(day_t day, enum cadence c)
{
	switch (c) {
	case CAD_BIWEEKLY:
		return day + 14;
	case CAD_MONTHLY:
		return date_add_months(day, 1);
	default:
		return day + 7;
	}
}

static int find(const struct cadence_setting *v, size_t n, enum cadence_scope s, id_t64 id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].scope == s && v[i].scope_id == id)
			return (int)v[i].every;
	return -1;
}

enum cadence cadence_resolve(const struct cadence_setting *v, size_t n, id_t64 objective,
			     id_t64 person, const id_t64 *chain, size_t nchain,
			     enum cadence_scope *from)
{
	int c;
	enum cadence_scope dummy;
	if (!from)
		from = &dummy;
	if (objective && (c = find(v, n, CS_OBJECTIVE, objective)) >= 0) {
		*from = CS_OBJECTIVE;
		return (enum cadence)c;
	}
	if (person && (c = find(v, n, CS_PERSON, person)) >= 0) {
		*from = CS_PERSON;
		return (enum cadence)c;
	}
	for (size_t i = 0; i < nchain; i++)
		if ((c = find(v, n, CS_UNIT, chain[i])) >= 0) {
			*from = CS_UNIT;
			return (enum cadence)c;
		}
	if ((c = find(v, n, CS_ORG, 0)) >= 0) {
		*from = CS_ORG;
		return (enum cadence)c;
	}
	*from = CS__COUNT;
	return CAD_WEEKLY;
}

void rhythm_state_of(day_t today, day_t start, day_t end, day_t created, day_t last,
		     enum cadence c, struct rhythm_state *out)
{
	memset(out, 0, sizeof(*out));
	out->last = last;
	out->due = DAY_NONE;
	day_t from = start != DAY_NONE ? start : created;
	if ((from != DAY_NONE && today < from) || (end != DAY_NONE && today > end))
		return;
	out->expected = true;
	day_t ref = last != DAY_NONE ? last : from;
	if (ref == DAY_NONE)
		ref = today;
	out->due = cadence_next(ref, c);
	out->late = today > out->due;
	out->days_late = out->late ? (int)(today - out->due) : 0;
}

bool access_private_read(const struct principal *p, id_t64 a, id_t64 b, bool admins_read)
{
	if (p->person_id && (p->person_id == a || p->person_id == b))
		return true;
	if (p->role == ROLE_HR)
		return true;
	return p->role == ROLE_ADMIN && admins_read;
}
