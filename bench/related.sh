#!/usr/bin/env bash
# Related-news evaluation: loads the labelled evaluation set
# (internal/discovery/testdata/eval, generated in evalset_test.go) through
# the admin API, one half per fresh database, as a newsroom would (in
# publication order, each article with its own past published_at), with the
# related-news engine running; reads every related list from the public API
# a few seconds after the last publish and once settled, and prints
# precision@5 for the tuning and the test half beside a plain TF-IDF cosine
# baseline on the same articles. On SQLite, and on PostgreSQL when
# WARTA_TEST_POSTGRES is set.
#
#   bench/related.sh
#   WARTA_RELATED_READ_AFTER=10s bench/related.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WARTA_RELATED_EVAL=1 nice -n 10 go test ./internal/discovery/ -run '^TestRelatedEvaluation$' -count 1 -v -timeout 20m |
	sed -n '/^related-news evaluation/,/^---/p' | grep -v '^---'
