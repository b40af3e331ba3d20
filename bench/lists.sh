#!/bin/sh
# Lists proportional to the page (issue 17, item 4), before and after in one
# run: wrk (2 threads, 32 connections) on loopback against `cible serve` on
# the 10,000-person demo, with API tokens: a member's objective list, two
# managers' (a call-centre floor; the whole customer-relations centre, first
# page and one in the middle: offset=2500 of its 5,504 before, after= the
# 5,000th objective's id after), an
# admin's first page of 50 (counted) and a page of 50 in the middle (offset
# before; the keyset cursor after, when the build answers it), and the top
# unit's dashboard, whole and its first screen (a page of 50 members, when the
# build answers limit=). Prints each rate, the answer's size and one
# request's time, and after/before.
#   sh bench/lists.sh [SECONDS] [BEFORE_BINARY] [WORKDIR]
# BEFORE_BINARY defaults to a build of main in /tmp/lists-base
# (git worktree add --detach /tmp/lists-base main && make -C /tmp/lists-base).
# WORKDIR keeps the demo (about 10 minutes to make on 2 busy cores) for the
# next run; both binaries serve the same file, one after the other.
set -e
cd "$(dirname "$0")/.."
secs=${1:-10}
before=${2:-/tmp/lists-base/build/cible}
work=${3:-}
command -v wrk >/dev/null || { echo "bench/lists.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
[ -x "$before" ] || { echo "no binary at $before (see the header of $0)" >&2; exit 1; }
make -s build/cible
after=$(pwd)/build/cible
if [ -n "$work" ]; then mkdir -p "$work"; dir=$(cd "$work" && pwd); keep=1; else dir=$(mktemp -d); keep=; fi
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; [ -z "$keep" ] && rm -rf "$dir"' EXIT
db=$dir/lists10k.db
if [ ! -f "$db" ]; then
  echo "generating the 10,000-person demo with $before"
  nice "$before" demo --db "$db" --people 10000 --today 2026-12-07 > "$dir/demo.txt"
fi
login() { sed -n "s/^  \([^ ]*\) *$1.*/\1/p" "$dir/demo.txt" | head -1; }
token() { [ -f "$dir/tok.$1" ] || "$before" user token --db "$db" --email "$2" --name bench > "$dir/tok.$1"; cat "$dir/tok.$1"; }
t_member=$(token member "$(login 'membre — téléconseiller')")
t_floor=$(token floor "$(login "manager — plateau d'appels")")
t_centre=$(token centre "$(login 'manager — centre de relation client')")
t_admin=$(token admin "$(login 'admin')")
top=$(sqlite3 "$db" "SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1")
mid=$(sqlite3 "$db" "SELECT id FROM objective ORDER BY id LIMIT 1 OFFSET 4999")
port=18311
base=http://127.0.0.1:$port
# one line per workload: label|token|path (the middle page's path is the
# build's own: offset, or after= when it answers a cursor)
cases() {
  echo "member: their objective list|$t_member|/api/objectives"
  echo "manager of a floor: list|$t_floor|/api/objectives"
  echo "manager of the centre: first page|$t_centre|/api/objectives?limit=50"
  echo "manager of the centre: a page in the middle|$t_centre|$3"
  echo "admin: first page of 50, counted|$t_admin|/api/objectives?limit=50"
  echo "admin: a page of 50 in the middle|$t_admin|$1"
  echo "top unit's dashboard, whole (10,000 people)|$t_admin|/api/units/$top/dashboard"
  echo "top unit's dashboard, first screen|$t_admin|$2"
}
run_one() {  # binary, label, file of results
  "$1" serve --db "$db" --port $port --log-level error &
  pid=$!
  sleep 1
  middle="/api/objectives?limit=50&offset=5000"
  centre="/api/objectives?limit=50&offset=2500"
  if curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t_admin" \
      "$base/api/objectives?limit=50&after=$mid" | grep -q 200; then
    middle="/api/objectives?limit=50&after=$mid"
    centre="/api/objectives?limit=50&after=$mid"
  fi
  screen="/api/units/$top/dashboard"
  if curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t_admin" \
      "$base$screen?limit=50" | grep -q 200; then
    screen="$screen?limit=50"
  fi
  cases "$middle" "$screen" "$centre" | while IFS='|' read -r label tok path; do
    # warm (the kept principal, the pages the request reads), then one
    # request alone for its size and time
    curl -s -o /dev/null --max-time 120 -H "Authorization: Bearer $tok" "$base$path"
    one=$(curl -s -o /dev/null -w '%{size_download} %{time_total}' --max-time 120 \
      -H "Authorization: Bearer $tok" "$base$path")
    if awk -v t="${one#* }" 'BEGIN { exit !(t > 1) }'; then
      # seconds a request: 32 at once would keep both cores busy long after
      # wrk stops; the rate is one request's (marked * below)
      rate=$(awk -v t="${one#* }" 'BEGIN { printf "%.3f*", 1 / t }')
    else
      rate=$(nice wrk -t2 -c32 -d"${secs}s" --timeout 60s -H "Authorization: Bearer $tok" "$base$path" |
        sed -n 's/^Requests\/sec: *//p')
    fi
    echo "$label|$rate|${one% *}|${one#* }|$path"
  done > "$3"
  kill $pid; wait $pid 2>/dev/null || true
  pid=
}
echo "10,000-person demo: $(sqlite3 "$db" 'SELECT count(*) FROM objective') objectives," \
  "$(sqlite3 "$db" 'SELECT count(*) FROM unit') units; wrk -t2 -c32 -d${secs}s;" \
  "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
run_one "$before" before "$dir/before.txt"
run_one "$after" after "$dir/after.txt"
echo "before: $before"
echo "after:  $after"
echo "workload | before: req/s, bytes, one request | after: the same | after/before (req/s; * a rate of one request at a time, for requests over a second)"
paste -d'|' "$dir/before.txt" "$dir/after.txt" | awk -F'|' '{
  if ($2 ~ /\*/ || $7 ~ /\*/) $1 = $1 " *"
  printf "%-44s %8.1f/s %9d B %7.0f ms -> %8.1f/s %9d B %7.0f ms  %6.1fx\n", $1, $2, $3, $4 * 1000,
    $7, $8, $9 * 1000, ($2 > 0 ? $7 / $2 : 0)
  if ($5 != $10) printf "%-44s (before %s, after %s)\n", "", $5, $10 }'
