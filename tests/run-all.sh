#!/bin/sh
# `make check`: the unit tests, then the API tests against the real server and
# the browser tests, ending with "all: N passed, N failed".
# usage: run-all.sh UNIT-BINARY...   (CIBLE_BIN names the server binary)
#
# The harness cannot lie: a suite's own exit status counts (not the status of a
# pipe into tee), each suite must print its summary line or it is a failure,
# and every suite is required (node missing is a failure, not an empty pass).
# CIBLE_SUITES (default "unit api browser") runs a subset, for development.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
suites=${CIBLE_SUITES:-unit api browser}

# run SUITE CMD...: runs CMD with its output shown and kept, records its status
run() {
  suite=$1; shift
  { "$@" 2>&1; echo $? > "$tmp/$suite.rc"; } | tee "$tmp/$suite.log"
  rc=$(cat "$tmp/$suite.rc" 2>/dev/null || echo 1)
  if [ "$rc" -ne 0 ]; then
    echo "FAIL suite $suite: exit status $rc"; status=1
  fi
}

for suite in $suites; do
  case $suite in
    unit) run unit sh tests/run-unit.sh "$@" ;;
    api) run api node tests/api/run.mjs ;;
    browser) run browser node tests/browser/run.mjs ;;
    *) echo "FAIL: unknown suite $suite"; status=1 ;;
  esac
done

p=0; f=0
for suite in $suites; do
  line=$(grep -E "^$suite: [0-9]+ passed, [0-9]+ failed" "$tmp/$suite.log" 2>/dev/null | tail -1)
  if [ -z "$line" ]; then
    echo "FAIL suite $suite: no summary line"; f=$((f + 1)); status=1; continue
  fi
  p=$((p + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
done
[ $f -eq 0 ] || status=1
# a suite that failed without saying so still fails the total
[ $status -eq 0 ] || [ $f -gt 0 ] || f=1
echo "all: $p passed, $f failed"
exit $status
