#!/usr/bin/env bash
# Write load test: reactions, comments and poll votes per second that Warta
# sustains, each request from a new reader, over loopback. After each run it
# checks that the counts the API shows equal the writes acknowledged.
#
#   bench/writes.sh                     # SQLite, 10 s each, 64 connections
#   DURATION=20s CONNS=32 bench/writes.sh
#   WARTA_DB=postgres://... bench/writes.sh
#
# Needs wrk (apt-get install wrk). Traffic goes only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-18082}
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "bench: wrk not found (apt-get install wrk)"; exit 2; }
go build -o "$OUT/warta" ./cmd/warta
DB=${WARTA_DB:-$OUT/writes.db}
[ -n "${WARTA_DB:-}" ] || rm -f "$OUT"/writes.db*
# --trust-proxy lets each request carry its own reader address, so the
# per-IP ceiling (meant for carrier NAT) does not cap one load generator.
"$OUT/warta" serve --demo --db "$DB" --media "$OUT/media" --addr 127.0.0.1:$PORT --log-level warn --trust-proxy &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT"
ID=$(curl -fs "$BASE/api/v1/articles?limit=1" | sed -E 's/^\{"data":\[\{"id":([0-9]+).*/\1/')
POLL=$(curl -fs "$BASE/api/v1/polls" | sed -E 's/^\{"data":\[\{"id":([0-9]+).*/\1/')
OPT=$(curl -fs "$BASE/api/v1/polls/$POLL" | sed -E 's/.*"options":\[\{"id":([0-9]+).*/\1/')
field() { curl -fs "$1" | sed -E "s/.*\"$2\":([0-9]+).*/\1/"; }

run() { # name path body -> prints a result line
	local name=$1 path=$2 body=$3
	WARTA_PATH=$path WARTA_BODY=$body wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/lua/write.lua "$BASE" > "$OUT/$name.wrk"
	awk -v name="$name" '
	function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
	/Requests\/sec/ { rps=$2 } $1=="50%" { p50=ms($2) } $1=="99%" { p99=ms($2) }
	/Non-2xx/ { bad=$NF } /^requests / { n=$2 }
	END { printf "%-10s %10.0f %9.2f %9.2f %8d %8s\n", name, rps, p50, p99, n, (bad==""?0:bad) }' "$OUT/$name.wrk"
}
printf '%-10s %10s %9s %9s %8s %8s\n' write "per second" "p50 ms" "p99 ms" requests non-2xx
L0=$(field "$BASE/api/v1/articles/$ID" likes)
run reactions "/api/v1/articles/$ID/reactions" '{"reaction":"like"}'
C0=$(field "$BASE/api/v1/articles/$ID" comment_count)
run comments "/api/v1/articles/$ID/comments" '{"name":"Pembaca %d","text":"Komentar uji beban nomor %d."}'
V0=$(field "$BASE/api/v1/polls/$POLL" total)
run votes "/api/v1/polls/$POLL/votes" "{\"option_id\":$OPT}"
L1=$(field "$BASE/api/v1/articles/$ID" likes)
C1=$(field "$BASE/api/v1/articles/$ID" comment_count)
V1=$(field "$BASE/api/v1/polls/$POLL" total)
ok() { # name -> 2xx count from the wrk output
	awk '/^requests / { n=$2 } /Non-2xx/ { bad=$NF } END { print n - (bad==""?0:bad) }' "$OUT/$1.wrk"
}
echo "db: $( [ -n "${WARTA_DB:-}" ] && echo postgres || echo sqlite), wrk -t$THREADS -c$CONNS -d$DURATION, one new reader per request"
echo "acknowledged vs counted: reactions $(ok reactions) vs $((L1 - L0)), comments $(ok comments) vs $((C1 - C0)), votes $(ok votes) vs $((V1 - V0))"
