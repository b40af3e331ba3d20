/* `cible`: the command table and the dispatcher. */
#include <stdio.h>
#include <string.h>
#include "app/rhythm.h"
#include "cli/cli.h"

static void usage_all(FILE *f)
{
	fputs("usage: cible <command> [options]\n\n"
	      "Management by objectives for sales teams and call centres.\n\ncommands:\n", f);
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-9s %s\n", c->name, c->summary);
	fputs("\n`cible <command> --help` tells more about a command.\n"
	      "Environment: CIBLE_DB (database path), CIBLE_LANG (fr or en), CIBLE_TODAY\n"
	      "(YYYY-MM-DD: the day that every command and the server take as today).\n", f);
}

int main(int argc, char **argv)
{
	app_tz_init();  /* before any thread: see app_local_day */
	if (argc < 2) {
		usage_all(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		if (argc > 2) {
			cli_usage(argv[2], 0);
			return 0;
		}
		usage_all(stdout);
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
					cli_usage(c->name, 0);
					return 0;
				}
			return c->fn(argc - 1, argv + 1);
		}
	struct buf b = BUF_INIT;
	cli_render(&b, "cli.unknown_command", cli_lang(), argv[1], NULL);
	fprintf(stderr, "cible: %s\n\n", b.data);
	buf_free(&b);
	usage_all(stderr);
	return 2;
}
