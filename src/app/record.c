/* The organisation's records as JSON (record.h). */
#include "app/record.h"
#include "core/buf.h"

static json_t *json_id(id_t64 id)
{
	return id ? json_integer(id) : json_null();
}

static json_t *json_str(const char *s)
{
	return s ? json_string(s) : json_null();
}

json_t *json_date(day_t d)
{
	if (d == DAY_NONE)
		return json_null();
	char s[11];
	date_format_iso(d, s);
	return json_string(s);
}

json_t *json_org(const struct org *o)
{
	struct buf wd = BUF_INIT;
	working_days_format(o->working_days, &wd);
	json_t *v = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:s}", "id", (json_int_t)o->id,
			      "name", o->name, "locale", o->locale, "currency", o->currency,
			      "ambition", o->ambition, "working_days", wd.data);
	buf_free(&wd);
	json_object_set_new(v, "time_zone", json_string(o->time_zone ? o->time_zone : "Europe/Paris"));
	json_object_set_new(v, "admins_read_feedback", json_boolean(o->admins_read_feedback));
	return v;
}

json_t *json_unit(const struct unit *u)
{
	json_t *v = json_object();
	json_object_set_new(v, "id", json_integer(u->id));
	json_object_set_new(v, "parent_id", json_id(u->parent_id));
	json_object_set_new(v, "lead_id", json_id(u->lead_id));
	json_object_set_new(v, "name", json_str(u->name));
	json_object_set_new(v, "kind", json_string(unit_kind_name(u->kind)));
	json_object_set_new(v, "service", json_string(service_type_name(u->service)));
	return v;
}

json_t *json_person(const struct person *p)
{
	json_t *v = json_object();
	json_object_set_new(v, "id", json_integer(p->id));
	json_object_set_new(v, "unit_id", json_id(p->unit_id));
	json_object_set_new(v, "manager_id", json_id(p->manager_id));
	json_object_set_new(v, "name", json_str(p->name));
	json_object_set_new(v, "email", json_str(p->email));
	json_object_set_new(v, "job", json_str(p->job));
	json_object_set_new(v, "role", json_string(role_name(p->role)));
	json_object_set_new(v, "hired_on", json_date(p->hired_on));
	json_object_set_new(v, "active", json_boolean(p->active));
	return v;
}

json_t *json_axis(const struct axis *x)
{
	return json_pack("{s:I, s:s?, s:s?, s:i}", "id", (json_int_t)x->id, "title", x->title,
			 "description", x->description, "position", x->position);
}
