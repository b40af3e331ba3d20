/* `cible init`: a database, an organisation and its first admin. */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "http/http.h"

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "email", required_argument, 0, 'e' }, { "name", required_argument, 0, 'n' },
		{ "password-file", required_argument, 0, 'p' },
		{ "locale", required_argument, 0, 'l' }, { "currency", required_argument, 0, 'c' },
		{ "ambition", required_argument, 0, 'a' }, { 0, 0, 0, 0 } };
	const char *db = NULL, *org_name = NULL, *email = NULL, *name = NULL, *pwfile = NULL;
	struct org org = { 0, NULL, "fr", "EUR", "", 0x1f };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'o': org_name = optarg; break;
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'p': pwfile = optarg; break;
		case 'l': org.locale = optarg; break;
		case 'c': org.currency = optarg; break;
		case 'a': org.ambition = optarg; break;
		default: cli_usage("init", 1); return 2;
		}
	}
	if (!org_name || !email || optind != argc) {
		cli_usage("init", 1);
		return 2;
	}
	if (strcmp(org.locale, "fr") && strcmp(org.locale, "en")) {
		fprintf(stderr, "cible init: --locale is fr or en\n");
		return 2;
	}
	org.name = org_name;
	db = cli_db_path(db);
	char password[256];
	int generated;
	if (cli_password("init", pwfile, password, sizeof(password), &generated))
		return 1;
	struct store *s = cli_open("init", db);
	if (!s)
		return 1;
	struct err e;
	err_clear(&e);
	char hash[128];
	struct person p;
	memset(&p, 0, sizeof(p));
	p.name = name ? name : email;
	p.email = email;
	p.job = "Administrateur";
	p.role = ROLE_ADMIN;
	p.hired_on = DAY_NONE;
	p.active = true;
	struct unit u = { 0, 0, 0, 0, org_name, UNIT_COMPANY, SERVICE_NONE };
	int rc = 1;
	if (auth_hash_password(password, hash, &e) || store_begin(s, &e))
		goto out;
	if (store_org_create(s, &org, &org.id, &e))
		goto fail;
	u.org_id = p.org_id = org.id;
	if (store_unit_create(s, &u, &u.id, &e))
		goto fail;
	p.unit_id = u.id;
	if (store_person_create(s, &p, &p.id, &e) ||
	    store_person_set_password(s, org.id, p.id, hash, &e))
		goto fail;
	u.lead_id = p.id;
	if (store_unit_update(s, &u, &e) ||
	    store_audit_add(s, org.id, 0, "org", org.id, "init", NULL, NULL, &e) ||
	    store_commit(s, &e))
		goto fail;
	printf("database: %s\norganisation: %s (id %lld)\nadmin: %s\n", db, org.name,
	       (long long)org.id, email);
	if (generated)
		printf("password: %s\n", password);
	rc = 0;
	goto out;
fail:
	store_rollback(s);
out:
	if (rc)
		cli_error("init", &e);
	sodium_memzero(password, sizeof(password));
	store_close(s);
	return rc;
}
