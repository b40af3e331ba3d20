#!/bin/sh
# Runs each unit-test binary and adds up their "N passed, N failed" lines.
# A binary that exits non-zero, or prints no result line, is a failure even if
# its line says "0 failed". Ends with "unit: N passed, N failed"; exits
# non-zero on any failure.
passed=0; failed=0; status=0
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  printf '%s\n' "$out"
  line=$(printf '%s\n' "$out" | grep -E '^[^ ]+: [0-9]+ passed, [0-9]+ failed$' | tail -1)
  if [ -z "$line" ]; then
    echo "FAIL $t: no result line (exit status $rc: crashed?)"
    failed=$((failed+1)); status=1; continue
  fi
  p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
  f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL $t: exit status $rc with no failed case"
    f=1
  fi
  [ "$f" -eq 0 ] || status=1
  passed=$((passed+p)); failed=$((failed+f))
done
if [ $# -eq 0 ]; then echo "FAIL: no unit-test binary given"; failed=1; status=1; fi
echo "unit: $passed passed, $failed failed"
exit $status
