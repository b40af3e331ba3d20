/* An import's mapping, before any file or store (src/app/import_spec.c):
 * its checks and its JSON round trip (a saved mapping). The UTF-8 cases
 * reproduce what fuzz_import found: a field name that is not UTF-8 passed
 * the checks, went raw into the records' JSON, and made the saved mapping's
 * JSON fail (saved as nothing, the import reporting success). */
#include <stdlib.h>
#include "app/import.h"
#include "t.h"

static void mapping(struct import_spec *s, const char *field_arg)
{
	memset(s, 0, sizeof(*s));
	s->kind = strdup("call");
	s->person = strdup("Agent");
	s->date = strdup("Date");
	if (field_arg) {
		CHECK_INT(import_field_parse(field_arg, &s->fields[0]), 0);
		s->nfields = 1;
	}
}

TEST("a mapping with kind, person and date passes its checks")
{
	struct import_spec s;
	struct err e;
	err_clear(&e);
	mapping(&s, "talk=AvgTalkDuration:time");
	CHECK_INT(import_spec_check(&s, &e), 0);
	import_spec_free(&s);
}

TEST("a field name that is not UTF-8 is refused: 422 invalid_value on fields")
{
	/* the input fuzz_import crashed on: bytes 0xb3 in a mapping word */
	struct import_spec s;
	struct err e;
	err_clear(&e);
	mapping(&s, "sp\xb3\xb3" "ed=#8:number");
	CHECK_INT(import_spec_check(&s, &e), -1);
	CHECK_INT(e.status, 422);
	CHECK_STR(e.code, "invalid_value");
	CHECK_STR(e.field, "fields");
	import_spec_free(&s);
}

TEST("a column that is not UTF-8, an overlong form or a surrogate is refused")
{
	static const char *const bad[] = { "p\xb3\xb3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
					   "\xe2\x82" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct import_spec s;
		struct err e;
		err_clear(&e);
		mapping(&s, NULL);
		free(s.person);
		s.person = strdup(bad[i]);
		CHECK_INT(import_spec_check(&s, &e), -1);
		CHECK_STR(e.field, "person");
		import_spec_free(&s);
	}
}

TEST("accented names pass, and a checked mapping comes back the same from its JSON")
{
	struct import_spec s, back;
	struct err e;
	err_clear(&e);
	mapping(&s, "durée=Durée décroché (s):number");
	free(s.person);
	s.person = strdup("Conseiller \xf0\x9f\x93\x9e");
	CHECK_INT(import_spec_check(&s, &e), 0);
	char *json = import_spec_json(&s);
	CHECK(json != NULL);
	memset(&back, 0, sizeof(back));
	CHECK_INT(import_spec_load(&back, json ? json : "{}"), 0);
	CHECK_STR(back.person ? back.person : "", s.person);
	CHECK_INT(back.nfields, 1);
	if (back.nfields == 1) {
		CHECK_STR(back.fields[0].name, "durée");
		CHECK_STR(back.fields[0].column, "Durée décroché (s)");
		CHECK_INT(back.fields[0].type, F_NUMBER);
	}
	free(json);
	import_spec_free(&back);
	import_spec_free(&s);
}

TEST("a mapping without kind, person or date is missing_field naming it")
{
	struct import_spec s;
	struct err e;
	err_clear(&e);
	mapping(&s, NULL);
	free(s.date);
	s.date = NULL;
	CHECK_INT(import_spec_check(&s, &e), -1);
	CHECK_STR(e.code, "missing_field");
	CHECK_STR(e.field, "date");
	import_spec_free(&s);
}

T_MAIN("import_spec")
