#!/bin/sh
# The whole test suite, as CI runs it: dependencies, the normal build and its
# tests, the same tests under ASan + UBSan, and bounded fuzzing of every parser.
# Ends with the total "N passed, N failed". FUZZ_SECONDS sets each fuzz run.
set -e
cd "$(dirname "$0")/.."
sh scripts/deps.sh test
jobs=$(nproc 2>/dev/null || echo 2)
make -j"$jobs" >/dev/null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
echo "== tests"
make check 2>&1 | tee -a "$log" || status=1
echo "== tests under ASan + UBSan"
make -j"$jobs" BUILD=build-asan SAN=1 OPT="-O1 -g" build-asan/cible >/dev/null
make asan 2>&1 | tee -a "$log" || status=1
echo "== fuzzing (${FUZZ_SECONDS:-20} s per target)"
if make fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-20}"; then
  echo "fuzz: $(ls tests/fuzz/fuzz_*.c 2>/dev/null | wc -l) passed, 0 failed" | tee -a "$log"
else
  echo "fuzz: 0 passed, 1 failed" | tee -a "$log"; status=1
fi
# the closing line: every "all:" line (normal and sanitizer runs) and the fuzz line
grep -E '^(all|fuzz): [0-9]+ passed, [0-9]+ failed' "$log" |
  awk '{ p += $2; f += $4 } END { printf "%d passed, %d failed\n", p, f }'
exit $status
