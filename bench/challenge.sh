#!/bin/sh
# Challenges at scale, on the 10,000-person demo organisation:
#  1. a challenge of all 10,000 people (calls handled, raw and attainment):
#     its board read right after each update (one new call posted through the
#     API, then GET /board), 30 times: curl's time_total, median and max;
#  2. a 1,000-call import with `cible import`, side by side in one run on the
#     same database with its challenges and on a copy without any (5 batches
#     each, alternating), then the time to read every board the batch touched.
# Boards are not stored: they are read from the measure states the import
# updates in its own transaction, so an import costs the same with or
# without challenges and the boards show it as soon as it commits.
#   sh bench/challenge.sh [WORKDIR]   (the demo is kept there and reused)
set -e
cd "$(dirname "$0")/.."
make -s build/cible
bin=$(pwd)/build/cible
dir=${1:-/tmp/cible-bench-challenge}
mkdir -p "$dir"
cd "$dir"
if [ ! -f demo10k.db ]; then
  echo "generating the 10,000-person demo (2 calls a day per agent)"
  /usr/bin/time -f "demo: %e s, peak %M KB" "$bin" demo --db demo10k.db --people 10000 \
    --calls-per-day 2 --today 2026-11-25 | head -2
fi
rm -f with.db* without.db*
cp demo10k.db with.db
cp demo10k.db without.db
sqlite3 without.db "DELETE FROM challenge_result; DELETE FROM badge; DELETE FROM challenge;"
port=18093
CIBLE_TODAY=2026-11-25 "$bin" serve --db with.db --port $port --log-level error &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
sleep 1
base=http://127.0.0.1:$port
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
raw=$(mk "{\"name\":\"Tout le monde, brut\",\"start\":\"2026-11-01\",\"end\":\"2026-11-30\",\"rule\":\"raw\",\"participants\":{\"units\":[$company]},\"indicators\":[{\"key\":\"calls_handled\",\"target\":40}]}")
att=$(mk "{\"name\":\"Tout le monde, atteinte\",\"start\":\"2026-11-01\",\"end\":\"2026-11-30\",\"rule\":\"attainment\",\"participants\":{\"units\":[$company]},\"indicators\":[{\"key\":\"calls_handled\",\"target\":40},{\"key\":\"aht\",\"target\":300,\"better\":\"lower\"}],\"leagues\":{\"by\":\"seniority\",\"bounds_months\":[12]}}")
total=$(curl -s -H "$H1" "$base/api/challenges/$raw/board" | sed 's/.*"total":\([0-9]*\).*/\1/')
echo "challenge $raw: $total participants (raw, one indicator); challenge $att: attainment, two indicators, two leagues"
agent=$(sqlite3 with.db "SELECT id FROM person WHERE job LIKE 'Téléconseill%' ORDER BY id LIMIT 1")
cpu() { awk '{ print $14 + $15 }' /proc/$pid/stat; }  # the server's CPU, in 10 ms ticks
board() {  # challenge id -> ms per board read after one update each, median and max
  i=0
  ticks=0
  : > times.txt
  while [ $i -lt 30 ]; do
    curl -s -o /dev/null -H "$H1" -H "$H2" -H 'Content-Type: application/json' \
      -d "{\"kind\":\"call\",\"records\":[{\"source_id\":\"bench-$1-$i-$$\",\"person\":\"$agent\",\"at\":\"2026-11-25T16:00:00Z\",\"fields\":{\"answered\":true,\"resolved\":true,\"talk\":200}}]}" \
      $base/api/activity
    a=$(cpu)
    curl -s -o /dev/null -w '%{time_total}\n' -H "$H1" "$base/api/challenges/$1/board" >> times.txt
    b=$(cpu)
    ticks=$((ticks + b - a))
    i=$((i + 1))
  done
  sort -n times.txt | awk -v t=$ticks '{ v[NR] = $1 * 1000 } END { printf "median %.2f ms, max %.2f ms (%d reads); server CPU %.1f ms a read\n", v[int((NR + 1) / 2)], v[NR], NR, t * 10 / NR }'
}
echo "## board of $total people right after an update"
echo "raw, one indicator:            $(board $raw)"
echo "attainment, two indicators:    $(board $att)"
kill $pid; wait $pid 2>/dev/null || true
trap - EXIT

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "## 1,000-call import, with and without challenges (same run, alternating)"
sqlite3 with.db "SELECT email FROM person WHERE job LIKE 'Téléconseill%' LIMIT 1000" > agents.txt
imp() {  # db, batch number -> seconds
  awk -v b="$2" 'BEGIN { print "Call Id,Agent,Date,Time,Answered (Y/N),Resolved,AvgTalkDuration" }
    { printf "C%s-%05d,%s,2026-11-25,17:%02d:00,Y,Y,00:03:10\n", b, NR, $0, NR % 60 }' agents.txt > batch.csv
  s=$(date +%s%N)
  "$bin" import --db "$1" --kind call --id "Call Id" --person Agent --date Date --time Time \
    --field "answered=Answered (Y/N):bool" --field resolved=Resolved:bool \
    --field talk=AvgTalkDuration:time batch.csv > /dev/null
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
w=""; wo=""
for b in 1 2 3 4 5; do
  w="$w $(imp with.db w$b)"
  wo="$wo $(imp without.db o$b)"
done
med() { echo $* | tr ' ' '\n' | sort -n | sed -n 3p; }
echo "with 5 challenges (3 of the demo, 2 of 10,000 people): $w ms; median $(med $w) ms"
echo "without any challenge:                              $wo ms; median $(med $wo) ms"
CIBLE_TODAY=2026-11-25 "$bin" serve --db with.db --port $port --log-level error &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
sleep 1
curl -s -c jar -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin\",\"password\":\"demo-cible\"}" $base/api/login > /dev/null
sess=$(awk '/cible_session/ { print $7 }' jar)
ids=$(sqlite3 with.db "SELECT id FROM challenge WHERE status = 'open' ORDER BY id" | tr '\n' ' ')
s=$(date +%s%N)
for id in $ids; do
  curl -s -o /dev/null -H "Cookie: cible_session=$sess" "$base/api/challenges/$id/board"
done
e=$(date +%s%N)
echo "then every open board the batch touched ($ids), read once each: $(( (e - s) / 1000000 )) ms in all"
