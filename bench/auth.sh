#!/bin/sh
# Authenticated reads against the HTTP layer alone, in one run (issue 17,
# item 3): wrk on loopback against `cible serve` on the 48-person demo, with
# an API token: GET /healthz without credentials, GET one objective with the
# token, /healthz with the token (what authenticating costs), the team
# dashboard's JSON (200) and the same with its ETag in
# If-None-Match (304). Prints each rate and the ratio to /healthz.
#   sh bench/auth.sh [SECONDS] [OTHER_BINARY]
# With OTHER_BINARY (e.g. a build of main), the same runs on it first, on a
# copy of the same database, for the before/after figures.
set -e
cd "$(dirname "$0")/.."
secs=${1:-8}
other=$2
command -v wrk >/dev/null || { echo "bench/auth.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
make -s build/cible
bin=$(pwd)/build/cible
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
port=18181
run_one() {  # binary, label
  cp "$dir/base.db" "$dir/b.db"
  rm -f "$dir/b.db-wal" "$dir/b.db-shm"
  "$1" serve --db "$dir/b.db" --port $port --log-level error &
  pid=$!
  sleep 0.7
  base=http://127.0.0.1:$port
  auth="Authorization: Bearer $tok"
  etag=$(curl -s -D - -o /dev/null -H "$auth" "$base/api/units/$unit/dashboard" |
    tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
  rate() {  # path [header...] -> requests/s
    p=$1; shift
    wrk -t2 -c16 -d"${secs}s" "$@" "$base$p" | sed -n 's/^Requests\/sec: *//p'
  }
  h=$(rate /healthz)
  t=$(rate /healthz -H "$auth")
  o=$(rate /api/objectives/$obj -H "$auth")
  d=$(rate /api/units/$unit/dashboard -H "$auth")
  if [ -n "$etag" ]; then
    n=$(rate /api/units/$unit/dashboard -H "$auth" -H "If-None-Match: $etag")
  else
    n=
  fi
  kill $pid; wait $pid 2>/dev/null || true
  pid=
  echo "## $2"
  awk -v h="$h" -v t="$t" -v o="$o" -v d="$d" -v n="$n" 'BEGIN {
    printf "GET /healthz, no credentials:            %9.0f req/s\n", h
    printf "GET /healthz, token (authentication):   %9.0f req/s  %.2fx healthz\n", t, t / h
    printf "GET /api/objectives/%s, token:          %9.0f req/s  %.2fx healthz\n", "'$obj'", o, o / h
    printf "GET team dashboard JSON, token:          %9.0f req/s  %.2fx healthz\n", d, d / h
    if (n != "") printf "the same, If-None-Match its ETag (304):  %9.0f req/s  %.2fx healthz\n", n, n / h
    else print "the same with If-None-Match: no ETag answered" }'
}
# the database made by the older binary when there is one: this build
# migrates its copy as it starts
gen=${other:-$bin}
"$gen" demo --db "$dir/base.db" > "$dir/demo.txt"
admin=$(sed -n 's/^  \([^ ]*\) *admin.*/\1/p' "$dir/demo.txt")
tok=$("$gen" user token --db "$dir/base.db" --email "$admin" --name bench)
obj=$(sqlite3 "$dir/base.db" "SELECT id FROM objective WHERE level = 'individual' ORDER BY id LIMIT 1")
unit=$(sqlite3 "$dir/base.db" "SELECT u.id FROM unit u WHERE kind = 'team' ORDER BY (SELECT count(*) FROM person p WHERE p.unit_id = u.id) DESC, id LIMIT 1")
echo "48-person demo; wrk -t2 -c16 -d${secs}s; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
if [ -n "$other" ]; then
  run_one "$other" "before: $other"
fi
run_one "$bin" "this build"
