#!/bin/sh
# The same boards from two programs (e.g. a build of main and one with the
# boards kept in memory), byte for byte: two servers on two copies of one
# demo (made with --today 2026-12-08), two more challenges of all its people
# created on each, then every board read by an admin and an agent in fr and
# en (20 reads) after each step: as they are, after 3 calls posted, after a
# 1,000-call import by the CLI beside the running servers, after a person
# moved to another unit. The challenges' created_at (made a second apart on
# the two servers) is set aside.
#   sh bench/challenge_same.sh BASE_BIN NEW_BIN DEMO [WORKDIR]
set -e
B=$1; N=$2; D=$3
dir=${4:-/tmp/cible-bench-same}
mkdir -p "$dir"
cd "$dir"
rm -f out.* a.json b.json
rm -f base.db* new.db*
cp "$D" base.db; cp "$D" new.db
CIBLE_TODAY=2026-12-08 "$B" serve --db base.db --port 18101 --log-level error & p1=$!
CIBLE_TODAY=2026-12-08 "$N" serve --db new.db --port 18102 --log-level error & p2=$!
trap 'kill $p1 $p2 2>/dev/null' EXIT
for port in 18101 18102; do until curl -sf -o /dev/null http://127.0.0.1:$port/healthz; do sleep 0.3; done; done
admin=$(sqlite3 base.db "SELECT email FROM person WHERE role = 'admin' ORDER BY id LIMIT 1")
agent=$(sqlite3 base.db "SELECT email FROM person WHERE job LIKE 'Téléconseill%' ORDER BY id LIMIT 1 OFFSET 37")
agentid=$(sqlite3 base.db "SELECT id FROM person WHERE email = '$agent'")
company=$(sqlite3 base.db "SELECT id FROM unit WHERE kind = 'company' LIMIT 1")
login() { # port email -> jar file
  curl -s -c jar.$1.$2 -H 'Content-Type: application/json' -d "{\"email\":\"$2\",\"password\":\"demo-cible\"}" http://127.0.0.1:$1/api/login | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/' > csrf.$1.$2
}
for port in 18101 18102; do login $port $admin; login $port $agent; done
post() { # port email path body
  curl -s -b jar.$1.$2 -H "X-CSRF-Token: $(cat csrf.$1.$2)" -H 'Content-Type: application/json' -d "$4" http://127.0.0.1:$1$3
}
for port in 18101 18102; do
  post $port $admin /api/challenges "{\"name\":\"Tout le monde, brut\",\"start\":\"2026-12-01\",\"end\":\"2026-12-31\",\"rule\":\"raw\",\"participants\":{\"units\":[$company]},\"indicators\":[{\"key\":\"calls_handled\",\"target\":40}]}" > /dev/null
  post $port $admin /api/challenges "{\"name\":\"Tout le monde, atteinte\",\"start\":\"2026-12-01\",\"end\":\"2026-12-31\",\"rule\":\"attainment\",\"participants\":{\"units\":[$company]},\"indicators\":[{\"key\":\"calls_handled\",\"target\":40},{\"key\":\"aht\",\"target\":300,\"better\":\"lower\"}],\"leagues\":{\"by\":\"seniority\",\"bounds_months\":[12]}}" > /dev/null
done
ids=$(sqlite3 base.db "SELECT id FROM challenge ORDER BY id" | tr '\n' ' ')
step=0
snap() {
  for port in 18101 18102; do
    for who in $admin $agent; do
      for id in $ids; do
        for lang in fr en; do
          curl -s -b jar.$port.$who -H "Accept-Language: $lang" "http://127.0.0.1:$port/api/challenges/$id/board?top=30" > out.$step.$port.$who.$id.$lang.json
        done
      done
    done
  done
  bad=0; n=0
  for f in out.$step.18101.*; do
    g=$(echo $f | sed 's/\.18101\./.18102./'); n=$((n+1))
    sed 's/"created_at":[0-9]*/"created_at":0/g' $f > a.json
    sed 's/"created_at":[0-9]*/"created_at":0/g' $g > b.json
    cmp -s a.json b.json || { bad=$((bad+1)); echo "DIFF $f"; }
  done
  echo "step $step: $n boards compared, $bad differ; sizes $(cat out.$step.18101.* | wc -c) bytes"
  step=$((step+1))
}
snap
i=0
while [ $i -lt 3 ]; do
  for port in 18101 18102; do
    post $port $admin /api/activity "{\"kind\":\"call\",\"records\":[{\"source_id\":\"cmp-$i\",\"person\":\"$agentid\",\"at\":\"2026-12-08T16:00:00Z\",\"fields\":{\"answered\":true,\"resolved\":true,\"talk\":$((100 + i * 400))}}]}" > /dev/null
  done
  snap
  i=$((i+1))
done
# a batch of 1,000 calls, imported by the CLI into both (the servers keep running)
sqlite3 base.db "SELECT email FROM person WHERE job LIKE 'Téléconseill%' LIMIT 1000" > agents.txt
awk 'BEGIN { print "Call Id,Agent,Date,Time,Answered (Y/N),Resolved,AvgTalkDuration" }
  { printf "CMP-%05d,%s,2026-12-08,17:%02d:00,Y,%s,00:0%d:10\n", NR, $0, NR % 60, NR % 3 ? "Y" : "N", NR % 9 }' agents.txt > cmp.csv
for pair in "$B base.db" "$N new.db"; do set -- $pair
  CIBLE_TODAY=2026-12-08 "$1" import --db "$2" --kind call --id "Call Id" --person Agent --date Date --time Time \
    --field "answered=Answered (Y/N):bool" --field resolved=Resolved:bool --field talk=AvgTalkDuration:time cmp.csv | tail -1
done
snap
# a person moved to another unit through the API (the generation moves)
unit2=$(sqlite3 base.db "SELECT id FROM unit WHERE kind = 'team' ORDER BY id LIMIT 1 OFFSET 3")
for port in 18101 18102; do
  curl -s -X PATCH -b jar.$port.$admin -H "X-CSRF-Token: $(cat csrf.$port.$admin)" -H 'Content-Type: application/json' -d "{\"unit_id\":$unit2}" http://127.0.0.1:$port/api/people/$agentid | head -c 80; echo
done
snap
echo "in all: $((step * 20)) boards compared"
