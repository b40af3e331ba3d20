/* `cible serve`: settings from flags, environment, config file, defaults —
 * in that order of precedence. One table says, for each setting, its config
 * key (also the flag, with '-' for '_'), its variable and its default. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/sender.h"
#include "cli/cli.h"
#include "store/db.h"
#include "http/http.h"
#include "web/web.h"

enum { S_DB, S_ADDRESS, S_PORT, S_THREADS, S_LOG_LEVEL, S_DURABILITY, S_MAX_PER_ADDRESS,
       S_PUBLIC_URL, S_SENDER, S_SMTP_URL, S_SMTP_USER, S_SMTP_PASSWORD, S_SMTP_FROM,
       S_SMTP_TLS, S_SMTP_CA, S_SEND_INTERVAL, S_SEND_TIMEOUT, S_SEND_BACKOFF, S_SEND_ATTEMPTS, S_COUNT };

static const struct setting {
	const char *key, *flag, *env, *def;
} settings[S_COUNT] = {
	[S_DB] = { "db", "db", "CIBLE_DB", "cible.db" },
	[S_ADDRESS] = { "address", "address", "CIBLE_ADDRESS", "127.0.0.1" },
	[S_PORT] = { "port", "port", "CIBLE_PORT", "8080" },
	[S_THREADS] = { "threads", "threads", "CIBLE_THREADS", "16" },
	[S_LOG_LEVEL] = { "log_level", "log-level", "CIBLE_LOG_LEVEL", "info" },
	[S_DURABILITY] = { "durability", "durability", "CIBLE_DURABILITY", "full" },
	[S_MAX_PER_ADDRESS] = { "max_per_address", "max-per-address", "CIBLE_MAX_PER_ADDRESS",
				"100" },
	[S_PUBLIC_URL] = { "public_url", "public-url", "CIBLE_PUBLIC_URL", "" },
	[S_SENDER] = { "sender", "sender", "CIBLE_SENDER", "on" },
	[S_SMTP_URL] = { "smtp_url", "smtp-url", "CIBLE_SMTP_URL", "" },
	[S_SMTP_USER] = { "smtp_user", "smtp-user", "CIBLE_SMTP_USER", "" },
	[S_SMTP_PASSWORD] = { "smtp_password", "smtp-password", "CIBLE_SMTP_PASSWORD", "" },
	[S_SMTP_FROM] = { "smtp_from", "smtp-from", "CIBLE_SMTP_FROM", "cible@localhost" },
	[S_SMTP_TLS] = { "smtp_tls", "smtp-tls", "CIBLE_SMTP_TLS", "required" },
	[S_SMTP_CA] = { "smtp_ca", "smtp-ca", "CIBLE_SMTP_CA", "" },
	[S_SEND_INTERVAL] = { "send_interval", "send-interval", "CIBLE_SEND_INTERVAL", "15" },
	[S_SEND_TIMEOUT] = { "send_timeout", "send-timeout", "CIBLE_SEND_TIMEOUT", "10" },
	[S_SEND_BACKOFF] = { "send_backoff", "send-backoff", "CIBLE_SEND_BACKOFF", "30" },
	[S_SEND_ATTEMPTS] = { "send_attempts", "send-attempts", "CIBLE_SEND_ATTEMPTS", "6" },
};

struct values {
	char v[S_COUNT][1024];
};

static int log_level_parse(const char *s)
{
	static const char *const names[] = { "error", "warn", "info", "debug" };
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

static void set(struct values *st, int i, const char *v)
{
	if (v && *v)
		snprintf(st->v[i], sizeof(st->v[i]), "%s", v);
}

static int read_config(const char *path, struct values *st)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		cli_say("serve", "serve.config_read", path, NULL);
		return -1;
	}
	char line[1200];
	int lineno = 0;
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		char *p = line;
		while (isspace((unsigned char)*p))
			p++;
		if (!*p || *p == '#')
			continue;
		char *eq = strchr(p, '=');
		if (!eq) {
			char where[600];
			snprintf(where, sizeof(where), "%s:%d", path, lineno);
			cli_say("serve", "serve.config_line", where, NULL);
			fclose(f);
			return -1;
		}
		char *k = p, *v = eq + 1, *end = eq;
		while (end > k && isspace((unsigned char)end[-1]))
			end--;
		*end = '\0';
		while (isspace((unsigned char)*v))
			v++;
		v[strcspn(v, "\r\n")] = '\0';
		for (end = v + strlen(v); end > v && isspace((unsigned char)end[-1]);)
			*--end = '\0';
		int i = 0;
		while (i < S_COUNT && strcmp(k, settings[i].key))
			i++;
		if (i == S_COUNT) {
			char where[600];
			snprintf(where, sizeof(where), "%s:%d", path, lineno);
			cli_say("serve", "serve.config_key", where, k);
			fclose(f);
			return -1;
		}
		set(st, i, v);
	}
	fclose(f);
	return 0;
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	struct option opts[S_COUNT + 2];
	for (int i = 0; i < S_COUNT; i++)
		opts[i] = (struct option){ settings[i].flag, required_argument, 0, 'A' + i };
	opts[S_COUNT] = (struct option){ "config", required_argument, 0, 'c' };
	opts[S_COUNT + 1] = (struct option){ 0, 0, 0, 0 };
	static struct values st, flag;
	memset(&flag, 0, sizeof(flag));
	for (int i = 0; i < S_COUNT; i++)
		set(&st, i, settings[i].def);
	const char *config = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'c')
			config = optarg;
		else if (c >= 'A' && c < 'A' + S_COUNT)
			set(&flag, c - 'A', optarg);
		else {
			cli_usage("serve", 1);
			return 2;
		}
	}
	if (optind != argc) {
		cli_usage("serve", 1);
		return 2;
	}
	if (config && read_config(config, &st))
		return 2;
	for (int i = 0; i < S_COUNT; i++) {
		set(&st, i, getenv(settings[i].env));
		set(&st, i, flag.v[i]);
	}
	if (db_durability_set(st.v[S_DURABILITY])) {
		cli_say_setting("serve", "serve.durability", "durability", st.v[S_DURABILITY]);
		return 2;
	}

	static const struct surface *const surfaces[] = { &api_surface, &web_surface, NULL };
	struct server_config cfg = { st.v[S_ADDRESS], 0, st.v[S_DB], 2, 4, 100, 0, NULL, surfaces,
				     NULL, NULL, NULL };
	if (parse_int(st.v[S_PORT], 0, 65535, &cfg.port)) {
		cli_say_range("serve", "port", st.v[S_PORT], 0, 65535);
		return 2;
	}
	if (parse_int(st.v[S_THREADS], 1, 256, &cfg.threads)) {
		cli_say_range("serve", "threads", st.v[S_THREADS], 1, 256);
		return 2;
	}
	if (parse_int(st.v[S_MAX_PER_ADDRESS], 0, 100000, &cfg.max_per_address)) {
		cli_say_setting("serve", "serve.max_per_address", "max-per-address",
				st.v[S_MAX_PER_ADDRESS]);
		return 2;
	}
	const char *url = st.v[S_PUBLIC_URL];
	if (*url && strncmp(url, "https://", 8) && strncmp(url, "http://", 7)) {
		cli_say_setting("serve", "serve.public_url", "public-url", url);
		return 2;
	}
	cfg.secure = !strncmp(url, "https://", 8);
	cfg.public_url = url;
	cfg.log_level = log_level_parse(st.v[S_LOG_LEVEL]);
	if (cfg.log_level < 0) {
		cli_say_setting("serve", "serve.log_level", "log level", st.v[S_LOG_LEVEL]);
		return 2;
	}
	static struct sender_config sc;
	if (strcmp(st.v[S_SENDER], "on") && strcmp(st.v[S_SENDER], "off")) {
		cli_say_setting("serve", "serve.sender", "sender", st.v[S_SENDER]);
		return 2;
	}
	if (cli_sender_settings("serve", &sc, st.v[S_DB], st.v[S_SMTP_URL], st.v[S_SMTP_USER],
				st.v[S_SMTP_PASSWORD], st.v[S_SMTP_FROM], st.v[S_SMTP_TLS], st.v[S_SMTP_CA], url,
				st.v[S_SEND_INTERVAL], st.v[S_SEND_TIMEOUT], st.v[S_SEND_BACKOFF],
				st.v[S_SEND_ATTEMPTS]))
		return 2;
	if (!strcmp(st.v[S_SENDER], "on")) {
		cfg.worker_start = app_sender_start;
		cfg.worker_stop = app_sender_stop;
		cfg.worker_arg = &sc;
	}
	return server_run(&cfg);
}
