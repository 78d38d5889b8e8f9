# Shared by bench/mixed.sh, bench/page.sh and bench/uncached.sh: start a Warta process,
# list a site's pages, run wrk over them and read its figures. Source it.
OUT=${OUT:-bench/out}
mkdir -p "$OUT"
for tool in wrk curl go; do
	command -v $tool >/dev/null || { echo "bench: $tool not found (apt-get install wrk curl)"; exit 2; }
done
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
}
trap cleanup EXIT

# start_warta BIN PORT DB ARGS... starts a demo site and waits until it
# answers (START_WAIT seconds at most, 30 by default: seeding the demo takes
# longer on a busy machine).
start_warta() {
	local bin=$1 port=$2 db=$3
	shift 3
	"$bin" serve --demo --db "$db" --media "$OUT/media-$port" --addr 127.0.0.1:$port --log-level warn "$@" &
	PIDS+=($!)
	for _ in $(seq 1 $((${START_WAIT:-30} * 5))); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && return 0; sleep 0.2; done
	echo "bench: warta on port $port did not start"; exit 1
}

# wait_photos BASE: waits until every article's lead photo is drawn. A demo
# site draws them in the background once it serves, on every core: a run
# that starts before they are done measures the drawing too (its first
# round most of all).
wait_photos() {
	local base=$1 urls u missing
	# "|| true": an archive whose newest articles have no photo is ready at once.
	urls=$(curl -fs "$base/api/v1/articles?limit=100" | { grep -o '"photo":{"url":"[^"]*"' || true; } | sed -E 's/.*"url":"([^"]*)"/\1/')
	for _ in $(seq 1 600); do
		missing=0
		for u in $urls; do curl -fso /dev/null "$u" || { missing=1; break; }; done
		[ $missing = 0 ] && return 0
		sleep 1
	done
	echo "bench: the demo photos of $base were not drawn within 10 minutes"; exit 1
}

# cpu_ticks PID: CPU time (user + system, in clock ticks) used so far by the
# process and its children (nginx's workers).
cpu_ticks() {
	local t=0 q
	for q in $1 $(pgrep -P "$1" || true); do
		[ -r /proc/$q/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$q/stat)))
	done
	echo $t
}

# site_paths BASE > file: every published article, the home page and every
# category page, one path a line. The articles come from the sitemap's
# article files (one index range of 1,000 ids each, one curl for all of
# them): paging the API 100 at a time read deeper and deeper pages, and on
# a cold 1M archive had listed 169,457 articles after 600 s.
site_paths() {
	local base=$1
	echo /
	curl -fs "$base/api/v1/categories" | grep -o '"url":"[^"]*/kanal/[^"/]*"' | sed -E 's#"url":"https?://[^/]+([^"]+)"#\1#'
	curl -fs "$base/sitemap.xml" | grep -o '<loc>[^<]*/sitemaps/articles-[0-9]*\.xml</loc>' |
		sed -E "s#<loc>https?://[^/]+([^<]+)</loc>#$base\\1#" | xargs -r curl -fs |
		grep -o '<loc>[^<]*/berita/[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+([^<]+)</loc>#\1#'
}

# article_ids BASE N: the ids of the N oldest articles, comma-separated.
article_ids() {
	curl -fs "$1/api/v1/articles?limit=100" | grep -o '"id":[0-9]*,"slug":"[^"]*","title"' | sed -E 's/"id":([0-9]+).*/\1/' | tail -n "$2" | paste -sd, -
}

# read_load NAME URL PATHFILE: wrk over the pages; prints "rps p50 p99 non2xx".
read_load() {
	WARTA_PATHS=$3 nice -n 5 wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/lua/pages.lua "$2" > "$OUT/$1.wrk"
	awk '
	function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
	/Requests\/sec/ { rps=$2 }
	$1=="50%" { p50=ms($2) }
	$1=="99%" { p99=ms($2) }
	/Non-2xx/ { bad=$NF }
	END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (bad==""?0:bad) }' "$OUT/$1.wrk"
}

# summarize FILE: the rounds of read_load lines as one: mean pages/s and
# p50, worst p99, all non-2xx.
summarize() { awk '{ r+=$1; p+=$2; if ($3>m) m=$3; b+=$4 } END { printf "%.0f %.2f %.2f %d\n", r/NR, p/NR, m, b }' "$1"; }

row() { printf '%-34s %12s %9s %9s %8s\n' "$@"; }

# nginx_conf LOCATION: writes $OUT/nginx/nginx.conf for nginx serving
# $OUT/www on 127.0.0.1:$NPORT, one location / { LOCATION; } (gzip on when
# GZIP is set).
nginx_conf() {
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
  default_type text/html;
  gzip $( [ -n "${GZIP:-}" ] && echo on || echo off );
  gzip_types text/html;
  gzip_min_length 512;
  server {
    listen 127.0.0.1:$NPORT;
    root $PWD/$OUT/www;
    location / { $1; }
  }
}
CONF
}

# db_kind: the engine of WARTA_DB as the benches' headers name it (a
# postgres:// URL, else an SQLite file, the demo's by default).
db_kind() { case "${WARTA_DB:-}" in postgres://* | postgresql://*) echo postgres ;; "") echo sqlite ;; *) echo "sqlite ($WARTA_DB)" ;; esac; }
