/* buf, arena and the message catalogs. */
#include <stdint.h>
#include <stdlib.h>
#include "t.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"

TEST("a new buffer reads as an empty string")
{
	struct buf b = BUF_INIT;
	CHECK_STR(b.data, "");
	CHECK_INT(b.len, 0);
	buf_free(&b);
}

TEST("appending grows the buffer and keeps it NUL-terminated")
{
	struct buf b = BUF_INIT;
	for (int i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i % 10);
	CHECK_INT(b.len, 2000);
	CHECK_INT(b.data[b.len], 0);
	CHECK(!strncmp(b.data, "0,1,2,", 6));
	buf_reset(&b);
	CHECK_STR(b.data, "");
	buf_free(&b);
}

TEST("HTML escaping covers the five special characters")
{
	struct buf b = BUF_INIT;
	buf_add_html(&b, "<a href=\"x\">l'été & co</a>");
	CHECK_STR(b.data, "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt;");
	buf_free(&b);
}

TEST("detaching hands over the string and leaves the buffer empty")
{
	struct buf b = BUF_INIT;
	buf_adds(&b, "abc");
	size_t n;
	char *s = buf_detach(&b, &n);
	CHECK_STR(s, "abc");
	CHECK_INT(n, 3);
	CHECK_STR(b.data, "");
	free(s);
	s = buf_detach(&b, NULL);
	CHECK_STR(s, "");
	free(s);
}

TEST("the arena returns zeroed, aligned memory, big blocks included")
{
	struct arena a;
	arena_init(&a);
	for (int i = 1; i < 200; i++) {
		unsigned char *p = arena_alloc(&a, (size_t)i * 37);
		CHECK(((uintptr_t)p & 15) == 0);
		CHECK(p[0] == 0 && p[i * 37 - 1] == 0);
		p[0] = 1;
	}
	char *big = arena_alloc(&a, 100000);
	CHECK(big[99999] == 0);
	CHECK_STR(arena_strdup(&a, "été"), "été");
	CHECK(arena_strdup(&a, NULL) == NULL);
	CHECK_STR(arena_printf(&a, "%s-%d", "x", 42), "x-42");
	arena_free(&a);
}

TEST("errors render in French and in English with their arguments")
{
	struct err e;
	err_clear(&e);
	CHECK_INT(err_set(&e, 422, "invalid_date", "due", "due", "2027-02-30"), -1);
	struct buf fr = BUF_INIT, en = BUF_INIT;
	err_message(&e, LANG_FR, &fr);
	err_message(&e, LANG_EN, &en);
	CHECK_STR(fr.data, "date invalide pour « due » : 2027-02-30");
	CHECK_STR(en.data, "invalid date for 'due': 2027-02-30");
	CHECK_STR(e.field, "due");
	CHECK_INT(e.status, 422);
	buf_free(&fr);
	buf_free(&en);
}

TEST("every error code has a text in both languages")
{
	for (const struct msg *m = err_catalog; m->key; m++) {
		CHECK(m->fr && m->fr[0]);
		CHECK(m->en && m->en[0]);
	}
}

TEST("Accept-Language picks English only when English comes first")
{
	CHECK_INT(lang_parse("en-GB,en;q=0.9,fr;q=0.8"), LANG_EN);
	CHECK_INT(lang_parse("fr-FR,fr;q=0.9,en;q=0.8"), LANG_FR);
	CHECK_INT(lang_parse(NULL), LANG_FR);
	CHECK_INT(lang_parse("de"), LANG_FR);
}

T_MAIN("buf")
