/* `cible serve`: settings from flags, environment, config file, defaults —
 * in that order of precedence. */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "store/db.h"
#include "http/http.h"

struct settings {
	char db[1024], address[64], port[16], threads[16], log_level[16], durability[16];
};

static int log_level_parse(const char *s)
{
	static const char *const names[] = { "error", "warn", "info", "debug" };
	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

static void set(char *dst, size_t n, const char *v)
{
	if (v && *v)
		snprintf(dst, n, "%s", v);
}

static int read_config(const char *path, struct settings *st)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "cible serve: cannot read config file %s\n", path);
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
			fprintf(stderr, "cible serve: %s:%d: expected `key = value`\n", path, lineno);
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
		if (!strcmp(k, "db")) set(st->db, sizeof(st->db), v);
		else if (!strcmp(k, "address")) set(st->address, sizeof(st->address), v);
		else if (!strcmp(k, "port")) set(st->port, sizeof(st->port), v);
		else if (!strcmp(k, "threads")) set(st->threads, sizeof(st->threads), v);
		else if (!strcmp(k, "log_level")) set(st->log_level, sizeof(st->log_level), v);
		else if (!strcmp(k, "durability")) set(st->durability, sizeof(st->durability), v);
		else {
			fprintf(stderr, "cible serve: %s:%d: unknown key '%s'\n", path, lineno, k);
			fclose(f);
			return -1;
		}
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
	static const struct option opts[] = {
		{ "db", required_argument, 0, 'd' }, { "address", required_argument, 0, 'a' },
		{ "port", required_argument, 0, 'p' }, { "threads", required_argument, 0, 't' },
		{ "log-level", required_argument, 0, 'l' }, { "config", required_argument, 0, 'c' },
		{ "durability", required_argument, 0, 'D' },
		{ 0, 0, 0, 0 } };
	struct settings st = { "cible.db", "127.0.0.1", "8080", "4", "info", "full" };
	const char *flag[6] = { 0 }, *config = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'd': flag[0] = optarg; break;
		case 'a': flag[1] = optarg; break;
		case 'p': flag[2] = optarg; break;
		case 't': flag[3] = optarg; break;
		case 'l': flag[4] = optarg; break;
		case 'D': flag[5] = optarg; break;
		case 'c': config = optarg; break;
		default: cli_usage("serve", 1); return 2;
		}
	}
	if (optind != argc) {
		cli_usage("serve", 1);
		return 2;
	}
	if (config && read_config(config, &st))
		return 2;
	set(st.db, sizeof(st.db), getenv("CIBLE_DB"));
	set(st.address, sizeof(st.address), getenv("CIBLE_ADDRESS"));
	set(st.port, sizeof(st.port), getenv("CIBLE_PORT"));
	set(st.threads, sizeof(st.threads), getenv("CIBLE_THREADS"));
	set(st.log_level, sizeof(st.log_level), getenv("CIBLE_LOG_LEVEL"));
	set(st.db, sizeof(st.db), flag[0]);
	set(st.address, sizeof(st.address), flag[1]);
	set(st.port, sizeof(st.port), flag[2]);
	set(st.threads, sizeof(st.threads), flag[3]);
	set(st.log_level, sizeof(st.log_level), flag[4]);
	set(st.durability, sizeof(st.durability), getenv("CIBLE_DURABILITY"));
	set(st.durability, sizeof(st.durability), flag[5]);
	if (db_durability_set(st.durability)) {
		fprintf(stderr, "cible serve: durability '%s' is not full or normal\n", st.durability);
		return 2;
	}

	struct server_config cfg = { st.address, 0, st.db, 2, 4 };
	if (parse_int(st.port, 0, 65535, &cfg.port)) {
		fprintf(stderr, "cible serve: port '%s' is not a number from 0 to 65535\n", st.port);
		return 2;
	}
	if (parse_int(st.threads, 1, 256, &cfg.threads)) {
		fprintf(stderr, "cible serve: threads '%s' is not a number from 1 to 256\n",
			st.threads);
		return 2;
	}
	cfg.log_level = log_level_parse(st.log_level);
	if (cfg.log_level < 0) {
		fprintf(stderr, "cible serve: log level '%s' is not error, warn, info or debug\n",
			st.log_level);
		return 2;
	}
	return server_run(&cfg);
}
