#!/bin/sh
# Pages rendered by the server for a 50-person organisation (the demo with
# --people 50): the team dashboard of everyone (members x objectives, each
# measured), Mes objectifs, the cascade. wrk with one connection, so the
# latency is one request's time on the server plus loopback.
#   sh bench/dashboard.sh [SECONDS]
set -e
cd "$(dirname "$0")/.."
secs=${1:-5}
command -v wrk >/dev/null || { echo "bench/dashboard.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
make -s build/cible
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
build/cible demo --db "$dir/d.db" --people 50 --today 2026-11-25 > "$dir/demo.txt"
head -1 "$dir/demo.txt"
admin=$(sed -n 's/^  \([^ ]*\) *admin.*/\1/p' "$dir/demo.txt")
CIBLE_TODAY=2026-11-25 build/cible serve --db "$dir/d.db" --port 18091 --log-level error &
pid=$!
sleep 0.5
curl -s -c "$dir/jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin\",\"password\":\"demo-cible\"}" http://127.0.0.1:18091/api/login >/dev/null
sess=$(awk '/cible_session/ { print $7 }' "$dir/jar")
run() {
  bytes=$(curl -s -H "Cookie: cible_session=$sess" "http://127.0.0.1:18091$2" | wc -c)
  echo "## $1 ($bytes bytes)"
  wrk -t1 -c1 -d"${secs}s" --latency -H "Cookie: cible_session=$sess" "http://127.0.0.1:18091$2" |
    grep -E 'Requests/sec|50%|99%'
}
run "team dashboard, all 50 people" "/team"
run "team dashboard sorted by name" "/team?sort=name"
run "Mes objectifs" "/"
run "the cascade" "/cascade"
