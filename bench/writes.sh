#!/usr/bin/env bash
# Write load test: reactions, comments and poll votes per second that Warta
# sustains, each request from a new reader, over loopback. After each run it
# checks that the counts the API shows equal the writes acknowledged.
#
#   bench/writes.sh                     # SQLite, 10 s each, 64 connections
#   DURATION=20s CONNS=32 bench/writes.sh
#   WARTA_DB=postgres://... bench/writes.sh
#
# Writes go through bench/pacer (each from a new reader with its own cookie,
# got the way a browser gets it). Traffic goes only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNS=${CONNS:-64}
PORT=${PORT:-18082}
OUT=bench/out
mkdir -p "$OUT"
go build -o "$OUT/warta" ./cmd/warta
go build -o "$OUT/pacer" ./bench/pacer
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

run() { # name pacer-args... -> prints a result line, keeps the output
	local name=$1; shift
	"$OUT/pacer" -base "$BASE" -conns "$CONNS" -for "$DURATION" "$@" > "$OUT/$name.pacer"
	awk -v name="$name" '
	/^writes acknowledged/ { ok=$3; bad=$(NF-1); rate=$NF; sub(/\/s$/, "", rate) }
	/^latency/ { p50=$(NF-4); p99=$(NF-1) }
	END { printf "%-10s %10.0f %9.2f %9.2f %8d %8d\n", name, rate, p50, p99, ok, bad }' "$OUT/$name.pacer"
}
ok() { awk '/^writes acknowledged/ { print $3 }' "$OUT/$1.pacer"; }
printf '%-10s %10s %9s %9s %8s %8s\n' write "per second" "p50 ms" "p99 ms" acked refused
L0=$(field "$BASE/api/v1/articles/$ID" likes)
run reactions -kind reaction -ids "$ID"
C0=$(field "$BASE/api/v1/articles/$ID" comment_count)
run comments -kind comment -ids "$ID"
V0=$(field "$BASE/api/v1/polls/$POLL" total)
run votes -kind vote -poll "$POLL" -option "$OPT"
L1=$(field "$BASE/api/v1/articles/$ID" likes)
C1=$(field "$BASE/api/v1/articles/$ID" comment_count)
V1=$(field "$BASE/api/v1/polls/$POLL" total)
echo "db: $(case "${WARTA_DB:-}" in postgres://* | postgresql://*) echo postgres ;; "") echo sqlite ;; *) echo "sqlite ($WARTA_DB)" ;; esac), bench/pacer -conns $CONNS -for $DURATION, one new reader per write (its cookie round trip included)"
echo "acknowledged vs counted: reactions $(ok reactions) vs $((L1 - L0)), comments $(ok comments) vs $((C1 - C0)), votes $(ok votes) vs $((V1 - V0))"
grep -h 'by status' "$OUT"/*.pacer || true
