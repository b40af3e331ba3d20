/* An import's mapping (see import.h): "NAME=COLUMN[:TYPE]" arguments, and
 * the mapping as JSON and back (a saved mapping). No store: the fuzz target
 * fuzz_import links it with the core. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "app/import.h"

#define MAX_FIELDS IMPORT_MAX_FIELDS

static const char *const ftypes[] = { "text", "number", "bool", "time", "date", "duration",
				      "minutes" };

/* s is NULL or well-formed UTF-8 (no overlong form, no surrogate, at most
 * U+10FFFF). */
static bool utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (p && *p) {
		unsigned c = *p++;
		int more = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2
			 : (c & 0xf8) == 0xf0 ? 3 : -1;
		if (more < 0)
			return false;
		unsigned cp = more == 0 ? c : more == 1 ? c & 0x1f : more == 2 ? c & 0x0f : c & 0x07;
		for (int k = 0; k < more; k++, p++) {
			if ((*p & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (*p & 0x3f);
		}
		if ((more == 1 && cp < 0x80) || (more == 2 && cp < 0x800) ||
		    (more == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
	}
	return true;
}

int import_spec_check(const struct import_spec *spec, struct err *e)
{
	static const char *const need[] = { "kind", "person", "date" };
	const char *have[] = { spec->kind, spec->person, spec->date };
	for (int k = 0; k < 3; k++)
		if (!have[k] || !*have[k])
			return err_set(e, 422, "missing_field", need[k], need[k], NULL);
	if (!activity_kind_ok(spec->kind))
		return err_set(e, 422, "invalid_value", "kind", "kind",
			       "1 to 32 lower-case letters, digits or _ (call, sale, ticket...)");
	/* names and columns end up in the records' JSON and in a saved mapping */
	const char *cols[] = { spec->person, spec->date, spec->time, spec->id };
	static const char *const flags[] = { "person", "date", "time", "id" };
	for (int k = 0; k < 4; k++)
		if (!utf8_ok(cols[k]))
			return err_set(e, 422, "invalid_value", flags[k], flags[k], "text in UTF-8");
	for (int k = 0; k < spec->nfields; k++)
		if (!utf8_ok(spec->fields[k].name) || !utf8_ok(spec->fields[k].column))
			return err_set(e, 422, "invalid_value", "fields", "fields", "text in UTF-8");
	if (!utf8_ok(spec->save_as))
		return err_set(e, 422, "invalid_value", "save_mapping", "save_mapping",
			       "text in UTF-8");
	return 0;
}

int import_field_parse(const char *arg, struct import_field *f)
{
	/* NAME=COLUMN[:TYPE] */
	const char *eq = strchr(arg, '=');
	if (!eq || eq == arg)
		return -1;
	const char *colon = strrchr(eq + 1, ':');
	f->type = F_TEXT;
	size_t clen = strlen(eq + 1);
	if (colon) {
		int t = -1;
		for (int i = 0; i < F__COUNT; i++)
			if (!strcmp(colon + 1, ftypes[i]))
				t = i;
		if (t < 0)
			return -1;
		f->type = (enum import_ftype)t;
		clen = (size_t)(colon - eq - 1);
	}
	if (!clen)
		return -1;
	f->name = strndup(arg, (size_t)(eq - arg));
	f->column = strndup(eq + 1, clen);
	return 0;
}


const char *import_ftype_name(enum import_ftype t)
{
	return (int)t >= 0 && t < F__COUNT ? ftypes[t] : "text";
}

int import_ftype_parse(const char *s)
{
	for (int t = 0; s && t < F__COUNT; t++)
		if (!strcmp(s, ftypes[t]))
			return t;
	return -1;
}

char *import_spec_json(const struct import_spec *spec)
{
	json_t *fields = json_array();
	for (int k = 0; k < spec->nfields; k++)
		json_array_append_new(fields, json_pack("{s:s, s:s, s:s}", "name", spec->fields[k].name,
			"column", spec->fields[k].column, "type", ftypes[spec->fields[k].type]));
	json_t *o = json_pack("{s:s, s:s, s:s, s:o}", "kind", spec->kind, "person", spec->person,
			      "date", spec->date, "fields", fields);
	if (spec->time)
		json_object_set_new(o, "time", json_string(spec->time));
	if (spec->id)
		json_object_set_new(o, "id", json_string(spec->id));
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

static void take(char **dst, json_t *o, const char *key)
{
	const char *v = json_string_value(json_object_get(o, key));
	if (!*dst && v)
		*dst = strdup(v);
}

int import_spec_load(struct import_spec *spec, const char *text)
{
	json_error_t je;
	json_t *o = json_loads(text, 0, &je);
	if (!json_is_object(o)) {
		json_decref(o);
		return -1;
	}
	take(&spec->kind, o, "kind");
	take(&spec->person, o, "person");
	take(&spec->date, o, "date");
	take(&spec->time, o, "time");
	take(&spec->id, o, "id");
	if (!spec->nfields) {
		size_t i;
		json_t *f;
		json_array_foreach(json_object_get(o, "fields"), i, f) {
			const char *name = json_string_value(json_object_get(f, "name"));
			const char *col = json_string_value(json_object_get(f, "column"));
			int t = import_ftype_parse(json_string_value(json_object_get(f, "type")));
			if (!name || !col || spec->nfields == MAX_FIELDS)
				continue;
			struct import_field *m = &spec->fields[spec->nfields++];
			m->name = strdup(name);
			m->column = strdup(col);
			m->type = t < 0 ? F_TEXT : (enum import_ftype)t;
		}
	}
	json_decref(o);
	return 0;
}

void import_spec_free(struct import_spec *spec)
{
	for (int k = 0; k < spec->nfields; k++) {
		free(spec->fields[k].name);
		free(spec->fields[k].column);
	}
	free(spec->kind);
	free(spec->person);
	free(spec->date);
	free(spec->time);
	free(spec->id);
	memset(spec, 0, sizeof(*spec));
}

