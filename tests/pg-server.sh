#!/bin/sh
# A throwaway PostgreSQL 15 server for the tests: initdb into a temporary
# folder, pg_ctl on a free loopback port, no system service. As root (CI) the
# server runs as the `postgres` user that Debian's package creates.
#   sh tests/pg-server.sh start DIR   prints the connection URL on stdout
#   sh tests/pg-server.sh stop DIR    stops it and removes DIR
#   sh tests/pg-server.sh restart DIR stops and starts it on the same port
#   sh tests/pg-server.sh down DIR    stops it, keeping DIR (an outage)
#   sh tests/pg-server.sh up DIR      starts it again after down
#   sh tests/pg-server.sh bindir      prints the folder of the server's programs
set -e
cmd=${1:?usage: pg-server.sh start|stop|restart DIR}
[ "$cmd" = bindir ] && dir= || dir=${2:?usage: pg-server.sh start|stop|restart DIR}
# The server's programs: PG_BINDIR if set, else Debian's place for them
# (/usr/lib/postgresql/N/bin, package postgresql-15, the newest if several),
# else initdb on the PATH. Not on the PATH in Debian: only pg_wrapper is.
bin=${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -n "$bin" ] || bin=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
[ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ] ||
  { echo "pg-server.sh: PostgreSQL server not installed (apt-get install postgresql-15, or set PG_BINDIR)" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then as() { runuser -u postgres -- "$@"; }; else as() { "$@"; }; fi

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

case $cmd in
bindir) echo "$bin" ;;
start)
  mkdir -p "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir"
  as "$bin/initdb" -D "$dir/data" -U cible -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(free_port)
  echo "$port" > "$dir/port"
  [ "$(id -u)" -ne 0 ] || chown postgres "$dir/port"
  as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as "$bin/createdb" -h 127.0.0.1 -p "$port" -U cible cible
  echo "postgres://cible@127.0.0.1:$port/cible"
  ;;
restart|down|up)
  port=$(cat "$dir/port")
  [ "$cmd" = up ] || as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  [ "$cmd" = down ] || as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  ;;
stop)
  [ -d "$dir/data" ] && as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*) echo "usage: pg-server.sh start|stop|restart|down|up DIR" >&2; exit 2 ;;
esac
