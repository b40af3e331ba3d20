/* `cible init`: a database, an organisation and its first admin (app_org_init:
 * the checks of the API's organisation and people). */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "app/org.h"

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "email", required_argument, 0, 'e' }, { "name", required_argument, 0, 'n' },
		{ "password-file", required_argument, 0, 'p' },
		{ "locale", required_argument, 0, 'l' }, { "currency", required_argument, 0, 'c' },
		{ "ambition", required_argument, 0, 'a' }, { "lang", required_argument, 0, 'L' },
		{ 0, 0, 0, 0 } };
	const char *db = NULL, *pwfile = NULL, *langflag = NULL;
	struct org_init_input in;
	memset(&in, 0, sizeof(in));
	in.org.set = ORG_NAME;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': in.org.name = optarg; break;
		case 'e': in.admin_email = optarg; break;
		case 'n': in.admin_name = optarg; break;
		case 'p': pwfile = optarg; break;
		case 'l': in.org.locale = optarg; in.org.set |= ORG_LOCALE; break;
		case 'c': in.org.currency = optarg; in.org.set |= ORG_CURRENCY; break;
		case 'a': in.org.ambition = optarg; in.org.set |= ORG_AMBITION; break;
		case 'L': langflag = optarg; break;
		default: cli_usage("init", 1); return 2;
		}
	}
	enum lang flag_lang;
	if (langflag && cli_lang_flag("init", langflag, &flag_lang))
		return 2;
	if (!in.org.name || !in.admin_email || optind != argc) {
		cli_usage("init", 1);
		return 2;
	}
	db = cli_db_path(db);
	char password[256];
	int generated;
	if (cli_password("init", pwfile, password, sizeof(password), &generated))
		return 1;
	in.admin_password = password;
	struct store *s = cli_open("init", db);
	if (!s)
		return 1;
	struct err e;
	err_clear(&e);
	struct arena ar;
	arena_init(&ar);
	struct app a;
	app_system(&a, s, 0, &ar);
	struct org_init_result made;
	int rc = 1;
	if (app_org_init(&a, &in, &made, &e)) {
		rc = cli_refused("init", &e);
	} else {
		/* said in the language of the organisation made, unless --lang */
		enum lang lang = cli_org_lang(s, made.org.id, langflag);
		char where[512], id[24];
		snprintf(id, sizeof(id), "%lld", (long long)made.org.id);
		struct buf b = BUF_INIT;
		cli_render(&b, "init.database", lang, store_describe(db, where, sizeof(where)), NULL);
		buf_addc(&b, '\n');
		cli_render(&b, "init.org", lang, made.org.name, id);
		buf_addc(&b, '\n');
		cli_render(&b, "init.admin", lang, made.admin.email, NULL);
		if (generated) {
			buf_addc(&b, '\n');
			cli_render(&b, "init.password", lang, password, NULL);
		}
		printf("%s\n", b.data);
		sodium_memzero(b.data, b.len);
		buf_free(&b);
		rc = 0;
	}
	sodium_memzero(password, sizeof(password));
	arena_free(&ar);
	store_close(s);
	return rc;
}
