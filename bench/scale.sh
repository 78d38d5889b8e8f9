#!/usr/bin/env bash
# Scale check: the same pages on the demo database and on a copy grown to
# N articles (default 200,000), every cache off, side by side in one run.
#
#   bench/scale.sh            # N=200000
#   N=1000000 bench/scale.sh  # slower to build (about a minute per 200,000)
#
# Needs the sqlite3 client (apt-get install sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-200000}
OUT=$PWD/bench/out/scale
rm -rf "$OUT" && mkdir -p "$OUT"
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 not found (apt-get install sqlite3)"; exit 2; }
go run ./cmd/warta demo --db "$OUT/small.db" --media "$OUT/media" >/dev/null
cp "$OUT/small.db" "$OUT/big.db"
# Archive articles spread over eight years, in every category, each with one
# of twenty tags (so a tag holds N/20 articles).
sqlite3 "$OUT/big.db" "
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO articles (slug, title, excerpt, body_source, body_html, category_id, status, published_at, created_at, updated_at, views)
SELECT 'arsip-' || i, 'Arsip berita nomor ' || i, 'Ringkasan arsip.', 'Isi arsip.', '<p>Isi arsip ' || i || '.</p>',
  1 + (i % 7), 'published', datetime('now', '-' || (30 + i % 3000) || ' days'), datetime('now', '-3100 days'),
  datetime('now', '-3100 days'), i % 500 FROM n;
INSERT INTO article_tags (article_id, tag_id) SELECT a.id, (a.id % 20) + 1 FROM articles a WHERE a.slug LIKE 'arsip-%';"
echo "articles: small $(sqlite3 "$OUT/small.db" 'SELECT COUNT(*) FROM articles'), big $(sqlite3 "$OUT/big.db" 'SELECT COUNT(*) FROM articles')"
WARTA_SCALE_DBS="$OUT/small.db,$OUT/big.db" go test ./internal/server -run '^$' -bench PagesAtScale -benchtime ${BENCHTIME:-200x} | grep -E '^Benchmark|^ok'
