#!/bin/sh
# Import speed and memory: a calls CSV of N rows (default 10 million) into a
# 1,000-person demo organisation with `cible import` (records stored,
# idempotent by source id, 7 call indicators measured in the same
# transaction), and the same file into a bare table with `sqlite3 .import`,
# side by side. Prints rows/s and peak memory of both.
#   sh bench/import.sh [ROWS] [WORKDIR]
# IMPORT_DB=postgres://... imports into that database instead of
# WORKDIR/demo.db (its demo made with --force; no sqlite3 baseline):
# bench/stores.sh runs it on both stores.
# IMPORT_BEFORE=path/to/old/cible also imports the same file with that
# program into a fresh demo of its own (made again, the same way), in the
# same run, and prints the ratio of the two rates.
# IMPORT_PG=1 starts a throwaway PostgreSQL server (tests/pg-server.sh) and
# imports there (both programs when IMPORT_BEFORE is set), then stops it.
set -e
rows=${1:-10000000}
dir=${2:-/tmp/cible-bench-import}
src=$(pwd)
bin=${IMPORT_BIN:-$(pwd)/build/cible}
if [ -n "$IMPORT_PG" ] && [ -z "$IMPORT_DB" ]; then
  PATH=$(sh tests/pg-server.sh bindir):$PATH
  pgdir=$(mktemp -d /tmp/cible-bench-pg-XXXXXX)
  IMPORT_DB=$(sh tests/pg-server.sh start "$pgdir")
  trap 'sh "$src/tests/pg-server.sh" stop "$pgdir"' EXIT
fi
mkdir -p "$dir"
cd "$dir"
db=${IMPORT_DB:-demo.db}
rm -f bare.db*
[ -n "$IMPORT_DB" ] || rm -f demo.db*
"$bin" demo --db "$db" --force --people 1000 --calls-per-day 0 --today 2026-11-25 >/dev/null
case $db in
postgres*|postgresql*|*=*) psql "$db" -Atc "SELECT email FROM person WHERE job LIKE 'Téléconseill%'" > agents.txt ;;
*) sqlite3 "$db" "SELECT email FROM person WHERE job LIKE 'Téléconseill%'" > agents.txt ;;
esac
csv=calls-$rows.csv
if [ ! -f "$csv" ]; then
  echo "writing $csv"
  # chronological, as telephony exports are: a year of calls, times rising
  awk -v rows="$rows" 'BEGIN { srand(42); print "Call Id,Agent,Date,Time,Topic,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating" }
    FNR == NR { agent[n++] = $0; next }
    END {
      split("Admin Support,Contract related,Payment related,Streaming,Technical Support", topic, ",")
      split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
      per = rows / 365.0
      for (i = 1; i <= rows; i++) {
        day = int((i - 1) / per); m = 1; while (day >= mdays[m]) { day -= mdays[m]; m++ }
        sec = 8 * 3600 + int(((i - 1) - int((i - 1) / per) * per) / per * 36000)
        ans = rand() < 0.81
        printf "C%09d,%s,2026-%02d-%02d,%02d:%02d:%02d,%s,%s,%s,", i, agent[int(rand() * n)], m, day + 1,
          int(sec / 3600), int(sec / 60) % 60, sec % 60, topic[1 + int(rand() * 5)], ans ? "Y" : "N", ans && rand() < 0.9 ? "Y" : "N"
        if (ans) printf "%d,00:%02d:%02d,%d\n", 10 + int(rand() * 115), 1 + int(rand() * 6), int(rand() * 60), 1 + int(rand() * 5)
        else printf ",,\n"
      }
    }' agents.txt /dev/null > "$csv"
fi
echo "file: $csv, $(wc -c < "$csv") bytes, $rows rows"
run() {
  label=$1; shift
  /usr/bin/time -f "%e %M" -o time.txt "$@" > out.txt 2>&1 || { cat out.txt; exit 1; }
  set -- $(cat time.txt)
  last=$(awk -v r="$rows" -v s="$1" 'BEGIN { printf "%.0f", r / s }')
  echo "$label: $1 s, $last rows/s, peak $(($2 / 1024)) MB"
}
# the mapping, as the positional parameters
set -- --kind call --id "Call Id" --person Agent --date Date --time Time \
  --field "answered=Answered (Y/N):bool" --field resolved=Resolved:bool \
  --field "speed=Speed of answer in seconds:number" --field talk=AvgTalkDuration:time \
  --field "csat=Satisfaction rating:number" --field topic=Topic
if [ -n "$IMPORT_BEFORE" ]; then
  "$IMPORT_BEFORE" demo --db "$db" --force --people 1000 --calls-per-day 0 --today 2026-11-25 >/dev/null
  run "before import  " "$IMPORT_BEFORE" import --db "$db" "$@" "$csv"
  tail -1 out.txt
  before=$last
  "$bin" demo --db "$db" --force --people 1000 --calls-per-day 0 --today 2026-11-25 >/dev/null
fi
run "cible import   " "$bin" import --db "$db" "$@" "$csv"
tail -1 out.txt
after=$last
[ -z "$IMPORT_BEFORE" ] || awk -v a="$after" -v b="$before" 'BEGIN { printf "ratio to before: %.2fx\n", a / b }'
if [ -z "$IMPORT_DB" ]; then
  run "sqlite3 .import" sqlite3 bare.db ".import --csv $csv calls"
  awk -v a="$after" -v b="$last" 'BEGIN { printf "ratio to sqlite3 .import: %.2fx\n", a / b }'
  [ -z "$IMPORT_BEFORE" ] || awk -v a="$before" -v b="$last" 'BEGIN { printf "before, ratio to sqlite3 .import: %.2fx\n", a / b }'
fi
run "cible re-import" "$bin" import --db "$db" "$@" "$csv"
tail -1 out.txt
