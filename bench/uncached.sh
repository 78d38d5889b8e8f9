#!/usr/bin/env bash
# The long tail: every page rendered (--page-cache 0), reads spread over
# every article, the home page and every category page, no writes. Prints,
# from one run, nginx serving the very same bytes (one file per page), Warta
# as built from this tree, and (OLD_REV=<git revision>) Warta as built from
# that revision, with the ratios.
#
#   bench/uncached.sh                     # SQLite, 3 alternating rounds of 5 s per server, 64 connections
#   OLD_REV=433a889 bench/uncached.sh     # beside the code before issue 10
#   PAGE=/berita/some-slug bench/uncached.sh   # one page only
#   GZIP=1 bench/uncached.sh              # readers ask for gzip
#
# Needs wrk and nginx (apt-get install wrk nginx-light). Traffic goes only to
# 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
PORT=${PORT:-18084}
NPORT=${NPORT:-18085}
. bench/lib.sh
command -v nginx >/dev/null || { echo "bench: nginx not found (apt-get install nginx-light)"; exit 2; }
go build -o "$OUT/warta" ./cmd/warta
if [ -n "${OLD_REV:-}" ]; then
	rm -rf "$OUT/old-src"
	git worktree add -f --detach "$OUT/old-src" "$OLD_REV" >/dev/null 2>&1
	(cd "$OUT/old-src" && go build -o "../warta-old" ./cmd/warta)
	git worktree remove --force "$OUT/old-src"
fi

# Both Warta processes run side by side on fresh demo sites, every page
# rendered; this tree's lists the pages and gives nginx their bytes (one
# file per page).
rm -f "$OUT"/uncached-*.db*
start_warta "$OUT/warta" $PORT "$OUT/uncached-new.db" --page-cache 0
BASE="http://127.0.0.1:$PORT"
OPORT=${OPORT:-18087}
if [ -n "${OLD_REV:-}" ]; then
	start_warta "$OUT/warta-old" $OPORT "$OUT/uncached-old.db" --page-cache 0
fi
if [ -n "${PAGE:-}" ]; then echo "$PAGE"; else site_paths "$BASE"; fi > "$OUT/uncached.paths"
rm -rf "$OUT/www" && mkdir -p "$OUT/www"
while read -r p; do
	f="$OUT/www${p%/}/index.html"
	mkdir -p "$(dirname "$f")"
	curl -fs "$BASE$p" -o "$f"
done < "$OUT/uncached.paths"

nginx_conf 'try_files $uri/index.html =404'
nginx -c "$PWD/$OUT/nginx/nginx.conf" -p "$PWD/$OUT/nginx" &
PIDS+=($!)
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$NPORT/" >/dev/null && break; sleep 0.1; done
wrk -t1 -c8 -d2s "$BASE/" >/dev/null # warm up
[ -n "${OLD_REV:-}" ] && wrk -t1 -c8 -d2s "http://127.0.0.1:$OPORT/" >/dev/null
# Alternate the servers ROUNDS times, so that other load on the machine
# weighs on each alike: pages/s and p50 are the means, p99 the worst round's.
: > "$OUT/uncached-nginx.rounds"
: > "$OUT/uncached-new.rounds"
: > "$OUT/uncached-old.rounds"
for i in $(seq 1 "$ROUNDS"); do
	read_load uncached-nginx "http://127.0.0.1:$NPORT" "$OUT/uncached.paths" >> "$OUT/uncached-nginx.rounds"
	read_load uncached-new "$BASE" "$OUT/uncached.paths" >> "$OUT/uncached-new.rounds"
	[ -n "${OLD_REV:-}" ] && read_load uncached-old "http://127.0.0.1:$OPORT" "$OUT/uncached.paths" >> "$OUT/uncached-old.rounds"
done
read -r NR NP50 NP99 NBAD < <(summarize "$OUT/uncached-nginx.rounds")
read -r WR WP50 WP99 WBAD < <(summarize "$OUT/uncached-new.rounds")
[ -n "${OLD_REV:-}" ] && read -r OR OP50 OP99 OBAD < <(summarize "$OUT/uncached-old.rounds")

echo "uncached: $(wc -l < "$OUT/uncached.paths") pages, --page-cache 0, wrk -t$THREADS -c$CONNS, $ROUNDS alternating rounds of $DURATION${GZIP:+, gzip}, db: sqlite"
row server "pages/s" "p50 ms" "p99 ms" "non-2xx"
row "nginx, the same bytes" "$NR" "$NP50" "$NP99" "$NBAD"
[ -n "${OLD_REV:-}" ] && row "warta $OLD_REV" "$OR" "$OP50" "$OP99" "$OBAD"
row "warta (this tree)" "$WR" "$WP50" "$WP99" "$WBAD"
awk -v w="$WR" -v n="$NR" 'BEGIN { printf "ratio warta/nginx: %.2f\n", w/n }'
[ -n "${OLD_REV:-}" ] && awk -v w="$WR" -v o="$OR" 'BEGIN { printf "ratio this tree / %s: %.2f\n", "'"$OLD_REV"'", w/o }'
true
