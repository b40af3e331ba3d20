/* `cible user add|passwd|token|reset|unlock`: accounts from the command line, for the
 * first steps and for scripts, through the use cases of the API (app/org.h,
 * app/token.h) acting as the system: the same checks, the same audit. */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "app/login.h"
#include "app/org.h"
#include "app/token.h"
#include "core/words.h"

struct user_args {
	const char *db, *org, *email, *name, *role, *unit, *pwfile, *url, *lang;
};

static int parse(int argc, char **argv, struct user_args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "org", required_argument, 0, 'o' },
		{ "email", required_argument, 0, 'e' }, { "name", required_argument, 0, 'n' },
		{ "role", required_argument, 0, 'r' }, { "unit", required_argument, 0, 'u' },
		{ "password-file", required_argument, 0, 'p' },
		{ "public-url", required_argument, 0, 'U' }, { "lang", required_argument, 0, 'l' },
		{ 0, 0, 0, 0 } };
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
		case 'U': a->url = optarg; break;
		case 'l': {
			enum lang lang;
			if (cli_lang_flag("user", optarg, &lang))
				return -1;
			a->lang = optarg;
			break;
		}
		default: return -1;
		}
	}
	return optind == argc && a->email ? 0 : -1;
}

/* The person with --email in the organisation of --org, or in the only
 * organisation where that email has an account (passwd, token, reset). */
static int person_of(struct store *s, struct user_args *u, struct arena *ar, struct person *p,
		     struct err *e)
{
	struct person_login *v;
	size_t n, k = 0, found = 0;
	id_t64 org = 0;
	if (u->org && cli_org("user", s, u->org, &org))
		return -1;  /* cli_org said why */
	if (store_people_by_email(s, u->email, ar, &v, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!org || v[i].p.org_id == org) {
			k = i;
			found++;
		}
	if (!found)
		return err_set(e, 404, "not_found", "email", "person", NULL);
	if (found > 1) {
		char count[24];
		snprintf(count, sizeof(count), "%zu", found);
		cli_say("user", "user.accounts", u->email, count);
		return err_set(e, 409, "choose_organisation", "org", NULL, NULL);
	}
	*p = v[k].p;
	cli_org_lang(s, p->org_id, u->lang);
	return 0;
}

/* "<key's text>" on stdout, in the language chosen. */
static void say(const char *key, const char *a0, const char *a1)
{
	struct buf b = BUF_INIT;
	cli_render(&b, key, cli_lang(), a0, a1);
	printf("%s\n", b.data);
	buf_free(&b);
}

static int user_add(struct store *s, struct user_args *u, struct arena *ar, struct err *e)
{
	id_t64 org;
	if (cli_org("user", s, u->org, &org))
		return 1;
	struct app a;
	app_system(&a, s, org, ar);
	a.lang = cli_org_lang(s, org, u->lang);
	struct person_input in;
	memset(&in, 0, sizeof(in));
	in.set = PERSON_NAME | PERSON_EMAIL | PERSON_PASSWORD;
	in.name = u->name ? u->name : u->email;
	in.email = u->email;
	if (u->role) {
		in.set |= PERSON_ROLE;
		in.role = u->role;
	}
	if (u->unit) {
		in.set |= PERSON_UNIT;
		char *end;
		in.unit_id = strtoll(u->unit, &end, 10);
		if (*end || in.unit_id <= 0) {
			cli_say("user", "user.unit", NULL, NULL);
			return 2;
		}
	}
	char password[256];
	int generated, rc = 1;
	if (cli_password("user", u->pwfile, password, sizeof(password), &generated))
		return 1;
	in.password = password;
	struct person p;
	if (app_person_create(&a, &in, &p, e)) {
		rc = cli_refused("user", e);
		err_clear(e);
	} else {
		char id[40];
		snprintf(id, sizeof(id), "%lld, %s", (long long)p.id, word("role", role_name(p.role), a.lang));
		say("user.added", p.email, id);
		if (generated)
			say("user.password", password, NULL);
		rc = 0;
	}
	sodium_memzero(password, sizeof(password));
	return rc;
}

static int user_passwd(struct store *s, struct user_args *u, struct arena *ar, struct err *e)
{
	struct person p;
	char password[256];
	int generated, rc = 1;
	if (cli_password("user", u->pwfile, password, sizeof(password), &generated))
		return 1;
	if (!person_of(s, u, ar, &p, e)) {
		struct app a;
		app_system(&a, s, p.org_id, ar);
		if (!app_password_set(&a, p.id, password, e)) {
			say("user.changed", p.email, NULL);
			if (generated)
				say("user.password", password, NULL);
			rc = 0;
		}
	}
	sodium_memzero(password, sizeof(password));
	return rc;
}

static int user_token(struct store *s, struct user_args *u, struct arena *ar, struct err *e)
{
	if (!u->name) {
		cli_say("user token", "user.name", NULL, NULL);
		return 2;
	}
	struct person p;
	if (person_of(s, u, ar, &p, e))
		return 1;
	struct app a;
	app_system(&a, s, p.org_id, ar);
	struct token_made t;
	if (app_token_create(&a, p.id, u->name, &t, e))
		return 1;
	printf("%s\n", t.token);
	return 0;
}

/* A reset link: the public URL (--public-url, else $CIBLE_PUBLIC_URL) and
 * /reset?token=... */
static int user_reset(struct store *s, struct user_args *u, struct arena *ar, struct err *e)
{
	struct person p;
	if (person_of(s, u, ar, &p, e))
		return 1;
	const char *url = u->url ? u->url : getenv("CIBLE_PUBLIC_URL");
	if (!url || !*url)
		url = "http://127.0.0.1:8080";
	if (strncmp(url, "https://", 8) && strncmp(url, "http://", 7)) {
		cli_say("user reset", "user.url", url, NULL);
		return 2;
	}
	struct app a;
	app_system(&a, s, p.org_id, ar);
	struct reset_link l;
	if (app_reset_link(&a, p.id, &l, e))
		return 1;
	size_t n = strlen(url);
	while (n && url[n - 1] == '/')
		n--;
	printf("%.*s/reset?token=%s\n", (int)n, url, l.token);
	cli_say("user reset", "user.link", l.email, NULL);
	return 0;
}

/* Every login delay of --email lifted, from every address; audited in the
 * organisation of --org, or of the email's account. */
static int user_unlock(struct store *s, struct user_args *u, struct arena *ar, struct err *e)
{
	struct person p;
	id_t64 org;
	struct err ignored;
	err_clear(&ignored);
	if (!person_of(s, u, ar, &p, &ignored))
		org = p.org_id;
	else if (cli_org("user", s, u->org, &org))
		return 1;
	else
		cli_org_lang(s, org, u->lang);
	struct app a;
	app_system(&a, s, org, ar);
	int64_t n = 0;
	if (app_login_unlock(&a, u->email, &n, e))
		return 1;
	char count[24];
	snprintf(count, sizeof(count), "%lld", (long long)n);
	say("user.unlocked", u->email, count);
	return 0;
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
	int (*fn)(struct store *, struct user_args *, struct arena *, struct err *) =
		!strcmp(sub, "add") ? user_add : !strcmp(sub, "passwd") ? user_passwd :
		!strcmp(sub, "token") ? user_token : !strcmp(sub, "reset") ? user_reset :
		!strcmp(sub, "unlock") ? user_unlock : NULL;
	if (!fn) {
		cli_say("user", "user.subcommand", sub, NULL);
		cli_usage("user", 1);
		return 2;
	}
	struct store *s = cli_open("user", cli_db_path(a.db));
	if (!s)
		return 1;
	struct err e;
	err_clear(&e);
	struct arena ar;
	arena_init(&ar);
	int rc = fn(s, &a, &ar, &e);
	if (rc == 1 && e.code)
		cli_error("user", &e);
	arena_free(&ar);
	store_close(s);
	return rc;
}
