#!/bin/sh
# Fresh results (issue 17, item 2) on the 10,000-person demo organisation,
# a build before kept results (BASE) against this one, in one run, each on
# its own copy of the same demo file:
#  1. a 1,000-call import with `cible import` (the first 1,000 agents, one
#     call each on the day), one warm-up batch each, then $BATCHES batches
#     each (default 7), alternating: wall and CPU medians and their
#     difference, which is what keeping the touched objectives' results
#     (migration 0026, in the import's transaction) costs; this build's
#     warm-up is the day's first batch, which keeps every objective's result;
#  2. with perf, one more batch sampled: the share of app_results_keep_tx;
#  3. every objective's figures right after: `cible progress --all
#     --summary` reading the kept results, against the same with
#     --recompute (every result computed and kept) and against BASE (every
#     result computed, nothing kept): the counts by status must agree.
#   sh bench/fresh.sh BASE-BINARY DEMO-DB [WORKDIR]
# FRESH_TODAY: the day (default: today, UTC); the demo should be made for it.
set -e
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: sh bench/fresh.sh BASE-BINARY DEMO-DB [WORKDIR]" >&2; exit 2; }
[ -n "$CIBLE_BIN" ] || make -s build/cible
bin=${CIBLE_BIN:-$(pwd)/build/cible}  # CIBLE_BIN: a copy, so that a rebuild cannot change it mid-run
base=$1
demo=$2
dir=${3:-/tmp/cible-bench-fresh}
BATCHES=${BATCHES:-7}
RUNS=${RUNS:-5}
day=${FRESH_TODAY:-$(date -u +%F)}
export CIBLE_TODAY=$day
mkdir -p "$dir"
cd "$dir"
rm -f base.db* new.db*
cp "$demo" base.db
cp "$demo" new.db
echo "demo: $(sqlite3 base.db "SELECT count(*) FROM person") people, $(sqlite3 base.db "SELECT count(*) FROM objective") objectives, $(sqlite3 base.db "SELECT count(*) FROM unit") units; day $day"
sqlite3 base.db "SELECT email FROM person WHERE job LIKE 'Téléconseill%' ORDER BY id LIMIT 1000" > agents.txt
ms() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%d", (e - s) / 1000000 }'; }
imp() {  # binary, db, batch name -> "wall CPU" in ms (CPU: user + system of the import)
  awk -v b="$3" 'BEGIN { print "Call Id,Agent,Date,Time,Answered (Y/N),Resolved,AvgTalkDuration" }
    { printf "F%s-%05d,%s,'"$day"',17:%02d:00,Y,Y,00:03:10\n", b, NR, $0, NR % 60 }' agents.txt > batch.csv
  s=$(date +%s%N)
  /usr/bin/time -o cpu.txt -f '%U %S' "$1" import --db "$2" --kind call --id "Call Id" --person Agent \
    --date Date --time Time --field "answered=Answered (Y/N):bool" --field resolved=Resolved:bool \
    --field talk=AvgTalkDuration:time batch.csv > /dev/null
  e=$(date +%s%N)
  echo "$(ms $s $e) $(awk '{ printf "%d", ($1 + $2) * 1000 }' cpu.txt)"
}
med() { echo $* | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# the first open of new.db migrates it (0026: nothing kept yet)
s=$(date +%s%N); "$bin" progress --db new.db --all --summary > /dev/null; e=$(date +%s%N)
echo "first open of this build's copy (migration, everything computed): $(ms $s $e) ms"
echo "## 1,000-call import, before and after (same run, alternating)"
set -- $(imp "$base" base.db b0); b0="$1 ms wall, $2 ms CPU"
set -- $(imp "$bin" new.db n0); n0="$1 ms wall, $2 ms CPU"
echo "warm-up: before $b0; after $n0 (the day's first batch: every objective's result kept, $(sqlite3 new.db "SELECT count(*) FROM objective_result") rows)"
w=""; wc=""; o=""; oc=""
b=1
while [ $b -le $BATCHES ]; do
  set -- $(imp "$base" base.db b$b); o="$o $1"; oc="$oc $2"
  set -- $(imp "$bin" new.db n$b); w="$w $1"; wc="$wc $2"
  b=$((b + 1))
done
echo "before (nothing kept):       wall$o ms, median $(med $o); CPU$oc ms, median $(med $oc)"
echo "after (touched results kept): wall$w ms, median $(med $w); CPU$wc ms, median $(med $wc)"
echo "keeping the touched results, difference of the medians: wall $(( $(med $w) - $(med $o) )) ms, CPU $(( $(med $wc) - $(med $oc) )) ms"
echo "rows rewritten by the last batch: $(sqlite3 new.db "SELECT count(*) FROM objective_result r JOIN objective o ON o.org_id = r.org_id AND o.id = r.objective_id WHERE o.owner_person_id IN (SELECT id FROM person WHERE job LIKE 'Téléconseill%' ORDER BY id LIMIT 1000)") individual objectives of the batch's people, and those of their units and every unit above"
if command -v perf > /dev/null 2>&1; then
  awk 'BEGIN { print "Call Id,Agent,Date,Time,Answered (Y/N),Resolved,AvgTalkDuration" }
    { printf "Fpf-%05d,%s,'"$day"',17:%02d:00,Y,Y,00:03:10\n", NR, $0, NR % 60 }' agents.txt > batch.csv
  perf record -q -F 4000 --call-graph dwarf,16384 -o perf.data -- \
    "$bin" import --db new.db --kind call --id "Call Id" --person Agent --date Date --time Time \
    --field "answered=Answered (Y/N):bool" --field resolved=Resolved:bool \
    --field talk=AvgTalkDuration:time batch.csv > /dev/null 2>&1
  n=$(perf report -i perf.data --no-children --stdio -n -g none --sort comm 2>/dev/null | awk '/^ +[0-9]/ { s += $2 } END { print s }')
  share() { perf report -i perf.data --children --stdio -g none --sort sym 2>/dev/null |
    awk -v f="$1" -v n="$n" '$NF == f { sub("%", "", $1); printf "%s %% of %d samples at 4 kHz, about %.0f ms", $1, n, $1 / 100 * n / 4 }'; }
  # samples under app_results_keep_tx, and among them under each callee
  under() { perf script -i perf.data 2>/dev/null | awk -v f="$1" -v g="$2" -v n="$n" '
    NF == 0 { if (inf && (g == "" || ing)) k++; inf = ing = 0; next }
    { s = $2; sub(/\+0x.*/, "", s); if (s == f) inf = 1; if (s == g) ing = 1 }
    END { printf "%d samples, about %.0f ms", k, k / 4 }'; }
  echo "one more batch under perf ($n samples at 4 kHz, about $((n / 4)) ms of CPU): keeping the results (app_results_keep_tx) $(under app_results_keep_tx '')"
  echo "  of which measuring $(under app_results_keep_tx measure_many_alone), writing the rows $(under app_results_keep_tx store_results_put), the rows' text $(under app_results_keep_tx row_of)"
  echo "  read once for the results and the badges: the touched owners' units and objectives (app_touched_load) $(share app_touched_load)"
  echo "  in the same import: the badges (app_badges_award_tx) $(share app_badges_award_tx), the challenges (app_challenges_keep_tx) $(share app_challenges_keep_tx), the states (measure_batch_flush) $(share measure_batch_flush)"
  # the same batch again on base for an equal count of batches
  imp "$base" base.db pf > /dev/null
  rm -f perf.data
fi
echo "## every objective's figures right after the batch (one process each, $RUNS runs, median)"
run() {  # label, command... -> median wall ms and the summary line
  t=""
  i=0
  while [ $i -lt $RUNS ]; do
    s=$(date +%s%N); "$@" > summary.txt; e=$(date +%s%N)
    t="$t $(ms $s $e)"
    i=$((i + 1))
  done
  echo "$(med $t) ms a process (runs:$t); the last: $(cat summary.txt)"
}
echo "after, kept results:      $(run "$bin" progress --db new.db --all --summary --lang en)"
echo "after, --recompute:       $(run "$bin" progress --db new.db --all --summary --lang en --recompute)"
echo "before (computed):        $(run "$base" progress --db base.db --all --summary --lang en)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
