#!/bin/sh
# The whole test suite, as CI runs it: dependencies, the normal build and its
# tests, the unit and API tests again on a throwaway PostgreSQL server, a soak of mixed traffic (SOAK_SECONDS, default 120), the same tests
# under ASan + UBSan, and bounded fuzzing of every parser.
# Ends with the total "N passed, N failed" and exits non-zero when anything
# failed: each step's own exit status is kept (never a pipe's), and each step
# must print its summary line. FUZZ_SECONDS sets each fuzz run;
# CIBLE_TEST_JOBS how many test files run at once (default: the processors;
# on CI's 2 cores it took the three test steps from 27 to 18 minutes). Each
# step's time in seconds is listed before the total.
set -e
cd "$(dirname "$0")/.."
sh scripts/deps.sh test
jobs=$(nproc 2>/dev/null || echo 2)
export CIBLE_TEST_JOBS="${CIBLE_TEST_JOBS:-$jobs}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# step NAME CMD...: runs CMD, its output shown and kept in $tmp/NAME.log
step() {
  name=$1; shift
  echo "== $name"
  t0=$(date +%s)
  { "$@" 2>&1; echo $? > "$tmp/$name.rc"; } | tee "$tmp/$name.log"
  rc=$(cat "$tmp/$name.rc" 2>/dev/null || echo 1)
  echo "$name: $(( $(date +%s) - t0 )) s" >> "$tmp/times"
  if [ "$rc" -ne 0 ]; then echo "FAIL step $name: exit status $rc"; status=1; fi
  return 0
}

set +e
step build make -s -j"$jobs"
step tests make check
# the same unit and API suites on a throwaway PostgreSQL 15 (tests/pg-server.sh);
# on every run, as CI does. CIBLE_PG=0 leaves it out of a quick local run,
# never out of CI's (CIBLE_STRICT=1, .ci/run).
[ "${CIBLE_STRICT:-0}" = 1 ] && CIBLE_PG=1
[ "${CIBLE_PG:-1}" = 0 ] || step tests-pg make check-pg
step soak env CIBLE_BIN="$PWD/build/cible" node bench/soak.mjs --seconds "${SOAK_SECONDS:-120}" --clients 8
step build-asan make -s -j"$jobs" BUILD=build-asan SAN=1 OPT="-O1 -g" build-asan/cible
step tests-asan make asan
step fuzz make -j"$jobs" fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-20}"

# the closing line: the "all:" line of each test run and one line for fuzzing
p=0; f=0
for name in tests tests-asan; do
  line=$(grep -E '^all: [0-9]+ passed, [0-9]+ failed' "$tmp/$name.log" | tail -1)
  if [ -z "$line" ]; then echo "FAIL step $name: no summary line"; f=$((f + 1)); status=1; continue; fi
  p=$((p + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
done
line=$(grep -E '^api-pg: [0-9]+ passed, [0-9]+ failed' "$tmp/tests-pg.log" 2>/dev/null | tail -1)
if [ "${CIBLE_PG:-1}" = 0 ]; then
  echo "tests-pg: left out (CIBLE_PG=0)"
elif [ -n "$line" ]; then
  p=$((p + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
else
  echo "FAIL step tests-pg: no summary line"; f=$((f + 1)); status=1
fi
line=$(grep -E '^soak: [0-9]+ passed, [0-9]+ failed' "$tmp/soak.log" | tail -1)
if [ -n "$line" ]; then
  p=$((p + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
  f=$((f + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
else
  echo "FAIL step soak: no summary line"; f=$((f + 1)); status=1
fi
targets=$(ls tests/fuzz/fuzz_*.c 2>/dev/null | wc -l)
if [ "$(cat "$tmp/fuzz.rc")" -eq 0 ] && [ "$targets" -gt 0 ]; then
  p=$((p + targets)); echo "fuzz: $targets passed, 0 failed"
else
  f=$((f + 1)); echo "fuzz: 0 passed, 1 failed"
fi
for name in build build-asan; do
  [ "$(cat "$tmp/$name.rc")" -eq 0 ] || f=$((f + 1))
done
[ $status -eq 0 ] || [ $f -gt 0 ] || f=1
echo "time per step:"; sed 's/^/  /' "$tmp/times"
echo "$p passed, $f failed"
exit $status
