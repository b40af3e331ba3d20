#!/bin/sh
# Runs each unit-test binary and adds up their "N passed, N failed" lines.
passed=0; failed=0; status=0
for t in "$@"; do
  out=$("$t" 2>&1) || status=1
  printf '%s\n' "$out"
  line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -1)
  p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
  f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
  if [ -z "$line" ]; then echo "$t: no result line (crashed?)"; failed=$((failed+1)); status=1; continue; fi
  passed=$((passed+p)); failed=$((failed+f))
done
echo "unit: $passed passed, $failed failed"
exit $status
