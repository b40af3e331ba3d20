#!/bin/sh
# Shows that two builds of cible answer the same JSON, byte for byte, on the
# same demo organisations: every objective (GET /api/objectives/{id}, its
# SMART verdict included), its progress (/progress), its path up to the
# ambition (/path), its cascade (/cascade), every unit's dashboard
# (/api/units/{id}/dashboard) and every person's (/api/people/{id}/dashboard),
# for the 48-person demo and the 1,000-person one, on a fixed day; and for the
# 48-person one, the HTML of the pages that show them too (every objective's
# page, edit and new-child forms, the team dashboard of every unit with sorts
# and a period, the cascade with and without a filter).
#
#   tests/same-json.sh OLD-BINARY NEW-BINARY
#   tests/same-json.sh            # OLD: main's build (REF=main: its tree
#                                 # exported to build/same-json/ref-<rev>),
#                                 # NEW: build/cible
#
# Each demo is generated once (by OLD) and both servers read a copy of the
# same file, so that what differs can only be how they answer. The servers
# and the demo run with CIBLE_TODAY=$DAY (default 2026-11-20). Exit 0 when the
# dumps are identical, 1 with the diff otherwise.
set -eu
DAY=${DAY:-2026-11-20}
SIZES=${SIZES:-"48 1000"}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/build/same-json
mkdir -p "$WORK"

if [ $# -eq 2 ]; then
	OLD=$1
	NEW=$2
elif [ $# -eq 0 ]; then
	# REF's tree, exported (git archive: no worktree to register or clean up)
	REF=${REF:-main}
	rev=$(git -C "$ROOT" rev-parse --short "$REF")
	if [ ! -x "$WORK/ref-$rev/build/cible" ]; then
		rm -rf "$WORK/ref-$rev"
		mkdir -p "$WORK/ref-$rev"
		git -C "$ROOT" archive "$rev" | tar -x -C "$WORK/ref-$rev"
		make -C "$WORK/ref-$rev" -j2 build/cible >/dev/null
	fi
	OLD=$WORK/ref-$rev/build/cible
	NEW=$ROOT/build/cible
else
	echo "usage: tests/same-json.sh [OLD-BINARY NEW-BINARY]" >&2
	exit 2
fi
for b in "$OLD" "$NEW"; do
	[ -x "$b" ] || { echo "same-json: $b is not an executable" >&2; exit 2; }
done

PID=
cleanup() {
	if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM

# dump BINARY DB OUT: serves DB, fetches every document into OUT (one file)
dump() {
	bin=$1 db=$2 out=$3
	log=$out.log
	: >"$log"
	CIBLE_TODAY=$DAY "$bin" serve --db "$db" --port 0 --log-level warn 2>"$log" &
	PID=$!
	base=
	for _ in $(seq 1 150); do
		base=$(sed -n 's/.*cible: listening on \(http:[^ ]*\).*/\1/p' "$log" | head -n 1)
		[ -n "$base" ] && break
		sleep 0.1
	done
	[ -n "$base" ] || { echo "same-json: $bin did not start:" >&2; cat "$log" >&2; exit 1; }
	: >"$out"
	get() {
		printf '== %s\n' "$1" >>"$out"
		curl -s -H "Authorization: Bearer $TOKEN" -w '\n-> %{http_code}\n' "$base$1" >>"$out"
	}
	for id in $(sqlite3 "$db" 'SELECT id FROM objective ORDER BY id'); do
		get "/api/objectives/$id"
		get "/api/objectives/$id/progress"
		get "/api/objectives/$id/progress?by=week"
		get "/api/objectives/$id/path"
		get "/api/objectives/$id/cascade"
		get "/api/objectives/$id/checkins"
	done
	for id in $(sqlite3 "$db" 'SELECT id FROM unit ORDER BY id'); do
		get "/api/units/$id/dashboard"
	done
	for id in $(sqlite3 "$db" 'SELECT id FROM person ORDER BY id'); do
		get "/api/people/$id/dashboard"
	done
	get "/api/objectives?limit=500"
	get "/api/alerts"
	if [ "$PAGES" = 1 ]; then
		get "/cascade"
		get "/cascade?unit=3&from=2026-01-01"
		get "/objectives/new"
		for id in $(sqlite3 "$db" 'SELECT id FROM unit ORDER BY id'); do
			get "/team?unit=$id"
			get "/team?unit=$id&sort=name"
			get "/team?unit=$id&sort=attainment&from=2026-10-01&to=2026-12-31"
		done
		for id in $(sqlite3 "$db" 'SELECT id FROM objective ORDER BY id'); do
			get "/objectives/$id"
			get "/objectives/$id/edit"
			get "/objectives/new?parent=$id"
		done
	fi
	kill "$PID"
	wait "$PID" 2>/dev/null || true
	PID=
}

status=0
for n in $SIZES; do
	dir=$WORK/demo-$n
	rm -rf "$dir"
	mkdir -p "$dir"
	CIBLE_TODAY=$DAY "$OLD" demo --db "$dir/demo.db" --people "$n" --today "$DAY" >"$dir/demo.txt"
	admin=$(sed -n 's/^  \([^ ]*@[^ ]*\) *admin .*/\1/p' "$dir/demo.txt" | head -n 1)
	TOKEN=$("$OLD" user token --db "$dir/demo.db" --email "$admin" --name same-json |
		grep -o 'cbl_[A-Za-z0-9_-]*' | head -n 1)
	[ -n "$TOKEN" ] || TOKEN=$("$OLD" user token --db "$dir/demo.db" --email "$admin" \
		--name same-json2 | tail -n 1)
	PAGES=0
	[ "$n" -le 100 ] && PAGES=1
	cp "$dir/demo.db" "$dir/old.db"
	cp "$dir/demo.db" "$dir/new.db"
	dump "$OLD" "$dir/old.db" "$dir/old.json"
	dump "$NEW" "$dir/new.db" "$dir/new.json"
	docs=$(grep -c '^== ' "$dir/new.json")
	bad=$(grep -c '^-> [^2]' "$dir/new.json" || true)
	if cmp -s "$dir/old.json" "$dir/new.json"; then
		echo "same-json: $n people: $docs documents ($bad not 2xx), $(wc -c <"$dir/new.json") bytes, identical"
	else
		echo "same-json: $n people: the answers differ:"
		diff "$dir/old.json" "$dir/new.json" | head -n 60
		status=1
	fi
done
exit $status
