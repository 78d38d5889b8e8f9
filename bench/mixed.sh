#!/usr/bin/env bash
# Mixed load: readers spread over every article, the home page and every
# category page (wrk, random page per request) while new readers react and
# comment at a paced rate on other articles. Prints, from one run, the
# write-free reads (the baseline), the same reads under writes and their
# ratio, and checks that every acknowledged write counted.
#
#   bench/mixed.sh                        # SQLite, 5 alternating rounds of 10 s per load (3 of 5 s moved by ±0.05 between runs), 64 connections, 50 writes/s
#   RATE=10 DURATION=15s bench/mixed.sh
#   WARTA_DB=postgres://... bench/mixed.sh   # an empty database (or schema)
#   GZIP=1 bench/mixed.sh                 # readers ask for gzip
#
# Needs wrk (apt-get install wrk). Traffic goes only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-5}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
RATE=${RATE:-50}
PORT=${PORT:-18083}
WRITE_ARTICLES=${WRITE_ARTICLES:-6}
. bench/lib.sh
go build -o "$OUT/warta" ./cmd/warta
go build -o "$OUT/pacer" ./bench/pacer
DB=${WARTA_DB:-$OUT/mixed.db}
[ -n "${WARTA_DB:-}" ] || rm -f "$OUT"/mixed.db*
# --trust-proxy: each write carries its own reader address (X-Forwarded-For).
start_warta "$OUT/warta" $PORT "$DB" --trust-proxy
BASE="http://127.0.0.1:$PORT"
wait_photos "$BASE"
IDS=$(article_ids "$BASE" "$WRITE_ARTICLES")
# Reads go everywhere but the articles written to.
WRITTEN=$(curl -fs "$BASE/api/v1/articles?limit=100" | grep -o '"id":[0-9]*,"slug":"[^"]*","title"' | tail -n "$WRITE_ARTICLES" | sed -E 's/.*"slug":"([^"]*)".*/\/berita\/\1/')
site_paths "$BASE" | { grep -vxF "$WRITTEN" || true; } > "$OUT/mixed.paths"
likes_before=$(curl -fs "$BASE/api/v1/articles?limit=100" | grep -o '"likes":[0-9]*' | awk -F: '{s+=$2} END {print s+0}')

# Warm up over every page the readers will ask for: the rounds measure the
# steady state, not each page's first render (bench/uncached.sh measures
# renders).
DURATION=2s read_load mixed-warm "$BASE" "$OUT/mixed.paths" >/dev/null
# Alternate the two loads ROUNDS times, so that other load on the machine
# weighs on both alike: pages/s and p50 are the means of the rounds, p99
# the worst round's.
: > "$OUT/mixed-reads.rounds"
: > "$OUT/mixed-writes.rounds"
: > "$OUT/mixed-pacer.txt"
for i in $(seq 1 "$ROUNDS"); do
	read_load mixed-reads "$BASE" "$OUT/mixed.paths" >> "$OUT/mixed-reads.rounds"
	nice -n 5 "$OUT/pacer" -base "$BASE" -rate "$RATE" -for "$DURATION" -ids "$IDS" >> "$OUT/mixed-pacer.txt" &
	PACER=$!
	read_load mixed-writes "$BASE" "$OUT/mixed.paths" >> "$OUT/mixed-writes.rounds"
	wait $PACER
done
read -r R0 R0P50 R0P99 R0BAD < <(summarize "$OUT/mixed-reads.rounds")
read -r R1 R1P50 R1P99 R1BAD < <(summarize "$OUT/mixed-writes.rounds")
likes_after=$(curl -fs "$BASE/api/v1/articles?limit=100" | grep -o '"likes":[0-9]*' | awk -F: '{s+=$2} END {print s+0}')

echo "mixed: $(wc -l < "$OUT/mixed.paths") pages (articles, home, categories), wrk -t$THREADS -c$CONNS, $ROUNDS alternating rounds of $DURATION${GZIP:+, gzip}, writes ${RATE}/s on $WRITE_ARTICLES other articles, db: $(db_kind)"
row load "pages/s" "p50 ms" "p99 ms" "non-2xx"
row "reads only (baseline)" "$R0" "$R0P50" "$R0P99" "$R0BAD"
row "reads + ${RATE} writes/s" "$R1" "$R1P50" "$R1P99" "$R1BAD"
awk -v a="$R1" -v b="$R0" 'BEGIN { printf "ratio with writes / write-free: %.2f\n", a/b }'
acked=$(grep -o 'reactions [0-9]*' "$OUT/mixed-pacer.txt" | awk '{s+=$2} END {print s+0}')
echo "writes: $(grep -o 'acknowledged [0-9]*' "$OUT/mixed-pacer.txt" | awk '{s+=$2} END {print s+0}') acknowledged, $(grep -o 'failed [0-9]*' "$OUT/mixed-pacer.txt" | awk '{s+=$2} END {print s+0}') refused or failed; reactions acknowledged $acked, likes counted $((likes_after - likes_before))"
grep -h 'by status' "$OUT/mixed-pacer.txt" || true
