#!/usr/bin/env bash
# Article-page load test: Warta (full dynamic page, live counts) beside nginx
# serving the very same HTML bytes as a static file, in one run, over
# loopback. Prints requests/s and p50/p99 latency of both and their ratio.
#
#   bench/page.sh                 # SQLite, 3 alternating rounds of 5 s per side, 64 connections
#   DURATION=10s ROUNDS=2 CONNS=64 bench/page.sh
#   WARTA_DB=postgres://... bench/page.sh
#   PAGE=/ bench/page.sh          # the home page instead of an article
#   OLD_REV=433a889 bench/page.sh # also an older revision, in the same rounds
#   GZIP=1 bench/page.sh          # what browsers ask for: Accept-Encoding: gzip,
#                                 # nginx compressing per request (gzip on, level 1)
#
# Besides requests/s it prints each server's CPU time per request (user +
# system, from /proc, over the measured rounds): on a shared machine that
# figure moves less with the other load than requests/s does.
#
# Needs wrk and nginx (apt-get install wrk nginx-light). Traffic goes only to
# 127.0.0.1 and stops by itself after DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
WPORT=${WPORT:-18080}
NPORT=${NPORT:-18081}
. bench/lib.sh
mkdir -p "$OUT/www" "$OUT/nginx"
for tool in wrk nginx curl; do
	command -v $tool >/dev/null || { echo "bench: $tool not found (apt-get install wrk nginx-light curl)"; exit 2; }
done

go build -o "$OUT/warta" ./cmd/warta
DB=${WARTA_DB:-$OUT/bench.db}
[ -n "${WARTA_DB:-}" ] || rm -f "$OUT"/bench.db*
"$OUT/warta" serve --demo --db "$DB" --media "$OUT/media" --addr 127.0.0.1:$WPORT --log-level warn &
WPID=$!
NPID=""
OPID=""
OPORT=${OPORT:-18086}
if [ -n "${OLD_REV:-}" ]; then # the same page from an older revision (SQLite), in the same rounds
	rm -rf "$OUT/old-src" "$OUT"/bench-old.db*
	git worktree add -f --detach "$OUT/old-src" "$OLD_REV" >/dev/null 2>&1
	(cd "$OUT/old-src" && go build -o "../warta-old" ./cmd/warta)
	git worktree remove --force "$OUT/old-src"
	"$OUT/warta-old" serve --demo --db "$OUT/bench-old.db" --media "$OUT/media-old" --addr 127.0.0.1:$OPORT --log-level warn &
	OPID=$!
	for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$OPORT/healthz" >/dev/null && break; sleep 0.2; done
	wait_photos "http://127.0.0.1:$OPORT"
fi
cleanup() {
	kill $WPID 2>/dev/null || true
	[ -n "$NPID" ] && kill $NPID 2>/dev/null || true
	[ -n "$OPID" ] && kill $OPID 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$WPORT/healthz" >/dev/null && break; sleep 0.2; done
wait_photos "http://127.0.0.1:$WPORT"

if [ -z "${PAGE:-}" ]; then
	PAGE=$(curl -fs "http://127.0.0.1:$WPORT/api/v1/articles?limit=1" | grep -o '"url":"[^"]*/berita/[^"]*"' | head -n1 | sed -E 's#"url":"https?://[^/]+([^"]+)"#\1#')
fi
curl -fs "http://127.0.0.1:$WPORT$PAGE" -o "$OUT/www/page.html"
BYTES=$(wc -c < "$OUT/www/page.html")

nginx_conf 'try_files /page.html =404'
nginx -c "$PWD/$OUT/nginx/nginx.conf" -p "$PWD/$OUT/nginx" &
NPID=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$NPORT/" >/dev/null && break; sleep 0.1; done

HDR=()
[ -n "${GZIP:-}" ] && HDR=(-H "Accept-Encoding: gzip")
run() { # name url pid -> "rps p50_ms p99_ms non2xx cpu_us_per_request"
	local t0 t1
	t0=$(cpu_ticks "$3")
	wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${HDR[@]}" "$2" > "$OUT/$1.wrk"
	t1=$(cpu_ticks "$3")
	awk -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" '
	function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
	/requests in/ { n=$1 }
	/Requests\/sec/ { rps=$2 }
	$1=="50%" { p50=ms($2) }
	$1=="99%" { p99=ms($2) }
	/Non-2xx/ { bad=$NF }
	END { printf "%.0f %.2f %.2f %s %.1f\n", rps, p50, p99, (bad==""?0:bad), (n>0 ? (t1-t0)/hz*1e6/n : 0) }' "$OUT/$1.wrk"
}
cpu_mean() { awk '{ s+=$5 } END { printf "%.1f", s/NR }' "$1"; }
# Warm both up, then measure, alternating ROUNDS times so that other load on
# the machine weighs on both alike: requests/s and p50 are the means of the
# rounds, p99 the worst round's.
wrk -t1 -c8 -d2s "http://127.0.0.1:$WPORT$PAGE" >/dev/null
: > "$OUT/nginx.rounds"
: > "$OUT/warta.rounds"
: > "$OUT/old.rounds"
for i in $(seq 1 "$ROUNDS"); do
	run nginx "http://127.0.0.1:$NPORT/" "$NPID" >> "$OUT/nginx.rounds"
	run warta "http://127.0.0.1:$WPORT$PAGE" "$WPID" >> "$OUT/warta.rounds"
	[ -n "$OPID" ] && run old "http://127.0.0.1:$OPORT$PAGE" "$OPID" >> "$OUT/old.rounds"
done
read -r NR NP50 NP99 NBAD < <(summarize "$OUT/nginx.rounds")
read -r WR WP50 WP99 WBAD < <(summarize "$OUT/warta.rounds")
echo "page: $PAGE ($BYTES bytes), wrk -t$THREADS -c$CONNS, $ROUNDS alternating rounds of $DURATION${GZIP:+, Accept-Encoding: gzip}, db: $(db_kind)"
printf '%-8s %12s %10s %10s %8s %14s\n' server "requests/s" "p50 ms" "p99 ms" "non-2xx" "CPU µs/req"
printf '%-8s %12s %10s %10s %8s %14s\n' nginx "$NR" "$NP50" "$NP99" "$NBAD" "$(cpu_mean "$OUT/nginx.rounds")"
printf '%-8s %12s %10s %10s %8s %14s\n' warta "$WR" "$WP50" "$WP99" "$WBAD" "$(cpu_mean "$OUT/warta.rounds")"
[ -n "$OPID" ] && { read -r OR OP50 OP99 OBAD < <(summarize "$OUT/old.rounds"); printf '%-8s %12s %10s %10s %8s %14s\n' "$OLD_REV" "$OR" "$OP50" "$OP99" "$OBAD" "$(cpu_mean "$OUT/old.rounds")"; }
awk -v w="$WR" -v n="$NR" 'BEGIN { printf "ratio warta/nginx: %.2f\n", w/n }'
[ -n "$OPID" ] && awk -v w="$OR" -v n="$NR" -v r="$OLD_REV" 'BEGIN { printf "ratio %s/nginx: %.2f\n", r, w/n }'
true
