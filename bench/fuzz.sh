#!/bin/sh
# Long fuzzing: every libFuzzer target of tests/fuzz/ for FUZZ_MINUTES minutes
# (default 10) each, one after the other, on a corpus kept between runs in
# build-fuzz/corpus-<target> (grown from tests/fuzz/seeds/<target>). Prints,
# per target, the runs, the executions per second, the coverage (cov: edges,
# ft: features) and any crash (its file, the sanitizer's summary), and ends
# with "N passed, N failed"; exits non-zero when a target crashed.
#   sh bench/fuzz.sh                 10 minutes per target
#   FUZZ_MINUTES=2 sh bench/fuzz.sh  2 minutes per target
#   sh bench/fuzz.sh fuzz_form ...   only these targets
# CI runs the short version of the same targets: make fuzz (FUZZ_SECONDS).
set -u
cd "$(dirname "$0")/.."
minutes=${FUZZ_MINUTES:-10}
secs=$(awk -v m="$minutes" 'BEGIN { printf "%d", m * 60 }')
make -s fuzz-build >/dev/null || { echo "fuzz: cannot build the targets"; echo "0 passed, 1 failed"; exit 1; }
if [ $# -gt 0 ]; then targets="$*"; else
  targets=$(ls tests/fuzz/fuzz_*.c | sed 's|tests/fuzz/||; s|\.c$||'); fi
pass=0; fail=0
echo "fuzzing $(echo $targets | wc -w) targets, ${minutes} min each ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
printf '%-18s %12s %8s %6s %7s %6s  %s\n' target runs exec/s cov ft corpus result
for t in $targets; do
  bin=build-fuzz/$t
  corpus=build-fuzz/corpus-$t
  mkdir -p "$corpus" build-fuzz/crashes
  seeds=tests/fuzz/seeds/$t; [ -d "$seeds" ] || seeds=
  log=build-fuzz/$t.long.log
  "$bin" -max_total_time="$secs" -max_len=1100000 -rss_limit_mb=2048 -timeout=30 \
    -print_final_stats=1 -artifact_prefix=build-fuzz/crashes/$t- \
    "$corpus" $seeds >"$log" 2>&1
  rc=$?
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  runs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}')
  [ -n "$runs" ] || runs=$(echo "$last" | sed -E 's/^#([0-9]+).*/\1/')
  eps=$(grep -E '^stat::average_exec_per_sec:' "$log" | awk '{print $2}')
  cov=$(echo "$last" | sed -nE 's/.* cov: ([0-9]+).*/\1/p')
  ft=$(echo "$last" | sed -nE 's/.* ft: ([0-9]+).*/\1/p')
  corp=$(echo "$last" | sed -nE 's/.* corp: ([0-9]+).*/\1/p')
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1)); result=ok
  else
    fail=$((fail + 1))
    crash=$(grep -oE "Test unit written to [^ ]+" "$log" | tail -1 | sed 's/Test unit written to //')
    result="CRASH (exit $rc) ${crash:-no artifact}: $(grep -E 'SUMMARY|ERROR:' "$log" | head -1)"
  fi
  printf '%-18s %12s %8s %6s %7s %6s  %s\n' "$t" "${runs:-?}" "${eps:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
