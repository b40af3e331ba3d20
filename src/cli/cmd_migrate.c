/* `cible migrate-store`: an organisation's data (or every organisation's)
 * moved from one store to another, SQLite to PostgreSQL or back, through
 * the store's copy (store_copy_org): both stores are opened, which brings
 * them to this program's schema or refuses one newer, then each
 * organisation is copied in one transaction on the target. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "store/store_notify.h"  /* store_org_ids */

static const struct msg texts[] = {
	{ "copied", "organisation {0} copiée : {1}", "organisation {0} copied: {1}" },
	{ "counts", "%d tables, %lld lignes, %lld mois de mesures",
	  "%d tables, %lld rows, %lld measure months" },
	{ "same", "--from et --to désignent la même base", "--from and --to name the same database" },
	{ "bad_org", "--org attend le numéro d'une organisation", "--org takes an organisation's number" },
	{ NULL, NULL, NULL },
};

static void say(FILE *f, const char *key, const char *a0, const char *a1)
{
	struct buf b = BUF_INIT;
	msg_render(&b, msg_text(texts, key, cli_lang()), a0, a1);
	fprintf(f, f == stderr ? "cible migrate-store: %s\n" : "%s\n", b.data);
	buf_free(&b);
}

static int copy_one(struct store *from, struct store *to, id_t64 org, int replace)
{
	struct err e;
	err_clear(&e);
	struct store_copy_count n;
	if (store_copy_org(from, to, org, replace, &n, &e)) {
		cli_error("migrate-store", &e);
		return 1;
	}
	char id[24], counts[160];
	snprintf(id, sizeof(id), "%lld", (long long)org);
	snprintf(counts, sizeof(counts), msg_text(texts, "counts", cli_lang()), n.tables,
		 (long long)n.rows, (long long)n.months);
	say(stdout, "copied", id, counts);
	return 0;
}

int cmd_migrate_store(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, 0, 'f' }, { "to", required_argument, 0, 't' },
		{ "org", required_argument, 0, 'o' }, { "replace", no_argument, 0, 'r' },
		{ 0, 0, 0, 0 } };
	const char *from = NULL, *to = NULL, *org_flag = NULL;
	int replace = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'f': from = optarg; break;
		case 't': to = optarg; break;
		case 'o': org_flag = optarg; break;
		case 'r': replace = 1; break;
		default: cli_usage("migrate-store", 1); return 2;
		}
	}
	if (!from || !to || optind != argc) {
		cli_usage("migrate-store", 1);
		return 2;
	}
	id_t64 org = 0;
	if (org_flag) {
		char *end;
		long long v = strtoll(org_flag, &end, 10);
		if (!*org_flag || *end || v <= 0) {
			say(stderr, "bad_org", NULL, NULL);
			return 2;
		}
		org = v;
	}
	if (!strcmp(from, to)) {
		say(stderr, "same", NULL, NULL);
		return 2;
	}
	struct store *src = cli_open("migrate-store", from);
	if (!src)
		return 1;
	struct store *dst = cli_open("migrate-store", to);
	if (!dst) {
		store_close(src);
		return 1;
	}
	int rc = 0;
	if (org) {
		rc = copy_one(src, dst, org, replace);
	} else {
		struct arena a;
		arena_init(&a);
		struct ids all;
		struct err e;
		err_clear(&e);
		if (store_org_ids(src, &a, &all, &e)) {
			cli_error("migrate-store", &e);
			rc = 1;
		}
		/* each organisation in its own transaction; the first refusal stops */
		for (size_t i = 0; !rc && i < all.n; i++)
			rc = copy_one(src, dst, all.v[i], replace);
		arena_free(&a);
	}
	store_close(dst);
	store_close(src);
	return rc;
}
