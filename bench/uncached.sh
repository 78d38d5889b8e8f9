#!/usr/bin/env bash
# The long tail: every page rendered (--page-cache 0), no writes. Reads
# spread over every article, the home page, every category and tag page and
# a set of searches, first all mixed, then each kind of page alone. Prints,
# from one run, nginx serving the very same bytes (one file per page), Warta
# as built from this tree and (OLD_REV=<git revision>) Warta as built from
# that revision, the servers alternating in rounds, with the ratios and the
# CPU time each Warta process spent per page (from /proc: on a shared
# machine the steadier figure).
#
#   bench/uncached.sh                     # SQLite, 3 alternating rounds of 5 s per server and kind, 64 connections
#   OLD_REV=433a889 bench/uncached.sh     # beside the code before issue 10
#   KINDS="all search" bench/uncached.sh  # only these kinds (all article home category tag search)
#   PAGE=/berita/some-slug bench/uncached.sh   # one page only
#   GZIP=1 bench/uncached.sh              # readers ask for gzip
#   WPORT=20100 NPORT=20101 OPORT=20102 bench/uncached.sh   # other ports
#
# The searches are a word of each of the newest articles' titles (what
# readers look for), each asked for again and again: Warta keeps a page of
# results until an article changes, so this measures a search many readers
# make, not a first one (go test ./internal/server -bench UncachedPages
# has search-cold for that).
#
# Needs wrk and nginx (apt-get install wrk nginx-light). Traffic goes only to
# 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
WPORT=${WPORT:-${PORT:-18084}}
NPORT=${NPORT:-18085}
OPORT=${OPORT:-18087}
KINDS=${KINDS:-all article home category tag search}
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
start_warta "$OUT/warta" $WPORT "$OUT/uncached-new.db" --page-cache 0
WPID=${PIDS[-1]}
BASE="http://127.0.0.1:$WPORT"
if [ -n "${OLD_REV:-}" ]; then
	start_warta "$OUT/warta-old" $OPORT "$OUT/uncached-old.db" --page-cache 0
	OPID=${PIDS[-1]}
fi

# The pages, by kind: $OUT/uncached-KIND.paths.
if [ -n "${PAGE:-}" ]; then
	KINDS=all
	echo "$PAGE" > "$OUT/uncached-all.paths"
else
	site_paths "$BASE" > "$OUT/uncached-site.paths"
	grep '^/berita/' "$OUT/uncached-site.paths" > "$OUT/uncached-article.paths"
	echo / > "$OUT/uncached-home.paths"
	grep '^/kanal/' "$OUT/uncached-site.paths" > "$OUT/uncached-category.paths"
	curl -fs "$BASE/api/v1/tags?limit=500" | grep -o '"url":"[^"]*/tag/[^"/]*"' |
		sed -E 's#"url":"https?://[^/]+([^"]+)"#\1#' | grep -v '^/tag/hot$' > "$OUT/uncached-tag.paths"
	# A plain word (letters only, 5 or more) of each of the 30 newest titles.
	curl -fs "$BASE/api/v1/articles?limit=30" | grep -o '"title":"[^"]*"' | sed -E 's/"title":"([^"]*)"/\1/' |
		while read -r title; do
			for w in $title; do
				w=$(echo "$w" | tr 'A-Z' 'a-z')
				if [[ $w =~ ^[a-z]{5,}$ ]]; then echo "/cari?q=$w"; break; fi
			done
		done | sort -u > "$OUT/uncached-search.paths"
	cat "$OUT"/uncached-{article,home,category,tag,search}.paths > "$OUT/uncached-all.paths"
fi

rm -rf "$OUT/www" && mkdir -p "$OUT/www"
while read -r p; do
	f="$OUT/www${p%/}/index.html" # a search's in www/cari?q=WORD/
	mkdir -p "$(dirname "$f")"
	curl -fs "$BASE$p" -o "$f"
done < "$OUT/uncached-all.paths"

nginx_conf 'try_files $uri$is_args$args/index.html =404'
nginx -c "$PWD/$OUT/nginx/nginx.conf" -p "$PWD/$OUT/nginx" &
PIDS+=($!)
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$NPORT/" >/dev/null && break; sleep 0.1; done
# cpu_ticks PID: the user and system CPU time the process has used, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)

# settle PID...: wait (START_WAIT s at most) until the processes are idle.
# serve --demo draws the demo's photos in the background after starting
# (on every core: pages wait for it), so first wait for those.
settle() {
	local before after
	for _ in $(seq 1 "${START_WAIT:-30}"); do
		before=0 after=0
		for p in "$@"; do before=$((before + $(cpu_ticks "$p"))); done
		sleep 1
		for p in "$@"; do after=$((after + $(cpu_ticks "$p"))); done
		[ $((after - before)) -le $((HZ / 20)) ] && return 0
	done
	echo "bench: warta still busy after ${START_WAIT:-30} s; measuring anyway"
}
# photos_ready BASE MEDIA: every article's lead photo (its largest copy,
# drawn last) is in the media folder.
photos_ready() {
	local page=1 got
	while :; do
		got=$(curl -fs "$1/api/v1/articles?limit=100&page=$page" | grep -o '"photo":{"url":"[^"]*"' | sed -E 's#.*/media/([^"]+)"#\1#' || true)
		[ -z "$got" ] && return 0
		for f in $got; do [ -f "$2/$f" ] || return 1; done
		page=$((page + 1))
	done
}
for _ in $(seq 1 "${START_WAIT:-30}"); do
	photos_ready "$BASE" "$OUT/media-$WPORT" && { [ -z "${OLD_REV:-}" ] || photos_ready "http://127.0.0.1:$OPORT" "$OUT/media-$OPORT"; } && break
	sleep 1
done
settle $WPID ${OPID:-}
WARM=$OUT/uncached-all.paths
WARTA_PATHS=$WARM wrk -t1 -c8 -d2s -s bench/lua/pages.lua "$BASE" >/dev/null # warm up
[ -n "${OLD_REV:-}" ] && WARTA_PATHS=$WARM wrk -t1 -c8 -d2s -s bench/lua/pages.lua "http://127.0.0.1:$OPORT" >/dev/null

# measure NAME URL PATHS PID: one round of read_load, with the CPU time of
# PID per request appended (µs; "-" without a PID).
measure() {
	local t0 t1 line reqs
	[ -n "$4" ] && t0=$(cpu_ticks "$4")
	line=$(read_load "$1" "$2" "$3")
	if [ -n "$4" ]; then
		t1=$(cpu_ticks "$4")
		reqs=$(awk '/requests in/ { print $1 }' "$OUT/$1.wrk")
		echo "$line $(awk -v d=$((t1 - t0)) -v hz="$HZ" -v n="$reqs" 'BEGIN { printf "%.0f", d / hz * 1e6 / n }')"
	else
		echo "$line -"
	fi
}

# summary FILE: mean pages/s, p50 and CPU µs/page, worst p99, all non-2xx.
summary() { awk '{ r+=$1; p+=$2; if ($3>m) m=$3; b+=$4; c+=$5 } END { printf "%.0f %.2f %.2f %d %.0f\n", r/NR, p/NR, m, b, c/NR }' "$1"; }

echo "uncached: --page-cache 0, wrk -t$THREADS -c$CONNS, $ROUNDS alternating rounds of $DURATION per server and kind${GZIP:+, gzip}, db: sqlite"
printf '%-9s %6s %9s %9s %9s %8s %8s %9s %9s %7s %7s\n' kind pages "nginx/s" "old/s" "warta/s" "new/old" "w/nginx" "old µs" "warta µs" "µs o/w" "p99 ms"
for kind in $KINDS; do
	paths=$OUT/uncached-$kind.paths
	: > "$OUT/uncached-$kind-nginx.rounds"
	: > "$OUT/uncached-$kind-new.rounds"
	: > "$OUT/uncached-$kind-old.rounds"
	# Alternate the servers ROUNDS times, so that other load on the machine
	# weighs on each alike: pages/s, p50 and CPU are the means, p99 the worst round's.
	for i in $(seq 1 "$ROUNDS"); do
		measure uncached-nginx "http://127.0.0.1:$NPORT" "$paths" "" >> "$OUT/uncached-$kind-nginx.rounds"
		measure uncached-new "$BASE" "$paths" "$WPID" >> "$OUT/uncached-$kind-new.rounds"
		[ -n "${OLD_REV:-}" ] && measure uncached-old "http://127.0.0.1:$OPORT" "$paths" "$OPID" >> "$OUT/uncached-$kind-old.rounds"
	done
	read -r NR _ _ NBAD _ < <(summary "$OUT/uncached-$kind-nginx.rounds")
	read -r WR _ WP99 WBAD WCPU < <(summary "$OUT/uncached-$kind-new.rounds")
	OR=- OCPU=- OBAD=0
	[ -n "${OLD_REV:-}" ] && read -r OR _ _ OBAD OCPU < <(summary "$OUT/uncached-$kind-old.rounds")
	awk -v k="$kind" -v n="$(wc -l < "$paths")" -v nr="$NR" -v o="$OR" -v w="$WR" -v oc="$OCPU" -v wc="$WCPU" -v p99="$WP99" 'BEGIN {
		r = (o == "-" || o == 0) ? "-" : sprintf("%.2f", w / o)
		c = (oc == "-" || wc == 0) ? "-" : sprintf("%.2f", oc / wc)
		if (nr == 0) nr = 1
		printf "%-9s %6d %9d %9s %9d %8s %8.2f %9s %9d %7s %7.1f\n", k, n, nr, o, w, r, w / nr, oc, wc, c, p99 }'
	[ "$NBAD$WBAD$OBAD" = 000 ] || echo "  non-2xx: nginx $NBAD, warta $WBAD, old $OBAD"
done
echo "new/old: pages/s of this tree / ${OLD_REV:-(no OLD_REV)} in the same rounds; µs: CPU per page of each Warta process; µs o/w: old CPU / this tree's"
true
