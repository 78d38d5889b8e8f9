#!/usr/bin/env bash
# Scale check (issue 11): the same pages on archives of several sizes, on
# SQLite and (when WARTA_TEST_POSTGRES or PG is set) PostgreSQL, every cache
# off, in one run; prints the median of 20 requests per page and size and
# the ratio of the largest size to the smallest.
#
#   bench/scale.sh                           # SIZES="1000 100000"
#   SIZES="1000 100000 1000000" bench/scale.sh
#   KEEP=1 bench/scale.sh                    # keep the databases it builds for a rerun
#   TABLE=bench/out/scale.txt SIZES=... bench/scale.sh  # only the table of an earlier run's output
#
# Each size N gets N archive articles, 10*N comments (at least 15,000:
# the hot article's) and a week of hourly views (2% of the archive read in
# each hour, every article of the three days before it read more) from
# bench/scalegen. Databases go to $OUT (default
# /tmp/warta-scale); a million articles take 25-28 GB per engine. A
# database already there (SQLite file, or PostgreSQL database
# warta_scale_N) is used as it is. bench/startup.sh times a real
# `warta serve` start on the kept databases.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 100000"}
OUT=${OUT:-/tmp/warta-scale}
PG=${PG:-${WARTA_TEST_POSTGRES:-}}
mkdir -p "$OUT" bench/out
if [[ -n ${TABLE:-} ]]; then KEEP=1; else
go build -o "$OUT/scalegen" ./bench/scalegen
dbs=() pgdbs=() built=() builtpg=()
for n in $SIZES; do
	c=$((n * 10)); ((c < 15000)) && c=15000
	f="$OUT/scale-$n.db"
	if [[ ! -f $f ]]; then
		echo "== building SQLite $n articles, $c comments" >&2
		/usr/bin/time -f "   %e s wall, %U s user, %S s sys, %M KB; load at the start $(cut -d' ' -f1-3 /proc/loadavg)" nice -n 10 "$OUT/scalegen" --db "$f" --articles "$n" --comments "$c" 2>&1 | tee "$OUT/build-sqlite-$n.log" | tail -3 >&2
		built+=("$f")
	fi
	dbs+=("$f")
	if [[ -n $PG ]]; then
		db="warta_scale_$n"
		u="${PG%%\?*}"; base="${u%/*}"; q=""; [[ $PG == *\?* ]] && q="?${PG#*\?}"
		if ! psql "$PG" -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
			echo "== building PostgreSQL $n articles, $c comments" >&2
			psql "$PG" -qc "CREATE DATABASE $db"
			/usr/bin/time -f "   %e s wall, %U s user, %S s sys (the generator; the server's CPU is not counted), %M KB" nice -n 10 "$OUT/scalegen" --db "$base/$db$q" --articles "$n" --comments "$c" 2>&1 | tee "$OUT/build-pg-$n.log" | tail -3 >&2
			builtpg+=("$db")
		fi
		pgdbs+=("$base/$db$q")
	fi
done
# One engine's sizes after the other: at a million articles the two
# archives (~27 and ~25 GB) do not fit in the page cache together, and
# alternating them timed cold reads.
dbs+=(${pgdbs[@]+"${pgdbs[@]}"})
list=$(IFS=,; echo "${dbs[*]}")
WARTA_SCALE_DBS="$list" nice -n 10 go test ./internal/server -run '^$' -bench PagesAtScale -benchtime ${BENCHTIME:-20x} -timeout 60m \
	| tee bench/out/scale.txt | grep -E '^Benchmark' >/dev/null || true
fi
# Table: one row per page, one column per database, then the ratio of the
# last size to the first per engine.
awk -v sizes="$SIZES" '
/^BenchmarkPagesAtScale\// {
	split($1, p, "/"); page = p[2]; db = p[3]; sub(/-[0-9]+$/, "", db)
	for (i = 2; i < NF; i++) { if ($(i+1) == "ms-median") v[page, db] = $i; if ($(i+1) == "entries") n[page, db] = $i }
	if (!(page in seen)) { seen[page] = 1; order[++np] = page }
	if (!(db in dseen)) { dseen[db] = 1; dorder[++nd] = db }
}
END {
	ns = split(sizes, sz, " ")
	printf "| page |"; for (d = 1; d <= nd; d++) printf " %s |", dorder[d]
	for (e = 1; e <= 2; e++) { eng = e == 1 ? "sqlite" : "pg"; if ((eng "-scale-" sz[1] in dseen) || (eng "-warta_scale_" sz[1] in dseen)) printf " %s %s/%s |", eng, sz[ns], sz[1] }
	printf " per entry |\n| --- |"; for (d = 1; d <= nd; d++) printf " ---: |"; printf " ---: | ---: | --- |\n"
	for (r = 1; r <= np; r++) {
		pg = order[r]; printf "| %s |", pg
		for (d = 1; d <= nd; d++) printf " %s |", ((pg, dorder[d]) in v) ? v[pg, dorder[d]] : "-"
		for (e = 1; e <= 2; e++) {
			a = (e == 1) ? "sqlite-scale-" sz[1] : "pg-warta_scale_" sz[1]
			z = (e == 1) ? "sqlite-scale-" sz[ns] : "pg-warta_scale_" sz[ns]
			if (!(a in dseen)) continue
			if ((pg, a) in v && (pg, z) in v && v[pg, a] > 0) printf " %.1f× |", v[pg, z] / v[pg, a]; else printf " - |"
		}
		# A sitemap grows with what it lists: its cost per entry, smallest
		# size to largest, per engine.
		printf " "
		for (e = 1; e <= 2; e++) {
			a = (e == 1) ? "sqlite-scale-" sz[1] : "pg-warta_scale_" sz[1]
			z = (e == 1) ? "sqlite-scale-" sz[ns] : "pg-warta_scale_" sz[ns]
			if ((pg, a) in n && (pg, z) in n && n[pg, a] > 0 && v[pg, a] > 0)
				printf "%s %d→%d entries, %.1f→%.1f µs each (%.1f×); ", (e == 1 ? "sqlite" : "pg"), n[pg, a], n[pg, z],
					1000 * v[pg, a] / n[pg, a], 1000 * v[pg, z] / n[pg, z], (v[pg, z] / n[pg, z]) / (v[pg, a] / n[pg, a])
		}
		printf "|\n"
	}
}' "${TABLE:-bench/out/scale.txt}" | tee bench/out/scale.md
# Without KEEP, remove what this run built; an archive that was there
# before (a SQLite file, a warta_scale_N database) is someone's and stays.
if [[ -z ${KEEP:-} ]]; then
	for f in ${built[@]+"${built[@]}"}; do rm -f "$f" "$f"-wal "$f"-shm; done
	for db in ${builtpg[@]+"${builtpg[@]}"}; do psql "$PG" -qc "DROP DATABASE IF EXISTS $db"; done
fi
