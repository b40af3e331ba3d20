#!/bin/sh
# Exports of the 10,000-person demo organisation (issue 14, item 6): the
# company's dashboard (every objective of the 10,000 people, measured, with
# its last check-in), the objectives list and the audit trail, as CSV and
# XLSX, the company's and its largest team's dashboard as a PDF report, one
# at a time, as the admin. For each: the wall time of the whole
# download (curl), its size, and the server's peak resident memory during it
# (VmHWM, reset before each export through /proc/PID/clear_refs), against the
# server's memory at rest before it.
#   sh bench/export.sh [PEOPLE] [DB]
# DB: an existing demo database to reuse (the 10,000-person demo takes minutes
# to generate); without it one is generated in a temporary folder.
set -e
cd "$(dirname "$0")/.."
people=${1:-10000}
db=$2
make -s build/cible
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$dir"' EXIT
if [ -z "$db" ]; then
  db="$dir/d.db"
  # the demo's last stage may refuse (see bench/README.md): the organisation is there by then
  build/cible demo --db "$db" --people "$people" --today 2026-12-03 > "$dir/demo.txt" 2>&1 || true
fi
admin=$(sqlite3 "$db" "SELECT email FROM person WHERE role = 'admin' ORDER BY id LIMIT 1")
company=$(sqlite3 "$db" "SELECT id FROM unit WHERE parent_id IS NULL ORDER BY id LIMIT 1")
# the units right under the company (the sales direction, the call centre)
units=$(sqlite3 "$db" "SELECT id FROM unit WHERE parent_id = $company ORDER BY id")
# the team with the most people of their own
team=$(sqlite3 "$db" "SELECT unit_id FROM person WHERE unit_id IS NOT NULL GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1")
echo "database: $(sqlite3 "$db" 'SELECT count(*) FROM person') people, $(sqlite3 "$db" 'SELECT count(*) FROM objective') objectives, $(sqlite3 "$db" 'SELECT count(*) FROM audit') audit rows"
port=18093
# one server per export, so that a peak is that export's (freed memory stays
# with the process: a second export would start from the first one's peak)
start() {
  port=$((port + 1))
  CIBLE_TODAY=2026-12-03 build/cible serve --db "$db" --port $port --threads 2 --log-level error &
  pid=$!
  sleep 1
  curl -s -c "$dir/jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$admin\",\"password\":\"demo-cible\"}" http://127.0.0.1:$port/api/login >/dev/null
  sess=$(awk '/cible_session/ { print $7 }' "$dir/jar")
}
kb() { awk -v k="$1:" '$1 == k { print $2 }' /proc/$pid/status; }
run() {
  start
  # the database's pages in the system's cache (not the process's) first
  cat "$db" > /dev/null
  rest=$(kb VmRSS)
  echo 5 > /proc/$pid/clear_refs
  out=$(curl -s -H "Cookie: cible_session=$sess" -o "$dir/out" -w '%{http_code} %{time_starttransfer} %{time_total}' \
    "http://127.0.0.1:$port$2")
  size=$(wc -c < "$dir/out")
  echo "$1|$out|$size|$rest|$(kb VmHWM)|$(kb RssAnon)" | awk -F'|' '{ split($2, c, " ");
    printf "| %s | %s | %.2f s | %.2f s | %.1f MB | %.0f MB | %.0f MB | %.0f MB |\n", $1, c[1], c[2], c[3],
      $3 / 1e6, $4 / 1024, $5 / 1024, $6 / 1024 }'
  kill $pid
  wait $pid 2>/dev/null || true
}
echo "| export | status | first byte | whole | size | RSS before | peak RSS | heap after |"
echo "|---|---|---|---|---|---|---|---|"
run "company dashboard, JSON (for comparison)" "/api/units/$company/dashboard"
run "company dashboard, CSV" "/api/units/$company/dashboard?format=csv"
run "company dashboard, XLSX" "/api/units/$company/dashboard?format=xlsx"
run "company dashboard, PDF (past the cap: 422)" "/api/units/$company/dashboard?format=pdf"
for u in $units; do
  run "$(sqlite3 "$db" "SELECT name FROM unit WHERE id = $u"), PDF" "/api/units/$u/dashboard?format=pdf"
done
run "a team's dashboard, PDF" "/api/units/$team/dashboard?format=pdf"
run "objectives list, CSV" "/api/objectives?format=csv"
run "objectives list, XLSX" "/api/objectives?format=xlsx"
run "audit trail, CSV" "/api/audit?format=csv"
run "audit trail, XLSX" "/api/audit?format=xlsx"
