/* Create and edit an objective: one form, every SMART field, choices of
 * parent, axis, owner and indicator among what the person may see, errors
 * beside their field, nothing lost on a failed submit. The form goes through
 * the use cases the API calls (app_objective_create/update): the same checks,
 * the same audit. static/objective-form.js shows the SMART check live as one types. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "app/objective.h"
#include "web/web.h"

struct fctx {
	struct objective o;      /* what the form shows */
	bool editing;
	const char *owner;       /* "p:12" or "u:3" */
	const struct err *err;   /* the failed submit's error, or NULL */
};

static const char *val(struct req *r, const char *name, const char *stored)
{
	if (r->form_parsed) {
		const char *v = form(r, name);
		return v ? v : "";
	}
	return stored ? stored : "";
}

static void error_for(struct req *r, const struct fctx *c, const char *field)
{
	if (!c->err || !c->err->code || strcmp(c->err->field, field))
		return;
	struct buf m = BUF_INIT;
	err_message(c->err, r->lang, &m);
	buf_addf(&r->out, "<p class=\"field-error\" id=\"err-%s\" role=\"alert\">", field);
	html(r, m.data);
	buf_adds(&r->out, "</p>");
	buf_free(&m);
}

static bool has_error(const struct fctx *c, const char *field)
{
	return c->err && c->err->code && !strcmp(c->err->field, field);
}

static void label(struct req *r, const char *name, const char *key)
{
	buf_addf(&r->out, "<label for=\"f-%s\">", name);
	html(r, T(r, key));
	buf_adds(&r->out, "</label>");
}

static void input(struct req *r, const struct fctx *c, const char *name, const char *key,
		  const char *type, const char *value, const char *extra)
{
	buf_adds(&r->out, "<div class=\"field\">");
	label(r, name, key);
	buf_addf(&r->out, "<input id=\"f-%s\" name=\"%s\" type=\"%s\" value=\"", name, name, type);
	html(r, value);
	buf_addf(&r->out, "\"%s%s", extra ? " " : "", extra ? extra : "");
	if (has_error(c, name))
		buf_addf(&r->out, " aria-invalid=\"true\" aria-describedby=\"err-%s\"", name);
	buf_adds(&r->out, ">");
	error_for(r, c, name);
	buf_adds(&r->out, "</div>");
}

static void textarea(struct req *r, const struct fctx *c, const char *name, const char *key,
		     const char *value)
{
	buf_adds(&r->out, "<div class=\"field\">");
	label(r, name, key);
	buf_addf(&r->out, "<textarea id=\"f-%s\" name=\"%s\" rows=\"2\">", name, name);
	html(r, value);
	buf_adds(&r->out, "</textarea>");
	error_for(r, c, name);
	buf_adds(&r->out, "</div>");
}

static void option(struct req *r, const char *value, const char *text, const char *current)
{
	buf_adds(&r->out, "<option value=\"");
	html(r, value);
	buf_addf(&r->out, "\"%s>", current && !strcmp(value, current) ? " selected" : "");
	html(r, text);
	buf_adds(&r->out, "</option>");
}

static void select_open(struct req *r, const struct fctx *c, const char *name, const char *key)
{
	buf_adds(&r->out, "<div class=\"field\">");
	label(r, name, key);
	buf_addf(&r->out, "<select id=\"f-%s\" name=\"%s\"", name, name);
	if (has_error(c, name))
		buf_addf(&r->out, " aria-invalid=\"true\" aria-describedby=\"err-%s\"", name);
	buf_adds(&r->out, ">");
}

static void select_close(struct req *r, const struct fctx *c, const char *name)
{
	buf_adds(&r->out, "</select>");
	error_for(r, c, name);
	buf_adds(&r->out, "</div>");
}

static const char *num_text(struct req *r, bool has, double v)
{
	return has ? arena_printf(&r->arena, "%g", v) : "";
}

static const char *day_text(struct req *r, day_t d)
{
	if (d == DAY_NONE)
		return "";
	char *s = arena_alloc(&r->arena, 11);
	date_format_iso(d, s);
	return s;
}

static const char *id_text(struct req *r, id_t64 id)
{
	return id ? arena_printf(&r->arena, "%lld", (long long)id) : "";
}

/* What the form's choices are made of. */
struct choices {
	struct objective *objs;
	size_t nobjs;
	struct axis *axes;
	size_t naxes;
	struct person *people;
	size_t npeople;
	struct unit *units;
	size_t nunits;
	struct indicator_row *inds;
	size_t ninds;
};

static int load_choices(struct req *r, struct choices *ch)
{
	struct objective_filter f;
	memset(&f, 0, sizeof(f));
	f.level = f.status = -1;
	f.from = f.to = DAY_NONE;
	size_t total;
	struct person_filter pf = { NULL, 1, 0, 0 };
	if (store_objective_list(r->store, r->me.org_id, &f, &r->arena, &ch->objs, &ch->nobjs, NULL,
				 &r->err) ||
	    store_axis_list(r->store, r->me.org_id, &r->arena, &ch->axes, &ch->naxes, &r->err) ||
	    store_person_list(r->store, r->me.org_id, &pf, &r->arena, &ch->people, &ch->npeople,
			      &total, &r->err) ||
	    store_unit_list(r->store, r->me.org_id, &r->arena, &ch->units, &ch->nunits, &r->err) ||
	    store_indicator_list(r->store, r->me.org_id, &r->arena, &ch->inds, &ch->ninds, &r->err))
		return -1;
	return 0;
}

/* The title (the sentence the reader reads) and the level. */
static void fields_title_level(struct req *r, const struct fctx *c)
{
	const struct objective *o = &c->o;
	buf_adds(&r->out, "<div class=\"field\">");
	label(r, "title", "form.title");
	buf_adds(&r->out, "<p class=\"hint\" id=\"hint-title\">");
	html(r, T(r, "form.title_hint"));
	buf_adds(&r->out, "</p><textarea id=\"f-title\" name=\"title\" rows=\"2\" required"
		 " aria-describedby=\"hint-title\">");
	html(r, val(r, "title", o->title));
	buf_adds(&r->out, "</textarea>");
	error_for(r, c, "title");
	buf_adds(&r->out, "</div>");

	const char *cur = val(r, "level", level_name(o->level));
	select_open(r, c, "level", "form.level");
	static const char *const levels[] = { "strategic", "operational", "collective", "individual" };
	for (int i = 0; i < 4; i++) {
		char key[32];
		snprintf(key, sizeof(key), "level.%s", levels[i]);
		option(r, levels[i], T(r, key), cur);
	}
	select_close(r, c, "level");
}

/* Where it hangs: the parent (what the person may read and may sit under),
 * the axis, the owner (a person or a unit). */
static void fields_links(struct req *r, const struct fctx *c, const struct choices *ch)
{
	const struct objective *o = &c->o;
	const char *cur = val(r, "parent_id", id_text(r, o->parent_id));
	select_open(r, c, "parent_id", "form.parent");
	option(r, "", "—", cur);
	for (size_t i = 0; i < ch->nobjs; i++) {
		const struct objective *p = &ch->objs[i];
		if (p->id == o->id || p->status == ST_CANCELLED || !access_objective_read(&r->me, p) ||
		    p->level == LEVEL_INDIVIDUAL)
			continue;
		option(r, id_text(r, p->id), p->title, cur);
	}
	select_close(r, c, "parent_id");

	cur = val(r, "axis_id", id_text(r, o->axis_id));
	select_open(r, c, "axis_id", "form.axis");
	option(r, "", "—", cur);
	for (size_t i = 0; i < ch->naxes; i++)
		option(r, id_text(r, ch->axes[i].id), ch->axes[i].title, cur);
	select_close(r, c, "axis_id");

	cur = val(r, "owner", c->owner);
	select_open(r, c, "owner", "form.owner");
	option(r, "", "—", cur);
	buf_adds(&r->out, "<optgroup label=\"");
	html(r, T(r, "form.people"));
	buf_adds(&r->out, "\">");
	for (size_t i = 0; i < ch->npeople; i++)
		if (access_person_read(&r->me, &ch->people[i]))
			option(r, arena_printf(&r->arena, "p:%lld", (long long)ch->people[i].id),
			       ch->people[i].name, cur);
	buf_adds(&r->out, "</optgroup><optgroup label=\"");
	html(r, T(r, "form.units"));
	buf_adds(&r->out, "\">");
	for (size_t i = 0; i < ch->nunits; i++)
		option(r, arena_printf(&r->arena, "u:%lld", (long long)ch->units[i].id),
		       ch->units[i].name, cur);
	buf_adds(&r->out, "</optgroup>");
	/* an error on either owner field shows here */
	if (has_error(c, "owner_person_id") || has_error(c, "owner_unit_id")) {
		struct err e2 = *c->err;
		snprintf(e2.field, sizeof(e2.field), "owner");
		struct fctx c2 = *c;
		c2.err = &e2;
		select_close(r, &c2, "owner");
	} else {
		select_close(r, c, "owner");
	}
}

/* How it is measured: indicator, direction, baseline, target, unit; then
 * the period. */
static void fields_measure(struct req *r, const struct fctx *c, const struct choices *ch)
{
	const struct objective *o = &c->o;
	buf_adds(&r->out, "<fieldset><legend>");
	html(r, T(r, "form.measure"));
	buf_adds(&r->out, "</legend>");
	const char *cur = val(r, "indicator", o->indicator);
	select_open(r, c, "indicator", "obj.indicator");
	option(r, "", "—", cur);
	bool known = !*cur;
	for (size_t i = 0; i < ch->ninds; i++) {
		const struct indicator_row *ind = &ch->inds[i];
		option(r, ind->key, r->lang == LANG_EN ? ind->name_en : ind->name_fr, cur);
		known = known || !strcmp(ind->key, cur);
	}
	if (!known)
		option(r, cur, cur, cur);  /* a key the organisation does not have (yet) */
	select_close(r, c, "indicator");
	cur = val(r, "direction", direction_name(o->direction));
	select_open(r, c, "direction", "form.direction");
	for (int d = 0; d < DIR__COUNT; d++) {
		char key[32];
		snprintf(key, sizeof(key), "dir.%s", direction_name((enum direction)d));
		option(r, direction_name((enum direction)d), T(r, key), cur);
	}
	select_close(r, c, "direction");
	input(r, c, "baseline", "obj.baseline", "text", val(r, "baseline",
	      num_text(r, o->has_baseline, o->baseline)), "inputmode=\"decimal\"");
	input(r, c, "target", "col.target", "text", val(r, "target",
	      num_text(r, o->has_target, o->target)), "inputmode=\"decimal\"");
	input(r, c, "unit", "form.unit", "text", val(r, "unit", o->unit_label), NULL);
	buf_adds(&r->out, "</fieldset><fieldset><legend>");
	html(r, T(r, "obj.period"));
	buf_adds(&r->out, "</legend>");
	input(r, c, "start", "form.start", "date", val(r, "start", day_text(r, o->start)), NULL);
	input(r, c, "due", "col.due", "date", val(r, "due", day_text(r, o->due)), NULL);
	buf_adds(&r->out, "</fieldset>");
}

/* What, who, where, why, how; the status when editing. */
static void fields_texts_status(struct req *r, const struct fctx *c)
{
	const struct objective *o = &c->o;
	textarea(r, c, "what", "obj.what", val(r, "what", o->what));
	textarea(r, c, "who", "obj.who", val(r, "who", o->who));
	textarea(r, c, "where", "obj.where", val(r, "where", o->where_));
	textarea(r, c, "why", "obj.why_f", val(r, "why", o->why));
	textarea(r, c, "how", "obj.how", val(r, "how", o->how));
	if (c->editing) {
		const char *cur = val(r, "status", status_name(o->status));
		select_open(r, c, "status", "col.status");
		for (int s = 0; s < ST__COUNT; s++) {
			char key[32];
			snprintf(key, sizeof(key), "status.%s", status_name((enum status)s));
			option(r, status_name((enum status)s), T(r, key), cur);
		}
		select_close(r, c, "status");
	}
}

/* The form: an error without a field on top, the fields, the live SMART
 * check beside (filled by static/objective-form.js). */
static int render(struct req *r, struct fctx *c)
{
	struct choices ch;
	if (load_choices(r, &ch))
		return -1;
	const char *title = T(r, c->editing ? "form.edit_title" : "form.new_title");
	page_open_script(r, title, "objective-form.js");
	buf_adds(&r->out, "<h1>");
	html(r, title);
	buf_adds(&r->out, "</h1>");
	if (c->err && c->err->code && !c->err->field[0]) {
		struct buf m = BUF_INIT;
		err_message(c->err, r->lang, &m);
		buf_adds(&r->out, "<p class=\"error\" role=\"alert\">");
		html(r, m.data);
		buf_adds(&r->out, "</p>");
		buf_free(&m);
	}
	buf_adds(&r->out, "<div class=\"form-grid\"><form method=\"post\" id=\"objective-form\" novalidate");
	if (c->editing)
		buf_addf(&r->out, " action=\"/objectives/%lld/edit\"", (long long)c->o.id);
	else
		buf_adds(&r->out, " action=\"/objectives/new\"");
	buf_adds(&r->out, "><input type=\"hidden\" name=\"csrf\" value=\"");
	html(r, r->csrf);
	buf_adds(&r->out, "\">");
	/* the version the form was filled from: saved only over that one */
	if (c->editing)
		buf_addf(&r->out, "<input type=\"hidden\" name=\"version\" value=\"%lld\">",
			 (long long)c->o.version);
	fields_title_level(r, c);
	fields_links(r, c, &ch);
	fields_measure(r, c, &ch);
	fields_texts_status(r, c);
	buf_adds(&r->out, "<p><button type=\"submit\">");
	html(r, T(r, "form.save"));
	buf_adds(&r->out, "</button></p></form>");
	/* the live check: filled by the script as the person types */
	buf_adds(&r->out, "<aside class=\"smart-live\" aria-labelledby=\"smart-live-h\"><h2 id=\"smart-live-h\">");
	html(r, T(r, "obj.smart"));
	buf_adds(&r->out, "</h2><div id=\"smart-live\" aria-live=\"polite\"><p class=\"muted\">");
	html(r, T(r, "form.smart_wait"));
	buf_adds(&r->out, "</p></div></aside></div>");
	return page_close(r);
}

/* A level, direction or status by its name, as the API refuses a wrong one. */
static int form_enum(const char *name, const char *v, int (*parse)(const char *), int *out,
		     const char *allowed, struct err *e)
{
	*out = parse(v);
	return *out < 0 ? err_set(e, 422, "invalid_value", name, name, allowed) : 0;
}

/* The form as the use case's input (app/objective.h). Empty fields are left
 * out on create and cleared on edit (the person emptied them). */
static int form_input(struct req *r, bool editing, struct objective_input *in, struct err *e)
{
	memset(in, 0, sizeof(*in));
	static const struct { const char *name; uint32_t bit; } texts[] = {
		{ "title", OF_TITLE }, { "what", OF_WHAT }, { "who", OF_WHO }, { "where", OF_WHERE },
		{ "why", OF_WHY }, { "how", OF_HOW }, { "indicator", OF_INDICATOR },
		{ "unit", OF_UNIT } };
	const char **dst[] = { &in->title, &in->what, &in->who, &in->where, &in->why, &in->how,
			       &in->indicator, &in->unit };
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		const char *v = form(r, texts[i].name);
		if (v && (*v || (editing && i))) {
			in->set |= texts[i].bit;
			*dst[i] = *v ? v : NULL;
		}
	}
	int k;
	const char *v = form(r, "level");
	if (v && *v) {
		if (form_enum("level", v, level_parse, &k,
			      "strategic, operational, collective or individual", e))
			return -1;
		in->set |= OF_LEVEL;
		in->level = (enum level)k;
	}
	v = form(r, "direction");
	if (v && *v) {
		if (form_enum("direction", v, direction_parse, &k,
			      "increase, decrease, reach, stay_above or stay_below", e))
			return -1;
		in->set |= OF_DIRECTION;
		in->direction = (enum direction)k;
	}
	v = form(r, "status");
	if (v && *v) {
		if (form_enum("status", v, status_parse, &k,
			      "draft, proposed, agreed, achieved, missed or cancelled", e))
			return -1;
		in->set |= OF_STATUS;
		in->status = (enum status)k;
	}
	if ((v = form(r, "parent_id"))) {
		in->set |= OF_PARENT;
		in->parent_id = *v ? strtoll(v, NULL, 10) : 0;
	}
	if ((v = form(r, "axis_id"))) {
		in->set |= OF_AXIS;
		in->axis_id = *v ? strtoll(v, NULL, 10) : 0;
	}
	const char *owner = form(r, "owner");
	if (owner && (owner[0] == 'p' || owner[0] == 'u') && owner[1] == ':') {
		id_t64 id = strtoll(owner + 2, NULL, 10);
		in->set |= OF_OWNER_PERSON | OF_OWNER_UNIT;
		in->owner_person_id = owner[0] == 'p' ? id : 0;
		in->owner_unit_id = owner[0] == 'u' ? id : 0;
	}
	static const char *const nums[] = { "baseline", "target" };
	bool *has[] = { &in->has_baseline, &in->has_target };
	double *num[] = { &in->baseline, &in->target };
	for (int i = 0; i < 2; i++) {
		v = form(r, nums[i]);
		if (!v || (!*v && !editing))
			continue;
		in->set |= i ? OF_TARGET : OF_BASELINE;
		if (!*v)
			continue;
		/* "1 234,5" as a French person types it; never cut */
		if (web_number(v, num[i]))
			return err_set(e, 422, "invalid_value", nums[i], nums[i], v);
		*has[i] = true;
	}
	/* the version the form was filled from (editing): a form saved after
	 * someone else's change is refused (412 stale_version), not written
	 * over it; a version that is not a number matches none */
	v = editing ? form(r, "version") : NULL;
	if (v && *v) {
		in->if_match.on = true;
		char *end;
		long long ver = strtoll(v, &end, 10);
		if (!*end && ver > 0)
			in->if_match.v[in->if_match.n++] = ver;
	}
	static const char *const days[] = { "start", "due" };
	day_t *day[] = { &in->start, &in->due };
	for (int i = 0; i < 2; i++) {
		v = form(r, days[i]);
		if (!v || (!*v && !editing))
			continue;
		in->set |= i ? OF_DUE : OF_START;
		*day[i] = DAY_NONE;
		if (*v && date_parse_iso(v, day[i]))
			return err_set(e, 422, "invalid_date", days[i], days[i], v);
	}
	return 0;
}

static void fill_owner(struct req *r, struct fctx *c)
{
	if (c->o.owner_person_id)
		c->owner = arena_printf(&r->arena, "p:%lld", (long long)c->o.owner_person_id);
	else if (c->o.owner_unit_id)
		c->owner = arena_printf(&r->arena, "u:%lld", (long long)c->o.owner_unit_id);
	else
		c->owner = "";
}

int page_objective_new(struct req *r)
{
	struct fctx c;
	memset(&c, 0, sizeof(c));
	objective_init(&c.o);
	id_t64 parent = 0;
	if (query_id(r, "parent", &parent))
		return -1;
	c.o.level = LEVEL_INDIVIDUAL;
	c.o.start = c.o.due = DAY_NONE;
	if (parent) {
		struct objective p;
		if (store_objective_get(r->store, r->me.org_id, parent, &r->arena, &p, &r->err))
			return -1;
		if (!access_objective_read(&r->me, &p))
			return fail(r, 404, "not_found", NULL, "objective", NULL);
		c.o.parent_id = parent;
		c.o.level = p.level == LEVEL_STRATEGIC ? LEVEL_OPERATIONAL
			  : p.level == LEVEL_OPERATIONAL ? LEVEL_COLLECTIVE : LEVEL_INDIVIDUAL;
		c.o.start = p.start;
		c.o.due = p.due;
		c.o.indicator = p.indicator;
		c.o.direction = p.direction;
		c.o.unit_label = p.unit_label;
	}
	id_t64 owner = 0;
	if (query_id(r, "owner", &owner))
		return -1;
	if (owner)
		c.o.owner_person_id = owner;
	else if (r->me.role == ROLE_MEMBER)
		c.o.owner_person_id = r->me.person_id;
	fill_owner(r, &c);
	return render(r, &c);
}

int page_objective_new_post(struct req *r)
{
	struct fctx c;
	memset(&c, 0, sizeof(c));
	objective_init(&c.o);
	c.o.start = c.o.due = DAY_NONE;
	struct app a;
	req_app(r, &a);
	struct err keep;
	err_clear(&keep);
	struct objective_input in;
	struct objective made;
	if (!form_input(r, false, &in, &keep) && !app_objective_create(&a, &in, &made, &keep)) {
		web_redirect(r, arena_printf(&r->arena, "/objectives/%lld", (long long)made.id));
		return 0;
	}
	/* the form again, as it was typed, the error beside its field */
	c.err = &keep;
	c.owner = "";
	int rc = render(r, &c);
	r->status = keep.status ? keep.status : 422;
	return rc;
}

static int load_writable(struct req *r, struct fctx *c)
{
	if (store_objective_get(r->store, r->me.org_id, param_id(r, 0), &r->arena, &c->o, &r->err))
		return -1;
	if (!access_objective_read(&r->me, &c->o))
		return fail(r, 404, "not_found", NULL, "objective", NULL);
	if (!access_objective_write(&r->me, &c->o))
		return forbidden(r, "change this objective");
	c->editing = true;
	fill_owner(r, c);
	return 0;
}

int page_objective_edit(struct req *r)
{
	struct fctx c;
	memset(&c, 0, sizeof(c));
	if (load_writable(r, &c))
		return -1;
	return render(r, &c);
}

int page_objective_edit_post(struct req *r)
{
	struct fctx c;
	memset(&c, 0, sizeof(c));
	if (load_writable(r, &c))
		return -1;
	struct app a;
	req_app(r, &a);
	struct err keep;
	err_clear(&keep);
	struct objective_input in;
	struct objective done;
	if (!form_input(r, true, &in, &keep) &&
	    !app_objective_update(&a, c.o.id, &in, &done, &keep)) {
		web_redirect(r, arena_printf(&r->arena, "/objectives/%lld", (long long)done.id));
		return 0;
	}
	/* changed meanwhile: said above the form, which keeps what was typed
	 * and now carries the current version, so that saving again is a
	 * choice made knowing it */
	if (keep.code && !strcmp(keep.code, "stale_version"))
		keep.field[0] = 0;
	c.err = &keep;
	int rc = render(r, &c);
	r->status = keep.status ? keep.status : 422;
	return rc;
}
