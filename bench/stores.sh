#!/bin/sh
# The same workloads on SQLite and on PostgreSQL, with one server and with two
# behind nginx (round robin, as tests/api/scale.test.mjs), in one run: one
# objective read (wrk, 32 connections, an API token), check-in writes at 32
# clients (wrk, POST), a team's dashboard (the API's), then an import and
# every objective's progress (bench/import.sh and bench/progress.sh, called
# with the database to use). The organisation is the demo made on SQLite and
# copied to PostgreSQL with `cible migrate-store` (the same rows, ids and
# tokens). Prints a table of req/s (rows/s, seconds) and PG/SQLite ratios.
# PostgreSQL is a throwaway server of tests/pg-server.sh (fsync off: say so
# beside the figures).
#   sh bench/stores.sh
# STORES_PEOPLE (default 10000), STORES_ROWS (import, default 1000000),
# STORES_SECONDS (each wrk run, default 5) make a quicker run.
set -e
cd "$(dirname "$0")/.."
people=${STORES_PEOPLE:-10000}
rows=${STORES_ROWS:-1000000}
secs=${STORES_SECONDS:-5}
for p in wrk nginx psql; do
  command -v $p >/dev/null || [ -x /usr/sbin/$p ] ||
    { echo "bench/stores.sh needs $p (sh scripts/deps.sh test)" >&2; exit 1; }
done
make -s build/cible
bin=$(pwd)/build/cible
PATH=$(sh tests/pg-server.sh bindir):$PATH
dir=$(mktemp -d /tmp/cible-bench-stores-XXXXXX)
chmod 755 "$dir"
pids=
cleanup() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  sh tests/pg-server.sh stop "$dir/pg" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
url=$(sh tests/pg-server.sh start "$dir/pg")
today=2026-11-25
export CIBLE_TODAY=$today

echo "demo: $people people on SQLite, copied to PostgreSQL"
"$bin" demo --db "$dir/s.db" --people "$people" --today $today > "$dir/demo.txt"
head -1 "$dir/demo.txt"
admin=$(sed -n 's/^  \([^ ]*\) *admin.*/\1/p' "$dir/demo.txt")
token=$("$bin" user token --db "$dir/s.db" --email "$admin" --name bench)
/usr/bin/time -f "migrate-store: %e s" "$bin" migrate-store --from "sqlite:$dir/s.db" --to "$url"
obj=$(sqlite3 "$dir/s.db" "SELECT min(id) FROM objective WHERE level = 'individual'")
team=$(sqlite3 "$dir/s.db" "SELECT min(id) FROM unit WHERE kind = 'team'")
cat > "$dir/checkin.lua" <<EOF
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"comment": "point du banc"}'
EOF

# serve DB N: N servers on DB (and nginx before two); the address in $base
serve() {
  ports=
  for i in $(seq 1 "$2"); do
    port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    "$bin" serve --db "$1" --port "$port" --log-level error --sender off &
    pids="$pids $!"
    ports="${ports:+$ports }$port"
  done
  for port in $ports; do
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  done
  if [ "$2" -eq 1 ]; then base=http://127.0.0.1:$ports; return; fi
  ng=$dir/nginx; mkdir -p "$ng"
  nport=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  {
    echo "daemon off; worker_processes 1; pid $ng/nginx.pid; error_log $ng/error.log warn;"
    echo "events { worker_connections 1024; }"
    echo "http { access_log off; client_body_temp_path $ng/body; proxy_temp_path $ng/proxy;"
    echo "  upstream cible {"
    for port in $ports; do echo "    server 127.0.0.1:$port;"; done
    echo "    keepalive 64; }"
    echo "  server { listen 127.0.0.1:$nport; location / { proxy_pass http://cible;"
    echo "    proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host \$http_host; } } }"
  } > "$ng/nginx.conf"
  nginx=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx" -p "$ng" -c "$ng/nginx.conf" -e "$ng/error.log" &
  pids="$pids $!"
  for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$nport/healthz" >/dev/null && break; sleep 0.1; done
  base=http://127.0.0.1:$nport
}
unserve() {
  for p in $pids; do kill "$p" 2>/dev/null || true; done
  for p in $pids; do wait "$p" 2>/dev/null || true; done
  pids=
}
# wrk's req/s, and a note when some answers were not 2xx
rate() {
  out=$(wrk -t2 -c32 -d"${secs}s" -H "Authorization: Bearer $token" "$@")
  bad=$(echo "$out" | sed -n 's/.*Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p')
  r=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
  echo "${r:-0}${bad:+ ($bad non-2xx)}"
}

results=$dir/results.txt
: > "$results"
for store in sqlite postgres; do
  [ $store = sqlite ] && db=$dir/s.db || db=$url
  for n in 1 2; do
    serve "$db" $n
    echo "$store $n read $(rate "$base/api/objectives/$obj")" >> "$results"
    echo "$store $n checkin $(rate -s "$dir/checkin.lua" "$base/api/objectives/$obj/checkins")" >> "$results"
    echo "$store $n dashboard $(rate "$base/api/units/$team/dashboard")" >> "$results"
    unserve
    tail -3 "$results"
  done
  PROGRESS_DB=$db PROGRESS_RUNS=3 sh bench/progress.sh "$dir/progress" > "$dir/progress-$store.txt" 2>&1
  p=$(sed -n 's/^progress --all: \([0-9.]*\) s.*/\1/p' "$dir/progress-$store.txt")
  echo "$store 1 progress $p" >> "$results"
  if [ $store = sqlite ]; then
    sh bench/import.sh "$rows" "$dir/import" > "$dir/import-$store.txt" 2>&1
  else
    psql "$url" -qc "CREATE DATABASE import" && IMPORT_DB=${url%/cible}/import \
      sh bench/import.sh "$rows" "$dir/import" > "$dir/import-$store.txt" 2>&1
  fi
  i=$(sed -n 's/^cible import *: [0-9.]* s, \([0-9]*\) rows\/s.*/\1/p' "$dir/import-$store.txt")
  echo "$store 1 import $i" >> "$results"
  tail -2 "$results"
done

echo
echo "$people people, $rows rows imported, wrk ${secs} s at 32 connections; $(nproc) cores"
printf '%-40s %12s %12s %10s\n' workload SQLite PostgreSQL PG/SQLite
for w in "read:one objective read, req/s" "checkin:check-in writes, req/s" \
         "dashboard:team dashboard, req/s"; do
  key=${w%%:*}; label=${w#*:}
  for n in 1 2; do
    a=$(awk -v k="$key" -v n=$n '$1 == "sqlite" && $2 == n && $3 == k { print $4 }' "$results")
    b=$(awk -v k="$key" -v n=$n '$1 == "postgres" && $2 == n && $3 == k { print $4 }' "$results")
    printf '%-40s %12s %12s %10s\n' "$label ($n server$([ $n = 2 ] && echo s))" "$a" "$b" \
      "$(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0) printf "%.2f", b / a }')"
  done
done
a=$(awk '$1 == "sqlite" && $3 == "import" { print $4 }' "$results")
b=$(awk '$1 == "postgres" && $3 == "import" { print $4 }' "$results")
printf '%-40s %12s %12s %10s\n' "import, rows/s" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0) printf "%.2f", b / a }')"
a=$(awk '$1 == "sqlite" && $3 == "progress" { print $4 }' "$results")
b=$(awk '$1 == "postgres" && $3 == "progress" { print $4 }' "$results")
printf '%-40s %12s %12s %10s\n' "every objective's progress, s" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0) printf "%.2f", b / a }')"
grep -h "non-2xx" "$results" || true
