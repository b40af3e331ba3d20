/* `cible`: the command table and the dispatcher. */
#include <stdio.h>
#include <string.h>
#include "app/rhythm.h"
#include "cli/cli.h"

static void usage_all(FILE *f, enum lang lang)
{
	if (lang == LANG_FR)
		fputs("usage : cible <commande> [options]\n\n"
		      "Le management par objectifs des équipes commerciales et des centres "
		      "d'appels.\n\ncommandes :\n", f);
	else
		fputs("usage: cible <command> [options]\n\n"
		      "Management by objectives for sales teams and call centres.\n\ncommands:\n", f);
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-13s %s\n", c->name, cli_help(c->name, lang, 1));
	if (lang == LANG_FR)
		fputs("\n`cible <commande> --help` en dit plus sur une commande.\n"
		      "Environnement : CIBLE_DB (chemin de la base), CIBLE_LANG (fr ou en),\n"
		      "CIBLE_TODAY (AAAA-MM-JJ : le jour que chaque commande et le serveur prennent\n"
		      "pour aujourd'hui). L'aide est en français quand --lang fr, CIBLE_LANG=fr ou la\n"
		      "locale (LC_ALL, LC_MESSAGES, LANG) le demande.\n", f);
	else
		fputs("\n`cible <command> --help` tells more about a command.\n"
		      "Environment: CIBLE_DB (database path), CIBLE_LANG (fr or en), CIBLE_TODAY\n"
		      "(YYYY-MM-DD: the day that every command and the server take as today).\n"
		      "Help is in French with --lang fr, CIBLE_LANG=fr or a French locale (LC_ALL,\n"
		      "LC_MESSAGES, LANG).\n", f);
}

int main(int argc, char **argv)
{
	app_tz_init();  /* before any thread: see app_local_day */
	if (argc < 2) {
		usage_all(stderr, cli_help_lang(argc, argv));
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		cli_lang_set(cli_help_lang(argc, argv));
		if (argc > 2 && strcmp(argv[2], "--lang")) {
			cli_usage(argv[2], 0);
			return 0;
		}
		usage_all(stdout, cli_lang());
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		puts("cible 0.1.0");
		return 0;
	}
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, argv[1])) {
			for (int i = 2; i < argc; i++)
				if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
					cli_lang_set(cli_help_lang(argc, argv));
					cli_usage(c->name, 0);
					return 0;
				}
			return c->fn(argc - 1, argv + 1);
		}
	cli_lang_set(cli_help_lang(argc, argv));
	struct buf b = BUF_INIT;
	cli_render(&b, "cli.unknown_command", cli_lang(), argv[1], NULL);
	fprintf(stderr, "cible: %s\n\n", b.data);
	buf_free(&b);
	usage_all(stderr, cli_lang());
	return 2;
}
