#!/bin/sh
# `make check`: the unit tests, then the API tests against the real server
# (and the browser tests when they exist), ending with "all: N passed, N failed".
# usage: run-all.sh UNIT-BINARY...   (CIBLE_BIN names the server binary)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
sh tests/run-unit.sh "$@" 2>&1 | tee -a "$log"
[ "$(tail -1 "$log" | grep -c ' 0 failed')" = 1 ] || status=1
if [ -f tests/api/run.mjs ]; then
  node tests/api/run.mjs 2>&1 | tee -a "$log.api" || status=1
  cat "$log.api" >> "$log"; rm -f "$log.api"
fi
if [ -f tests/browser/run.mjs ]; then
  node tests/browser/run.mjs 2>&1 | tee -a "$log.web" || status=1
  cat "$log.web" >> "$log"; rm -f "$log.web"
fi
p=0; f=0
for suite in unit api browser; do
  line=$(grep -E "^$suite: [0-9]+ passed, [0-9]+ failed" "$log" | tail -1)
  [ -n "$line" ] || continue
  p=$((p + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
done
[ $f -eq 0 ] || status=1
echo "all: $p passed, $f failed"
exit $status
