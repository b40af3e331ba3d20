#!/bin/sh
# `make check-pg`: the unit tests and the whole API suite on PostgreSQL. A
# throwaway PostgreSQL 15 server (tests/pg-server.sh) is started for the run
# and stopped after it; each API test file's server gets a database of its
# own there (tests/api/harness.mjs, CIBLE_STORE=postgres).
# Ends with "api-pg: N passed, N failed"; the exit status is the suites'.
# usage: check-pg.sh UNIT-BINARY...   (CIBLE_BIN names the server binary)
# The server's own folder first on the PATH, so that the tests' psql is its
# version's (Debian's /usr/bin/psql is a wrapper that picks one).
bin=$(sh tests/pg-server.sh bindir) || { echo "api-pg: 0 passed, 1 failed"; exit 1; }
PATH=$bin:$PATH; export PATH
start=$(date +%s)
dir=$(mktemp -d /tmp/cible-pg-XXXXXX)
trap 'sh tests/pg-server.sh stop "$dir"' EXIT INT TERM
url=$(sh tests/pg-server.sh start "$dir") || { echo "api-pg: 0 passed, 1 failed"; exit 1; }
echo "PostgreSQL for the tests: $url"
log=$dir/run.log
CIBLE_STORE=postgres CIBLE_PG_URL=$url CIBLE_SUITES="unit api" sh tests/run-all.sh "$@" >"$dir/out" 2>&1
status=$?
cat "$dir/out"
line=$(grep -E '^all: [0-9]+ passed, [0-9]+ failed' "$dir/out" | tail -1)
if [ -z "$line" ]; then echo "api-pg: 0 passed, 1 failed"; exit 1; fi
echo "api-pg: ${line#all: } ($(( $(date +%s) - start )) s)"
exit $status
