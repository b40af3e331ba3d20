#!/bin/sh
# Installs the Debian packages cible needs, only those missing; for the tests
# also the npm packages of package-lock.json (playwright-core, axe-core,
# swagger-parser, ajv).
#   scripts/deps.sh build   to build and run the server
#   scripts/deps.sh test    also what the tests need (clang for fuzzing,
#                           node for the API and browser tests, sqlite3 for
#                           independent figures, a PostgreSQL 15 server that
#                           the tests start themselves: tests/pg-server.sh,
#                           python3-aiosmtpd: the SMTP server of
#                           tests/api/notify.test.mjs, nginx-light: the load
#                           balancer of tests/api/scale.test.mjs, wrk: bench/)
set -e
build="build-essential pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev libsodium-dev libcsv-dev libxlsxwriter-dev libpq-dev libcurl4-openssl-dev libhpdf-dev fonts-dejavu-core"
test="$build clang libclang-rt-14-dev sqlite3 curl chromium postgresql-15 python3-openpyxl python3-aiosmtpd python3-icalendar poppler-utils nginx-light wrk"
case "${1:-build}" in
  build) want=$build ;;
  test) want=$test ;;
  *) echo "usage: scripts/deps.sh build|test" >&2; exit 2 ;;
esac
missing=
for p in $want; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
# node and npm may come from elsewhere than Debian (a newer build): take any
if [ "${1:-build}" = test ]; then
  command -v node >/dev/null 2>&1 || missing="$missing nodejs"
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
if [ -n "$missing" ]; then
  echo "installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# the browser tests' npm packages, exactly as locked
if [ "${1:-build}" = test ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; }; then
  echo "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  touch node_modules
fi
exit 0
