#!/usr/bin/env bash
# Fault runs, longer than the suite's (internal/faults, internal/adminapi):
#
#   1,000 rounds of two concurrent PATCHes to one article (title vs excerpt):
#         no acknowledged change may be lost, on both engines;
#   kill -9 during article creates and between webhook commit and delivery,
#         many rounds (no half article; every event delivered, in order);
#   pg_terminate_backend bursts and proxy-cut PostgreSQL outages (503, never
#         500; served again at once);
#   a real PostgreSQL restart under reader load, on a throwaway cluster of
#         its own under /tmp (never the shared server): never a 500, and
#         Warta serves again within 1 s of PostgreSQL accepting connections.
#
#   bench/faults.sh                      # SQLite; PostgreSQL too when WARTA_TEST_POSTGRES is set
#   ROUNDS=20 SAVE_ROUNDS=1000 bench/faults.sh
#
# The restart part needs initdb and pg_ctl (Debian's postgresql package);
# run as root it starts the cluster as the postgres user. Traffic stays on
# 127.0.0.1. Prints a summary; exits non-zero when a check fails.
set -uo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-10}
SAVE_ROUNDS=${SAVE_ROUNDS:-1000}
PGPORT_THROWAWAY=${PGPORT_THROWAWAY:-55439}
OUT=bench/out
mkdir -p "$OUT"
fail=0
run() { echo "== $*"; nice -n 19 "$@" || fail=1; }

run env WARTA_SAVE_ROUNDS="$SAVE_ROUNDS" go test ./internal/adminapi/ -run 'TestConcurrentPatchesNeverLoseAnAcknowledgedChange' -count=1 -v -timeout 30m \
  | tee "$OUT/faults-saves.txt" | grep -E 'lost a change|^(---|ok|FAIL)'
run env WARTA_FAULT_ROUNDS="$ROUNDS" WARTA_FAULT_OUTAGES="$ROUNDS" go test ./internal/faults/ -count=1 -v -timeout 30m \
  -run 'Kill9|Webhooks|Terminate|Outage|ThreeDemo|FullDisk' | tee "$OUT/faults-suite.txt" | grep -E '_test.go:[0-9]+: |^(---|ok|FAIL)'

# A real restart, on a cluster of our own.
if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  PGDIR=$(mktemp -d /tmp/warta-faults-pg.XXXXXX)
  as=""
  if [ "$(id -u)" = 0 ]; then chown postgres "$PGDIR"; as="su postgres -c"; fi
  sh_as() { if [ -n "$as" ]; then su postgres -c "$1"; else sh -c "$1"; fi; }
  sh_as "initdb -D $PGDIR/data -U postgres --auth=trust >/dev/null" &&
  sh_as "pg_ctl -D $PGDIR/data -o '-p $PGPORT_THROWAWAY -k $PGDIR -c listen_addresses=127.0.0.1' -l $PGDIR/log -w start >/dev/null" || fail=1
  RESTART="pg_ctl -D $PGDIR/data -m fast -w restart >/dev/null"
  [ -n "$as" ] && RESTART="su postgres -c \"$RESTART\""
  run env WARTA_FAULT_PG_URL="postgres://postgres@127.0.0.1:$PGPORT_THROWAWAY/postgres?sslmode=disable" \
    WARTA_FAULT_PG_RESTART="$RESTART" WARTA_FAULT_RESTARTS="${RESTARTS:-5}" \
    go test ./internal/faults/ -run TestPostgresRestartUnderLoad -count=1 -v -timeout 10m | tee "$OUT/faults-restart.txt" \
    | grep -E '_test.go:[0-9]+: |^(---|ok|FAIL)'
  sh_as "pg_ctl -D $PGDIR/data -m immediate stop >/dev/null" || true
  rm -rf "$PGDIR"
  # Recovery within 1 s of PostgreSQL accepting connections.
  slow=$(grep -oE 'recovered_after=[0-9.]+(ms|µs|s)' "$OUT/faults-restart.txt" | awk -F= '{v=$2; if (v ~ /ms$/) {sub(/ms$/,"",v); v/=1000} else if (v ~ /µs$/) {sub(/µs$/,"",v); v/=1000000} else {sub(/s$/,"",v)}; if (v >= 1) print v}')
  if [ -n "$slow" ]; then echo "FAIL: recovery took $slow s (want < 1 s)"; fail=1; fi
else
  echo "== restart under load skipped: initdb/pg_ctl not found"
fi
[ $fail = 0 ] && echo "faults: all checks passed" || echo "faults: SOME CHECKS FAILED"
exit $fail
