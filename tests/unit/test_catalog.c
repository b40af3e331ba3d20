/* The error catalog read as a person reads it: every code in both languages,
 * the same placeholders in each, no sentence that mixes French and English,
 * and every phrase the sources pass to a {0:w} or {1:w} translated. The last
 * check reads the sources themselves (the suite runs from the repository's
 * root), so a new `err_set(e, 403, "forbidden", NULL, "do a new thing", NULL)`
 * fails here until "do a new thing" is in err_words. */
#define _XOPEN_SOURCE 700
#include <ctype.h>
#include <ftw.h>
#include <stdlib.h>
#include "core/err.h"
#include "app/import.h"
#include "cli/cli.h"
#include "core/smart.h"
#include "core/words.h"
#include "web/web.h"
#include "t.h"

/* Words that betray the other language, matched as whole words. */
static const char *const english_marks[] = { "the", "is", "must", "not", "this", "with",
	"and", "you", "objective", "cannot", "at most", "of", NULL };
static const char *const french_marks[] = { "le", "la", "les", "est", "doit", "pas", "une",
	"des", "objectif", "au plus", "du", "ou", "vous", NULL };

static int has_word(const char *text, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = text; (p = strstr(p, w)); p++) {
		int before = p == text || !isalpha((unsigned char)p[-1]);
		int after = !isalpha((unsigned char)p[n]) && (unsigned char)p[n] < 0x80;
		if (before && after)
			return 1;
	}
	return 0;
}

/* The first mark found in text outside quotes: what stands between « and »
 * (French) or between ' and ' (English) is a name or a value, not prose. */
static const char *mark_in(const char *text, const char *const *marks)
{
	char prose[2048];
	snprintf(prose, sizeof(prose), "%s", text);
	for (char *p = strstr(prose, "«"); p; p = strstr(p, "«")) {
		char *e = strstr(p, "»");
		if (!e)
			break;
		memset(p, ' ', (size_t)(e - p) + strlen("»"));
	}
	if (marks == english_marks)
		goto look;
	for (char *p = prose; (p = strchr(p, '\'')); ) {
		char *e = strchr(p + 1, '\'');
		if (!e)
			break;
		memset(p, ' ', (size_t)(e - p) + 1);
		p = e + 1;
	}
look:
	for (int i = 0; marks[i]; i++)
		if (has_word(prose, marks[i]))
			return marks[i];
	return NULL;
}

/* "{0}", "{1:w}"... as a small bit set: 1 for {0}, 2 for {1}. */
static int placeholders(const char *t)
{
	int set = 0;
	for (const char *p = t; (p = strchr(p, '{')); p++)
		if ((p[1] == '0' || p[1] == '1') && (p[2] == '}' || p[2] == ':'))
			set |= 1 << (p[1] - '0');
	return set;
}

static int word_slot(const char *tmpl, int n)
{
	char want[8] = { '{', (char)('0' + n), ':', 'w', '}', 0 };
	return tmpl && strstr(tmpl, want) != NULL;
}

static void check_table(const char *name, const struct msg *t, int same_args)
{
	for (; t->key; t++) {
		int ok = t->fr && *t->fr && t->en && *t->en;
		if (!ok)
			fprintf(stderr, "    %s: %s lacks a language\n", name, t->key);
		CHECK(ok);
		if (!ok)
			continue;
		const char *m = mark_in(t->fr, english_marks);
		if (m)
			fprintf(stderr, "    %s: %s: French text has the English '%s': %s\n", name,
				t->key, m, t->fr);
		CHECK(m == NULL);
		m = mark_in(t->en, french_marks);
		if (m)
			fprintf(stderr, "    %s: %s: English text has the French '%s': %s\n", name,
				t->key, m, t->en);
		CHECK(m == NULL);
		if (same_args && placeholders(t->fr) != placeholders(t->en)) {
			fprintf(stderr, "    %s: %s: the two languages take different arguments\n",
				name, t->key);
			CHECK(0);
		}
	}
}

TEST("every error code reads in French and in English, with the same arguments, unmixed")
{
	check_table("err_catalog", err_catalog, 1);
	check_table("err_variants", err_variants, 1);
}

TEST("every phrase of the code is translated and unmixed")
{
	check_table("err_words", err_words, 1);
}

TEST("the SMART reasons and suggestions are in both languages, unmixed")
{
	check_table("smart_messages", smart_messages, 1);
	check_table("smart_suggestions", smart_suggestions, 0);
}

TEST("the pages read in French and in English, unmixed")
{
	check_table("web_catalog", web_catalog, 1);
	check_table("challenge_page_catalog", challenge_page_catalog, 1);
	check_table("rhythm_page_catalog", rhythm_page_catalog, 1);
	check_table("notify_page_catalog", notify_page_catalog, 1);
	check_table("review_page_catalog", review_page_catalog, 1);
}

TEST("the command line's sentences and words are in both languages, unmixed")
{
	check_table("cli_catalog", cli_catalog, 1);
	check_table("words_catalog", words_catalog, 1);
	check_table("import_reasons", import_reasons, 1);
}

/* ---- the command line: every key its sources name is in cli_catalog, and
 * the files moved to the catalog print no sentence of their own ---- */

static int cli_keys_seen, cli_problems;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *text = malloc((size_t)size + 1);
	size_t got = fread(text, 1, (size_t)size, f);
	text[got] = 0;
	fclose(f);
	return text;
}

/* A literal "word.word" key: what cli_say/cli_text/cli_render/say take. */
static void cli_scan(const char *path, const char *text)
{
	for (const char *p = text; (p = strchr(p, '"')); ) {
		const char *q = p + 1;
		while (*q == '_' || *q == '.' || islower((unsigned char)*q))
			q++;
		size_t n = (size_t)(q - p - 1);
		const char *dot = memchr(p + 1, '.', n);
		static const char *const groups[] = { "cli.", "progress.", "check.", "challenge.",
			"rhythm.", "import.", "metric.", "user.", "restore.", NULL };
		int ours = 0;
		for (int g = 0; groups[g]; g++)
			if (!strncmp(p + 1, groups[g], strlen(groups[g])))
				ours = 1;
		if (*q == '"' && dot && ours && dot[1]) {
			char key[64];
			snprintf(key, sizeof(key), "%.*s", (int)n, p + 1);
			cli_keys_seen++;
			if (!msg_text(cli_catalog, key, LANG_FR) || !msg_text(cli_catalog, key, LANG_EN)) {
				fprintf(stderr, "    %s: key %s is not in cli_catalog\n", path, key);
				cli_problems++;
			}
		}
		p = *q == '"' ? q + 1 : q;
		if (!*p)
			break;
	}
}

TEST("every key the command line names is in its catalog; the moved commands print no sentence of their own")
{
	static const char *const files[] = { "src/cli/commands.c", "src/cli/main.c",
		"src/cli/cmd_progress.c", "src/cli/cmd_check.c", "src/cli/cmd_challenge.c",
		"src/cli/cmd_rhythm.c", "src/cli/cmd_import.c", "src/cli/cmd_metric.c",
		"src/cli/cmd_user.c", "src/cli/cmd_backup.c", NULL };
	static const char *const moved[] = { "src/cli/cmd_progress.c", "src/cli/cmd_check.c",
		"src/cli/cmd_challenge.c", "src/cli/cmd_rhythm.c", "src/cli/cmd_import.c", NULL };
	for (int i = 0; files[i]; i++) {
		char *text = slurp(files[i]);
		CHECK(text != NULL);
		if (!text)
			continue;
		cli_scan(files[i], text);
		for (int m = 0; moved[m]; m++)
			if (!strcmp(moved[m], files[i]) && strstr(text, "fprintf(stderr, \"cible")) {
				fprintf(stderr, "    %s prints an error of its own (not cli_say)\n", files[i]);
				cli_problems++;
			}
		free(text);
	}
	CHECK(cli_keys_seen > 40);
	CHECK_INT(cli_problems, 0);
}

/* ---- the sources: every err_set/fail call with a literal code ---- */

static int calls_seen, problems;

/* Reads one C string literal at p (at its opening quote) into out. */
static const char *literal(const char *p, char *out, size_t n)
{
	size_t k = 0;
	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\' && p[1])
			p++;
		if (k + 1 < n)
			out[k++] = *p;
	}
	out[k] = 0;
	return *p ? p + 1 : p;
}

/* Splits the arguments of a call (p just after its '(') into at most 8,
 * each either a literal (text in lit[i], is_lit[i]) or something else. */
static int split_args(const char *p, char lit[8][256], int is_lit[8])
{
	int n = 0, depth = 0;
	memset(is_lit, 0, 8 * sizeof(int));
	const char *start = p;
	for (; *p; p++) {
		if (*p == '"') {
			const char *s = start;
			while (isspace((unsigned char)*s))
				s++;
			if (s == p && n < 8 && depth == 0) {
				const char *e = literal(p, lit[n], 256);
				const char *after = e;
				while (isspace((unsigned char)*after))
					after++;
				is_lit[n] = *after == ',' || *after == ')';
				p = e - 1;
			} else {
				char skip[256];
				p = literal(p, skip, sizeof(skip)) - 1;
			}
			continue;
		}
		if (*p == '\'') {
			p += p[1] == '\\' ? 3 : 2;
			continue;
		}
		if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if (*p == ')' || *p == ']' || *p == '}') {
			if (depth-- == 0)
				return n + 1;
		} else if (*p == ',' && depth == 0) {
			n++;
			start = p + 1;
			if (n >= 8)
				return n;
		}
	}
	return n;
}

static void check_phrase(const char *file, int line, const char *code, int k, const char *a)
{
	const char *fr = msg_text(err_catalog, code, LANG_FR);
	if (word_slot(fr, k)) {
		if (!msg_text(err_words, a, LANG_FR)) {
			fprintf(stderr, "    %s:%d: \"%s\" (argument %d of %s) is not in err_words\n",
				file, line, a, k, code);
			problems++;
		}
	} else if (strchr(a, ' ') && mark_in(a, english_marks)) {
		fprintf(stderr, "    %s:%d: \"%s\" is an English phrase in {%d} of %s, "
			"which is printed as it is: mark it {%d:w}\n", file, line, a, k, code, k);
		problems++;
	}
}

/* The calls that raise an error, and where their code and phrases are:
 * err_set(e, status, code, field, a0, a1), fail(r, ...) alike, and the
 * helpers that fix the code (forbidden(r, what) in src/http...). */
static const struct raiser {
	const char *name;
	const char *code;     /* NULL: a literal argument at code_at */
	int code_at, a0_at, a1_at, min_args;
} raisers[] = {
	{ "err_set(", NULL, 2, 4, 5, 6 },
	{ "fail(", NULL, 2, 4, 5, 6 },
	{ "forbidden(", "forbidden", -1, 1, -1, 2 },
	{ "forbid(", "forbidden", -1, 0, -1, 2 },
	{ "bad_type(", "invalid_type", -1, -1, 2, 3 },
	{ "app_org_write_check(", "forbidden", -1, 1, -1, 3 },
	{ "db_run_update(", "not_found", -1, 1, -1, 3 },
	{ "db_one_row(", "not_found", -1, 1, -1, 3 },
	{ NULL, NULL, 0, 0, 0, 0 },
};

static void check_call(const struct raiser *w, const char *file, int line, const char *args)
{
	char lit[8][256];
	int is_lit[8];
	int n = split_args(args, lit, is_lit);
	if (n < w->min_args || (!w->code && !is_lit[w->code_at]))
		return;
	calls_seen++;
	const char *code = w->code ? w->code : lit[w->code_at];
	if (!msg_text(err_catalog, code, LANG_FR)) {
		fprintf(stderr, "    %s:%d: error code \"%s\" is not in err_catalog\n", file, line, code);
		problems++;
		return;
	}
	if (w->a0_at >= 0 && is_lit[w->a0_at])
		check_phrase(file, line, code, 0, lit[w->a0_at]);
	if (w->a1_at >= 0 && is_lit[w->a1_at])
		check_phrase(file, line, code, 1, lit[w->a1_at]);
}

static void scan_text(const char *file, const char *text)
{
	for (const struct raiser *w = raisers; w->name; w++) {
		size_t n = strlen(w->name);
		for (const char *p = text; (p = strstr(p, w->name)); p += n) {
			if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
				continue;
			int line = 1;
			for (const char *c = text; c < p; c++)
				line += *c == '\n';
			check_call(w, file, line, p + n);
		}
	}
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	size_t n = strlen(path);
	if (type != FTW_F || n < 2 || strcmp(path + n - 2, ".c"))
		return 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *text = malloc((size_t)size + 1);
	size_t got = fread(text, 1, (size_t)size, f);
	text[got] = 0;
	fclose(f);
	scan_text(path, text);
	free(text);
	return 0;
}

TEST("every error the sources raise is in the catalog, and its phrases in err_words")
{
	CHECK(nftw("src", visit, 16, FTW_PHYS) == 0);
	CHECK(calls_seen > 100);  /* the scan found the calls it is about */
	CHECK_INT(problems, 0);
}

TEST("a phrase is printed in the language asked, a value as it was sent")
{
	struct err e;
	struct buf b;
	buf_init(&b);
	err_set(&e, 403, "forbidden", NULL, "check in on this objective", NULL);
	err_message(&e, LANG_FR, &b);
	CHECK_STR(b.data, "vous n'avez pas le droit de faire un point sur cet objectif");
	buf_reset(&b);
	err_message(&e, LANG_EN, &b);
	CHECK_STR(b.data, "you are not allowed to check in on this objective");
	buf_reset(&b);
	err_set(&e, 404, "not_found", NULL, "objective", NULL);
	err_message(&e, LANG_FR, &b);
	CHECK_STR(b.data, "objectif introuvable");
	buf_reset(&b);
	err_set(&e, 422, "invalid_value", "weight", "weight", "a number above 0 and at most 1000");
	err_message(&e, LANG_FR, &b);
	CHECK_STR(b.data, "valeur invalide pour « weight » : un nombre supérieur à 0 et d'au plus 1 000");
	buf_reset(&b);
	/* a value the user sent is never translated, even when it is a phrase */
	err_set(&e, 422, "invalid_date", "due", "due", "objective");
	err_message(&e, LANG_FR, &b);
	CHECK_STR(b.data, "date invalide pour « due » : objective");
	buf_free(&b);
}

T_MAIN("catalog")
