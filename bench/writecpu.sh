#!/usr/bin/env bash
# CPU per reader write: a demo site, bench/pacer alone (no reads) sending
# reactions and/or comments from new readers at a paced rate, and the CPU
# time the Warta process (and, on PostgreSQL, its server backends, the WAL
# writer and the checkpointer) spent per acknowledged write, from /proc.
# With OLD_REV=<git revision> the same run is made for that revision's
# binary right after, so the two lines compare on the same machine.
#
#   bench/writecpu.sh                                   # SQLite, mix, 200 writes/s for 20 s
#   WARTA_PG=postgres://postgres@127.0.0.1:5432 bench/writecpu.sh   # a fresh database warta_writecpu there
#   KIND=reaction RATE=50 OLD_REV=95660e5 bench/writecpu.sh
#
# Traffic goes only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${RATE:-200}
KIND=${KIND:-mix}
FOR=${FOR:-20s}
PORT=${PORT:-18099}
. bench/lib.sh
go build -o "$OUT/warta" ./cmd/warta
go build -o "$OUT/pacer" ./bench/pacer
if [ -n "${OLD_REV:-}" ]; then
	rm -rf "$OUT/old-src" && mkdir -p "$OUT/old-src"
	git archive "$OLD_REV" | tar -x -C "$OUT/old-src"
	(cd "$OUT/old-src" && go build -o ../warta-old ./cmd/warta)
fi

# ticks PID...: CPU time (user + system, clock ticks) of those processes.
ticks() {
	local t=0 q
	for q in "$@"; do
		[ -r /proc/$q/stat ] && t=$((t + $(awk '{print $14 + $15}' /proc/$q/stat)))
	done
	echo $t
}

measure() {
	local name=$1 bin=$2 db pids=""
	if [ -n "${WARTA_PG:-}" ]; then
		psql "$WARTA_PG/postgres" -qc "DROP DATABASE IF EXISTS warta_writecpu" -qc "CREATE DATABASE warta_writecpu" >/dev/null
		db="$WARTA_PG/warta_writecpu?sslmode=disable"
	else
		rm -f "$OUT"/writecpu.db*
		db="$OUT/writecpu.db"
	fi
	rm -rf "$OUT/media-$PORT"
	start_warta "$bin" $PORT "$db" --trust-proxy
	local pid=${PIDS[-1]} base="http://127.0.0.1:$PORT"
	wait_photos "$base"
	sleep 2 # the demo's background work after the photos
	local ids
	ids=$(article_ids "$base" 6)
	if [ -n "${WARTA_PG:-}" ]; then
		pids=$(psql "$WARTA_PG/postgres" -tAc "SELECT pid FROM pg_stat_activity WHERE datname = 'warta_writecpu' OR backend_type IN ('walwriter', 'checkpointer', 'background writer')")
	fi
	local w0 p0 w1 p1 acked
	w0=$(ticks "$pid"); p0=$(ticks $pids)
	"$OUT/pacer" -base "$base" -rate "$RATE" -for "$FOR" -ids "$ids" -kind "$KIND" > "$OUT/writecpu-$name.txt"
	w1=$(ticks "$pid"); p1=$(ticks $pids)
	acked=$(grep -o 'acknowledged [0-9]*' "$OUT/writecpu-$name.txt" | awk '{print $2}')
	awk -v n="$name" -v a="$acked" -v w=$((w1 - w0)) -v p=$((p1 - p0)) -v hz="$(getconf CLK_TCK)" \
		'BEGIN { printf "%-8s %9d %14.0f %16.0f\n", n, a, w / hz * 1e6 / a, p / hz * 1e6 / a }'
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}

engine=sqlite
[ -z "${WARTA_PG:-}" ] || engine=postgres
echo "writes: $KIND, $RATE/s for $FOR, each from a new reader, no reads; db: $engine"
printf "%-8s %9s %14s %16s\n" binary acked "warta µs/write" "postgres µs/write"
measure new "$OUT/warta"
[ -z "${OLD_REV:-}" ] || measure old "$OUT/warta-old"
