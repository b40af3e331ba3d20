/* libFuzzer target for JSON bodies: the bytes are a request body, parsed as
 * the handlers' req_json_object does (http_json_object: duplicate keys,
 * \u0000, depth, not an object), checked against a field table holding
 * every jtype nullable and not (json_check_shape, as every handler runs it
 * before its use case), then read with the jget_* helpers the handlers use;
 * the objects of the "fields" array go through a second table, as the
 * import's mapping does. What the check lets through must read back as its
 * type says. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/date.h"
#include "core/model.h"
#include "http/http.h"
#include "http/parse.h"

static const struct jfield spec[] = {
	{ "title", J_STRING, 0 }, { "comment", J_STRING, 1 }, { "owner_id", J_ID, 0 },
	{ "parent_id", J_ID, 1 }, { "target", J_NUMBER, 1 }, { "baseline", J_NUMBER, 0 },
	{ "done", J_BOOL, 0 }, { "deadline", J_DATE, 1 }, { "start", J_DATE, 0 },
	{ "units", J_ARRAY, 0 }, { "fields", J_ARRAY, 1 }, { "weight", J_INT, 0 },
	{ "version", J_INT, 1 }, { "means", J_OBJECT, 1 }, { "data", J_TEXT, 0 },
	{ "direction", J_STRING, 0 }, { NULL, 0, 0 }
};
static const struct jfield field_spec[] = {
	{ "name", J_STRING, 0 }, { "column", J_STRING, 0 }, { "type", J_STRING, 1 },
	{ NULL, 0, 0 }
};

static void read_fields(json_t *o, struct arena *a)
{
	const char *s;
	id_t64 id;
	double d;
	int is_null;
	bool b;
	day_t day;
	int dir;
	unsigned set = 0;
	struct err e;
	err_clear(&e);
	if (jget_str(o, "title", a, &s) && (!s || strlen(s) > 20000 * 4))
		abort();  /* a checked J_STRING is a string of 20,000 characters at most */
	(void)jget_str_set(o, "comment", a, &s, 1, &set);
	if (jget_id(o, "owner_id", &id) && id <= 0)
		abort();  /* J_ID: positive */
	(void)jget_id_set(o, "parent_id", &id, 2, &set);
	(void)jget_num(o, "target", &d, &is_null);
	if (jget_num(o, "baseline", &d, &is_null) && is_null)
		abort();  /* not nullable */
	(void)jget_bool(o, "done", &b);
	err_clear(&e);
	(void)jget_date(o, "deadline", &day, &e);
	err_clear(&e);
	(void)jget_date(o, "start", &day, &e);
	err_clear(&e);
	(void)jget_enum(o, "direction", direction_parse, &dir, "up or down", &e);
	if (jget_array_text(o, "units", a, &s) && (!s || s[0] != '['))
		abort();
	if (jget_str(o, "data", a, &s) && !s)
		abort();
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(o, "fields"), i, f) {
		err_clear(&e);
		if (!json_is_object(f) || json_check_shape(f, field_spec, &e))
			continue;
		const char *name = NULL, *col = NULL;
		(void)jget_str(f, "name", a, &name);
		(void)jget_str(f, "column", a, &col);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e;
	err_clear(&e);
	json_t *o = http_json_object((const char *)data, size, &e);
	if (!o) {
		if (e.status != 400 || strcmp(e.code, "malformed_json"))
			abort();
		struct buf m = BUF_INIT;
		err_message(&e, LANG_FR, &m);
		buf_free(&m);
		return 0;
	}
	if (!json_is_object(o))
		abort();
	err_clear(&e);
	if (json_check_shape(o, spec, &e)) {
		if (e.status != 400 && e.status != 422)
			abort();
		struct buf m = BUF_INIT;
		err_message(&e, LANG_EN, &m);
		buf_free(&m);
	} else {
		struct arena a;
		arena_init(&a);
		read_fields(o, &a);
		arena_free(&a);
	}
	json_decref(o);
	return 0;
}
