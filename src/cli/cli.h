/* The `cible` command line: one table of commands (main.c), one file per
 * command.
 *
 * How to add a command: write `int cmd_thing(int argc, char **argv)` in
 * src/cli/cmd_thing.c, declare it here, add one line to the table in main.c
 * with its one-line summary and its usage text (what `cible thing --help`
 * prints). Commands return the process exit code: 0 ok, 1 failure, 2 misuse.
 * A command that changes something calls the use case of src/app (the
 * API's validation, access and audit) as the system: app_system(); it
 * includes no src/http header (only `serve` does). */
#ifndef CIBLE_CLI_H
#define CIBLE_CLI_H
#include "core/err.h"
#include "store/store.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const char *usage;
};
extern const struct command commands[];

/* Prints usage of cmd to stdout (help) or stderr (misuse). */
void cli_usage(const char *cmd, int to_stderr);
/* Prints an error in English (the CLI speaks English unless CIBLE_LANG=fr). */
void cli_error(const char *cmd, const struct err *e);
enum lang cli_lang(void);
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
			const char *smtp_from, const char *smtp_tls, const char *public_url,
			const char *interval, const char *timeout, const char *backoff,
			const char *attempts);


#endif
