#!/bin/sh
# API throughput and latency on the 10,000-person demo organisation: wrk on
# loopback against `cible serve` (4 threads), with an API token.
#   sh bench/api.sh [SECONDS]
set -e
cd "$(dirname "$0")/.."
secs=${1:-10}
command -v wrk >/dev/null || { echo "bench/api.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
make -s build/cible
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
build/cible demo --db "$dir/b.db" --people 10000 --today 2026-11-25 > "$dir/demo.txt"
admin=$(sed -n 's/^  \([^ ]*\) *admin.*/\1/p' "$dir/demo.txt")
member=$(sed -n 's/^  \([^ ]*\) *membre — téléconseiller/\1/p' "$dir/demo.txt")
tok_admin=$(build/cible user token --db "$dir/b.db" --email "$admin" --name bench)
tok_member=$(build/cible user token --db "$dir/b.db" --email "$member" --name bench)
build/cible serve --db "$dir/b.db" --port 18080 --log-level error &
pid=$!
sleep 0.5
run() {
  echo "## $1"
  wrk -t2 -c16 -d"${secs}s" --latency -H "Authorization: Bearer $2" "http://127.0.0.1:18080$3" |
    grep -E 'Requests/sec|50%|99%'
}
run "admin: one objective" "$tok_admin" "/api/objectives/500"
run "admin: path to the ambition" "$tok_admin" "/api/objectives/9000/path"
run "admin: a page of 50 objectives (of 10,002)" "$tok_admin" "/api/objectives?limit=50&offset=5000"
run "member: their objectives (access filter over the whole org)" "$tok_member" "/api/objectives"
run "health check" "$tok_admin" "/healthz"
