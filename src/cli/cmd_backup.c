/* `cible backup` and `cible restore`: an online copy of the database while
 * the server runs, and its way back into a database (store_backup,
 * store_restore). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"

int cmd_backup(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "to", required_argument, 0, 't' },
		{ 0, 0, 0, 0 } };
	const char *db = NULL, *to = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 't': to = optarg; break;
		default: cli_usage("backup", 1); return 2;
		}
	}
	if (!to || optind != argc) {
		cli_usage("backup", 1);
		return 2;
	}
	struct store *s = cli_open("backup", cli_db_path(db));
	if (!s)
		return 1;
	struct err e;
	err_clear(&e);
	int rc = store_backup(s, to, &e);
	store_close(s);
	if (rc) {
		cli_error("backup", &e);
		return 1;
	}
	printf("%s\n", to);
	return 0;
}

int cmd_restore(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "from", required_argument, 0, 'f' },
		{ "force", no_argument, 0, 'F' }, { 0, 0, 0, 0 } };
	const char *db = NULL, *from = NULL;
	int force = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'f': from = optarg; break;
		case 'F': force = 1; break;
		default: cli_usage("restore", 1); return 2;
		}
	}
	if (!from || optind != argc) {
		cli_usage("restore", 1);
		return 2;
	}
	const char *path = cli_db_path(db);
	struct err e;
	err_clear(&e);
	int there = store_exists(path, &e);
	if (there < 0) {
		cli_error("restore", &e);
		return 1;
	}
	if (!force && there) {
		char where[512];
		cli_say("restore", "restore.exists", store_describe(path, where, sizeof(where)), NULL);
		return 1;
	}
	if (store_restore(from, path, &e)) {
		cli_error("restore", &e);
		return 1;
	}
	/* opening applies any newer migration to the restored copy */
	struct store *s = cli_open("restore", path);
	if (!s)
		return 1;
	char where[512];
	printf("%s restored from %s (schema %d)\n", store_describe(path, where, sizeof(where)), from,
	       store_schema_version(s));
	store_close(s);
	return 0;
}
