#!/usr/bin/env bash
# The long tail: every page rendered (--page-cache 0), reads spread over
# every article, the home page and every category page, no writes. Prints,
# from one run, nginx serving the very same bytes (one file per page), Warta
# as built from this tree, and (OLD_REV=<git revision>) Warta as built from
# that revision, with the ratios.
#
#   bench/uncached.sh                     # SQLite, 10 s per server, 64 connections
#   OLD_REV=433a889 bench/uncached.sh     # beside the code before issue 10
#   PAGE=/berita/some-slug bench/uncached.sh   # one page only
#   GZIP=1 bench/uncached.sh              # readers ask for gzip
#
# Needs wrk and nginx (apt-get install wrk nginx-light). Traffic goes only to
# 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
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

# measure NAME BIN: a fresh demo site, every page rendered; writes the
# figures to $OUT/uncached-NAME.txt. The first run lists the pages and keeps
# their bytes for nginx (one file per page).
measure() {
	rm -f "$OUT/uncached-$1.db"*
	start_warta "$2" $PORT "$OUT/uncached-$1.db" --page-cache 0
	local base="http://127.0.0.1:$PORT" pid=${PIDS[-1]}
	if [ ! -s "$OUT/uncached.paths" ]; then
		if [ -n "${PAGE:-}" ]; then echo "$PAGE"; else site_paths "$base"; fi > "$OUT/uncached.paths"
		rm -rf "$OUT/www" && mkdir -p "$OUT/www"
		while read -r p; do
			f="$OUT/www${p%/}/index.html"
			mkdir -p "$(dirname "$f")"
			curl -fs "$base$p" -o "$f"
		done < "$OUT/uncached.paths"
	fi
	wrk -t1 -c8 -d2s "$base/" >/dev/null # warm up
	read_load "uncached-$1" "$base" "$OUT/uncached.paths" > "$OUT/uncached-$1.txt"
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}
rm -f "$OUT/uncached.paths"
measure new "$OUT/warta"
read -r WR WP50 WP99 WBAD < "$OUT/uncached-new.txt"
if [ -n "${OLD_REV:-}" ]; then
	measure old "$OUT/warta-old"
	read -r OR OP50 OP99 OBAD < "$OUT/uncached-old.txt"
fi

mkdir -p "$OUT/nginx"
cat > "$OUT/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $PWD/$OUT/nginx/nginx.pid;
error_log $PWD/$OUT/nginx/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  default_type text/html;
  gzip $( [ -n "${GZIP:-}" ] && echo on || echo off );
  gzip_types text/html;
  gzip_min_length 512;
  server {
    listen 127.0.0.1:$NPORT;
    root $PWD/$OUT/www;
    location / { try_files \$uri/index.html =404; }
  }
}
CONF
nginx -c "$PWD/$OUT/nginx/nginx.conf" -p "$PWD/$OUT/nginx" &
PIDS+=($!)
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$NPORT/" >/dev/null && break; sleep 0.1; done
read -r NR NP50 NP99 NBAD < <(read_load uncached-nginx "http://127.0.0.1:$NPORT" "$OUT/uncached.paths")

echo "uncached: $(wc -l < "$OUT/uncached.paths") pages, --page-cache 0, wrk -t$THREADS -c$CONNS -d$DURATION${GZIP:+, gzip}, db: sqlite"
row server "pages/s" "p50 ms" "p99 ms" "non-2xx"
row "nginx, the same bytes" "$NR" "$NP50" "$NP99" "$NBAD"
[ -n "${OLD_REV:-}" ] && row "warta $OLD_REV" "$OR" "$OP50" "$OP99" "$OBAD"
row "warta (this tree)" "$WR" "$WP50" "$WP99" "$WBAD"
awk -v w="$WR" -v n="$NR" 'BEGIN { printf "ratio warta/nginx: %.2f\n", w/n }'
[ -n "${OLD_REV:-}" ] && awk -v w="$WR" -v o="$OR" 'BEGIN { printf "ratio this tree / %s: %.2f\n", "'"$OLD_REV"'", w/o }'
true
