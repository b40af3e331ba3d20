/* The `cible` command line: one table of commands (commands.c), one file per
 * command.
 *
 * How to add a command: write `int cmd_thing(int argc, char **argv)` in
 * src/cli/cmd_thing.c, declare it here, add one line to the table in
 * commands.c with its one-line summary and its usage text (what `cible thing
 * --help` prints), and the same in French to help_fr.c. Commands return the
 * process exit code: 0 ok, 1 failure, 2 misuse.
 * A command that changes something calls the use case of src/app (the
 * API's validation, access and audit) as the system: app_system(); it
 * includes no src/http header (only `serve` does). */
#ifndef CIBLE_CLI_H
#define CIBLE_CLI_H
#include "app/usecase.h"
#include "core/err.h"
#include "store/store.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const char *usage;
};
extern const struct command commands[];
/* A command's --help in another language (help_fr.c: French). */
struct command_help {
	const char *name;
	const char *summary;
	const char *usage;
};
extern const struct command_help commands_fr[];
/* cmd's usage text (summary: its one line) in lang; English when it has no
 * translation; NULL for an unknown command. */
const char *cli_help(const char *cmd, enum lang lang, int summary);
/* The language of --help: --lang fr|en among args, else $CIBLE_LANG, else
 * the locale ($LC_ALL, $LC_MESSAGES, $LANG: fr_FR... is French), else
 * English. */
enum lang cli_help_lang(int argc, char **argv);

/* Prints usage of cmd in cli_lang() to stdout (help) or stderr (misuse). */
void cli_usage(const char *cmd, int to_stderr);
/* The language of what the command prints: the one cli_app() or
 * cli_lang_set() chose, else $CIBLE_LANG=fr|en, else English (no
 * organisation known yet). */
enum lang cli_lang(void);
void cli_lang_set(enum lang lang);
/* --lang's value: fr or en, else prints why and returns 2. */
int cli_lang_flag(const char *cmd, const char *value, enum lang *lang);
/* Prints an error in cli_lang(). */
void cli_error(const char *cmd, const struct err *e);

/* The command line's sentences (cli_catalog.c), keyed "<command>.<what>". */
extern const struct msg cli_catalog[];
/* The text of key in lang (the key itself when it is missing). */
const char *cli_text(const char *key, enum lang lang);
/* Appends key's text in lang with {0}/{1} replaced. */
void cli_render(struct buf *b, const char *key, enum lang lang, const char *a0, const char *a1);
/* "cible CMD: <key's text>\n" on stderr, in cli_lang(). */
void cli_say(const char *cmd, const char *key, const char *a0, const char *a1);
/* A setting refused: key's text with {0} the setting and its value ("port
 * '70000'", « … » in French), on stderr in cli_lang(). */
void cli_say_setting(const char *cmd, const char *key, const char *name, const char *value);
/* A setting that is not a whole number from lo to hi. */
void cli_say_range(const char *cmd, const char *name, const char *value, int lo, int hi);

/* What every command acting on an organisation sets up first (cli_app):
 * the store of --db, the organisation of --org (or the only one), its
 * record, the system acting on it (app_system) and the language: --lang,
 * else $CIBLE_LANG, else the organisation's locale. The arena holds what
 * the command reads. */
struct cli_app {
	struct store *s;
	struct arena arena;
	struct org org;
	id_t64 org_id;
	struct app app;
	enum lang lang;
};
/* The language of a command acting on org (its locale unless --lang, given
 * as langflag, or $CIBLE_LANG), made the one of cli_lang(). */
enum lang cli_org_lang(struct store *s, id_t64 org, const char *langflag);
/* 0 when ready; otherwise it printed why, released what it took and
 * returns the exit code (1; 2 for a bad --lang). langflag NULL: not given. */
int cli_app(const char *cmd, const char *db, const char *orgflag, const char *langflag,
	    struct cli_app *c);
void cli_app_close(struct cli_app *c);
/* A use case's refusal: prints it (cli_error) and returns the exit code: 2
 * when a flag's value was refused (invalid_value, missing_field,
 * invalid_date, unknown_reference), 1 otherwise. */
int cli_refused(const char *cmd, const struct err *e);
/* The database path: --db, else $CIBLE_DB, else ./cible.db */
const char *cli_db_path(const char *flag);
/* Opens the store, printing the error. */
struct store *cli_open(const char *cmd, const char *db);
/* The organisation to act on: --org, else the only one in the database. */
int cli_org(const char *cmd, struct store *s, const char *flag, id_t64 *org);
/* A password from --password-file, $CIBLE_PASSWORD, or a generated one
 * (generated = 1, to print). */
int cli_password(const char *cmd, const char *file, char *out, size_t n, int *generated);

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_demo(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_challenge(int argc, char **argv);
int cmd_rhythm(int argc, char **argv);
int cmd_import(int argc, char **argv);
int cmd_progress(int argc, char **argv);
int cmd_metric(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);
int cmd_send(int argc, char **argv);
int cmd_migrate_store(int argc, char **argv);

/* The sender's settings checked and put in c (cmd_send.c; `serve` shares
 * them): 2 after printing what is wrong, 0 otherwise. The strings must
 * outlive c. */
struct sender_config;
int cli_sender_settings(const char *cmd, struct sender_config *c, const char *db,
			const char *smtp_url, const char *smtp_user, const char *smtp_password,
			const char *smtp_from, const char *smtp_tls, const char *smtp_ca,
			const char *public_url,
			const char *interval, const char *timeout, const char *backoff,
			const char *attempts);


#endif
