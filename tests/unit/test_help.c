/* The French --help of every command says the same as the English one where
 * a person copies from it: the same flags, variables and config keys, in the
 * same order; and cli_help_lang() picks the language as documented. */
#include <stdlib.h>
#include "cli/cli.h"
#include "t.h"

/* The tokens of text a person types as they are: --flags, $VARIABLES and
 * CIBLE_ names, each once, in order of first appearance, joined by spaces. */
static void tokens(const char *text, struct buf *out)
{
	for (const char *p = text; *p; p++) {
		size_t n = 0;
		if (p[0] == '-' && p[1] == '-' && (p == text || p[-1] == ' ' || p[-1] == '[' ||
						   p[-1] == '(' || p[-1] == '\n'))
			n = 2;
		else if (!strncmp(p, "CIBLE_", 6) && (p == text || p[-1] != '_'))
			n = 6;
		if (!n)
			continue;
		while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z') ||
		       (p[n] >= '0' && p[n] <= '9') || p[n] == '-' || p[n] == '_')
			n++;
		char tok[64];
		snprintf(tok, sizeof(tok), " %.*s ", (int)n, p);
		if (!out->data || !strstr(out->data, tok))
			buf_addf(out, "%.*s ", (int)n, p);
		p += n - 1;
	}
}

TEST("every command has its French --help, with the English one's flags and variables")
{
	int n = 0;
	for (const struct command *c = commands; c->name; c++, n++) {
		const struct command_help *h = &commands_fr[n];
		CHECK(h->name != NULL);
		if (!h->name)
			break;
		CHECK_STR(h->name, c->name);
		CHECK(strlen(h->summary) > 10);
		struct buf en = BUF_INIT, fr = BUF_INIT;
		buf_adds(&en, " ");
		buf_adds(&fr, " ");
		tokens(c->usage, &en);
		tokens(h->usage, &fr);
		CHECK_STR(fr.data, en.data);
		CHECK(!strncmp(h->usage, "usage : cible ", 14));
		CHECK_STR(cli_help(c->name, LANG_FR, 0), h->usage);
		CHECK_STR(cli_help(c->name, LANG_EN, 0), c->usage);
		CHECK_STR(cli_help(c->name, LANG_FR, 1), h->summary);
		buf_free(&en);
		buf_free(&fr);
	}
	CHECK(commands_fr[n].name == NULL);
	CHECK(cli_help("nope", LANG_FR, 0) == NULL);
}

TEST("help is in the language of --lang, else CIBLE_LANG, else the locale, else English")
{
	static const struct {
		const char *lang_flag, *cible_lang, *lc_all, *lc_messages, *lang;
		enum lang want;
	} cases[] = {
		{ NULL, NULL, NULL, NULL, NULL, LANG_EN },
		{ NULL, NULL, NULL, NULL, "fr_FR.UTF-8", LANG_FR },
		{ NULL, NULL, NULL, NULL, "C.UTF-8", LANG_EN },
		{ NULL, NULL, NULL, "fr_CA.UTF-8", "en_GB.UTF-8", LANG_FR },
		{ NULL, NULL, "C", "fr_FR.UTF-8", "fr_FR.UTF-8", LANG_EN },
		{ NULL, NULL, "", "", "fr_BE", LANG_FR },
		{ NULL, "en", NULL, NULL, "fr_FR.UTF-8", LANG_EN },
		{ NULL, "fr", "C", NULL, NULL, LANG_FR },
		{ "en", "fr", NULL, NULL, "fr_FR.UTF-8", LANG_EN },
		{ "fr", NULL, NULL, NULL, NULL, LANG_FR },
		{ "de", NULL, NULL, NULL, "fr_FR", LANG_FR },
	};
	const char *names[] = { "CIBLE_LANG", "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		const char *values[] = { cases[i].cible_lang, cases[i].lc_all, cases[i].lc_messages,
					 cases[i].lang };
		for (int v = 0; v < 4; v++)
			if (values[v])
				setenv(names[v], values[v], 1);
			else
				unsetenv(names[v]);
		char *argv[] = { "cible", "progress", "--help", "--lang", (char *)cases[i].lang_flag,
				 NULL };
		int argc = cases[i].lang_flag ? 5 : 3;
		CHECK_INT(cli_help_lang(argc, argv), cases[i].want);
	}
	unsetenv("CIBLE_LANG");
}
T_MAIN("help")
