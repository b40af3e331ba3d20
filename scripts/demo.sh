#!/bin/sh
# Quick start: installs what is missing (Debian 12), builds, creates the demo
# organisation in an embedded SQLite file and serves it on
# http://127.0.0.1:8080 (CIBLE_PORT and CIBLE_DB change that).
set -e
cd "$(dirname "$0")/.."
sh scripts/deps.sh build
make -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
db="${CIBLE_DB:-cible-demo.db}"
build/cible demo --db "$db" --force
echo
exec build/cible serve --db "$db"
