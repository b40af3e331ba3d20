#!/bin/sh
# Every objective's progress in the 10,000-person demo organisation (a year
# of activity, 21 million records): `cible progress --all --summary` in a new
# process each run (nothing cached by cible; the OS page cache warm after the
# first run), then after one new batch of 1,000 calls imported for the last
# day. Prints the demo's size, hyperfine's figures and peak memory.
#   sh bench/progress.sh [WORKDIR]   (the demo is kept there and reused)
# PROGRESS_DB=SETTING measures that database instead (any store, its
# organisation already made), PROGRESS_RUNS runs of hyperfine (default 10;
# none without hyperfine), and stops before the batch: bench/stores.sh runs
# it on both stores.
set -e
cd "$(dirname "$0")/.."
[ -n "$PROGRESS_DB" ] || command -v hyperfine >/dev/null ||
  { echo "bench/progress.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
make -s build/cible
bin=$(pwd)/build/cible
dir=${1:-/tmp/cible-bench-progress}
mkdir -p "$dir"
cd "$dir"
db=${PROGRESS_DB:-demo10k.db}
if [ -z "$PROGRESS_DB" ] && [ ! -f demo10k.db ]; then
  echo "generating the 10,000-person demo (about 4 minutes)"
  /usr/bin/time -f "demo: %e s, peak %M KB" "$bin" demo --db demo10k.db --people 10000 --today 2026-11-25 | head -1
fi
prog="$bin progress --db $db --all --summary --today 2026-11-25"
$prog
/usr/bin/time -f "progress --all: %e s, peak %M KB" $prog >/dev/null
! command -v hyperfine >/dev/null ||
  hyperfine -N --warmup 1 --runs "${PROGRESS_RUNS:-10}" "$prog" 2>/dev/null | grep -E 'Time|Range'
[ -z "$PROGRESS_DB" ] || exit 0
# one new batch: 1,000 calls of the last day for the first 1,000 agents
sqlite3 demo10k.db "SELECT email FROM person WHERE job LIKE 'Téléconseill%' LIMIT 1000" |
  awk -v n="$(date +%s)" 'BEGIN { print "Call Id,Agent,Date,Time,Answered (Y/N),Resolved,Speed of answer in seconds,AvgTalkDuration,Satisfaction rating" }
    { printf "B%s-%05d,%s,2026-11-25,17:%02d:00,Y,Y,12,00:03:10,5\n", n, NR, $0, NR % 60 }' > batch.csv
/usr/bin/time -f "import of the batch: %e s, peak %M KB" "$bin" import --db demo10k.db --kind call \
  --id "Call Id" --person Agent --date Date --time Time --field "answered=Answered (Y/N):bool" \
  --field resolved=Resolved:bool --field "speed=Speed of answer in seconds:number" \
  --field talk=AvgTalkDuration:time --field "csat=Satisfaction rating:number" batch.csv | tail -1
hyperfine -N --runs 10 "$prog" 2>/dev/null | grep -E 'Time|Range'
