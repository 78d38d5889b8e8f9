#!/usr/bin/env bash
# Related-news work per publish at several archive sizes (issue 19): runs
# discovery.Engine.Recompute (the article's list, its offers, the lists it
# leaves) on the newest 20 articles of each database in WARTA_SCALE_DBS,
# the databases taking turns publish by publish, and prints per database
# the median wall time, the process CPU time per publish (on SQLite all of
# the work) and, on PostgreSQL, the buffers and rows the database read.
#
#   WARTA_SCALE_DBS=/tmp/x/scale-1000.db,/tmp/x/scale-100000.db bench/related-scale.sh
#   WARTA_SCALE_DBS=postgres://...:5432/scale_1k,postgres://...:5432/scale_100k ROUNDS=3 bench/related-scale.sh
#
# Build the databases with bench/scalegen (bench/scale.sh with KEEP=1 keeps
# its own). Recompute rewrites the related lists of those articles, nothing
# else.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${WARTA_SCALE_DBS:?set WARTA_SCALE_DBS to comma-separated SQLite files or postgres:// URLs}"
WARTA_SCALE_ROUNDS=${ROUNDS:-1} nice -n 10 go test ./internal/discovery/ -run '^TestRelatedPerPublishAtScale$' -count 1 -v -timeout 60m |
	sed -n '/^related news per publish/,/^---/p' | grep -v '^---'
