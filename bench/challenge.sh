#!/bin/sh
# Challenges at scale, on the 10,000-person demo organisation:
#  1. a challenge of all 10,000 people (calls handled, raw and attainment):
#     its board read right after each update (one new call posted through the
#     API, then GET /board), $READS times (default 100): curl's time_total,
#     p50 and p99, and the server's CPU time a read;
#  2. a 1,000-call import with `cible import`, side by side in one run on the
#     same database with its challenges and on a copy without any (one
#     warm-up batch each, then $BATCHES batches each, default 7, alternating),
#     the medians and their difference: the challenges' share of the import
#     (each touched participant's kept figures, migration 0023, updated in the
#     import's transaction); then, a server running with every open board
#     read once (kept in its memory), one more batch imported and every board
#     it touched read once: wall and server CPU.
# The medians of two processes' times on a loaded machine differ by more
# than the challenges' part; with perf, one more batch is sampled and the
# share of app_challenges_keep_tx (and of the badges) in it is printed.
#   sh bench/challenge.sh [WORKDIR]   (the demo is kept there and reused)
# DEMO=FILE: a demo made already (copied, never written); TODAY=YYYY-MM-DD:
# the day it was made for (default 2026-11-25); the challenges run over
# TODAY's month. CIBLE_BIN=BIN: the program measured (e.g. a build of main,
# for before/after).
set -e
cd "$(dirname "$0")/.."
[ -n "$CIBLE_BIN" ] || make -s build/cible
bin=${CIBLE_BIN:-$(pwd)/build/cible}  # CIBLE_BIN: a copy, so that a rebuild cannot change it mid-run
dir=${1:-/tmp/cible-bench-challenge}
READS=${READS:-100}
BATCHES=${BATCHES:-7}
TODAY=${TODAY:-2026-11-25}
month_start=${TODAY%-*}-01
month_end=$(date -d "$month_start +1 month -1 day" +%F)
mkdir -p "$dir"
cd "$dir"
if [ -n "$DEMO" ]; then
  [ -f demo10k.db ] || cp "$DEMO" demo10k.db
elif [ ! -f demo10k.db ]; then
  echo "generating the 10,000-person demo (2 calls a day per agent)"
  /usr/bin/time -f "demo: %e s, peak %M KB" "$bin" demo --db demo10k.db --people 10000 \
    --calls-per-day 2 --today "$TODAY" | head -2
fi
rm -f with.db* without.db*
cp demo10k.db with.db
cp demo10k.db without.db
sqlite3 without.db "DELETE FROM challenge_result; DELETE FROM badge; DELETE FROM challenge;"
port=18093
CIBLE_TODAY=$TODAY "$bin" serve --db with.db --port $port --log-level error &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
base=http://127.0.0.1:$port
# the first open migrates the copy: wait for the server to answer
until curl -sf -o /dev/null $base/healthz; do sleep 0.2; done
admin=$(sqlite3 with.db "SELECT email FROM person WHERE role = 'admin' ORDER BY id LIMIT 1")
login=$(curl -s -c jar -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin\",\"password\":\"demo-cible\"}" $base/api/login)
csrf=$(echo "$login" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/')
sess=$(awk '/cible_session/ { print $7 }' jar)
H1="Cookie: cible_session=$sess"
H2="X-CSRF-Token: $csrf"
company=$(sqlite3 with.db "SELECT id FROM unit WHERE kind = 'company' LIMIT 1")
mk() {
  curl -s -H "$H1" -H "$H2" -H 'Content-Type: application/json' -d "$1" $base/api/challenges |
    sed 's/.*"id":\([0-9]*\),"name".*/\1/'
}
raw=$(mk "{\"name\":\"Tout le monde, brut\",\"start\":\"$month_start\",\"end\":\"$month_end\",\"rule\":\"raw\",\"participants\":{\"units\":[$company]},\"indicators\":[{\"key\":\"calls_handled\",\"target\":40}]}")
att=$(mk "{\"name\":\"Tout le monde, atteinte\",\"start\":\"$month_start\",\"end\":\"$month_end\",\"rule\":\"attainment\",\"participants\":{\"units\":[$company]},\"indicators\":[{\"key\":\"calls_handled\",\"target\":40},{\"key\":\"aht\",\"target\":300,\"better\":\"lower\"}],\"leagues\":{\"by\":\"seniority\",\"bounds_months\":[12]}}")
total=$(curl -s -H "$H1" "$base/api/challenges/$raw/board" | sed 's/.*"total":\([0-9]*\).*/\1/')
echo "challenge $raw: $total participants (raw, one indicator); challenge $att: attainment, two indicators, two leagues"
agent=$(sqlite3 with.db "SELECT id FROM person WHERE job LIKE 'Téléconseill%' ORDER BY id LIMIT 1")
cpu() { awk '{ print $14 + $15 }' /proc/$pid/stat; }  # the server's CPU, in 10 ms ticks
board() {  # challenge id -> ms per board read after one update each, median and max
  i=0
  ticks=0
  : > times.txt
  while [ $i -lt $READS ]; do
    curl -s -o /dev/null -H "$H1" -H "$H2" -H 'Content-Type: application/json' \
      -d "{\"kind\":\"call\",\"records\":[{\"source_id\":\"bench-$1-$i-$$\",\"person\":\"$agent\",\"at\":\"${TODAY}T16:00:00Z\",\"fields\":{\"answered\":true,\"resolved\":true,\"talk\":200}}]}" \
      $base/api/activity
    a=$(cpu)
    curl -s -o /dev/null -w '%{time_total}\n' -H "$H1" "$base/api/challenges/$1/board$2" >> times.txt
    b=$(cpu)
    ticks=$((ticks + b - a))
    i=$((i + 1))
  done
  sort -n times.txt | awk -v t=$ticks '{ v[NR] = $1 * 1000 } END { p99 = int(NR * 0.99 + 0.999); printf "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d reads); server CPU %.2f ms a read\n", v[int((NR + 1) / 2)], v[p99], v[NR], NR, t * 10 / NR }'
}
echo "## board of $total people right after an update"
echo "raw, one indicator:            $(board $raw)"
echo "  the same from scratch (?fresh=1, what a read cost before kept figures): $(board $raw '?fresh=1')"
echo "attainment, two indicators:    $(board $att)"
echo "  the same from scratch (?fresh=1): $(board $att '?fresh=1')"
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "## 1,000-call import, with and without challenges (same run, alternating)"
sqlite3 with.db "SELECT email FROM person WHERE job LIKE 'Téléconseill%' LIMIT 1000" > agents.txt
imp() {  # db, batch number -> "wall CPU" in ms (CPU: user + system of the import)
  awk -v b="$2" 'BEGIN { print "Call Id,Agent,Date,Time,Answered (Y/N),Resolved,AvgTalkDuration" }
    { printf "C%s-%05d,%s,%s,17:%02d:00,Y,Y,00:03:10\n", b, NR, $0, d, NR % 60 }' d="$TODAY" agents.txt > batch.csv
  s=$(date +%s%N)
  CIBLE_TODAY=$TODAY /usr/bin/time -o cpu.txt -f '%U %S' "$bin" import --db "$1" --kind call --id "Call Id" --person Agent --date Date --time Time \
    --field "answered=Answered (Y/N):bool" --field resolved=Resolved:bool \
    --field talk=AvgTalkDuration:time batch.csv > /dev/null
  e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) $(awk '{ printf "%d", ($1 + $2) * 1000 }' cpu.txt)"
}
ids=$(sqlite3 with.db "SELECT id FROM challenge WHERE status = 'open' ORDER BY id" | tr '\n' ' ')
set -- $(imp with.db w0); w0="$1 ms wall, $2 ms CPU"
set -- $(imp without.db o0); o0="$1 ms wall, $2 ms CPU"
echo "warm-up batch (the copies' first import): with challenges $w0, without $o0"
w=""; wo=""; wc=""; woc=""
b=1
while [ $b -le $BATCHES ]; do
  set -- $(imp with.db w$b); w="$w $1"; wc="$wc $2"
  set -- $(imp without.db o$b); wo="$wo $1"; woc="$woc $2"
  b=$((b + 1))
done
med() { echo $* | tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "with 5 challenges (3 of the demo, 1 closed; 2 of 10,000 people): wall$w ms, median $(med $w); CPU$wc ms, median $(med $wc)"
echo "without any challenge:                              wall$wo ms, median $(med $wo); CPU$woc ms, median $(med $woc)"
echo "the challenges' share of a 1,000-call import (difference of the medians): wall $(( $(med $w) - $(med $wo) )) ms, CPU $(( $(med $wc) - $(med $woc) )) ms"
if command -v perf > /dev/null 2>&1; then
  awk 'BEGIN { print "Call Id,Agent,Date,Time,Answered (Y/N),Resolved,AvgTalkDuration" }
    { printf "Cpf-%05d,%s,%s,17:%02d:00,Y,Y,00:03:10\n", NR, $0, d, NR % 60 }' d="$TODAY" agents.txt > batch.csv
  CIBLE_TODAY=$TODAY perf record -q -F 4000 --call-graph dwarf,16384 -o perf.data -- \
    "$bin" import --db with.db --kind call --id "Call Id" --person Agent --date Date --time Time \
    --field "answered=Answered (Y/N):bool" --field resolved=Resolved:bool \
    --field talk=AvgTalkDuration:time batch.csv > /dev/null 2>&1
  n=$(perf report -i perf.data --no-children --stdio -n -g none --sort comm 2>/dev/null | awk '/^ +[0-9]/ { s += $2 } END { print s }')
  share() { perf report -i perf.data --children --stdio -g none --sort sym 2>/dev/null |
    awk -v f="$1" -v n="$n" '$NF == f { sub("%", "", $1); printf "%s %% of %d samples at 4 kHz, about %.0f ms", $1, n, $1 / 100 * n / 4 }'; }
  echo "one more batch under perf: the kept figures (app_challenges_keep_tx) $(share app_challenges_keep_tx); the badges (app_badges_award_tx) $(share app_badges_award_tx)"
  rm -f perf.data
fi
CIBLE_TODAY=$TODAY "$bin" serve --db with.db --port $port --log-level error &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
until curl -sf -o /dev/null $base/healthz; do sleep 0.2; done
curl -s -c jar -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin\",\"password\":\"demo-cible\"}" $base/api/login > /dev/null
sess=$(awk '/cible_session/ { print $7 }' jar)
readall() {
  for id in $ids; do
    curl -s -o /dev/null -H "Cookie: cible_session=$sess" "$base/api/challenges/$id/board"
  done
}
s=$(date +%s%N); a=$(cpu)
readall
e=$(date +%s%N); b=$(cpu)
echo "every open board ($ids) read once by a server just started: $(( (e - s) / 1000000 )) ms in all (wall), server CPU $(( (b - a) * 10 )) ms"
readall
set -- $(imp with.db last)
echo "one more batch imported beside the running server: $1 ms wall, $2 ms CPU"
s=$(date +%s%N); a=$(cpu)
readall
e=$(date +%s%N); b=$(cpu)
echo "then every open board the batch touched, read once each: $(( (e - s) / 1000000 )) ms in all (wall), server CPU $(( (b - a) * 10 )) ms"
