/* The command table and what every command shares: errors, the database,
 * the organisation, passwords. */
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"

const struct command commands[] = {
	{ "init", cmd_init, "create a database with an organisation and its first admin",
	  "usage: cible init [--db PATH] --org NAME --email EMAIL [--name NAME]\n"
	  "                  [--password-file FILE] [--locale fr|en] [--currency EUR]\n"
	  "                  [--ambition TEXT] [--lang fr|en]\n\n"
	  "Creates PATH (default $CIBLE_DB or ./cible.db) if needed, applies the schema,\n"
	  "and adds an organisation with its first admin. The admin's password comes from\n"
	  "FILE (first line), else $CIBLE_PASSWORD, else one is generated and printed.\n"
	  "What was made is said in the organisation's language (--locale, French by\n"
	  "default) unless --lang or CIBLE_LANG says otherwise.\n" },
	{ "serve", cmd_serve, "serve the JSON API and the web app",
	  "usage: cible serve [--db PATH] [--address ADDR] [--port N] [--threads N]\n"
	  "                   [--log-level error|warn|info|debug] [--durability full|normal]\n"
	  "                   [--max-per-address N] [--public-url URL] [--config FILE]\n"
	  "                   [--sender on|off] [--smtp-url URL] [--smtp-user USER]\n"
	  "                   [--smtp-password PASSWORD] [--smtp-from ADDRESS]\n"
	  "                   [--smtp-tls none|try|required] [--smtp-ca FILE]\n"
	  "                   [--send-interval S] [--send-timeout S] [--send-backoff S]\n"
	  "                   [--send-attempts N]\n\n"
	  "Serves on http://ADDR:PORT (default 127.0.0.1:8080; port 0 picks a free one\n"
	  "and prints it). Each setting comes from its flag, else the environment\n"
	  "(CIBLE_DB, CIBLE_ADDRESS, CIBLE_PORT, CIBLE_THREADS, CIBLE_LOG_LEVEL,\n"
	  "CIBLE_DURABILITY, CIBLE_MAX_PER_ADDRESS, CIBLE_PUBLIC_URL), else the config\n"
	  "file (lines `key = value` with keys db, address, port, threads, log_level,\n"
	  "durability, max_per_address, public_url), else the default. Logs one line\n"
	  "per request on stderr (control characters escaped).\n\n"
	  "Threads (default 16) each serve many connections, and one waiting for a\n"
	  "password hash (as many run at once as there are processors) holds up the\n"
	  "connections it serves: more threads than hash slots keep the server\n"
	  "answering during a burst of logins.\n"
	  "Connections: at most max-per-address (default 100; 0 behind a proxy that\n"
	  "limits them itself) from one address; headers must arrive within 15 s and a\n"
	  "body at 32 KiB/s after 10 s, deadlines that do not restart. A public-url\n"
	  "of https://... marks cookies Secure and sends HSTS.\n\n"
	  "Durability: full (the default) keeps every acknowledged write across a power\n"
	  "loss (SQLite synchronous=FULL, PostgreSQL synchronous_commit=on); normal may\n"
	  "lose the last writes of a power loss, never the database (bench/README.md\n"
	  "gives the cost of each). Other commands follow CIBLE_DURABILITY.\n\n"
	  "Notifications: with --sender on (the default) a thread delivers what the\n"
	  "outbox holds every send-interval seconds (default 15), as `cible send` does\n"
	  "(see its --help): email through smtp-url (smtp://host:587 with STARTTLS\n"
	  "required by default, or smtps://host:465; none: no email is sent and emails\n"
	  "wait; smtp-ca: a PEM file of the CAs the server's certificate must chain to,\n"
	  "else the system's), Slack, Teams and signed webhooks as the admins configured\n"
	  "them. The same settings as variables: CIBLE_SENDER, CIBLE_SMTP_URL,\n"
	  "CIBLE_SMTP_USER, CIBLE_SMTP_PASSWORD (better than the flag, which others may\n"
	  "see), "
	  "CIBLE_SMTP_FROM, CIBLE_SMTP_TLS, CIBLE_SMTP_CA, CIBLE_SEND_INTERVAL,\n"
	  "CIBLE_SEND_TIMEOUT, CIBLE_SEND_BACKOFF, CIBLE_SEND_ATTEMPTS; config keys with\n"
	  "'_' for '-'.\n" },
	{ "send", cmd_send, "deliver the notifications waiting in the outbox",
	  "usage: cible send [--db PATH] [--once] [--no-scan] [--verbose]\n"
	  "                  [--smtp-url URL] [--smtp-user USER] [--smtp-password PASSWORD]\n"
	  "                  [--smtp-from ADDRESS] [--smtp-tls none|try|required]\n"
	  "                  [--smtp-ca FILE] [--public-url URL] [--interval S]\n"
	  "                  [--timeout S] [--backoff S] [--attempts N]\n\n"
	  "Scans the rhythm (late check-ins, objectives due within a week: each event\n"
	  "once) and closes the challenges whose last day is past, then delivers\n"
	  "every notification due: a person's emails due together\n"
	  "go as one message (a digest), in their language, text and HTML, with links\n"
	  "under --public-url; Slack and Teams places and signed webhooks get their\n"
	  "payload. Each attempt is bounded by --timeout (default 10 s) and recorded; a\n"
	  "failure is retried after --backoff seconds (default 30), doubled each time,\n"
	  "and marked failed after --attempts (default 6; GET\n"
	  "/api/notifications/deliveries?state=failed).\n"
	  "Emails and chat messages wait for 08:00-20:00 in the organisation's time\n"
	  "zone. A delivery is held by one sender at a time, and never sent again once\n"
	  "sent, across restarts. --once: one round, then a line of figures; otherwise\n"
	  "a round every --interval seconds (default 15) until SIGINT or SIGTERM.\n"
	  "Settings also from CIBLE_DB, CIBLE_SMTP_URL, CIBLE_SMTP_USER,\n"
	  "CIBLE_SMTP_PASSWORD, CIBLE_SMTP_FROM, CIBLE_SMTP_TLS, CIBLE_SMTP_CA (a PEM\n"
	  "file of the CAs the SMTP server's certificate must chain to), CIBLE_PUBLIC_URL,\n"
	  "CIBLE_SEND_INTERVAL, CIBLE_SEND_TIMEOUT, CIBLE_SEND_BACKOFF,\n"
	  "CIBLE_SEND_ATTEMPTS.\n" },
	{ "demo", cmd_demo, "create a realistic demo organisation",
	  "usage: cible demo [--db PATH] [--force] [--seed N] [--people N]\n"
	  "                  [--today YYYY-MM-DD] [--password PASSWORD] [--lang fr|en]\n\n"
	  "Generates a French company with a sales direction and a call-centre service,\n"
	  "its teams, people and objectives cascaded from the ambition through strategic\n"
	  "axes down to individuals (default 48 people; --people scales it up to\n"
	  "200,000), a year of activity, check-ins, and its challenges: this month's\n"
	  "call-centre quality challenge (two seniority leagues) and sales challenge by\n"
	  "team, last month's closed, with the badges already earned; and negotiations\n"
	  "made by the team leads and their members: rounds in progress, objectives\n"
	  "agreed after a counter-proposal on the means then the target. The same seed,\n"
	  "size and day give the same organisation. --force replaces PATH if it\n"
	  "exists. Every demo login has the password given by --password (default:\n"
	  "demo-cible). Prints what it made and the logins, in French (the\n"
	  "organisation's language) unless --lang or CIBLE_LANG says otherwise.\n" },
	{ "challenge", cmd_challenge, "list challenges, show a board, close a finished one",
	  "usage: cible challenge [--db PATH] [--org ID] [--today YYYY-MM-DD] list\n"
	  "       cible challenge [--db PATH] [--org ID] [--today YYYY-MM-DD] [--top N]\n"
	  "                       [--json] [--lang fr|en] board ID | close ID\n"
	  "       cible challenge [--db PATH] [--org ID] close-due\n\n"
	  "list: every challenge (id, period, status, mode, rule, name). board: each\n"
	  "league's top N (default 10) with rank, score, movement since yesterday and\n"
	  "rewards, read from the kept figures as the API does (the frozen result once\n"
	  "closed; as of its last day while a finished one is not closed yet; reading\n"
	  "writes nothing); --json prints the API's board. close: freezes a finished\n"
	  "challenge's winners now. close-due: closes every challenge whose last day is\n"
	  "over in the organisation's time zone (activity and imports do it before they\n"
	  "store) and prints how many. Acts as the system (an admin of the\n"
	  "organisation); in the organisation's language unless --lang fr|en (or\n"
	  "CIBLE_LANG).\n" },
	{ "rhythm", cmd_rhythm, "who is late with their check-ins; set a check-in cadence",
	  "usage: cible rhythm [--db PATH] [--org ID] [--today YYYY-MM-DD] [--json]\n"
	  "                    [--lang fr|en] late\n"
	  "       cible rhythm [--db PATH] [--org ID] cadence org weekly|biweekly|monthly|inherit\n"
	  "       cible rhythm [--db PATH] [--org ID] cadence unit|person|objective ID\n"
	  "                    weekly|biweekly|monthly|inherit\n\n"
	  "late: everyone whose next check-in is past (the latest first: due day, days\n"
	  "late, last check-in, name), on the organisation's day in its time zone;\n"
	  "--json prints /api/alerts' late_checkin items. cadence: sets the cadence of\n"
	  "the organisation, a unit, a person or an objective (the nearest setting wins;\n"
	  "weekly when none), or removes it (inherit). Acts as the system (an admin of\n"
	  "the organisation), audited; in the organisation's language unless\n"
	  "--lang fr|en (or CIBLE_LANG).\n" },
	{ "check", cmd_check, "read an objective sentence, check an objective against SMART",
	  "usage: cible check [--db PATH [--org ID]] [--lang fr|en] [--json] [--today YYYY-MM-DD]\n"
	  "                   \"SENTENCE\"\n"
	  "       cible check [--db PATH] [--org ID] --objective ID [--lang fr|en] [--json]\n"
	  "                   [--today YYYY-MM-DD]\n\n"
	  "With a sentence (French or English), says what it understood — direction,\n"
	  "indicator, magnitude (a change in %, points, a level, euros, a count, a\n"
	  "duration), threshold, period (resolved against today or --today), owner —\n"
	  "then judges the draft on the five SMART criteria (specific, measurable,\n"
	  "achievable, relevant, time-bound): a verdict for each, the reasons with a\n"
	  "suggestion, the questions still to ask, and a score out of 100. With\n"
	  "--objective, judges a stored objective, with its history and cascade.\n"
	  "A sentence is read in French unless --lang en; with --org, or --db of one\n"
	  "organisation, it is read with that organisation's words too (the synonyms of\n"
	  "its administration page, its indicators' names and keys), in its language\n"
	  "unless --lang. A stored objective is judged in its organisation's language\n"
	  "unless --lang (or CIBLE_LANG). --json prints the same as the API.\n" },
	{ "import", cmd_import, "import activity records from a CSV or JSON-lines file",
	  "usage: cible import [--db PATH] [--org ID] --kind KIND --person COLUMN --date COLUMN\n"
	  "                    [--time COLUMN] [--id COLUMN] [--field NAME=COLUMN[:TYPE]]...\n"
	  "                    [--keep-good] [--accept-extra-fields] [--format csv|jsonl]\n"
	  "                    [--mapping NAME] [--save-mapping NAME] [--lang fr|en] FILE\n\n"
	  "Reads FILE (- for standard input) in chunks, whatever its size: ',' ';' or tab\n"
	  "separated, UTF-8 (with or without BOM) or Windows-1252, decimal point or comma,\n"
	  "dates as 2021-01-31, 31/01/2021, Excel serials or ISO date-times. FILE ending in\n"
	  ".jsonl or .ndjson (or --format jsonl) holds one JSON object a line; its keys are\n"
	  "the columns, and the API's {\"source_id\", \"person\", \"at\", \"fields\"} shape is\n"
	  "read flat. COLUMN is a header name or #N (1-based). --person names the person\n"
	  "by id, email, employee code or full name. --id is the record's source id\n"
	  "(default: a hash of the row): importing twice stores nothing twice. TYPE is\n"
	  "text (default), number, bool (Y/N, Oui/Non...), time (hh:mm:ss, kept in\n"
	  "seconds), date, duration (mm:ss, h:mm:ss or a number of seconds, of minutes\n"
	  "when the header says so: \"durée (min)\", \"talk time (min)\"; kept in\n"
	  "seconds) or minutes (decimal minutes, 3,77 or 3.77; kept in seconds).\n"
	  "The report is in the organisation's language unless --lang. --save-mapping NAME keeps the kind, columns and fields under\n"
	  "NAME; --mapping NAME uses them again (flags given still win). A file with\n"
	  "errors stores nothing unless --keep-good; the report names each rejected row\n"
	  "by line and column. Rows with more fields than the header are rejected unless\n"
	  "--accept-extra-fields. The indicators' figures are updated in the same\n"
	  "transaction. Shows a progress bar when stderr is a terminal. KIND is 1 to 32\n"
	  "lower-case letters, digits or _ (call, sale, ticket...), as in the API.\n" },
	{ "progress", cmd_progress, "show where objectives stand: value, pace, status, forecast",
	  "usage: cible progress [--db PATH] [--org ID] (--objective ID | --person KEY |\n"
	  "                      --unit ID | --all) [--today YYYY-MM-DD] [--by day|week|month]\n"
	  "                      [--lang fr|en] [--json] [--summary] [--recompute]\n\n"
	  "Measures objectives on the activity records of their owner (a person, or a\n"
	  "unit's whole subtree) over their period: the indicator's value, attainment,\n"
	  "the pace expected today, the status (ahead, on track, at risk, off track,\n"
	  "done), the forecast at the due date and the days left, plus the roll-up of\n"
	  "their children, in the organisation's language unless --lang (or CIBLE_LANG),\n"
	  "figures as the pages print them (5 524 000 € / €5,524,000, 5 min 30 s).\n"
	  "--json prints the API's shape with the series by --by\n"
	  "(default month); --summary prints only the count by status and the time\n"
	  "taken. --today (or $CIBLE_TODAY) sets the day it is measured on.\n"
	  "Results kept by the server for that day are read (imports and activity\n"
	  "batches keep what they touch); --recompute computes and keeps every\n"
	  "objective's result first.\n" },
	{ "metric", cmd_metric, "list, add and try indicators (expressions over activity)",
	  "usage: cible metric list [--db PATH] [--org ID] [--lang fr|en]\n"
	  "       cible metric try  [--db PATH] [--org ID] 'EXPR' --kind KIND [--person KEY]\n"
	  "                         [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
	  "                         [--by person|day|week|month]\n"
	  "       cible metric add  [--db PATH] [--org ID] KEY --kind KIND --expr 'EXPR'\n"
	  "                         [--unit UNIT] [--name-fr NAME] [--name-en NAME]\n\n"
	  "EXPR is the indicator language of docs/indicators.md, for example\n"
	  "  100 * share(resolved) where answered\n"
	  "try computes it on the stored records of KIND, grouped as --by says; a wrong\n"
	  "expression is shown with a caret under the position at fault. add creates\n"
	  "KEY or changes its expression, and measures the stored records again; KEY and\n"
	  "KIND are 1 to 40 lower-case letters, digits or _, as in the API, and the\n"
	  "change is in the audit trail with its before and after.\n" },
	{ "user", cmd_user, "add people, set passwords, make API tokens",
	  "usage: cible user add    [--db PATH] [--org ID] --email EMAIL --name NAME\n"
	  "                         [--role admin|manager|member|hr] [--unit ID]\n"
	  "                         [--password-file FILE] [--lang fr|en]\n"
	  "       cible user passwd [--db PATH] [--org ID] --email EMAIL [--password-file FILE]\n"
	  "       cible user token  [--db PATH] [--org ID] --email EMAIL --name TOKEN-NAME\n"
	  "       cible user reset  [--db PATH] [--org ID] --email EMAIL [--public-url URL]\n"
	  "       cible user unlock [--db PATH] [--org ID] --email EMAIL\n\n"
	  "Passwords come from FILE (first line), else $CIBLE_PASSWORD, else one is\n"
	  "generated and printed. `token` prints a new API token once: keep it.\n"
	  "`passwd` ends every session and API token of the person. `reset` prints a\n"
	  "single-use link, valid 24 hours, on the public URL (--public-url, else\n"
	  "$CIBLE_PUBLIC_URL, else http://127.0.0.1:8080), where the person sets a new\n"
	  "password: give it to them. `unlock` lifts the login delays of EMAIL from\n"
	  "every address. --org picks the organisation when EMAIL has an account in\n"
	  "several.\n"
	  "add runs the API's checks (a plausible email, a known role and unit, a\n"
	  "password of 8 characters at least) and writes the same audit entry.\n" },
	{ "backup", cmd_backup, "copy the database while the server runs",
	  "usage: cible backup [--db PATH] --to FILE\n\n"
	  "Writes a consistent copy of the whole database (every organisation) into FILE,\n"
	  "online: the server may keep serving and writing meanwhile. The copy is written\n"
	  "beside FILE and renamed into place, so FILE is always a whole backup.\n" },
	{ "restore", cmd_restore, "put a backup back into a database",
	  "usage: cible restore --from FILE [--db PATH] [--force]\n\n"
	  "Checks that FILE is a sound cible database of a schema this program knows,\n"
	  "then copies it into PATH (default $CIBLE_DB or ./cible.db) and brings its\n"
	  "schema up to date. An existing PATH is replaced only with --force.\n" },
	{ "migrate-store", cmd_migrate_store, "copy organisations from one store to another",
	  "usage: cible migrate-store --from SETTING --to SETTING [--org ID] [--replace]\n\n"
	  "Copies an organisation's data (--org ID; without it, every organisation of\n"
	  "the source, each in turn) from one database to another, whatever their\n"
	  "engines: SQLite to PostgreSQL (--from sqlite:PATH --to postgres://...) or\n"
	  "back. Every table of the organisation is copied with its ids, and its\n"
	  "measure states; PostgreSQL's id sequences move past the copied ids. Both\n"
	  "databases are first brought to this program's schema (one of a newer\n"
	  "schema is refused). The copy is one transaction on the target: if it fails,\n"
	  "nothing of it is there. A target that already has the organisation is\n"
	  "refused, unless --replace, which deletes its data of that organisation in\n"
	  "the same transaction. The source is read, never changed; stop the servers\n"
	  "writing to it first. Prints what was copied.\n" },
	{ NULL, NULL, NULL, NULL }
};

void cli_usage(const char *cmd, int to_stderr)
{
	const char *usage = cli_help(cmd, cli_lang(), 0);
	if (usage) {
		fputs(usage, to_stderr ? stderr : stdout);
		return;
	}
	struct buf b = BUF_INIT;
	cli_render(&b, "cli.unknown_command", cli_lang(), cmd, NULL);
	fprintf(stderr, "cible: %s\n", b.data);
	buf_free(&b);
}

/* The one piece of state of the command line: the language chosen for this
 * run (-1: none yet), so that every message of the command, errors
 * included, is in it. */
static int chosen = -1;

/* $CIBLE_LANG when it names a language: -1 otherwise. */
static int env_lang(void)
{
	const char *l = getenv("CIBLE_LANG");
	if (l && !strncmp(l, "fr", 2))
		return LANG_FR;
	if (l && !strncmp(l, "en", 2))
		return LANG_EN;
	return -1;
}

/* The language a locale variable names (fr_FR.UTF-8, fr, en_GB...): -1 when
 * it names none of ours, or is unset or empty. */
static int locale_lang(const char *v)
{
	if (!v || !*v)
		return -1;
	if (!strncmp(v, "fr", 2))
		return LANG_FR;
	return strncmp(v, "en", 2) ? -1 : LANG_EN;
}

enum lang cli_help_lang(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i++)
		if (!strcmp(argv[i], "--lang") && locale_lang(argv[i + 1]) >= 0)
			return (enum lang)locale_lang(argv[i + 1]);
	int env = env_lang();
	if (env >= 0)
		return (enum lang)env;
	/* POSIX: the first of these that is set and not empty decides */
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof(vars) / sizeof(*vars); i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return locale_lang(v) >= 0 ? (enum lang)locale_lang(v) : LANG_EN;
	}
	return LANG_EN;
}

enum lang cli_lang(void)
{
	if (chosen >= 0)
		return (enum lang)chosen;
	int env = env_lang();
	return env >= 0 ? (enum lang)env : LANG_EN;
}

void cli_lang_set(enum lang lang)
{
	chosen = (int)lang;
}

int cli_lang_flag(const char *cmd, const char *value, enum lang *lang)
{
	if (strcmp(value, "fr") && strcmp(value, "en")) {
		cli_say(cmd, "cli.lang", NULL, NULL);
		return 2;
	}
	*lang = lang_parse(value);
	cli_lang_set(*lang);
	return 0;
}

void cli_say(const char *cmd, const char *key, const char *a0, const char *a1)
{
	struct buf b = BUF_INIT;
	cli_render(&b, key, cli_lang(), a0, a1);
	fprintf(stderr, "cible %s: %s\n", cmd, b.data ? b.data : "");
	buf_free(&b);
}

void cli_say_setting(const char *cmd, const char *key, const char *name, const char *value)
{
	struct buf x = BUF_INIT;
	cli_render(&x, "cli.setting", cli_lang(), name, value);
	cli_say(cmd, key, x.data, NULL);
	buf_free(&x);
}

void cli_say_range(const char *cmd, const char *name, const char *value, int lo, int hi)
{
	char l[16], h[16];
	snprintf(l, sizeof(l), "%d", lo);
	snprintf(h, sizeof(h), "%d", hi);
	struct buf x = BUF_INIT, r = BUF_INIT;
	cli_render(&x, "cli.setting", cli_lang(), name, value);
	cli_render(&r, "cli.range", cli_lang(), l, h);
	cli_say(cmd, "cli.not_number", x.data, r.data);
	buf_free(&x);
	buf_free(&r);
}

void cli_error(const char *cmd, const struct err *e)
{
	struct buf m = BUF_INIT;
	err_message(e, cli_lang(), &m);
	if (e->field[0])
		fprintf(stderr, "cible %s: %s (%s)\n", cmd, m.data, e->field);
	else
		fprintf(stderr, "cible %s: %s\n", cmd, m.data);
	buf_free(&m);
}

int cli_refused(const char *cmd, const struct err *e)
{
	cli_error(cmd, e);
	static const char *const misuse[] = { "invalid_value", "missing_field", "invalid_date",
					      "unknown_reference" };
	for (size_t i = 0; i < sizeof(misuse) / sizeof(*misuse); i++)
		if (e->code && !strcmp(e->code, misuse[i]))
			return 2;
	return 1;
}

const char *cli_db_path(const char *flag)
{
	if (flag)
		return flag;
	const char *env = getenv("CIBLE_DB");
	return env && *env ? env : "cible.db";
}

struct store *cli_open(const char *cmd, const char *db)
{
	struct err e;
	err_clear(&e);
	struct store *s = store_open(db, &e);
	if (!s)
		cli_error(cmd, &e);
	return s;
}

int cli_org(const char *cmd, struct store *s, const char *flag, id_t64 *org)
{
	struct err e;
	err_clear(&e);
	if (flag) {
		*org = strtoll(flag, NULL, 10);
		struct arena a;
		arena_init(&a);
		struct org o;
		int rc = store_org_get(s, *org, &a, &o, &e);
		arena_free(&a);
		if (rc)
			cli_error(cmd, &e);
		return rc;
	}
	int64_t n;
	if (store_org_count(s, &n, org, &e)) {
		cli_error(cmd, &e);
		return -1;
	}
	if (n != 1) {
		char count[24];
		snprintf(count, sizeof(count), "%lld", (long long)n);
		cli_say(cmd, "cli.orgs", count, NULL);
		return -1;
	}
	return 0;
}

int cli_app(const char *cmd, const char *db, const char *orgflag, const char *langflag,
	    struct cli_app *c)
{
	memset(c, 0, sizeof(*c));
	enum lang lang = LANG_EN;
	if (langflag && cli_lang_flag(cmd, langflag, &lang))
		return 2;
	c->s = cli_open(cmd, cli_db_path(db));
	if (!c->s)
		return 1;
	arena_init(&c->arena);
	struct err e;
	err_clear(&e);
	if (cli_org(cmd, c->s, orgflag, &c->org_id))
		goto fail;
	if (store_org_get(c->s, c->org_id, &c->arena, &c->org, &e)) {
		cli_error(cmd, &e);
		goto fail;
	}
	if (!langflag) {
		int env = env_lang();
		lang = env >= 0 ? (enum lang)env : lang_parse(c->org.locale);
	}
	c->lang = lang;
	cli_lang_set(lang);
	app_system(&c->app, c->s, c->org_id, &c->arena);
	c->app.lang = lang;
	return 0;
fail:
	cli_app_close(c);
	return 1;
}

enum lang cli_org_lang(struct store *s, id_t64 org, const char *langflag)
{
	enum lang lang = cli_lang();
	if (!langflag && env_lang() < 0) {
		struct arena a;
		arena_init(&a);
		struct org o;
		struct err e;
		err_clear(&e);
		if (!store_org_get(s, org, &a, &o, &e))
			lang = lang_parse(o.locale);
		arena_free(&a);
	}
	cli_lang_set(lang);
	return lang;
}

void cli_app_close(struct cli_app *c)
{
	if (c->s)
		arena_free(&c->arena);
	store_close(c->s);
	c->s = NULL;
}

int cli_password(const char *cmd, const char *file, char *out, size_t n, int *generated)
{
	*generated = 0;
	if (file) {
		FILE *f = fopen(file, "r");
		if (!f) {
			cli_say(cmd, "cli.cannot_read", file, NULL);
			return -1;
		}
		if (!fgets(out, (int)n, f))
			out[0] = '\0';
		fclose(f);
		out[strcspn(out, "\r\n")] = '\0';
		return 0;
	}
	const char *env = getenv("CIBLE_PASSWORD");
	if (env && *env) {
		snprintf(out, n, "%s", env);
		return 0;
	}
	unsigned char raw[12];
	randombytes_buf(raw, sizeof(raw));
	if (n < 2 * sizeof(raw) + 1)
		return -1;
	sodium_bin2hex(out, n, raw, sizeof(raw));
	*generated = 1;
	return 0;
}
