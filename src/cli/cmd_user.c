/* `cible user add|passwd|token`: accounts from the command line, for the
 * first steps and for scripts. */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli/cli.h"
#include "http/http.h"

struct user_args {
	const char *db, *org, *email, *name, *role, *unit, *pwfile;
};

static int parse(int argc, char **argv, struct user_args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "email", required_argument, 0, 'e' }, { "name", required_argument, 0, 'n' },
		{ "role", required_argument, 0, 'r' }, { "unit", required_argument, 0, 'u' },
		{ "password-file", required_argument, 0, 'p' }, { 0, 0, 0, 0 } };
	memset(a, 0, sizeof(*a));
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': a->db = optarg; break;
		case 'o': a->org = optarg; break;
		case 'e': a->email = optarg; break;
		case 'n': a->name = optarg; break;
		case 'r': a->role = optarg; break;
		case 'u': a->unit = optarg; break;
		case 'p': a->pwfile = optarg; break;
		default: return -1;
		}
	}
	return optind == argc && a->email ? 0 : -1;
}

static int user_add(struct store *s, struct user_args *a, struct err *e)
{
	id_t64 org;
	if (cli_org("user", s, a->org, &org))
		return 1;
	struct person p;
	memset(&p, 0, sizeof(p));
	p.org_id = org;
	p.name = a->name ? a->name : a->email;
	p.email = a->email;
	p.role = ROLE_MEMBER;
	p.hired_on = DAY_NONE;
	p.active = true;
	if (a->role) {
		int r = role_parse(a->role);
		if (r < 0) {
			fprintf(stderr, "cible user: role is admin, manager, member or hr\n");
			return 2;
		}
		p.role = (enum role)r;
	}
	p.unit_id = a->unit ? strtoll(a->unit, NULL, 10) : 0;
	char password[256], hash[128];
	int generated, rc = 1;
	if (cli_password("user", a->pwfile, password, sizeof(password), &generated))
		return 1;
	if (auth_hash_password(password, hash, e) || store_begin(s, e))
		goto out;
	if (store_person_create(s, &p, &p.id, e) ||
	    store_person_set_password(s, org, p.id, hash, e) ||
	    store_audit_add(s, org, 0, "person", p.id, "create", NULL, NULL, e) ||
	    store_commit(s, e)) {
		store_rollback(s);
		goto out;
	}
	printf("added %s (id %lld, %s)\n", p.email, (long long)p.id, role_name(p.role));
	if (generated)
		printf("password: %s\n", password);
	rc = 0;
out:
	sodium_memzero(password, sizeof(password));
	return rc;
}

static int user_passwd(struct store *s, struct user_args *a, struct err *e)
{
	struct arena ar;
	arena_init(&ar);
	struct person p;
	char password[256], hash[128];
	int generated, rc = 1;
	if (cli_password("user", a->pwfile, password, sizeof(password), &generated))
		goto out;
	if (store_person_by_email(s, a->email, &ar, &p, NULL, e) ||
	    auth_hash_password(password, hash, e) || store_begin(s, e))
		goto out;
	if (store_person_set_password(s, p.org_id, p.id, hash, e) ||
	    store_audit_add(s, p.org_id, 0, "person", p.id, "password", NULL, NULL, e) ||
	    store_commit(s, e)) {
		store_rollback(s);
		goto out;
	}
	printf("password changed for %s\n", p.email);
	if (generated)
		printf("password: %s\n", password);
	rc = 0;
out:
	sodium_memzero(password, sizeof(password));
	arena_free(&ar);
	return rc;
}

static int user_token(struct store *s, struct user_args *a, struct err *e)
{
	struct arena ar;
	arena_init(&ar);
	struct person p;
	char token[80], th[65];
	id_t64 id;
	int rc = 1;
	if (!a->name) {
		fprintf(stderr, "cible user token: --name is required\n");
		rc = 2;
		goto out;
	}
	auth_new_secret("cbl_", token, sizeof(token));
	auth_token_hash(token, th);
	if (store_person_by_email(s, a->email, &ar, &p, NULL, e) || store_begin(s, e))
		goto out;
	if (store_token_create(s, p.org_id, p.id, a->name, th, (int64_t)time(NULL), &id, e) ||
	    store_audit_add(s, p.org_id, p.id, "token", id, "create", NULL, NULL, e) ||
	    store_commit(s, e)) {
		store_rollback(s);
		goto out;
	}
	printf("%s\n", token);
	rc = 0;
out:
	arena_free(&ar);
	return rc;
}

int cmd_user(int argc, char **argv)
{
	if (argc < 2) {
		cli_usage("user", 1);
		return 2;
	}
	const char *sub = argv[1];
	struct user_args a;
	if (parse(argc - 1, argv + 1, &a)) {
		cli_usage("user", 1);
		return 2;
	}
	int (*fn)(struct store *, struct user_args *, struct err *) =
		!strcmp(sub, "add") ? user_add : !strcmp(sub, "passwd") ? user_passwd :
		!strcmp(sub, "token") ? user_token : NULL;
	if (!fn) {
		fprintf(stderr, "cible user: unknown subcommand '%s'\n", sub);
		cli_usage("user", 1);
		return 2;
	}
	struct store *s = cli_open("user", cli_db_path(a.db));
	if (!s)
		return 1;
	struct err e;
	err_clear(&e);
	int rc = fn(s, &a, &e);
	if (rc == 1 && e.code)
		cli_error("user", &e);
	store_close(s);
	return rc;
}
