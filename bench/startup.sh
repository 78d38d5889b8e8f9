#!/usr/bin/env bash
# Start-up at scale (issue 11): for each database given (SQLite files or
# postgres:// URLs, e.g. the ones bench/scale.sh keeps with KEEP=1), start
# `warta serve` on it and time the first answer of the home page and of an
# article page, counted from the process start (open, migrations, first
# request; PRAGMA optimize runs in the background after the start and is
# not waited for), and the CPU time the process had used by then (on a
# loaded machine the wall time is mostly waiting for a core: Go's own
# package initialisation alone took over 8 s at load average 35). The
# server is stopped after each.
#
#   bench/startup.sh /tmp/warta-scale/scale-1000000.db 'postgres://postgres@127.0.0.1:5432/warta_scale_1000000?sslmode=disable'
#
# It writes to the databases what a start writes (migrations still pending,
# statistics, the related-news resync). PORT (default 20200) is the port used.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-20200}
OUT=${OUT:-/tmp/warta-startup}
mkdir -p "$OUT"
go build -o "$OUT/warta" ./cmd/warta
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
for db in "$@"; do
	t0=$(date +%s%N)
	"$OUT/warta" serve --db "$db" --media "$OUT/media" --addr 127.0.0.1:$PORT --log-level warn > "$OUT/serve.log" 2>&1 &
	pid=$!
	first=""
	for _ in $(seq 1 6000); do
		if curl -fso /dev/null "http://127.0.0.1:$PORT/"; then
			first=$(ms "$t0")
			cpu=$(awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' /proc/$pid/stat)
			break
		fi
		kill -0 $pid 2>/dev/null || break
		sleep 0.05
	done
	if [[ -z $first ]]; then
		echo "$db: no answer (see $OUT/serve.log)"; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; continue
	fi
	art=$(curl -fs "http://127.0.0.1:$PORT/api/v1/articles?limit=1" | grep -o '"url":"[^"]*/berita/[^"]*"' | head -1 | sed -E 's#"url":"https?://[^/]+([^"]+)"#\1#')
	t1=$(date +%s%N); curl -fso /dev/null "http://127.0.0.1:$PORT$art"; a=$(ms "$t1")
	echo "$db: first answer of / after $first ms from the process start ($cpu ms CPU; load $(cut -d' ' -f1 /proc/loadavg)); an article page after that: $a ms"
	kill $pid; wait $pid 2>/dev/null || true
done
